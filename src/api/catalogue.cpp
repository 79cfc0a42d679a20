// What a plan may name: the loaded vocabulary and exercise catalogue, for `liftlint vocab` and
// `liftlint catalog` and for editors.
#include <algorithm>
#include <sstream>

#include "api/convert.hpp"
#include "api/engine_impl.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/exercise_names.hpp"
#include "support/names.hpp"

namespace liftlint {
namespace {

using model::Category;

std::vector<std::string> names_in(const model::RuleSet& rules, Category category, const model::Bits& bits) {
  std::vector<std::string> out;
  const auto& vocab = rules.vocab(category);
  for (std::uint16_t i = 0; i < vocab.size(); ++i) {
    if (bits.test(i)) out.push_back(vocab.at(i).id);
  }
  return out;
}

const char* level_name(model::Level level) {
  static constexpr const char* names[] = {"none", "low", "moderate", "high"};
  return names[static_cast<std::size_t>(level)];
}

ExerciseInfo info_of(const model::RuleSet& rules, const model::Exercise& x) {
  ExerciseInfo out;
  out.name = x.name;
  out.aliases = x.aliases;
  out.muscles = names_in(rules, Category::muscle, x.muscles);
  out.pattern = rules.vocab(Category::pattern).at(x.pattern).id;
  out.posture = rules.vocab(Category::posture).at(x.posture).id;
  out.equipment = names_in(rules, Category::equipment, x.equipment);
  out.tags = names_in(rules, Category::tag, x.tags);
  out.spinal_load = level_name(x.spinal_load);
  out.impact = level_name(x.impact);
  out.supported = x.supported;
  out.loaded = x.loaded;
  for (const auto& at : x.extended_at) out.extended_at.push_back(location_of(at));
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(normalize_name(text));
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// 0 for a name or alias equal to the search, 1 for one that starts with it, 2 for one that holds every
// word of it; nullopt when it does not match.
std::optional<int> match_rank(const model::Exercise& x, const std::vector<std::string>& words,
                              const std::string& search) {
  std::optional<int> best;
  std::vector<std::string> spellings{x.name};
  spellings.insert(spellings.end(), x.aliases.begin(), x.aliases.end());
  for (const auto& spelling : spellings) {
    const auto name = normalize_name(spelling);
    int rank = 2;
    if (name == search) {
      rank = 0;
    } else if (name.rfind(search, 0) == 0) {
      rank = 1;
    } else if (!std::all_of(words.begin(), words.end(),
                            [&](const std::string& w) { return name.find(w) != std::string::npos; })) {
      continue;
    }
    best = std::min(best.value_or(rank), rank);
  }
  return best;
}

}  // namespace

std::vector<VocabularyEntry> Engine::vocabulary(VocabularyKind kind) const {
  std::vector<VocabularyEntry> out;
  const auto* rules = &*impl_->rules;
  static constexpr Category categories[] = {Category::condition, Category::condition, Category::session_kind,
                                            Category::posture,   Category::equipment, Category::muscle,
                                            Category::pattern};
  const auto category = categories[static_cast<std::size_t>(kind)];
  const auto& vocab = rules->vocab(category);
  for (std::uint16_t i = 0; i < vocab.size(); ++i) {
    const auto& e = vocab.at(i);
    if (category == Category::condition && e.symptom != (kind == VocabularyKind::symptoms)) continue;
    auto implied = e.closure;
    implied.reset(i);
    VocabularyEntry entry{e.id, e.label, {}, names_in(*rules, category, implied), {}};
    for (const auto& alias : e.aliases) {
      (model::is_description(alias) ? entry.described : entry.aliases).push_back(alias);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<ExerciseInfo> Engine::catalogue(const std::string& search) const {
  std::vector<ExerciseInfo> out;
  const auto* rules = &*impl_->rules;
  const auto words = words_of(search);
  const auto wanted = normalize_name(search);
  std::vector<std::pair<int, std::uint32_t>> ranked;
  for (std::uint32_t i = 0; i < rules->catalogue.size(); ++i) {
    if (auto rank = match_rank(rules->catalogue.at(i), words, wanted)) ranked.emplace_back(*rank, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // A name with modifiers or abbreviations reads as one entry: say which, and how it is changed.
  if (!search.empty() && !rules->catalogue.find(search)) {
    if (auto reading = plan::read_exercise_name(rules->catalogue, search)) {
      auto info = info_of(*rules, rules->catalogue.at(reading->exercise));
      if (!reading->posture.empty()) info.posture = reading->posture;
      if (!reading->equipment.empty()) info.equipment = {reading->equipment};
      info.read_as = info.name + (reading->posture.empty() ? "" : ", " + reading->posture) +
                     (reading->equipment.empty() ? "" : ", " + reading->equipment);
      out.push_back(std::move(info));
      ranked.erase(
          std::remove_if(ranked.begin(), ranked.end(), [&](const auto& r) { return r.second == reading->exercise; }),
          ranked.end());
    }
  }
  for (const auto& [rank, index] : ranked) out.push_back(info_of(*rules, rules->catalogue.at(index)));
  return out;
}

}  // namespace liftlint
