// Lexical grammar of plan files: the notation trainers type.
//
// A plan is read one statement at a time (a line, or the text between `;`, `{` and `}`).
// This grammar cuts a statement into tokens; src/plan/ gives them meaning, because in
// trainers' notation the meaning of `30s` or `3010` depends on what stands around it.
// Only PEGTL types live here.
#pragma once

#include "common.hpp"

namespace liftlint::grammar::plan {
using namespace liftlint::grammar;

struct en_dash : string<'\xE2', '\x80', '\x93'> {};
struct em_dash : string<'\xE2', '\x80', '\x94'> {};
struct minus_sign : string<'\xE2', '\x88', '\x92'> {};
struct times_sign : string<'\xC3', '\x97'> {};
struct right_quote : string<'\xE2', '\x80', '\x99'> {};
struct double_prime : sor<string<'\xE2', '\x80', '\xB3'>, string<'\xE2', '\x80', '\x9D'>> {};
struct no_break_space : string<'\xC2', '\xA0'> {};

struct gap : plus<sor<blank, no_break_space>> {};

// 2026-10-02
struct date_token : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<digit>> {};
// 1:30, 0:45: minutes and seconds
struct clock_token : seq<plus<digit>, one<':'>, rep<2, digit>, not_at<digit>> {};

struct mass_unit_ahead : seq<opt<gap>, sor<istring<'k', 'g'>, istring<'l', 'b'>, istring<'k', 'm'>>> {};
// 17,5 kg: a comma is a decimal point only right before a unit, so `10,8,6` stays a list.
struct decimal_comma : seq<one<','>, digit, opt<digit>, at<mass_unit_ahead>> {};
struct number_token : seq<plus<digit>, opt<sor<seq<one<'.'>, plus<digit>>, decimal_comma>>> {};
// A mark written right after a number: 30" (seconds), 2' (minutes), 70%, 45#.
// `45''`: two minute marks typed for a seconds mark.
struct two_primes : seq<one<'\''>, one<'\''>> {};
struct number_mark : sor<two_primes, one<'"', '\'', '%', '#'>, right_quote, double_prime> {};

// The four-character tempo of coaching notation with an explosive phase: 31X1, 30X0, 303X.
struct tempo_x : one<'X'> {};
struct tempo_code : seq<digit, digit, sor<seq<tempo_x, digit>, seq<digit, tempo_x>>, not_at<ident_other>> {};

// `x` is a times sign where it cannot be part of a word: 3x12, x10, 3 x 10, 3xAMRAP.
struct times_x
    : seq<one<'x', 'X'>,
          sor<at<digit>, not_at<ident_other>, at<istring<'a', 'm', 'r', 'a', 'p'>>, at<istring<'m', 'a', 'x'>>>> {};
struct times_token : sor<times_sign, one<'*'>, times_x> {};
// `*optional*`, `**Goblet squat**`: emphasis from a notes app around words, not a times sign. The stars are
// read as nothing; the words inside stay.
// At most three stars (bold italic), so that a long run of stars is not read again from each of them.
struct emphasis_open : seq<rep_min_max<1, 3, one<'*'>>, at<ranges<'a', 'z', 'A', 'Z'>>> {};
struct emphasis_close : seq<plus<one<'*'>>, not_at<digit>> {};
// `**Status:** Active`: two stars or more are never a times sign, wherever they stand.
struct emphasis_run : seq<one<'*'>, plus<one<'*'>>> {};

struct letter : ranges<'a', 'z', 'A', 'Z'> {};
struct word_joint : sor<one<'-', '/', '\'', '.'>, right_quote> {};
// `Pliés`, `relevé`, `Übung`: a Latin letter with an accent inside a word, but not × or ÷.
struct latin_letter : seq<one<'\xC3'>, sor<range<'\x80', '\x96'>, range<'\x98', '\xB6'>, range<'\xB8', '\xBF'>>> {};
struct word_letter : sor<letter, latin_letter> {};
struct word_token
    : seq<letter,
          star<sor<word_letter, one<'_'>, seq<word_joint, at<word_letter>>, seq<plus<digit>, at<word_letter>>>>> {};

struct string_token : seq<one<'"'>, string_body, must<string_close>> {};
struct dash_token : sor<one<'-'>, en_dash, em_dash, minus_sign> {};
struct punct_token : one<'@', '(', ')', '[', ']', '+', '&', ':', '/', ',', '|', '.', '~', '=', '<', '>', '!', '?', '{',
                         '}', ';', '\\', '$', '^', '_', '`', '\''> {};
// Anything else: emoji, bullets, letters outside ASCII. One UTF-8 character per token.
struct other_token : sor<seq<range<'\xC0', '\xFF'>, star<range<'\x80', '\xBF'>>>, any> {};

struct token : sor<date_token, clock_token, tempo_code, number_token, emphasis_open, emphasis_run, times_token,
                   seq<word_token, opt<emphasis_close>>, string_token, dash_token, punct_token, other_token> {};
struct statement : seq<star<sor<gap, seq<token, opt<number_mark>>>>, eof> {};

}  // namespace liftlint::grammar::plan
