#include "rules/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <mutex>
#include <stdexcept>

#include "support/names.hpp"

namespace liftlint::model {

const char* category_name(Category category) {
  static constexpr const char* names[] = {"condition", "muscle",       "pattern", "posture",
                                          "equipment", "session kind", "tag",     "muscle group"};
  return names[static_cast<std::size_t>(category)];
}

std::optional<std::uint16_t> Vocabulary::find(const std::string& id) const {
  const auto index = index_.find(id);
  if (!index) return std::nullopt;
  return static_cast<std::uint16_t>(*index);
}

std::vector<std::string> Vocabulary::names() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& e : entries_) out.push_back(e.id);
  return out;
}

std::optional<std::pair<std::vector<std::string>, std::vector<std::string>>> nearness_lists(std::string_view alias) {
  if (!is_description(alias)) return std::nullopt;
  const auto tilde = alias.find('~');
  const auto phrases = [](std::string_view list) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin <= list.size()) {
      const auto end = std::min(list.find('|', begin), list.size());
      if (auto phrase = normalize_name(list.substr(begin, end - begin)); !phrase.empty()) out.push_back(phrase);
      begin = end + 1;
    }
    return out;
  };
  return std::pair(phrases(alias.substr(0, tilde)), phrases(alias.substr(tilde + 1)));
}

struct Vocabulary::NearnessOnce {
  std::once_flag once;
  std::vector<Nearness> list;
};

void Vocabulary::forget_nearness() { nearness_ = std::make_shared<NearnessOnce>(); }

const std::vector<Nearness>& Vocabulary::nearness() const {
  static const std::vector<Nearness> none;  // a vocabulary never given an entry
  if (!nearness_) return none;
  std::call_once(nearness_->once, [this] {
    for (std::uint16_t index = 0; index < entries_.size(); ++index) {
      for (const auto& alias : entries_[index].aliases) {
        if (auto lists = nearness_lists(alias)) {
          nearness_->list.push_back(Nearness{index, std::move(lists->first), std::move(lists->second)});
        }
      }
    }
  });
  return nearness_->list;
}

std::uint16_t Vocabulary::add(VocabEntry entry) {
  const auto index = static_cast<std::uint16_t>(entries_.size());
  entry.closure.set(index);
  index_.insert(entry.id, index);
  spelled_.insert(normalize_name(entry.id), index);
  for (const auto& alias : entry.aliases) {
    if (!is_description(alias)) spelled_.insert(normalize_name(alias), index);
  }
  entries_.push_back(std::move(entry));
  forget_nearness();
  return index;
}

namespace {

bool values_below(const StringIndex& index, std::size_t size) {
  const auto t = index.tables();
  for (std::size_t i = 0; i < t.entry_count; ++i) {
    if (t.entry(i).value >= size) return false;
  }
  return true;
}

}  // namespace

std::optional<Vocabulary> Vocabulary::restore(std::vector<VocabEntry> entries, StringIndex ids, StringIndex spellings) {
  if (entries.size() > max_vocabulary || !values_below(ids, entries.size()) ||
      !values_below(spellings, entries.size())) {
    return std::nullopt;
  }
  Vocabulary out;
  out.entries_ = std::move(entries);
  out.index_ = std::move(ids);
  out.spelled_ = std::move(spellings);
  out.forget_nearness();
  return out;
}

std::optional<std::uint16_t> Vocabulary::lookup(const std::string& name) const {
  if (auto exact = find(name)) return exact;
  const auto index = spelled_.find(normalize_name(name));
  if (!index) return std::nullopt;
  return static_cast<std::uint16_t>(*index);
}

std::optional<Level> parse_level(const std::string& text) {
  if (text == "none") return Level::none;
  if (text == "low") return Level::low;
  if (text == "moderate") return Level::moderate;
  if (text == "high") return Level::high;
  return std::nullopt;
}

// The decoded exercises live in a deque, so that a reference handed out stays valid as others are added.
struct Catalogue::Deferred {
  Deferred(std::uint32_t count_, Decoder decode_)
      : count(count_), decode(std::move(decode_)), ready(std::make_unique<std::atomic<const Exercise*>[]>(count_)) {}

  const Exercise& at(std::uint32_t index) {
    if (const auto* x = ready[index].load(std::memory_order_acquire)) return *x;
    const std::lock_guard lock(mutex);
    if (const auto* x = ready[index].load(std::memory_order_relaxed)) return *x;
    decoded.push_back(decode(index));
    const Exercise& added = decoded.back();
    ready[index].store(&added, std::memory_order_release);
    return added;
  }

  const std::uint32_t count;
  const Decoder decode;
  std::unique_ptr<std::atomic<const Exercise*>[]> ready;
  std::mutex mutex;
  std::deque<Exercise> decoded;
};

std::size_t Catalogue::size() const { return deferred_ ? deferred_->count : exercises_.size(); }

const Exercise& Catalogue::deferred_at(std::uint32_t index) const {
  if (index >= deferred_->count) throw std::out_of_range("no such exercise");
  return deferred_->at(index);
}

void Catalogue::materialize() {
  if (!deferred_) return;
  std::vector<Exercise> all;
  all.reserve(deferred_->count);
  for (std::uint32_t i = 0; i < deferred_->count; ++i) all.push_back(deferred_->at(i));
  exercises_ = std::move(all);
  deferred_.reset();
}

std::optional<Catalogue> Catalogue::restore_deferred(std::uint32_t count, Decoder decode, StringIndex by_name,
                                                     StringIndex by_letters, Integrity integrity) {
  const bool checked = integrity == Integrity::checked;
  if (checked && (!values_below(by_name, count) || !values_below(by_letters, count))) return std::nullopt;
  Catalogue out;
  out.deferred_ = std::make_shared<Deferred>(count, std::move(decode));
  out.by_name_ = std::move(by_name);
  out.by_letters_ = std::move(by_letters);
  return out;
}

std::optional<std::uint32_t> Catalogue::add(Exercise exercise, std::string* clashing_name) {
  materialize();
  const auto index = static_cast<std::uint32_t>(exercises_.size());
  std::vector<std::string> keys{normalize_name(exercise.name)};
  for (const auto& alias : exercise.aliases) keys.push_back(normalize_name(alias));
  for (const auto& key : keys) {
    if (const auto earlier = by_name_.find(key)) {
      if (clashing_name != nullptr) *clashing_name = key;
      return earlier;
    }
  }
  for (const auto& key : keys) {
    by_name_.insert(key, index);
    by_letters_.insert(letters_of(key), index);
  }
  exercises_.push_back(std::move(exercise));
  return std::nullopt;
}

bool Catalogue::add_alias(std::uint32_t index, const std::string& alias) {
  materialize();
  const auto key = normalize_name(alias);
  if (!by_name_.insert(key, index)) return false;
  by_letters_.insert(letters_of(key), index);
  exercises_[index].aliases.push_back(alias);
  return true;
}

std::string Catalogue::letters_of(const std::string& normalized) {
  std::string out;
  for (const char c : normalized) {
    if (c != ' ' && c != '/' && c != '&' && c != '.') out.push_back(c);
  }
  // plural of the last word once the spaces are gone: pushups, situps
  if (out.size() > 3 && out.back() == 's' && out[out.size() - 2] != 's') out.pop_back();
  return out;
}

std::optional<std::uint32_t> Catalogue::find_loose(const std::string& name) const {
  if (auto exact = find(name)) return exact;
  return by_letters_.find(letters_of(normalize_name(name)));
}

std::optional<std::uint32_t> Catalogue::find(const std::string& name) const {
  return by_name_.find(normalize_name(name));
}

std::vector<std::string> Catalogue::names() const { return by_name_.keys(); }

std::string Source::reference() const {
  const auto sentence = [](std::string s) {
    if (!s.empty() && s.back() != '.' && s.back() != '?' && s.back() != '!') s.push_back('.');
    return s;
  };
  const std::string& lead = !author.empty() ? author : !publisher.empty() ? publisher : title;
  std::string out = lead;
  if (year > 0) out += fmt::format(" ({})", year);
  out = sentence(out);
  if (!title.empty() && &lead != &title) out += fmt::format(" {}", sentence(title));
  if (!journal.empty()) out += fmt::format(" {}", sentence(journal));
  if (!publisher.empty() && &lead != &publisher) out += fmt::format(" {}", sentence(publisher));
  if (!doi.empty()) {
    out += fmt::format(" doi:{}", doi);
  } else if (!url.empty()) {
    out += fmt::format(" {}", url);
  }
  return out;
}

const char* status_name(Status status) {
  static constexpr const char* names[] = {"draft", "reviewed", "retired"};
  return names[static_cast<std::size_t>(status)];
}

const char* scope_name(Scope scope) {
  static constexpr const char* names[] = {"client", "week", "session", "exercise"};
  return names[static_cast<std::size_t>(scope)];
}

std::string a_scope(Scope scope) {
  return fmt::format("{} {}", scope == Scope::exercise ? "an" : "a", scope_name(scope));
}

const std::vector<AttrInfo>& attribute_table() {
  using S = Scope;
  using A = Attr;
  using T = Type;
  using D = Dim;
  using C = Category;
  static const std::vector<AttrInfo> table = {
      {"client", S::client, A::client_conditions, T::vocab_set, D::count, C::condition,
       "the client's conditions and symptoms, with everything they imply"},
      {"cleared", S::client, A::client_cleared, T::boolean, D::count, C::condition,
       "a health professional has cleared the client for this training"},
      {"cleared_without_restrictions", S::client, A::client_cleared_without_restrictions, T::boolean, D::count,
       C::condition, "the clearance says it sets no restrictions on training"},
      {"experience", S::client, A::client_experience, T::experience, D::count, C::condition,
       "beginner, intermediate or advanced"},
      {"age", S::client, A::client_age, T::number, D::count, C::condition, "the client's age in years"},
      {"gestational_week", S::client, A::client_gestational_week, T::number, D::count, C::condition,
       "week of pregnancy at the plan's first week"},
      {"week", S::week, A::week_number, T::number, D::count, C::condition, "the week number, from 1"},
      {"deload", S::week, A::week_deload, T::boolean, D::count, C::condition,
       "the plan marks the week as a deload (`Week 4 (deload)`)"},
      {"kind", S::session, A::session_kind, T::vocab, D::count, C::session_kind,
       "the session kind; a kind matches every kind it implies"},
      {"duration", S::session, A::session_duration, T::number, D::time, C::condition, "planned session length"},
      {"day", S::session, A::session_day, T::weekday, D::count, C::condition, "weekday, mon to sun"},
      {"week", S::session, A::session_week, T::number, D::count, C::condition, "the week the session is in"},
      {"warmup", S::session, A::session_warmup, T::number, D::time, C::condition,
       "length of the warm-up block (0 when there is none)"},
      {"cooldown", S::session, A::session_cooldown, T::boolean, D::count, C::condition,
       "the session has a cool-down block"},
      {"exercises", S::session, A::session_exercises, T::number, D::count, C::condition,
       "number of exercise lines in the session"},
      {"deload", S::session, A::session_deload, T::boolean, D::count, C::condition,
       "the session is in a week the plan marks as a deload"},
      {"intensity", S::session, A::session_intensity, T::intensity, D::count, C::condition,
       "light, moderate or vigorous, from the header's words or the session's RPE"},
      {"moderate_minutes", S::session, A::session_moderate_minutes, T::number, D::time, C::condition,
       "moderate-intensity equivalent time: its length, doubled when vigorous, none when light"},
      {"gestational_week", S::session, A::session_gestational_week, T::number, D::count, C::condition,
       "week of pregnancy in the session's week, advancing with the plan"},
      {"rest_day", S::session, A::session_rest_day, T::boolean, D::count, C::condition,
       "the plan marks the day rest and says what is done on it (`Sun: rest day - easy walk 30 min`)"},
      {"name", S::exercise, A::exercise_name, T::exercise, D::count, C::condition, "the catalogue exercise"},
      {"muscles", S::exercise, A::exercise_muscles, T::vocab_set, D::count, C::muscle, "muscles trained"},
      {"muscle_groups", S::exercise, A::exercise_muscle_groups, T::vocab_set, D::count, C::muscle_group,
       "the major muscle groups its muscles belong to"},
      {"pattern", S::exercise, A::exercise_pattern, T::vocab, D::count, C::pattern, "movement pattern"},
      {"posture", S::exercise, A::exercise_posture, T::vocab, D::count, C::posture,
       "posture, as overridden on the line or from the catalogue"},
      {"equipment", S::exercise, A::exercise_equipment, T::vocab_set, D::count, C::equipment, "equipment used"},
      {"spinal_load", S::exercise, A::exercise_spinal_load, T::level, D::count, C::condition,
       "load on the lumbar spine: none, low, moderate, high"},
      {"impact", S::exercise, A::exercise_impact, T::level, D::count, C::condition,
       "impact: none, low, moderate, high"},
      {"supported", S::exercise, A::exercise_supported, T::boolean, D::count, C::condition,
       "the trunk is supported by a bench, pad, machine or the floor"},
      {"loaded", S::exercise, A::exercise_loaded, T::boolean, D::count, C::condition,
       "done with external load: a weight on the line, or a loaded exercise not marked bodyweight"},
      {"tags", S::exercise, A::exercise_tags, T::vocab_set, D::count, C::tag, "catalogue tags"},
      {"sets", S::exercise, A::exercise_sets, T::number, D::count, C::condition, "number of sets"},
      {"reps", S::exercise, A::exercise_reps, T::number, D::count, C::condition,
       "repetitions per set (the lower end of a range)"},
      {"reps_max", S::exercise, A::exercise_reps_max, T::number, D::count, C::condition,
       "repetitions per set (the upper end of a range)"},
      {"hold", S::exercise, A::exercise_hold, T::number, D::time, C::condition,
       "time per set for holds and timed work (upper end of a range)"},
      {"load", S::exercise, A::exercise_load, T::number, D::mass, C::condition, "external load in kg (lb converted)"},
      {"rpe", S::exercise, A::exercise_rpe, T::number, D::count, C::condition, "rate of perceived exertion"},
      {"rir", S::exercise, A::exercise_rir, T::number, D::count, C::condition, "repetitions in reserve"},
      {"percent", S::exercise, A::exercise_percent, T::number, D::percent, C::condition,
       "load as a percentage of one-repetition maximum"},
      {"tempo", S::exercise, A::exercise_tempo, T::boolean, D::count, C::condition, "the line prescribes a tempo"},
      {"eccentric", S::exercise, A::exercise_eccentric, T::number, D::time, C::condition,
       "lowering time from the tempo, in seconds"},
      {"rest", S::exercise, A::exercise_rest, T::number, D::time, C::condition, "rest between sets"},
      {"block", S::exercise, A::exercise_block, T::block, D::count, C::condition, "warmup, main or cooldown"},
      {"each_side", S::exercise, A::exercise_each_side, T::boolean, D::count, C::condition, "the dose is per side"},
      {"bodyweight", S::exercise, A::exercise_bodyweight, T::boolean, D::count, C::condition,
       "the line says bodyweight or BW"},
      {"week", S::exercise, A::exercise_week, T::number, D::count, C::condition, "the week of the session"},
      {"day", S::exercise, A::exercise_day, T::weekday, D::count, C::condition, "the weekday of the session"},
      {"kind", S::exercise, A::exercise_kind, T::vocab, D::count, C::session_kind, "the session's kind"},
      {"deload", S::exercise, A::exercise_deload, T::boolean, D::count, C::condition,
       "the exercise is in a week the plan marks as a deload"},
      {"gestational_week", S::exercise, A::exercise_gestational_week, T::number, D::count, C::condition,
       "week of pregnancy in the exercise's week, advancing with the plan"},
      {"rest_day", S::exercise, A::exercise_rest_day, T::boolean, D::count, C::condition,
       "the exercise is done on a day the plan marks rest"},
  };
  return table;
}

const AttrInfo& attribute_info(Attr attr) {
  const auto& table = attribute_table();
  return *std::find_if(table.begin(), table.end(), [&](const AttrInfo& info) { return info.attr == attr; });
}

bool compare(double lhs, CmpOp op, double rhs) {
  switch (op) {
    case CmpOp::eq: return lhs == rhs;
    case CmpOp::ne: return lhs != rhs;
    case CmpOp::lt: return lhs < rhs;
    case CmpOp::le: return lhs <= rhs;
    case CmpOp::gt: return lhs > rhs;
    case CmpOp::ge: return lhs >= rhs;
  }
  return false;
}

bool Bound::holds(double x) const { return is_range ? (x >= low && x <= high) : compare(x, op, value); }

std::string quantity_text(double value, Dim dim) {
  switch (dim) {
    case Dim::time: return fmt::format("{} min", std::round(value / 60 * 10) / 10);
    case Dim::mass: return fmt::format("{} kg", value);
    case Dim::percent: return fmt::format("{}%", value);
    case Dim::count: break;
  }
  return fmt::format("{}", value);
}

std::string Bound::describe(Dim dim) const {
  if (is_range) return fmt::format("{} to {}", quantity_text(low, dim), quantity_text(high, dim));
  const auto v = quantity_text(value, dim);
  switch (op) {
    case CmpOp::ge: return fmt::format("at least {}", v);
    case CmpOp::le: return fmt::format("at most {}", v);
    case CmpOp::gt: return fmt::format("more than {}", v);
    case CmpOp::lt: return fmt::format("fewer than {}", v);
    case CmpOp::eq: return fmt::format("exactly {}", v);
    case CmpOp::ne: return fmt::format("other than {}", v);
  }
  return {};
}

}  // namespace liftlint::model
