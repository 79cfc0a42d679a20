#include "api/convert.hpp"

#include <algorithm>
#include <stdexcept>

namespace liftlint {

namespace {

// Bytes of a line quoted before and after a location; lines up to this long are quoted whole.
constexpr std::size_t quoted_before = 256;
constexpr std::size_t quoted_after = 768;

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Finds the line's ends no further than the quote reaches, so the cost does not grow with the line.
void quote_line(const Span& span, Location& out) {
  const std::string_view text = span.file->text;
  if (span.line == 0 || span.column == 0) return;
  const std::size_t at = std::min<std::size_t>(span.offset, text.size());
  const std::size_t floor = at > quoted_before ? at - quoted_before : 0;
  std::size_t begin = at;
  while (begin > floor && text[begin - 1] != '\n') --begin;
  const bool cut_before = begin > 0 && text[begin - 1] != '\n';
  while (cut_before && begin < at && continuation(text[begin])) ++begin;
  const std::size_t ceiling = std::min(text.size(), at + quoted_after);
  std::size_t end = at;
  while (end < ceiling && text[end] != '\n') ++end;
  if (end < text.size() && text[end] != '\n') {
    while (end > at && continuation(text[end])) --end;
  } else if (end > begin && text[end - 1] == '\r') {
    --end;
  }
  out.line_text = std::string(text.substr(begin, end - begin));
  out.line_text_column = span.column > at - begin ? static_cast<unsigned>(span.column - (at - begin)) : 1;
}

}  // namespace

Location location_of(const Span& span) {
  Location out;
  if (span.file == nullptr) return out;
  out.file = span.file->path;
  out.line = span.line;
  out.column = span.column;
  out.length = span.length;
  quote_line(span, out);
  return out;
}

namespace {

std::vector<Remark> remarks(const std::vector<Note>& notes) {
  std::vector<Remark> out;
  for (const auto& n : notes) {
    out.push_back(Remark{n.text, n.span.valid() ? std::optional<Location>(location_of(n.span)) : std::nullopt});
  }
  return out;
}

// builtin/back-pain/guidelines.rules -> back-pain; rules/articles/003-puregym.rules -> 003-puregym
std::string pack_name(const std::string& file) {
  const std::string builtin = "builtin/";
  if (file.rfind(builtin, 0) == 0) return file.substr(builtin.size(), file.find('/', builtin.size()) - builtin.size());
  auto name = file.substr(file.find_last_of('/') + 1);
  return name.substr(0, name.find_last_of('.'));
}

Citation citation_of(const model::RuleSet& set, const model::Citation& c) {
  const auto& s = set.sources[c.source];
  return Citation{s.id, s.reference(), c.locator, s.scheme.empty() ? "" : s.scheme + "." + s.level, s.url};
}

}  // namespace

std::vector<Fix> fixes_of(const std::vector<SpanFix>& fixes) {
  std::vector<Fix> out;
  for (const auto& f : fixes) {
    Fix fix{f.title, f.applicability, {}};
    for (const auto& e : f.edits) {
      fix.edits.push_back(Edit{location_of(e.span), e.text});
    }
    out.push_back(std::move(fix));
  }
  return out;
}

Problem problem_of(const Diagnostic& d) {
  return Problem{d.severity, d.code, d.message, location_of(d.span), remarks(d.notes),
                 d.help,     {},     {},        fixes_of(d.fixes)};
}

std::vector<Problem> problems_of(const Diagnostics& diagnostics) {
  std::vector<Problem> out;
  for (const auto& d : diagnostics.items()) out.push_back(problem_of(d));
  return out;
}

CitationTable::CitationTable(const model::RuleSet& rules)
    : rules_(&rules),
      formatted_(std::make_unique<std::once_flag[]>(rules.rules.size())),
      by_rule_(std::make_unique<std::vector<Citation>[]>(rules.rules.size())) {}

const std::vector<Citation>& CitationTable::of(const model::Rule& rule) const {
  const auto index = static_cast<std::size_t>(&rule - rules_->rules.data());
  if (index >= rules_->rules.size()) throw std::out_of_range("a rule of another rule set");
  std::call_once(formatted_[index], [&] {
    for (const auto& c : rule.citations) by_rule_[index].push_back(citation_of(*rules_, c));
  });
  return by_rule_[index];
}

Problem problem_of(const CitationTable& citations, const eval::Finding& f) {
  return Problem{
      f.severity, f.rule->id,       f.message, location_of(f.span), remarks(f.notes), f.help, citations.of(*f.rule),
      f.weeks,    fixes_of(f.fixes)};
}

// The public status mirrors the model's, value for value.
static_assert(static_cast<int>(RuleStatus::draft) == static_cast<int>(model::Status::draft) &&
              static_cast<int>(RuleStatus::reviewed) == static_cast<int>(model::Status::reviewed) &&
              static_cast<int>(RuleStatus::retired) == static_cast<int>(model::Status::retired));

namespace {

RuleInfo rule_info_of(const model::RuleSet& rules, const model::Rule& rule) {
  RuleInfo info;
  info.id = rule.id;
  info.severity = rule.severity;
  info.message = rule.message;
  info.doc = rule.doc;
  info.location = location_of(rule.span);
  info.builtin = info.location.file.rfind("builtin/", 0) == 0;
  info.status = static_cast<RuleStatus>(rule.status);
  info.version = rule.version;
  info.reviewed = rule.reviewed;
  info.text = rule.text;
  info.pack = pack_name(info.location.file);
  for (const auto id : rule.suggest) info.suggest.push_back(rules.catalogue.at(id).name);
  for (const auto& c : rule.citations) info.citations.push_back(citation_of(rules, c));
  for (const auto index : rule.supersedes) info.supersedes.push_back(rules.rules.at(index).id);
  return info;
}

}  // namespace

std::vector<RuleInfo> rule_infos_of(const model::RuleSet& rules) {
  std::vector<RuleInfo> out;
  out.reserve(rules.rules.size());
  for (const auto& rule : rules.rules) out.push_back(rule_info_of(rules, rule));
  // in declaration order of the superseding rules, as a scan of the rules would find them
  for (const auto& other : rules.rules) {
    for (const auto index : other.supersedes) out.at(index).superseded_by.push_back(other.id);
  }
  return out;
}

}  // namespace liftlint
