#include "report/html_page.hpp"

#include <fmt/format.h>

#include "report/report.hpp"

namespace liftlint::report {
namespace {

// Print keeps the plans in order and opens every finding; the screen puts the run's summary first.
constexpr const char* style_sheet = R"css(
:root { --error: #b3261e; --warning: #a15c00; --info: #1d5fa8; --input-error: #7b1fa2; --quiet: #6b6b6b;
  --line: #d0d0d0; --card: #fafafa; font-family: system-ui, sans-serif; font-size: 15px; color: #1b1b1b; }
body { margin: 1.5rem; }
main { display: flex; flex-direction: column; gap: 1.5rem; }
header.run { order: -1; border-bottom: 2px solid var(--line); }
h1 { margin: 0 0 .3rem; font-size: 1.5rem; }
h2 { font-size: 1.2rem; margin: .2rem 0; word-break: break-all; }
h3 { font-size: 1rem; }
h4 { margin: 0 0 .3rem; font-size: .9rem; }
.summary, .plan-summary, .client { margin: .2rem 0; }
.index { margin: .3rem 0 1rem; }
.counts { color: var(--quiet); }
table.calendar { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .6rem 0; }
.calendar th, .calendar td { border: 1px solid var(--line); vertical-align: top; padding: .3rem; }
.calendar thead th { background: #eee; font-size: .85rem; }
.calendar tbody th { width: 7rem; text-align: left; font-weight: normal; }
.weeks { font-weight: bold; display: block; }
td.rest { background: repeating-linear-gradient(45deg, #fff, #fff 6px, #f3f3f3 6px, #f3f3f3 12px); }
td.rest span { color: var(--quiet); font-size: .8rem; }
.session { overflow-wrap: anywhere; background: var(--card); border: 1px solid var(--line); border-left: 5px solid #8bb38b;
  border-radius: 4px; padding: .3rem; margin-bottom: .3rem; font-size: .85rem; break-inside: avoid; }
.session.flag-error { border-left-color: var(--error); }
.session.flag-warning { border-left-color: var(--warning); }
.session.flag-info { border-left-color: var(--info); }
.session.flag-input-error { border-left-color: var(--input-error); }
.kind, .minutes, .intensity { color: var(--quiet); }
.lines { list-style: none; padding: 0; margin: 0; }
.line { padding: .15rem 0; border-top: 1px dotted var(--line); }
.exercise { font-weight: 600; }
.dose { color: #333; }
.unknown { color: var(--input-error); font-weight: normal; }
.tag { display: inline-block; font-size: .75rem; background: #e8e8e8; border-radius: 3px; padding: 0 .3rem; }
details.finding { margin: .2rem 0; padding: .1rem .3rem; border-left: 3px solid var(--quiet); background: #fff; }
details.finding summary { cursor: pointer; }
.finding .severity { font-weight: bold; text-transform: uppercase; font-size: .7rem; }
.finding.error { border-color: var(--error); } .finding.error .severity { color: var(--error); }
.finding.warning { border-color: var(--warning); } .finding.warning .severity { color: var(--warning); }
.finding.info { border-color: var(--info); } .finding.info .severity { color: var(--info); }
.finding.input-error { border-color: var(--input-error); } .finding.input-error .severity { color: var(--input-error); }
.finding.waived, .finding.moot { color: var(--quiet); } .finding.waived .message, .finding.moot .message { text-decoration: line-through; }
.rule { font-size: .75rem; }
.session .rule { display: none; }
.rule-id { margin: .2rem 0; font-size: .8rem; }
.where { color: var(--quiet); font-size: .8rem; }
.quote { white-space: pre-wrap; background: #f4f4f4; padding: .2rem; margin: .2rem 0; }
.note, .help, .doc, .aside { margin: .2rem 0; }
.citations { margin: .2rem 0; padding-left: 1.2rem; font-size: .8rem; }
.evidence { color: var(--quiet); }
.plan { border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
tr.empty th { color: var(--quiet); }
.plan-findings h3 { margin: .4rem 0 .2rem; }
@page { size: A4 landscape; margin: 1cm; }
@media print {
  :root { font-size: 10px; }
  body { margin: 0; }
  .doc, .quote { display: none; }
  main { display: block; }
  nav { display: none; }
  .plan { break-before: page; }
  .plan:first-child { break-before: auto; }
  td.rest { background: none; }
  a { color: inherit; }
}
)css";

// A page opened for printing shows every finding's details.
constexpr const char* print_script =
    "<script>addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach("
    "function(d){d.open=true;});});</script>\n";

}  // namespace

std::string escaped(std::string_view text) {
  const auto safe = printable(text);
  std::string out;
  out.reserve(safe.size());
  for (const char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string page_head(std::string_view title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"liftlint\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
      escaped(title), style_sheet);
}

std::string page_foot() { return fmt::format("</main>\n{}</body>\n</html>\n", print_script); }

}  // namespace liftlint::report
