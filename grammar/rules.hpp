// Grammar of rule files: sources, vocabulary, exercises and rules.
// Only PEGTL types and error messages live here.
#pragma once

#include "common.hpp"

namespace liftlint::grammar::rules {
using namespace liftlint::grammar;

#define LL_KW(name, ...) \
  struct name : kw<string<__VA_ARGS__>> {}

LL_KW(include_key, 'i', 'n', 'c', 'l', 'u', 'd', 'e');
LL_KW(scheme_key, 'e', 'v', 'i', 'd', 'e', 'n', 'c', 'e', '_', 's', 'c', 'h', 'e', 'm', 'e');
LL_KW(source_key, 's', 'o', 'u', 'r', 'c', 'e');
LL_KW(rule_key, 'r', 'u', 'l', 'e');
LL_KW(implies_key, 'i', 'm', 'p', 'l', 'i', 'e', 's');
LL_KW(year_key, 'y', 'e', 'a', 'r');
LL_KW(evidence_key, 'e', 'v', 'i', 'd', 'e', 'n', 'c', 'e');
LL_KW(severity_key, 's', 'e', 'v', 'e', 'r', 'i', 't', 'y');
LL_KW(cite_key, 'c', 'i', 't', 'e');
LL_KW(at_key, 'a', 't');
LL_KW(message_key, 'm', 'e', 's', 's', 'a', 'g', 'e');
LL_KW(help_key, 'h', 'e', 'l', 'p');
LL_KW(doc_key, 'd', 'o', 'c');
LL_KW(when_key, 'w', 'h', 'e', 'n');
LL_KW(require_key, 'r', 'e', 'q', 'u', 'i', 'r', 'e');
LL_KW(forbid_key, 'f', 'o', 'r', 'b', 'i', 'd');
LL_KW(suggest_key, 's', 'u', 'g', 'g', 'e', 's', 't');
LL_KW(supersedes_key, 's', 'u', 'p', 'e', 'r', 's', 'e', 'd', 'e', 's');
LL_KW(where_key, 'w', 'h', 'e', 'r', 'e');
LL_KW(every_key, 'e', 'v', 'e', 'r', 'y');
LL_KW(some_key, 's', 'o', 'm', 'e');
LL_KW(no_key, 'n', 'o');
LL_KW(count_key, 'c', 'o', 'u', 'n', 't');
LL_KW(distinct_key, 'd', 'i', 's', 't', 'i', 'n', 'c', 't');
LL_KW(per_key, 'p', 'e', 'r');
LL_KW(week_key, 'w', 'e', 'e', 'k');
LL_KW(rest_key, 'r', 'e', 's', 't');
LL_KW(between_key, 'b', 'e', 't', 'w', 'e', 'e', 'n');
LL_KW(sharing_key, 's', 'h', 'a', 'r', 'i', 'n', 'g');
LL_KW(muscles_key, 'm', 'u', 's', 'c', 'l', 'e', 's');
LL_KW(clearance_key, 'c', 'l', 'e', 'a', 'r', 'a', 'n', 'c', 'e');
LL_KW(increase_key, 'i', 'n', 'c', 'r', 'e', 'a', 's', 'e');
LL_KW(of_key, 'o', 'f');
LL_KW(and_key, 'a', 'n', 'd');
LL_KW(or_key, 'o', 'r');
LL_KW(not_key, 'n', 'o', 't');
LL_KW(in_key, 'i', 'n');
LL_KW(has_key, 'h', 'a', 's');
LL_KW(any_key, 'a', 'n', 'y');
LL_KW(all_key, 'a', 'l', 'l');
LL_KW(exercise_key, 'e', 'x', 'e', 'r', 'c', 'i', 's', 'e');
LL_KW(sessions_key, 's', 'e', 's', 's', 'i', 'o', 'n', 's');
LL_KW(session_key, 's', 'e', 's', 's', 'i', 'o', 'n');
LL_KW(exercises_key, 'e', 'x', 'e', 'r', 'c', 'i', 's', 'e', 's');
LL_KW(weeks_key, 'w', 'e', 'e', 'k', 's');
LL_KW(client_key, 'c', 'l', 'i', 'e', 'n', 't');
LL_KW(error_key, 'e', 'r', 'r', 'o', 'r');
LL_KW(warning_key, 'w', 'a', 'r', 'n', 'i', 'n', 'g');
LL_KW(info_key, 'i', 'n', 'f', 'o');
LL_KW(load_key, 'l', 'o', 'a', 'd');
LL_KW(volume_key, 'v', 'o', 'l', 'u', 'm', 'e');
#undef LL_KW

// --- expressions ------------------------------------------------------------
struct number_value : seq<decimal, opt<sp, unit>> {};
struct value : sor<number_value, string_lit, ident> {};
struct expect_value : value {};
struct set_items : list<value, comma> {};
struct expect_set_items : set_items {};
struct expect_set_close : one<'}'> {};
struct set_lit : if_must<one<'{'>, ws, expect_set_items, ws, expect_set_close> {};
struct expect_set : set_lit {};

struct op_ge : string<'>', '='> {};
struct op_le : string<'<', '='> {};
struct op_ne : string<'!', '='> {};
struct op_eq : one<'='> {};
struct op_lt : one<'<'> {};
struct op_gt : one<'>'> {};
struct cmp_op : sor<op_ge, op_le, op_ne, op_eq, op_lt, op_gt> {};

struct range_value : seq<decimal, string<'.', '.'>, decimal> {};
struct expect_range : range_value {};
struct bound_cmp : if_must<cmp_op, ws, expect_value> {};
struct bound_in : if_must<in_key, ws, expect_range> {};
struct bound : sor<bound_cmp, bound_in> {};
struct expect_bound : bound {};

struct attr : ident {};
struct has_any : if_must<any_key, ws, expect_set> {};
struct has_all : if_must<all_key, ws, expect_set> {};
struct has_one : value {};
struct expect_has_operand : sor<has_any, has_all, has_one> {};
struct cmp_tail : if_must<cmp_op, ws, expect_value> {};
struct in_tail : if_must<in_key, ws, expect_set> {};
struct has_tail : if_must<has_key, ws, expect_has_operand> {};
struct comparison : seq<attr, opt<ws, sor<cmp_tail, in_tail, has_tail>>> {};

struct scope_word : sor<exercises_key, exercise_key, sessions_key, session_key, weeks_key, week_key, client_key> {};
struct expect_scope : scope_word {};

struct expect_expr;
struct where_clause : if_must<where_key, ws, expect_expr> {};
struct quant_kind : sor<some_key, no_key, all_key> {};
struct quantified : if_must<quant_kind, ws, expect_scope, opt<ws, where_clause>> {};
struct distinct_attr : ident {};
struct expect_distinct_attr : distinct_attr {};
struct count_distinct : if_must<distinct_key, ws, expect_distinct_attr, opt<ws, where_clause>> {};
struct count_of : seq<expect_scope, opt<ws, where_clause>> {};
struct count_pred : if_must<count_key, ws, sor<count_distinct, count_of>, ws, expect_bound> {};
// `sum duration of sessions where kind = cardio >= 150min`
struct aggregate_kind : sor<kw<string<'s', 'u', 'm'>>, kw<string<'m', 'i', 'n'>>, kw<string<'m', 'a', 'x'>>,
                            kw<string<'a', 'v', 'e', 'r', 'a', 'g', 'e'>>> {};
struct aggregate_attr : ident {};
struct expect_aggregate_attr : aggregate_attr {};
struct expect_aggregate_of : of_key {};
struct aggregate_pred : if_must<aggregate_kind, ws, expect_aggregate_attr, ws, expect_aggregate_of, ws, expect_scope,
                                opt<ws, where_clause>, ws, expect_bound> {};

struct expect_rparen : one<')'> {};
struct paren : if_must<one<'('>, ws, expect_expr, ws, expect_rparen> {};
struct primary : sor<paren, quantified, count_pred, aggregate_pred, comparison> {};
struct expect_operand;
struct negation : if_must<not_key, ws, expect_operand> {};
struct operand : sor<negation, primary> {};
struct expect_operand : operand {};
struct conjunction : seq<operand, star<ws, and_key, ws, must<expect_operand>>> {};
struct disjunction : seq<conjunction, star<ws, or_key, ws, must<expect_operand>>> {};
struct expr : disjunction {};
struct expect_expr : expr {};

// --- rule bodies --------------------------------------------------------------
struct expect_colon : one<':'> {};
struct expect_per : per_key {};
struct expect_week : week_key {};
struct expect_between : between_key {};
struct expect_of : of_key {};
struct expect_ge : op_ge {};
struct expect_le : op_le {};
struct quantity : seq<decimal, sp, unit> {};
struct expect_quantity : quantity {};
struct metric : sor<load_key, volume_key> {};
struct expect_metric : metric {};
struct muscle_groups_key : kw<string<'m', 'u', 's', 'c', 'l', 'e', '_', 'g', 'r', 'o', 'u', 'p', 's'>> {};
struct shared_attr : sor<muscle_groups_key, muscles_key> {};
struct expect_muscles : shared_attr {};
struct expect_exercises : exercises_key {};
struct expect_where : where_clause {};
// `sharing muscle_groups of exercises where loaded`: which lines of a session count as working a muscle.
struct shared_lines : if_must<of_key, ws, expect_exercises, ws, expect_where> {};
struct sharing_muscles : if_must<sharing_key, ws, expect_muscles, opt<ws, shared_lines>> {};

struct every_form : if_must<every_key, ws, expect_scope, opt<ws, where_clause>, ws, expect_colon, ws, expect_expr> {};
struct frequency_form
    : if_must<count_key, ws, expect_scope, opt<ws, where_clause>, ws, expect_per, ws, expect_week, ws, expect_bound> {};
struct rest_form : if_must<rest_key, ws, expect_ge, ws, expect_quantity, ws, expect_between, ws, expect_scope,
                           opt<ws, where_clause>, opt<ws, sharing_muscles>> {};
struct increase_form : if_must<increase_key, ws, expect_of, ws, expect_metric, ws, expect_le, ws, expect_quantity, ws,
                               expect_per, ws, expect_week> {};
struct clearance_form : clearance_key {};
struct require_body : sor<every_form, frequency_form, rest_form, increase_form, clearance_form> {};
struct expect_require_body : require_body {};

struct forbid_names : if_must<seq<exercise_key, sp, at<one<'"'>>>, expect_string_list> {};
struct forbid_where : seq<expect_scope, ws, expect_where> {};
struct forbid_body : sor<forbid_names, forbid_where> {};
struct expect_forbid_body : forbid_body {};

// --- rule declarations --------------------------------------------------------
struct rule_id : seq<ident_first, star<sor<ident_other, one<'.', '-'>>>> {};
struct expect_rule_id : rule_id {};
struct severity_value : sor<error_key, warning_key, info_key> {};
struct expect_severity : severity_value {};
struct expect_string : string_lit {};
struct citation_locator : if_must<at_key, sp, expect_string> {};
// A field keyword after a trailing comma starts the next field; it is no source name.
struct field_keyword : sor<severity_key, cite_key, message_key, help_key, doc_key, when_key, require_key, forbid_key,
                           suggest_key, supersedes_key, kw<string<'v', 'e', 'r', 's', 'i', 'o', 'n'>>,
                           kw<string<'r', 'e', 'v', 'i', 'e', 'w', 'e', 'd'>>, kw<string<'s', 't', 'a', 't', 'u', 's'>>,
                           kw<string<'f', 'i', 'x'>>> {};
struct citation : seq<not_at<field_keyword>, ident, opt<sp, citation_locator>> {};
struct citation_list : list<citation, comma> {};
struct expect_citations : citation_list {};

struct severity_field : if_must<severity_key, sp, expect_severity> {};
struct cite_field : if_must<cite_key, sp, expect_citations> {};
struct message_field : if_must<message_key, sp, expect_string> {};
struct help_field : if_must<help_key, sp, expect_string> {};
struct doc_field : if_must<doc_key, sp, expect_string> {};
// What follows a condition: the next field or the end of the rule. A stray word (`every session: blah
// blah`) is reported where it stands, not as an unknown field.
struct field_end : at<sor<field_keyword, one<'}'>, eof>> {};
struct expect_field_end : field_end {};
struct when_field : if_must<when_key, ws, expect_expr, ws, expect_field_end> {};
struct require_field : if_must<require_key, ws, expect_require_body, ws, expect_field_end> {};
struct forbid_field : if_must<forbid_key, ws, expect_forbid_body, ws, expect_field_end> {};
// `suggest "trap-bar deadlift" for "deadlift", "goblet squat"`: a substitute for one forbidden exercise, or
// for any.
struct for_key : kw<string<'f', 'o', 'r'>> {};
struct suggest_for : string_lit {};
struct expect_suggest_for : suggest_for {};
struct suggest_item : seq<string_lit, opt<sp, if_must<for_key, sp, expect_suggest_for>>> {};
struct expect_suggest_items : list<suggest_item, comma> {};
struct suggest_field : if_must<suggest_key, sp, expect_suggest_items> {};
struct superseded_rule : rule_id {};
struct expect_rule_ids : list<superseded_rule, comma> {};
struct supersedes_field : if_must<supersedes_key, sp, expect_rule_ids> {};
struct version_value : seq<plus<digit>, star<one<'.'>, plus<digit>>> {};
struct expect_version : version_value {};
struct version_field : if_must<kw<string<'v', 'e', 'r', 's', 'i', 'o', 'n'>>, sp, expect_version> {};
struct expect_reviewed_date : date {};
struct reviewed_field : if_must<kw<string<'r', 'e', 'v', 'i', 'e', 'w', 'e', 'd'>>, sp, expect_reviewed_date> {};
struct status_value : sor<kw<string<'d', 'r', 'a', 'f', 't'>>, kw<string<'r', 'e', 'v', 'i', 'e', 'w', 'e', 'd'>>,
                          kw<string<'r', 'e', 't', 'i', 'r', 'e', 'd'>>> {};
struct expect_status : status_value {};
struct status_field : if_must<kw<string<'s', 't', 'a', 't', 'u', 's'>>, sp, expect_status> {};
// `fix substitute`: the substitutes the rule offers become fixes that editors and `check --unsafe-fixes` apply.
struct fix_kind : kw<string<'s', 'u', 'b', 's', 't', 'i', 't', 'u', 't', 'e'>> {};
struct expect_fix_kind : fix_kind {};
struct fix_field : if_must<kw<string<'f', 'i', 'x'>>, sp, expect_fix_kind> {};
struct rule_field
    : sor<severity_field, cite_field, message_field, help_field, doc_field, when_field, require_field, forbid_field,
          suggest_field, supersedes_field, version_field, reviewed_field, status_field, fix_field> {};
struct expect_rule_field : rule_field {};
struct rule_decl : if_must<rule_key, sp, expect_rule_id, ws, expect_open_brace, ws,
                           star<not_at<close_brace>, must<expect_rule_field>, ws>, must<expect_close_brace>> {};

// --- sources, schemes, vocabulary, includes -----------------------------------
struct text_field_name
    : sor<kw<string<'a', 'u', 't', 'h', 'o', 'r'>>, kw<string<'t', 'i', 't', 'l', 'e'>>,
          kw<string<'j', 'o', 'u', 'r', 'n', 'a', 'l'>>, kw<string<'p', 'u', 'b', 'l', 'i', 's', 'h', 'e', 'r'>>,
          kw<string<'d', 'o', 'i'>>, kw<string<'u', 'r', 'l'>>, kw<string<'i', 's', 'b', 'n'>>,
          kw<string<'n', 'o', 't', 'e'>>> {};
struct text_field : if_must<text_field_name, sp, expect_string> {};
struct expect_year : integer {};
struct year_field : if_must<year_key, sp, expect_year> {};
struct evidence_ref : seq<ident, one<'.'>, ident> {};
struct expect_evidence_ref : evidence_ref {};
struct evidence_field : if_must<evidence_key, sp, expect_evidence_ref> {};
struct source_field : sor<text_field, year_field, evidence_field> {};
struct expect_source_field : source_field {};
struct source_decl : if_must<source_key, sp, expect_ident, ws, expect_open_brace, ws,
                             star<not_at<close_brace>, must<expect_source_field>, ws>, must<expect_close_brace>> {};

struct scheme_decl
    : if_must<scheme_key, sp, expect_ident, ws, expect_open_brace, ws, expect_ident_list, ws, expect_close_brace> {};

struct vocab_kind
    : sor<kw<string<'c', 'o', 'n', 'd', 'i', 't', 'i', 'o', 'n'>>, kw<string<'s', 'y', 'm', 'p', 't', 'o', 'm'>>,
          kw<string<'m', 'u', 's', 'c', 'l', 'e', '_', 'g', 'r', 'o', 'u', 'p'>>,
          kw<string<'m', 'u', 's', 'c', 'l', 'e'>>, kw<string<'p', 'a', 't', 't', 'e', 'r', 'n'>>,
          kw<string<'p', 'o', 's', 't', 'u', 'r', 'e'>>, kw<string<'e', 'q', 'u', 'i', 'p', 'm', 'e', 'n', 't'>>,
          kw<string<'s', 'e', 's', 's', 'i', 'o', 'n', '_', 'k', 'i', 'n', 'd'>>, kw<string<'t', 'a', 'g'>>> {};
struct vocab_label : string_lit {};
struct vocab_implies : if_must<implies_key, sp, expect_ident_list> {};
struct vocab_aka : if_must<ex_aka_key, sp, expect_string_list> {};
struct includes_key : kw<string<'i', 'n', 'c', 'l', 'u', 'd', 'e', 's'>> {};
// `equipment dumbbell "Dumbbell" step 2kg`: the smallest practical increase of load.
struct step_key : kw<string<'s', 't', 'e', 'p'>> {};
struct expect_step : quantity {};
struct vocab_step : if_must<step_key, sp, expect_step> {};
struct vocab_includes : if_must<includes_key, sp, expect_ident_list> {};
struct vocab_decl : if_must<vocab_kind, sp, expect_ident, opt<sp, vocab_label>, opt<sp, vocab_implies>,
                            opt<sp, vocab_includes>, opt<sp, vocab_step>, opt<sp, vocab_aka>> {};

struct include_decl : if_must<include_key, sp, expect_string> {};

// `extend exercise "single-leg stand" { tags balance }`: a pack adds to, or changes, a catalogue entry.
struct extend_key : kw<string<'e', 'x', 't', 'e', 'n', 'd'>> {};
struct expect_exercise_word : ex_key {};
struct extend_decl : if_must<extend_key, sp, expect_exercise_word, sp, expect_ex_name, ws, ex_body> {};

struct declaration : sor<include_decl, scheme_decl, source_decl, vocab_decl, exercise_decl, extend_decl, rule_decl> {};
struct expect_declaration : declaration {};
struct file : seq<ws, star<not_at<eof>, must<expect_declaration>, ws>, eof> {};

}  // namespace liftlint::grammar::rules

namespace liftlint::grammar {
namespace r = rules;
#define LL_MSG(rule, text) \
  template <>              \
  inline constexpr const char* error_message<r::rule> = text
LL_MSG(expect_value, "expected a value: a number with an optional unit, a quoted name or a name");
LL_MSG(expect_set_items, "expected a value inside '{ }'");
LL_MSG(expect_set_close, "expected '}' to close the set, or a value after each ','");
LL_MSG(expect_set, "expected a set such as {seated, supine}");
LL_MSG(expect_range, "expected a range such as 2..3");
LL_MSG(expect_bound, "expected a bound such as '>= 2', '<= 3' or 'in 2..3'");
LL_MSG(expect_has_operand, "expected a name, 'any {...}' or 'all {...}' after 'has'");
LL_MSG(expect_scope, "expected one of: exercise, session, week, client");
LL_MSG(expect_field_end,
       "expected 'and', 'or' or the end of the condition, then the next field (severity, cite, message, help, "
       "doc, when, require, forbid, suggest, fix, supersedes) or '}'");
LL_MSG(expect_aggregate_attr, "expected the number to add up, such as 'duration' or 'sets'");
LL_MSG(expect_aggregate_of, "expected 'of' and what to add up, such as 'of sessions where kind = cardio'");
LL_MSG(expect_distinct_attr, "expected the attribute to count, such as 'muscles'");
LL_MSG(expect_rparen, "expected ')'");
LL_MSG(expect_operand, "expected a condition such as 'posture in {seated, supine}'");
LL_MSG(expect_expr, "expected a condition such as 'posture in {seated, supine}'");
LL_MSG(expect_colon, "expected ':' before the requirement");
LL_MSG(expect_per, "expected 'per week'");
LL_MSG(expect_week, "expected 'week'");
LL_MSG(expect_between, "expected 'between'");
LL_MSG(expect_of, "expected 'of'");
LL_MSG(expect_ge, "expected '>='");
LL_MSG(expect_le, "expected '<='");
LL_MSG(expect_quantity, "expected a number with a unit, such as 1 day, 48h or 10%");
LL_MSG(expect_metric, "expected 'load' or 'volume'");
LL_MSG(expect_require_body,
       "expected a requirement: 'every ...: ...', 'count ... per week ...', 'rest >= ...', "
       "'increase of ...' or 'clearance'");
LL_MSG(expect_forbid_body, "expected 'exercise \"name\", ...' or '<scope> where <condition>'");
LL_MSG(expect_rule_id, "expected a rule id such as 'who.strength-days'");
LL_MSG(expect_severity, "expected one of: error, warning, info");
LL_MSG(expect_citations, "expected a source name, optionally followed by at \"locator\"");
LL_MSG(expect_string, "expected a string in double quotes");
LL_MSG(expect_rule_field,
       "expected a rule field (severity, cite, message, help, doc, when, require, forbid, suggest, supersedes, "
       "version, reviewed, status, fix) or '}'");
LL_MSG(expect_fix_kind, "expected 'substitute': the suggested substitutes become fixes");
LL_MSG(expect_suggest_items, "expected exercise names in double quotes, each optionally followed by for \"name\"");
LL_MSG(expect_suggest_for, "expected the forbidden exercise this substitute is for, in double quotes");
LL_MSG(expect_rule_ids, "expected the ids of the rules this one supersedes, such as bp.strength-days");
LL_MSG(expect_version, "expected a version such as 1 or 1.2");
LL_MSG(expect_reviewed_date, "expected the date of the last review as YYYY-MM-DD");
LL_MSG(expect_status, "expected one of: draft, reviewed, retired");
LL_MSG(expect_year, "expected a year such as 2020");
LL_MSG(expect_evidence_ref, "expected an evidence level as scheme.level, such as grade.moderate");
LL_MSG(expect_source_field,
       "expected a source field (author, title, journal, publisher, year, doi, url, isbn, note, evidence) "
       "or '}'");
LL_MSG(expect_declaration,
       "expected a declaration: include, evidence_scheme, source, condition, symptom, muscle, muscle_group, "
       "pattern, posture, equipment, session_kind, tag, exercise, extend exercise or rule");
LL_MSG(expect_exercise_word, "expected 'exercise' after 'extend'");
LL_MSG(expect_muscles, "expected 'muscles' or 'muscle_groups' after 'sharing'");
LL_MSG(expect_step, "expected the smallest load step, such as 2kg");
LL_MSG(expect_exercises, "expected 'exercises where ...' after 'of'");
LL_MSG(expect_where, "expected 'where' and a condition");
#undef LL_MSG

}  // namespace liftlint::grammar
