// Bundles web/src into the page script inside the jar (src/main/resources/dev/s1ql/serve/web/app.js).
// `node build.mjs` writes it there; `node build.mjs --out FILE` writes elsewhere (WebBundleTest compares the two).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf("--out");
const out = i > 0 ? path.resolve(process.argv[i + 1])
  : path.join(here, "..", "src", "main", "resources", "dev", "s1ql", "serve", "web", "app.js");

await build({
  absWorkingDir: here,
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  charset: "utf8",
  outfile: out,
  logLevel: "warning",
});
console.log("wrote " + out);
