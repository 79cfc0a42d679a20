// The timing loop of jre-batch.mjs and spectral-batch.mjs: one warm-up pass over the plans, which
// lets V8 optimise the engine's code paths, then timed passes until at least `seconds` have gone by.
export async function timePasses(plans, pass, seconds) {
  const findings = await pass();
  let passes = 0;
  let elapsed = 0;
  const start = process.hrtime.bigint();
  do {
    await pass();
    passes += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < seconds);
  return { plans, passes, seconds: elapsed, plans_per_second: (plans * passes) / elapsed, findings };
}
