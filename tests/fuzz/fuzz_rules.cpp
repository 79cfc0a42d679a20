// Rule parser and checker on arbitrary bytes, checked on top of the built-in base, as a
// user's pack would be.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "report/report.hpp"
#include "rules/loader.hpp"
#include "rules/snapshot.hpp"

namespace {

struct Base {
  liftlint::Sources sources;
  liftlint::model::RuleSet rules;
  Base() {
    std::vector<const liftlint::SourceFile*> files;
    for (const auto& f : liftlint::embedded_rule_files()) files.push_back(&sources.add(f.path, std::string(f.text)));
    rules = *liftlint::rules::decode_snapshot(liftlint::embedded_snapshot(false), files);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liftlint;
  static const Base base;
  rules::MemoryFileSystem fs;
  fs.add("fuzz/fuzz.rules", std::string(reinterpret_cast<const char*>(data), size));
  Sources sources;
  Diagnostics diagnostics;
  rules::RuleLoader loader(sources, fs, diagnostics);
  loader.load("fuzz/fuzz.rules");
  const auto set = loader.check(base.rules);
  for (const auto& d : diagnostics.items()) (void)report::render_problem(problem_of(d), false);
  return set.has_value() ? 0 : 0;
}
