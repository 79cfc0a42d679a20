#include "api/rule_set.hpp"

#include <fmt/format.h>

#include "api/convert.hpp"
#include "api/embedded.hpp"
#include "liftlint/config.hpp"
#include "rules/loader.hpp"
#include "rules/snapshot.hpp"

namespace liftlint {
namespace {

// A file held in memory stands for a path, so its name must be one: positions and includes use it.
bool named_like_a_file(const RuleFile& f, std::vector<Problem>& problems) {
  const bool ok = !f.name.empty() && f.name.back() != '/' && f.name.find('\0') == std::string::npos;
  if (!ok) {
    Problem p;
    p.message = fmt::format("a rule file held in memory needs a file name, such as 'clinic.rules'; found '{}'",
                            std::string_view(f.name.data(), std::min<std::size_t>(f.name.size(), 200)));
    for (auto& c : p.message) c = c == '\0' ? ' ' : c;
    problems.push_back(std::move(p));
  }
  return ok;
}

}  // namespace

LoadedRules load_rules(const EngineOptions& options) {
  LoadedRules out;
  out.sources = std::make_unique<Sources>();
  std::vector<const SourceFile*> builtin;
  for (const auto& f : embedded_rule_files())
    builtin.push_back(&out.sources->add(f.path, SourceFile::Borrowed{f.text}));
  std::vector<const SourceFile*> declaring;
  auto base =
      rules::decode_snapshot(embedded_snapshot(options.default_rules), builtin, &declaring, Integrity::built_in);
  const auto paths = expand_paths(options.rule_paths, {".rules"}, out.problems);
  // Files given in memory reach the disk through their includes only when the caller gave paths too.
  const rules::DiskFileSystem disk;
  rules::MemoryFileSystem files(paths.empty() ? nullptr : &disk);
  std::vector<const RuleFile*> named;
  for (const auto& f : options.rule_files) {
    if (named_like_a_file(f, out.problems)) named.push_back(&f), files.add(f.name, f.text);
  }
  Diagnostics diagnostics;
  rules::RuleLoader loader(*out.sources, files, diagnostics);
  for (const auto* file : declaring) loader.loaded_before(file->text);
  for (const auto& path : paths) loader.load(path);
  for (const auto* f : named) loader.load(f->name);
  if (out.problems.empty()) out.rules = loader.check(std::move(*base));
  auto found = problems_of(diagnostics);
  out.problems.insert(out.problems.end(), found.begin(), found.end());
  return out;
}

}  // namespace liftlint
