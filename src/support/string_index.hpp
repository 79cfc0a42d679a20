// Strings to numbers, for tables built once and looked up many times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liftlint {

// The keys are kept end to end in one buffer and found through an open-addressed table, so building an index
// of a few thousand names allocates a few times instead of twice a name, and a copy of the index is whole.
class StringIndex {
 public:
  // Adds the key with its value; when the key is there already, keeps the first value and returns false.
  bool insert(std::string_view key, std::uint32_t value);
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const;
  [[nodiscard]] bool contains(std::string_view key) const { return find(key).has_value(); }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // Every key, in the order it was added.
  [[nodiscard]] std::vector<std::string> keys() const;

  // The index as data, for a snapshot: each key is `length` bytes of the key text from `offset`, and the
  // slots of the table hold indices into the entries, or `empty_slot`.
  struct Entry {
    std::uint32_t offset;
    std::uint32_t length;
    std::uint32_t value;
  };
  static constexpr std::uint32_t empty_slot = ~std::uint32_t{0};
  [[nodiscard]] const std::string& key_text() const { return text_; }
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
  [[nodiscard]] const std::vector<std::uint32_t>& slots() const { return slots_; }
  // The index that key_text(), entries() and slots() describe, with no key hashed again; nullopt when an entry
  // lies outside the text, a slot outside the entries, or the table is not a power of two at most half full.
  [[nodiscard]] static std::optional<StringIndex> restore(std::string text, std::vector<Entry> entries,
                                                          std::vector<std::uint32_t> slots);

 private:
  [[nodiscard]] std::string_view key_of(const Entry& e) const { return {text_.data() + e.offset, e.length}; }
  // The slot holding `key`, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(std::string_view key, std::uint64_t hash) const;
  void grow(std::size_t capacity);

  std::string text_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // indices into entries_, or `empty_slot`; a power of two, at most half full
};

}  // namespace liftlint
