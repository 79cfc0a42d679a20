#include "liftlint/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "api/convert.hpp"
#include "json/tree.hpp"
#include "report/report.hpp"
#include "support/diagnostic.hpp"
#include "support/files.hpp"
#include "support/limits.hpp"
#include "support/names.hpp"

namespace liftlint {
namespace {

namespace fs = std::filesystem;
using json::Node;
using K = Node::Kind;

const std::vector<std::string> config_keys = {"packs", "default_rules", "drafts", "fail_on", "max_warnings", "rules"};
const std::vector<std::string> rule_keys = {"severity", "reason"};
const std::vector<std::string> severities = {"error", "warning", "info", "off"};

std::string origin_of(const Span& span) { return fmt::format("{}:{}:{}", span.file->path, span.line, span.column); }

class ConfigReader {
 public:
  ConfigReader(const SourceFile& file, Config& out, std::vector<Problem>& errors)
      : file_(file), out_(out), errors_(errors) {}

  void read(const Node& root) {
    if (root.kind != K::object) return error(root.span, "expected the configuration as an object { ... }");
    for (const auto& m : root.members) member(m);
  }

 private:
  const SourceFile& file_;
  Config& out_;
  std::vector<Problem>& errors_;

  void error(const Span& span, std::string message, std::vector<std::string> help = {}) {
    errors_.push_back(problem_of(Diagnostic{Severity::error, {}, std::move(message), span, {}, std::move(help)}));
  }

  void wrong(const json::Member& m, const char* expected) {
    error(m.value.span,
          fmt::format("expected \"{}\" to be {}, found {}", m.key, expected, json::kind_name(m.value.kind)));
  }

  void member(const json::Member& m) {
    const auto origin = origin_of(m.key_span);
    if (m.key == "packs") return packs(m, origin);
    if (m.key == "default_rules" || m.key == "drafts") return flag(m, origin);
    if (m.key == "fail_on") return fail_on(m, origin);
    if (m.key == "max_warnings") return max_warnings(m, origin);
    if (m.key == "rules") return rules(m);
    std::vector<std::string> help;
    if (auto hint = did_you_mean(m.key, config_keys); !hint.empty()) help.push_back(hint);
    help.push_back(fmt::format("a configuration takes: {}", fmt::join(config_keys, ", ")));
    error(m.key_span, fmt::format("unknown key \"{}\" in the configuration", shorten(m.key)), std::move(help));
  }

  // After links: a real path under the real directory of the configuration.
  static bool inside_directory(const std::string& path, const fs::path& base) {
    std::error_code ec;
    const auto real = fs::weakly_canonical(fs::absolute(path, ec), ec);
    const auto root = fs::weakly_canonical(fs::absolute(base.empty() ? fs::path(".") : base, ec), ec);
    if (ec) return false;
    const auto relative = real.lexically_relative(root).string();
    return !relative.empty() && relative.rfind("..", 0) != 0;
  }

  // Pack paths are relative to the configuration file, so the project can move.
  void packs(const json::Member& m, const std::string& origin) {
    if (m.value.kind != K::array) return wrong(m, "an array of paths");
    std::vector<std::string> paths;
    const auto base = fs::path(file_.path).parent_path();
    for (const auto& item : m.value.items) {
      if (item.kind != K::string) return wrong(m, "an array of paths");
      auto path = fs::path(item.text).is_absolute() ? item.text : (base / item.text).lexically_normal().string();
      if (!inside_directory(path, base)) {
        error(item.span, fmt::format("the pack \"{}\" is outside the configuration's directory", shorten(item.text)),
              {"a configuration reads packs from its own directory or below it; name a pack kept elsewhere "
               "on the command line: --rules PATH"});
        continue;
      }
      // A pack named twice is loaded once: walking its directory again would add nothing.
      if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(std::move(path));
    }
    out_.packs = {std::move(paths), origin};
  }

  void flag(const json::Member& m, const std::string& origin) {
    if (m.value.kind != K::boolean) return wrong(m, "true or false");
    (m.key == "drafts" ? out_.drafts : out_.default_rules) = {m.value.boolean, origin};
  }

  void fail_on(const json::Member& m, const std::string& origin) {
    const std::vector<std::string> levels = {"error", "warning", "info"};
    if (m.value.kind != K::string) return wrong(m, "\"error\", \"warning\" or \"info\"");
    if (std::find(levels.begin(), levels.end(), m.value.text) == levels.end()) {
      std::vector<std::string> help;
      if (auto hint = did_you_mean(m.value.text, levels); !hint.empty()) help.push_back(hint);
      return error(m.value.span,
                   fmt::format("expected \"fail_on\" to be \"error\", \"warning\" or \"info\", found \"{}\"",
                               shorten(m.value.text)),
                   std::move(help));
    }
    out_.fail_on = {m.value.text, origin};
  }

  void max_warnings(const json::Member& m, const std::string& origin) {
    if (m.value.kind != K::integer || m.value.number < 0 || m.value.number > 1e9) {
      return error(m.value.span, "expected \"max_warnings\" to be a whole number from 0 to 1000000000");
    }
    out_.max_warnings = {static_cast<long>(m.value.number), origin};
  }

  void rules(const json::Member& m) {
    if (m.value.kind != K::object) return wrong(m, "an object of rule ids");
    for (const auto& r : m.value.members) rule(r);
  }

  void rule(const json::Member& r) {
    if (r.value.kind != K::object) return wrong(r, "an object such as {\"severity\": \"warning\"}");
    ConfiguredRule s{r.key, {}, false, {}, origin_of(r.key_span), location_of(r.key_span)};
    for (const auto& f : r.value.members) {
      if (std::find(rule_keys.begin(), rule_keys.end(), f.key) == rule_keys.end()) {
        return error(f.key_span, fmt::format("unknown key \"{}\" in a rule setting", shorten(f.key)),
                     {"a rule setting takes: severity, reason"});
      }
      if (f.value.kind != K::string) return wrong(f, "a string");
    }
    const auto* severity = r.value.find("severity");
    if (severity == nullptr)
      return error(r.value.span, "a rule setting needs \"severity\": error, warning, info or off");
    if (std::find(severities.begin(), severities.end(), severity->text) == severities.end()) {
      return error(severity->span, "expected \"severity\" to be \"error\", \"warning\", \"info\" or \"off\"");
    }
    s.off = severity->text == "off";
    s.severity = parse_severity(severity->text);
    const auto* reason = r.value.find("reason");
    if (reason != nullptr) s.reason = reason->text;
    if (s.off && s.reason.find_first_not_of(" \t") == std::string::npos) {
      return error(severity->span, fmt::format("turning rule '{}' off needs a \"reason\"", shorten(r.key)),
                   {"say why the rule does not apply to this project"});
    }
    out_.rules.push_back(std::move(s));
  }
};

}  // namespace

// Relative to the working directory when the file is below it, so reports name it as the
// repository does.
std::string shortest_path(const fs::path& file) {
  std::error_code ec;
  const auto relative = fs::relative(file, ec);
  const bool below = !ec && !relative.empty() && *relative.begin() != "..";
  return below ? relative.string() : file.string();
}

std::string find_config(const std::string& dir) {
  std::error_code ec;
  auto at = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  if (ec) return {};
  while (true) {
    const auto candidate = at / config_file_name;
    if (fs::is_regular_file(candidate, ec)) return shortest_path(candidate);
    if (!at.has_relative_path()) return {};
    at = at.parent_path();
  }
}

void load_config(const std::string& path, Config& out, std::vector<Problem>& errors) {
  out.path = path;
  // A directory cannot be read, and a FIFO or socket would wait for a writer that may never come.
  std::error_code ec;
  const auto status = fs::status(path, ec);
  const bool readable = !ec && !fs::is_directory(status) && !fs::is_fifo(status) && !fs::is_socket(status);
  auto read = readable ? read_bounded(path, limits::max_file_bytes) : std::nullopt;
  if (!read) {
    Problem p;
    p.message = fmt::format("cannot read configuration file '{}'", path);
    p.location.file = path;
    errors.push_back(std::move(p));
    return;
  }
  auto text = std::move(*read);
  limits::strip_bom(text);
  const SourceFile file{path, std::move(text)};
  Diagnostics diagnostics;
  std::optional<Node> root;
  if (auto problem = limits::check_bytes(file)) {
    diagnostics.add(std::move(*problem));
  } else {
    root = json::parse(file, diagnostics);
  }
  for (const auto& d : diagnostics.items()) errors.push_back(problem_of(d));
  if (root) ConfigReader(file, out, errors).read(*root);
}

EngineResult build_engine(Config& config, const std::string& today, bool readings) {
  EngineOptions options;
  options.readings = readings;
  options.default_rules = config.default_rules.value;
  options.rule_paths = config.packs.value;
  options.drafts = config.drafts.value;
  options.today = today;
  for (const auto& r : config.rules) options.rule_settings.push_back(RuleSetting{r.id, r.severity, !r.off, r.location});
  auto result = Engine::create(options);
  // The engine reported each setting it could not apply; the configuration keeps only those it applied.
  if (!result || config.rules.empty()) return result;
  std::set<std::string, std::less<>> loaded;
  for (const auto& info : result.engine->rules()) loaded.insert(info.id);
  const auto unknown = [&](const ConfiguredRule& r) { return loaded.count(r.id) == 0; };
  config.rules.erase(std::remove_if(config.rules.begin(), config.rules.end(), unknown), config.rules.end());
  return result;
}

namespace {

Problem nothing_in(const std::string& dir, const std::vector<std::string>& extensions) {
  std::string kinds;
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    kinds += i == 0 ? "" : i + 1 == extensions.size() ? " or " : ", ";
    kinds += extensions[i];
  }
  Problem p;
  p.message = fmt::format("no {} files in directory '{}'", kinds, dir);
  p.location.file = dir;
  return p;
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                                      std::vector<Problem>& errors) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<WalkProblem> problems;
    const auto before = out.size();
    for (auto& found : files_under(path, extensions, problems)) {
      if (fs::path(found).filename() != config_file_name) out.push_back(std::move(found));
    }
    // A directory with nothing to read is most likely a wrong path in a script.
    if (out.size() == before && problems.empty()) errors.push_back(nothing_in(path, extensions));
    for (const auto& p : problems) {
      Problem e;
      e.message = fmt::format("cannot read '{}': {}", p.path, p.message);
      e.location.file = p.path;
      errors.push_back(std::move(e));
    }
  }
  return out;
}

Config effective_config(const std::string& path, const Overrides& o, std::vector<Problem>& errors) {
  Config c;
  if (!path.empty()) load_config(path, c, errors);
  const std::string cli = "command line";
  if (!o.packs.empty()) {
    c.packs.value.insert(c.packs.value.end(), o.packs.begin(), o.packs.end());
    c.packs.origin = c.packs.origin == "default" ? cli : c.packs.origin + " and " + cli;
  }
  if (o.no_default_rules) c.default_rules = {false, cli};
  if (o.drafts) c.drafts = {true, cli};
  if (o.fail_on) c.fail_on = {*o.fail_on, cli};
  if (o.max_warnings) c.max_warnings = {*o.max_warnings, cli};
  return c;
}

std::string describe(const Config& c) {
  std::vector<std::array<std::string, 3>> rows;  // key, value, origin
  rows.push_back(
      {"packs", c.packs.value.empty() ? "(none)" : fmt::format("{}", fmt::join(c.packs.value, ", ")), c.packs.origin});
  // Values come from a file anyone may have written: each is shown on its own line, safely.
  const auto shown = [](const std::string& text) { return report::printable(text); };
  rows.push_back({"default_rules", c.default_rules.value ? "true" : "false", c.default_rules.origin});
  rows.push_back({"drafts", c.drafts.value ? "true" : "false", c.drafts.origin});
  rows.push_back({"fail_on", c.fail_on.value, c.fail_on.origin});
  rows.push_back({"max_warnings", c.max_warnings.value < 0 ? "(no limit)" : std::to_string(c.max_warnings.value),
                  c.max_warnings.origin});
  for (const auto& r : c.rules) {
    rows.push_back({fmt::format("rule {}", shown(r.id)),
                    r.off ? fmt::format("off: {}", shown(r.reason)) : fmt::format("{}", severity_name(*r.severity)),
                    shown(r.origin)});
  }
  rows.front()[1] = shown(rows.front()[1]);
  rows.front()[2] = shown(rows.front()[2]);
  std::size_t key_width = 0, value_width = 0;
  for (const auto& row : rows) {
    key_width = std::max(key_width, row[0].size());
    value_width = std::max(value_width, row[1].size());
  }
  std::string out = fmt::format("config file: {}\n", c.path.empty() ? "(none found)" : shown(c.path));
  for (const auto& [key, value, origin] : rows) {
    out += fmt::format("{:<{}}  {:<{}}  # {}\n", key, key_width, value, value_width, origin);
  }
  return out;
}

}  // namespace liftlint
