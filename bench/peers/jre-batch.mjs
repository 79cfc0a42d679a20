// node jre-batch.mjs FACTS_DIR [SECONDS] [N]: json-rules-engine's throughput in one process.
// Loads the facts files of FACTS_DIR (the first N by name, or all) into memory and builds the
// engines once (neither is timed), warms up with one pass, then checks all the plans pass after pass
// for at least SECONDS (default 3) and prints {plans, passes, seconds, plans_per_second, findings}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timePasses } from './batch-timing.mjs';
import { buildEngines, checkPlan } from './jre-engine.mjs';

const [dir, seconds = '3', count] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node jre-batch.mjs FACTS_DIR [SECONDS] [N]');
  process.exit(2);
}
const plans = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .slice(0, count ? Number(count) : undefined)
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const engines = buildEngines();

async function pass() {
  let findings = 0;
  for (const plan of plans) findings += (await checkPlan(engines, plan)).length;
  return findings;
}

console.log(JSON.stringify(await timePasses(plans.length, pass, Number(seconds))));
