// Rule parser and checker on arbitrary bytes, loaded on top of the built-in base.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "report/report.hpp"
#include "rules/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liftlint;
  static const auto files = [] {
    auto* fs = new rules::MemoryFileSystem();
    for (const auto& f : embedded_rule_files()) fs->add(f.path, f.text);
    return fs;
  }();
  rules::MemoryFileSystem fs(files);
  fs.add("builtin/fuzz/fuzz.rules", std::string(reinterpret_cast<const char*>(data), size));
  Sources sources;
  Diagnostics diagnostics;
  rules::RuleLoader loader(sources, fs, diagnostics);
  loader.load(base_pack_entry);
  loader.load("builtin/fuzz/fuzz.rules");
  const auto set = loader.check();
  for (const auto& d : diagnostics.items()) (void)report::render_problem(problem_of(d), false);
  return set.has_value() ? 0 : 0;
}
