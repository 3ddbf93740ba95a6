// Calls to the s1ql serve API (docs/api.md). Every answer is JSON; an error answer becomes a thrown Error with
// the server's message.
export async function get(path) {
  return answer(await fetch(path, { headers: { Accept: "application/json" } }));
}

export async function post(path, body, signal) {
  return answer(await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
    signal,
  }));
}

async function answer(r) {
  let data;
  try {
    data = await r.json();
  } catch (e) {
    throw new Error("HTTP " + r.status + ": the answer is not JSON");
  }
  if (!r.ok) throw new Error(data && data.error ? data.error : "HTTP " + r.status);
  return data;
}
