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

// Most words tested are not in the set; their first byte and length turn them away before any hashing.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(const std::vector<std::string_view>& words) {
    std::size_t bytes = 0;
    for (const auto w : words) bytes += w.size();
    index_.reserve(words.size(), bytes);
    words_.reserve(words.size());
    for (const auto w : words) {
      if (!index_.insert(w, static_cast<std::uint32_t>(words_.size()))) continue;
      words_.push_back(w);
      if (!w.empty()) first_[static_cast<unsigned char>(w.front())] = true;
      lengths_ |= length_bit(w.size());
    }
  }

  [[nodiscard]] std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
  [[nodiscard]] bool contains(std::string_view word) const {
    if (!word.empty() && !first_[static_cast<unsigned char>(word.front())]) return false;
    if ((lengths_ & length_bit(word.size())) == 0) return false;
    return index_.contains(word);
  }
  // The words in the order they were given, each once.
  [[nodiscard]] auto begin() const { return words_.begin(); }
  [[nodiscard]] auto end() const { return words_.end(); }

 private:
  // Lengths of 63 bytes and more share the top bit.
  static std::uint64_t length_bit(std::size_t size) { return std::uint64_t{1} << (size < 63 ? size : 63); }

  StringIndex index_;
  std::vector<std::string_view> words_;
  std::array<bool, 256> first_{};
  std::uint64_t lengths_ = 0;
};

}  // namespace liftlint
