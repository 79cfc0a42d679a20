// node jre-check.mjs FACTS... [--json]: check facts files (facts.py) with json-rules-engine and print
// the findings; --json prints {facts file: [findings]}. The engines are built once per process.
import { readFileSync } from 'node:fs';
import { buildEngines, checkPlan } from './jre-engine.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (!files.length) {
  console.error('usage: node jre-check.mjs FACTS... [--json]');
  process.exit(2);
}
const engines = buildEngines();
const report = {};
let count = 0;
for (const file of files) {
  const plan = JSON.parse(readFileSync(file, 'utf8'));
  const found = await checkPlan(engines, plan);
  report[file] = found;
  count += found.length;
  if (!json) for (const f of found) console.log(`${plan.plan}:${f.line ?? ''}: ${f.rule}: ${f.message}`);
}
if (json) console.log(JSON.stringify(report));
process.exitCode = count ? 1 : 0;
