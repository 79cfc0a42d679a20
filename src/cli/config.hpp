// Project configuration: .liftlint.json, found from a plan's directory upwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "liftlint/liftlint.hpp"

namespace liftlint::cli {

inline constexpr const char* config_file_name = ".liftlint.json";

// A value and where it came from: "default", "command line", or file:line:col.
template <typename T>
struct Setting {
  T value;
  std::string origin = "default";
};

struct RuleSetting {
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
  std::vector<RuleSetting> rules;
};

// The nearest .liftlint.json in dir or a parent, or an empty string.
[[nodiscard]] std::string find_config(const std::string& dir);

// Reads a config file into out; problems (with positions) are appended to errors. Entries
// with errors are left out, so the rest of the file still applies.
void load_config(const std::string& path, Config& out, std::vector<Problem>& errors);

// Applies the per-rule settings to the engine; an id it does not know is an error, and its
// setting is dropped from the configuration.
void configure_rules(Config& config, Engine& engine, std::vector<Problem>& errors);

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

}  // namespace liftlint::cli
