// The playground: checks the plan on every change with the WebAssembly build of liftlint, lists the
// findings and draws the calendar, and keeps the plan and the rules in the address so a link shares them.
"use strict";

const $ = (id) => document.getElementById(id);
const fields = { name: $("name"), plan: $("plan"), rules: $("rules") };

// Text in the address: UTF-8, base64url, no padding.
function encode(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(text) {
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch (e) {
    return null;
  }
}

function readAddress() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const key of ["plan", "rules"]) {
    const text = params.has(key) ? decode(params.get(key)) : null;
    if (text !== null) fields[key].value = text;
    if (params.has(key) && text === null) $("status").textContent = `the link's ${key} could not be read`;
  }
  if (params.get("name")) fields.name.value = params.get("name");
  if (fields.rules.value) $("rules-box").open = true;
  return params.has("plan");
}

// Browsers refuse addresses of a few megabytes; such a plan is not shared by link.
const longestLink = 1500000;

function writeAddress() {
  const params = new URLSearchParams();
  params.set("name", fields.name.value);
  params.set("plan", encode(fields.plan.value));
  if (fields.rules.value) params.set("rules", encode(fields.rules.value));
  const hash = "#" + params.toString();
  if (hash.length > longestLink) return false;
  history.replaceState(null, "", hash);
  return true;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// One item of the list: severity, place, message, rule; choosing it selects the line in the editor.
function findingItem(problem, status) {
  const item = document.createElement("li");
  item.className = `finding ${status}`;
  const where = problem.location;
  const head = document.createElement("button");
  head.type = "button";
  const severity = document.createElement("span");
  severity.className = "severity";
  severity.textContent = status.replace("-", " ");
  const place = document.createElement("span");
  place.className = "where";
  place.textContent = where.line ? `${where.line}:${where.column}` : where.file;
  const message = document.createElement("span");
  message.className = "message";
  message.textContent = problem.message;
  head.append(severity, " ", place, " ", message);
  if (problem.rule) {
    const rule = document.createElement("code");
    rule.textContent = problem.rule;
    head.append(" ", rule);
  }
  head.addEventListener("click", () => selectLine(where));
  item.append(head);
  const details = [...(problem.waiver ? [`waived: ${problem.waiver.reason}`] : []),
                   ...(problem.superseded_by ? [`moot: ${problem.superseded_by} applies`] : []),
                   ...(problem.notes || []).map((n) => `note: ${n.message}`),
                   ...(problem.help || []).map((h) => `help: ${h}`),
                   ...(problem.citations || []).map((c) => `source: ${c.reference}${c.locator ? ` (${c.locator})` : ""}`)];
  if (details.length) {
    const more = document.createElement("div");
    more.className = "more";
    more.textContent = details.join("\n");
    item.append(more);
  }
  return item;
}

function selectLine(where) {
  const editor = where.file === "playground.rules" ? fields.rules : fields.plan;
  if (!where.line) return;
  const lines = editor.value.split("\n");
  let start = 0;
  for (let i = 0; i < where.line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  const end = start + (lines[where.line - 1] || "").length;
  editor.focus();
  editor.setSelectionRange(start, end);
}

function showReport(report) {
  const list = $("findings");
  list.replaceChildren();
  const counts = { "input-error": 0, error: 0, warning: 0, info: 0 };
  for (const plan of report.plans || []) {
    for (const e of plan.errors) list.append(findingItem(e, "input-error")), counts["input-error"]++;
    for (const f of plan.findings) list.append(findingItem(f, f.severity)), counts[f.severity]++;
    for (const f of plan.suppressed) list.append(findingItem(f, "waived"));
    for (const f of plan.superseded) list.append(findingItem(f, "moot"));
    for (const n of plan.notes || []) list.append(findingItem(n, "note"));
  }
  const parts = [];
  if (counts["input-error"]) parts.push(plural(counts["input-error"], "input error"));
  parts.push(plural(counts.error, "error"), plural(counts.warning, "warning"), plural(counts.info, "info"));
  $("summary").textContent = parts.join(", ");
  if (!list.children.length) {
    const none = document.createElement("li");
    none.className = "none";
    none.textContent = "No findings: the plan follows every rule that applies to it.";
    list.append(none);
  }
}

function start(liftlint) {
  $("version").textContent = liftlint.version();
  const examples = JSON.parse(liftlint.examples());
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = example.name;
    option.textContent = example.name.replace(/^examples\//, "");
    $("example").append(option);
  }
  $("example").addEventListener("change", () => {
    const example = examples.find((e) => e.name === $("example").value);
    if (!example) return;
    fields.plan.value = example.text;
    fields.name.value = example.name.split("/").pop();
    check();
  });

  // A long plan is checked less often as it is typed, and its calendar is drawn on request: drawing
  // thousands of cards at every pause would keep the page from answering.
  const bigPlan = 20000;     // characters
  const manyFindings = 500;
  let pending = 0;
  let lastCost = 0;
  function drawCalendar(name) {
    $("calendar").srcdoc = liftlint.html(name, fields.plan.value, fields.rules.value);
  }
  function check() {
    const began = performance.now();
    const name = fields.name.value.trim() || "week.plan";
    const report = JSON.parse(liftlint.check(name, fields.plan.value, fields.rules.value));
    showReport(report);
    const found = (report.plans || []).reduce((n, p) => n + p.findings.length + p.errors.length, 0);
    const big = fields.plan.value.length > bigPlan || found > manyFindings;
    $("draw").hidden = !big;
    if (big) {
      $("calendar").srcdoc = "<p style='font-family:sans-serif'>A long plan: choose Draw the calendar.</p>";
    } else {
      drawCalendar(name);
    }
    lastCost = performance.now() - began;
    const shared = writeAddress();
    $("status").textContent = `checked in ${Math.max(1, Math.round(lastCost))} ms` +
                              (shared ? "" : "; too long to share by link");
  }
  $("draw").addEventListener("click", () => drawCalendar(fields.name.value.trim() || "week.plan"));
  const later = () => {
    clearTimeout(pending);
    pending = setTimeout(check, Math.min(1500, Math.max(120, 2 * lastCost)));
  };
  for (const field of Object.values(fields)) field.addEventListener("input", later);
  $("share").addEventListener("click", () => {
    if (!writeAddress()) {
      $("status").textContent = "the plan is too long to share by link";
      return;
    }
    navigator.clipboard?.writeText(location.href).then(
      () => ($("status").textContent = "link copied"),
      () => ($("status").textContent = "copy the address from the address bar"));
  });
  if (!readAddress()) {
    const first = examples.find((e) => e.name.endsWith("flawed-rest.plan")) || examples[0];
    fields.plan.value = first ? first.text : "";
    fields.name.value = first ? first.name.split("/").pop() : "week.plan";
    $("example").value = first ? first.name : "";
  }
  check();
  document.body.dataset.ready = "true";
}

createLiftlint().then(start, (error) => ($("status").textContent = `the checker did not load: ${error}`));
