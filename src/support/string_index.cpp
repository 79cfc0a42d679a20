#include "support/string_index.hpp"

#include <algorithm>

namespace liftlint {
namespace {

// FNV-1a: names are a few words long, where it is faster than a hash built for long keys.
std::uint64_t hash_of(std::string_view key) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h ^ (h >> 32);
}

}  // namespace

std::size_t StringIndex::slot_of(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = static_cast<std::size_t>(hash) & mask;
  while (slots_[at] != empty_slot && key_of(entries_[slots_[at]]) != key) at = (at + 1) & mask;
  return at;
}

void StringIndex::grow(std::size_t capacity) {
  slots_.assign(capacity, empty_slot);
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    const auto key = key_of(entries_[i]);
    slots_[slot_of(key, hash_of(key))] = i;
  }
}

bool StringIndex::insert(std::string_view key, std::uint32_t value) {
  if (2 * (entries_.size() + 1) > slots_.size()) grow(slots_.empty() ? 16 : 2 * slots_.size());
  const auto at = slot_of(key, hash_of(key));
  if (slots_[at] != empty_slot) return false;
  slots_[at] = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(Entry{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(key.size()), value});
  text_.append(key);
  return true;
}

std::optional<std::uint32_t> StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return std::nullopt;
  const auto at = slot_of(key, hash_of(key));
  if (slots_[at] == empty_slot) return std::nullopt;
  return entries_[slots_[at]].value;
}

std::optional<StringIndex> StringIndex::restore(std::string text, std::vector<Entry> entries,
                                                std::vector<std::uint32_t> slots) {
  const auto outside_text = [&](const Entry& e) { return e.offset > text.size() || e.length > text.size() - e.offset; };
  const auto outside_entries = [&](std::uint32_t slot) { return slot != empty_slot && slot >= entries.size(); };
  // half full at most, so that a search always ends at an empty slot
  const bool table_ok =
      (slots.empty() && entries.empty()) ||
      (slots.size() >= 16 && (slots.size() & (slots.size() - 1)) == 0 && slots.size() >= 2 * entries.size());
  if (!table_ok || std::any_of(entries.begin(), entries.end(), outside_text) ||
      std::any_of(slots.begin(), slots.end(), outside_entries)) {
    return std::nullopt;
  }
  StringIndex out;
  out.text_ = std::move(text);
  out.entries_ = std::move(entries);
  out.slots_ = std::move(slots);
  return out;
}

std::vector<std::string> StringIndex::keys() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& e : entries_) out.emplace_back(key_of(e));
  return out;
}

}  // namespace liftlint
