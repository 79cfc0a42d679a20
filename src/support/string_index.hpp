// Strings to numbers, for tables built once and looked up many times.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liftlint {

// How far bytes handed to a decoder are believed: `checked` bytes may be damaged and are read with every bound
// and table checked; `built_in` bytes were checked when the program was built, and are read without it.
enum class Integrity { checked, built_in };

// The keys are kept end to end in one buffer and found through an open-addressed table, so building an index
// of a few thousand names allocates a few times instead of twice a name, and a copy of the index is whole.
// An index restored from a snapshot built into the program reads the snapshot's tables where they lie, and
// copies them only when a key is added.
class StringIndex {
 public:
  // Adds the key with its value; when the key is there already, keeps the first value and returns false.
  bool insert(std::string_view key, std::uint32_t value);
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key) const;
  // Room for `keys` more keys of `text_bytes` bytes in all, so that adding them allocates nothing.
  void reserve(std::size_t keys, std::size_t text_bytes);
  [[nodiscard]] bool contains(std::string_view key) const { return find(key).has_value(); }
  [[nodiscard]] std::size_t size() const { return tables().entry_count; }
  // Every key, in the order it was added.
  [[nodiscard]] std::vector<std::string> keys() const;
  // FNV-1a: names are a few words long, where it is faster than a hash built for long keys.
  [[nodiscard]] static std::uint64_t hash(std::string_view key) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h ^ (h >> 32);
  }

  // The index as data, for a snapshot: each key is `length` bytes of the key text from `offset`, and the
  // slots of the table hold indices into the entries, or `empty_slot`.
  struct Entry {
    std::uint32_t offset;
    std::uint32_t length;
    std::uint32_t value;
  };
  static constexpr std::uint32_t empty_slot = ~std::uint32_t{0};
  // The tables as bytes in the machine's order, read through memcpy: a snapshot need not align them.
  struct Tables {
    std::string_view text;
    const char* entries = nullptr;
    std::size_t entry_count = 0;
    const char* slots = nullptr;
    std::size_t slot_count = 0;

    [[nodiscard]] Entry entry(std::size_t i) const { return load<Entry>(entries, i); }
    [[nodiscard]] std::uint32_t slot(std::size_t i) const { return load<std::uint32_t>(slots, i); }
    [[nodiscard]] std::string_view key(const Entry& e) const { return {text.data() + e.offset, e.length}; }

   private:
    template <typename T>
    static T load(const char* from, std::size_t i) {
      T out;
      std::memcpy(&out, from + i * sizeof(T), sizeof(T));
      return out;
    }
  };
  [[nodiscard]] Tables tables() const;
  // The index the tables describe, with no key hashed again; nullopt when an entry lies outside the text, a
  // slot outside the entries, or the table is not a power of two at most half full; `built_in` tables are
  // taken as they are. A `viewed` index reads the tables where they are, and they must outlive it and its
  // copies; otherwise it copies them.
  enum class Storage { copied, viewed };
  [[nodiscard]] static std::optional<StringIndex> restore(const Tables& tables, Storage storage,
                                                          Integrity integrity = Integrity::checked);

 private:
  // The slot holding `key`, or the empty slot where it would go.
  [[nodiscard]] static std::size_t slot_of(const Tables& t, std::string_view key, std::uint64_t hashed);
  void grow(std::size_t capacity);
  void own();

  std::string text_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // indices into entries_, or `empty_slot`; a power of two, at most half full
  std::optional<Tables> viewed_;      // set while the index reads tables it does not own
};

}  // namespace liftlint
