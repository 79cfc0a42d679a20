// The WebAssembly module under Node.js finds what the native command line finds, for every example:
//   node node_check.js WASM_DIR LIFTLINT SOURCE_DIR
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const [wasmDir, binary, source] = process.argv.slice(2);
const createLiftlint = require(path.resolve(wasmDir, "liftlint.js"));

function examples() {
  const out = [];
  for (const folder of ["examples", "examples/json"]) {
    for (const name of fs.readdirSync(path.join(source, folder)).sort()) {
      if (name.endsWith(".plan") || name.endsWith(".json")) out.push(`${folder}/${name}`);
    }
  }
  return out;
}

function native(plan) {
  try {
    return execFileSync(binary, ["check", plan, "--format", "json"], { cwd: source, stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    return e.stdout;  // exit 1: findings
  }
}

// docs/javascript.md's example, run as written with the module it names, prints what the page says.
function documentedExample() {
  const doc = fs.readFileSync(path.join(source, "docs", "javascript.md"), "utf8");
  const code = doc.match(/```js\n([\s\S]*?)```/)[1];
  const printed = doc.match(/prints, among the findings of that plan,\n\n```text\n([\s\S]*?)```/)[1].trim();
  const script = path.join(require("os").tmpdir(), `liftlint-doc-${process.pid}.js`);
  fs.writeFileSync(script, code.replace("./build-wasm/web/liftlint.js", path.resolve(wasmDir, "liftlint.js")));
  try {
    const out = execFileSync(process.execPath, [script]).toString();
    return out.split("\n").includes(printed) ? [] : [`docs/javascript.md: the example printed ${out}`];
  } finally {
    fs.unlinkSync(script);
  }
}

createLiftlint().then((liftlint) => {
  const failures = [];
  const plans = examples();
  for (const plan of plans) {
    const text = fs.readFileSync(path.join(source, plan), "utf8");
    const fromWasm = liftlint.check(plan, text, "");
    const fromCli = native(plan).toString();
    if (fromWasm !== fromCli) failures.push(`${plan}: the module's report differs from the command line's`);
  }
  // The module's own examples are the repository's.
  const built = JSON.parse(liftlint.examples()).map((e) => e.name);
  if (JSON.stringify(built) !== JSON.stringify(plans.slice().sort())) failures.push(`examples: ${built}`);
  // A rule pack of the caller's own, and one with a mistake.
  const deadlift = "week 1\nmon strength\n  deadlift 3x5\n";
  const own = 'rule my.no-deadlift {\n  severity warning\n  cite who2020\n  message "no deadlifts"\n  forbid exercise "deadlift"\n}\n';
  const withOwn = JSON.parse(liftlint.check("week.plan", deadlift, own));
  if (!withOwn.plans[0].findings.some((f) => f.rule === "my.no-deadlift")) failures.push("the caller's rule did not run");
  const broken = JSON.parse(liftlint.check("week.plan", deadlift, "rule {\n"));
  const error = broken.plans[0] && broken.plans[0].errors[0];
  if (!error || error.location.file !== "playground.rules") failures.push(`a broken pack: ${JSON.stringify(broken)}`);
  if (!liftlint.html("week.plan", deadlift, "").includes('<table class="calendar"')) failures.push("no calendar");
  failures.push(...documentedExample());
  for (const f of failures) console.log(`FAIL: ${f}`);
  console.log(failures.length ? `${failures.length} failures` : `ok: ${plans.length} examples`);
  process.exit(failures.length ? 1 : 0);
});
