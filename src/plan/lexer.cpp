#include "plan/lexer.hpp"

#include <fmt/format.h>

#include <tao/pegtl.hpp>

#include "grammar/parse_util.hpp"
#include "grammar/plan.hpp"

namespace liftlint::plan {
namespace {

namespace gp = grammar::plan;
namespace pegtl = tao::pegtl;
using K = Token::Kind;

struct LexState {
  std::vector<Token>& out;
  const char* base;  // the file's first byte
  const std::string& lowered;
  std::uint32_t begin;  // offset of the statement, where `lowered` starts
  std::uint32_t line;   // a statement never holds a line break, so each token's place follows from its offset
  std::uint32_t column;
  bool after_gap = true;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <K kind>
struct push_token {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LexState& s) {
    Token t;
    t.kind = kind;
    t.text = std::string_view(in.begin(), in.size());
    t.offset = static_cast<std::uint32_t>(in.begin() - s.base);
    t.line = s.line;
    t.column = s.column + (t.offset - s.begin);
    t.attached = !s.after_gap && !s.out.empty();
    s.after_gap = false;
    if constexpr (kind == K::number) {
      std::string digits(t.text);
      for (auto& c : digits) c = c == ',' ? '.' : c;
      t.value = parse_util::to_number(digits).value_or(-1);
    } else if constexpr (kind == K::word) {
      t.lowered = std::string_view(s.lowered).substr(t.offset - s.begin, t.text.size());
    } else if constexpr (kind == K::clock) {
      const auto colon = t.text.find(':');
      const auto minutes = parse_util::to_number(t.text.substr(0, colon)).value_or(-1);
      const auto seconds = parse_util::to_number(t.text.substr(colon + 1)).value_or(0);
      t.value = minutes < 0 ? -1 : minutes * 60 + seconds;
    }
    s.out.push_back(t);
  }
};

template <>
struct action<gp::gap> {
  template <typename ActionInput>
  static void apply(const ActionInput&, LexState& s) {
    s.after_gap = true;
  }
};
template <>
struct action<gp::date_token> : push_token<K::date> {};
template <>
struct action<gp::clock_token> : push_token<K::clock> {};
template <>
struct action<gp::tempo_code> : push_token<K::tempo> {};
template <>
struct action<gp::number_token> : push_token<K::number> {};
template <>
struct action<gp::times_token> : push_token<K::times> {};
template <>
struct action<gp::word_token> : push_token<K::word> {};
template <>
struct action<gp::string_token> : push_token<K::string> {};
template <>
struct action<gp::dash_token> : push_token<K::dash> {};
template <>
struct action<gp::punct_token> : push_token<K::punct> {};
template <>
struct action<gp::other_token> : push_token<K::other> {};

// A mark belongs to the number before it; after anything else it is punctuation.
template <>
struct action<gp::number_mark> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, LexState& s) {
    auto& last = s.out.back();
    if (last.kind == K::number && last.mark == 0) {
      const char c = in.begin()[0];
      const bool two_primes = c == '\'' && in.size() == 2;
      last.mark = two_primes || c == '"' || static_cast<unsigned char>(c) == 0xE2
                      ? (in.size() == 3 && in.begin()[2] == '\x99' ? '\'' : '"')
                      : c;
      last.text = std::string_view(last.text.data(), last.text.size() + in.size());
      return;
    }
    push_token<K::punct>::apply(in, s);
    if (in.size() == 2 && in.begin()[0] == '\'') {  // two quotes after a word stay two punctuation marks
      auto& first = s.out.back();
      first.text = first.text.substr(0, 1);
      auto second = first;
      second.text = std::string_view(first.text.data() + 1, 1);
      second.offset = first.offset + 1;
      second.column = first.column + 1;
      second.attached = true;
      s.out.push_back(second);
    }
  }
};

}  // namespace

Span Token::span(const SourceFile& file) const {
  return Span{&file, line, column, static_cast<std::uint32_t>(text.size()), offset};
}

Span span_between(const SourceFile& file, const Token& first, const Token& last) {
  Span s = first.span(file);
  if (last.end() > first.offset) s.length = last.end() - first.offset;
  return s;
}

bool lex_statement(const SourceFile& file, std::uint32_t begin, std::uint32_t end, std::uint32_t line,
                   std::uint32_t column, Tokens& tokens, Diagnostics& diagnostics) {
  const char* base = file.text.data();
  auto& out = tokens.list;
  out.clear();
  tokens.lowered.assign(base + begin, base + end);
  for (auto& c : tokens.lowered) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  // Lazy tracking: tokens take their places from their offsets, and only an error asks the input for one.
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(base + begin, base + end, "", begin, line, column);
  LexState state{out, base, tokens.lowered, begin, line, column};
  try {
    if (!pegtl::parse<gp::statement, action, grammar::control>(in, state)) return false;
    for (const auto& t : out) {
      const auto first = static_cast<unsigned char>(t.text.front());
      if (t.kind == K::other && (first < 0x20 || first == 0x7F)) {
        diagnostics.error(t.span(file), fmt::format("unexpected control character {} in a plan; remove it",
                                                    parse_util::visible(t.text)));
        return false;
      }
      if (t.kind == K::number && t.value < 0) {
        diagnostics.error(t.span(file),
                          fmt::format("the number '{}' is too long; at most 15 digits are read", t.text.substr(0, 40)));
        return false;
      }
    }
    return true;
  } catch (const pegtl::parse_error& e) {
    const auto& pos = e.positions().front();
    diagnostics.error(Span{&file, static_cast<std::uint32_t>(pos.line), static_cast<std::uint32_t>(pos.column), 1,
                           static_cast<std::uint32_t>(pos.byte)},
                      std::string(e.message()));
    return false;
  }
}

}  // namespace liftlint::plan
