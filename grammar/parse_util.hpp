// Helpers for the parser translation units, the only places that see PEGTL.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/common.hpp"
#include "support/diagnostic.hpp"
#include "support/limits.hpp"
#include "support/source.hpp"

namespace liftlint::parse_util {

namespace pegtl = tao::pegtl;
using Node = pegtl::parse_tree::node;

// Nested input deeper than this is rejected rather than risking the stack.
inline constexpr std::size_t max_nesting = 200;

template <typename Rule>
struct depth_limit : pegtl::limit_depth<max_nesting> {};

// Builds the tree PEGTL's parse_tree would build, but allocates a node only for a rule
// that succeeds: a failed attempt, of which a grammar with look-ahead makes many, costs
// no more than shrinking a vector.
struct Recorder {
  struct Event {
    std::string_view type;
    pegtl::internal::iterator begin;
    pegtl::internal::iterator end;
    std::size_t first_child;  // events before this one from here on are its descendants
    bool fold;                // replace the node by its only child, if it has just one
  };
  std::vector<Event> events;
  std::vector<std::pair<std::size_t, pegtl::internal::iterator>> open;

  [[nodiscard]] std::unique_ptr<Node> tree() const {
    std::vector<std::pair<std::size_t, std::unique_ptr<Node>>> built;  // event index, node
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& e = events[i];
      auto node = std::make_unique<Node>();
      node->type = e.type;
      node->m_begin = e.begin;
      node->m_end = e.end;
      auto first = built.end();
      while (first != built.begin() && std::prev(first)->first >= e.first_child) --first;
      for (auto it = first; it != built.end(); ++it) node->children.push_back(std::move(it->second));
      built.erase(first, built.end());
      if (e.fold && node->children.size() == 1) node = std::move(node->children.front());
      built.emplace_back(i, std::move(node));
    }
    auto root = std::make_unique<Node>();
    for (auto& [index, node] : built) root->children.push_back(std::move(node));
    return root;
  }
};

template <template <typename...> class Selector>
struct recording {
  template <typename Rule>
  struct control : grammar::control<Rule> {
    using base = grammar::control<Rule>;
    static constexpr bool stored = !std::is_same_v<Selector<Rule>, std::false_type>;

    template <typename ParseInput>
    static void start(const ParseInput& in, Recorder& r) {
      if constexpr (stored) r.open.emplace_back(r.events.size(), in.iterator());
    }
    template <typename ParseInput>
    static void success(const ParseInput& in, Recorder& r) {
      if constexpr (stored) {
        const auto [first, begin] = r.open.back();
        r.open.pop_back();
        r.events.push_back(Recorder::Event{pegtl::demangle<Rule>(), begin, in.iterator(), first,
                                           std::is_same_v<Selector<Rule>, pegtl::parse_tree::fold_one>});
      }
    }
    template <typename ParseInput>
    static void failure(const ParseInput& in, Recorder& r) {
      if constexpr (stored) {
        r.events.resize(r.open.back().first);
        r.open.pop_back();
      }
      base::failure(in, r);
    }
  };
};

inline Span span_of(const Node& node, const SourceFile& file) {
  const auto begin = node.begin();
  const auto length = static_cast<std::uint32_t>(node.m_end.data - node.m_begin.data);
  return Span{&file, static_cast<std::uint32_t>(begin.line), static_cast<std::uint32_t>(begin.column), length,
              static_cast<std::uint32_t>(begin.byte)};
}

inline std::string_view first_token(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {};
  std::size_t end = offset;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r') {
    ++end;
  }
  if (end == offset) ++end;
  end = std::min(end, offset + 40);
  // Never cut a character in two: the excerpt goes into messages and JSON.
  while (end > offset + 1 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(offset, end - offset);
}

// Control bytes, and characters that print as nothing, are shown by their code.
inline std::string visible(std::string_view token) {
  static constexpr std::pair<std::string_view, std::string_view> invisible[] = {
      {"\xEF\xBB\xBF", "U+FEFF"}, {"\xC2\xA0", "U+00A0"}, {"\xE2\x80\x8B", "U+200B"}};
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    bool replaced = false;
    for (const auto& [bytes, name] : invisible) {
      if (token.substr(i, bytes.size()) == bytes) {
        out += fmt::format("<{}>", name);
        i += bytes.size() - 1;
        replaced = true;
        break;
      }
    }
    const auto c = static_cast<unsigned char>(token[i]);
    if (!replaced) out += c < 0x20 || c == 0x7F ? fmt::format("<0x{:02x}>", c) : std::string(1, token[i]);
  }
  return out;
}

inline std::string describe_found(std::string_view token) {
  if (token.empty()) return "found end of file";
  if (token == "\n" || token == "\r") return "found end of line";
  return fmt::format("found '{}'", visible(token));
}

// Parses the bytes [begin, end) of the file, which start at the given line and column.
template <typename Grammar, template <typename...> class Selector, template <typename...> class Action = depth_limit>
std::unique_ptr<Node> parse_range(const SourceFile& file, std::size_t begin, std::size_t end, std::size_t line,
                                  std::size_t column, Diagnostics& diagnostics) {
  // Spans carry the file; an empty source name saves an allocation per tree node.
  pegtl::memory_input<> in(file.text.data() + begin, file.text.data() + end, "", begin, line, column);
  try {
    Recorder recorder;
    recorder.events.reserve((end - begin) / 8);
    recorder.open.reserve(64);
    if (!pegtl::parse<Grammar, Action, recording<Selector>::template control>(in, recorder)) return nullptr;
    return recorder.tree();
  } catch (const pegtl::parse_error& e) {
    const auto& pos = e.positions().front();
    const auto token = first_token(std::string_view(file.text).substr(0, end), pos.byte);
    Span span{&file, static_cast<std::uint32_t>(pos.line), static_cast<std::uint32_t>(pos.column),
              static_cast<std::uint32_t>(std::max<std::size_t>(1, token.size())), static_cast<std::uint32_t>(pos.byte)};
    std::string message(e.message());
    if (message.rfind("parse error matching", 0) == 0) {
      message = fmt::format("unexpected input, {}", describe_found(token));
    } else if (message == "maximum parser rule nesting depth exceeded") {
      message = fmt::format("nesting is deeper than the limit of {} levels", max_nesting);
    } else {
      message = fmt::format("{}, {}", message, describe_found(token));
    }
    diagnostics.error(span, std::move(message));
    return nullptr;
  }
}

// `Action` is depth_limit for grammars that nest (rule expressions); a grammar without
// recursion passes pegtl::nothing and saves the bookkeeping on every rule.
template <typename Grammar, template <typename...> class Selector, template <typename...> class Action = depth_limit>
std::unique_ptr<Node> parse(const SourceFile& file, Diagnostics& diagnostics) {
  if (auto problem = limits::check_bytes(file)) {
    diagnostics.add(std::move(*problem));
    return nullptr;
  }
  return parse_range<Grammar, Selector, Action>(file, 0, file.text.size(), 1, 1, diagnostics);
}

inline std::string unquote(std::string_view quoted) {
  std::string out;
  if (quoted.size() < 2) return out;
  quoted = quoted.substr(1, quoted.size() - 2);
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 1 < quoted.size()) ++i;
    out.push_back(quoted[i]);
  }
  return out;
}

// Parses a decimal literal; nullopt when it does not fit a double sensibly.
inline std::optional<double> to_number(std::string_view text);

// Numbers people write are short; a longer one is an error rather than a silent wrap.
inline double checked_number(const Node& node, const SourceFile& file, Diagnostics& diagnostics) {
  if (auto value = to_number(node.string_view())) return *value;
  diagnostics.error(span_of(node, file), fmt::format("the number '{}' is too long; at most 15 digits are read",
                                                     node.string_view().substr(0, 40)));
  return 0;
}

// Digits with at most one decimal point, as the grammars write numbers. At most 15 digits make an
// integer a double holds exactly, and one division by an exact power of ten rounds correctly, so the
// result is the double nearest the decimal, as std::from_chars gives (which not every C++ library has
// for floating point).
inline std::optional<double> to_number(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return std::nullopt;
  double digits = 0;
  double scale = 1;
  std::size_t count = 0;
  bool point = false;
  for (const char c : text) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (++count > 15) return std::nullopt;
      digits = digits * 10 + (c - '0');
      if (point) scale *= 10;
    } else {
      return std::nullopt;
    }
  }
  return digits / scale;
}

}  // namespace liftlint::parse_util
