// Validates JSON files against a JSON Schema.
//
//   node validate.mjs SCHEMA.json FILE.json...
//
// Prints "FILE: ok" for each valid file, or the file's errors (instance path
// and message). Exits with 1 if any file fails (including a file that cannot
// be read or is not valid JSON), and with 2 on a usage error or a schema that
// cannot be read, parsed or compiled.
//
// A schema whose "$schema" names draft-04 (such as the SARIF 2.1.0 schema) is
// compiled with ajv-draft-04; any other schema with Ajv's draft 2020-12 class.
// ajv-formats adds the "date", "uri" and other formats.
//
// The packages are loaded from the node_modules of the current working
// directory: ES modules resolve bare names relative to the script's own
// location and ignore NODE_PATH, so they are required from the cwd instead.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";

const require = createRequire(path.join(process.cwd(), "noop.js"));

function usage(message) {
  if (message) console.error(`validate.mjs: ${message}`);
  console.error("usage: node validate.mjs SCHEMA.json FILE.json...");
  process.exit(2);
}

function readFile(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${file}: cannot read: ${e.message}`);
    process.exit(2);
  }
}

function loadPackage(name) {
  try {
    const mod = require(name);
    return mod && mod.default ? mod.default : mod;
  } catch (e) {
    console.error(
      `validate.mjs: cannot load '${name}' from ${process.cwd()}/node_modules: ${e.message}`);
    process.exit(2);
  }
}

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) usage();

const schemaText = readFile(schemaPath);
let schema;
try {
  schema = JSON.parse(schemaText);
} catch (e) {
  console.error(`${schemaPath}: not valid JSON: ${e.message}`);
  process.exit(2);
}

const draft04 = typeof schema.$schema === "string" && schema.$schema.includes("draft-04");
const addFormats = loadPackage("ajv-formats");
let ajv;
if (draft04) {
  const AjvDraft04 = loadPackage("ajv-draft-04");
  ajv = new AjvDraft04({ allErrors: true, strict: false });
} else {
  const Ajv2020 = loadPackage("ajv/dist/2020");
  ajv = new Ajv2020({ allErrors: true });
}
addFormats(ajv);

let validate;
try {
  validate = ajv.compile(schema);
} catch (e) {
  console.error(`${schemaPath}: not a valid schema: ${e.message}`);
  process.exit(2);
}

let failed = false;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.log(`${file}: cannot read: ${e.message}`);
    failed = true;
    continue;
  }
  let instance;
  try {
    instance = JSON.parse(text);
  } catch (e) {
    console.log(`${file}: not valid JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (validate(instance)) {
    console.log(`${file}: ok`);
    continue;
  }
  failed = true;
  console.log(`${file}: invalid`);
  for (const err of validate.errors) {
    const where = err.instancePath === "" ? "/" : err.instancePath;
    let message = err.message;
    let detail = "";
    if (err.keyword === "false schema") {
      message = "is not allowed here";
    } else if (err.keyword === "additionalProperties") {
      detail = ` '${err.params.additionalProperty}'`;
    } else if (err.keyword === "enum") {
      detail = `: ${err.params.allowedValues.join(", ")}`;
    } else if (err.keyword === "const") {
      detail = `: ${JSON.stringify(err.params.allowedValue)}`;
    }
    console.log(`  ${where}: ${message}${detail}`);
  }
}
process.exit(failed ? 1 : 0);
