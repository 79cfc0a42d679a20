// Grammar of plan files: the notation trainers type.
// Only PEGTL types and error messages live here.
#pragma once

#include "common.hpp"

namespace liftlint::grammar::plan {
using namespace liftlint::grammar;

#define LL_IKW(name, ...) \
  struct name : seq<istring<__VA_ARGS__>, not_at<ident_other>> {}
LL_IKW(plan_key, 'p', 'l', 'a', 'n');
LL_IKW(client_key, 'c', 'l', 'i', 'e', 'n', 't');
LL_IKW(conditions_key, 'c', 'o', 'n', 'd', 'i', 't', 'i', 'o', 'n', 's');
LL_IKW(symptoms_key, 's', 'y', 'm', 'p', 't', 'o', 'm', 's');
LL_IKW(cleared_key, 'c', 'l', 'e', 'a', 'r', 'e', 'd');
LL_IKW(by_key, 'b', 'y');
LL_IKW(on_key, 'o', 'n');
LL_IKW(experience_key, 'e', 'x', 'p', 'e', 'r', 'i', 'e', 'n', 'c', 'e');
LL_IKW(week_key, 'w', 'e', 'e', 'k');
LL_IKW(day_key, 'd', 'a', 'y');
LL_IKW(rest_key, 'r', 'e', 's', 't');
LL_IKW(each_key, 'e', 'a', 'c', 'h');
LL_IKW(per_key, 'p', 'e', 'r');
LL_IKW(side_key, 's', 'i', 'd', 'e');
LL_IKW(leg_key, 'l', 'e', 'g');
LL_IKW(arm_key, 'a', 'r', 'm');
LL_IKW(bodyweight_key, 'b', 'o', 'd', 'y', 'w', 'e', 'i', 'g', 'h', 't');
LL_IKW(bw_key, 'b', 'w');
LL_IKW(band_key, 'b', 'a', 'n', 'd');
LL_IKW(rpe_key, 'r', 'p', 'e');
LL_IKW(rir_key, 'r', 'i', 'r');
LL_IKW(tempo_key, 't', 'e', 'm', 'p', 'o');
LL_IKW(to_key, 't', 'o');
LL_IKW(posture_key, 'p', 'o', 's', 't', 'u', 'r', 'e');
LL_IKW(equipment_key, 'e', 'q', 'u', 'i', 'p', 'm', 'e', 'n', 't');
LL_IKW(steps_key, 's', 't', 'e', 'p', 's');
LL_IKW(step_key, 's', 't', 'e', 'p');
LL_IKW(reps_key, 'r', 'e', 'p', 's');
LL_IKW(rep_key, 'r', 'e', 'p');
LL_IKW(warmup_word, 'w', 'a', 'r', 'm', 'u', 'p');
LL_IKW(cooldown_word, 'c', 'o', 'o', 'l', 'd', 'o', 'w', 'n');
LL_IKW(warm_word, 'w', 'a', 'r', 'm');
LL_IKW(cool_word, 'c', 'o', 'o', 'l');
LL_IKW(up_word, 'u', 'p');
LL_IKW(down_word, 'd', 'o', 'w', 'n');
LL_IKW(main_word, 'm', 'a', 'i', 'n');
LL_IKW(waive_key, 'w', 'a', 'i', 'v', 'e');
LL_IKW(reason_key, 'r', 'e', 'a', 's', 'o', 'n');
LL_IKW(approved_key, 'a', 'p', 'p', 'r', 'o', 'v', 'e', 'd');
LL_IKW(until_key, 'u', 'n', 't', 'i', 'l');
#undef LL_IKW

struct en_dash : string<'\xE2', '\x80', '\x93'> {};
struct em_dash : string<'\xE2', '\x80', '\x94'> {};
struct times_sign : string<'\xC3', '\x97'> {};
struct right_quote : string<'\xE2', '\x80', '\x99'> {};
struct range_sep : sor<seq<sp, sor<one<'-'>, en_dash, em_dash>, sp>, seq<sp1, to_key, sp1>> {};
struct number_range : seq<decimal, opt<range_sep, decimal>> {};
struct times : sor<one<'x', 'X', '*'>, times_sign> {};

// --- client profile -----------------------------------------------------------
struct expect_date : date {};
struct cleared_by : if_must<by_key, sp, expect_string_lit> {};
struct cleared_on : if_must<on_key, sp, expect_date> {};
struct conditions_field : if_must<conditions_key, sp, expect_ident_list> {};
struct symptoms_field : if_must<symptoms_key, sp, expect_ident_list> {};
struct cleared_field : if_must<cleared_key, sp, expect_yes_no, opt<sp, cleared_by>, opt<sp, cleared_on>> {};
struct experience_field : if_must<experience_key, sp, expect_ident> {};
struct client_field : sor<conditions_field, symptoms_field, cleared_field, experience_field> {};
struct expect_client_field : client_field {};
struct client_block : if_must<client_key, ws, expect_open_brace, ws,
                              star<not_at<close_brace>, must<expect_client_field>, ws>, must<expect_close_brace>> {};
struct plan_name : if_must<plan_key, sp, expect_string_lit> {};

// --- waivers --------------------------------------------------------------------
struct waiver_rule : seq<ident_first, star<sor<ident_other, one<'.', '-'>>>> {};
struct expect_waiver_rule : waiver_rule {};
struct waiver_day_number : seq<day_key, sp, integer> {};
struct waiver_day_word : seq<not_at<reason_key>, ident> {};
struct expect_waiver_day : sor<waiver_day_number, waiver_day_word> {};
struct waiver_day : if_must<on_key, sp1, expect_waiver_day> {};
struct waiver_reason : if_must<reason_key, sp, expect_string_lit> {};
struct expect_waiver_reason : waiver_reason {};
struct expect_approved_by : by_key {};
struct waiver_approver : if_must<approved_key, sp1, expect_approved_by, sp, expect_string_lit> {};
struct waiver_until : if_must<until_key, sp, expect_date> {};
struct waiver : if_must<waive_key, sp1, expect_waiver_rule, opt<sp1, waiver_day>, sp, expect_waiver_reason,
                        opt<sp, waiver_approver>, opt<sp, waiver_until>> {};

// --- exercise lines -------------------------------------------------------------
struct duration : seq<decimal, sp, unit> {};
struct expect_duration : duration {};
struct rep_unit : sor<steps_key, step_key, reps_key, rep_key, unit> {};
struct reps : seq<number_range, opt<sp, rep_unit>> {};
struct expect_reps : reps {};
struct sets_reps : seq<integer, sp, times, sp, must<expect_reps>> {};
struct reps_only : seq<times, sp, at<digit>, must<expect_reps>> {};
struct amount : seq<number_range, sp, unit> {};
struct per_side : sor<seq<sor<each_key, per_key>, sp1, sor<side_key, leg_key, arm_key>>,
                      seq<one<'/'>, sor<side_key, leg_key, arm_key>>> {};
struct mass : seq<number_range, sp, unit> {};
struct bodyweight : sor<bodyweight_key, bw_key> {};
struct band_level : sor<seq<ident, sp1, band_key>, seq<band_key, sp1, ident>> {};
struct expect_number : decimal {};
struct rpe : if_must<rpe_key, sp, expect_number> {};
struct rir : if_must<rir_key, sp, expect_number> {};
struct load_value : sor<rpe, bodyweight, band_level, mass> {};
struct expect_load_value : load_value {};
struct load : if_must<one<'@'>, sp, expect_load_value> {};
struct tempo_digit : sor<digit, one<'x', 'X'>> {};
struct tempo_value : seq<tempo_digit, rep_min_max<2, 3, seq<one<'-'>, tempo_digit>>> {};
struct expect_tempo : tempo_value {};
struct tempo : if_must<tempo_key, sp, expect_tempo> {};
struct rest_period : if_must<seq<rest_key, sp, at<digit>>, expect_duration> {};
struct posture_override : if_must<posture_key, sp, expect_ident> {};
struct equipment_override : if_must<equipment_key, sp, expect_ident_list> {};
struct note_close : one<')'> {};
struct expect_note_close : note_close {};
struct note : if_must<one<'('>, star<not_one<')', '\n'>>, expect_note_close> {};
struct dose_item : sor<sets_reps, reps_only, per_side, load, rpe, rir, tempo, rest_period, bodyweight, posture_override,
                       equipment_override, note, amount> {};

struct dash_sep : sor<one<'-', ':'>, en_dash, em_dash> {};
struct dose_start : sor<digit, seq<times, sp, digit>, one<'@', '(', '/'>, rpe_key, rir_key,
                        seq<bodyweight, at<sp, sor<one<'\n', ';', '}', '#', '@', '('>, digit, dash_sep, eof>>>,
                        seq<tempo_key, sp, digit>, seq<rest_key, sp, digit>, seq<sor<each_key, per_key>, sp1, side_key>,
                        posture_key, equipment_key, seq<waive_key, sp1>> {};
struct word_char : sor<ident_other, one<'-', '\''>, right_quote> {};
struct name_word : seq<not_at<dose_start>, ident_first, star<word_char>> {};
struct name_words : list<name_word, sp1> {};
struct exercise_name : sor<string_lit, name_words> {};
struct line_end : at<sor<one<'\n', ';', '}', '#'>, eof>> {};
struct expect_line_end : line_end {};
struct dose_punct : sor<one<','>, dash_sep> {};
struct exercise_line
    : seq<exercise_name, star<sp, opt<dose_punct, sp>, dose_item>, opt<sp, waiver>, sp, must<expect_line_end>> {};
struct expect_exercise_line : exercise_line {};

struct item_gap : star<sor<blank, one<'\n', ';'>, comment>> {};
struct block_end : sor<close_brace, eof> {};
struct lines : seq<item_gap, star<not_at<block_end>, must<expect_exercise_line>, item_gap>> {};
struct block_header_end : seq<opt<sp1, duration>, ws, at<open_brace>> {};
struct warmup_key : sor<warmup_word, seq<warm_word, opt<sp, one<'-'>>, sp, up_word>> {};
struct cooldown_key : sor<cooldown_word, seq<cool_word, opt<sp, one<'-'>>, sp, down_word>> {};
struct warmup_block : if_must<seq<warmup_key, block_header_end>, open_brace, lines, expect_close_brace> {};
struct cooldown_block : if_must<seq<cooldown_key, block_header_end>, open_brace, lines, expect_close_brace> {};
struct main_block : if_must<seq<main_word, block_header_end>, open_brace, lines, expect_close_brace> {};
struct session_item : sor<waiver, warmup_block, cooldown_block, main_block, exercise_line> {};
struct expect_session_item : session_item {};
struct session_items : seq<item_gap, star<not_at<block_end>, must<expect_session_item>, item_gap>> {};
struct session_block : seq<open_brace, session_items, expect_close_brace> {};

// --- days and weeks -------------------------------------------------------------
struct session_kind : ident {};
struct session_label : string_lit {};
struct session_end : at<sor<one<'\n', '}', '#'>, eof>> {};
struct expect_session_end : session_end {};
struct session : seq<session_kind, opt<sp1, duration>, opt<sp1, session_label>,
                     sor<seq<ws, session_block>, seq<sp, expect_session_end>>> {};
struct rest_day : seq<rest_key, at<sp, sor<one<'\n', '}', '#'>, eof>>> {};
struct day_body : sor<rest_day, session> {};
struct expect_day_body : day_body {};
struct day_number : seq<day_key, sp, integer> {};
struct day_word : ident {};
struct day_name : sor<day_number, day_word> {};
struct day_entry : if_must<seq<day_name, opt<sp, one<':'>>, sp1>, expect_day_body> {};
struct week_range : seq<integer, opt<sp, string<'.', '.'>, sp, integer>> {};
struct expect_week_range : week_range {};
struct week_item : sor<waiver, day_entry> {};
struct expect_week_item : week_item {};
struct week_block : if_must<week_key, sp, expect_week_range, ws, expect_open_brace, ws,
                            star<not_at<block_end>, must<expect_week_item>, ws>, must<expect_close_brace>> {};

struct plan_item : sor<plan_name, client_block, exercise_decl, week_block, waiver, day_entry> {};
struct expect_plan_item : plan_item {};
struct file : seq<ws, star<not_at<eof>, must<expect_plan_item>, ws>, eof> {};

}  // namespace liftlint::grammar::plan

namespace liftlint::grammar {
namespace p = plan;
#define LL_MSG(rule, text) \
  template <>              \
  inline constexpr const char* error_message<p::rule> = text
LL_MSG(expect_date, "expected a date as YYYY-MM-DD");
LL_MSG(expect_client_field, "expected a client field (conditions, symptoms, cleared, experience) or '}'");
LL_MSG(expect_duration, "expected a duration such as 90s or 2 min");
LL_MSG(expect_reps, "expected repetitions after 'x', such as 3x12, 3 x 8-12 or 3 x 30s");
LL_MSG(expect_number, "expected a number");
LL_MSG(expect_load_value,
       "expected a load after '@': a weight such as 8kg or 17.5 lb, RPE 7, bodyweight, or a band such as "
       "'red band'");
LL_MSG(expect_tempo, "expected a tempo such as 3-1-2 or 3-1-2-0");
LL_MSG(expect_note_close, "expected ')' to close the note on the same line");
LL_MSG(expect_line_end,
       "expected sets and reps (3x12), a duration (30s), a load (@ 8kg), 'each side', 'tempo 3-1-2', "
       "'rest 90s', RPE or RIR, a note in parentheses, or the end of the line");
LL_MSG(expect_exercise_line, "expected an exercise line such as 'glute bridge 3x12', or '}'");
LL_MSG(expect_session_item,
       "expected an exercise line such as 'glute bridge 3x12', a warmup or cooldown block, a waiver, or '}'");
LL_MSG(expect_session_end, "expected a duration such as 35min, a label in quotes, '{' or the end of the line");
LL_MSG(expect_day_body, "expected 'rest' or a session kind such as 'strength'");
LL_MSG(expect_week_item,
       "expected a day such as 'mon strength 35min { ... }', 'tue rest', a waiver "
       "('waive rule.id reason \"...\"'), or '}'");
LL_MSG(expect_waiver_rule, "expected the id of the rule to waive, such as 'bp.avoid-deadlift'");
LL_MSG(expect_waiver_day, "expected a weekday such as 'wed' or 'day 3' after 'on'");
LL_MSG(expect_waiver_reason,
       "expected 'reason \"...\"' after the rule id: every waiver says why the rule does not apply");
LL_MSG(expect_approved_by, "expected 'by' after 'approved', as in 'approved by \"Dr Lee\"'");
LL_MSG(expect_week_range, "expected a week number or range such as 1 or 1..4");
LL_MSG(expect_plan_item,
       "expected 'plan \"name\"', 'client { ... }', 'exercise \"name\" { ... }', 'week N { ... }', a waiver "
       "or a day");
#undef LL_MSG
}  // namespace liftlint::grammar
