#include "plan/resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "plan/exercise_names.hpp"
#include "plan/line_reader.hpp"
#include "plan/notes.hpp"
#include "plan/prose.hpp"
#include "rules/name_resolver.hpp"
#include "support/ascii.hpp"
#include "support/dates.hpp"
#include "support/names.hpp"
#include "support/numbers.hpp"
#include "support/units.hpp"
#include "support/word_set.hpp"

namespace liftlint::plan {
namespace {

using model::Category;

constexpr std::array<const char*, 7> weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> weekday_index(const std::string& word) {
  std::string lower = normalize_name(word);
  static const std::unordered_map<std::string, int> spellings = {
      {"mon", 0},       {"monday", 0}, {"tue", 1},      {"tues", 1},  {"tuesday", 1},  {"wed", 2},
      {"wednesday", 2}, {"thu", 3},    {"thur", 3},     {"thurs", 3}, {"thursday", 3}, {"fri", 4},
      {"friday", 4},    {"sat", 5},    {"saturday", 5}, {"sun", 6},   {"sunday", 6}};
  const auto it = spellings.find(lower);
  if (it == spellings.end()) return std::nullopt;
  return it->second;
}

class Resolver {
 public:
  Resolver(const ast::File& file, const model::RuleSet& rules, Diagnostics& diagnostics)
      : file_(file), rules_(rules), diagnostics_(diagnostics), names_(rules, diagnostics) {}

  std::optional<Plan> run() {
    plan_.name = file_.name ? file_.name->text : std::string{};
    plan_.span = file_.name ? file_.name->span : Span{file_.source, 1, 1, 1};
    own_exercises();
    client();
    calendar();
    for (const auto& w : file_.waivers) waiver(w);
    for (const auto& line : file_.preamble) preamble(line);
    // A plan with errors is still checked: what could not be read is unknown to the rules.
    return std::move(plan_);
  }

 private:
  const ast::File& file_;
  const model::RuleSet& rules_;
  Diagnostics& diagnostics_;
  rules::NameResolver names_;
  Plan plan_;
  std::map<std::string, std::uint32_t> own_names_;
  int reference_year_ = 0;  // the clearance's year, against which a condition's year is old or recent
  std::vector<std::string> exercise_names_;
  // A plan names the same exercises week after week; each spelling is read once.
  bool notes_allowed_ = false;  // the session being read holds an exercise, so a line of it may be a note
  mutable std::unordered_map<std::string, std::optional<NameReading>> name_readings_;

  const std::optional<NameReading>& reading_of(const std::string& name) const {
    auto it = name_readings_.find(name);
    if (it == name_readings_.end()) it = name_readings_.emplace(name, read_exercise_name(rules_.catalogue, name)).first;
    return it->second;
  }

  void error(const Span& span, std::string message, std::vector<std::string> help = {}) {
    diagnostics_.error(span, std::move(message), std::move(help));
  }

  void own_exercises() {
    for (const auto& decl : file_.exercises) {
      auto exercise = rules::convert_exercise_decl(decl, names_, diagnostics_);
      if (!exercise) continue;
      std::vector<std::string> keys{normalize_name(exercise->name)};
      for (const auto& alias : exercise->aliases) keys.push_back(normalize_name(alias));
      if (!register_names(keys, decl.name)) continue;
      plan_.own_exercises.push_back(std::move(*exercise));
    }
  }

  bool register_names(const std::vector<std::string>& keys, const ast::Value& name) {
    for (const auto& key : keys) {
      if (own_names_.count(key) > 0) {
        error(name.span, fmt::format("exercise '{}' is declared twice in this plan", key));
        return false;
      }
      if (rules_.catalogue.find(key)) {
        error(name.span,
              fmt::format("exercise '{}' is already in the catalogue; use it, or give yours another name", key));
        return false;
      }
    }
    const auto id = static_cast<std::uint32_t>(rules_.catalogue.size() + plan_.own_exercises.size());
    for (const auto& key : keys) own_names_.emplace(key, id);
    return true;
  }

  void client() {
    if (file_.client_spans.size() > 1) error(file_.client_spans[1], "the plan has more than one client block");
    if (!file_.client) return;
    const auto& c = *file_.client;
    plan_.client.span = c.span;
    for (const auto* list : {&c.conditions, &c.symptoms}) field_conditions(*list, list == &c.symptoms);
    if (c.cleared_on && c.cleared_on->text.size() >= 4 && valid_date(c.cleared_on->text)) {
      reference_year_ = std::stoi(c.cleared_on->text.substr(0, 4));
    }
    const bool told_later = symptoms_after_clearance(c);
    client_numbers(c);
    plan_.client.cleared = c.cleared.value_or(false) && !told_later;
    plan_.client.without_restrictions = c.without_restrictions;
    plan_.client.cleared_by = c.cleared_by;
    if (c.cleared_on) {
      if (valid_date(c.cleared_on->text)) {
        plan_.client.cleared_on = c.cleared_on->text;
      } else {
        error(c.cleared_on->span, fmt::format("'{}' is not a date in the calendar", c.cleared_on->text));
      }
    }
    if (c.experience) experience(*c.experience);
    for (const auto& o : c.onsets) onset(o);
  }

  // Searches the prose about the client for conditions. In a chat, a symptom told in a message after the one that
  // gave the clearance (`my foot feels tingly and numb`, a fortnight after `physio discharged me`) began after
  // it: whether one was.
  bool symptoms_after_clearance(const ast::Client& c) {
    const auto& vocabulary = rules_.vocab(Category::condition);
    bool later = false;
    for (std::size_t i = 0; i < c.mentions.size(); ++i) {
      const auto before = plan_.client.conditions;
      conditions_in(c.mentions[i]);
      const bool reported = std::find(c.reports.begin(), c.reports.end(), i) != c.reports.end();
      if (!c.cleared_in_chat || i <= *c.cleared_in_chat || !reported) continue;
      const auto added = plan_.client.conditions & ~before;
      for (std::size_t v = 0; v < vocabulary.size() && !later; ++v) later = added.test(v) && vocabulary.at(v).symptom;
    }
    return later;
  }

  // The client's age and week of pregnancy: from their fields, or else from prose about the client
  // (`Client: Priya, 67`, `72-year-old`, `aged 58`, `24 weeks pregnant`, `G1, 28/40`).
  void client_numbers(const ast::Client& c) {
    plan_.client.age = checked(c.age, 10, 120, "an age");
    plan_.client.gestational_week = checked(c.gestational_week, 1, 42, "a week of pregnancy");
    for (const auto& mention : c.mentions) {
      if (std::none_of(mention.text.begin(), mention.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        continue;
      }
      const auto text = prose_for_search(mention.text);
      if (!plan_.client.age) {
        if (const auto years = prose::age_in(text); years && *years >= 10 && *years <= 120) plan_.client.age = years;
      }
      if (!plan_.client.gestational_week) {
        if (const auto week = prose::pregnancy_week_in(text); week && *week >= 1 && *week <= 42) {
          plan_.client.gestational_week = week;
          // `29 wks (due 18 May)`: a week of pregnancy is a pregnancy, whether or not the word is written
          if (const auto pregnancy = rules_.vocab(Category::condition).lookup("pregnancy")) {
            plan_.client.conditions |= rules_.vocab(Category::condition).at(*pregnancy).closure;
          }
        }
      }
    }
  }

  std::optional<double> checked(const std::optional<ast::Value>& v, double low, double high, const char* what) {
    if (!v) return std::nullopt;
    if (v->number < low || v->number > high) {
      error(v->span, fmt::format("expected {} from {} to {}, found {}", what, low, high, v->text));
      return std::nullopt;
    }
    return v->number;
  }

  // A clearance covers what was known when it was given: a symptom that began after it, or is new since it,
  // leaves the client not cleared, so the red-flag rules speak again.
  void onset(const ast::Onset& o) {
    if (o.date && !valid_date(o.date->text)) {
      error(o.date->span, fmt::format("'{}' is not a date in the calendar", o.date->text));
      return;
    }
    const bool later =
        o.fresh || (o.date && (plan_.client.cleared_on.empty() || o.date->text > plan_.client.cleared_on));
    if (later) plan_.client.cleared = false;
  }

  // `conditions sciatica, facet pain`: each name from the vocabulary; a short unknown one is a typo to report.
  // `Diagnosis: Acute non-specific low back pain (onset 3 weeks ago). No red flags.`: a longer one is prose,
  // searched for the conditions it names, and reported only when the field names none at all.
  void field_conditions(const std::vector<ast::Name>& list, bool symptoms) {
    const char* what = symptoms ? "symptom" : "condition";
    bool found = false;
    std::optional<ast::Name> unknown;
    for (const auto& name : list) {
      for (const auto& part : condition_parts(name)) {
        // `Conditions: sciatica`; `Conditions: stiff lower back`, described; `Conditions: sciatcia`, a typo
        if (const auto index = rules_.vocab(Category::condition).lookup(part.text)) {
          plan_.client.conditions |= rules_.vocab(Category::condition).at(*index).closure;
          found = true;
        } else if (split(part.text).size() < 3) {
          // a short value is a name, or a typo of one, unless a body part and a complaint describe it (`QL niggle`)
          if (conditions_in(part, false)) {
            found = true;
          } else {
            vocab(Category::condition, part, what);  // says what is known
          }
        } else if (conditions_in(part)) {
          found = true;
        } else if (!unknown) {
          unknown = part;
        }
      }
    }
    if (!found && unknown) vocab(Category::condition, *unknown, what);  // says what is known
  }

  // `pins and needles` is one symptom; `lbp/sciatica` and `sciatica and facet pain` are two conditions.
  std::vector<ast::Name> condition_parts(const ast::Name& name) const {
    const auto& vocabulary = rules_.vocab(Category::condition);
    if (vocabulary.lookup(name.text)) return {name};
    std::vector<ast::Name> parts{ast::Name{{}, name.span}};
    std::string word;
    const auto end_word = [&] {
      if (word == "and" || word.empty()) {
        if (word == "and") parts.push_back(ast::Name{{}, name.span});
      } else {
        if (!parts.back().text.empty()) parts.back().text.push_back(' ');
        parts.back().text.append(word);
      }
      word.clear();
    };
    for (const char c : name.text) {
      if (c == ' ') {
        end_word();
      } else if (c == '/' || c == ',') {
        end_word();
        parts.push_back(ast::Name{{}, name.span});
      } else {
        word.push_back(c);
      }
    }
    end_word();
    if (parts.size() < 2 || !std::all_of(parts.begin(), parts.end(),
                                         [&](const ast::Name& p) { return vocabulary.lookup(p.text).has_value(); })) {
      return {name};
    }
    return parts;
  }

  // Conditions and symptoms named in prose about the client (`chronic LBP since 2023, no leg symptoms`):
  // the longest vocabulary phrase at each place, unless a negation stands just before it in the same clause:
  // `no leg pain, pain down the left leg since Tuesday` has leg pain. Then the complaints described near a body
  // part (`stiff lower back`); with `names` false, only those.
  bool conditions_in(const ast::Name& mention, bool names = true) {
    std::vector<std::string> words, written;
    std::vector<std::size_t> clause_start;  // for each word, where its clause starts
    std::size_t begin = 0;
    while (begin <= mention.text.size()) {
      auto end = mention.text.find_first_of(",;.", begin);
      if (end == std::string::npos) end = mention.text.size();
      std::string text;
      for (const char c : std::string_view(mention.text).substr(begin, end - begin)) {
        text.push_back(
            ascii::is_alnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-' || c == '_' || c < 0 ? c : ' ');
      }
      const auto clause_words = split(normalize_name(text));
      auto clause_written = written_words(text);
      if (clause_written.size() != clause_words.size()) clause_written = clause_words;
      const auto start = words.size();
      for (std::size_t w = 0; w < clause_words.size(); ++w) {
        words.push_back(clause_words[w]);
        written.push_back(clause_written[w]);
        clause_start.push_back(start);
      }
      begin = end + 1;
    }
    bool found = false;
    const auto& vocabulary = rules_.vocab(Category::condition);
    const auto since = symptom_free(words);
    for (std::size_t i = 0; names && i < words.size();) {
      std::size_t taken = 0;
      for (std::size_t n = std::min<std::size_t>(5, words.size() - i); n > 0 && taken == 0; --n) {
        std::string phrase;
        for (std::size_t k = i; k < i + n; ++k) phrase += (k == i ? "" : " ") + words[k];
        if (auto index = vocabulary.lookup(phrase)) {
          taken = n;
          const auto& entry = vocabulary.at(*index);
          const auto from = clause_start[i];
          const bool past = (entry.symptom && symptom_past(written, words, clause_start, i, i + n)) ||
                            (entry.id.rfind("recent_", 0) == 0 && long_ago(words, i + n)) ||
                            (entry.id == "spinal_fracture" && old_fracture(written, words, i, i + n)) ||
                            (!entry.symptom && over_for_certain(words, i + n)) ||
                            (since.at > i && ended_by(since.kind, entry.id)) || at_the_time(words, i + n);
          // `back pain free for 2 years`, `sore back of the knee`; but `flare-up of his back` is the client's
          const bool free = i + n < words.size() &&
                            (words[i + n] == "free" || (words[i + n] == "of" && !of_the_back(words, i + n + 1)));
          if (!negated(words, from, i) && !past && !free) plan_.client.conditions |= vocabulary.at(*index).closure;
          found = true;
        }
      }
      i += std::max<std::size_t>(taken, 1);
    }
    for (const auto& near : vocabulary.nearness()) found = nearby(near, words, written, clause_start) || found;
    return found;
  }

  // `of his back`, `of the lower back`: the words from `at` name the client's back.
  static bool of_the_back(const std::vector<std::string>& words, std::size_t at) {
    static const std::set<std::string> backs = {"back", "spine", "lumbar", "sciatica", "disc", "disk", "lbp", "sij"};
    for (auto k = at; k < std::min(words.size(), at + 3); ++k) {
      if (backs.count(words[k]) > 0) return true;
    }
    return false;
  }

  // A nearness alias in prose (`stiff lower back`, `lower back has been a bit stiff`): a phrase of each list
  // in one clause with at most four words between them (two when the second list's phrase comes first),
  // neither negated nor in the past.
  bool nearby(const model::Nearness& near, const std::vector<std::string>& words,
              const std::vector<std::string>& written, const std::vector<std::size_t>& clause_start) {
    const auto firsts = places(near.first, words, true);
    if (firsts.empty()) return false;
    const auto seconds = places(near.second, words, false);
    for (const auto& [a, a_end] : firsts) {
      for (const auto& [b, b_end] : seconds) {
        const auto begin = std::min(a, b);
        const auto end = std::max(a_end, b_end);
        const bool overlap = a < b_end && b < a_end;
        // `lower back has been a bit grumbly`, `stiff in the lower back`
        const std::size_t between = a < b ? 4 : 2;
        if (overlap || clause_start[a] != clause_start[b] || (end - begin) - (a_end - a) - (b_end - b) > between) {
          continue;
        }
        const auto& entry = rules_.vocab(Category::condition).at(near.entry);
        // a complaint described, unlike a diagnosis named, is the client's only while it lasts: `lower back
        // tightness after long runs last autumn` is not back pain now
        const bool past = entry.id.rfind("recent_", 0) == 0 ? long_ago(words, end)
                                                            : symptom_past(written, words, clause_start, begin, end);
        if (negated(words, clause_start[a], begin) || past) continue;
        plan_.client.conditions |= entry.closure;
        return true;
      }
    }
    return false;
  }

  // Where the phrases stand in the words, as [begin, end). A body part is not one where it begins an
  // exercise's or a session's name (`back squat`, `back and biceps`) or a phrase such as `back to`, `upper
  // back`; a complaint is not one before `free` (`pain free`).
  std::vector<std::pair<std::size_t, std::size_t>> places(const std::vector<std::string>& phrases,
                                                          const std::vector<std::string>& words, bool body) const {
    static const std::set<std::string> body_not_after = {
        "upper", "mid", "middle", "thoracic", "get", "getting", "come", "coming", "came", "go", "going", "went", "way"};
    static const std::set<std::string> body_not_before = {"to", "into", "off", "day", "in", "on", "at", "home", "of"};
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (const auto& phrase : phrases) {
        const auto n = phrase_at(phrase, words, i);
        if (n == 0) continue;
        const auto next = i + n < words.size() ? words[i + n] : std::string{};
        const bool bare = phrase.find(' ') == std::string::npos;  // `back in the gym`, not `lower back in the am`
        if (body && ((bare && i > 0 && body_not_after.count(words[i - 1]) > 0) ||
                     (bare && body_not_before.count(next) > 0) || names_exercise(words, i, n))) {
          continue;
        }
        if (!body && next == "free") continue;
        out.emplace_back(i, i + n);
        break;
      }
    }
    return out;
  }

  // How many words the phrase takes at i, or 0 when it does not stand there.
  static std::size_t phrase_at(const std::string& phrase, const std::vector<std::string>& words, std::size_t i) {
    std::size_t at = 0, n = 0;
    for (auto k = i; k < words.size(); ++k) {
      const auto& w = words[k];
      if (phrase.compare(at, w.size(), w) != 0) return 0;
      at += w.size();
      ++n;
      if (at == phrase.size()) return n;
      if (phrase[at] != ' ') return 0;
      ++at;
    }
    return 0;
  }

  // `back squat`, `back extension`, `back and biceps`: the words at i begin an exercise or a session's kind.
  bool names_exercise(const std::vector<std::string>& words, std::size_t i, std::size_t n) const {
    std::string key;
    for (std::size_t k = i; k < std::min(words.size(), i + n + 2); ++k) {
      key += (k == i ? "" : " ") + words[k];
      if (k >= i + n && (rules_.catalogue.find(key) || rules_.vocab(Category::session_kind).lookup(key))) return true;
    }
    return false;
  }

  static std::vector<std::string> written_words(std::string text) {
    for (auto& c : text)
      c = c == '-' || c == '_' ? ' ' : static_cast<char>(ascii::lower(static_cast<unsigned char>(c)));
    return split(text);
  }

  // `previous numbness`, `occasional flare-ups`: a symptom the client had, not one they have.
  static bool in_the_past(const std::vector<std::string>& written, const std::vector<std::string>& words,
                          std::size_t clause, std::size_t at) {
    static const std::set<std::string> qualifiers = {
        "previous",     "past",         "prior",     "old",       "history", "hx",       "occasional",
        "occasionally", "intermittent", "recurrent", "recurring", "prone",   "episodic", "former",
        "had",          "previously",   "prev",      "used",      "odd",     "periodic", "sometimes"};
    const auto& as_written = written.size() == words.size() ? written : words;
    for (std::size_t k = std::max(clause, at >= 3 ? at - 3 : 0); k < at; ++k) {
      if (qualifiers.count(as_written[k]) > 0) return true;
    }
    return false;
  }

  // A symptom at [begin, end) of the words that the client had, or has only at times or when something sets it
  // off, rather than one they have now.
  static bool symptom_past(const std::vector<std::string>& written, const std::vector<std::string>& words,
                           const std::vector<std::size_t>& clause_start, std::size_t begin, std::size_t end) {
    if (provoked(written, words, begin, end - begin) || over(words, end) || now_and_then(words, end) ||
        general(written, words, end)) {
      return true;
    }
    const bool as_written = written.size() == words.size();
    if (as_written && dated_recently(written, clause_start, begin)) return false;
    return in_the_past(written, words, clause_start[begin], begin) ||
           (as_written && dated_past(written, clause_start, begin));
  }

  // `Flare-ups happen and are not a sign of damage`, `flares are normal`: what is true of everyone, as a handout
  // teaches it, not the client's symptom.
  static bool general(const std::vector<std::string>& written, const std::vector<std::string>& words, std::size_t end) {
    static const std::set<std::string> said = {"are", "can", "will", "may", "do", "often", "usually"};
    if (end == 0 || end >= words.size()) return false;
    if (words[end] == "happen" || (end + 1 < words.size() && words[end + 1] == "happen")) return true;
    if (written.size() != words.size()) return false;
    const auto& last = written[end - 1];
    const bool plural = last.size() > 2 && last.back() == 's' && last != "pins" && last != "needles";
    return plural && said.count(written[end]) > 0;
  }

  // `flared up last weekend`, `had a flare-up 2 days ago`, `tweaked it last Friday`: days, not months, ago. A
  // physiotherapist treats such a symptom as the client's now, in the past tense or not.
  static bool dated_recently(const std::vector<std::string>& written, const std::vector<std::size_t>& clause_start,
                             std::size_t at) {
    static const std::set<std::string> recent = {"yesterday", "today", "tonight", "currently", "atm", "presently"};
    static const std::set<std::string> just_past = {"night", "week", "weekend", "wk", "session", "workout"};
    static const std::set<std::string> weekdays = {"mon",       "monday", "tue",      "tues",  "tuesday",  "wed",
                                                   "wednesday", "thu",    "thur",     "thurs", "thursday", "fri",
                                                   "friday",    "sat",    "saturday", "sun",   "sunday"};
    for (auto k = clause_start[at]; k < written.size() && clause_start[k] == clause_start[at]; ++k) {
      const auto& w = written[k];
      const auto next = k + 1 < written.size() ? written[k + 1] : std::string{};
      const auto before = k > 0 ? written[k - 1] : std::string{};
      const bool weekday = weekdays.count(next) > 0 && (w == "last" || w == "on" || w == "since");
      // `flaring last 2 wks`, `for the last few days`: a span that reaches today
      const bool lasting = w == "last" && !next.empty() &&
                           (ascii::is_digit(next.front()) || next == "few" || next == "couple" || next == "two");
      if (recent.count(w) > 0 || weekday || lasting || (w == "last" && just_past.count(next) > 0) ||
          (w == "this" && next == "week")) {
        return true;
      }
      // `2 days ago`, `a few days ago`, `a week ago`
      if (w == "ago" && (before == "days" || before == "day" ||
                         (before == "week" && k > 1 && (written[k - 2] == "a" || written[k - 2] == "1")))) {
        return true;
      }
    }
    return false;
  }

  // `tweaked his back in Feb (acute flare)`, `a flare-up last month`, `flare 3 weeks ago`: a clause dated in the
  // past. A weekday or `since` does not date it so: `flare-up since Tuesday`, `since last Fri` are the client's.
  static bool dated_past(const std::vector<std::string>& written, const std::vector<std::size_t>& clause_start,
                         std::size_t at) {
    static const std::set<std::string> seasons = {
        "jan",      "january", "feb",      "february", "mar",       "march",  "apr",       "april",  "jun",     "june",
        "jul",      "july",    "aug",      "august",   "sep",       "sept",   "september", "oct",    "october", "nov",
        "november", "dec",     "december", "xmas",     "christmas", "summer", "autumn",    "winter", "spring"};
    for (auto k = clause_start[at]; k < written.size() && clause_start[k] == clause_start[at]; ++k) {
      const auto& w = written[k];
      const bool since = k > 0 && written[k - 1] == "since";  // `since last Fri`: still there
      if (w == "ago" || (w == "last" && !since) ||
          (seasons.count(w) > 0 && k > 0 && (written[k - 1] == "in" || written[k - 1] == "over"))) {
        return true;
      }
    }
    return false;
  }

  // `a flare-up over Christmas which settled`, `sciatica (resolved 2022)`: what follows says it is over.
  // `gets flare-ups sometimes`, `flare-ups now and then`: a symptom that comes and goes, not one there now.
  static bool now_and_then(const std::vector<std::string>& words, std::size_t after) {
    static const std::set<std::string> often = {"sometime", "sometimes", "occasionally", "periodically",
                                                "intermittently"};
    const auto end = std::min(words.size(), after + 4);
    for (std::size_t k = after; k < end; ++k) {
      if (often.count(words[k]) > 0) return true;
      const auto next = [&](std::size_t d) { return k + d < words.size() ? words[k + d] : std::string{}; };
      // `every few months`, `every couple of weeks`, `every winter`
      if (words[k] == "every" && next(1) != "day" && next(1) != "morning" && next(1) != "night" && !next(1).empty()) {
        return true;
      }
      if ((words[k] == "now" && next(1) == "and" && next(2) == "then") ||
          (words[k] == "time" && next(1) == "to" && next(2) == "time") ||
          (words[k] == "every" && next(1) == "so" && next(2) == "often") ||
          (words[k] == "once" && next(1) == "in" && next(2) == "a")) {
        return true;
      }
    }
    return false;
  }

  static bool over(const std::vector<std::string>& words, std::size_t after) {
    static const std::set<std::string> ended = {"settled", "resolved", "subsided", "recovered",
                                                "gone",    "healed",   "calmed",   "eased"};
    for (std::size_t k = after; k < std::min(words.size(), after + 6); ++k) {
      if (ended.count(words[k]) > 0) return true;
    }
    // `Lower back was a bit tight the day after the good mornings last week, nothing sharp. Gone by Thursday.`:
    // soreness after training that was gone within days, said anywhere after it
    static const std::set<std::string> within = {"by", "in", "within", "after", "the"};
    for (auto k = after; k + 1 < words.size(); ++k) {
      if (words[k] == "gone" && within.count(words[k + 1]) > 0) return true;
    }
    return false;
  }

  // `zero leg symptoms since March`, `no pain for 6 months`, `symptom-free since 2023`, `asymptomatic since
  // the op`: the symptoms have been gone a while. Where it is said, and whether of the nerve or of all.
  enum class Gone { none, nerve, all };
  struct SymptomFree {
    std::size_t at = 0;
    Gone kind = Gone::none;
  };
  static SymptomFree symptom_free(const std::vector<std::string>& words) {
    static const std::set<std::string> negators = {"no", "zero", "nil", "without"};
    static const std::set<std::string> nerve = {"leg", "nerve", "radicular", "sciatic", "neural"};
    static const std::set<std::string> nouns = {"symptom", "pain", "sx", "issue", "problem", "flare", "flareup"};
    static const std::set<std::string> durations = {"since", "for", "in", "now", "currently", "anymore", "lately"};
    static const std::set<std::string> spans = {"years", "yrs", "yr", "year", "months", "mths", "month", "mos"};
    // `no symptoms since 2020`, `for 3 years`, `5+ yrs`
    const auto lasting = [&](std::size_t k) {
      const bool counted = k + 1 < words.size() && !words[k].empty() && ascii::is_digit(words[k].front()) &&
                           spans.count(words[k + 1]) > 0;
      return counted || (k < words.size() && durations.count(words[k]) > 0);
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
      if ((words[k] == "asymptomatic" || (words[k] == "free" && k > 0 && nouns.count(words[k - 1]) > 0)) &&
          lasting(k + 1)) {
        return {k, Gone::all};
      }
      if (negators.count(words[k]) == 0) continue;
      auto j = k + 1;
      if (j < words.size() && words[j] == "any") ++j;
      const bool of_nerve = j < words.size() && nerve.count(words[j]) > 0;
      if (of_nerve || (j < words.size() && words[j] == "back")) ++j;
      if (j < words.size() && nouns.count(words[j]) > 0 && lasting(j + 1)) {
        return {k, of_nerve ? Gone::nerve : Gone::all};
      }
    }
    return {};
  }

  // `L leg sciatica at the time`: a condition of an episode now past.
  static bool at_the_time(const std::vector<std::string>& words, std::size_t after) {
    return after + 2 < words.size() && words[after] == "at" && words[after + 1] == "the" && words[after + 2] == "time";
  }

  // Whether symptoms gone a while end the condition: nerve symptoms end sciatica; all symptoms end the
  // complaints of pain as well, not a structural condition (a fusion, a slipped vertebra, osteoporosis).
  static bool ended_by(Gone kind, const std::string& id) {
    static const std::set<std::string> pain = {
        "back_pain", "low_back_pain",     "chronic_low_back_pain", "acute_low_back_pain",
        "sciatica",  "lumbar_herniation", "facet_joint_pain",      "sacroiliac_joint_pain"};
    if (kind == Gone::nerve) return id == "sciatica";
    return kind == Gone::all && pain.count(id) > 0;
  }

  // `L5 pars fracture in 2022, fully healed on CT`, `disc bulge (resolved)`: a diagnosis said to be over, not
  // only eased: `not fully healed`, `hasn't resolved`, `partly settled` keep it, and so does a word for what else
  // ended (`herniated disc (2023), radicular symptoms resolved`).
  static bool over_for_certain(const std::vector<std::string>& words, std::size_t after) {
    static const std::set<std::string> ended = {"resolved", "healed", "recovered", "united"};
    static const std::set<std::string> other = {"symptoms", "symptom",  "pain", "radicular", "sciatica", "sciatic",
                                                "numbness", "tingling", "leg",  "legs",      "nerve",    "spasm",
                                                "flare",    "flareup",  "ache", "aches",     "stiffness"};
    static const std::set<std::string> doubt = {"not",    "never", "partially", "partly", "mostly", "almost",
                                                "nearly", "yet",   "hasnt",     "isnt",   "havent", "hasn",
                                                "isn",    "haven", "t",         "still"};
    for (std::size_t k = after; k < std::min(words.size(), after + 6); ++k) {
      if (other.count(words[k]) > 0) return false;
      if (ended.count(words[k]) == 0) continue;
      for (std::size_t d = k > after + 2 ? k - 3 : after; d < k; ++d) {
        if (doubt.count(words[d]) > 0) return false;
      }
      return true;
    }
    return false;
  }

  // `discectomy in 2019, full recovery`: a condition that is only recent (`recent_spinal_surgery`) is history
  // when a year before the clearance's, `N years ago` or a recovery follows it.
  // `Old compression fracture T11 (2022)`, `previous wedge fracture, healed`: a fracture of the past. Unlike pain, a
  // fracture had weeks ago is still one now, so only these words end it.
  bool old_fracture(const std::vector<std::string>& written, const std::vector<std::string>& words, std::size_t begin,
                    std::size_t end) const {
    static const std::set<std::string> old = {"old", "previous", "prior", "former", "healed", "historic", "historical"};
    const auto& as_written = written.size() == words.size() ? written : words;
    for (auto k = begin >= 2 ? begin - 2 : 0; k < begin; ++k) {
      if (old.count(as_written[k]) > 0) return true;
    }
    (void)end;
    return false;
  }

  bool long_ago(const std::vector<std::string>& words, std::size_t after) const {
    for (std::size_t k = after; k < std::min(words.size(), after + 6); ++k) {
      const auto& w = words[k];
      if (w == "recovery" || w == "recovered" || w == "resolved" || w == "healed") return true;
      if ((w == "years" || w == "yrs") && k + 1 < words.size() && words[k + 1] == "ago") return true;
      const bool year = w.size() == 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (year && reference_year_ > 0 && std::stoi(w) < reference_year_ - 1) return true;
    }
    return false;
  }

  // `flares with long sitting`, `flares up when driving`: the symptom as a verb, followed by what sets it
  // off, describes a pattern rather than the present.
  static bool provoked(const std::vector<std::string>& written, const std::vector<std::string>& words, std::size_t at,
                       std::size_t length) {
    static const std::set<std::string> triggers = {"with", "when", "whenever", "if", "on", "after"};
    if (written.size() != words.size()) return false;
    const bool third_person = written[at].size() > words[at].size() && written[at].back() == 's';
    auto next = at + length;
    if (next < words.size() && words[next] == "up") ++next;
    return third_person && next < words.size() && triggers.count(words[next]) > 0;
  }

  static bool negated(const std::vector<std::string>& words, std::size_t clause, std::size_t at) {
    static const std::set<std::string> negations = {"no",  "not",   "without",  "denie", "deny",
                                                    "nil", "never", "negative", "free"};
    for (std::size_t k = std::max(clause, at >= 3 ? at - 3 : 0); k < at; ++k) {
      if (negations.count(words[k]) > 0) return true;
    }
    return false;
  }

  // A name from the pack's vocabulary, by id or alias, spelled as people write it.
  std::optional<std::uint16_t> vocab(Category category, const ast::Name& name, const char* what) {
    const auto& vocabulary = rules_.vocab(category);
    if (auto index = vocabulary.lookup(name.text)) return index;
    std::vector<std::string> ids;
    std::vector<std::string> aliases;
    for (std::uint16_t i = 0; i < vocabulary.size(); ++i) {
      const auto& e = vocabulary.at(i);
      if (category == Category::condition && e.symptom != (std::string(what) == "symptom")) continue;
      ids.push_back(e.id);
      for (const auto& alias : e.aliases) {
        if (!model::is_description(alias)) aliases.push_back(alias);
      }
    }
    std::vector<std::string> help;
    auto hint = did_you_mean(name.text, ids);
    if (hint.empty()) hint = did_you_mean(normalize_name(name.text), aliases);
    if (!hint.empty()) help.push_back(hint);
    const std::string plural = std::string(what) == "session kind" ? "kinds" : std::string(what) + "s";
    help.push_back(fmt::format("'liftlint vocab {}' lists the {} a plan may name", plural, plural));
    error(name.span, fmt::format("unknown {} '{}'", what, shorten(name.text)), std::move(help));
    return std::nullopt;
  }

  void experience(const ast::Name& name) {
    static const std::vector<std::string> levels = {"beginner", "intermediate", "advanced"};
    const auto it = std::find(levels.begin(), levels.end(), name.text);
    if (it == levels.end()) {
      names_.unknown(name.span, "experience level", name.text, levels);
      return;
    }
    plan_.client.experience = static_cast<int>(it - levels.begin());
    plan_.client.has_experience = true;
  }

  // --- waivers ------------------------------------------------------------------

  static WaiverScope scope_of(ast::Waiver::Scope scope) {
    using S = ast::Waiver::Scope;
    switch (scope) {
      case S::plan: return WaiverScope::plan;
      case S::week: return WaiverScope::week;
      case S::day: return WaiverScope::day;
      case S::session: return WaiverScope::session;
      case S::line: return WaiverScope::line;
    }
    return WaiverScope::plan;
  }

  void waiver(const ast::Waiver& in) {
    Waiver out;
    out.rule = find_rule(in.rule);
    out.scope = scope_of(in.scope);
    out.reason = in.reason;
    out.approver = in.approver;
    out.span = in.span;
    bool ok = out.rule != nullptr;
    if (in.reason.find_first_not_of(" \t") == std::string::npos) {
      error(in.reason_span.valid() ? in.reason_span : in.span,
            "the waiver's reason is empty; say why the rule does not apply here");
      ok = false;
    }
    if (in.until) {
      ok = valid_date(in.until->text)
               ? ok
               : (error(in.until->span, fmt::format("'{}' is not a date in the calendar", in.until->text)), false);
      out.until = in.until->text;
    }
    out.ranges.emplace_back(in.begin, in.end);
    if (in.day) ok = narrow_to_day(in, out) && ok;
    if (ok) plan_.waivers.push_back(std::move(out));
  }

  const model::Rule* find_rule(const ast::Name& id) {
    for (const auto& rule : rules_.rules) {
      if (rule.id == id.text) return &rule;
    }
    std::vector<std::string> ids;
    for (const auto& rule : rules_.rules) ids.push_back(rule.id);
    std::vector<std::string> help;
    if (auto hint = did_you_mean(id.text, ids); !hint.empty()) help.push_back(hint);
    help.emplace_back("'liftlint rules list' shows the rules that are loaded");
    error(id.span, fmt::format("the waiver names rule '{}', which is not loaded", shorten(id.text)), std::move(help));
    return nullptr;
  }

  // `on wed` keeps the parts of the waiver's scope that are Wednesday sessions.
  bool narrow_to_day(const ast::Waiver& in, Waiver& out) {
    using S = ast::Waiver::Scope;
    if (in.scope != S::plan && in.scope != S::week) {
      error(in.day->span,
            fmt::format("'on' picks a weekday within a plan or week waiver; this waiver already covers one {}",
                        in.scope == S::line ? "exercise line" : "session"));
      return false;
    }
    ast::Day probe;
    probe.day = *in.day;
    probe.number = in.day_number;
    const auto wanted = probe.number ? std::optional<int>(saturated_int(probe.number->low - 1)) : day_index(probe);
    if (!wanted) return false;
    out.scope = WaiverScope::day;
    out.ranges.clear();
    const auto add = [&](const ast::Day& d) {
      const auto at = d.span.offset;
      // `on wed` picks Wednesdays, `on day 3` picks the sessions written as Day 3
      if (at < in.begin || at >= in.end || d.ordered != in.day_number.has_value() || quiet_day_index(d) != wanted) {
        return;
      }
      out.ranges.emplace_back(at, at + d.span.length);
    };
    for (const auto& w : file_.weeks) std::for_each(w.days.begin(), w.days.end(), add);
    std::for_each(file_.loose_days.begin(), file_.loose_days.end(), add);
    return true;
  }

  static std::optional<int> quiet_day_index(const ast::Day& day) {
    if (day.number) return saturated_int(day.number->low - 1);
    return weekday_index(day.day.text);
  }

  // --- calendar -----------------------------------------------------------------

  void calendar() {
    if (!file_.loose_days.empty() && !file_.weeks.empty()) {
      error(file_.loose_days.front().day.span, "this day is outside any week block",
            {"put every day inside a 'week N { ... }' block, or use no week blocks at all"});
      return;
    }
    if (!file_.loose_days.empty()) {
      WeekBlock block{1, 1, file_.loose_days.front().day.span, sessions(file_.loose_days)};
      plan_.blocks.push_back(std::move(block));
    }
    for (const auto& week : file_.weeks) week_block(week);
    lay_out_weeks();
  }

  void week_block(const ast::Week& week) {
    const double first = week.first->low;
    const double last = week.last->low;
    const bool whole = first == std::floor(first) && last == std::floor(last);
    if (first < 1 || last < first || last > max_weeks || !whole) {
      error(week.span, last < first ? fmt::format("week range {}..{} runs backwards", first, last)
                                    : fmt::format("week numbers are whole numbers from 1 to {}", max_weeks));
      return;
    }
    WeekBlock block{static_cast<int>(first), static_cast<int>(last), week.span, sessions(week.days)};
    block.deload = week.deload;
    plan_.blocks.push_back(std::move(block));
  }

  void lay_out_weeks() {
    for (const auto& block : plan_.blocks) plan_.weeks = std::max(plan_.weeks, block.last);
    plan_.block_of_week.assign(static_cast<std::size_t>(plan_.weeks) + 1, -1);
    for (std::size_t i = 0; i < plan_.blocks.size(); ++i) {
      const auto& block = plan_.blocks[i];
      for (int w = block.first; w <= block.last; ++w) {
        auto& slot = plan_.block_of_week[static_cast<std::size_t>(w)];
        if (slot >= 0) {
          diagnostics_.add(Diagnostic{
              Severity::error,
              {},
              fmt::format("week {} is planned twice", w),
              block.span,
              {Note{fmt::format("first planned at {}", plan_.blocks[static_cast<std::size_t>(slot)].span.location()),
                    plan_.blocks[static_cast<std::size_t>(slot)].span}},
              {}});
          break;
        }
        slot = static_cast<int>(i);
      }
    }
    if (!plan_.blocks.empty()) {
      plan_.first_week = std::min_element(plan_.blocks.begin(), plan_.blocks.end(), [](const auto& a, const auto& b) {
                           return a.first < b.first;
                         })->first;
    }
    plan_.cyclic = plan_.weeks == plan_.first_week;
  }

  // `Mon/Thu – gym`: a session written once for several weekdays is one session on each of them.
  static std::vector<ast::Day> each_weekday(const std::vector<ast::Day>& days) {
    std::vector<ast::Day> out;
    for (const auto& day : days) {
      out.push_back(day);
      out.back().also.clear();
      for (const auto& other : day.also) {
        out.push_back(out.back());
        out.back().day = other;
      }
    }
    return out;
  }

  std::vector<Session> sessions(const std::vector<ast::Day>& written) {
    const bool several = std::any_of(written.begin(), written.end(), [](const ast::Day& d) { return !d.also.empty(); });
    const auto expanded = several ? each_weekday(written) : std::vector<ast::Day>{};
    const auto& days = several ? expanded : written;
    std::vector<Session> out;
    std::array<const ast::Day*, 7> rest{};
    std::array<const ast::Day*, 7> busy{};
    int order = 0;
    for (const auto& day : days) {
      const auto weekday = day.ordered ? std::optional<int>(ordered_place(day, order)) : day_index(day);
      ++order;
      if (!weekday) continue;
      if (!day.ordered) {
        auto& mine = (day.rest ? rest : busy)[static_cast<std::size_t>(*weekday)];
        const auto* other = (day.rest ? busy : rest)[static_cast<std::size_t>(*weekday)];
        if (other != nullptr) rest_and_session(day, *other, *weekday);
        if (mine == nullptr) mine = &day;
      }
      if (day.rest) continue;
      if (auto s = session(day, *weekday)) out.push_back(std::move(*s));
    }
    // Several sessions on one day keep the order they are written in.
    std::stable_sort(out.begin(), out.end(), [](const Session& a, const Session& b) { return a.weekday < b.weekday; });
    return out;
  }

  void rest_and_session(const ast::Day& day, const ast::Day& first, int weekday) {
    diagnostics_.add(Diagnostic{Severity::error,
                                {},
                                fmt::format("{} is both a rest day and a training day in this week",
                                            weekdays[static_cast<std::size_t>(weekday)]),
                                day.day.span,
                                {Note{fmt::format("first written at {}", first.day.span.location()), first.day.span}},
                                {"remove 'rest', or move the session to another day"}});
  }

  // Day 3 is third in the week; Session B is second. Neither names a weekday.
  static int ordered_place(const ast::Day& day, int order) {
    if (day.number && day.number->low >= 1 && day.number->low < 1000) return static_cast<int>(day.number->low) - 1;
    const auto& text = day.day.text;
    const char last = text.empty() ? 'a' : static_cast<char>(ascii::lower(static_cast<unsigned char>(text.back())));
    if (last >= 'a' && last <= 'z') return last - 'a';
    return order;
  }

  std::optional<int> day_index(const ast::Day& day) {
    if (auto index = weekday_index(day.day.text)) return index;
    std::vector<std::string> help;
    if (auto hint = did_you_mean(normalize_name(day.day.text), {weekdays.begin(), weekdays.end()}); !hint.empty()) {
      help.push_back(hint);
    }
    error(day.day.span,
          fmt::format("unknown day '{}'; expected a weekday such as mon or Monday, or 'Day N'", day.day.text),
          std::move(help));
    return std::nullopt;
  }

  std::optional<Session> session(const ast::Day& day, int weekday) {
    Session s;
    s.weekday = weekday;
    s.weekday_known = !day.ordered;
    s.part = day.part;
    s.label = day.day.text;
    s.rest_day = day.rest_day;
    s.span = day.day.span;
    if (day.duration) s.duration_seconds = seconds(*day.duration);
    s.warmup_seconds = 0;
    notes_allowed_ = has_exercise(day);
    for (const auto& block : day.blocks) add_block(block, s);
    label_as_exercise(day, s);
    const auto kind = session_kind(day, s);
    if (!kind) return std::nullopt;
    s.kind = *kind;
    content_kind(day, s);
    closing_stretches(s);
    s.intensity = intensity(day, s);
    return s;
  }

  // How hard a session is: a word of its header (`easy run`, `brisk walk`, `intervals`), or else the
  // highest RPE of its lines, on the 0-10 scale where 5-6 is moderate and 7 or more vigorous.
  static std::optional<int> intensity(const ast::Day& day, const Session& s) {
    static const std::vector<std::pair<std::string, int>> words = {
        {"easy", 0},   {"light", 0},   {"gentle", 0},    {"relaxed", 0},  {"zone 1", 0},         {"moderate", 1},
        {"brisk", 1},  {"steady", 1},  {"zone 2", 1},    {"zone 3", 1},   {"conversational", 1}, {"vigorous", 2},
        {"hard", 2},   {"intense", 2}, {"intervals", 2}, {"interval", 2}, {"hiit", 2},           {"sprints", 2},
        {"sprint", 2}, {"tempo", 2},   {"threshold", 2}, {"fartlek", 2},  {"zone 4", 2},         {"zone 5", 2}};
    if (!day.kind.text.empty() || !day.label.empty()) {
      std::string text = " ";
      for (const auto* part : {&day.kind.text, &day.label}) {
        for (const char ch : *part) {
          const auto c = static_cast<unsigned char>(ch);
          text.push_back(ascii::is_alnum(c) ? static_cast<char>(ascii::lower(c)) : ' ');
        }
        text.push_back(' ');
      }
      for (const auto& [word, level] : words) {
        for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
          if (text[at - 1] == ' ' && text[at + word.size()] == ' ') return level;
        }
      }
    }
    std::optional<double> rpe;
    for (const auto& l : s.lines) {
      if (l.rpe && !l.unknown && l.block == model::Block::main) rpe = std::max(rpe.value_or(0), *l.rpe);
    }
    if (!rpe) return std::nullopt;
    return *rpe >= 7 ? 2 : *rpe >= 5 ? 1 : 0;
  }

  // `Stretch: hip flexors & hamstrings 2 x 30s` after the last lift is the cool-down, written without the
  // word. A session of stretches only is a mobility session, not one long cool-down.
  void closing_stretches(Session& s) const {
    if (s.has_cooldown) return;
    const auto& patterns = rules_.vocab(Category::pattern);
    const auto main = [](const Line& l) { return l.block == model::Block::main && !l.unknown; };
    const auto stretch = [&](const Line& l) {
      if (!main(l)) return false;
      const auto& p = patterns.at(l.exercise->pattern).id;
      return p == "stretch" || p == "mobility";
    };
    auto first = s.lines.end();
    while (first != s.lines.begin() && stretch(*std::prev(first))) --first;
    if (first == s.lines.end() || std::none_of(s.lines.begin(), first, main)) return;
    for (auto it = first; it != s.lines.end(); ++it) it->block = model::Block::cooldown;
    s.has_cooldown = true;
  }

  // `Sat: elliptical`: a header whose only content is the name of an exercise is that exercise, without a dose.
  void label_as_exercise(const ast::Day& day, Session& s) {
    if (!s.lines.empty() || day.kind.text.empty() || rules_.vocab(Category::session_kind).lookup(day.kind.text)) return;
    const auto found = read_exercise_name(rules_.catalogue, day.kind.text);
    if (!found) return;
    Line l;
    use_exercise(rules_.catalogue.at(found->exercise), found->exercise, *found, l);
    l.span = day.kind.span;
    l.block = model::Block::main;
    l.loaded = l.exercise->loaded || (found->weighted && !found->banded);
    s.lines.push_back(std::move(l));
  }

  // A loaded leg circuit labelled `cardio` is strength work too: the rules see the kind its content shows
  // beside the one its label gives.
  void content_kind(const ast::Day&, Session& s) {
    const auto& kinds = rules_.vocab(Category::session_kind);
    const auto strength = kinds.find("strength");
    if (!strength || kinds.at(s.kind).closure.test(*strength)) return;
    // two loaded lifts of the limbs (squats, hinges, lunges, presses, rows, carries) make resistance work; a
    // weighted twist in an ab circuit does not
    static const std::set<std::string> lifts = {
        "squat",         "hinge", "lunge",         "push_horizontal", "push_vertical",   "pull_horizontal",
        "pull_vertical", "carry", "hip_extension", "olympic",         "isolation_upper", "isolation_lower"};
    const auto& patterns = rules_.vocab(Category::pattern);
    const auto loaded_lifts = std::count_if(s.lines.begin(), s.lines.end(), [&](const Line& l) {
      return !l.unknown && l.loaded && l.block == model::Block::main &&
             lifts.count(patterns.at(l.exercise->pattern).id) > 0;
    });
    if (loaded_lifts >= 2) s.content_kind = strength;
  }

  // The kind the header names, in words (`lower body`, `Legs & core`, `easy run`), or else the one the
  // session's exercises show.
  std::optional<std::uint16_t> session_kind(const ast::Day& day, const Session& s) {
    const auto& kinds = rules_.vocab(Category::session_kind);
    if (day.kind.text.empty()) return kind_from_content(s, day);
    if (auto whole = kinds.lookup(day.kind.text)) return whole;
    const auto words = split(normalize_name(day.kind.text));
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (std::size_t n = std::min<std::size_t>(3, words.size() - i); n > 0; --n) {
        std::string phrase;
        for (std::size_t k = i; k < i + n; ++k) phrase += (k == i ? "" : " ") + words[k];
        if (auto found = kinds.lookup(phrase)) return found;
      }
    }
    if (words.size() == 1 && !did_you_mean(words.front(), kinds.names()).empty()) {
      return vocab(Category::session_kind, day.kind, "session kind");
    }
    return kind_from_content(s, day);
  }

  static std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin < text.size()) {
      auto end = text.find(' ', begin);
      if (end == std::string::npos) end = text.size();
      if (end > begin) out.push_back(text.substr(begin, end - begin));
      begin = end + 1;
    }
    return out;
  }

  // Strength if the main block loads muscles the way resistance training does; otherwise what the
  // exercises are (stretching, walking, core work). A day with no exercises and no kind is a rest day.
  std::optional<std::uint16_t> kind_from_content(const Session& s, const ast::Day& day) {
    const auto& kinds = rules_.vocab(Category::session_kind);
    const auto& patterns = rules_.vocab(Category::pattern);
    const auto named = [&](const char* id) { return kinds.find(id); };
    if (s.lines.empty()) {
      if (!day.kind.text.empty()) {
        error(day.kind.span,
              fmt::format("'{}' is not a session kind, and the session has no exercises to tell "
                          "what it is",
                          shorten(day.kind.text)),
              {"name the kind, such as strength, mobility, cardio or 'upper body'; 'liftlint vocab kinds' lists them"});
      }
      return std::nullopt;
    }
    std::size_t strength = 0, stretch = 0, locomotion = 0, core = 0;
    for (const auto& l : s.lines) {
      if (l.unknown || l.block != model::Block::main) continue;
      const auto& p = patterns.at(l.exercise->pattern).id;
      if (p == "stretch" || p == "mobility") {
        ++stretch;
      } else if (p == "locomotion") {
        ++locomotion;
      } else if (p == "anti_extension" || p == "anti_rotation" || p == "anti_lateral_flexion" ||
                 p == "spinal_flexion" || p == "rotation") {
        l.loaded ? ++strength : ++core;
      } else if (p != "plyometric") {
        ++strength;
      }
    }
    // resistance work: a loaded lift, or most of the session (a bridge among stretches is a mobility session)
    const bool loaded =
        std::any_of(s.lines.begin(), s.lines.end(), [](const Line& l) { return l.loaded && !l.unknown; });
    const bool resistance = strength > 0 && (loaded || strength * 2 >= strength + core + stretch + locomotion);
    std::optional<std::uint16_t> kind;
    if (resistance) {
      kind = named("strength");
    } else if (core > 0 && core >= stretch && core >= strength) {
      kind = named("core");
    } else if ((stretch > 0 || strength > 0) && stretch + strength >= locomotion) {
      kind = named("mobility");
    } else if (locomotion > 0) {
      kind = named("cardio");
    }
    return kind ? kind : kind_from_unknown_lines(s);
  }

  // Only names the catalogue lacks: their doses still tell. `8 km easy` or `45 min tennis` is endurance work,
  // `Zercher squat 3x5 @ 100kg` resistance work; with no dose either, the session counts as strength.
  std::optional<std::uint16_t> kind_from_unknown_lines(const Session& s) const {
    const auto& kinds = rules_.vocab(Category::session_kind);
    constexpr double endurance_seconds = 600;
    bool resistance = false, endurance = false;
    const auto strength = kinds.find("strength");
    bool named_endurance = false;
    for (const auto& l : s.lines) {
      if (l.block != model::Block::main) continue;
      resistance |= (l.load_kg && *l.load_kg > 0) || l.percent.has_value() || (l.reps && l.sets);
      endurance |= l.distance_m.has_value() || (l.hold_seconds && *l.hold_seconds >= endurance_seconds);
      // `run intervals 6 x 1km @ 10k pace`, `sparring 6 x 3 min rounds`: a word of the name that names a
      // session kind other than strength work says what the session is, whatever its dose
      for (const auto& word : split(normalize_name(l.exercise->name))) {
        const auto kind = kinds.lookup(word);
        if (kind && strength && !kinds.at(*kind).closure.test(*strength)) named_endurance = true;
      }
    }
    if (named_endurance && !(resistance && endurance)) return kinds.find("cardio");
    return kinds.find(endurance && !resistance ? "cardio" : "strength");
  }

  void add_block(const ast::Block& block, Session& s) {
    using K = ast::Block::Kind;
    const auto kind = block.kind == K::warmup     ? model::Block::warmup
                      : block.kind == K::cooldown ? model::Block::cooldown
                                                  : model::Block::main;
    const auto length = block.duration ? seconds(*block.duration) : std::nullopt;
    if (kind == model::Block::warmup) s.warmup_seconds = length;
    if (kind == model::Block::cooldown) s.has_cooldown = true;
    for (const auto& line : block.lines) {
      // an aside names no exercise unless it names one, or certainly one mistyped, with a dose (`3. Goblet sqaut
      // 3x8` in a chat)
      if (line.aside && !known_exercise(line.name.text) &&
          (dose_less(line) ||
           !certain_correction(normalize_name(line.name.text), compatible_names(exercise_names(), line.name.text)))) {
        continue;
      }
      if (note_line(line)) continue;
      const bool parts = use_parts(line);
      if (!parts) {
        for (const auto& d : line.errors) diagnostics_.add(d);
      }
      const auto listed = parts ? labelled_parts(line) : slash_list(line);
      const auto first_of_line = s.lines.size();
      for (const auto* one : !listed.empty() ? pointers(listed)
                             : parts         ? pointers(line.parts)
                                             : std::vector<const ast::Line*>{&line}) {
        auto resolved = resolve_line(*one, kind);
        // `wheel pose / back bridge`: two names of one exercise are one line
        const bool again = resolved && !parts && !listed.empty() &&
                           std::any_of(s.lines.begin() + static_cast<std::ptrdiff_t>(first_of_line), s.lines.end(),
                                       [&](const plan::Line& l) { return l.exercise == resolved->exercise; });
        if (resolved && !again) {
          if (kind == model::Block::main) s.main_muscles |= resolved->exercise->muscles;
          s.lines.push_back(std::move(*resolved));
        }
      }
    }
  }

  // A line before the first session with no dose: a note, unless a part of it names an exercise
  // (`Core: sit-ups, Russian twists`), which would be planned nowhere.
  void preamble(const ast::Value& line) {
    const bool one_word = line.text.find_first_of(" \t") == std::string::npos;
    if (names_an_exercise(line.text) || (one_word && misspelt_exercise(line.text))) {
      error(line.span,
            "this line is outside any session; start the session with a day such as 'Monday', "
            "'mon strength 35min {' or 'Day 1' first");
      return;
    }
    add_note(
        diagnostics_, line.span,
        fmt::format("'{}' read as a note: it comes before the first session and gives no dose", shorten(line.text)));
  }

  // Whether a piece of the text between commas, colons, slashes, dashes, `+` or `&` is a known exercise.
  bool names_an_exercise(const std::string& text) const {
    std::string piece;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      const char c = i < text.size() ? text[i] : ',';
      // en and em dashes too: `Breathing supine – lateral thoracic`
      const bool long_dash = text.compare(i, 3, "\xE2\x80\x93") == 0 || text.compare(i, 3, "\xE2\x80\x94") == 0;
      if (long_dash) i += 2;
      if (!long_dash && std::string_view(",:;/+&()|").find(c) == std::string_view::npos &&
          !(c == '-' && (i == 0 || text[i - 1] == ' '))) {
        piece += c;
        continue;
      }
      // `Goblet squat 3010`: the words before a number may be the exercise
      const auto words = piece.substr(0, piece.find_first_of("0123456789"));
      if (words.find_first_not_of(' ') != std::string::npos && known_exercise(words)) return true;
      piece.clear();
    }
    return false;
  }

  // `Rach`, `same warm up`, `FINISHERS`, `music - the loud playlist`: a line with no dose whose words are no
  // exercise of the catalogue, nor close to one, is the trainer's note. It tells the rules nothing, so the rest
  // of the plan is checked as written, and a note says which line was passed over. A misspelt exercise
  // (`Sqauts`) stays an error: it may be one the rules forbid.
  bool note_line(const ast::Line& line) {
    if (!notes_allowed_ || !note_candidate(line) || json_plan()) return false;
    if (misspelt_exercise(line.name.text)) return false;
    add_note(diagnostics_, line.name.span,
             fmt::format("'{}' read as a note: no exercise the catalogue knows, and no dose", shorten(line.name.text)),
             {"if it is an exercise, declare it in the plan: exercise \"name\" { muscles ... pattern ... posture ... "
              "}; 'liftlint catalog WORD' searches the catalogue"});
    return true;
  }

  // `Sqauts`, `Resisted row`: close enough to a known exercise to be one mistyped, or named otherwise. `Mark`, a
  // word close to `jerk` by distance alone, is not.
  bool misspelt_exercise(const std::string& text) {
    const auto word = normalize_name(text);
    const auto match = closest_match(word, compatible_names(exercise_names(), text));
    const bool one_word = word.find(' ') == std::string::npos;
    return match && (!one_word || plausible_misspelling(word, *match));
  }

  bool note_candidate(const ast::Line& l) const { return !l.aside && dose_less(l) && !known_exercise(l.name.text); }

  // A session of notes alone (`Sat` then `frobnicator`) is still a session: its lines stay exercises, unknown.
  bool has_exercise(const ast::Day& day) const {
    return std::any_of(day.blocks.begin(), day.blocks.end(), [&](const ast::Block& b) {
      return std::any_of(b.lines.begin(), b.lines.end(), [&](const ast::Line& l) { return !note_candidate(l); });
    });
  }

  static bool dose_less(const ast::Line& l) {
    return !l.sets && !l.reps && !l.load && l.amounts.empty() && !l.distance && l.reps_list.empty() &&
           l.load_list.empty() && !l.amrap && !l.rpe && !l.rir && !l.rest && !l.tempo && l.parts.empty() &&
           l.errors.empty() && !l.unreadable && l.implements == 0 && l.band.empty() && !l.each_side;
  }

  // `2 mins march, 10 arm circles, 10 hip hinges`: a line read as several exercises when each names one, or
  // when reading it as one fails anyway, some parts name exercises and the others are written as exercises
  // are, a count before a name; then only an unknown part is an error, not the whole line. A part such as
  // `level 5` or `add 10 lbs/wk` is a note on the exercise before it, and the line stays one.
  // The parts when each names an exercise; and when the line read whole is refused, when any does, so that one
  // unknown name in `Push – incline smith 3x6-8, cable flyes 3x12, lateral raise 4x15` costs only its own part.
  // `Comp deadlift: top single @ RPE 8, 4x3 -10% | Close grip bench 3x6`: the label before the colon is the first
  // part's exercise when it names one and the part's own words do not. Empty when the parts stand as read.
  std::vector<ast::Line> labelled_parts(const ast::Line& line) const {
    if (line.parts.empty() || !known_exercise(line.name.text) || known_exercise(line.parts.front().name.text) ||
        line.name.span.offset >= line.parts.front().name.span.offset) {
      return {};
    }
    auto out = line.parts;
    out.front().name = line.name;
    return out;
  }

  // A part that says how the one before is done (`level 6-7`, `5 each side`, `every 2-3 hrs`) is no exercise, and
  // the line is then read whole.
  bool use_parts(const ast::Line& line) const {
    const auto known = [&](const ast::Line& p) { return known_exercise(p.name.text); };
    if (line.parts.empty()) return false;
    if (std::all_of(line.parts.begin(), line.parts.end(), known)) return true;
    const auto named = [&](const ast::Line& p) { return known(p) || !setting_word(first_word(p.name.text)); };
    return !line.errors.empty() && std::any_of(line.parts.begin(), line.parts.end(), known) &&
           std::all_of(line.parts.begin(), line.parts.end(), named);
  }

  static std::string first_word(std::string_view name) {
    std::string out(name.substr(0, name.find(' ')));
    for (auto& c : out) c = static_cast<char>(ascii::lower(static_cast<unsigned char>(c)));
    return out;
  }

  static bool setting_word(std::string_view word) {
    static const WordSet words = {"level",      "lvl",     "each", "every", "per",   "side", "speed", "incline",
                                  "resistance", "setting", "gear", "pace",  "at",    "with", "hold",  "holding",
                                  "then",       "rest",    "slow", "tempo", "until", "till", "to",    "for",
                                  "a",          "an",      "the",  "on",    "in",    "x",    "and",   "or"};
    return words.contains(word);
  }

  // `kb swings / box step ups / burpees`, `Nordic curls / GHR 3x5`, `Ring dips or bench dips 3x6`: names written
  // with slashes or `or`, each a known exercise, are each read with the dose, whether they follow each other or
  // are alternatives.
  std::vector<ast::Line> slash_list(const ast::Line& line) const {
    const auto& text = line.name.text;
    // `Crunches + V-ups superset 3x20`: both, with one dose
    const auto separator = [&](std::size_t from) {
      const auto slash = std::min(text.find('/', from), text.size());
      const auto word = std::min(text.find(" or ", from), text.size());
      const auto plus = std::min(text.find(" + ", from), text.size());
      if (plus < slash && plus < word) return std::pair{plus, std::size_t{3}};
      return word < slash ? std::pair{word, std::size_t{4}} : std::pair{slash, std::size_t{1}};
    };
    if (separator(0).first >= text.size() || known_exercise(text)) return {};
    std::vector<ast::Line> out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const auto [end, width] = separator(begin);
      const auto first = text.find_first_not_of(' ', begin);
      const auto last = text.find_last_not_of(' ', end == 0 ? 0 : end - 1);
      if (first >= end || last == std::string::npos || last < first) return {};
      auto piece = line;
      piece.parts.clear();
      piece.name.text = text.substr(first, last - first + 1);
      for (const std::string_view grouping : {" superset", " circuit"}) {
        if (piece.name.text.ends_with(grouping)) piece.name.text.resize(piece.name.text.size() - grouping.size());
      }
      piece.name.span.offset += static_cast<std::uint32_t>(first);
      piece.name.span.column += static_cast<std::uint32_t>(first);
      piece.name.span.length = static_cast<std::uint32_t>(last - first + 1);
      if (!known_exercise(piece.name.text)) return {};
      out.push_back(std::move(piece));
      begin = end + width;
    }
    return out.size() >= 2 ? out : std::vector<ast::Line>{};
  }

  static std::vector<const ast::Line*> pointers(const std::vector<ast::Line>& lines) {
    std::vector<const ast::Line*> out;
    for (const auto& l : lines) out.push_back(&l);
    return out;
  }

  [[nodiscard]] bool known_exercise(const std::string& name) const {
    return own_names_.count(normalize_name(name)) > 0 || reading_of(name).has_value();
  }

  std::optional<double> seconds(const ast::Quantity& q) {
    const auto scale = unit_scale(q.unit);
    if (!scale || scale->kind != UnitKind::time) {
      error(q.span, fmt::format("expected a duration such as 35min, found '{}{}'", q.low, q.unit));
      return std::nullopt;
    }
    return q.high * scale->factor;
  }

  // --- exercise lines -------------------------------------------------------------

  // Every name a plan line may use, built once and only when a name is unknown.
  const std::vector<std::string>& exercise_names() {
    if (exercise_names_.empty()) {
      exercise_names_ = rules_.catalogue.names();
      for (const auto& [own, index] : own_names_) exercise_names_.push_back(own);
    }
    return exercise_names_;
  }

  [[nodiscard]] bool json_plan() const { return file_.json; }

  const model::Exercise* find_exercise(const ast::Value& name, std::uint32_t& id, NameReading& reading) {
    if (!own_names_.empty()) {
      if (const auto it = own_names_.find(normalize_name(name.text)); it != own_names_.end()) {
        id = it->second;
        return &plan_.own_exercises[id - rules_.catalogue.size()];
      }
    }
    if (const auto& found = reading_of(name.text)) {
      reading = *found;
      id = found->exercise;
      return &rules_.catalogue.at(id);
    }
    std::vector<std::string> help;
    if (diagnostics_.full()) return nullptr;
    const auto key = normalize_name(name.text);
    std::vector<SpanFix> fixes;
    const auto candidates = compatible_names(exercise_names(), name.text);
    const model::Exercise* typo_of = nullptr;
    if (const auto match = closest_match(key, candidates)) {
      // a hint may be a guess; a fix made without asking must be a certain typo
      const auto certain = certain_correction(key, candidates);
      const auto meant = certain == match ? reading_of(*match) : std::nullopt;
      if (meant) {
        // `Romainian deadlift 3x8 @ 40kg`: still an error to correct, but the rules see the deadlift meanwhile
        typo_of = &rules_.catalogue.at(meant->exercise);
        id = meant->exercise;
        reading = *meant;
        help.push_back(
            fmt::format("did you mean '{}'? the line is checked as '{}' until it is corrected", *match, typo_of->name));
      } else {
        help.push_back(fmt::format("did you mean '{}'?", *match));
      }
      if (auto edit = certain == match ? rename_at(name.span, *match) : std::nullopt) {
        fixes.push_back(SpanFix{fmt::format("replace '{}' with '{}'", shorten(name.text), *match),
                                FixApplicability::safe,
                                {std::move(*edit)}});
      }
    }
    help.emplace_back(json_plan()
                          ? "or declare it in the plan's \"exercises\": [{\"name\": ..., \"muscles\": [...], "
                            "\"pattern\": ..., \"posture\": ...}]"
                          : "or declare it in the plan: exercise \"name\" { muscles ... pattern ... posture ... }; "
                            "'liftlint catalog WORD' searches the catalogue");
    diagnostics_.add(Diagnostic{Severity::error,
                                {},
                                fmt::format("unknown exercise '{}'", shorten(name.text)),
                                name.span,
                                {},
                                std::move(help),
                                std::move(fixes)});
    return typo_of;
  }

  // `200m row`, `row 5' easy`, `12 cal row`: a row measured by distance or time is the rowing machine. Counted in
  // repetitions (`Row 3x10`), it could be any of the loaded rows, and stays unknown.
  static bool machine_row(const ast::Line& in) {
    if (in.name.text.size() > 5 || normalize_name(in.name.text) != "row") return false;
    const auto timed = [](const ast::Quantity& q) {
      const auto scale = unit_scale(q.unit);
      return (scale && scale->kind == UnitKind::time) || q.unit == "cal";
    };
    return in.distance || (in.reps && timed(*in.reps)) || std::any_of(in.amounts.begin(), in.amounts.end(), timed);
  }

  static ast::Value rowing_machine(const ast::Value& written) {
    auto name = written;
    name.text = "rowing machine";
    return name;
  }

  // What the rules may read of an exercise nobody could find: its name, and nothing else.
  const model::Exercise* unknown_exercise(const ast::Value& name) {
    model::Exercise x;
    x.name = name.text;
    x.span = name.span;
    plan_.own_exercises.push_back(std::move(x));
    return &plan_.own_exercises.back();
  }

  std::optional<Line> resolve_line(const ast::Line& in, model::Block block) {
    Line out;
    NameReading reading;
    std::uint32_t id = 0;
    const auto* found = find_exercise(machine_row(in) ? rowing_machine(in.name) : in.name, id, reading);
    // `Seated DB OHP`: the catalogue's own seated entry (seated dumbbell press, with its back rest), not the
    // standing press moved onto a seat
    if (found != nullptr && !reading.posture.empty()) {
      if (const auto own = rules_.catalogue.find(fmt::format("{} {}", reading.posture, found->name));
          own && *own != id) {
        id = *own;
        found = &rules_.catalogue.at(id);
      }
    }
    out.unknown = found == nullptr;
    if (out.unknown) {
      found = unknown_exercise(in.name);
      id = std::numeric_limits<std::uint32_t>::max();
    }
    use_exercise(*found, id, reading, out);
    if (!out.unknown && reading.equipment.empty()) implement_in_name(in.name.text, out);
    out.span = in.span;
    out.written = written_dose(in);
    out.block = in.warmup_set ? model::Block::warmup : block;
    out.group = in.group;
    const bool ok = !in.unreadable && dose(in, out) && overrides(in, out);
    if (!ok) {
      // A dose that could not be read tells the rules nothing.
      Line bare;
      bare.exercise = out.exercise;
      bare.exercise_id = out.exercise_id;
      bare.unknown = out.unknown;
      bare.span = out.span;
      bare.block = out.block;
      bare.group = out.group;
      bare.posture = out.posture;
      bare.equipment = out.equipment;
      bare.dose_unknown = true;
      bare.loaded = !out.unknown && out.exercise->loaded;
      return bare;
    }
    out.each_side = in.each_side;
    out.bodyweight = in.bodyweight;
    out.alternating = in.alternating;
    out.amrap = in.amrap;
    out.implements = in.implements;
    out.reps_list = in.reps_list;
    out.band = !in.band.empty() || reading.banded;
    out.loaded = !out.unknown && (plan::loaded(out) || (reading.weighted && !out.band));
    barbell_counterpart(in.name.text, reading, out);
    return out;
  }

  static WrittenDose written_dose(const ast::Line& in) {
    WrittenDose out;
    out.name = in.name.span;
    if (in.reps && (in.reps->unit.empty() || in.reps->unit == "reps") && in.reps_list.empty()) out.reps = in.reps->span;
    std::size_t n = 0;
    const auto add = [&](const std::optional<ast::Quantity>& q) {
      if (q && n < out.intensity.size()) out.intensity[n++] = q->span;
    };
    add(in.load);
    for (const auto& a : in.amounts) {
      if (a.unit == "%") add(a);
    }
    add(in.rpe);
    add(in.rir);
    out.plain = plain_line(in);
    return out;
  }

  // Whether every byte of the line is accounted for (WrittenDose::plain). A trainer's aside, a posture or
  // implement written as a modifier, a number the reader did not take (`(165)`, `top single`) or any other
  // word keeps a substitute out.
  static bool plain_line(const ast::Line& in) {
    const auto& name = in.name.span;
    if (in.aside || in.unreadable || in.posture || !in.equipment.empty() || !in.band.empty() || !in.parts.empty() ||
        !name.valid() || name.length == 0) {
      return false;
    }
    const std::string_view text = name.file->text;
    // a JSON plan's members are its notation: the key names what each value is
    if (text[name.offset] == '"') return true;
    std::vector<std::pair<std::size_t, std::size_t>> taken{{name.offset, name.offset + name.length}};
    const auto take = [&](const Span& s) {
      if (s.valid()) taken.emplace_back(s.offset, s.offset + s.length);
    };
    for (const auto* q : {&in.sets, &in.reps, &in.load, &in.distance, &in.rpe, &in.rir, &in.rest}) {
      if (*q) take((*q)->span);
    }
    for (const auto& a : in.amounts) take(a.span);
    if (in.tempo) take(in.tempo->span);
    // the line's own entry: `a 3x10; b 3x12` holds two, and a long line must not be read once per entry
    std::size_t begin = name.offset, end = name.offset + name.length;
    const auto opens_entry = [](char c) { return c == '\n' || c == ';' || c == '{'; };
    const auto closes_entry = [](char c) { return c == '\n' || c == ';' || c == '}'; };
    while (begin > 0 && !opens_entry(text[begin - 1])) --begin;
    while (end < text.size() && !closes_entry(text[end])) ++end;
    return plain_words(text, begin, name.offset, taken, true) &&
           plain_words(text, name.offset + name.length, end, taken, false);
  }

  // The bytes of [begin, end) outside `taken`: blanks, the notation's punctuation and words, and before the
  // name a list marker or a group label (`-`, `3.`, `A1)`).
  static bool plain_words(std::string_view text, std::size_t begin, std::size_t end,
                          const std::vector<std::pair<std::size_t, std::size_t>>& taken, bool before_name) {
    static const WordSet notation{"x",    "sets",  "set",  "of",  "reps", "rep",  "at",    "with", "each",
                                  "side", "sides", "per",  "leg", "legs", "arm",  "arms",  "es",   "kg",
                                  "kgs",  "lb",    "lbs",  "rpe", "rir",  "rest", "tempo", "s",    "sec",
                                  "secs", "min",   "mins", "m",   "and",  "a",    "the",   "bw"};
    // The notation's words are short: a longer word is none of them, and a short one is lowered on the stack.
    const auto is_notation = [](std::string_view word) {
      std::array<char, 8> lower{};
      if (word.size() > lower.size()) return false;
      for (std::size_t k = 0; k < word.size(); ++k) lower[k] = static_cast<char>(ascii::lower(word[k]));
      return notation.contains(std::string_view(lower.data(), word.size()));
    };
    for (std::size_t i = begin; i < end;) {
      const auto in_taken =
          std::find_if(taken.begin(), taken.end(), [&](const auto& t) { return i >= t.first && i < t.second; });
      if (in_taken != taken.end()) {
        i = in_taken->second;
        continue;
      }
      const auto c = static_cast<unsigned char>(text[i]);
      if (ascii::is_alnum(c) != 0) {
        const auto starts_taken = [&](std::size_t at) {
          return std::any_of(taken.begin(), taken.end(), [&](const auto& t) { return t.first == at; });
        };
        auto stop = i + 1;
        while (stop < end && ascii::is_alnum(static_cast<unsigned char>(text[stop])) != 0 && !starts_taken(stop))
          ++stop;
        const auto word = text.substr(i, stop - i);
        const bool label =
            before_name && word.size() <= 3 && std::count_if(word.begin(), word.end(), [](char ch) {
                                                 return ascii::is_alpha(static_cast<unsigned char>(ch)) != 0;
                                               }) <= 1;
        if (!label && !is_notation(word)) return false;
        i = stop;
        continue;
      }
      if (std::string_view(" \t\r@,;:()-/.*+").find(static_cast<char>(c)) != std::string_view::npos) {
        ++i;
        continue;
      }
      // `×`, `–` and `•` are notation; any other character is something the reader did not take
      const auto rest = text.substr(i, std::min<std::size_t>(3, end - i));
      if (rest.starts_with("\xC3\x97")) {
        i += 2;
      } else if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ||
                 rest.starts_with("\xE2\x80\xA2")) {
        i += 3;
      } else {
        return false;
      }
    }
    return true;
  }

  // `Squat 3x5 @ 100kg`: a bare body-weight name with a heavy weight or a percentage of a maximum is the barbell
  // lift, a light weight the dumbbell one; the rules must weigh that lift's spinal load, not the air squat's.
  void barbell_counterpart(const std::string& written, const NameReading& reading, Line& out) {
    const bool external_load = (out.load_kg && *out.load_kg > 0) || out.percent.has_value();
    if (!external_load || out.unknown || out.band || out.bodyweight || reading.weighted || !reading.equipment.empty() ||
        out.exercise->loaded || out.exercise_id >= rules_.catalogue.size())
      return;
    constexpr double barbell_kg = 40;  // more than a pair of dumbbells is commonly held for reps
    const bool heavy = out.percent.has_value() || *out.load_kg >= barbell_kg;
    const auto found = read_exercise_name(rules_.catalogue, (heavy ? "barbell " : "dumbbell ") + written);
    if (!found || found->exercise == out.exercise_id) return;
    const auto& counterpart = rules_.catalogue.at(found->exercise);
    if (!counterpart.loaded || counterpart.pattern != out.exercise->pattern) return;
    use_exercise(counterpart, found->exercise, *found, out);
  }

  // The exercise a line names, with the posture and equipment its modifiers give it.
  // `KB goblet squat`, `DB RDL`: a name the catalogue knows as an alias may still say which of the
  // exercise's implements it is done with.
  void implement_in_name(const std::string& name, Line& out) const {
    if (out.equipment.count() < 2) return;  // one implement already
    const auto& equipment = rules_.vocab(Category::equipment);
    std::string word;
    for (std::size_t i = 0; i <= name.size(); ++i) {
      const auto c = i < name.size() ? static_cast<unsigned char>(name[i]) : ' ';
      if (ascii::is_alpha(c)) {
        word.push_back(static_cast<char>(ascii::lower(c)));
        continue;
      }
      const auto implement = word.empty() ? std::string{} : equipment_word(word);
      word.clear();
      if (implement.empty()) continue;
      const auto e = equipment.find(implement);
      // only an implement that carries the load (one with a load step): `bench press` names no implement
      if (e && equipment.at(*e).step_kg > 0 && (out.equipment & equipment.at(*e).closure).any() &&
          out.equipment != equipment.at(*e).closure) {
        out.equipment = with_bodyweight_form(out) | equipment.at(*e).closure;
        return;
      }
    }
  }

  // An exercise with a bodyweight form keeps it when a line names the implement it is loaded with: rules
  // ask whether the exercise could be done with body weight.
  model::Bits with_bodyweight_form(const Line& out) const {
    model::Bits kept;
    if (const auto bodyweight = rules_.vocab(Category::equipment).find("bodyweight");
        bodyweight && out.exercise->equipment.test(*bodyweight)) {
      kept.set(*bodyweight);
    }
    return kept;
  }

  void use_exercise(const model::Exercise& exercise, std::uint32_t id, const NameReading& reading, Line& out) {
    out.exercise = &exercise;
    out.exercise_id = id;
    out.posture = exercise.posture;
    out.equipment = exercise.equipment;
    modifiers(reading, out);
  }

  // `Standing barbell overhead press`: what the modifiers say replaces the catalogue's posture and equipment.
  void modifiers(const NameReading& reading, Line& out) {
    if (!reading.posture.empty()) {
      if (auto p = rules_.vocab(Category::posture).find(reading.posture)) out.posture = *p;
    }
    if (!reading.equipment.empty()) {
      if (auto e = rules_.vocab(Category::equipment).find(reading.equipment)) {
        out.equipment.reset();
        out.equipment |= rules_.vocab(Category::equipment).at(*e).closure;
      }
    }
  }

  bool positive(const ast::Quantity& q, const char* what, double minimum, bool whole = false) {
    if (whole && (q.low != std::floor(q.low) || q.high != std::floor(q.high))) {
      error(q.span,
            fmt::format("{} must be a whole number, found {}", what, q.low != std::floor(q.low) ? q.low : q.high));
      return false;
    }
    if (q.low < minimum) {
      error(q.span, fmt::format("{} must be at least {}, found {}", what, minimum, q.low));
      return false;
    }
    if (q.high < q.low) {
      error(q.span, fmt::format("the range {}-{} runs backwards; write the smaller number first", q.low, q.high));
      return false;
    }
    return true;
  }

  bool dose(const ast::Line& in, Line& out) {
    bool ok = true;
    if (in.sets) {
      ok = positive(*in.sets, "sets", 1, true) && ok;
      out.sets = in.sets->low;
    }
    if (in.reps) ok = reps(*in.reps, out) && ok;
    for (const auto& amount : in.amounts) ok = bare_amount(amount, out) && ok;
    if (in.load) ok = load(*in.load, out) && ok;
    if (in.rpe) {
      out.rpe = in.rpe->low;
      if (in.rpe->low < 1 || in.rpe->low > 10) ok = (error(in.rpe->span, "RPE runs from 1 to 10"), false);
    }
    if (in.rir) {
      ok = positive(*in.rir, "repetitions in reserve", 0) && ok;
      out.rir = in.rir->low;
      // RIR and RPE are one scale (RPE 10 = no repetition left): RIR 2 is RPE 8.
      if (!in.rpe && in.rir->low <= 10) out.rpe = 10 - in.rir->low;
    }
    if (in.rest) {
      out.rest_seconds = seconds(*in.rest);
      ok = out.rest_seconds.has_value() && ok;
    }
    if (in.distance) ok = distance(*in.distance, out) && ok;
    if (in.tempo) tempo(*in.tempo, out);
    return ok;
  }

  bool distance(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    if (!scale || scale->kind != UnitKind::distance) {
      error(q.span, "expected a distance such as 20m, 2 km or 1 mile");
      return false;
    }
    if (!positive(q, "the distance", 0) || !more_than_zero(q, "the distance")) return false;
    out.distance_m = q.high * scale->factor;
    return true;
  }

  bool reps(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    if (scale && scale->kind == UnitKind::time) {
      if (!positive(q, "the time per set", 0) || !more_than_zero(q, "the time per set")) return false;
      out.hold_seconds = q.high * scale->factor;
      if (!out.sets) out.sets = 1;  // `plank 30s` is one timed hold
      return true;
    }
    if (!positive(q, "repetitions", 1, true)) return false;
    if (scale) {
      error(q.span, fmt::format("expected repetitions or a time per set, found {}", unit_kind_name(scale->kind)));
      return false;
    }
    out.reps = q.low;
    out.reps_max = q.high;
    return true;
  }

  bool more_than_zero(const ast::Quantity& q, const char* what) {
    if (q.high > 0) return true;
    error(q.span, fmt::format("{} must be more than 0", what));
    return false;
  }

  bool bare_amount(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    const bool repeated = scale->kind == UnitKind::time      ? out.hold_seconds.has_value()
                          : scale->kind == UnitKind::percent ? out.percent.has_value()
                                                             : out.load_kg.has_value();
    if (repeated) {
      error(q.span, fmt::format("this line already gives {}; write it once", unit_kind_name(scale->kind)));
      return false;
    }
    const char* what = scale->kind == UnitKind::time      ? "the time"
                       : scale->kind == UnitKind::percent ? "the percentage"
                                                          : "the load";
    if (!positive(q, what, 0) || (scale->kind == UnitKind::time && !more_than_zero(q, what))) return false;
    if (scale->kind == UnitKind::time) {
      out.hold_seconds = q.high * scale->factor;
      if (!out.sets) out.sets = 1;
    } else if (scale->kind == UnitKind::percent) {
      out.percent = q.high;
    } else {
      out.load_kg = q.high * scale->factor;
      out.pounds = scale->factor < 1;
    }
    return true;
  }

  bool load(const ast::Quantity& q, Line& out) {
    const auto scale = unit_scale(q.unit);
    if (out.load_kg || (scale && scale->kind == UnitKind::percent && out.percent)) {
      error(q.span, "this line already gives a load; write it once");
      return false;
    }
    if (!scale || scale->kind == UnitKind::time) {
      error(q.span, "expected a weight such as 8kg or 17.5 lb");
      return false;
    }
    if (!positive(q, "the load", 0)) return false;
    if (scale->kind == UnitKind::percent) {
      out.percent = q.high;
    } else {
      out.load_kg = q.high * scale->factor;
      out.pounds = scale->factor < 1;
    }
    return true;
  }

  static void tempo(const ast::Value& t, Line& out) {
    out.has_tempo = true;
    const char first = t.text.front();
    if (first >= '0' && first <= '9') out.eccentric = first - '0';
  }

  bool overrides(const ast::Line& in, Line& out) {
    bool ok = true;
    if (in.posture) {
      if (auto p = names_.vocab(Category::posture, *in.posture)) {
        out.posture = *p;
      } else {
        ok = false;
      }
    }
    if (!in.equipment.empty()) {
      out.equipment = with_bodyweight_form(out);
      for (const auto& e : in.equipment) {
        if (auto index = names_.vocab(Category::equipment, e)) {
          out.equipment |= rules_.vocab(Category::equipment).at(*index).closure;
        } else {
          ok = false;
        }
      }
    }
    return ok;
  }
};

}  // namespace

std::optional<Plan> resolve_plan(const ast::File& file, const model::RuleSet& rules, Diagnostics& diagnostics) {
  return Resolver(file, rules, diagnostics).run();
}

}  // namespace liftlint::plan
