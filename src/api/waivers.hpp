// Waivers written in a plan: which findings they suppress, and which waivers are stale.
#pragma once

#include <string>
#include <vector>

#include "api/convert.hpp"
#include "eval/finding.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/model.hpp"

namespace liftlint {

inline constexpr const char* waiver_expired_id = "liftlint.waiver-expired";
inline constexpr const char* waiver_unused_id = "liftlint.waiver-unused";

// Moves the findings a live waiver covers into report.suppressed and the rest into
// report.findings (at most `limit` of them), then reports expired and unused waivers.
// Returns how many findings there were before the limit.
std::size_t apply_waivers(const CitationTable& citations, const plan::Plan& plan,
                          const std::vector<eval::Finding>& findings, const std::string& today, std::size_t limit,
                          PlanReport& report);

// Today's local date as YYYY-MM-DD.
[[nodiscard]] std::string local_date();

}  // namespace liftlint
