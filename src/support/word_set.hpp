// A fixed set of keywords, tested against words of plans many times a line.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace liftlint {

// Most words tested are not in the set; their first byte and length turn them away before any hashing. The
// rest are looked up in an open-addressed table at most half full, so a look-up is one hash of a short word
// and, most often, one comparison.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(const std::vector<std::string_view>& words) {
    for (const auto w : words) {
      if (std::find(words_.begin(), words_.end(), w) == words_.end()) words_.push_back(w);
    }
    std::size_t capacity = 8;
    while (capacity < 2 * words_.size()) capacity *= 2;
    slots_.assign(capacity, absent);
    for (std::uint32_t i = 0; i < words_.size(); ++i) {
      const auto w = words_[i];
      if (!w.empty()) first_[static_cast<unsigned char>(w.front())] = true;
      lengths_ |= length_bit(w.size());
      slots_[free_slot(w)] = i;
    }
  }

  [[nodiscard]] std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
  [[nodiscard]] bool contains(std::string_view word) const {
    if (!word.empty() && !first_[static_cast<unsigned char>(word.front())]) return false;
    if ((lengths_ & length_bit(word.size())) == 0) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash(word) & mask;; at = (at + 1) & mask) {
      if (slots_[at] == absent) return false;
      if (words_[slots_[at]] == word) return true;
    }
  }
  // The words in the order they were given, each once.
  [[nodiscard]] auto begin() const { return words_.begin(); }
  [[nodiscard]] auto end() const { return words_.end(); }

 private:
  static constexpr std::uint32_t absent = ~std::uint32_t{0};

  // Lengths of 63 bytes and more share the top bit.
  static std::uint64_t length_bit(std::size_t size) { return std::uint64_t{1} << (size < 63 ? size : 63); }

  // FNV-1a: keywords are a few bytes long, where it is faster than a hash built for long keys.
  static std::size_t hash(std::string_view word) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  [[nodiscard]] std::size_t free_slot(std::string_view word) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash(word) & mask;
    while (slots_[at] != absent) at = (at + 1) & mask;
    return at;
  }

  std::vector<std::string_view> words_;
  std::vector<std::uint32_t> slots_;  // indices into words_, or `absent`
  std::array<bool, 256> first_{};
  std::uint64_t lengths_ = 0;
};

}  // namespace liftlint
