// The playground in a real browser: Debian's Chromium, headless, driven over the DevTools protocol.
//   node browser_test.js TOOLS_DIR WASM_DIR
// Loads the page from disk, types a flawed plan, and checks the findings and the calendar it shows, the
// example picker, and that a link carries the plan to a fresh page. Exits 77 when Chromium is missing.
"use strict";
const fs = require("fs");
const path = require("path");

const [toolsDir, wasmDir] = process.argv.slice(2);
const puppeteer = require(path.join(path.resolve(toolsDir), "node_modules", "puppeteer-core"));
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => fs.existsSync(p));
if (!chromium) {
  console.log("Chromium is not installed (apt-get install chromium); skipped");
  process.exit(77);
}
const page_url = "file://" + path.resolve(wasmDir, "index.html");
const failures = [];
const expect = (condition, message) => condition || failures.push(message);

async function findings(page) {
  return page.$$eval("#findings li", (items) => items.map((li) => li.textContent));
}

// The findings once the page has checked what was typed (it waits for a pause in typing).
async function settled(page, predicate) {
  for (let i = 0; i < 50; i++) {
    const now = await findings(page);
    if (predicate(now)) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return findings(page);
}

async function calendarHtml(page) {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return frame ? frame.content() : "";
}

// The folder as any static host serves it: files by name, with their types, nothing else.
function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = require("http").createServer((request, response) => {
    const file = path.join(dir, path.basename(new URL(request.url, "http://x").pathname));
    fs.readFile(file, (error, data) => {
      if (error) return response.writeHead(404).end();
      response.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(page_url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });

    // The first visit shows an example with its finding.
    let shown = await settled(page, (f) => f.some((t) => t.includes("bp.rest-between-strength")));
    expect(shown.some((t) => t.includes("bp.rest-between-strength")), `first example: ${shown}`);

    // Typing a plan of one's own.
    await page.click("#plan", { clickCount: 3 });
    await page.$eval("#plan", (t) => (t.value = ""));
    await page.type("#plan", "client: low back pain, cleared yes\n\nweek 1\nmon strength 30min\n  deadlift 3x5 @ 60kg\n");
    shown = await settled(page, (f) => f.some((t) => t.includes("bp.avoid-deadlift")));
    expect(shown.some((t) => t.includes("bp.avoid-deadlift") && /error/i.test(t)), `typed plan: ${shown}`);
    expect((await page.$eval("#summary", (s) => s.textContent)).includes("1 error"), "the summary does not count the error");
    const calendar = await calendarHtml(page);
    expect(calendar.includes('class="finding error"') && calendar.includes("deadlift"), "the calendar has no marked deadlift");

    // Editing the plan changes the findings as one types.
    await page.$eval("#plan", (t) => t.setSelectionRange(t.value.indexOf("deadlift"), t.value.indexOf("deadlift") + 8));
    await page.keyboard.type("goblet squat");
    shown = await settled(page, (f) => !f.some((t) => t.includes("bp.avoid-deadlift")));
    expect(!shown.some((t) => t.includes("bp.avoid-deadlift")), `after the edit: ${shown}`);

    // The address carries the plan: a fresh page opened from it shows the same plan.
    const link = page.url();
    expect(link.includes("#") && link.includes("plan="), `the address has no plan: ${link}`);
    const second = await browser.newPage();
    await second.goto(link);
    await second.waitForSelector("body[data-ready=true]", { timeout: 30000 });
    const restored = await second.$eval("#plan", (t) => t.value);
    expect(restored.includes("goblet squat 3x5 @ 60kg"), `the link did not restore the plan: ${restored}`);

    // The example picker.
    await page.select("#example", "examples/flawed-red-flags.plan");
    shown = await settled(page, (f) => f.some((t) => t.includes("bp.nerve-signs")));
    expect(shown.some((t) => t.includes("bp.nerve-signs")), `picked example: ${shown}`);

    // A rule of one's own, and a mistake in it shown as an input error.
    await page.$eval("#rules-box", (d) => (d.open = true));
    await page.type("#rules", "rule my.broken {\n");
    shown = await settled(page, (f) => f.some((t) => /input error/i.test(t)));
    expect(shown.some((t) => /input error/i.test(t)), `a broken rule file: ${shown}`);
    // A long plan is still checked, and its calendar waits to be asked for.
    const long = "client: low back pain, cleared yes\n" +
      Array.from({ length: 200 }, (_, w) => `week ${w + 1}\nmon strength 30min\n  deadlift 3x5 @ 60kg\n` +
        "  goblet squat 3x10 @ 12kg\n  bird-dog 3x8 each side\n  dead bug 3x8 each side\n").join("");
    await page.$eval("#rules", (t) => (t.value = ""));
    await page.$eval("#plan", (t, text) => { t.value = text; t.dispatchEvent(new Event("input")); }, long);
    shown = await settled(page, (f) => f.filter((t) => t.includes("bp.avoid-deadlift")).length > 100);
    expect(shown.filter((t) => t.includes("bp.avoid-deadlift")).length === 200, `a long plan: ${shown.length} items`);
    expect(!(await page.$eval("#draw", (b) => b.hidden)), "a long plan's calendar is drawn at every pause");
    expect(errors.length === 0, `errors on the page: ${errors}`);

    // Served by a plain static server rather than opened from disk.
    const server = await serve(wasmDir);
    try {
      const served = await browser.newPage();
      await served.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      await served.waitForSelector("body[data-ready=true]", { timeout: 30000 });
      shown = await settled(served, (f) => f.some((t) => t.includes("bp.rest-between-strength")));
      expect(shown.some((t) => t.includes("bp.rest-between-strength")), `served over HTTP: ${shown}`);
    } finally {
      server.close();
    }
  } finally {
    await browser.close();
  }
  for (const f of failures) console.log(`FAIL: ${f}`);
  console.log(failures.length ? `${failures.length} failures` : "ok");
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.log(`FAIL: ${e.stack || e}`);
  process.exit(1);
});
