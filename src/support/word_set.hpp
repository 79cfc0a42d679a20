// A fixed set of keywords, tested against words of plans many times a line.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "support/string_index.hpp"

namespace liftlint {

// Most words tested are not in the set; their first byte and length turn them away before any hashing. The
// words are viewed, not copied (sets are built from literals, or from text that outlives them), and a table of
// positions finds them, so that building one of the hundreds of sets a short run needs costs two allocations.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : words_(words) { index(); }
  explicit WordSet(const std::vector<std::string_view>& words) : words_(words) { index(); }

  [[nodiscard]] std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
  [[nodiscard]] bool contains(std::string_view word) const {
    if (!word.empty() && !first_[static_cast<unsigned char>(word.front())]) return false;
    if ((lengths_ & length_bit(word.size())) == 0) return false;
    return slots_[slot_of(word)] != empty;
  }
  // The words in the order they were given, each once.
  [[nodiscard]] auto begin() const { return words_.begin(); }
  [[nodiscard]] auto end() const { return words_.end(); }

 private:
  static constexpr std::uint32_t empty = ~std::uint32_t{0};
  // Lengths of 63 bytes and more share the top bit.
  static std::uint64_t length_bit(std::size_t size) { return std::uint64_t{1} << (size < 63 ? size : 63); }
  // The slot holding `word`, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(std::string_view word) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = StringIndex::hash(word) & mask;
    while (slots_[at] != empty && words_[slots_[at]] != word) at = (at + 1) & mask;
    return at;
  }
  void index() {
    std::size_t capacity = 16;
    while (capacity < 2 * words_.size()) capacity *= 2;
    slots_.assign(capacity, empty);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      const auto w = words_[i];
      const auto at = slot_of(w);
      if (slots_[at] != empty) continue;  // said twice: the first stays
      words_[kept] = w;
      slots_[at] = static_cast<std::uint32_t>(kept++);
      if (!w.empty()) first_[static_cast<unsigned char>(w.front())] = true;
      lengths_ |= length_bit(w.size());
    }
    words_.resize(kept);
  }

  std::vector<std::string_view> words_;
  std::vector<std::uint32_t> slots_;  // positions in words_, or `empty`; a power of two, at most half full
  std::array<bool, 256> first_{};
  std::uint64_t lengths_ = 0;
};

}  // namespace liftlint
