#include "plan/exercise_names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "support/ascii.hpp"
#include "support/names.hpp"
#include "support/word_set.hpp"

namespace liftlint::plan {
namespace {

enum class Sets { posture, equipment, other, weighted };

struct Modifier {
  const char* words;  // normalised, one or two words
  Sets sets;
  const char* id;
};

// normalize_name has already lower-cased, split hyphens and dropped plurals.
constexpr Modifier modifiers[] = {
    {"standing", Sets::posture, "standing"},
    {"seated", Sets::posture, "seated"},
    {"sitting", Sets::posture, "seated"},
    {"half kneeling", Sets::posture, "half_kneeling"},
    {"tall kneeling", Sets::posture, "kneeling"},
    {"kneeling", Sets::posture, "kneeling"},
    {"supine", Sets::posture, "supine"},
    {"lying", Sets::posture, "supine"},
    {"prone", Sets::posture, "prone"},
    {"side lying", Sets::posture, "side_lying"},
    {"split stance", Sets::posture, "split_stance"},
    {"quadruped", Sets::posture, "quadruped"},
    {"barbell", Sets::equipment, "barbell"},
    {"dumbbell", Sets::equipment, "dumbbell"},
    {"kettlebell", Sets::equipment, "kettlebell"},
    {"band", Sets::equipment, "band"},
    {"banded", Sets::equipment, "band"},
    {"cable", Sets::equipment, "cable"},
    {"machine", Sets::equipment, "machine"},
    {"smith", Sets::equipment, "machine"},
    {"trap bar", Sets::equipment, "trap_bar"},
    {"hex bar", Sets::equipment, "trap_bar"},
    {"landmine", Sets::equipment, "landmine"},
    {"ez bar", Sets::equipment, "ez_bar"},
    {"med ball", Sets::equipment, "medicine_ball"},
    {"medicine ball", Sets::equipment, "medicine_ball"},
    {"swiss ball", Sets::equipment, "stability_ball"},
    {"stability ball", Sets::equipment, "stability_ball"},
    {"single arm", Sets::other, ""},
    {"single leg", Sets::other, ""},
    {"one arm", Sets::other, ""},
    {"one leg", Sets::other, ""},
    {"alternating", Sets::other, ""},
    {"alternate", Sets::other, ""},
    {"unilateral", Sets::other, ""},
    {"incline", Sets::other, ""},
    {"decline", Sets::other, ""},
    {"deficit", Sets::other, ""},
    {"paused", Sets::other, ""},
    {"pause", Sets::other, ""},
    {"tempo", Sets::other, ""},
    {"slow", Sets::other, ""},
    {"heavy", Sets::other, ""},
    {"light", Sets::other, ""},
    {"weighted", Sets::weighted, ""},
    {"loaded", Sets::weighted, ""},
    {"bodyweight", Sets::other, ""},
    {"assisted", Sets::other, ""},
    {"hold", Sets::other, ""},
    {"easy", Sets::other, ""},
    {"then", Sets::other, ""},
    {"continue", Sets::other, ""},
    {"progress", Sets::other, ""},
    {"keep", Sets::other, ""},
};

const std::unordered_map<std::string_view, std::string_view>& abbreviations() {
  static const std::unordered_map<std::string_view, std::string_view> table = {{"db", "dumbbell"},
                                                                               {"dbs", "dumbbell"},
                                                                               {"kb", "kettlebell"},
                                                                               {"kbs", "kettlebell"},
                                                                               {"bb", "barbell"},
                                                                               {"dl", "deadlift"},
                                                                               {"dls", "deadlift"},
                                                                               {"rdl", "romanian deadlift"},
                                                                               {"rdls", "romanian deadlift"},
                                                                               {"sldl", "stiff leg deadlift"},
                                                                               {"ohp", "overhead press"},
                                                                               {"bss", "bulgarian split squat"},
                                                                               {"bsq", "back squat"},
                                                                               {"fsq", "front squat"},
                                                                               {"tbdl", "trap bar deadlift"},
                                                                               {"hbdl", "hex bar deadlift"},
                                                                               {"gm", "good morning"},
                                                                               {"gms", "good morning"},
                                                                               {"cmj", "countermovement jump"},
                                                                               {"cmjs", "countermovement jump"},
                                                                               {"pwr", "power"},
                                                                               {"cln", "clean"},
                                                                               {"rot", "rotational"},
                                                                               {"plk", "plank"},
                                                                               {"br", "bridge"},
                                                                               {"sl", "single leg"},
                                                                               {"sa", "single arm"},
                                                                               {"alt", "alternating"},
                                                                               {"bw", "bodyweight"},
                                                                               {"ghr", "glute ham raise"},
                                                                               {"mb", "med ball"},
                                                                               {"ez", "ez"},
                                                                               {"1", "one"},
                                                                               {"oh", "overhead"},
                                                                               {"hex", "hex"},
                                                                               {"lat", "lat"}};
  return table;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < s.size()) {
    const auto end = std::min(s.find(' ', begin), s.size());
    if (end > begin) out.emplace_back(s.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& words, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// Expands abbreviations word by word: DB RDL -> dumbbell romanian deadlift.
std::vector<std::string> expanded(const std::string& text) {
  std::string name = text;
  std::replace(name.begin(), name.end(), '/', ' ');
  std::string with_and;
  for (const char c : name) with_and += c == '&' ? std::string(" and ") : std::string(1, c);
  std::vector<std::string> out;
  for (const auto& w : split_words(normalize_name(with_and))) {
    const auto it = abbreviations().find(w);
    for (const auto& part : split_words(it == abbreviations().end() ? w : it->second)) out.push_back(part);
  }
  return out;
}

// The modifier that starts at words[i], and how many words it takes.
// Each modifier's words, split once, and by their first word for a quick look-up.
using ModifierIndex = std::unordered_multimap<std::string, std::pair<const Modifier*, std::vector<std::string>>>;

const ModifierIndex& modifier_index() {
  static const auto index = [] {
    ModifierIndex out;
    for (const auto& m : modifiers) {
      auto parts = split_words(m.words);
      std::string first = parts.front();
      out.emplace(std::move(first), std::make_pair(&m, std::move(parts)));
    }
    return out;
  }();
  return index;
}

const Modifier* modifier_at(const std::vector<std::string>& words, std::size_t i, std::size_t& taken) {
  const auto [from, to] = modifier_index().equal_range(words[i]);
  const Modifier* best = nullptr;
  for (auto it = from; it != to; ++it) {
    const auto& parts = it->second.second;
    if (i + parts.size() > words.size() || parts.size() <= taken) continue;
    if (std::equal(parts.begin(), parts.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
      taken = parts.size();  // the longest: `side lying` before `side`
      best = it->second.first;
    }
  }
  return best;
}

void apply(const Modifier& m, NameReading& r) {
  if (m.sets == Sets::posture) r.posture = m.id;
  if (m.sets == Sets::equipment) {
    r.equipment = m.id;
    const std::string e = m.id;
    if (e == "band") r.banded = true;
    if (e == "barbell" || e == "dumbbell" || e == "kettlebell" || e == "trap_bar") r.weighted = true;
  }
  if (m.sets == Sets::weighted) r.weighted = true;
}

std::optional<NameReading> found(const model::Catalogue& catalogue, const std::string& name, NameReading r) {
  const auto index = catalogue.find_loose(name);
  if (!index) return std::nullopt;
  r.exercise = *index;
  return r;
}

// Modifiers taken off the front one at a time, then all of them wherever they stand.
std::optional<NameReading> strip_modifiers(const model::Catalogue& catalogue, std::vector<std::string> words) {
  NameReading r;
  while (words.size() > 1) {
    std::size_t taken = 0;
    const auto* m = modifier_at(words, 0, taken);
    if (m == nullptr || taken >= words.size()) break;
    apply(*m, r);
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(taken));
    if (auto hit = found(catalogue, join(words), r)) return hit;
  }
  std::vector<std::string> base;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    if (const auto* m = modifier_at(words, i, taken); m != nullptr && words.size() - taken > 0) {
      apply(*m, r);
      i += taken;
    } else {
      base.push_back(words[i++]);
    }
  }
  if (base.empty() || base.size() == words.size()) return std::nullopt;
  return found(catalogue, join(base), r);
}

// A quick look, before the words are normalised: does the name mention equipment or a load at all?
bool names_equipment(std::string_view text) {
  static const WordSet words = {"barbell", "dumbbell", "dumbbells", "kettlebell", "kettlebells", "db",
                                "dbs",     "kb",       "kbs",       "bb",         "band",        "banded",
                                "trap",    "hex",      "landmine",  "weighted",   "loaded",      "smith",
                                "ez",      "cable",    "machine",   "ball"};
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (ascii::is_alpha(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(ascii::lower(static_cast<unsigned char>(c))));
      continue;
    }
    if (!word.empty() && words.count(word) > 0) return true;
    word.clear();
  }
  return false;
}

// Equipment named anywhere in what was typed loads the movement, even when the words are a catalogue alias
// (`dumbbell split squat`): the reading must not depend on whether a spelling is listed.
void typed_equipment(const std::vector<std::string>& words, NameReading& r) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::size_t taken = 0;
    if (const auto* m = modifier_at(words, i, taken); m != nullptr && m->sets != Sets::posture) {
      NameReading probe;
      apply(*m, probe);
      r.weighted = r.weighted || probe.weighted;
      r.banded = r.banded || probe.banded;
    }
  }
}

std::optional<NameReading> whole_name(const model::Catalogue& catalogue, const std::vector<std::string>& words) {
  if (auto hit = found(catalogue, join(words), {})) {
    typed_equipment(words, *hit);
    return hit;
  }
  return strip_modifiers(catalogue, words);
}

// `side plank knees`, `Copenhagen plank short lever`, `step ups low step`, `goblet squat full depth`, `DB bench
// pyramid`, `V ups ladder`, `abduction burnout`: words after the movement that say how it is set up, loaded or
// roughly counted. A word for an easier
// form picks that form where the catalogue has one (`modified side plank`).
std::optional<NameReading> trailing_setup(const model::Catalogue& catalogue, std::vector<std::string> words) {
  static const WordSet setup = {"knee", "knees", "mod", "modified", "short", "lever", "long", "low", "mid", "high",
                                "step", "full", "depth", "range", "partial", "pyramid", "drop", "dropset", "set",
                                "ladder", "practice", "front", "forward", "side", "wide", "narrow", "close", "grip",
                                "stance", "version", "option", "variation", "regression", "progression", "only", "arm",
                                "leg", "foot", "feet", "burnout", "finisher", "bilat", "bilateral",
                                // said in passing: `calf raise like 4 sets of 15`, `rows approx 3x10`
                                "like", "approx", "approximately", "roughly", "about", "ish", "whatever"};
  static const WordSet easier = {"knee", "knees", "mod", "modified", "short", "regression"};
  // `Comp squat top single @ RPE 8`: which set of the day, not the movement
  static const WordSet top = {"top", "heavy"};
  static const WordSet top_sets = {"single", "double", "triple", "set"};
  if (words.size() > 2 && top.contains(words[words.size() - 2]) && top_sets.contains(words.back())) {
    words.resize(words.size() - 2);
    if (auto hit = whole_name(catalogue, words)) return hit;
  }
  bool eased = false;
  while (words.size() > 1 && setup.contains(words.back())) {
    eased = eased || easier.contains(words.back());
    words.pop_back();
    for (const char* form : {"modified", "kneeling", "short"}) {
      if (!eased) break;
      auto named = words;
      named.insert(named.begin(), form);
      if (auto hit = found(catalogue, join(named), {})) return hit;
    }
    if (auto hit = whole_name(catalogue, words)) return hit;
  }
  return std::nullopt;
}

}  // namespace

std::optional<NameReading> read_exercise_name(const model::Catalogue& catalogue, const std::string& text) {
  if (auto hit = found(catalogue, text, {})) {
    // equipment typed in the name (`dumbbell split squat`) matters even when the words are an alias
    if (names_equipment(text)) typed_equipment(expanded(text), *hit);
    return hit;
  }
  auto words = expanded(text);
  // `Z2 run`, `zone 2 bike`: how hard, said before the movement
  if (words.size() > 1 && words.front().size() == 2 && words.front()[0] == 'z' && words.front()[1] >= '1' &&
      words.front()[1] <= '5') {
    words.erase(words.begin());
  } else if (words.size() > 2 && words.front() == "zone" && words[1].size() == 1 && words[1][0] >= '1' &&
             words[1][0] <= '5') {
    words.erase(words.begin(), words.begin() + 2);
  }
  // Each way of reading a name looks at its words again; a name this long is no exercise's name, and
  // reading it every way would take time that grows with the square of its length.
  constexpr std::size_t max_words = 24;
  if (words.empty() || words.size() > max_words) return std::nullopt;
  if (auto hit = whole_name(catalogue, words)) return hit;
  if (auto hit = trailing_setup(catalogue, words)) return hit;
  // `A Incline DB press 4x10`, `C Pull ups 3x max`: a superset's letter without its bracket or number
  if (words.size() > 1 && words.front().size() == 1 && words.front()[0] >= 'a' && words.front()[0] <= 'h') {
    if (auto hit = whole_name(catalogue, std::vector<std::string>(words.begin() + 1, words.end()))) return hit;
  }
  // `Step-ups onto a box`, `Hip hinge with dowel`, `clamshell w/ band`: the movement is named before the
  // preposition; what follows says how it is set up.
  // `Sit to stand from kitchen chair`: each preposition in turn, since one may belong to the name.
  static const std::set<std::string> prepositions = {
      "onto",    "on",     "to", "with", "w",     "using",  "off",   "from",   "into",  "over",   "in",     "against",
      "holding", "behind", "at", "for",  "along", "around", "round", "across", "under", "beside", "without"};
  for (std::size_t p = 1; p < words.size(); ++p) {
    if (prepositions.count(words[p]) == 0) continue;
    std::vector<std::string> before(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(p));
    if (auto hit = whole_name(catalogue, before)) return hit;
    if (auto hit = trailing_setup(catalogue, std::move(before))) return hit;
  }
  return std::nullopt;
}

std::vector<std::string> compatible_names(const std::vector<std::string>& names, const std::string& typed) {
  const auto words = expanded(typed);
  std::vector<const Modifier*> typed_modifiers;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::size_t taken = 0;
    if (const auto* m = modifier_at(words, i, taken); m != nullptr && m->sets == Sets::posture) {
      typed_modifiers.push_back(m);
    }
  }
  const bool banded = std::find(words.begin(), words.end(), "band") != words.end() ||
                      std::find(words.begin(), words.end(), "banded") != words.end();
  if (typed_modifiers.empty() && !banded) return names;
  std::vector<std::string> out;
  for (const auto& name : names) {
    const auto candidate = split_words(name);
    bool contradicts = false;
    for (std::size_t i = 0; i < candidate.size(); ++i) {
      std::size_t taken = 0;
      const auto* m = modifier_at(candidate, i, taken);
      if (m == nullptr) continue;
      if (m->sets == Sets::posture && !typed_modifiers.empty() &&
          std::none_of(typed_modifiers.begin(), typed_modifiers.end(),
                       [&](const Modifier* t) { return std::string(t->id) == m->id; })) {
        contradicts = true;
      }
      if (banded && m->sets == Sets::equipment && std::string(m->id) != "band") contradicts = true;
      if (banded && m->sets == Sets::weighted) contradicts = true;
    }
    if (!contradicts) out.push_back(name);
  }
  return out;
}

}  // namespace liftlint::plan
