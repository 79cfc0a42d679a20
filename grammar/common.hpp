// Lexical rules shared by the rule language and the plan notation.
// Only PEGTL types live here; meaning is given by the converters in src/.
#pragma once

#include <tao/pegtl.hpp>

namespace liftlint::grammar {
namespace pegtl = tao::pegtl;
using namespace pegtl;

// Error messages for every point of no return, specialised next to the rule.
template <typename Rule>
inline constexpr const char* error_message = nullptr;

struct errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

// Messages are not required at compile time: if_must<> turns every following
// rule into a must<>, including ones that cannot fail (ws, opt<>, star<>).
template <typename Rule>
using control = must_if<errors, normal, false>::control<Rule>;

struct comment : seq<one<'#'>, star<not_one<'\n'>>> {};
struct blank : one<' ', '\t', '\r'> {};
struct sp : star<blank> {};
struct sp1 : plus<blank> {};
// Any white space, newlines and comments included.
struct ws : star<sor<blank, one<'\n'>, comment>> {};

struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct ident : seq<ident_first, star<ident_other>> {};
template <typename Word>
struct kw : seq<Word, not_at<ident_other>> {};

struct escaped_char : one<'"', '\\'> {};
struct expect_escaped_char : escaped_char {};
struct string_char : sor<seq<one<'\\'>, must<expect_escaped_char>>, not_one<'"', '\n', '\\'>> {};
template <>
inline constexpr const char* error_message<expect_escaped_char> = "expected '\"' or '\\' after a backslash in a string";
struct string_body : star<string_char> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, string_body, must<string_close>> {};
template <>
inline constexpr const char* error_message<string_close> =
    "expected '\"' to close the string before the end of the line";

struct expect_string_lit : string_lit {};
template <>
inline constexpr const char* error_message<expect_string_lit> = "expected a string in double quotes";

struct integer : plus<digit> {};
struct decimal : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};

// Units are matched case-insensitively; the longest spelling goes first.
struct unit_time
    : sor<istring<'s', 'e', 'c', 'o', 'n', 'd', 's'>, istring<'s', 'e', 'c', 'o', 'n', 'd'>,
          istring<'s', 'e', 'c', 's'>, istring<'s', 'e', 'c'>, istring<'m', 'i', 'n', 'u', 't', 'e', 's'>,
          istring<'m', 'i', 'n', 'u', 't', 'e'>, istring<'m', 'i', 'n', 's'>, istring<'m', 'i', 'n'>,
          istring<'h', 'o', 'u', 'r', 's'>, istring<'h', 'o', 'u', 'r'>, istring<'h', 'r', 's'>, istring<'h', 'r'>,
          istring<'d', 'a', 'y', 's'>, istring<'d', 'a', 'y'>, istring<'h'>, istring<'s'>> {};
struct unit_mass : sor<istring<'k', 'g', 's'>, istring<'k', 'g'>, istring<'l', 'b', 's'>, istring<'l', 'b'>> {};
struct unit_percent : one<'%'> {};
struct unit_name : sor<unit_mass, unit_time, unit_percent> {};
struct unit : seq<unit_name, not_at<ident_other>> {};

struct date : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>> {};

struct comma : seq<sp, one<','>, ws> {};
struct ident_list : list<ident, comma> {};
struct string_list : list<string_lit, comma> {};

struct yes_no : sor<kw<string<'y', 'e', 's'>>, kw<string<'n', 'o'>>> {};
struct level : sor<kw<string<'n', 'o', 'n', 'e'>>, kw<string<'l', 'o', 'w'>>,
                   kw<string<'m', 'o', 'd', 'e', 'r', 'a', 't', 'e'>>, kw<string<'h', 'i', 'g', 'h'>>> {};

// --- exercise declarations, shared by rule packs and plans ---------------
struct ex_aka_key : kw<string<'a', 'k', 'a'>> {};
struct ex_muscles_key : kw<string<'m', 'u', 's', 'c', 'l', 'e', 's'>> {};
struct ex_pattern_key : kw<string<'p', 'a', 't', 't', 'e', 'r', 'n'>> {};
struct ex_posture_key : kw<string<'p', 'o', 's', 't', 'u', 'r', 'e'>> {};
struct ex_equipment_key : kw<string<'e', 'q', 'u', 'i', 'p', 'm', 'e', 'n', 't'>> {};
struct ex_spinal_load_key : kw<string<'s', 'p', 'i', 'n', 'a', 'l', '_', 'l', 'o', 'a', 'd'>> {};
struct ex_impact_key : kw<string<'i', 'm', 'p', 'a', 'c', 't'>> {};
struct ex_supported_key : kw<string<'s', 'u', 'p', 'p', 'o', 'r', 't', 'e', 'd'>> {};
struct ex_loaded_key : kw<string<'l', 'o', 'a', 'd', 'e', 'd'>> {};
struct ex_tags_key : kw<string<'t', 'a', 'g', 's'>> {};

struct expect_string_list : string_list {};
struct expect_ident_list : ident_list {};
struct expect_ident : ident {};
struct expect_level : level {};
struct expect_yes_no : yes_no {};

struct ex_aka : if_must<ex_aka_key, sp, expect_string_list> {};
struct ex_muscles : if_must<ex_muscles_key, sp, expect_ident_list> {};
struct ex_pattern : if_must<ex_pattern_key, sp, expect_ident> {};
struct ex_posture : if_must<ex_posture_key, sp, expect_ident> {};
struct ex_equipment : if_must<ex_equipment_key, sp, expect_ident_list> {};
struct ex_spinal_load : if_must<ex_spinal_load_key, sp, expect_level> {};
struct ex_impact : if_must<ex_impact_key, sp, expect_level> {};
struct ex_supported : if_must<ex_supported_key, sp, expect_yes_no> {};
struct ex_loaded : if_must<ex_loaded_key, sp, expect_yes_no> {};
struct ex_tags : if_must<ex_tags_key, sp, expect_ident_list> {};
struct ex_field : sor<ex_aka, ex_muscles, ex_pattern, ex_posture, ex_equipment, ex_spinal_load, ex_impact, ex_supported,
                      ex_loaded, ex_tags> {};
struct expect_ex_field : ex_field {};
struct open_brace : one<'{'> {};
struct close_brace : one<'}'> {};
struct expect_open_brace : open_brace {};
struct expect_close_brace : close_brace {};
struct ex_name : string_lit {};
struct expect_ex_name : ex_name {};
struct ex_key : kw<string<'e', 'x', 'e', 'r', 'c', 'i', 's', 'e'>> {};
struct ex_body
    : seq<expect_open_brace, ws, star<not_at<close_brace>, must<expect_ex_field>, ws>, must<expect_close_brace>> {};
struct exercise_decl : if_must<ex_key, sp, expect_ex_name, ws, ex_body> {};

template <>
inline constexpr const char* error_message<expect_string_list> =
    "expected a quoted name, or a comma-separated list of them";
template <>
inline constexpr const char* error_message<expect_ident_list> = "expected a name, or a comma-separated list of names";
template <>
inline constexpr const char* error_message<expect_ident> = "expected a name";
template <>
inline constexpr const char* error_message<expect_level> = "expected one of: none, low, moderate, high";
template <>
inline constexpr const char* error_message<expect_yes_no> = "expected 'yes' or 'no'";
template <>
inline constexpr const char* error_message<expect_ex_field> =
    "expected an exercise field (aka, muscles, pattern, posture, equipment, spinal_load, impact, "
    "supported, loaded, tags) or '}'";
template <>
inline constexpr const char* error_message<expect_open_brace> = "expected '{'";
template <>
inline constexpr const char* error_message<expect_close_brace> = "expected '}'";
template <>
inline constexpr const char* error_message<expect_ex_name> = "expected the exercise name in double quotes";

}  // namespace liftlint::grammar
