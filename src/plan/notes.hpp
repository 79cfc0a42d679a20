// Lines read as the trainer's notes: reported with the code `plan.note`, which the engine keeps apart from the
// input errors.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "plan/ast.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::plan {

inline void add_note(Diagnostics& diagnostics, const Span& span, std::string message,
                     std::vector<std::string> help = {}) {
  diagnostics.add(Diagnostic{Severity::info, std::string(note_code), std::move(message), span, {}, std::move(help)});
}

}  // namespace liftlint::plan
