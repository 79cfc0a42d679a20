// The rules as `liftlint rules list` shows them.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "liftlint/report.hpp"
#include "report/report.hpp"

namespace liftlint {
namespace {

std::string source_ids(const RuleInfo& r) {
  std::string out;
  for (const auto& c : r.citations) {
    if (!out.empty()) out += ',';
    out += c.source;
  }
  return out;
}

}  // namespace

std::string render_rule_list(const std::vector<RuleInfo>& rules, bool json) {
  if (!json) {
    std::string out;
    for (const auto& r : rules) {
      out += fmt::format("{:<40} {:<8} {:<9} {:<22} {}\n", r.id, name_of(r.severity), name_of(r.status),
                         report::printable(r.pack), source_ids(r));
    }
    return out;
  }
  auto list = nlohmann::ordered_json::array();
  for (const auto& r : rules) {
    list.push_back({{"id", r.id},
                    {"severity", name_of(r.severity)},
                    {"status", name_of(r.status)},
                    {"pack", r.pack},
                    {"file", r.location.file},
                    {"line", r.location.line},
                    {"sources", source_ids(r)}});
  }
  return list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace liftlint
