#!/usr/bin/env node
// s1ql kql-check: runs Microsoft's Kusto.Language (npm @kusto/language-service-next) over the KQL that s1ql
// emits and reports every error diagnostic — syntax errors as well as unknown tables, columns and functions.
//
//   node check.js --schema mde=defender.json --schema sentinel-asim=sentinel.json < batch.jsonl
//
// Input: one JSON object a line, {"id": "...", "schema": "mde", "kql": "..."}. A schema is a JSON file
// {"database": name, "tables": {"Table": "(Col:type, ...)"}}; a line whose schema name was not given is
// checked for syntax and built-in functions only.
// Output: one JSON object a line, {"id", "ok", "errors": [{"code", "message", "offset", "length"}]}, in input
// order. Exit status 0 when every query is free of errors, 1 when any has one, 2 on bad usage.
// One process checks a whole batch: loading the library takes a fraction of a second, a query a few ms.
'use strict';
const fs = require('fs');

require('@kusto/language-service-next/bridge.min.js');               // the .NET runtime shim (global Bridge)
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js'); // the parser (global Kusto)
const Kusto = global.Kusto.Language;

/** A GlobalState that knows the tables of one schema file. */
function globalsFor(file) {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const tables = [];
  for (const name of Object.keys(schema.tables)) {
    tables.push(new Kusto.Symbols.TableSymbol.$ctor7(name, schema.tables[name], null));
  }
  const database = new Kusto.Symbols.DatabaseSymbol.ctor(schema.database || 'default', tables);
  return Kusto.GlobalState.Default.WithDatabase(database);
}

/** The error diagnostics of one query; Kusto reports syntax and semantic errors through one list. */
function errorsOf(text, globals) {
  const code = Kusto.KustoCode.ParseAndAnalyze(text, globals);
  const list = code.GetDiagnostics();
  const errors = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    if (d.Severity !== 'Error') continue;
    errors.push({ code: d.Code, message: d.Message, offset: d.Start, length: d.Length });
  }
  return errors;
}

function parseArgs(argv) {
  const schemas = new Map();
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i] === '--schema' && /^([^=]+)=(.+)$/.exec(argv[i + 1] || '');
    if (!m) {
      console.error('usage: node check.js [--schema NAME=FILE]... < queries.jsonl');
      process.exit(2);
    }
    schemas.set(m[1], globalsFor(m[2]));
    i++;
  }
  return schemas;
}

function main() {
  const schemas = parseArgs(process.argv.slice(2));
  const lines = fs.readFileSync(0, 'utf8').split('\n').filter(l => l.trim() !== '');
  let failed = 0;
  const out = [];
  for (const line of lines) {
    const item = JSON.parse(line);
    const globals = schemas.get(item.schema) || Kusto.GlobalState.Default;
    const errors = errorsOf(item.kql, globals);
    if (errors.length) failed++;
    out.push(JSON.stringify({ id: item.id, ok: errors.length === 0, errors }));
  }
  process.stdout.write(out.length ? out.join('\n') + '\n' : '');
  console.error(`kql-check: ${lines.length} queries, ${failed} with errors`);
  process.exit(failed ? 1 : 0);
}

main();
