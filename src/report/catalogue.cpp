// The vocabulary and the exercise catalogue as `liftlint vocab` and `liftlint catalog` show them.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "liftlint/report.hpp"
#include "report/report.hpp"

namespace liftlint {
namespace {

using nlohmann::ordered_json;

// Names and labels come from rule packs anyone may write: shown safely, as every report shows them.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ", ";
    out += report::printable(i);
  }
  return out;
}

std::string dump(const ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string vocabulary_text(const VocabularyList& list) {
  std::string out = list.name + "\n";
  for (const auto& e : list.entries) {
    out += fmt::format("  {:<32} {}", report::printable(e.id), report::printable(e.label));
    if (!e.aliases.empty()) out += fmt::format("; also written {}", joined(e.aliases));
    if (!e.described.empty()) out += fmt::format("; in prose also {}", joined(e.described));
    if (!e.implies.empty()) out += fmt::format("; counts as {}", joined(e.implies));
    out += "\n";
  }
  return out;
}

ordered_json vocabulary_json(const std::vector<VocabularyEntry>& entries) {
  auto list = ordered_json::array();
  for (const auto& e : entries) {
    list.push_back(
        {{"id", e.id}, {"label", e.label}, {"aliases", e.aliases}, {"described", e.described}, {"implies", e.implies}});
  }
  return list;
}

std::string place(const Location& at) {
  return fmt::format("{}:{}:{}", report::printable(at.file), at.line, at.column);
}

std::string exercise_text(const ExerciseInfo& x) {
  const auto name = report::printable(x.name);
  std::string out = x.read_as.empty() ? name : fmt::format("{} (read as {})", name, report::printable(x.read_as));
  out += fmt::format("\n  pattern {}, posture {}, equipment {}, spinal load {}, impact {}{}{}\n",
                     report::printable(x.pattern), report::printable(x.posture),
                     x.equipment.empty() ? "none" : joined(x.equipment), x.spinal_load, x.impact,
                     x.loaded ? ", loaded" : "", x.supported ? ", supported" : "");
  out += fmt::format("  muscles {}\n", joined(x.muscles));
  if (!x.aliases.empty()) out += fmt::format("  also written {}\n", joined(x.aliases));
  if (!x.tags.empty()) out += fmt::format("  tags {}\n", joined(x.tags));
  for (const auto& at : x.extended_at) out += fmt::format("  extended at {}\n", place(at));
  return out;
}

ordered_json exercise_json(const ExerciseInfo& x) {
  ordered_json j{
      {"name", x.name},       {"aliases", x.aliases},     {"muscles", x.muscles}, {"pattern", x.pattern},
      {"posture", x.posture}, {"equipment", x.equipment}, {"tags", x.tags},       {"spinal_load", x.spinal_load},
      {"impact", x.impact},   {"supported", x.supported}, {"loaded", x.loaded}};
  if (!x.read_as.empty()) j["read_as"] = x.read_as;
  if (!x.extended_at.empty()) {
    auto places = ordered_json::array();
    for (const auto& at : x.extended_at) places.push_back(fmt::format("{}:{}:{}", at.file, at.line, at.column));
    j["extended_at"] = places;
  }
  return j;
}

}  // namespace

std::string render_vocabulary(const std::vector<VocabularyList>& lists, bool json) {
  if (json) {
    auto out = ordered_json::object();
    for (const auto& list : lists) out[list.name] = vocabulary_json(list.entries);
    return dump(out);
  }
  std::string out;
  for (const auto& list : lists) {
    if (!out.empty()) out += "\n";
    out += vocabulary_text(list);
  }
  return out;
}

std::string render_catalogue(const std::vector<ExerciseInfo>& exercises, bool json) {
  if (json) {
    auto list = ordered_json::array();
    for (const auto& x : exercises) list.push_back(exercise_json(x));
    return dump(list);
  }
  std::string out;
  for (const auto& x : exercises) out += exercise_text(x);
  return out;
}

}  // namespace liftlint
