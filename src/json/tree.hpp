// JSON documents as trees whose every key and value keeps its place in the file, so that
// errors about a plan's shape can point at the offending value. Parsing is nlohmann's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.hpp"
#include "support/source.hpp"

namespace liftlint::json {

struct Member;

struct Node {
  enum class Kind { null, boolean, integer, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;  // integers too, so callers can range-check one field
  std::string text;   // string value
  std::vector<Node> items;
  std::vector<Member> members;  // in file order
  Span span;                    // the whole value; for arrays and objects, brackets included

  [[nodiscard]] const Node* find(std::string_view key) const;
  [[nodiscard]] const Member* member(std::string_view key) const;
};

struct Member {
  std::string key;
  Span key_span;
  Node value;
};

// "a string", "a whole number", "an object", ... for messages.
[[nodiscard]] const char* kind_name(Node::Kind kind);

// Documents nested deeper than this are rejected rather than risking deep recursion later.
inline constexpr std::size_t max_depth = 64;

// Parses text[begin, end) of the file as one JSON document. Syntax errors, duplicate keys and
// excessive nesting become positioned diagnostics.
// first_line is the line number at begin, so that one line of a large JSON Lines input is
// parsed without counting the lines before it.
[[nodiscard]] std::optional<Node> parse(const SourceFile& file, std::size_t begin, std::size_t end,
                                        std::uint32_t first_line, Diagnostics& diagnostics);
[[nodiscard]] inline std::optional<Node> parse(const SourceFile& file, Diagnostics& diagnostics) {
  return parse(file, 0, file.text.size(), 1, diagnostics);
}

}  // namespace liftlint::json
