// Loads rule packs (with their includes) and checks them into one RuleSet.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ast.hpp"
#include "rules/model.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::rules {

// Where rule files come from; tests and the embedded pack use memory.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  [[nodiscard]] virtual std::optional<std::string> read(const std::string& path) const = 0;
  // The one name of the file a path reaches, however many links lead there.
  [[nodiscard]] virtual std::string identity(const std::string& path) const { return path; }
};

class DiskFileSystem : public FileSystem {
 public:
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override;
  [[nodiscard]] std::string identity(const std::string& path) const override;
};

// Files kept in memory under a path prefix; everything else goes to the fallback.
class MemoryFileSystem : public FileSystem {
 public:
  explicit MemoryFileSystem(const FileSystem* fallback = nullptr) : fallback_(fallback) {}
  void add(std::string path, std::string text) { files_[std::move(path)] = std::move(text); }
  [[nodiscard]] std::optional<std::string> read(const std::string& path) const override;
  [[nodiscard]] std::string identity(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
  const FileSystem* fallback_;
};

// The include path as seen from the including file.
[[nodiscard]] std::string resolve_include(const std::string& from_file, const std::string& include);

class RuleLoader {
 public:
  RuleLoader(Sources& sources, const FileSystem& fs, Diagnostics& diagnostics)
      : sources_(sources), fs_(fs), diagnostics_(diagnostics) {}

  // Reads and parses a file and everything it includes. `from` locates the include, if any.
  void load(const std::string& path, const Span& from = {});
  // Reads a file given as text (for tests and embedding).
  void load_text(const std::string& path, std::string text);
  // A file whose text is already in the rule set checked before (the built-in pack, given again from
  // disk) is not loaded a second time. `text` must outlive the loader: the text of a file in the same Sources.
  void loaded_before(std::string_view text) { texts_.emplace(text); }
  // Checks everything loaded so far; nullopt when there were errors.
  [[nodiscard]] std::optional<model::RuleSet> check();
  // `base` is a rule set checked before, such as the built-in pack's snapshot.
  [[nodiscard]] std::optional<model::RuleSet> check(model::RuleSet base);

 private:
  void parse_and_follow(const SourceFile& file, const std::string& real);
  // Whether `path` lies in `root` or below it.
  static bool inside(const std::string& path, const std::string& root);

  Sources& sources_;
  const FileSystem& fs_;
  Diagnostics& diagnostics_;
  std::vector<ast::File> files_;
  std::set<std::string> seen_;
  // The text of every file loaded, to load a copy once: views of the texts `sources_` holds, which outlive the
  // loader, so that the built-in pack's 160 kB are not copied again.
  std::set<std::string_view> texts_;
  std::vector<std::string> stack_;
  std::vector<std::string> roots_;        // real directory of the top-level file being loaded
  std::vector<std::string> roots_given_;  // the same as it was written, for messages
};

}  // namespace liftlint::rules
