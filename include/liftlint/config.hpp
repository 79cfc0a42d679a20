// A project's configuration: .liftlint.json, found from a plan's directory upwards, and the command
// line's settings over it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint {

inline constexpr const char* config_file_name = ".liftlint.json";

// A value and where it came from: "default", "command line", or file:line:col.
template <typename T>
struct Setting {
  T value;
  std::string origin = "default";
};

struct ConfiguredRule {
  std::string id;
  std::optional<Severity> severity;  // nullopt with off
  bool off = false;
  std::string reason;
  std::string origin;
  Location location;  // the rule id, for errors about it
};

struct Config {
  std::string path;  // the file read, empty when there is none
  Setting<std::vector<std::string>> packs{{}};
  Setting<bool> default_rules{true};
  Setting<bool> drafts{false};
  Setting<std::string> fail_on{"error"};
  Setting<long> max_warnings{-1};  // -1: no limit
  std::vector<ConfiguredRule> rules;
};

// The nearest .liftlint.json in dir or a parent, or an empty string.
[[nodiscard]] std::string find_config(const std::string& dir);

// Reads a config file into out; problems (with positions) are appended to errors. Entries
// with errors are left out, so the rest of the file still applies.
void load_config(const std::string& path, Config& out, std::vector<Problem>& errors);

// The engine a configuration asks for, checking waivers against `today` (empty: the local date). A
// rule setting naming no loaded rule is one of the result's problems and is dropped from `config`;
// the engine is built without it.
// `readings`: EngineOptions::readings.
[[nodiscard]] EngineResult build_engine(Config& config, const std::string& today = {}, bool readings = false);

// Files as given; directories replaced by the files under them (symbolic links followed, each directory
// once) with one of these extensions, in name order whatever order the file system lists them in.
// Configuration files are left out. Each entry that cannot be read, and each directory with no such
// file, is added to `errors`.
[[nodiscard]] std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                                    const std::vector<std::string>& extensions,
                                                    std::vector<Problem>& errors);

// What the command line says; it wins over the configuration file.
struct Overrides {
  std::vector<std::string> packs;  // added to the file's packs
  bool no_default_rules = false;
  bool drafts = false;
  std::optional<std::string> fail_on;
  std::optional<long> max_warnings;
};

// Defaults, then the file at path (if not empty), then the command line.
[[nodiscard]] Config effective_config(const std::string& path, const Overrides& overrides,
                                      std::vector<Problem>& errors);

// The effective configuration, one setting per line with its origin.
[[nodiscard]] std::string describe(const Config& config);

}  // namespace liftlint
