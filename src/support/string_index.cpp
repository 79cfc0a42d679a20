#include "support/string_index.hpp"

namespace liftlint {
namespace {

// Half full at most, so that a search always ends at an empty slot; every entry within the text, and every
// slot empty or an entry.
bool well_formed(const StringIndex::Tables& t) {
  const bool table_ok =
      (t.slot_count == 0 && t.entry_count == 0) ||
      (t.slot_count >= 16 && (t.slot_count & (t.slot_count - 1)) == 0 && t.slot_count >= 2 * t.entry_count);
  if (!table_ok) return false;
  for (std::size_t i = 0; i < t.entry_count; ++i) {
    const auto e = t.entry(i);
    if (e.offset > t.text.size() || e.length > t.text.size() - e.offset) return false;
  }
  for (std::size_t i = 0; i < t.slot_count; ++i) {
    const auto slot = t.slot(i);
    if (slot != StringIndex::empty_slot && slot >= t.entry_count) return false;
  }
  return true;
}

}  // namespace

StringIndex::Tables StringIndex::tables() const {
  if (viewed_) return *viewed_;
  return Tables{text_, reinterpret_cast<const char*>(entries_.data()), entries_.size(),
                reinterpret_cast<const char*>(slots_.data()), slots_.size()};
}

std::size_t StringIndex::slot_of(const Tables& t, std::string_view key, std::uint64_t hashed) {
  const std::size_t mask = t.slot_count - 1;
  std::size_t at = static_cast<std::size_t>(hashed) & mask;
  for (auto slot = t.slot(at); slot != empty_slot && t.key(t.entry(slot)) != key; slot = t.slot(at)) {
    at = (at + 1) & mask;
  }
  return at;
}

void StringIndex::own() {
  if (!viewed_) return;
  const Tables t = *viewed_;
  viewed_.reset();
  text_.assign(t.text);
  entries_.resize(t.entry_count);
  slots_.resize(t.slot_count);
  if (t.entry_count > 0) std::memcpy(entries_.data(), t.entries, t.entry_count * sizeof(Entry));
  if (t.slot_count > 0) std::memcpy(slots_.data(), t.slots, t.slot_count * sizeof(std::uint32_t));
}

void StringIndex::grow(std::size_t capacity) {
  slots_.assign(capacity, empty_slot);
  const auto t = tables();
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    const auto key = t.key(entries_[i]);
    slots_[slot_of(t, key, hash(key))] = i;
  }
}

void StringIndex::reserve(std::size_t keys, std::size_t text_bytes) {
  own();
  entries_.reserve(entries_.size() + keys);
  text_.reserve(text_.size() + text_bytes);
  std::size_t capacity = slots_.empty() ? 16 : slots_.size();
  while (capacity < 2 * (entries_.size() + keys)) capacity *= 2;
  if (capacity > slots_.size()) grow(capacity);
}

bool StringIndex::insert(std::string_view key, std::uint32_t value) {
  own();
  if (2 * (entries_.size() + 1) > slots_.size()) grow(slots_.empty() ? 16 : 2 * slots_.size());
  const auto at = slot_of(tables(), key, hash(key));
  if (slots_[at] != empty_slot) return false;
  slots_[at] = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back(Entry{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(key.size()), value});
  text_.append(key);
  return true;
}

std::optional<std::uint32_t> StringIndex::find(std::string_view key) const {
  const auto t = tables();
  if (t.slot_count == 0) return std::nullopt;
  const auto slot = t.slot(slot_of(t, key, hash(key)));
  if (slot == empty_slot) return std::nullopt;
  return t.entry(slot).value;
}

std::optional<StringIndex> StringIndex::restore(const Tables& tables, Storage storage, Integrity integrity) {
  if (integrity == Integrity::checked && !well_formed(tables)) return std::nullopt;
  StringIndex out;
  out.viewed_ = tables;
  if (storage == Storage::copied) out.own();
  return out;
}

std::vector<std::string> StringIndex::keys() const {
  const auto t = tables();
  std::vector<std::string> out;
  out.reserve(t.entry_count);
  for (std::size_t i = 0; i < t.entry_count; ++i) out.emplace_back(t.key(t.entry(i)));
  return out;
}

}  // namespace liftlint
