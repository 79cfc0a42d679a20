#include "api/waivers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <tuple>

#include "api/convert.hpp"

namespace liftlint {
namespace {

Waiver waiver_of(const plan::Waiver& w) {
  return Waiver{w.rule->id, w.reason, w.approver, w.until, w.scope, location_of(w.span)};
}

Problem stale_waiver(const plan::Waiver& w, bool expired) {
  Diagnostic d{expired ? Severity::error : Severity::warning,
               expired ? waiver_expired_id : waiver_unused_id,
               expired ? fmt::format("the waiver of rule '{}' expired on {}", w.rule->id, w.until)
                       : fmt::format("the waiver of rule '{}' suppresses nothing", w.rule->id),
               w.span,
               {Note{fmt::format("its reason: {}", w.reason), {}}},
               {expired ? "check the plan again and renew the waiver with a later 'until' date, or remove it"
                        : "remove it, or move it to where the rule's finding is"}};
  return problem_of(d);
}

const plan::Waiver* covering(const plan::Plan& plan, const eval::Finding& f, const std::vector<bool>& live) {
  for (std::size_t i = 0; i < plan.waivers.size(); ++i) {
    const auto& w = plan.waivers[i];
    if (live[i] && w.rule == f.rule && w.covers(f.span)) return &w;
  }
  return nullptr;
}

}  // namespace

std::size_t apply_waivers(const CitationTable& citations, const plan::Plan& plan,
                          const std::vector<eval::Finding>& findings, const std::string& today, std::size_t limit,
                          PlanReport& report) {
  std::vector<bool> live(plan.waivers.size());
  std::vector<std::size_t> uses(plan.waivers.size(), 0);
  for (std::size_t i = 0; i < live.size(); ++i)
    live[i] = plan.waivers[i].until.empty() || plan.waivers[i].until >= today;
  std::size_t counted = 0;
  for (const auto& f : findings) {
    // Findings that do not count are kept up to the same limit as those that do.
    if (f.superseded_by != nullptr) {
      if (report.superseded.size() < limit) {
        report.superseded.push_back(Superseded{problem_of(citations, f), f.superseded_by->id});
      }
      continue;
    }
    if (const auto* w = covering(plan, f, live)) {
      ++uses[static_cast<std::size_t>(w - plan.waivers.data())];
      if (report.suppressed.size() < limit)
        report.suppressed.push_back(Suppressed{problem_of(citations, f), waiver_of(*w)});
      continue;
    }
    if (++counted <= limit) report.findings.push_back(problem_of(citations, f));
  }
  // Waivers are written among the lines they cover, so their own findings go in file order.
  const auto evaluated = report.findings.size();
  for (std::size_t i = 0; i < live.size(); ++i) {
    const bool stale = !live[i] || uses[i] == 0;
    if (stale && ++counted <= limit) report.findings.push_back(stale_waiver(plan.waivers[i], !live[i]));
  }
  const auto before = [](const Problem& a, const Problem& b) {
    return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
  };
  const auto middle = report.findings.begin() + static_cast<std::ptrdiff_t>(evaluated);
  std::sort(middle, report.findings.end(), before);
  std::inplace_merge(report.findings.begin(), middle, report.findings.end(), before);
  return counted;
}

std::string local_date() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace liftlint
