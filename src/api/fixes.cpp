// Fixes applied to a plan's text, as `check --fix` and editors' code actions do.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "liftlint/liftlint.hpp"

namespace liftlint {
namespace {

// Byte offsets of an edit in the text, when the edit lies on one of its lines.
struct Range {
  std::size_t begin = 0, end = 0;
};

class LineStarts {
 public:
  explicit LineStarts(std::string_view text) : size_(text.size()) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  [[nodiscard]] std::optional<Range> range(const Location& at) const {
    if (at.line == 0 || at.column == 0 || at.line > starts_.size()) return std::nullopt;
    const auto line_end = at.line < starts_.size() ? starts_[at.line] - 1 : size_;
    const auto begin = starts_[at.line - 1] + at.column - 1;
    if (begin > line_end || begin + at.length > line_end) return std::nullopt;
    return Range{begin, begin + at.length};
  }

 private:
  std::size_t size_;
  std::vector<std::size_t> starts_;
};

struct Placed {
  Range range;
  const std::string* text;
};

bool overlaps(const Range& a, const Range& b) {
  // two insertions at one place would be applied in an arbitrary order: they overlap too
  if (a.begin == a.end || b.begin == b.end) return a.begin <= b.end && b.begin <= a.end;
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

std::size_t apply_fixes(std::string& text, const std::string& file, const std::vector<const Fix*>& fixes) {
  const LineStarts lines(text);
  std::vector<Placed> taken;
  std::size_t applied = 0;
  for (const auto* fix : fixes) {
    std::vector<Placed> edits;
    bool fits = !fix->edits.empty();
    for (const auto& e : fix->edits) {
      const auto range = e.location.file == file ? lines.range(e.location) : std::nullopt;
      if (!range) {
        fits = false;
        break;
      }
      edits.push_back(Placed{*range, &e.text});
    }
    const auto clash = [&](const Placed& p) {
      return std::any_of(taken.begin(), taken.end(), [&](const Placed& t) { return overlaps(p.range, t.range); }) ||
             std::count_if(edits.begin(), edits.end(), [&](const Placed& o) { return overlaps(p.range, o.range); }) > 1;
    };
    if (!fits || std::any_of(edits.begin(), edits.end(), clash)) continue;
    taken.insert(taken.end(), edits.begin(), edits.end());
    ++applied;
  }
  // from the end, so that the offsets of the edits still to make hold
  std::sort(taken.begin(), taken.end(), [](const Placed& a, const Placed& b) { return a.range.begin > b.range.begin; });
  for (const auto& p : taken) text.replace(p.range.begin, p.range.end - p.range.begin, *p.text);
  return applied;
}

namespace {

// Fixes that made the plan read worse, by title and place: never tried again.
using Rejected = std::set<std::string>;

std::string key_of(const Fix& fix) {
  std::string out = fix.title;
  for (const auto& e : fix.edits)
    out += fmt::format("|{}:{}:{}", e.location.line, e.location.column, e.location.length);
  return out;
}

// The first fix of each problem that may be applied and has not been rejected.
void first_fixes(const std::vector<Problem>& problems, bool unsafe, const Rejected& rejected,
                 std::vector<const Fix*>& out) {
  for (const auto& p : problems) {
    const auto allowed = std::find_if(p.fixes.begin(), p.fixes.end(), [&](const Fix& f) {
      return (unsafe || f.applicability == FixApplicability::safe) && rejected.count(key_of(f)) == 0;
    });
    if (allowed != p.fixes.end()) out.push_back(&*allowed);
  }
}

// A fix that keeps making changes (one that undoes another) must not hold the run forever.
constexpr int max_passes = 64;
constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Whether `after` has an input error that `before` has not: a fix must never make the plan read worse.
bool adds_errors(const PlanReport& before, const PlanReport& after) {
  std::multiset<std::string> old;
  for (const auto& e : before.errors) old.insert(e.message);
  for (const auto& e : after.errors) {
    const auto it = old.find(e.message);
    if (it == old.end()) return true;
    old.erase(it);
  }
  return false;
}

// Tries each of `fixes` alone on `out`'s text and rejects those that make the plan read worse. When none
// does on its own (only together), the first is applied alone, so that every pass makes progress.
bool sort_out(const Engine& engine, const std::string& name, PlanFormat format, const std::vector<const Fix*>& fixes,
              Rejected& rejected, FixedPlan& out) {
  const Fix* fine = nullptr;
  std::string fine_text;
  PlanReport fine_report;
  bool any_rejected = false;
  // each try is a check of the whole plan: a bounded number of them keeps a pass linear in the plan
  constexpr std::size_t most_tries = 16;
  std::size_t tries = 0;
  for (const auto* fix : fixes) {
    if (++tries > most_tries) break;
    auto one = out.text;
    if (apply_fixes(one, name, {fix}) == 0) continue;
    auto report = engine.check_text(name, one, format);
    if (adds_errors(out.report, report)) {
      rejected.insert(key_of(*fix));
      any_rejected = true;
    } else if (fine == nullptr) {
      fine = fix;
      fine_text = std::move(one);
      fine_report = std::move(report);
    }
  }
  if (any_rejected) return true;  // the next pass applies the others together
  if (fine == nullptr) return false;
  out.text = std::move(fine_text);
  out.report = std::move(fine_report);
  ++out.applied;
  return true;
}

}  // namespace

// Fixes are applied a pass at a time. A pass whose text reads worse than before is taken back, and its
// fixes tried one at a time: each that makes the plan read worse is rejected for good, and the next pass
// applies the rest together, so that one bad edit never costs the others and the plan is never left
// unreadable.
FixedPlan Engine::fix(const std::string& name, std::string text, PlanFormat format, bool unsafe) const {
  FixedPlan out;
  const bool bom = text.rfind(byte_order_mark, 0) == 0;
  out.text = bom ? text.substr(byte_order_mark.size()) : std::move(text);
  out.report = check_text(name, out.text, format);
  Rejected rejected;
  for (int pass = 0; pass < max_passes && format != PlanFormat::json_lines; ++pass) {
    std::vector<const Fix*> fixes;
    first_fixes(out.report.errors, unsafe, rejected, fixes);
    first_fixes(out.report.findings, unsafe, rejected, fixes);
    auto candidate = out.text;
    const auto applied = apply_fixes(candidate, name, fixes);
    if (applied == 0) break;
    auto report = check_text(name, candidate, format);
    if (!adds_errors(out.report, report)) {
      out.text = std::move(candidate);
      out.report = std::move(report);
      out.applied += applied;
      continue;
    }
    if (!sort_out(*this, name, format, fixes, rejected, out)) break;
  }
  if (bom) out.text.insert(0, byte_order_mark);
  return out;
}

}  // namespace liftlint
