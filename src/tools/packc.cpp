// Build step: parses and checks the built-in pack and writes its snapshot.
// Usage: liftlint_packc RULES_DIR ENTRY OUT   (ENTRY such as back-pain/pack.rules)
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/loader.hpp"
#include "rules/snapshot.hpp"

int main(int argc, char** argv) {
  using namespace liftlint;
  if (argc != 4) {
    fmt::print(stderr, "usage: liftlint_packc RULES_DIR ENTRY OUT\n");
    return 2;
  }
  const std::filesystem::path root = argv[1];
  rules::MemoryFileSystem fs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".rules") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    fs.add("builtin/" + std::filesystem::relative(entry.path(), root).generic_string(), text.str());
  }
  Sources sources;
  Diagnostics diagnostics;
  rules::RuleLoader loader(sources, fs, diagnostics);
  loader.load(std::string("builtin/") + argv[2]);
  const auto set = loader.check();
  if (!set) {
    for (const auto& d : diagnostics.items()) fmt::print(stderr, "{}: error: {}\n", d.span.location(), d.message);
    return 1;
  }
  const auto bytes = rules::encode_snapshot(*set);
  // liftlint reads the built-in snapshot without checking it, so it is checked here, once, as damaged bytes are.
  if (!rules::decode_snapshot(bytes, {}, nullptr, Integrity::checked)) {
    fmt::print(stderr, "liftlint_packc: the snapshot written for {} does not decode\n", argv[2]);
    return 1;
  }
  std::ofstream(argv[3], std::ios::binary) << bytes;
  return 0;
}
