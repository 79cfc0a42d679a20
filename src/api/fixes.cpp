// Fixes applied to a plan's text, as `check --fix` and editors' code actions do.
#include <algorithm>
#include <optional>

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

// The first fix of each problem that may be applied.
void first_fixes(const std::vector<Problem>& problems, bool unsafe, std::vector<const Fix*>& out) {
  for (const auto& p : problems) {
    const auto allowed = std::find_if(p.fixes.begin(), p.fixes.end(), [&](const Fix& f) {
      return unsafe || f.applicability == FixApplicability::safe;
    });
    if (allowed != p.fixes.end()) out.push_back(&*allowed);
  }
}

// A fix that keeps making changes (one that undoes another) must not hold the run forever.
constexpr int max_passes = 10;

}  // namespace

FixedPlan Engine::fix(const std::string& name, std::string text, PlanFormat format, bool unsafe) const {
  FixedPlan out;
  out.text = std::move(text);
  for (int pass = 0;; ++pass) {
    out.report = check_text(name, out.text, format);
    if (format == PlanFormat::json_lines || pass == max_passes) return out;
    std::vector<const Fix*> fixes;
    first_fixes(out.report.errors, unsafe, fixes);
    first_fixes(out.report.findings, unsafe, fixes);
    const auto applied = apply_fixes(out.text, name, fixes);
    if (applied == 0) return out;
    out.applied += applied;
  }
}

}  // namespace liftlint
