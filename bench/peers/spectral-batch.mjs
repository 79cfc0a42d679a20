// node spectral-batch.mjs FACTS_DIR [SECONDS] [N]: Spectral's throughput in one process, through its
// JavaScript API (the engine behind `spectral lint`). Loads the ruleset and the facts files of
// FACTS_DIR (the first N by name, or all) as Spectral documents once (not timed), warms up with one
// pass, then lints all the documents pass after pass for at least SECONDS (default 3) and prints
// {plans, passes, seconds, plans_per_second, findings} as JSON.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { timePasses } from './batch-timing.mjs';
import { fileURLToPath } from 'node:url';
import { Spectral, Document } from '@stoplight/spectral-core';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import parsers from '@stoplight/spectral-parsers';
import runtime from '@stoplight/spectral-runtime';

const [dir, seconds = '3', count] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node spectral-batch.mjs FACTS_DIR [SECONDS] [N]');
  process.exit(2);
}
const spectral = new Spectral();
const ruleset = fileURLToPath(new URL('./.spectral.yaml', import.meta.url));
spectral.setRuleset(await bundleAndLoadRuleset(ruleset, { fs, fetch: runtime.fetch }));
const documents = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .slice(0, count ? Number(count) : undefined)
  .map((f) => new Document(fs.readFileSync(join(dir, f), 'utf8'), parsers.Json, join(dir, f)));

async function pass() {
  let findings = 0;
  for (const document of documents) findings += (await spectral.run(document)).length;
  return findings;
}

console.log(JSON.stringify(await timePasses(documents.length, pass, Number(seconds))));
