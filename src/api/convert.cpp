#include "api/convert.hpp"

namespace liftlint {
namespace {

Location location_of(const Span& span) {
  Location out;
  if (span.file == nullptr) return out;
  out.file = span.file->path;
  out.line = span.line;
  out.column = span.column;
  out.length = span.length;
  out.line_text = std::string(span.line_text());
  return out;
}

std::vector<Remark> remarks(const std::vector<Note>& notes) {
  std::vector<Remark> out;
  for (const auto& n : notes) {
    out.push_back(Remark{n.text, n.span.valid() ? std::optional<Location>(location_of(n.span)) : std::nullopt});
  }
  return out;
}

Citation citation_of(const model::RuleSet& set, const model::Citation& c) {
  const auto& s = set.sources[c.source];
  return Citation{s.id, s.reference(), c.locator, s.scheme.empty() ? "" : s.scheme + "." + s.level, s.url};
}

}  // namespace

Problem problem_of(const Diagnostic& d) {
  return Problem{d.severity, d.code, d.message, location_of(d.span), remarks(d.notes), d.help, {}, {}};
}

std::vector<Problem> problems_of(const Diagnostics& diagnostics) {
  std::vector<Problem> out;
  for (const auto& d : diagnostics.items()) out.push_back(problem_of(d));
  return out;
}

Problem problem_of(const model::RuleSet& rules, const eval::Finding& f) {
  Problem p{f.severity, f.rule->id, f.message, location_of(f.span), remarks(f.notes), f.help, {}, f.weeks};
  for (const auto& c : f.rule->citations) p.citations.push_back(citation_of(rules, c));
  return p;
}

RuleInfo rule_info_of(const model::RuleSet& rules, const model::Rule& rule) {
  RuleInfo info{rule.id, rule.severity, rule.message, rule.doc, location_of(rule.span), false, {}};
  info.builtin = info.location.file.rfind("builtin/", 0) == 0;
  for (const auto& c : rule.citations) info.citations.push_back(citation_of(rules, c));
  return info;
}

}  // namespace liftlint
