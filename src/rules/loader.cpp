#include "rules/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/checker.hpp"
#include "rules/parser.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"

namespace liftlint::rules {

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  return read_bounded(path, limits::max_file_bytes);
}

std::string DiskFileSystem::identity(const std::string& path) const {
  std::error_code ec;
  // A missing file is named by its real directory, so that it is still found inside or outside the pack.
  auto real = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? path : real.string();
}

std::string MemoryFileSystem::identity(const std::string& path) const {
  const auto in_memory = [&] {
    if (path == "." || files_.count(path) > 0) return true;
    const auto after = files_.upper_bound(path + "/");  // a directory of files in memory
    return after != files_.end() && after->first.rfind(path + "/", 0) == 0;
  };
  if (fallback_ == nullptr || in_memory()) return path;
  return fallback_->identity(path);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  const auto it = files_.find(path);
  if (it != files_.end()) return it->second;
  if (fallback_ != nullptr) return fallback_->read(path);
  return std::nullopt;
}

std::string resolve_include(const std::string& from_file, const std::string& include) {
  const std::filesystem::path target(include);
  if (target.is_absolute()) return target.lexically_normal().string();
  return (std::filesystem::path(from_file).parent_path() / target).lexically_normal().string();
}

void RuleLoader::load(const std::string& given, const Span& from) {
  // One file has one name, however it was spelled: a.rules and ./a.rules are the same.
  // Through links too: each real file is loaded once, and a pack stays inside its real directory.
  const std::string path = std::filesystem::path(given).lexically_normal().string();
  const std::string real = fs_.identity(path);
  if (std::find(stack_.begin(), stack_.end(), real) != stack_.end()) {
    diagnostics_.error(from, fmt::format("'{}' includes itself through a cycle of includes", path));
    return;
  }
  if (!seen_.insert(real).second) return;
  if (stack_.size() >= limits::max_include_depth) {
    diagnostics_.error(from, fmt::format("includes are nested more than {} deep", limits::max_include_depth));
    return;
  }
  if (!roots_.empty() && !inside(real, roots_.back())) {
    const auto root = roots_given_.back().empty() ? std::string(".") : roots_given_.back();
    diagnostics_.error(from, fmt::format("'{}' is outside the pack's directory '{}'", path, root),
                       {"a rule file can include only files in its own directory or below it"});
    return;
  }
  auto text = fs_.read(path);
  if (!text) {
    const auto message = fmt::format("cannot read rule file '{}'", path);
    if (from.valid()) {
      diagnostics_.error(from, message);
    } else {
      const auto& named = sources_.add(path, std::string());
      diagnostics_.add(Diagnostic{Severity::error, {}, message, Span{&named, 0, 0, 0}, {}, {}});
    }
    return;
  }
  limits::strip_bom(*text);
  if (texts_.count(std::string_view(*text)) > 0) return;
  const bool top = stack_.empty();
  if (top) {
    const auto dir = std::filesystem::path(path).parent_path().lexically_normal().string();
    roots_given_.push_back(dir);
    // A bare file name's directory is the real directory of the file itself: "." may name the folder of
    // files held in memory rather than the working directory.
    roots_.push_back(dir.empty() ? std::filesystem::path(real).parent_path().string() : fs_.identity(dir));
  }
  const auto& file = sources_.add(path, std::move(*text));
  texts_.insert(file.text);
  parse_and_follow(file, real);
  if (top) roots_.pop_back(), roots_given_.pop_back();
}

void RuleLoader::load_text(const std::string& path, std::string text) {
  if (!seen_.insert(path).second) return;
  parse_and_follow(sources_.add(path, std::move(text)), path);
}

void RuleLoader::parse_and_follow(const SourceFile& file, const std::string& real) {
  auto parsed = parse_rule_file(file, diagnostics_);
  if (!parsed) return;
  stack_.push_back(real);
  for (const auto& include : parsed->includes) load(resolve_include(file.path, include.text), include.span);
  stack_.pop_back();
  files_.push_back(std::move(*parsed));
}

bool RuleLoader::inside(const std::string& path, const std::string& root) {
  if (root.empty()) return std::filesystem::path(path).is_relative() && path.rfind("..", 0) != 0;
  const auto relative = std::filesystem::path(path).lexically_relative(root).string();
  return !relative.empty() && relative.rfind("..", 0) != 0;
}

std::optional<model::RuleSet> RuleLoader::check() { return check(model::RuleSet{}); }

std::optional<model::RuleSet> RuleLoader::check(model::RuleSet base) {
  if (diagnostics_.has_errors()) return std::nullopt;
  // the base alone was checked when it was made (the built-in pack, at build time)
  if (files_.empty()) return base;
  return check_files(files_, diagnostics_, std::move(base));
}

}  // namespace liftlint::rules
