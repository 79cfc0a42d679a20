// The small vocabularies every part of liftlint speaks: how severe a finding is, what a waiver
// covers, where a rule stands in review. This header depends on nothing, so that every phase of the
// library may use it.
#pragma once

namespace liftlint {

enum class Severity { error, warning, info };
[[nodiscard]] const char* name_of(Severity severity);

// How much of a plan a waiver covers: where it is written.
enum class WaiverScope { plan, week, day, session, line };
[[nodiscard]] const char* name_of(WaiverScope scope);

// A rule's review status: drafts run only when asked for, retired rules never.
enum class RuleStatus { draft, reviewed, retired };
[[nodiscard]] const char* name_of(RuleStatus status);

// Whether a fix may be applied without a person's review: a safe fix changes nothing beyond what its
// message says was meant (a misspelt exercise name); an unsafe one changes the programme (a substitute).
enum class FixApplicability { safe, unsafe };
[[nodiscard]] const char* name_of(FixApplicability applicability);

}  // namespace liftlint
