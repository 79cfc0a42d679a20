#include "plan/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_set>
#include <utility>

#include "grammar/parse_util.hpp"
#include "plan/asides.hpp"
#include "plan/lexer.hpp"
#include "plan/line_reader.hpp"
#include "plan/notes.hpp"
#include "plan/prose.hpp"
#include "plan/statements.hpp"
#include "rules/exercise_syntax.hpp"
#include "support/ascii.hpp"
#include "support/limits.hpp"
#include "support/names.hpp"
#include "support/numbers.hpp"
#include "support/word_set.hpp"

namespace liftlint::plan {
namespace {

// Keyword lists: string literals, looked up by the lower-case view of a word.

namespace g = grammar;
namespace pt = tao::pegtl::parse_tree;
using K = Token::Kind;
using TokenList = std::vector<Token>;

template <typename Rule>
using decl_selector =
    pt::selector<Rule,
                 pt::store_content::on<g::string_lit, g::expect_string_lit, g::ident, g::expect_ident, g::expect_level,
                                       g::expect_yes_no, g::expect_ex_name, g::exercise_decl, g::ex_aka, g::ex_muscles,
                                       g::ex_pattern, g::ex_posture, g::ex_equipment, g::ex_spinal_load, g::ex_impact,
                                       g::ex_supported, g::ex_loaded, g::ex_tags>>;

// the words of a session in a rotation: `Day 1`, `Session B`
const WordSet rotation_words = {"day", "session", "sess", "workout", "training"};

const WordSet month_words = {"jan",  "january",   "feb",  "february", "mar",  "march",    "apr",    "april",
                             "may",  "jun",       "june", "jul",      "july", "aug",      "august", "sep",
                             "sept", "september", "oct",  "october",  "nov",  "november", "dec",    "december"};

const WordSet weekday_words = {"mon",  "monday",    "tue", "tues",     "tuesday", "wed",
                               "weds", "wednesday", "thu", "thur",     "thurs",   "thursday",
                               "fri",  "friday",    "sat", "saturday", "sun",     "sunday"};
const WordSet part_words = {"am", "pm", "morning", "evening", "afternoon", "lunch", "lunchtime", "night"};
const WordSet rest_words = {"rest",     "off", "day",     "recovery", "complete", "full", "total",      "no",
                            "training", "gym", "lifting", "weights",  "from",     "all",  "completely", "entirely"};

bool block_word(std::string_view w) {
  return w == "warmup" || w == "warm-up" || w == "warm" || w == "cooldown" || w == "cool-down" || w == "cool" ||
         w == "main" || w == "finisher" || w == "accessories" || w == "accessory" || w == "workout" || w == "exercises";
}

std::string joined_lower(const TokenList& t, std::size_t a, std::size_t b) {
  std::string out;
  for (std::size_t k = a; k < b; ++k) {
    if (!t[k].is(K::word)) continue;
    out += out.empty() ? "" : " ";
    out += t[k].lower();
  }
  return out;
}

class Parser {
 public:
  Parser(const SourceFile& file, Diagnostics& diagnostics)
      : file_(file),
        d_(diagnostics),
        cursor_(file),
        load_unit_(unit_of_loads(file.text)),
        senders_(chat_senders(file.text)),
        text_thread_(text_thread(file.text)) {}

  ast::File run() {
    out_.source = &file_;
    while (auto s = cursor_.next()) statement(*s);
    if (!braces_.empty() && !d_.full()) {
      d_.error(Span{&file_, cursor_.line(), 1, 1, static_cast<std::uint32_t>(file_.text.size())},
               "expected '}' before the end of the file");
    }
    finish();
    return std::move(out_);
  }

 private:
  enum class Level { plan, client, week, day, block };

  const SourceFile& file_;
  Diagnostics& d_;
  StatementCursor cursor_;
  Tokens lexed_;  // the statement being read; its buffers are reused from statement to statement
  ast::File out_;
  std::vector<Level> braces_;
  int week_ = -1;                    // index into out_.weeks, -1 for days outside weeks
  int day_ = -1;                     // index into the current week's days
  int block_ = -1;                   // index into the current day's blocks; -1: the main block
  std::optional<Level> opens_next_;  // a header without `{`, whose `{` may come on the next line
  bool in_client_ = false;
  bool client_braced_ = false;  // `client {`: only client fields until `}`
  bool section_ = false;        // block_ was opened by a header line, not by braces
  bool in_group_ = false;
  bool group_plan_ = false;  // the plan's title speaks of a class or a team
  bool reporting_ = false;   // reading a comment logged under a session: what happened then
  LineContext group_;
  std::string load_unit_;                       // see unit_of_loads
  std::set<std::string, std::less<>> senders_;  // see chat_senders
  bool text_thread_ = false;                    // a phone's text conversation, its app named under the contact
  std::size_t anonymous_groups_ = 0;
  struct PendingWaiver {
    std::size_t index;
    ast::Waiver::Scope scope;
    int week;
    int day;
  };
  std::vector<PendingWaiver> pending_;

  std::vector<ast::Day>& days() {
    return week_ >= 0 ? out_.weeks[static_cast<std::size_t>(week_)].days : out_.loose_days;
  }
  ast::Day* day() { return day_ >= 0 ? &days()[static_cast<std::size_t>(day_)] : nullptr; }

  void extend_week(std::uint32_t end) {
    if (week_ >= 0) out_.weeks[static_cast<std::size_t>(week_)].end = end;
  }
  void extend_day(std::uint32_t end) {
    if (auto* d = day()) d->end = end;
  }

  // --- statements ---------------------------------------------------------------

  void statement(const Statement& s) {
    if (d_.full()) return;
    if (s.kind == Statement::Kind::close) return close(s);
    if (s.kind == Statement::Kind::blank) return blank();
    if (!lex_statement(file_, s.begin, s.end, s.line, s.column, lexed_, d_)) return;
    strip_emphasis(lexed_.list);
    const auto& t = lexed_.list;
    if (t.empty()) {
      // `mon strength 35min` with its `{` on the next line
      if (s.opens && opens_next_) {
        braces_.push_back(*opens_next_);
      } else if (s.opens) {
        open_anonymous(s);
      }
      opens_next_.reset();
      return;
    }
    opens_next_.reset();
    const int week_before = week_;
    const int day_before = day_;
    const auto days_before = days().size();
    read(t, s);
    // A statement extends the week and session it belongs to, not one a header has just ended.
    if (week_ == week_before) extend_week(s.end);
    if (week_ == week_before && day_ == day_before && days().size() == days_before) extend_day(s.end);
  }

  void read(const TokenList& t, const Statement& s) {
    if (auto kept = without_struck(t)) {
      if (!kept->empty()) read(*kept, s);  // a line struck out whole is no longer planned
      return;
    }
    if ((!senders_.empty() || text_thread_) && messenger_line(t, s)) return;
    if (session_comment(t, s)) return;
    if (arrowed(t, s)) return;
    if (const auto from = chat_prefix(t); from > 0) {
      chat_ = in_message_ = true;
      if (from < t.size()) read(TokenList(t.begin() + static_cast<std::ptrdiff_t>(from), t.end()), s);
      in_message_ = false;
      // `Mon 4 Mar 2024, 19:22 — Dan:` on a line of its own: the message starts on the next line
      message_next_ = from >= t.size();
      return;
    }
    if (std::exchange(message_next_, false)) {
      in_message_ = true;
      read(t, s);
      in_message_ = false;
      return;
    }
    if (const auto from = section_label(t); from > 0)
      return read(TokenList(t.begin() + static_cast<std::ptrdiff_t>(from), t.end()), s);
    if (const auto from = sequence_word(t); from > 0) {
      if (!in_notes_ && !in_client_ && dose_of_line_above(t)) return;
      return read(TokenList(t.begin() + static_cast<std::ptrdiff_t>(from), t.end()), s);
    }
    if (table_header(t, s)) return;
    // `Warm-up: 60 kg × 8` under `Deadlift (Barbell)`: a set of the exercise, not a warm-up block
    if (!in_notes_ && !in_client_ && warmup_label(t, 0) > 0 && dose_of_line_above(t)) return;
    if (header(t, s)) return;
    if (s.opens) {
      d_.error(t.front().span(file_), fmt::format("'{{' after '{}': braces open a week, a day, a block or an exercise "
                                                  "declaration",
                                                  shorten(std::string(t.front().text))));
      braces_.push_back(Level::block);
      return;
    }
    body_line(t, s);
  }

  // `💬 Rob: bit of tingling in my left foot again after the squats`, `Athlete Notes: "back bit sore after
  // extensions, 4/10"`: a comment a coaching app logs under a session. What it tells of the client happened then,
  // after what came before it; it plans nothing.
  bool session_comment(const TokenList& t, const Statement& s) {
    if (day() == nullptr || t.empty()) return false;
    static const WordSet people = {"athlete", "client", "member", "user"};
    static const WordSet said = {"notes", "note", "comment", "comments", "feedback"};
    const bool bubble = file_.text.substr(s.begin, 4) == "\U0001F4AC";
    const bool labelled =
        t.size() > 3 && people.contains(t[0].lower()) && said.contains(t[1].lower()) && t[2].is_punct(':');
    if (!bubble && !labelled) return false;
    std::size_t from = labelled ? 3 : 0;
    // `Rob:`, `Sam (coach):`: who wrote it
    for (auto k = from; k < t.size() && k < from + 5 && bubble; ++k) {
      if (t[k].is_punct(':')) {
        from = k + 1;
        break;
      }
    }
    reporting_ = true;
    if (from < t.size()) client_clauses(TokenList(t.begin() + static_cast<std::ptrdiff_t>(from), t.end()));
    reporting_ = false;
    return true;
  }

  // `→ keep D2 crisp, NO grinding, out in 50'`: a remark under the line above, an aside. `drop hurdle hops → drop
  // jumps 3x4`: what replaces an exercise with no dose, the line that counts.
  bool arrowed(const TokenList& t, const Statement& s) {
    if (day() == nullptr) return false;
    const auto text = file_.text.substr(s.begin, s.end - s.begin);
    if (text.starts_with("\u2192") || text.starts_with("->")) return aside_line(t, {0, t.size()}), true;
    if (text.find("\u2192") == std::string_view::npos) return false;
    for (std::size_t k = 1; k + 2 < t.size(); ++k) {
      if (t[k].text != "\u2192") continue;
      const TokenList before(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(k));
      const TokenList after(t.begin() + static_cast<std::ptrdiff_t>(k + 1), t.end());
      // (`D → Farmers carry 4 x 20m`: a superset's letter before the arrow, not an exercise replaced)
      const bool label = before.size() == 1 && before.front().text.size() <= 2;
      if (label || has_dose(before) || !after.front().is(K::word) || !has_dose(after)) return false;
      body_line(after, s);
      return true;
    }
    return false;
  }

  // In a messenger's conversation: a sender's name, whose message is the next line; the time alone between
  // messages (`MON 19:06`, `THU 07:51`), which starts no session; the app's receipts (`Seen 08:03`).
  bool messenger_line(const TokenList& t, const Statement& s) {
    auto text = file_.text.substr(s.begin, s.end - s.begin);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (senders_.contains(text)) {
      chat_ = true;
      message_next_ = true;
      return true;
    }
    const bool receipt = t.size() == 2 && t[1].is(K::clock) &&
                         (t[0].lower() == "seen" || t[0].lower() == "read" || t[0].lower() == "delivered");
    // `Mon, 9 Mar at 20:41` in a phone's text conversation: when the next messages were sent
    const bool stamp = t.back().is(K::clock) && weekday_words.contains(t[0].lower()) &&
                       (t.size() == 2 || (text_thread_ && t.size() <= 7 && dated(t)));
    if (stamp) chat_ = true;
    return receipt || stamp;
  }

  // **Monday**, __Week 2__: Markdown emphasis around a line says nothing.
  static void strip_emphasis(TokenList& t) {
    const auto emphasis = [](const Token& x) {
      return x.text == "*" || x.text == "_" || x.text == "~" || x.text == "**";
    };
    // `~~Curls 3x10~~`: a line struck out whole is no longer planned
    if (const auto kept = without_struck(t); kept && kept->empty()) return t.clear();
    while (t.size() > 1 && emphasis(t.back())) t.pop_back();
    strip_banner(t);
    // and bullets before a header or a client field: `- Conditions: ...`, `• Monday`
    const auto bullet = [&](const Token& x) {
      return emphasis(x) || x.is(K::dash) || x.is(K::other) || x.is_punct('>') || x.text == "*";
    };
    std::size_t lead = 0;
    while (lead < t.size() && bullet(t[lead])) ++lead;
    // `- [x] Tue – Swim 30 min`, `- [ ] Sat – long walk`: a checklist's box, ticked or not. A ticked week
    // (`- [x] Wk 2 100kg x5`) is a log of what was done, not a week of the plan.
    auto box = lead;
    if (box + 2 < t.size() && t[box].is_punct('[') && t[box + 1].is_punct(']')) {
      box += 2;
    } else if (box + 3 < t.size() && t[box].is_punct('[') && t[box + 2].is_punct(']') &&
               (t[box + 1].lower() == "x" || t[box + 1].is(K::times))) {
      box += 3;
    }
    const auto next = box < t.size() ? t[box].lower() : std::string_view{};
    if (box > lead && next != "wk" && next != "week" && next != "w") lead = box;
    if (lead > 0 && lead < t.size() && t[lead].is(K::word)) {
      t.erase(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(lead));
    }
  }

  // `========== MON 9/3 ==========`: a rule of `=` on both sides of a header, as a typed-up board frames each day
  static void strip_banner(TokenList& t) {
    const auto rule = [](const Token& x) {
      return x.is_punct('=') || x.text.find_first_not_of('=') == std::string::npos;
    };
    std::size_t lead = 0;
    while (lead < t.size() && rule(t[lead])) ++lead;
    std::size_t trail = 0;
    while (trail < t.size() - lead && rule(t[t.size() - 1 - trail])) ++trail;
    if (lead < 2 || trail < 2 || lead + trail >= t.size()) return;
    t.erase(t.end() - static_cast<std::ptrdiff_t>(trail), t.end());
    t.erase(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(lead));
  }

  // --- tables pasted from a spreadsheet ---------------------------------------------

  struct Table {
    char separator = '\t';  // ' ' for columns aligned with spaces, as in text copied from a PDF
    std::vector<Column> columns;
    std::vector<std::uint32_t> starts;  // for aligned columns: where each column starts on its line
  };
  std::optional<Table> table_;
  std::string row_day_;    // the Day cell of the last row of an export
  bool in_notes_ = false;  // under an advice heading (`Avoid:`), until a blank line
  struct ListedItem {
    Statement statement;
    std::size_t preamble;  // its place among the preamble's notes
  };
  std::optional<ListedItem> listed_item_;
  // `Mon – Day 1` in a schedule before the sessions: the weekday of each session written later as `DAY 1 – ...`
  std::map<std::string, ast::Day> schedule_;
  bool dated_weeks_ = false;  // the weeks were started by dated workouts, not by week headers
  // The text is a chat: from its first message on, sentences speak of the client wherever they come. A line that
  // starts a message (`… - Mark: ha yeah baby up at 3`) is read as an aside is.
  bool chat_ = false;
  bool record_paragraph_ = false;  // the client's paragraph began at a clinical record's line
  bool every_pending_ = false;     // the session so far holds only a warm-up written for every session
  std::optional<ast::Block> every_warmup_;
  bool in_message_ = false;
  bool message_next_ = false;  // a message's sender and time stood alone on the line before
  bool copied_ = false;        // the current week copies an earlier one (`same as week 1`)
  std::size_t copied_lines_ = 0;
  std::size_t lines_ = 0;
  // Far more exercise lines than ten years of training written out, and few enough that every copy of
  // them a plan can ask for (a header naming seven weekdays) stays within memory.
  static constexpr std::size_t max_lines = 50000;
  static constexpr std::size_t max_copied_lines = 100000;

  static char separator_of(std::string_view text) {
    if (text.find('\t') != std::string_view::npos) return '\t';
    if (text.find('|') != std::string_view::npos) return '|';
    if (text.find(',') != std::string_view::npos) return ',';
    return 0;
  }

  // `Load (kg)`: the column's name and the unit in parentheses.
  static Column column_named(std::string name) {
    using C = Column::Kind;
    Column c;
    for (auto& ch : name) ch = static_cast<char>(ascii::lower(static_cast<unsigned char>(ch)));
    if (const auto open = name.find('('); open != std::string::npos) {
      const auto close = name.find(')', open);
      c.unit = unit_word(name.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1));
      name = name.substr(0, open);
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == ':')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '#')) name.erase(0, 1);
    static const std::map<std::string, C, std::less<>> names = {{"exercise", C::exercise},
                                                                {"exercises", C::exercise},
                                                                {"name", C::exercise},
                                                                {"movement", C::exercise},
                                                                {"exercise name", C::exercise},
                                                                {"lift", C::exercise},
                                                                {"drill", C::exercise},
                                                                {"sets", C::sets},
                                                                {"set", C::sets},
                                                                {"rounds", C::sets},
                                                                {"no. sets", C::sets},
                                                                {"reps", C::reps},
                                                                {"rep", C::reps},
                                                                {"repetitions", C::reps},
                                                                {"reps/time", C::reps},
                                                                {"reps / time", C::reps},
                                                                {"time", C::reps},
                                                                {"duration", C::reps},
                                                                {"hold", C::reps},
                                                                {"reps or time", C::reps},
                                                                {"load", C::load},
                                                                {"weight", C::load},
                                                                {"kg", C::load},
                                                                {"lb", C::load},
                                                                {"lbs", C::load},
                                                                {"rest", C::rest},
                                                                {"recovery", C::rest},
                                                                {"rest period", C::rest},
                                                                {"tempo", C::tempo},
                                                                {"rpe", C::rpe},
                                                                {"effort", C::rpe},
                                                                {"rir", C::rir},
                                                                {"%1rm", C::percent},
                                                                {"% 1rm", C::percent},
                                                                {"%", C::percent},
                                                                {"notes", C::notes},
                                                                {"note", C::notes},
                                                                {"comments", C::notes},
                                                                {"cues", C::notes},
                                                                {"coaching cues", C::notes},
                                                                {"instructions", C::notes},
                                                                {"week", C::week},
                                                                {"wk", C::week},
                                                                {"day", C::day},
                                                                {"session", C::day},
                                                                {"workout", C::day},
                                                                {"unit", C::unit},
                                                                {"units", C::unit},
                                                                {"prescription", C::dose},
                                                                {"dose", C::dose},
                                                                {"scheme", C::dose},
                                                                {"sets x reps", C::dose},
                                                                {"sets/reps", C::dose},
                                                                {"volume", C::dose},
                                                                {"work", C::dose},
                                                                {"protocol", C::dose},
                                                                {"target", C::dose},
                                                                {"sets & reps", C::dose},
                                                                {"sets and reps", C::dose}};
    const auto it = names.find(name);
    c.kind = it == names.end() ? C::other : it->second;
    if ((name == "kg" || name == "lb" || name == "lbs") && c.unit.empty()) c.unit = unit_word(name);
    return c;
  }

  // `Exercise<TAB>Sets<TAB>Reps<TAB>Load (kg)`: a header row names the columns of the rows under it.
  bool table_header(const TokenList& t, const Statement& s) {
    static const WordSet exercise_words = {"exercise", "exercises", "name", "movement", "lift", "drill"};
    if (std::none_of(t.begin(), t.end(), [](const Token& x) { return exercise_words.count(x.lower()) > 0; })) {
      return false;
    }
    const auto text = std::string_view(file_.text).substr(s.begin, s.end - s.begin);
    const char separator = separator_of(text);
    if (t.front().is(K::number)) return false;
    if (separator == 0) return aligned_header(t, s);
    Table table{separator, {}, {}};
    std::size_t known = 0;
    bool exercise = false;
    std::size_t begin = 0;
    while (begin <= text.size()) {
      auto end = text.find(separator, begin);
      if (end == std::string_view::npos) end = text.size();
      table.columns.push_back(column_named(std::string(text.substr(begin, end - begin))));
      week_column(table, text.substr(begin, end - begin));
      known += table.columns.back().kind != Column::Kind::other ? 1 : 0;
      exercise = exercise || table.columns.back().kind == Column::Kind::exercise;
      begin = end + 1;
    }
    if (!exercise || known < 2 || known * 2 < table.columns.size()) return false;
    later_weeks_note(t, table);
    table_ = std::move(table);
    // `W1D1<TAB>Exercise<TAB>Prescription`: the first cell names the session the rows belong to
    const auto first_cell = std::find_if(t.begin(), t.end(), [&](const Token& x) { return x.offset >= s.begin; });
    if (first_cell != t.end() && table_->columns.front().kind == Column::Kind::other) {
      const auto end = static_cast<std::size_t>(std::distance(t.begin(), first_cell)) + 2;
      const TokenList cell(first_cell, t.begin() + static_cast<std::ptrdiff_t>(std::min(end, t.size())));
      if (!cell.empty())
        day_header(cell, Statement{Statement::Kind::text, cell.front().offset, cell.back().end(), cell.front().line,
                                   cell.front().column, false});
      opens_next_.reset();
    }
    return true;
  }

  // `EXERCISE        SETS   REPS   LOAD`: names two or more spaces apart. Each row's words belong to the column
  // they stand under.
  bool aligned_header(const TokenList& t, const Statement& s) {
    if (t.size() < 2) return false;
    Table table{' ', {}, {}};
    std::size_t known = 0;
    bool exercise = false;
    for (std::size_t k = 0; k < t.size();) {
      std::size_t e = k + 1;
      while (e < t.size() && t[e].offset - t[e - 1].end() < 2) ++e;  // words one space apart: one name
      const auto name = file_.text.substr(t[k].offset, t[e - 1].end() - t[k].offset);
      table.columns.push_back(column_named(std::string(name)));
      week_column(table, name);
      table.starts.push_back(t[k].column);
      known += table.columns.back().kind != Column::Kind::other ? 1 : 0;
      exercise = exercise || table.columns.back().kind == Column::Kind::exercise;
      k = e;
    }
    if (!exercise || known < 2 || known * 2 < table.columns.size() || table.columns.size() < 2) return false;
    later_weeks_note(t, table);
    (void)s;
    table_ = std::move(table);
    return true;
  }

  // `Exercise   Wk1   Wk2   Wk3   Wk4 DELOAD`: a column per week. The first week's cells are the dose; the later
  // weeks' are notes, said once at the header, as the doses of later weeks written on a line are.
  static void week_column(Table& table, std::string_view name) {
    auto& column = table.columns.back();
    if (column.kind != Column::Kind::other) return;
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    std::size_t k = 0;
    while (k < name.size() && ascii::is_alpha(static_cast<unsigned char>(name[k]))) ++k;
    std::string word(name.substr(0, k));
    for (auto& c : word) c = static_cast<char>(ascii::lower(static_cast<unsigned char>(c)));
    if (word != "wk" && word != "week" && word != "w") return;
    while (k < name.size() && name[k] == ' ') ++k;
    if (k >= name.size() || !ascii::is_digit(static_cast<unsigned char>(name[k]))) return;
    while (k < name.size() && ascii::is_digit(static_cast<unsigned char>(name[k]))) ++k;
    if (k < name.size() && ascii::is_alpha(static_cast<unsigned char>(name[k]))) return;  // `W1D1` names a session
    const bool first = std::none_of(table.columns.begin(), table.columns.end() - 1,
                                    [](const Column& c) { return c.kind == Column::Kind::dose || c.week_dose; });
    column.kind = first ? Column::Kind::dose : Column::Kind::notes;
    column.week_dose = true;
  }

  void later_weeks_note(const TokenList& t, const Table& table) {
    const auto later = std::count_if(table.columns.begin(), table.columns.end(),
                                     [](const Column& c) { return c.week_dose && c.kind == Column::Kind::notes; });
    if (later == 0) return;
    add_note(d_, span_between(file_, t.front(), t.back()),
             fmt::format("the {} later week columns are read as notes: the doses of later weeks; write those weeks "
                         "out to have them checked",
                         later));
  }

  bool aligned_row(const TokenList& t) {
    if (t.front().column > table_->starts[1] || t.back().column < table_->starts[1] - 2) return false;
    if (day() == nullptr) implicit_session(t.front());
    std::vector<Cell> cells;
    std::size_t k = 0;
    for (std::size_t c = 0; c < table_->columns.size(); ++c) {
      // a word belongs to the column whose start is nearest at or before it, allowing two columns of slack
      const auto next = c + 1 < table_->starts.size() ? table_->starts[c + 1] - 2 : UINT32_MAX;
      Cell cell{table_->columns[c], k, k};
      while (k < t.size() && t[k].column < next) ++k;
      cell.last = k;
      cells.push_back(cell);
    }
    auto line = read_table_row(file_, t, cells, context(t), d_);
    if (line && !skipped(*line) && room_for_line(t)) add_line(current_block(), std::move(*line));
    return true;
  }

  // A row under a header: its cells by the separator, each cell's tokens read with its column's meaning.
  bool table_row(const TokenList& t, const Statement& s) {
    if (table_->separator == ' ') return aligned_row(t);
    const auto text = std::string_view(file_.text).substr(s.begin, s.end - s.begin);
    const bool day_column = std::any_of(table_->columns.begin(), table_->columns.end(),
                                        [](const Column& c) { return c.kind == Column::Kind::day; });
    if (text.find(table_->separator) == std::string_view::npos) return false;
    if (day() == nullptr && !day_column) implicit_session(t.front());
    // cells count from the start of the line: a row that starts with a tab has an empty first cell
    auto line_start = static_cast<std::uint32_t>(file_.text.rfind('\n', s.begin == 0 ? 0 : s.begin - 1) + 1);
    if (s.begin == 0 || file_.text.rfind('\n', s.begin - 1) == std::string::npos) line_start = 0;
    const auto row = std::string_view(file_.text).substr(line_start, s.end - line_start);
    std::vector<Cell> cells;
    std::size_t k = 0;
    std::uint32_t cell_begin = line_start;
    for (std::size_t column = 0; column < table_->columns.size() && cell_begin <= s.end; ++column) {
      const auto found = row.find(table_->separator, cell_begin - line_start);
      const auto cell_end = found == std::string_view::npos ? s.end : line_start + static_cast<std::uint32_t>(found);
      Cell cell{table_->columns[column], k, k};
      while (k < t.size() && t[k].offset < cell_end) ++k;
      cell.last = k;
      // the separator itself, when it is a token (`|`, `,`), belongs to no cell
      if (cell.last > cell.first && t[cell.last - 1].offset == cell_end - 1 &&
          t[cell.last - 1].is_punct(table_->separator)) {
        --cell.last;
      }
      while (k < t.size() && t[k].is_punct(table_->separator) && t[k].offset == cell_end) ++k;
      cells.push_back(cell);
      cell_begin = cell_end + 1;
    }
    place_row(t, cells, s);
    if (day() == nullptr) return false;
    auto line = read_table_row(file_, t, cells, context(t), d_);
    if (!line || skipped(*line) || !room_for_line(t)) return true;
    add_line(current_block(), std::move(*line));
    return true;
  }

  // An export with Week, Day and Unit columns: a row starts the week and the session its cells name, and its
  // unit is the load's.
  void place_row(const TokenList& t, std::vector<Cell>& cells, const Statement& s) {
    using C = Column::Kind;
    std::string unit;
    for (auto& cell : cells) {
      if (cell.first == cell.last) continue;
      const TokenList part(t.begin() + static_cast<std::ptrdiff_t>(cell.first),
                           t.begin() + static_cast<std::ptrdiff_t>(cell.last));
      if (cell.column.kind == C::unit) unit = unit_word(part.front().lower());
      if (cell.column.kind == C::week && part.front().is(K::number) &&
          (week_ < 0 || out_.weeks[static_cast<std::size_t>(week_)].first->low != part.front().value)) {
        ast::Week week;
        week.first = ast::Quantity{part.front().value, part.front().value, {}, part.front().span(file_)};
        week.last = week.first;
        week.span = part.front().span(file_);
        week.end = s.end;
        start_week(std::move(week), s);
      }
      if (cell.column.kind == C::day) {
        const auto text = std::string(file_.text.substr(part.front().offset, part.back().end() - part.front().offset));
        if (text != row_day_ || day() == nullptr) {
          row_day_ = text;
          const Statement header{Statement::Kind::text, part.front().offset, part.back().end(),
                                 part.front().line,     part.front().column, false};
          if (!day_header(part, header)) implicit_session(part.front());
          opens_next_.reset();
        }
      }
    }
    for (auto& cell : cells) {
      if (cell.column.kind == C::week || cell.column.kind == C::day || cell.column.kind == C::unit) {
        cell.last = cell.first;
      }
      if (cell.column.kind == C::load && !unit.empty()) cell.column.unit = unit;
    }
  }

  void blank() {
    in_notes_ = false;
    // a record's paragraph (`Hx: ...`, `Back: ...`, `Health notes:`) ends at a blank line
    if (record_paragraph_) in_client_ = record_paragraph_ = false;
    in_group_ = false;
    group_ = {};
    if (section_ && block_ >= 0 && day() != nullptr &&
        day()->blocks[static_cast<std::size_t>(block_)].kind == ast::Block::Kind::warmup) {
      block_ = -1;
      section_ = false;
    }
  }

  void close(const Statement& s) {
    if (braces_.empty()) {
      d_.error(Span{&file_, s.line, s.column, 1, s.begin}, "unexpected '}': there is no open '{' to close");
      return;
    }
    const Level level = braces_.back();
    braces_.pop_back();
    in_group_ = false;
    group_ = {};
    if (level == Level::client) in_client_ = false, client_braced_ = false;
    extend_week(s.end);
    if (level == Level::day || level == Level::block) extend_day(s.end);
    if (level == Level::block) block_ = -1;
    if (level == Level::day) day_ = -1, block_ = -1;
    if (level == Level::week) week_ = -1, day_ = -1, block_ = -1;
  }

  void open_anonymous(const Statement& s) {
    d_.error(Span{&file_, s.line, s.column, 1, s.begin}, "expected a week, a day or a block before '{'");
    braces_.push_back(Level::block);
  }

  bool header(const TokenList& t, const Statement& s) {
    const auto first = t.front().lower();
    if ((first == "plan" || first == "program" || first == "programme" || first == "title") && t.size() > 1 &&
        (t[1].is(K::string) || t[1].is_punct(':'))) {
      return plan_name(t), true;
    }
    if (first == "client" || first == "athlete" || first == "patient") {
      static const WordSet about = {"profile", "details", "info", "information", "summary", "notes", "background"};
      if (t.size() == 1 || t[1].is_punct(':')) return client_header(t, s), true;
      if (about.count(t[1].lower()) > 0 && (t.size() == 2 || t[2].is_punct(':'))) {
        client_header(TokenList(t.begin() + 1, t.end()), s);
        // `Client info` alone above the client's bullets: they are about the client up to the blank line
        if (t.size() <= 3 && day() == nullptr) record_paragraph_ = true;
        return true;
      }
    }
    if ((day() == nullptr || in_client_) && client_fields(t, 0)) return true;
    if (day() == nullptr && !in_client_ && clinical_record_line(t)) return true;
    if (in_client_ && !client_braced_) {
      // A client written as a paragraph ends at the first line that is not about the client: a session
      // opening a brace or starting with a weekday is never more of the paragraph.
      if (!s.opens && weekday_words.count(first) == 0 && client_note(t)) return true;
      in_client_ = false;
    }
    if (repeat_weeks(t) || same_as_week(t)) return true;
    if (note_section(t) || divider(t)) return true;
    if (prose(t) || instruction(t)) return spoken_line(t), true;
    // rows of a separated table come before headers (a first cell may say `Phase 1`); rows of an aligned
    // table, which any line could look like, after them
    if (table_ && table_->separator != ' ' && !weekday_words.count(first) && first != "week" && first != "day" &&
        table_row(t, s)) {
      return true;
    }
    // An advice section ends at the next week, session, block or group, even without a blank line.
    if (week_header(t, s) ||
        (first != "exercise" && first != "waive" && (day_header(t, s) || block_header(t, s) || group_header(t, s)))) {
      in_notes_ = false;
      return true;
    }
    if (first == "exercise" && t.size() >= 2 && t[1].is(K::string)) return declaration(s), true;
    if (first == "waive") return waiver(t, 0, scope_here(), s), true;
    if (heading(t) || export_note(t) || mail_line(t) || sheet_total(t)) return true;
    if (table_ && table_->separator == ' ' && table_row(t, s)) return true;
    if (first == "goal" || first == "goals") {
      return t.size() > 1 && (t[1].is_punct(':') || t[1].is(K::dash));
    }
    if (const auto from = aside_start(t)) return aside_line(t, *from), true;
    return false;
  }

  // `Notes: keep 2 reps in reserve`, `Target: sub 5:00`, `Progression: add 2.5kg a week`, `Bring: mat, water`:
  // the label of a remark, whose numbers are no dose.
  static bool prose_label(std::string_view word) {
    static const WordSet labels = {
        "notes",        "note",     "target",       "targets",     "bring",     "stats",        "progression",
        "progressions", "kit",      "aim",          "reminder",    "tip",       "tips",         "remember",
        "important",    "intent",   "purpose",      "homework",    "why",       "scaled",       "scaling",
        "reminders",    "criteria", "strategy",     "beginner",    "beginners", "intermediate", "advanced",
        "rx",           "options",  "alternatives", "alternative", "rationale", "appointment",  "tel",
        "phone",        "mobile",   "email",        "result",      "results",   "foundations"};
    return labels.contains(word);
  }

  // The text of an aside after its bullets, marks, brackets, marker or verb: `??? ask Sam about knees` gives
  // `Sam about knees`, `(coach: film the set)` gives `the set`, `Cue: deadlift 3x5` gives `deadlift 3x5`.
  static std::optional<std::pair<std::size_t, std::size_t>> aside_start(const TokenList& t) {
    std::size_t k = 0, end = t.size();
    const auto skip_marks = [&] {
      while (k < end && (t[k].is(K::dash) || t[k].is(K::times) || t[k].text == "*" || t[k].is_punct('>') ||
                         t[k].text == "\u2022" || t[k].is_punct('?') || t[k].is_punct('!'))) {
        ++k;
      }
    };
    skip_marks();
    bool aside = k > 0 && (t[k - 1].is_punct('?') || t[k - 1].is_punct('!'));
    if (k < end && (t[k].is_punct('(') || t[k].is_punct('[')) && t[end - 1].is_punct(t[k].text[0] == '(' ? ')' : ']')) {
      ++k, --end, aside = true;
    }
    if (k >= end) return aside ? std::optional{std::pair{end, end}} : std::nullopt;
    const auto word = t[k].lower();
    const bool noted = word == "cues" || word == "cue" || word == "coach" || word == "focus" || prose_label(word);
    // `RX / SCALED (200m run, ...)`, `FOUNDATIONS / <3 months: ...`: a board's options for each level
    const bool labelled =
        k + 1 < end && (t[k + 1].is_punct(':') || t[k + 1].is(K::dash) || (noted && t[k + 1].is_punct('/')));
    // `Coach instructions: add 10 lb per week`, `Coach notes - ...`: the coach's label is two words
    const bool coach_label = word == "coach" && !labelled && k + 2 < end && t[k + 1].is(K::word) &&
                             (t[k + 2].is_punct(':') || t[k + 2].is(K::dash));
    if ((labelled && (aside_marker(word) || noted)) || (word == "coach" && !labelled)) {
      k += labelled ? 2 : coach_label ? 3 : 1;
      aside = true;
      skip_marks();
    } else if (word == "n" && k + 2 < end && t[k + 1].is_punct('.') && t[k + 2].lower() == "b") {
      k += 3;
      if (k < end && t[k].is_punct('.')) ++k;
      aside = true;
    }
    if (k < end && aside_verb(t[k].lower()) && k + 1 < end) ++k, aside = true;
    return aside ? std::optional{std::pair{k, end}} : std::nullopt;
  }

  // `russian twist w/ ball — gentle!!`, `sit ups till failure, you can do it!`: a sentence inside a session may
  // still name what is done, so it is read as an aside, kept when its words name a known exercise, so that no
  // exercise is hidden from the rules by an exclamation mark. Without a session, or with a dose, it is prose.
  void spoken_line(const TokenList& t) {
    if (day() == nullptr) return sentence_about_client(t);
    if (chat_) client_clauses(t);
    if (in_notes_ || in_client_ || has_dose(t)) return;
    std::size_t k = 0;
    while (k < t.size() && (t[k].is(K::dash) || t[k].is(K::other) || t[k].text == "*" || t[k].is(K::number))) ++k;
    if (k < t.size() && t[k].is_punct('.')) ++k;
    std::size_t end = t.size();
    while (end > k && (t[end - 1].is_punct('!') || t[end - 1].is_punct('.') || t[end - 1].is_punct('?') ||
                       t[end - 1].is(K::other))) {
      --end;
    }
    if (k < end) aside_line(t, {k, end});
  }

  // `So GP said acute low back pain, nothing serious 👍`: before the first session of a plan for one client, a
  // sentence may say what the client has and who cleared them. Not one that says what to do if something
  // happens (`If you get pain down the leg, stop`), asks, or speaks of others, and not advice under a heading
  // such as `Red flags:`.
  void sentence_about_client(const TokenList& t) {
    if (!out_.weeks.empty() || !out_.loose_days.empty()) return;
    client_clauses(t);
  }

  // What a sentence says of the client, up to its first clause that is conditional, a question or about others.
  // In a chat, the client's messages speak of the client wherever they come (`my back went this morning`).
  void client_clauses(const TokenList& t) {
    // a team's plan speaks of no one, unless it names the athlete it is for (`Athlete: Ollie Brennan (15)`)
    if (in_notes_ || in_client_ || (group_plan_ && !out_.client)) return;
    const auto end = conditional_end(t, 0);
    if (end > 0) heading_mentions(TokenList(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(end)));
  }

  // Where the first clause from `from` that is conditional, a question or about others begins, or t.size(): `Had the
  // back spasm in March – all clear now per GP, but keep swings crisp and stop if anything grabs.` says what the
  // client had, and who cleared them; `Any change in bladder control, or numbness around the saddle` nothing.
  static std::size_t conditional_end(const TokenList& t, std::size_t from) {
    static const WordSet conditional = {"if",     "unless", "should",  "avoid",    "stop",
                                        "seek",   "watch",  "whether", "anyone",   "anybody",
                                        "others", "those",  "people",  "everyone", "everybody"};
    // `Any pain down the leg, stop`: only at a clause's start is `any` a condition (`over anything longer` is not);
    // `develop pain, numbness or tingling spreading down the leg` (its `if you` on the line above, where the page
    // wrapped): at a clause's start, what may come, not what is
    static const WordSet opening = {"any", "anything", "anytime", "develop", "notice"};
    std::size_t clause = from;
    for (auto k = from; k < t.size(); ++k) {
      if (t[k].is_punct(',') || t[k].is_punct(';') || t[k].is_punct('.') || t[k].is(K::dash)) clause = k;
      const bool opens = k == from || k == clause + 1;
      if (t[k].is_punct('?') ||
          (t[k].is(K::word) && (conditional.contains(t[k].lower()) || (opens && opening.contains(t[k].lower()))))) {
        return clause;
      }
    }
    return t.size();
  }

  // The first line of a chat's message that no header took: an exercise line when it names a known exercise, and a note
  // otherwise, whatever numbers it holds (`Right side 5/10 this morning`); before the first session, a note
  // unless it names an exercise. What it says of the client is read as a sentence's is (`my back went`).
  void chat_line(const TokenList& t) {
    if (day() == nullptr) return keep_preamble(t);
    client_clauses(t);
    quiet_aside(t, 0, t.size());
  }

  // An aside inside a session may still prescribe an exercise (`film deadlift 10 slow repetitions`, `Cue: deadlift
  // 3x5 @ 100kg`): it is read quietly, and the resolver keeps it when it names a known exercise, or one certainly
  // misspelt with a dose, which is reported. `Coach: add 10 lb per week` names none and is a note.
  void aside_line(const TokenList& t, std::pair<std::size_t, std::size_t> range) {
    const auto [first, last] = range;
    // `Notes: SPD / pelvic girdle pain flaring last 2 wks`: before the sessions, a remark speaks of the client
    if (day() == nullptr && first < last) {
      return sentence_about_client(
          TokenList(t.begin() + static_cast<std::ptrdiff_t>(first), t.begin() + static_cast<std::ptrdiff_t>(last)));
    }
    if (day() == nullptr || first >= last || !t[first].is(K::word)) return;
    quiet_aside(t, first, last);
  }

  // The tokens [first, last) read as an aside: its errors kept with it, reported only if it names an exercise.
  void quiet_aside(const TokenList& t, std::size_t first, std::size_t last) {
    Diagnostics quiet;
    auto line = read_exercise_line(file_, t, first, last, context(), quiet);
    if (!line || !room_for_line(t)) return;
    line->aside = true;
    line->errors = quiet.items();
    add_line(current_block(), std::move(*line));
  }

  // --- plan and client ----------------------------------------------------------

  void plan_name(const TokenList& t) {
    if (out_.name) d_.error(t.front().span(file_), "the plan already has a name; write 'plan \"...\"' once");
    std::size_t k = 1;
    if (t[k].is_punct(':')) ++k;
    if (k >= t.size()) {
      d_.error(t.back().span(file_), "expected the plan's name after 'plan:'");
      return;
    }
    const auto s = span_between(file_, t[k], t.back());
    std::string text(file_.text.substr(s.offset, s.length));
    if (t[k].is(K::string) && k + 1 == t.size()) text = parse_util::unquote(text);
    out_.name = ast::Value{ast::Value::Kind::string, text, 0, {}, s};
  }

  void client_header(const TokenList& t, const Statement& s) {
    // `Client: Helen Price`, then `Athlete info: 44, ...` before the first session: more about the same client
    const bool more = out_.client && !s.opens && !client_braced_ && day() == nullptr;
    if (!out_.client) out_.client.emplace();
    if (!more) out_.client_spans.push_back(Span{&file_, s.line, s.column, 6, s.begin});
    if (out_.client_spans.size() == 1) out_.client->span = out_.client_spans.front();
    in_client_ = true;
    client_braced_ = s.opens;
    if (s.opens) braces_.push_back(Level::client);
    // `Client: conditions chronic LBP, cleared yes by GP on 2026-01-10`: fields on the header line, after a
    // name or not (`Client: Dev, conditions low back pain`). Words before them are searched like a history.
    std::size_t fields = 2;
    while (fields < t.size() &&
           !(field_word(t[fields]) && (fields == 2 || t[fields - 1].is_punct(',') || t[fields - 1].is_punct(';') ||
                                       t[fields - 1].is_punct('|')))) {
      ++fields;
    }
    if (!s.opens && fields > 2) mentions(TokenList(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(fields)), 2);
    if (fields < t.size()) client_fields(t, fields);
  }

  // Several fields on one line, each starting with its name after a comma: `conditions sciatica, cleared yes`.
  bool client_fields(const TokenList& t, std::size_t k) {
    if (!field_word(t[k])) return false;
    while (k < t.size()) {
      std::size_t e = k + 1;
      while (e < t.size() &&
             !((t[e].is_punct(',') || t[e].is_punct(';')) && e + 1 < t.size() && field_word(t[e + 1]))) {
        ++e;
      }
      client_field(TokenList(t.begin() + static_cast<std::ptrdiff_t>(k), t.begin() + static_cast<std::ptrdiff_t>(e)));
      k = e + 1;
    }
    return true;
  }

  // `Pt: D. Osei, 36 M` or `Dx: L5/S1 disc herniation`: the head of a clinical note, about the patient, not
  // an exercise. A diagnosis opens the client paragraph.
  bool clinical_record_line(const TokenList& t) {
    if (health_heading(t)) return true;
    if (t.size() < 2 || !t[1].is_punct(':')) return false;
    const auto first = t.front().lower();
    if (first == "pt") return true;
    static const WordSet diagnosis = {"dx",           "hx",        "pmh",        "diagnosis", "history",
                                      "presentation", "complaint", "background", "injury",    "injuries"};
    // `Back: grade 1 isthmic spondylolisthesis L5/S1`: a note on the back, not a back day (`Back: deadlift 3x5`)
    const bool back_note = (first == "back" || first == "spine") &&
                           std::none_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); });
    if (diagnosis.count(first) == 0 && !back_note) return false;
    in_client_ = record_paragraph_ = true;
    return client_note(t);
  }

  // `Health notes (PAR-Q & GP referral):`, `Medical history:` on a line of its own: the lines under it are the
  // client's paragraph, and what the heading says of a clearance is read.
  bool health_heading(const TokenList& t) {
    static const WordSet health = {"health", "medical", "par-q", "parq", "medications", "medication"};
    if (t.size() < 2 || !t.back().is_punct(':') || !health.contains(t.front().lower())) return false;
    in_client_ = record_paragraph_ = true;
    heading_mentions(t);
    return true;
  }

  // `History: chronic LBP since 2023, cleared by physio 14/01/2026`: a line about the client in prose. Its
  // conditions and clearance are taken from it; the resolver finds the conditions.
  bool client_note(const TokenList& t) {
    static const WordSet medical = {"history",    "hx",        "dx",     "pmh",     "background", "medical",
                                    "injury",     "injuries",  "back",   "issues",  "issue",      "presentation",
                                    "presenting", "complaint", "health", "current", "status",     "condition"};
    static const WordSet other = {"notes",      "note",        "age",          "goal",         "goals",
                                  "schedule",   "name",        "occupation",   "job",          "training",
                                  "sport",      "precautions", "restrictions", "availability", "equipment",
                                  "gym",        "sessions",    "frequency",    "contact",      "height",
                                  "weight",     "dob",         "gender",       "sex",          "email",
                                  "phone",      "coach",       "trainer",      "start",        "date",
                                  "format",     "next",        "meet",         "competition",  "event",
                                  "race",       "target",      "client",       "athlete",      "member",
                                  "level",      "pt",          "reviews",      "physio",       "physiotherapist",
                                  "instructor", "therapist",   "doctor",       "gp",           "referral",
                                  "referred",   "test",        "tests",        "assessment",   "baseline",
                                  "results",    "measurements"};
    // `Physio (Amy B) cleared him for progressive gym work on 03/02/2026.`, `GP ok'd the gym on 12/01/2026`,
    // `Retired teacher. No back pain, knees ok.`: a clearance or a sentence is more prose about the client
    if (clearance_in(t, 0) || client_sentence(t)) {
      mentions(t, 0);
      return true;
    }
    std::size_t k = 0;
    while (k < t.size() && t[k].is(K::word) && k < 3) ++k;
    const bool lower_start = t.front().is(K::word) && t.front().text[0] >= 'a' && t.front().text[0] <= 'z';
    // (not `cat cow x8`, an exercise after the paragraph)
    const bool sets = std::any_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); });
    if (lower_start && !sets && (k >= t.size() || !t[k].is_punct(':'))) {
      mentions(t, 0);  // a line wrapped from the one above: `back pain, overweight. Sedentary for years.`
      return true;
    }
    if (k == 0 || k >= t.size() || !(t[k].is_punct(':') || t[k].is(K::dash) || t[k].is_punct(','))) {
      // a wrapped line of the paragraph, without a dose: more of the same prose; with one, when it is sentences
      // (`Old compression fracture T11 (2022), not painful now. Has lost about 4cm height`)
      const bool sentences =
          two_sentences(t) && std::none_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); });
      if (!has_dose(t) && !prose(t) && !sentences) return false;
      if (!has_dose(t) || sentences) mentions(t, 0);
      return !has_dose(t) || sentences;
    }
    for (std::size_t j = 0; j < k; ++j) {
      const auto w = t[j].lower();
      if (w == "clearance" || w == "cleared" ||
          ((w == "physiotherapist" || w == "physio" || w == "gp" || w == "doctor") && k == 1 && k + 1 < t.size())) {
        // `GP clearance: Dr Mahmood, 05/01/2026`: a clearance, unless the value says otherwise
        const auto value = k + 1 < t.size() ? t[k + 1].lower() : std::string_view{};
        auto& c = client(t.front());
        if (!c.cleared) {
          const auto said = clearance_in(t, k + 1);
          c.cleared = said ? *said : value != "no" && value != "not" && value != "pending" && value != "awaiting";
          if (*c.cleared) clearance_date(t, k + 1);
        }
        mentions(t, k + 1);
        return true;
      }
      if (medical.count(w) > 0) {
        mentions(t, k + 1);
        return true;
      }
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (other.count(t[j].lower()) > 0) return none_restricted(t, j, k), true;
    }
    // under a heading about the client (`Client info`, `Health notes:`), up to the blank line, a line without sets
    // is about the client whatever its key (`Osteoporosis – DEXA Nov 2025: lumbar spine T-score -3.1`)
    if (record_paragraph_ && std::none_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); })) {
      mentions(t, 0);
      return true;
    }
    return false;
  }

  // `Restrictions: none`, `Restrictions: nil`: the clearance sets none.
  void none_restricted(const TokenList& t, std::size_t label, std::size_t colon) {
    if (t[label].lower() != "restrictions" || colon + 2 != t.size()) return;
    const auto value = t[colon + 1].lower();
    if (value == "none" || value == "nil" || value == "no") client(t.front()).without_restrictions = true;
  }

  // A sentence of four words or more, ending with a full stop or holding one before more words, without sets
  // written as `3x10`: prose, in the paragraph about the client.
  static bool client_sentence(const TokenList& t) {
    std::size_t words = 0;
    bool stop = false;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k].is(K::word)) ++words;
      // a full stop after a word (`Retired teacher.`), not the one of a numbered list (`1. Knee rolls`)
      if (t[k].is_punct('.') && k > 0 && t[k - 1].is(K::word) && (k + 1 == t.size() || t[k + 1].is(K::word))) {
        stop = true;
      }
      if (t[k].is(K::times) && k + 1 < t.size() && t[k + 1].is(K::number)) return false;
    }
    return stop && words >= 4;
  }

  // Keeps prose about the client for the resolver to find conditions in, and reads a clearance from it.
  void mentions(const TokenList& t, std::size_t k) {
    if (k >= t.size()) return;
    auto& c = client(t.front());
    const auto end = conditional_end(t, k);
    if (end <= k) return;
    const auto s = span_between(file_, t[k], t[end - 1]);
    c.mentions.push_back(ast::Name{std::string(file_.text.substr(s.offset, s.length)), s});
    if (chat_ || reporting_) c.reports.push_back(c.mentions.size() - 1);
    if (const auto said = clearance_in(t, k); said && !c.cleared) {
      c.cleared = *said;
      if (*said) clearance_date(t, k);
      if (*said) c.cleared_in_chat = c.mentions.size() - 1;
    }
    // `Surgeon cleared him at 12 weeks.` then `No restrictions.`: said of the clearance on a line of its own too
    if (prose::says_without_restrictions(prose_for_search(c.mentions.back().text))) c.without_restrictions = true;
  }

  // What prose says of a clearance: `cleared for full gym training`, `physio signed him off`, `GP ok'd the
  // gym`, `green light from the surgeon`; not when negated (`not cleared`, `awaiting clearance`) or limited to
  // activities that are not training in a gym (`cleared for walking and swimming only`).
  std::optional<bool> clearance_in(const TokenList& t, std::size_t k) const {
    if (k >= t.size()) return std::nullopt;
    const auto s = span_between(file_, t[k], t.back());
    const auto text = prose_for_search(file_.text.substr(s.offset, s.length));
    const auto said = prose::clearance_word(text);
    if (!said) return std::nullopt;
    const std::string_view before(text.data(), said->begin);
    const auto after = std::string_view(text).substr(said->end);
    if (prose::ends_negated(before.substr(before.size() > 24 ? before.size() - 24 : 0)) ||
        after.substr(0, 8) == " pending") {
      return false;
    }
    const auto clause = after.substr(0, after.find_first_of(";.|"));
    if (clause.find(" only") != std::string_view::npos && !prose::names_gym_work(clause)) return false;
    return true;
  }

  // `cleared for full gym training on 15/01/2026`: the date of a clearance given in prose.
  void clearance_date(const TokenList& t, std::size_t k) {
    auto& c = client(t.front());
    if (c.cleared_on) return;
    for (std::size_t j = k; j < t.size(); ++j) {
      if (t[j].is(K::date)) {
        c.cleared_on = ast::Value{ast::Value::Kind::string, std::string(t[j].text), 0, {}, t[j].span(file_)};
        return;
      }
      if (auto iso = slash_date(t, j)) {
        c.cleared_on = ast::Value{ast::Value::Kind::string, *iso, 0, {}, t[j].span(file_)};
        return;
      }
    }
  }

  // `20/02/2026` or `2/20/2026` when only one reading is a date: a day above 12 says which number is the
  // month. `3/4/2026` could be either and is not read.
  std::optional<std::string> slash_date(const TokenList& t, std::size_t j) const {
    if (j + 4 >= t.size()) return std::nullopt;
    if (!(t[j].is(K::number) && t[j + 1].is_punct('/') && t[j + 2].is(K::number) && t[j + 3].is_punct('/') &&
          t[j + 4].is(K::number) && t[j + 4].text.size() == 4)) {
      return std::nullopt;
    }
    const auto a = saturated_int(t[j].value);
    const auto b = saturated_int(t[j + 2].value);
    const auto year = saturated_int(t[j + 4].value);
    int day = 0;
    int month = 0;
    if (a > 12 && b <= 12) day = a, month = b;
    if (b > 12 && a <= 12) day = b, month = a;
    if (a == b && a <= 12) day = a, month = b;
    if (day == 0 || month < 1 || day > 31) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  }

  // `[09/03/2026, 20:14] Coach Ali 💪: text`: a message copied from a chat app. Where the text starts.
  static std::size_t chat_prefix(const TokenList& t) {
    if (const auto from = exported_chat_prefix(t)) return from;
    if (sender_and_time(t)) return t.size();
    if (const auto from = commenter(t)) return from;
    if (t.size() < 4 || !t[0].is_punct('[')) return 0;
    std::size_t k = 1;
    bool stamp = false;  // a time or a date: `[Deadlift 3x8]` is an exercise in brackets, not a message
    for (; k < t.size() && k < 12 && !t[k].is_punct(']'); ++k) stamp = stamp || t[k].is(K::clock) || t[k].is(K::date);
    if (k >= t.size() || !t[k].is_punct(']') || !stamp) return 0;
    std::size_t colon = k + 1;
    while (colon < t.size() && colon < k + 8 && !t[colon].is_punct(':')) ++colon;
    return colon < t.size() && t[colon].is_punct(':') ? colon + 1 : k + 1;
  }

  // `11/03/2024, 18:04 - Priya (Coach): Week 5 below`, `3/11/24, 6:04 PM - Mark: done`: a chat exported as text,
  // the date, the time and the sender before the message.
  static std::size_t exported_chat_prefix(const TokenList& t) {
    std::size_t k = message_date(t);
    if (k == 0) return 0;
    if (k < t.size() && t[k].is_punct(',')) ++k;
    if (k >= t.size() || !t[k].is(K::clock)) return 0;
    ++k;
    if (k < t.size() && (t[k].lower() == "am" || t[k].lower() == "pm")) ++k;
    if (k >= t.size() || !t[k].is(K::dash)) return 0;
    std::size_t colon = k + 1;
    while (colon < t.size() && colon < k + 8 && !t[colon].is_punct(':')) ++colon;
    return colon < t.size() && t[colon].is_punct(':') ? colon + 1 : 0;
  }

  // `Chloe (Wed 13 Mar, 19:48): 21-15-9 done`, `Jess (03/06): felt heavy`: a comment in a coaching app, its
  // author and when in brackets. Where the comment starts, or 0.
  static std::size_t commenter(const TokenList& t) {
    std::size_t k = 0;
    while (k < t.size() && k < 3 && t[k].is(K::word)) ++k;
    if (k == 0 || k + 3 >= t.size() || !t[k].is_punct('(') || !t[0].is(K::word) || t[0].text[0] < 'A' ||
        t[0].text[0] > 'Z') {
      return 0;
    }
    bool when = false;
    auto j = k + 1;
    for (; j < t.size() && j < k + 10 && !t[j].is_punct(')'); ++j) {
      when = when || t[j].is(K::clock) || t[j].is(K::date) || (t[j].is_punct('/') && j > 0 && t[j - 1].is(K::number));
    }
    return when && j + 1 < t.size() && t[j].is_punct(')') && t[j + 1].is_punct(':') ? j + 2 : 0;
  }

  // `Lewis Hartley (S&C)  9:47 AM`: a message's sender and time alone on a line, as a team chat copies it. Not a
  // session's title and time (`Lower A 6:00 AM`) nor a weekday's.
  static bool sender_and_time(const TokenList& t) {
    // with AM or PM: `Wall sit 1:30` is an exercise and its time
    auto end = t.size();
    if (end == 0 || !(t[end - 1].lower() == "am" || t[end - 1].lower() == "pm")) return false;
    --end;
    if (end < 3 || end > 9 || !t[end - 1].is(K::clock)) return false;
    const TokenList name(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(end - 1));
    const bool capitalised = name.front().is(K::word) && name.front().text[0] >= 'A' && name.front().text[0] <= 'Z';
    std::size_t words = 0;
    for (const auto& x : name) {
      if (x.is(K::word)) ++words;
      if (x.is(K::number) || x.is(K::times) || x.is(K::date)) return false;
    }
    return capitalised && words >= 2 && words <= 5 && !weekday_words.contains(name.front().lower()) &&
           !title_like(name);
  }

  // `11/03/2024`, `Mon 4 Mar 2024`, `Tue, Mar 5, 2024`: the date of a message, as chat apps export it. How many
  // tokens it takes, or 0.
  static std::size_t message_date(const TokenList& t) {
    const auto number = [&](std::size_t k) { return k < t.size() && t[k].is(K::number); };
    const auto slash = [&](std::size_t k) { return k < t.size() && t[k].is_punct('/'); };
    const auto month = [&](std::size_t k) { return k < t.size() && month_words.contains(t[k].lower()); };
    const auto year = [&](std::size_t k) { return number(k) && t[k].text.size() == 4; };
    if (number(0) && slash(1) && number(2) && slash(3) && number(4)) return 5;
    std::size_t k = 0;
    if (k < t.size() && weekday_words.contains(t[k].lower())) ++k;
    if (k < t.size() && t[k].is_punct(',')) ++k;
    if (number(k) && month(k + 1)) {
      k += 2;
    } else if (month(k) && number(k + 1)) {
      k += 2;
    } else {
      return 0;
    }
    if (k < t.size() && t[k].is_punct(',') && year(k + 1)) ++k;
    return year(k) ? k + 1 : k;
  }

  // `Then AMRAP 10:`, `Finish with 10 min on the bike`, `Followed by 3 rounds:`, `And then plank 3x30s`: words that
  // say what comes next, before what does. How many tokens they take, or 0.
  static std::size_t sequence_word(const TokenList& t) {
    static const WordSet alone = {"then", "next", "plus", "afterwards", "after", "finally", "lastly"};
    static const WordSet before_with = {"finish", "finishing", "end", "ending", "start", "starting", "followed"};
    static const WordSet joins = {"with", "by", "on"};
    std::size_t k = 0;
    if (t.size() > 2 && t[0].lower() == "and") ++k;
    if (k + 1 < t.size() && alone.contains(t[k].lower()))
      ++k;
    else if (k + 2 < t.size() && before_with.contains(t[k].lower()) && joins.contains(t[k + 1].lower()))
      k += 2;
    else
      return 0;
    if (k < t.size() && (t[k].is_punct(',') || t[k].is_punct(':') || t[k].is(K::dash))) ++k;
    return k < t.size() ? k : 0;
  }

  // `Strength: Back squat 5x5`, `WOD: AMRAP 15`, `Min 1: 12 cal bike`, `Add: side plank`: a label before what the
  // line says. Where the rest starts, or 0.
  static std::size_t section_label(const TokenList& t) {
    static const WordSet labels = {
        "strength",   "skill", "wod",   "metcon",   "conditioning", "accessory", "accessories", "power", "olympic",
        "gymnastics", "add",   "then",  "plus",     "also",         "finish",    "finisher",    "buy",   "odd",
        "even",       "part",  "daily", "superset", "triset",       "emom",      "for",         "time",  "workout"};
    if (t.size() < 3) return 0;
    // `Section 2 · Main (Regular)`: a coaching app's numbered section, then the block it is
    if (t[0].lower() == "section" && t[1].is(K::number) && t.size() > 3 &&
        (t[2].text == "\u00b7" || t[2].is_punct(':') || t[2].is(K::dash) || t[2].is_punct('.'))) {
      return 3;
    }
    std::size_t k = 0;
    while (k < 3 && k < t.size() && (t[k].is(K::word) || (t[k].is(K::number) && k > 0))) ++k;
    // `Min 1: 12 cal bike`, and with a dash: `min 1 - 12 goblet squats`, `odd - 3 power cleans @ 70%`
    if (k == 0 || k + 1 >= t.size() || !(t[k].is_punct(':') || (t[k].is(K::dash) && !t[k].attached))) return 0;
    const auto first = t[0].lower();
    const bool minute = (first == "min" || first == "minute" || first == "minutes") && k == 2;
    // with a dash, only a word alone or a minute: `Power Clean – EMOM 10` names the exercise
    if (t[k].is(K::dash) && k != 1 && !minute) return 0;
    if (!minute && (labels.count(first) == 0 || k > 2)) return 0;
    if (k == 2 && !minute && !t[1].is(K::word) && !t[1].is(K::number)) return 0;
    return k + 1;
  }

  // A dose: a times sign, a clock, or a number with a unit or a count word after it.
  static bool has_dose(const TokenList& t) {
    for (std::size_t k = 0; k < t.size(); ++k) {
      const auto next = k + 1 < t.size() ? t[k + 1].lower() : std::string_view{};
      if (t[k].is(K::times) || t[k].is(K::clock) ||
          (t[k].is(K::number) &&
           (t[k].mark != 0 || !unit_word(next).empty() || next == "reps" || next == "sets" || next == "rounds" ||
            next == "x" || next == "each" || next == "per" || next == "times" || next == "repetitions"))) {
        return true;
      }
    }
    return false;
  }

  // A set count or a dose (`3x8`, `60kg`), not a time stamp: a line with one prescribes, whatever else it holds,
  // so a footer, a link or a stamp on it never hides it.
  static bool prescribes(const TokenList& t) {
    const auto any = [&](K kind) {
      return std::any_of(t.begin(), t.end(), [&](const Token& x) { return x.is(kind); });
    };
    return any(K::times) || (has_dose(t) && !any(K::clock));
  }

  // `PEAK PERFORMANCE PERSONAL TRAINING`, `Page 1 of 2`, `www.example.com`: a document's headings and footers.
  static bool heading(const TokenList& t) {
    std::size_t words = 0;
    bool upper = true;
    const bool dosed = prescribes(t);
    for (std::size_t k = 0; k < t.size(); ++k) {
      const auto w = t[k].lower();
      if (!dosed && (w.starts_with("www.") || w.starts_with("http"))) return true;
      if (!dosed && w == "page" && k + 3 < t.size() && t[k + 1].is(K::number) && t[k + 2].lower() == "of") return true;
      if (!t[k].is(K::word)) continue;
      ++words;
      upper = upper && std::none_of(t[k].text.begin(), t[k].text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }
    const auto last = t.back().lower();
    const bool titled = last == "notes" || last == "plan" || last == "profile" || last == "programme" ||
                        last == "program" || last == "training";
    return upper && !has_dose(t) && (words >= 3 || (words == 2 && titled));
  }

  // `Exported from CoachHub,01/03/2026`: what an app writes about the file, not the plan. Client lines of an
  // export (`Client,Priya`, `Health notes,"..."`) are read like a client paragraph.
  bool export_note(const TokenList& t) {
    const auto w = t.front().lower();
    // what a messaging app prints around the messages: `iMessage`, `Thread`, `5 replies`, `Read 11:40`, `Delivered`
    static const WordSet apps = {"imessage", "thread", "messenger", "whatsapp", "sms", "delivered", "slack"};
    if (t.size() == 1 && apps.contains(w)) return true;
    if (t.size() == 2 && t[0].is(K::number) && (t[1].lower() == "replies" || t[1].lower() == "reply")) return true;
    if (t.size() == 2 && t[1].is(K::clock) && (w == "read" || w == "seen" || w == "delivered")) return true;
    // `Today 18:47`, `Yesterday 9:02 pm`: a message's time in a text conversation pasted whole
    if ((w == "today" || w == "yesterday") && t.size() <= 3 && t.size() >= 2 && t[1].is(K::clock)) return true;
    // `Exercise 2 of 6`, `Workout 2 of 3`: a coaching app's count of what follows
    if ((w == "exercise" || w == "workout" || w == "movement") && t.size() >= 4 && t[1].is(K::number) &&
        t[2].lower() == "of" && t[3].is(K::number)) {
      return t.size() == 4 || t[4].is(K::dash);
    }
    if (w == "exported" || w == "generated" || w == "printed" || w == "created" || w == "downloaded") {
      return !prescribes(t);
    }
    if (day() != nullptr || t.size() < 3 || !t[1].is_punct(',')) {
      if (!(day() == nullptr && t.size() > 3 && t[2].is_punct(',') && t[0].is(K::word) && t[1].is(K::word))) {
        return false;
      }
    }
    return client_note(t);
  }

  // `Subject:`, `From:`, `On Tue, 3 Mar 2026, Tom wrote:`: the envelope of an email pasted whole.
  bool mail_line(const TokenList& t) {
    static const WordSet keys = {"subject", "from", "to", "cc", "bcc", "sent", "date", "reply", "re", "fw", "fwd"};
    if (t.size() > 1 && t[1].is_punct(':') && keys.count(t.front().lower()) > 0 && day() == nullptr) return true;
    return t.size() > 2 && t.back().is_punct(':') && t[t.size() - 2].lower() == "wrote" && !prescribes(t);
  }

  // `Repeat for 4 weeks`, `Do this week x 6 weeks`, `Run for 3 wks`: the week written so far repeats. Days
  // written without a week become weeks 1 to N; a `Week 2` block becomes weeks 2 to N+1.
  bool repeat_weeks(const TokenList& t) {
    static const WordSet verbs = {"repeat", "repeated", "run", "do", "follow", "continue", "same"};
    if (!verbs.count(t.front().lower()) || t.size() > 12) return false;
    std::optional<double> count;
    for (std::size_t k = 1; k + 1 < t.size(); ++k) {
      const auto unit = t[k + 1].lower();
      if (t[k].is(K::number) && (unit == "weeks" || unit == "week" || unit == "wks" || unit == "wk")) {
        count = t[k].value;
      }
    }
    if (!count || *count < 1 || *count > 520 || (out_.weeks.empty() && out_.loose_days.empty())) return false;
    if (out_.weeks.empty()) {
      ast::Week week;
      week.first = ast::Quantity{1, 1, {}, t.front().span(file_)};
      week.span = out_.loose_days.front().span;
      week.end = t.back().end();
      week.days = std::move(out_.loose_days);
      out_.loose_days.clear();
      out_.weeks.push_back(std::move(week));
      for (auto& p : pending_) {
        if (p.week < 0) p.week = 0;
      }
      week_ = 0;
    }
    auto& week = out_.weeks[static_cast<std::size_t>(week_ >= 0 ? week_ : 0)];
    const double last = week.first->low + *count - 1;
    week.last = ast::Quantity{last, last, {}, span_between(file_, t.front(), t.back())};
    day_ = -1;
    return true;
  }

  // `W2: +2.5kg SQ/BP on all sets`: after a week written `W2`, a number other than a week's (`W3-4`,
  // `same as W1`) makes the line a note about the week, not its header.
  // `Wk 2: add tuck jumps 3 x 10`, `W3: RDL up to 30kg`, inside a session: a change the plan makes in a later
  // week, written where the week is not. It is said as a note: the week written out is what gets checked.
  bool week_change(const TokenList& t) {
    if (day() == nullptr || t.size() < 4) return false;
    const auto w = t[0].lower();
    if (w != "wk" && w != "week" && w != "w") return false;
    std::size_t k = 1;
    if (!t[k].is(K::number) || (w == "w" && !t[k].attached)) return false;
    ++k;
    if (k + 1 < t.size() && t[k].is(K::dash) && t[k + 1].is(K::number)) k += 2;
    if (k >= t.size() || !(t[k].is_punct(':') || t[k].is(K::dash)) || !numbers_after_week(t, k + 1)) return false;
    // `Week 2: +1kg on goblet squat, same as week 1 otherwise`: a week of its own, copied from another
    if (std::any_of(t.begin(), t.end(), [](const Token& x) { return x.lower() == "same"; })) return false;
    return read_as_note(t, "a change for a later week; write that week out to have it checked");
  }

  static bool numbers_after_week(const TokenList& t, std::size_t from) {
    for (std::size_t j = from; j < t.size(); ++j) {
      if (!t[j].is(K::number)) continue;
      const auto before = t[j - 1].lower();
      const bool week_number =
          before == "w" || before == "wk" || before == "week" || (t[j - 1].is(K::dash) && j == from + 1);
      if (!week_number) return true;
    }
    return false;
  }

  // `Week 3: same as week 1`: the week repeats the days of an earlier one. Lines under it that name an
  // exercise of those days change its dose (`Goblet squat 3x10 @ 14kg`).
  bool same_as_week(const TokenList& t) {
    if (week_ < 0 || !out_.weeks[static_cast<std::size_t>(week_)].days.empty()) return false;
    std::size_t k = 0;
    while (k + 3 < t.size() && !(t[k].lower() == "same" && t[k + 1].lower() == "as")) ++k;
    const auto word = k + 2 < t.size() ? t[k + 2].lower() : std::string_view{};
    // `same as week 1`; `same as weeks 1-2` copies the first of them, the template the others vary
    const bool week_word = word == "week" || word == "wk" || word == "w" || word == "weeks" || word == "wks";
    if (k + 3 >= t.size() || !week_word || !t[k + 3].is(K::number)) {
      return false;
    }
    const auto source = std::find_if(out_.weeks.begin(), out_.weeks.end(), [&](const ast::Week& w) {
      return w.first->low <= t[k + 3].value && t[k + 3].value <= w.last->low;
    });
    if (source == out_.weeks.end() || &*source == &out_.weeks[static_cast<std::size_t>(week_)]) return false;
    std::size_t lines = 0;
    for (const auto& d : source->days) {
      for (const auto& b : d.blocks) lines += b.lines.size();
    }
    // Each copy is a whole week of lines: a short file could otherwise grow into millions of them.
    copied_lines_ += lines;
    if (copied_lines_ > max_copied_lines) {
      if (copied_lines_ - lines <= max_copied_lines)
        d_.error(t[k].span(file_),
                 fmt::format("the plan repeats more than {} lines with 'same as'; write the weeks that repeat as one "
                             "template, such as 'week 1..12'",
                             max_copied_lines));
      copied_ = true;
      return true;
    }
    auto days = source->days;
    for (auto& d : days) {
      d.copied = true;
      for (auto& b : d.blocks) {
        for (auto& l : b.lines) l.errors.clear();  // reported once, where they are written
      }
    }
    auto& week = out_.weeks[static_cast<std::size_t>(week_)];
    week.days = std::move(days);
    copied_ = true;
    return true;
  }

  // The line after the last one a plan may have is an error, once; it and the rest are not read.
  bool room_for_line(const TokenList& t) {
    if (++lines_ <= max_lines) return true;
    if (lines_ == max_lines + 1) {
      d_.error(t.front().span(file_),
               fmt::format("a plan has at most {} exercise lines; this one and the rest are not read", max_lines));
    }
    return false;
  }

  // Under a copied week, a line naming an exercise of those days gives it a new dose.
  bool replace_dose(const TokenList& t) {
    if (!copied_ || week_ < 0 || day_ >= 0) return false;
    Diagnostics quiet;
    auto line = read_exercise_line(file_, t, 0, t.size(), context(), quiet);
    if (!line || quiet.has_errors()) return false;
    const auto key = normalize_name(line->name.text);
    for (auto& d : out_.weeks[static_cast<std::size_t>(week_)].days) {
      for (auto& b : d.blocks) {
        for (auto& l : b.lines) {
          if (normalize_name(l.name.text) != key) continue;
          const auto name = l.name;
          const auto group = l.group;
          l = std::move(*line);
          l.name.text = name.text;
          l.group = group;
          return true;
        }
      }
    }
    return false;
  }

  // `Avoid for now:`, `Red flags – stop and call me if:`, `General advice:`: the lines under such a heading, up
  // to a blank line, are advice, not exercises to do. Naming sit-ups under `Avoid:` must not plan sit-ups.
  bool note_section(const TokenList& t) {
    static const WordSet words = {"avoid",     "advice",    "flags",     "flag",  "precautions", "warning", "warnings",
                                  "tips",      "reminders", "don't",     "dont",  "stop",        "contact", "important",
                                  "seek",      "why",       "goals",     "notes", "appointment", "review",  "follow",
                                  "follow-up", "education", "homework?", "not",   "never"};
    // `LEADERBOARD (Mon)`, `Scores:`: the times the class posted, under a board's heading of its own
    static const WordSet scores = {"leaderboard", "scores", "results", "scoreboard"};
    if (scores.contains(t.front().lower()) && t.size() <= 6 && !has_dose(t)) return in_notes_ = true;
    if (!t.back().is_punct(':') || has_dose(t) || t.size() > 10) return false;
    // `Main (important):`, `Finisher - tips:`, `Contact work:`: a block of the session, whatever else it says
    // `Core - do NOT skip:`: an instruction to do the block, not advice against it
    static const WordSet blocks = {"main",        "block", "circuit", "finisher", "superset", "accessory",
                                   "accessories", "work",  "session", "set",      "sets",     "day",
                                   "workout",     "lifts", "part",    "rpe",      "skip"};
    if (std::any_of(t.begin(), t.end(), [](const Token& x) { return blocks.count(x.lower()) > 0; })) return false;
    const bool advice = std::any_of(t.begin(), t.end(), [](const Token& x) { return words.count(x.lower()) > 0; });
    if (!advice) return false;
    in_notes_ = true;
    return true;
  }

  // ---, ***, ===: a divider between parts of a pasted document; ``` around a block of Markdown.
  static bool divider(const TokenList& t) {
    // `<aside>`, `</aside>`: a tag of the page a notes app exported as HTML
    if (t.size() >= 3 && t.size() <= 4 && t.front().is_punct('<') && t.back().is_punct('>') &&
        t[t.size() - 2].is(K::word)) {
      return true;
    }
    return std::all_of(t.begin(), t.end(), [](const Token& x) {
      // `|-----|:---:|`: the rule under a Markdown table's column names
      return x.is(K::dash) || x.is(K::times) || x.is_punct('=') || x.is_punct('_') || x.is_punct('~') ||
             x.is_punct('|') || x.is_punct(':') || x.is_punct('`') || x.is(K::other);
    });
  }

  // `Warm-up (10 min – if you're short on time skip it)`: a block's header, whatever its remark in brackets says.
  static bool remark_after_block_word(const TokenList& t) {
    static const WordSet blocks = {"warmup", "warm-up", "cooldown", "cool-down"};
    std::size_t k = 0;
    if (k < t.size() && blocks.contains(t[k].lower())) {
      ++k;
    } else if (k + 1 < t.size() && ((t[k].lower() == "warm" && t[k + 1].lower() == "up") ||
                                    (t[k].lower() == "cool" && t[k + 1].lower() == "down"))) {
      k += 2;
    } else {
      return false;
    }
    return k < t.size() && t[k].is_punct('(') && t.back().is_punct(')');
  }

  // A sentence to the reader (`Hi Sarah, here's the plan.`, `Work up through your warm-up sets.`): not an
  // exercise and not a header. A line with a dose (3x10, 30s) is never prose.
  static bool prose(const TokenList& t) {
    if (remark_after_block_word(t)) return false;
    // `stop and text me x`: a sign-off's kisses are no sets
    if (t.size() > 3 && t.back().is(K::times) && !t[t.size() - 2].is(K::number)) {
      return prose(TokenList(t.begin(), t.end() - 1));
    }
    static const WordSet function_words = {
        "i",      "you",      "your",       "we",        "our",     "my",     "me",    "she",   "he",     "her",
        "him",    "they",     "them",       "it",        "it's",    "this",   "that",  "if",    "when",   "will",
        "should", "can",      "could",      "would",     "don't",   "do",     "is",    "are",   "was",    "be",
        "been",   "have",     "has",        "so",        "because", "but",    "just",  "sure",  "let",    "know",
        "here",   "there",    "what",       "how",       "why",     "any",    "let's", "i'll",  "you're", "we'll",
        "i'm",    "here's",   "please",     "thanks",    "thank",   "cheers", "hi",    "hello", "hey",    "dear",
        "that's", "anything", "everything", "something", "nothing"};
    std::size_t words = 0, function = 0;
    for (const auto& x : t) {
      if (!x.is(K::word)) continue;
      ++words;
      function += function_words.count(x.lower()) > 0 ? 1 : 0;
    }
    // `Walk 30 min most days.` is an exercise; `So ~105kg for your work sets, if it moves well.` is not
    const bool dose = has_dose(t) || std::any_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::tempo); });
    // `Physio is treating it, he's happy for her to keep running. Strength 2x/wk is his homework for her.`: many
    // words of speech make a sentence even with sets in it
    if (dose) {
      return function >= 5 ||
             (function >= 2 && !std::any_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); }));
    }
    std::size_t end = t.size();
    while (end > 1 && t[end - 1].is(K::other)) --end;  // emoji after the full stop
    const auto& last = t[end - 1];
    // `any problems peeing?`: a question is speech from two words on
    const bool sentence =
        ((last.is_punct('.') || last.is_punct('!')) && words >= 4) || (last.is_punct('?') && words >= 2);
    const auto first = t.front().lower();
    const bool greeting = first == "hi" || first == "hey" || first == "hello" || first == "dear" || first == "thanks" ||
                          first == "cheers" || first == "regards" || first == "sent";
    return sentence || greeting || function >= 2;
  }

  // `Progress loads by ~5% when all reps are done.`, `Replace the bike with the cross trainer.`: an instruction
  // about the plan, written as a sentence, even with numbers in it.
  static bool instruction(const TokenList& t) {
    static const WordSet verbs = {"progress", "replace", "increase", "decrease", "reduce", "keep",     "make", "try",
                                  "aim",      "focus",   "check",    "stop",     "avoid",  "remember", "use",  "swap",
                                  "drop",     "build",   "deload",   "rest",     "take",   "please"};
    std::size_t end = t.size();
    while (end > 1 && t[end - 1].is(K::other)) --end;
    const auto& last = t[end - 1];
    const bool no_sets = std::none_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); });
    return (t.size() >= 5 && verbs.count(t.front().lower()) > 0 && (last.is_punct('.') || last.is_punct('!')) &&
            no_sets) ||
           (no_sets && description(t, last.is_punct('.') || last.is_punct('!')));
  }

  // `Stand over the kettlebell, push your hips back`, `Hold a dumbbell (8–12 kg) at your chest. Squat`: how to
  // do the exercise above, as a home programme describes it under the dose, a sentence or more (cut where the page
  // wrapped). Six words or more, starting with a verb of how the body is placed.
  static bool description(const TokenList& t, bool ends_sentence) {
    static const WordSet placing = {"stand",  "lie",    "lying", "sit",     "kneel", "start", "place",  "bend",
                                    "lean",   "begin",  "brace", "breathe", "tuck",  "draw",  "roll",   "squeeze",
                                    "slowly", "gently", "push",  "pull",    "lift",  "lower", "return", "hold"};
    std::size_t k = 0;
    while (k < t.size() && !t[k].is(K::word)) ++k;
    if (k >= t.size() || !placing.contains(t[k].lower())) return false;
    const auto words = std::count_if(t.begin(), t.end(), [](const Token& x) { return x.is(K::word); });
    // `Hold a plank for 30 seconds each side.` is a dose; `Hold a dumbbell at your chest.` says how
    const bool to_the_reader =
        std::any_of(t.begin(), t.end(), [](const Token& x) { return x.lower() == "your" || x.lower() == "you"; });
    if (t[k].lower() == "hold" && !to_the_reader) return false;
    return words >= 6 && (ends_sentence || two_sentences(t) || t[k].lower() == "stand" || t[k].lower() == "lie");
  }

  // `... not painful now. Has lost about 4cm height`: a full stop, then a capital, within the line
  // (not `1. Knee rolls`, a numbered item)
  static bool two_sentences(const TokenList& t) {
    std::size_t words = 0;
    for (std::size_t j = 0; j + 1 < t.size(); ++j) {
      words += t[j].is(K::word) ? 1 : 0;
      const auto& next = t[j + 1];
      if (j > 0 && words >= 2 && t[j].is_punct('.') && t[j - 1].is(K::word) && next.is(K::word) &&
          ascii::is_upper(static_cast<unsigned char>(next.text.front()))) {
        return true;
      }
    }
    return false;
  }

  static bool field_word(const Token& x) {
    const auto w = x.lower();
    if (w == "medical") return true;  // `Medical clearance: yes`; client_field tells it from a medical history
    return w == "conditions" || w == "condition" || w == "diagnosis" || w == "symptoms" || w == "symptom" ||
           w == "cleared" || w == "clearance" || w == "experience" || w == "level" || w == "age" || w == "gestation" ||
           w == "gestational";
  }

  ast::Client& client(const Token& at) {
    if (!out_.client) {
      out_.client.emplace();
      out_.client->span = at.span(file_);
      out_.client_spans.push_back(out_.client->span);
    }
    return *out_.client;
  }

  bool client_field(const TokenList& t) {
    if (day() != nullptr && !in_client_) return false;
    const auto w = t.front().lower();
    std::size_t k = 1;
    if (w == "medical" && !(t.size() > 1 && t[1].lower() == "clearance")) return false;
    if (w == "medical") k = 2;
    const auto key = k == 2 ? std::string("cleared") : std::string(w);
    while (k < t.size() &&
           (t[k].is_punct(':') || t[k].is(K::dash) || t[k].text == "*" || t[k].is_punct('_') || t[k].is_punct('|'))) {
      ++k;
    }
    if (key == "conditions" || key == "condition" || key == "diagnosis" || key == "diagnoses") {
      return names(t, k, client(t.front()).conditions, "condition"), true;
    }
    if (key == "symptoms" || key == "symptom") return names(t, k, client(t.front()).symptoms, "symptom"), true;
    if (key == "cleared" || key == "clearance") return cleared(t, k), true;
    if (key == "age" || key == "gestation" || key == "gestational") return client_number(t, k, key), true;
    if (key == "experience" || key == "level") {
      auto& c = client(t.front());
      if (k >= t.size() || !t[k].is(K::word)) {
        d_.error(t.back().span(file_), "expected an experience level: beginner, intermediate or advanced");
        return true;
      }
      if (c.experience) d_.error(t.front().span(file_), "the client's experience is already given; write it once");
      c.experience = ast::Name{std::string(t[k].lower()), t[k].span(file_)};
      return true;
    }
    return false;
  }

  // `age 67`, `Age: 67 years`, `gestational week 20`, `gestation: 24 weeks`
  void client_number(const TokenList& t, std::size_t k, const std::string& key) {
    auto& c = client(t.front());
    const bool age = key == "age";
    while (k < t.size() && t[k].is(K::word) && (t[k].lower() == "week" || t[k].lower() == "weeks")) ++k;
    while (k < t.size() && (t[k].is_punct(':') || t[k].is_punct(',') || t[k].is(K::dash))) ++k;
    if (k >= t.size() || !t[k].is(K::number)) {
      d_.error(t.back().span(file_), age ? "expected the client's age in years, such as age 67"
                                         : "expected the week of pregnancy, such as gestational week 20");
      return;
    }
    auto& field = age ? c.age : c.gestational_week;
    if (field) {
      d_.error(t.front().span(file_),
               fmt::format("the client's {} is already given; write it once", age ? "age" : "week of pregnancy"));
      return;
    }
    field = ast::Value{ast::Value::Kind::number, std::string(t[k].text), t[k].value, {}, t[k].span(file_)};
    // `Age: 55   Sciatica L leg - physio cleared 03/02/2026`: a spreadsheet row goes on about the client
    ++k;
    while (k < t.size() && t[k].is(K::word) && years_word(t[k].lower())) ++k;
    if (k < t.size()) mentions(t, k);
  }

  static bool years_word(std::string_view w) {
    return w == "years" || w == "year" || w == "yrs" || w == "yo" || w == "y" || w == "old" || w == "weeks";
  }

  // chronic low back pain, sciatica and facet joint pain
  // chronic low back pain, sciatica (left) and facet joint pain; for symptoms, when each began:
  // `sharp pain since 2026-11-20`, `numbness (new since clearance)`
  void names(const TokenList& t, std::size_t k, std::vector<ast::Name>& list, const char* what) {
    static const WordSet onset_words = {"since", "from", "onset", "started", "began", "new"};
    const bool symptoms = std::string_view(what) == "symptom";
    std::string text;
    Span s;
    bool in_onset = false;
    int depth = 0;
    const auto flush = [&] {
      if (!text.empty()) list.push_back(ast::Name{text, s});
      text.clear();
      in_onset = false;
    };
    for (; k < t.size(); ++k) {
      const auto& x = t[k];
      if (x.is_punct('(')) ++depth;
      if (x.is_punct(')')) depth = std::max(0, depth - 1);
      if (x.is_punct(',') || x.is_punct('&') || x.is_punct('+') || x.is_punct(';')) {
        if (depth == 0) flush();
        continue;
      }
      if (symptoms && (onset_words.count(x.lower()) > 0 || x.is(K::date)) && !text.empty()) {
        onset(x, list.size(), k + 1 < t.size() ? slash_date(t, k + 1) : std::nullopt);
        in_onset = true;
        continue;
      }
      // words in parentheses (`sciatica (left)`) and after an onset are notes
      if (depth > 0 || in_onset || !(x.is(K::word) || x.is(K::number))) continue;
      if (text.empty()) s = x.span(file_);
      s.length = x.end() - s.offset;
      text += text.empty() ? "" : " ";
      text += x.lower();
    }
    flush();
    if (list.empty()) d_.error(t.back().span(file_), fmt::format("expected a {} name, or a list of them", what));
  }

  // When the symptom at `index` began: a date, or new since the clearance.
  void onset(const Token& x, std::size_t index, const std::optional<std::string>& slashed) {
    auto& c = *out_.client;
    if (!c.onsets.empty() && c.onsets.back().symptom == index && c.onsets.back().date) return;
    ast::Onset o;
    o.symptom = index;
    o.span = x.span(file_);
    if (x.is(K::date)) o.date = ast::Value{ast::Value::Kind::string, std::string(x.text), 0, {}, x.span(file_)};
    if (slashed) o.date = ast::Value{ast::Value::Kind::string, *slashed, 0, {}, x.span(file_)};
    if (x.lower() == "new") o.fresh = true;
    if (!c.onsets.empty() && c.onsets.back().symptom == index) {
      c.onsets.back().date = o.date ? o.date : c.onsets.back().date;
      c.onsets.back().fresh = c.onsets.back().fresh || o.fresh;
      return;
    }
    c.onsets.push_back(std::move(o));
  }

  // cleared yes by GP on 2026-10-02; cleared: no; cleared yes by "Dr Lee"
  void cleared(const TokenList& t, std::size_t k) {
    auto& c = client(t.front());
    if (c.cleared) d_.error(t.front().span(file_), "the client's clearance is already given; write it once");
    const auto answer = k < t.size() ? t[k].lower() : std::string_view{};
    const bool restrictions_next = k + 1 < t.size() && t[k + 1].lower().substr(0, 8) == "restrict";
    if (answer == "no" && restrictions_next) {
      c.cleared = true;  // `Cleared: no restrictions`
      --k;
    } else if (answer == "yes" || answer == "y" || answer == "true") {
      c.cleared = true;
    } else if (answer == "no" || answer == "n" || answer == "false" || answer == "not") {
      c.cleared = false;
    } else if (answer == "by" || answer == "for" || answer == "to" || answer == "on") {
      c.cleared = true;  // `Cleared by OB on 2/16/2026`, `cleared to train`
      --k;
    } else {
      d_.error(
          k < t.size() ? t[k].span(file_) : t.back().span(file_),
          fmt::format("expected 'yes' or 'no' after '{}', as in 'cleared yes by GP on 2026-10-02'", t.front().text));
      return;
    }
    ++k;
    while (k < t.size()) {
      const auto w = t[k].lower();
      if (w == "by" && k + 1 < t.size()) {
        std::size_t e = k + 1;
        while (e < t.size() && t[e].lower() != "on" && !t[e].is(K::date) && !t[e].is_punct(',')) ++e;
        const auto s = span_between(file_, t[k + 1], t[e - 1]);
        c.cleared_by = t[k + 1].is(K::string) ? parse_util::unquote(t[k + 1].text)
                                              : std::string(file_.text.substr(s.offset, s.length));
        k = e;
      } else if (t[k].is(K::date)) {
        c.cleared_on = ast::Value{ast::Value::Kind::string, std::string(t[k].text), 0, {}, t[k].span(file_)};
        ++k;
      } else if (w == "on" && k + 1 < t.size() && t[k + 1].is(K::number) && !client_braced_) {
        // `on 2/16/2026`: read when only one reading is a date; `on 3/4/2026`, `on 14 Jan` are passed over
        if (auto iso = slash_date(t, k + 1); iso && !c.cleared_on) {
          c.cleared_on = ast::Value{ast::Value::Kind::string, *iso, 0, {}, t[k + 1].span(file_)};
        }
        k += 2;
      } else if (w == "on" && k + 1 < t.size() && !t[k + 1].is(K::date)) {
        d_.error(t[k + 1].span(file_), fmt::format("expected a date as YYYY-MM-DD, found '{}'", t[k + 1].text));
        return;
      } else if ((w == "without" || w == "no") && k + 1 < t.size() && t[k + 1].lower().substr(0, 8) == "restrict") {
        c.without_restrictions = *c.cleared;  // `cleared yes by "surgeon" on 2026-09-01 without restrictions`
        k += 2;
      } else {
        ++k;
      }
    }
  }

  // --- weeks and days -----------------------------------------------------------

  bool week_header(const TokenList& t, const Statement& s) {
    if (t.size() > 3 && (t[2].lower() == "day" || t[2].lower() == "d") && t[1].is(K::number)) return false;
    if (week_change(t)) return true;
    std::size_t k = 0;
    bool deload = false;
    if (t[k].lower() == "deload" && t.size() > 1) deload = true, ++k;
    // `PHASE 1 (WEEKS 1 – 4)`, `Block 2 - weeks 5-8`: the weeks in the phase
    static const WordSet phases = {"phase", "block", "stage", "mesocycle", "cycle"};
    if (phases.count(t[k].lower()) > 0) {
      while (k < t.size() && t[k].lower() != "week" && t[k].lower() != "weeks" && t[k].lower() != "wk" &&
             t[k].lower() != "wks") {
        ++k;
      }
      if (k >= t.size() || k + 1 >= t.size() || !(t[k + 1].is(K::number) || t[k + 1].is_punct(':'))) {
        return phase_heading(t);
      }
    }
    const auto w = t[k].lower();
    // `W1`, `W3-4`: a week written as its letter with the number attached
    const bool letter =
        w == "w" && k + 1 < t.size() && t[k + 1].is(K::number) && t[k + 1].attached && !numbers_after_week(t, k + 2);
    if (w != "week" && w != "weeks" && w != "wk" && w != "wks" && !letter) return false;
    ++k;
    if (k < t.size() && t[k].is_punct(':')) ++k;
    if (k >= t.size() || !t[k].is(K::number)) {
      if (k < t.size() && t[k].is(K::word) && !s.opens) return false;
      d_.error(k < t.size() ? t[k].span(file_) : t.back().span(file_),
               "expected a week number or range such as 1 or 1-4");
      return true;
    }
    ast::Week week;
    week.first = ast::Quantity{t[k].value, t[k].value, {}, t[k].span(file_)};
    week.last = week.first;
    std::size_t e = k + 1;
    const bool dots = e + 1 < t.size() && t[e].is_punct('.') && t[e + 1].is_punct('.');
    if (dots && !(e + 2 < t.size() && t[e + 2].is(K::number))) {
      d_.error(t[e].span(file_), "expected the last week after '..', as in 'week 1..4'");
      return true;
    }
    if (dots) {
      e += 2;
    } else if (e + 1 < t.size() && (t[e].is(K::dash) || t[e].lower() == "to") && t[e + 1].is(K::number)) {
      ++e;
    } else {
      --e;
    }
    if (e > k) week.last = ast::Quantity{t[e].value, t[e].value, {}, t[e].span(file_)};
    week.span = span_between(file_, t.front(), t[e]);
    for (std::size_t j = e + 1; j < t.size(); ++j) {
      const auto x = t[j].lower();
      if (x == "deload" || x == "deloading" || x == "recovery" || x == "taper" || x == "unload") deload = true;
    }
    week.deload = deload;
    week.end = s.end;
    start_week(std::move(week), s);
    if (!s.opens) opens_next_ = Level::week;
    same_as_week(t);  // `Week 2 – same as week 1`
    return true;
  }

  // `BLOCK 3 – STRENGTH (4 wks)`: a phase named without its weeks is a heading; `Block pull 3x3` is an exercise.
  static bool phase_heading(const TokenList& t) { return !has_dose(t); }

  void start_week(ast::Week week, const Statement& s) {
    while (!braces_.empty() && braces_.back() != Level::plan && braces_.back() != Level::week) braces_.pop_back();
    if (!braces_.empty() && braces_.back() == Level::week) {
      d_.error(week.span, "a week starts inside another week's braces; close that week with '}' first");
    }
    out_.weeks.push_back(std::move(week));
    week_ = static_cast<int>(out_.weeks.size()) - 1;
    copied_ = false;
    // Days written before the first week header (`Thursday 10:30` then `Week 7 of 24`) belong to it.
    if (week_ == 0 && !out_.loose_days.empty()) {
      auto& first = out_.weeks.front();
      first.days.insert(first.days.begin(), std::make_move_iterator(out_.loose_days.begin()),
                        std::make_move_iterator(out_.loose_days.end()));
      first.span.offset = std::min(first.span.offset, first.days.front().span.offset);
      out_.loose_days.clear();
      for (auto& p : pending_) {
        if (p.week < 0) p.week = 0;
      }
    }
    day_ = -1;
    block_ = -1;
    in_client_ = false;
    reset_group();
    if (s.opens) braces_.push_back(Level::week);
  }

  // The context of an exercise line: its group's, and the plan's unit of load.
  [[nodiscard]] LineContext context() const {
    auto out = in_group_ ? group_ : LineContext{};
    out.load_unit = load_unit_;
    return out;
  }

  // The context of the exercise line written in `t`, which may say what a bare number after `@` is.
  [[nodiscard]] LineContext context(const TokenList& t) const {
    auto out = context();
    out.heavy_load_beside = std::any_of(t.begin(), t.end(), [&](const Token& x) {
      const auto k = static_cast<std::size_t>(&x - t.data());
      if (!x.is(K::number) || x.value < 20) return false;
      const auto unit = k + 1 < t.size() ? unit_word(t[k + 1].lower()) : std::string{};
      return (k > 0 && t[k - 1].is_punct('@')) || unit == "kg" || unit == "lb";
    });
    return out;
  }

  // `iMessage` or `Text Message` alone on a line: a phone's text conversation.
  static bool text_thread(std::string_view text) {
    for (auto at = text.find("Message\n"); at != std::string_view::npos; at = text.find("Message\n", at + 1)) {
      const auto start = text.rfind('\n', at);
      const auto line = text.substr(start == std::string_view::npos ? 0 : start + 1, at + 7 - (start + 1));
      if (line == "iMessage" || line == "Text Message") return true;
    }
    return false;
  }

  // A conversation copied from a messenger that writes each sender's name on a line of its own above the message
  // (`Lauren Pike`, then `You sent` above the trainer's own): the names, when the text holds `You sent`. A name is a
  // line of one to four capitalised words, written alone twice or more.
  static std::set<std::string, std::less<>> chat_senders(std::string_view text) {
    if (text.find("You sent") == std::string_view::npos) return {};
    std::map<std::string, int, std::less<>> alone;
    for (std::size_t at = 0; at < text.size();) {
      auto end = std::min(text.find('\n', at), text.size());
      auto line = text.substr(at, end - at);
      at = end + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (sender_like(line)) ++alone[std::string(line)];
    }
    std::set<std::string, std::less<>> out;
    if (!alone.contains("You sent")) return out;
    for (const auto& [name, count] : alone) {
      if (count >= 2) out.insert(name);
    }
    return out;
  }

  static bool sender_like(std::string_view line) {
    if (line.empty() || line.size() > 40 || !ascii::is_upper(static_cast<unsigned char>(line.front()))) return false;
    std::size_t words = 1;
    for (std::size_t k = 0; k < line.size(); ++k) {
      const auto c = static_cast<unsigned char>(line[k]);
      if (c == ' ') {
        ++words;
        if (k + 1 >= line.size() || !ascii::is_upper(static_cast<unsigned char>(line[k + 1]))) {
          return line == "You sent";
        }
      } else if (!ascii::is_alpha(c) && c != '.' && c != '\'' && c != '-') {
        return false;
      }
    }
    const auto first = lowered(line.substr(0, line.find(' ')));
    return words <= 4 && !weekday_words.contains(first) && first != "week" && first != "day";
  }

  // `bench 4x6 @ 225` in a plan whose other loads are in pounds (`+5lb on bench`): the unit every load written with
  // one uses, kg or lb, or empty when the plan uses both or neither.
  static std::string unit_of_loads(std::string_view text) {
    bool kg = false, lb = false;
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (!ascii::is_digit(static_cast<unsigned char>(text[at]))) continue;
      auto end = at;
      while (end < text.size() && (ascii::is_digit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
      auto unit = end;
      while (unit < text.size() && text[unit] == ' ') ++unit;
      const auto word_at = [&](std::string_view w) {
        if (unit + w.size() > text.size()) return false;
        for (std::size_t i = 0; i < w.size(); ++i) {
          if (ascii::lower(static_cast<unsigned char>(text[unit + i])) != w[i]) return false;
        }
        const auto after = unit + w.size();
        return after == text.size() || !ascii::is_alpha(static_cast<unsigned char>(text[after]));
      };
      kg = kg || word_at("kg") || word_at("kgs") || word_at("kilos");
      lb = lb || word_at("lb") || word_at("lbs") || word_at("pounds");
      at = end;
    }
    if (kg == lb) return {};
    return kg ? "kg" : "lb";
  }

  void reset_group() {
    in_group_ = false;
    group_ = {};
    section_ = false;
  }

  // Where the day word ends: mon, Monday, Day 1, Session A, Workout B.
  std::size_t day_word(const TokenList& t, std::size_t k, ast::Day& day) const {
    const auto w = t[k].lower();
    if (weekday_words.count(w) > 0) {
      day.day = ast::Name{std::string(t[k].text), t[k].span(file_)};
      return k + 1;
    }
    // `Mon/Thu` is one word to the lexer: weekdays joined by slashes
    if (w.find('/') != std::string::npos) {
      std::vector<std::string> parts;
      for (std::size_t from = 0; from <= w.size();) {
        const auto to = std::min(w.find('/', from), w.size());
        parts.emplace_back(w.substr(from, to - from));
        from = to + 1;
      }
      if (std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return weekday_words.count(p) > 0; })) {
        day.day = ast::Name{parts.front(), t[k].span(file_)};
        for (std::size_t i = 1; i < parts.size(); ++i) day.also.push_back(ast::Name{parts[i], t[k].span(file_)});
        return k + 1;
      }
    }
    if ((w == "day" || w == "session" || w == "sess" || w == "workout") && k + 1 < t.size()) {
      const auto& n = t[k + 1];
      const bool numbered =
          n.is(K::number) && n.mark == 0 && n.text.find('.') == std::string_view::npos && n.value >= 1 && n.value <= 28;
      // `Session B`, `Workout C`, and `Day A` with a capital letter from A to F
      const bool lettered =
          n.is(K::word) && n.text.size() == 1 && (w != "day" || (n.text[0] >= 'A' && n.text[0] <= 'F'));
      if (!numbered && !lettered) return 0;
      day.day =
          ast::Name{std::string(file_.text.substr(t[k].offset, n.end() - t[k].offset)), span_between(file_, t[k], n)};
      if (numbered) day.number = ast::Quantity{n.value, n.value, {}, n.span(file_)};
      day.ordered = true;
      return weekday_in_brackets(t, k + 2, day);
    }
    return 0;
  }

  // `Mon – Day 1`, `Thu: Session B`: a weekday and nothing but a session of a rotation, which a schedule lists before
  // the sessions are written out. Kept for that session's header, and no session of its own.
  bool schedule_entry(const TokenList& t, std::size_t from, const ast::Day& day) {
    // `Fri–Sun – shifts / rest` in the same schedule: days without a session
    if (!schedule_.empty() && !day.ordered && (t.back().lower() == "rest" || t.back().lower() == "off")) return true;
    if (day.ordered || from + 2 != t.size() || !rotation_words.contains(t[from].lower())) return false;
    const auto& n = t[from + 1];
    if (!(n.is(K::number) || (n.is(K::word) && n.text.size() == 1))) return false;
    schedule_[lowered(fmt::format("{} {}", t[from].text, n.text))] = day;
    return true;
  }

  // `Mon – Day 1, Thu – Day 2`, `Mon: A | Wed: B`: a schedule written on one line, each entry as `schedule_entry`
  // reads it. Every piece must be one, or the line is something else.
  bool schedule_list(const TokenList& t, std::size_t k) {
    const auto separator = [](const Token& x) { return x.is_punct(',') || x.is_punct(';') || x.is_punct('|'); };
    if (std::none_of(t.begin() + static_cast<std::ptrdiff_t>(k), t.end(), separator)) return false;
    std::vector<TokenList> pieces(1);
    for (auto j = k; j < t.size(); ++j) {
      if (separator(t[j])) {
        pieces.emplace_back();
      } else {
        pieces.back().push_back(t[j]);
      }
    }
    if (pieces.size() < 2) return false;
    std::vector<std::pair<std::string, ast::Day>> entries;
    for (const auto& piece : pieces) {
      ast::Day day;
      if (piece.empty() || day_word(piece, 0, day) != 1 || day.ordered) return false;
      const auto from = inline_content(piece, 1);
      if (from + 2 != piece.size() || !rotation_words.contains(piece[from].lower())) return false;
      const auto& n = piece[from + 1];
      if (!(n.is(K::number) || (n.is(K::word) && n.text.size() == 1))) return false;
      entries.emplace_back(lowered(fmt::format("{} {}", piece[from].text, n.text)), std::move(day));
    }
    for (auto& [key, day] : entries) schedule_[key] = std::move(day);
    return true;
  }

  // `Monday, April 8, 2024`, `Mon 4 Mar`, `Tue 12/03/2024`: a header with a calendar date.
  static bool dated(const TokenList& t) {
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (t[k].is(K::date)) return true;
      const bool month = month_words.contains(t[k].lower());
      if (month && ((k + 1 < t.size() && t[k + 1].is(K::number)) || (k > 0 && t[k - 1].is(K::number)))) return true;
    }
    return false;
  }

  // `Monday, April 8, 2024` then `Monday, April 22, 2024`, as a training log dates its workouts: a weekday
  // written again with a date is in the next week, not a second session on the same day.
  void dated_again(ast::Day& day, const Statement& s) {
    if (day.ordered || (week_ >= 0 && !dated_weeks_)) return;
    title_above(days(), day);  // `Lower A` above the date is this workout's title, whichever week it falls in
    const auto& list = days();
    const auto key = day_key(day, day.day.text);
    // the part of the day (`am`, `pm`) tells two sessions apart; the time of a logged workout (`6:05 AM`) does not
    const auto slot = [](const std::string& part) { return part_words.count(part) > 0 ? part : std::string{}; };
    if (std::none_of(list.begin(), list.end(), [&](const ast::Day& d) {
          return !d.ordered && slot(d.part) == slot(day.part) && day_key(d, d.day.text) == key;
        })) {
      return;
    }
    if (week_ < 0) start_week(dated_week(1, day, s), s);  // the days so far are the first week
    start_week(dated_week(out_.weeks.size() + 1, day, s), s);
    dated_weeks_ = true;
  }

  static ast::Week dated_week(std::size_t number, const ast::Day& day, const Statement& s) {
    ast::Week week;
    const auto n = static_cast<double>(number);
    week.first = week.last = ast::Quantity{n, n, {}, day.day.span};
    week.span = day.day.span;
    week.end = s.end;
    return week;
  }

  // `DAY  1` as `day 1`: lower case, one space between words.
  static std::string lowered(std::string_view text) {
    std::string out;
    for (const auto c : text) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(static_cast<char>(ascii::lower(static_cast<unsigned char>(c))));
    }
    return out;
  }

  // `DAY 1 – SWING & PRESS` after a schedule that put Day 1 on Monday: Monday's session, labelled Day 1.
  void scheduled_weekday(ast::Day& day) const {
    if (!day.ordered || schedule_.empty()) return;
    const auto key = lowered(day.day.text);
    const auto found = schedule_.find(key);
    if (found == schedule_.end()) return;
    day.label = key;
    day.day = ast::Name{found->second.day.text, day.day.span};  // findings point at the session, not the schedule
    day.also = found->second.also;
    day.number.reset();
    day.ordered = false;
  }

  // Whether the week being read already has a session or rest on this weekday: `STRENGTH B (Friday)` after the
  // weeks is a template, not another Friday.
  bool weekday_planned(const Token& weekday) {
    const auto key = std::string(weekday.lower().substr(0, 3));
    // a weekday only announced so far (`- [x] Mon – Strength A` in a schedule) is written out now. A week holds a
    // few sessions: only its last 32 are looked at, so that a week of thousands stays linear.
    const auto& list = days();
    const auto from = list.size() > 32 ? list.end() - 32 : list.begin();
    return std::any_of(from, list.end(), [&](const ast::Day& d) {
      return !d.ordered && day_key(d, d.day.text) == key &&
             (d.rest || d.rest_day ||
              std::any_of(d.blocks.begin(), d.blocks.end(), [](const ast::Block& b) { return !b.lines.empty(); }));
    });
  }

  // `LOWER A (mon)`, `Push day (Thu)`: a session's title, then its weekday in brackets at the end; read as the
  // weekday, then the title.
  // `Strength A – Mon` with a dash before the weekday too.
  static std::optional<TokenList> title_before_weekday(const TokenList& t, std::size_t k) {
    const auto n = t.size();
    const bool bracketed =
        n >= k + 4 && t[n - 3].is_punct('(') && t[n - 1].is_punct(')') && weekday_words.count(t[n - 2].lower()) > 0;
    const bool dashed =
        n >= k + 3 && t[n - 2].is(K::dash) && !t[n - 2].attached && weekday_words.count(t[n - 1].lower()) > 0;
    const auto tail = bracketed ? 3 : 2;
    if (!(bracketed || dashed) || !title_like(TokenList(t.begin() + static_cast<std::ptrdiff_t>(k), t.end() - tail))) {
      return std::nullopt;
    }
    TokenList moved{t[n - tail + 1]};
    moved.insert(moved.end(), t.begin() + static_cast<std::ptrdiff_t>(k), t.end() - tail);
    return moved;
  }

  // `Sess 1 (Mon)`, `Session B (Thu)`, `DAY 1 – MON (MD+2)`: the session of a rotation, on the weekday in
  // brackets or after a dash. Past the weekday, or `k`.
  std::size_t weekday_in_brackets(const TokenList& t, std::size_t k, ast::Day& day) const {
    const bool bracketed = k + 2 < t.size() && t[k].is_punct('(') && t[k + 2].is_punct(')');
    const bool dashed = k + 1 < t.size() && t[k].is(K::dash) && !t[k].attached;
    if (!(bracketed || dashed) || weekday_words.count(t[k + 1].lower()) == 0) return k;
    day.label = normalize_name(day.day.text);
    day.day = ast::Name{std::string(t[k + 1].text), t[k + 1].span(file_)};
    day.number.reset();
    day.ordered = false;
    return k + (bracketed ? 3 : 2);
  }

  // `W1D1`, `Week 2 Day 3`, `wk1 d2`: a week and a day in one header. Starts the week when it is a new one, and
  // returns where the day's number is, or 0.
  std::size_t week_and_day(const TokenList& t, std::size_t k, const Statement& s) {
    std::optional<double> week;
    std::size_t day_at = 0;
    const auto w = t[k].lower();
    // W1D1 is read as the word `W1D` and the number 1
    if (w.size() >= 3 && w.front() == 'w' && w.back() == 'd' && k + 1 < t.size() && t[k + 1].is(K::number) &&
        t[k + 1].attached && std::all_of(w.begin() + 1, w.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
      // strtod, not stod: hundreds of digits give infinity, refused later as a week number, not an exception
      week = std::strtod(std::string(w.substr(1, w.size() - 2)).c_str(), nullptr);
      day_at = k + 1;
    } else if ((w == "week" || w == "wk" || w == "w") && k + 3 < t.size() && t[k + 1].is(K::number) &&
               (t[k + 2].lower() == "day" || t[k + 2].lower() == "d") && t[k + 3].is(K::number)) {
      week = t[k + 1].value;
      day_at = k + 3;
    }
    if (!week || *week < 1 || *week > 520 || t[day_at].value < 1 || t[day_at].value > 28) return 0;
    if (week_ < 0 || out_.weeks[static_cast<std::size_t>(week_)].first->low != *week) {
      ast::Week block;
      block.first = ast::Quantity{*week, *week, {}, t[k].span(file_)};
      block.last = block.first;
      block.span = t[k].span(file_);
      block.end = s.end;
      start_week(std::move(block), s);
    }
    return day_at;
  }

  bool day_header(const TokenList& t, const Statement& s) {
    std::size_t k = 0;
    while (k < t.size() && (t[k].is(K::other) || t[k].is_punct('*') || t[k].is(K::times) || t[k].is(K::dash))) ++k;
    if (k >= t.size()) return false;
    if (auto row = sheet_row(t, k, s)) return day_header(*row, s);
    if (const auto at = week_and_day(t, k, s); at > 0) {
      ast::Day day;
      day.day = ast::Name{std::string(file_.text.substr(t[k].offset, t[at].end() - t[k].offset)),
                          span_between(file_, t[k], t[at])};
      day.number = ast::Quantity{t[at].value, t[at].value, {}, t[at].span(file_)};
      day.ordered = true;
      day.span = Span{&file_, t[k].line, t[k].column, s.end - t[k].offset, t[k].offset};
      day.end = s.end;
      start_day(std::move(day), s);
      if (at + 1 < t.size()) {
        const auto from = inline_content(t, at + 1);
        if (from < t.size()) inline_session(t, from, grouped_title(t, from));
      }
      return true;
    }
    if (auto moved = title_before_weekday(t, k); moved && !weekday_planned(moved->front())) {
      return day_header(*moved, s);
    }
    ast::Day day;
    const auto start = k;
    k = day_word(t, k, day);
    if (k > 0) scheduled_weekday(day);
    if (k == 0 && misspelt_day(t, start, s)) {
      day.day = ast::Name{std::string(t[start].text), t[start].span(file_)};
      k = start + 1;
    }
    if (k == 0 && t[start].lower() == "day" && start + 1 < t.size() && t[start + 1].is(K::number)) {
      d_.error(t[start + 1].span(file_),
               fmt::format("day numbers run from 1 to 28, found {}", t[start + 1].text.substr(0, 40)));
      day.day = ast::Name{"day", t[start].span(file_)};
      day.ordered = true;
      k = start + 2;
    }
    if (k == 0) return false;
    if (!day.ordered && schedule_list(t, start)) return true;
    // `Mon/Thu – gym 40 min`, `Tue & Fri - rest`: one session written for several weekdays
    while (!day.ordered && k + 1 < t.size() && (t[k].is_punct('/') || t[k].is_punct('&') || t[k].lower() == "and") &&
           weekday_words.count(t[k + 1].lower()) > 0) {
      day.also.push_back(ast::Name{std::string(t[k + 1].text), t[k + 1].span(file_)});
      k += 2;
    }
    if (k < t.size() && part_words.count(t[k].lower()) > 0) day.part = t[k++].lower();
    const auto inline_from = inline_content(t, past_dates(t, k));
    if (schedule_entry(t, inline_from, day)) return true;
    const auto group_from = inline_from < t.size() ? grouped_title(t, inline_from) : t.size();
    const auto title_end = group_from < t.size() ? group_from : inline_from;
    const auto reference = session_reference(t, k, title_end);
    std::size_t kind_first = t.size();
    std::size_t kind_last = 0;
    int bracketed = 0;
    for (std::size_t j = k; j < reference.begin; ++j) {
      const auto& x = t[j];
      if (x.is_punct('(')) ++bracketed;
      if (x.is_punct(')')) bracketed = std::max(0, bracketed - 1);
      if (const auto skip = date_or_time(t, j, day)) {
        j += skip - 1;
        continue;
      }
      if (const auto label = session_label(t, j)) {
        day.label = joined_lower(t, j, j + label);
        j += label - 1;
        continue;
      }
      // `Monday, April 8, 2024 at 6:05 AM`: when in the day, no kind
      if (x.lower() == "at" && j + 1 < t.size() && (t[j + 1].is(K::clock) || t[j + 1].is(K::number))) continue;
      if (x.is(K::word)) {
        if (part_words.count(x.lower()) > 0 && day.part.empty()) {
          day.part = x.lower();
          continue;
        }
        kind_first = std::min(kind_first, j);
        kind_last = j;
      } else if (x.is(K::number) || x.is(K::clock)) {
        if (duration(t, j, day) || class_length(t, j, day)) continue;
        if (bracketed > 0) continue;  // `DAY 1 – MON (MD+2)`: a remark on the day
        // `TUES - lower 1`, `Thu – Upper 2`: the number of a session of that kind, as `Lower A` has a letter
        if (x.is(K::number) && x.mark == 0 && x.text.size() == 1 && j + 1 == t.size() && j > 0 &&
            title_like(TokenList{t[j - 1]})) {
          continue;
        }
        if (!s.opens) return false;
        // `mon strength 35kg {`: a header by its brace, with a length that is not one
        const auto e = j + 1 < t.size() && t[j + 1].attached ? j + 1 : j;
        d_.error(span_between(file_, t[j], t[e]),
                 fmt::format("expected a duration such as 35min, found '{}'",
                             file_.text.substr(t[j].offset, t[e].end() - t[j].offset)));
        j = e;
      } else if (x.is(K::string)) {
        day.label = parse_util::unquote(x.text);
      } else if (x.is(K::times) || x.is(K::date) || x.is(K::tempo)) {
        return false;
      }
    }
    if (kind_first < reference.begin) kind(t, kind_first, kind_last, day);
    day.span = Span{&file_, t.front().line, t.front().column, s.end - t.front().offset, t.front().offset};
    day.end = s.end;
    if (dated(t)) dated_again(day, s);
    start_day(std::move(day), s);
    if (!reference.key.empty()) copy_session(reference.key);
    if (!s.opens && title_end == inline_from) opens_next_ = Level::day;
    // `Sess 2 (Wed): same as Monday but use the 16 for goblet squats`: the copy; what changes is for the reader
    const auto copied = reference.key.empty() && inline_from < t.size()
                            ? session_reference(t, inline_from, std::min(t.size(), inline_from + 4))
                            : SessionReference{t.size(), {}};
    if (!copied.key.empty() && copied.begin == inline_from) return copy_session(copied.key), true;
    if (inline_from < t.size()) inline_session(t, inline_from, group_from);
    return true;
  }

  // `Fri – same as Tue`, `Thu – full body (same as Mon)`, `Sat - repeat day 2`: a session written as another
  // day's. Where the reference starts in the title (its bracket or dash included), and the day it names as
  // day_key writes it; `begin` is `end` and the key empty when there is none.
  struct SessionReference {
    std::size_t begin;
    std::string key;
  };
  static SessionReference session_reference(const TokenList& t, std::size_t from, std::size_t end) {
    static const WordSet markers = {"same", "repeat", "ditto", "as"};
    for (std::size_t j = from; j < end; ++j) {
      if (!t[j].is(K::word) || !markers.contains(t[j].lower())) continue;
      for (std::size_t d = j + 1; d < end && d <= j + 2; ++d) {
        std::string key;
        if (t[d].is(K::word) && weekday_words.count(t[d].lower()) > 0) key = std::string(t[d].lower().substr(0, 3));
        if (t[d].lower() == "day" && d + 1 < end && t[d + 1].is(K::number)) {
          key = fmt::format("day {}", t[d + 1].text);
        }
        if (key.empty()) continue;
        auto begin = j;
        if (begin > from && (t[begin - 1].is_punct('(') || t[begin - 1].is(K::dash))) --begin;
        return {begin, key};
      }
    }
    return {end, {}};
  }

  // The blocks of the latest earlier session on the day `key` names, and its kind when this one has none.
  void copy_session(const std::string& key) {
    const auto& list = days();
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      if (&*it == day() || day_key(*it, it->day.text) != key || it->blocks.empty()) continue;
      const auto blocks = it->blocks;
      const auto kind = it->kind;
      day()->blocks = blocks;
      if (day()->kind.text.empty()) day()->kind = kind;
      return;
    }
  }

  // `Wed – 8 km easy`, `Sun: long run 16 km`: after the day and a separator, what the session is, written on
  // the same line. Words that name a kind (`Mon – Lower body 45 min`) and `rest` stay a header. Without a
  // separator (`Sun salutation x5`) the line is not a day header at all.
  std::size_t inline_content(const TokenList& t, std::size_t k) const {
    if (k >= t.size() ||
        !(t[k].is(K::dash) || t[k].is_punct(':') || t[k].is_punct('|') || t[k].is_punct(',') || t[k].is_punct('='))) {
      return t.size();
    }
    const auto first = k + 1;
    if (first >= t.size()) return t.size();
    // `Wed - Session 2: squat 3x5`: the session's name, then what it holds
    if (const auto label = session_label(t, first); label > 0 && first + label < t.size()) {
      return inline_content(t, first + label);
    }
    // `Mon - Legs: back squat 4x10 | deadlift 4x8`, `Mon: gym – goblet squat 3x12`: the session's title, then
    // what it holds
    for (std::size_t c = first + 1; c < t.size() && c <= first + 4; ++c) {
      if (!t[c].is_punct(':') && !(t[c].is(K::dash) && !t[c].attached)) continue;
      if (c + 1 < t.size() && title_like(TokenList(t.begin() + static_cast<std::ptrdiff_t>(first),
                                                   t.begin() + static_cast<std::ptrdiff_t>(c)))) {
        return inline_content(t, c);
      }
      break;
    }
    const auto w = t[first].lower();
    if (w == "rest" || w == "off" || title_like(TokenList(t.begin() + static_cast<std::ptrdiff_t>(first), t.end()))) {
      return t.size();
    }
    ast::Day scratch;
    bool plain = true;  // only kind words, a length, a date or a time of day
    for (std::size_t j = first; j < t.size() && plain; ++j) {
      if (const auto skip = date_or_time(t, j, scratch)) {
        j += skip - 1;
        continue;
      }
      if (t[j].is(K::number) || t[j].is(K::clock)) {
        std::size_t e = j;
        plain = duration_ahead(t, e) || class_length(t, j, scratch) || session_label(t, j) > 0;
        j = e;
      } else if (t[j].is(K::times) || t[j].is(K::tempo) || t[j].is_punct('@')) {
        plain = false;
      }
    }
    if (plain) return t.size();
    return first;
  }

  // A session length at j (45 min, 1h30), without reading it.
  bool duration_ahead(const TokenList& t, std::size_t& j) const {
    ast::Day scratch;
    return duration(t, j, scratch);
  }

  // `tus strength {`, `Tuesdy:`: a header whose first word is a weekday misspelt. The resolver says so.
  bool misspelt_day(const TokenList& t, std::size_t k, const Statement& s) const {
    if (!t[k].is(K::word) || t[k].text.size() < 3 || block_word(t[k].lower())) return false;
    if (t[k].text.size() <= 3 && !s.opens) return false;
    static const WordSet kind_words = {"strength", "mobility", "cardio", "core", "yoga", "upper",
                                       "lower",    "legs",     "full",   "run",  "walk", "gym"};
    const auto next = k + 1 < t.size() ? t[k + 1].lower() : std::string_view{};
    const bool header_like = s.opens || (k + 1 < t.size() && (t[k + 1].is_punct(':') || t[k + 1].is(K::dash))) ||
                             rest_words.count(next) > 0 || kind_words.count(next) > 0;
    if (!header_like) return false;
    static const std::vector<std::string> days(weekday_words.begin(), weekday_words.end());
    const auto match = closest_match(t[k].lower(), days);
    // a misspelt day keeps its first letter: `Tuesdy`, `Wendesday`, not `Cues`, `Sam` or `Squat`
    return match && match->front() == t[k].lower().front() &&
           edit_distance(t[k].lower(), *match) <= (t[k].text.size() >= 6 ? 2U : 1U) && t[k].lower() != "sam" &&
           t[k].lower() != "sue";
  }

  // How many tokens a date (2026-03-02, 2/3, 2 Mar) or a time of day (6am, 18:00) takes at j; a time
  // of day tells sessions on one day apart.
  std::size_t date_or_time(const TokenList& t, std::size_t j, ast::Day& day) const {
    const auto& months = month_words;
    const auto next = [&](std::size_t k) { return k < t.size() ? &t[k] : nullptr; };
    if (t[j].is(K::date)) return 1;
    // `Mon 7th`, `Thurs 9th Oct`: a day of the month written as an ordinal
    if (t[j].is(K::number) && t[j].mark == 0 && t[j].value >= 1 && t[j].value <= 31 && next(j + 1) &&
        next(j + 1)->attached && ordinal_suffix(next(j + 1)->lower())) {
      return next(j + 2) && months.count(next(j + 2)->lower()) > 0 ? 3 : 2;
    }
    if (t[j].is(K::number) && next(j + 1) && next(j + 1)->is_punct('/') && next(j + 2) && next(j + 2)->is(K::number)) {
      return next(j + 3) && next(j + 3)->is_punct('/') && next(j + 4) && next(j + 4)->is(K::number) ? 5 : 3;
    }
    if (t[j].is(K::number) && next(j + 1) && months.count(next(j + 1)->lower()) > 0) return 2;
    if (t[j].is(K::number) && t[j].value >= 1990 && t[j].value <= 2100 && t[j].text.size() == 4) return 1;  // a year
    if (months.count(t[j].lower()) > 0 && next(j + 1) && next(j + 1)->is(K::number)) return 2;
    const bool meridian = next(j + 1) && (next(j + 1)->lower() == "am" || next(j + 1)->lower() == "pm");
    if ((t[j].is(K::number) || t[j].is(K::clock)) && (meridian || t[j].is(K::clock))) {
      if (day.part.empty()) {
        const auto end = meridian ? next(j + 1)->end() : t[j].end();
        day.part = std::string(file_.text.substr(t[j].offset, end - t[j].offset));
      }
      return meridian ? 2 : 1;
    }
    return 0;
  }

  // `Session 1`, `Workout B`, `session A` after the day: the session's name, not its kind. How many tokens, at
  // the word or at the label after it.
  static std::size_t session_label(const TokenList& t, std::size_t j) {
    static const WordSet names{"session", "sess", "workout", "wod", "class", "program", "programme"};
    const auto label = [&](std::size_t k) {
      return k < t.size() && ((t[k].is(K::number) && t[k].mark == 0 && t[k].value < 100) ||
                              (t[k].is(K::word) && t[k].text.size() == 1));
    };
    if (t[j].is(K::word) && names.contains(t[j].lower()) && label(j + 1)) return 2;
    if (j > 0 && names.contains(t[j - 1].lower()) && label(j)) return 1;
    // `Day 1 (A1)`, `Day 3 (B)`: the session's letter in a rotation, and its number, in parentheses
    if (j + 2 < t.size() && t[j].is_punct('(') && t[j + 1].is(K::word) && t[j + 1].text.size() == 1) {
      auto k = j + 2;
      if (t[k].is(K::number) && t[k].attached && t[k].value < 100 && k + 1 < t.size()) ++k;
      if (t[k].is_punct(')')) return k - j + 1;
    }
    return 0;
  }

  static bool ordinal_suffix(std::string_view w) { return w == "st" || w == "nd" || w == "rd" || w == "th"; }

  // Where the separator after a day may stand: past its date, time of day and part (`Thurs 9th 7:30am —`).
  std::size_t past_dates(const TokenList& t, std::size_t k) const {
    while (k < t.size()) {
      ast::Day scratch;
      if (const auto skip = date_or_time(t, k, scratch)) {
        k += skip;
      } else if (part_words.count(t[k].lower()) > 0) {
        ++k;
      } else {
        break;
      }
    }
    return k;
  }

  // `Mon 6pm  SPIN 45`, `Tues 12:15  LEGS BUMS TUMS (30)`, `Monday - Lower (45)`: a bare number that ends a
  // timetable's header, after its time of day or in parentheses, is the class's length in minutes.
  bool class_length(const TokenList& t, std::size_t j, ast::Day& day) const {
    const auto& n = t[j];
    if (!n.is(K::number) || n.mark != 0 || n.value < 5 || n.value > 240) return false;
    const bool closed = j + 1 < t.size() && t[j + 1].is_punct(')') && j > 0 && t[j - 1].is_punct('(');
    const bool last = j + 1 == t.size() || (closed && j + 2 == t.size());
    if (!last || (!closed && day.part.empty())) return false;
    day.duration = ast::Quantity{n.value, n.value, "min", n.span(file_)};
    return true;
  }

  // 45min, 45-60 min, 1h30 in a day header.
  bool duration(const TokenList& t, std::size_t& j, ast::Day& day) const {
    const auto& n = t[j];
    double low = n.value;
    double high = low;
    std::size_t e = j;
    std::string unit = n.is(K::clock) ? "min" : unit_word(j + 1 < t.size() ? t[j + 1].lower() : std::string_view{});
    if (n.mark == '\'') unit = "min";
    if (n.is(K::number) && j + 2 < t.size() && t[j + 1].is(K::dash) && t[j + 2].is(K::number)) {
      high = t[j + 2].value;
      e = j + 2;
      unit = unit_word(e + 1 < t.size() ? t[e + 1].lower() : std::string_view{});
    }
    if (unit != "s" && unit != "min" && unit != "h") return false;
    if (!n.is(K::clock) && n.mark == 0) ++e;
    if (unit == "h" && e + 1 < t.size() && t[e + 1].is(K::number) && t[e + 1].attached) {
      ++e;
      low = high = high * 60 + t[e].value;
      unit = "min";
      if (e + 1 < t.size() && unit_word(t[e + 1].lower()) == "min") ++e;
    }
    if (n.is(K::clock)) low = high = n.value / 60;
    day.duration = ast::Quantity{low, high, unit, span_between(file_, n, t[e])};
    j = e;
    return true;
  }

  // The words after the day: rest, off, or what the session is (strength, upper body, legs & core).
  void kind(const TokenList& t, std::size_t first, std::size_t last, ast::Day& day) {
    bool only_rest = true;
    for (std::size_t j = first; j <= last; ++j) {
      if (t[j].is(K::word) && rest_words.count(t[j].lower()) == 0) only_rest = false;
    }
    const auto words = joined_lower(t, first, last + 1);
    // `Rest or 30 min easy spin`: an optional session is planned as rest
    const bool rest_first = t[first].lower() == "rest" || t[first].lower() == "off";
    if (only_rest && (words.find("rest") != std::string::npos || words.find("off") != std::string::npos)) {
      day.rest = true;
      return;
    }
    if (rest_first) {
      // `Rest day - easy walk 30 min`, `Rest or 30 min easy spin`: a rest day with light activity on it
      day.rest_day = true;
      day.kind = ast::Name{"active recovery", span_between(file_, t[first], t[last])};
      day.label = words;
      return;
    }
    day.kind = ast::Name{words, span_between(file_, t[first], t[last])};
  }

  void start_day(ast::Day day, const Statement& s) {
    while (!braces_.empty() && (braces_.back() == Level::day || braces_.back() == Level::block)) {
      d_.error(day.day.span, "a day starts inside another session's braces; close that session with '}' first");
      braces_.pop_back();
    }
    share_every_warmup();
    // `Week 2: same as week 1 otherwise` and then Tuesday written out: that Tuesday, not the copy
    auto& list = days();
    drop_copied(list, day);
    title_above(list, day);
    list.push_back(std::move(day));
    day_ = static_cast<int>(list.size()) - 1;
    block_ = -1;
    in_client_ = false;
    reset_group();
    if (s.opens) braces_.push_back(Level::day);
  }

  // `Lower A` then `Monday, April 8, 2024 at 6:05 AM`, as a training log writes a workout: a session of a title
  // alone, with nothing in it yet, is the title of the weekday's session that follows.
  void title_above(std::vector<ast::Day>& list, ast::Day& day) const {
    if (list.empty() || day.ordered || static_cast<std::size_t>(day_) + 1 != list.size()) return;
    const auto& above = list.back();
    if (!above.ordered || !above.blocks.empty() || above.rest || above.number || above.kind.text.empty()) return;
    if (day.kind.text.empty()) day.kind = above.kind;
    if (day.label.empty()) day.label = normalize_name(above.day.text);
    list.pop_back();
  }

  // `warmup evry day` then its lines, before the first day: not a session of its own but the warm-up of each
  // session that follows, given to each when its first line comes.
  void share_every_warmup() {
    if (!every_pending_) return;
    every_pending_ = false;
    auto& list = days();
    if (day_ < 0 || static_cast<std::size_t>(day_) + 1 != list.size()) return;
    const auto& only = list.back();
    if (only.blocks.size() != 1 || only.blocks.front().kind != ast::Block::Kind::warmup) return;
    every_warmup_ = only.blocks.front();
    list.pop_back();
    day_ = -1;
  }

  // `Tue` and `Tuesday`, `Mon pm` and `Thursday 6pm`: one day of the week (a part counts only when both
  // days give one), or the same `Day 2`.
  // `- [x] Mon – Strength A` in a weekly schedule, then `## Strength A – Mon` with its exercises: the first only
  // announces the session the second writes out, and is dropped. (Not when a waiver points at days by their place.)
  void drop_announced_days(std::vector<ast::Day>& days) const {
    if (!pending_.empty()) return;
    const auto empty = [](const ast::Day& d) {
      return !d.rest && !d.rest_day && d.also.empty() &&
             std::all_of(d.blocks.begin(), d.blocks.end(), [](const ast::Block& b) { return b.lines.empty(); });
    };
    if (std::none_of(days.begin(), days.end(), empty)) return;
    // the weekdays written out, once each: linear in the days however many there are
    std::set<std::pair<std::string, std::string>> written;
    for (const auto& d : days) {
      if (!d.ordered && !empty(d)) written.emplace(day_key(d, d.day.text), d.part);
    }
    std::erase_if(days, [&](const ast::Day& d) {
      return empty(d) && !d.ordered && written.contains({day_key(d, d.day.text), d.part});
    });
  }

  static std::string day_key(const ast::Day& d, const std::string& text) {
    std::string key = text.substr(0, d.ordered ? std::string::npos : 3);
    for (auto& c : key) c = static_cast<char>(ascii::lower(static_cast<unsigned char>(c)));
    return key;
  }

  static bool same_day(const ast::Day& a, const ast::Day& b) {
    if (a.ordered != b.ordered || day_key(a, a.day.text) != day_key(b, b.day.text)) return false;
    return a.part.empty() || b.part.empty() || a.part == b.part;
  }

  // A copied `Mon/Thu` session loses Thursday when the week writes Thursday out.
  static void drop_copied(std::vector<ast::Day>& days, const ast::Day& written) {
    for (auto& d : days) {
      if (!d.copied || written.ordered) continue;
      std::erase_if(d.also,
                    [&](const ast::Name& n) { return day_key(d, n.text) == day_key(written, written.day.text); });
    }
    std::erase_if(days, [&](const ast::Day& d) { return d.copied && same_day(d, written); });
  }

  // Exercises written before any day header are one session, whose weekday the plan does not give: a
  // single workout pasted on its own.
  void implicit_session(const Token& at) {
    ast::Day day;
    day.day = ast::Name{fmt::format("Session {}", days().size() + 1), at.span(file_)};
    day.ordered = true;
    day.span = at.span(file_);
    day.end = at.end();
    days().push_back(std::move(day));
    day_ = static_cast<int>(days().size()) - 1;
    block_ = -1;
  }

  // --- blocks and groups ----------------------------------------------------------

  // `Stretch & relax`, `Stretches:`, `Stretching`: a line that heads the cool-down's stretches after the main work.
  // Returns where the heading's words end.
  static std::optional<std::size_t> stretch_heading(const TokenList& t, std::size_t k) {
    static const WordSet stretch = {"stretch", "stretches", "stretching"};
    static const WordSet joined = {"relax", "relaxation", "and", "&", "breathing"};
    std::size_t e = k;
    bool named = false;
    while (e < t.size() && (stretch.count(t[e].lower()) > 0 || joined.count(t[e].lower()) > 0 || t[e].text == "&")) {
      named = named || stretch.count(t[e].lower()) > 0;
      ++e;
    }
    if (!named) return std::nullopt;
    // the whole line: `Stretch: hip flexors 2 min` and `stretch 30s` are exercise lines
    const bool ends = e == t.size() || (e + 1 == t.size() && t[e].is_punct(':'));
    return ends ? std::optional{e} : std::nullopt;
  }

  [[nodiscard]] bool after_main_work() {
    const auto* d = day();
    return d != nullptr && std::any_of(d->blocks.begin(), d->blocks.end(), [](const ast::Block& b) {
             return b.kind == ast::Block::Kind::main && !b.lines.empty();
           });
  }

  bool block_header(const TokenList& t, const Statement& s) {
    std::size_t k = 0;
    while (k < t.size() && (t[k].is(K::other) || t[k].is_punct('*') || t[k].is(K::dash))) ++k;
    // `A) Warm Up`, `1. Cool down`: a list's letter or number before the block's name
    const bool listed = k + 2 < t.size() && t[k + 1].attached && (t[k + 1].is_punct(')') || t[k + 1].is_punct('.')) &&
                        ((t[k].is(K::word) && t[k].text.size() == 1) || (t[k].is(K::number) && t[k].text.size() <= 2));
    if (listed && block_word(t[k + 2].lower())) k += 2;
    if (k >= t.size()) return false;
    // `10 min cool down` is done as said, and the lines after it are main work again
    if (auto named_first = length_before_block(t, k)) {
      if (s.opens || !block_header(*named_first, s)) return false;
      block_ = -1, section_ = false;
      opens_next_.reset();
      return true;
    }
    auto w = t[k].lower();
    // `WU 6 min:`, `CD:`: the abbreviations, when a length, a colon or a dash follows
    if ((w == "wu" || w == "cd") && k + 1 < t.size() &&
        (t[k + 1].is_punct(':') || t[k + 1].is(K::dash) || t[k + 1].is(K::number) || t[k + 1].is_punct('('))) {
      w = w == "wu" ? "warmup" : "cooldown";
    }
    std::size_t e = k + 1;
    const auto stretches = stretch_heading(t, k);
    if (!stretches && !block_word(w)) return false;
    ast::Block::Kind kind = ast::Block::Kind::main;
    if (stretches) {
      // before any main work, strength lines could follow: the heading is read as before, as a line
      if (!after_main_work()) return false;
      e = *stretches;
      kind = ast::Block::Kind::cooldown;
    } else if (w == "warmup" || w == "warm-up" || w == "warm") {
      if (w == "warm" && !(e < t.size() && t[e].lower() == "up")) return false;
      if (w == "warm") ++e;
      kind = ast::Block::Kind::warmup;
    } else if (w == "cooldown" || w == "cool-down" || w == "cool") {
      if (w == "cool" && !(e < t.size() && t[e].lower() == "down")) return false;
      if (w == "cool") ++e;
      kind = ast::Block::Kind::cooldown;
    }
    // `Cool down stretch 5 min:`, `Warm up jog 10 min`: what the block is made of, said in its header
    static const WordSet made_of = {"stretch", "stretches", "stretching", "mobility", "jog", "walk", "flow"};
    if (kind != ast::Block::Kind::main && e < t.size() && made_of.contains(t[e].lower()))
      ++e;
    else if (e < t.size() && (t[e].lower() == "set" || t[e].lower() == "block" || t[e].lower() == "workout" ||
                              t[e].lower() == "lifts" || t[e].lower() == "part")) {
      ++e;
    }
    // `warmup evry day`, `Warm up (every session)`: done before each session, which a block of each is
    static const WordSet every = {"every", "evry", "each", "daily"};
    static const WordSet occasions = {"day", "session", "sess", "time", "workout"};
    const bool every_session = kind != ast::Block::Kind::main && e < t.size() && every.contains(t[e].lower());
    if (every_session) {
      ++e;
      if (e < t.size() && occasions.contains(t[e].lower())) ++e;
    }
    ast::Block block;
    block.kind = kind;
    block.span = span_between(file_, t[k], t[e - 1]);
    std::size_t inline_from = t.size();
    int depth = 0;
    bool dashed = false;
    for (std::size_t j = e; j < t.size(); ++j) {
      if (t[j].is_punct('(')) ++depth;
      if (t[j].is_punct(')')) depth = std::max(0, depth - 1);
      dashed = dashed || (t[j].is(K::dash) && depth == 0);
      if (t[j].is_punct('(') || t[j].is_punct(')') || t[j].is(K::dash)) continue;
      // `Warm-up (10 min, seated then standing)`: the length is read, the other words are a note, and so are other
      // counts (`Core (Superset · 3 rounds)`, as a coaching app names the block's format)
      const bool length =
          t[j].is(K::number) && (t[j].mark == '\'' || (j + 1 < t.size() && unit_scale_is_time(t[j + 1].lower())) ||
                                 (j + 1 < t.size() && t[j + 1].is(K::dash)));
      if (depth > 0 && !length) continue;
      if (t[j].is_punct(':')) {
        inline_from = j + 1;
        break;
      }
      // `Warm up 5-10 min:`: a range of lengths, of which the plan asks at least the first
      if (t[j].is(K::number) && j + 3 < t.size() && t[j + 1].is(K::dash) && t[j + 2].is(K::number) &&
          !unit_word(t[j + 3].lower()).empty() && unit_scale_is_time(t[j + 3].lower()) && !block.duration) {
        block.duration =
            ast::Quantity{t[j].value, t[j].value, unit_word(t[j + 3].lower()), span_between(file_, t[j], t[j + 3])};
        j += 3;
        continue;
      }
      // `Warm up - 2 mins march, 10 arm circles`, `Warm up – 10 cat cows`: after a dash, a count or a time
      // before a name is the first exercise's dose, not the block's length
      if (dashed && kind != ast::Block::Kind::main && t[j].is(K::number) && counted_name_at(t, j)) {
        inline_from = j;
        break;
      }
      if (t[j].is(K::number) && j + 1 < t.size() && !unit_word(t[j + 1].lower()).empty() &&
          unit_scale_is_time(t[j + 1].lower()) && !block.duration) {
        block.duration =
            ast::Quantity{t[j].value, t[j].value, unit_word(t[j + 1].lower()), span_between(file_, t[j], t[j + 1])};
        ++j;
        continue;
      }
      if (t[j].is(K::number) && t[j].mark == '\'' && !block.duration) {
        block.duration = ast::Quantity{t[j].value, t[j].value, "min", t[j].span(file_)};
        continue;
      }
      // `Warm up – cat cow x10, glute bridge x12`, `Cool-down – same as Monday`: after a dash, a warm-up or a
      // cool-down goes on with its content
      if (dashed && kind != ast::Block::Kind::main && t[j].is(K::word)) {
        inline_from = j;
        break;
      }
      return false;  // `Main squat pattern 3x5`: not a header
    }
    if (day() == nullptr) {
      implicit_session(t[k]);
      // after a schedule, a warm-up before the sessions is each session's
      every_pending_ = (every_session || !schedule_.empty()) && kind == ast::Block::Kind::warmup;
    }
    if (!braces_.empty() && braces_.back() == Level::block) braces_.pop_back();
    auto& blocks = day()->blocks;
    // `Warm up: same`, `Cool-down – as Monday`: the block written there
    if (inline_from < t.size() && kind != ast::Block::Kind::main && reference_only(t, inline_from, t.size())) {
      if (const auto* earlier = referred_block(t, kind)) {
        block.lines = earlier->lines;
        if (!block.duration) block.duration = earlier->duration;
      }
    }
    blocks.push_back(std::move(block));
    block_ = static_cast<int>(blocks.size()) - 1;
    reset_group();
    section_ = !s.opens;
    if (s.opens) braces_.push_back(Level::block);
    if (!s.opens && inline_from >= t.size()) opens_next_ = Level::block;
    if (inline_from < t.size()) {
      exercise_line(t, inline_from, t.size());
      if (!s.opens && kind == ast::Block::Kind::warmup) block_ = -1, section_ = false;
    }
    return true;
  }

  // A count, or a number and its unit, then a word: `10 arm circles`, `2 mins march`.
  static bool counted_name_at(const TokenList& t, std::size_t j) {
    auto k = j + 1;
    if (k < t.size() && !unit_word(t[k].lower()).empty()) ++k;
    return k < t.size() && t[k].is(K::word) && unit_word(t[k].lower()).empty();
  }

  static bool unit_scale_is_time(std::string_view w) {
    const auto u = unit_word(w);
    return u == "s" || u == "min" || u == "h";
  }

  // 3 rounds:, Circuit x3:, Circuit (3 rounds):, EMOM 10 min:, AMRAP 12 min:, 21-15-9:, Superset:
  // `Tabata x 4: row / burpees`, `AMRAP 10: 10 T2B, 15 sit-ups`: after the colon, the group's first lines.
  bool group_header(const TokenList& t, const Statement& s) {
    std::size_t k = 0;
    while (k < t.size() && (t[k].is(K::other) || t[k].is_punct('*') || t[k].is(K::dash))) ++k;
    k += letter_label(t, k);
    if (k >= t.size() || day() == nullptr) return false;
    std::size_t colon = k;
    while (colon < t.size() && !t[colon].is_punct(':')) ++colon;
    auto group = read_group(t, k, colon, {});
    if (!group) group = titled_group(t, k, colon);
    if (!group) return false;
    open_group(std::move(*group), s.opens);
    if (colon + 1 < t.size()) exercise_line(t, colon + 1, t.size());
    return true;
  }

  // `TOTAL <tab> 60`, `Weekly total: 44 km`: a sheet's sum of a column, for the reader.
  static bool sheet_total(const TokenList& t) {
    std::size_t k = 0;
    if (k < t.size() && (t[k].lower() == "weekly" || t[k].lower() == "week")) ++k;
    if (k >= t.size() || (t[k].lower() != "total" && t[k].lower() != "totals")) return false;
    bool counted = false;
    for (++k; k < t.size(); ++k) {
      if (t[k].is(K::number)) {
        counted = true;
      } else if (!(t[k].is_punct(':') || t[k].is(K::dash) || !unit_word(t[k].lower()).empty())) {
        return false;
      }
    }
    return counted;
  }

  // `Bench 3x5 ~~80~~ 82.5kg`: a notes app's struck-out text is no longer meant; the line without it (empty when
  // all of it is struck out), or nullopt when nothing is.
  static std::optional<TokenList> without_struck(const TokenList& t) {
    const auto pair_at = [&](std::size_t k) {
      return k + 1 < t.size() && t[k].is_punct('~') && t[k + 1].is_punct('~') && t[k + 1].attached;
    };
    for (std::size_t open = 0; open + 1 < t.size(); ++open) {
      if (!pair_at(open)) continue;
      for (auto close = open + 3; close + 1 < t.size(); ++close) {
        if (!pair_at(close)) continue;
        TokenList kept(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(open));
        kept.insert(kept.end(), t.begin() + static_cast<std::ptrdiff_t>(close + 2), t.end());
        return kept;
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // Whether the tokens are apart by a column's gap: a tab, or two spaces or more.
  [[nodiscard]] bool column_gap(const Token& before, const Token& after) const {
    if (after.offset <= before.end()) return false;
    const auto between = file_.text.substr(before.end(), after.offset - before.end());
    return between.find('\t') != std::string_view::npos || between.find("  ") != std::string_view::npos;
  }

  // `5 <tab> MON <tab> Rest / mobility 20' <tab> 0`, `<tab> WED <tab> Easy 45' Z2 <tab> 8 <tab> HR cap 145`, `Wed Sumo
  // DL 3x3 @ 80%   |  Close grip bench 3x6`: a row of a sheet, its weekday in a column of its own. A week's number in
  // the cell before the weekday starts that week. The row is read as `Wed – ...` with the session's cell; the
  // cells after it in a sheet pasted with tabs are its other columns (distance, notes), which are no dose.
  std::optional<TokenList> sheet_row(const TokenList& t, std::size_t k, const Statement& s) {
    if (t[k].is_punct('|')) return piped_row(t, k + 1);
    auto day_at = k;
    const bool numbered = t[k].is(K::number) && k + 2 < t.size() && column_gap(t[k], t[k + 1]);
    if (numbered) ++day_at;
    if (day_at + 1 >= t.size() || weekday_words.count(t[day_at].lower()) == 0 ||
        !column_gap(t[day_at], t[day_at + 1]) || t[day_at + 1].is(K::dash) || t[day_at + 1].is_punct(':')) {
      return std::nullopt;
    }
    if (numbered && t[k].value >= 1 && t[k].value == std::floor(t[k].value)) {
      ast::Week week;
      week.first = ast::Quantity{t[k].value, t[k].value, {}, t[k].span(file_)};
      week.last = week.first;
      week.span = t[k].span(file_);
      week.end = s.end;
      start_week(std::move(week), s);
    }
    static constexpr std::string_view dash = "-";
    Token separator = t[day_at];
    separator.kind = K::dash;
    separator.text = dash;
    separator.lowered = {};
    separator.offset = t[day_at].end();
    separator.attached = true;
    TokenList row(t.begin() + static_cast<std::ptrdiff_t>(day_at), t.begin() + static_cast<std::ptrdiff_t>(day_at + 1));
    row.push_back(separator);
    for (auto j = day_at + 1; j < t.size(); ++j) {
      if (j > day_at + 1 && tabbed(t[j - 1], t[j])) break;
      row.push_back(t[j]);
    }
    return row;
  }

  // `| Mon | Back squat 5x3 @ 82%, RDL 3x8 | keep it easy |`: a row of a Markdown table, read as `Mon – ...` with
  // the session's cell; the cells after it are for the reader.
  static std::optional<TokenList> piped_row(const TokenList& t, std::size_t day_at) {
    if (day_at + 2 >= t.size() || weekday_words.count(t[day_at].lower()) == 0 || !t[day_at + 1].is_punct('|')) {
      return std::nullopt;
    }
    static constexpr std::string_view dash = "-";
    Token separator = t[day_at + 1];
    separator.kind = K::dash;
    separator.text = dash;
    TokenList row{t[day_at], separator};
    for (auto j = day_at + 2; j < t.size() && !t[j].is_punct('|'); ++j) row.push_back(t[j]);
    if (row.size() == 2) row.pop_back();
    return row;
  }

  [[nodiscard]] bool tabbed(const Token& before, const Token& after) const {
    return after.offset > before.end() &&
           file_.text.substr(before.end(), after.offset - before.end()).find('\t') != std::string_view::npos;
  }

  // `10 min cool down`, `5' warm-up`: a warm-up or cool-down given its length first, as the same tokens with
  // the block's words first (`cool down 10 min`). Nothing follows it: it is the whole block.
  static std::optional<TokenList> length_before_block(const TokenList& t, std::size_t k) {
    std::size_t words = k + (t[k].mark == '\'' ? 1 : 2);
    if (words >= t.size() || !t[k].is(K::number)) return std::nullopt;
    if (t[k].mark != '\'' && !unit_scale_is_time(t[k + 1].lower())) return std::nullopt;
    const auto w = t[words].lower();
    const bool two = w == "warm" || w == "cool";
    if (!(two || w == "warmup" || w == "warm-up" || w == "cooldown" || w == "cool-down")) return std::nullopt;
    const auto end = words + (two ? 2 : 1);
    if (end != t.size() || (two && t[words + 1].lower() != (w == "warm" ? "up" : "down"))) return std::nullopt;
    TokenList out(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(k));
    out.insert(out.end(), t.begin() + static_cast<std::ptrdiff_t>(words), t.end());
    out.insert(out.end(), t.begin() + static_cast<std::ptrdiff_t>(k), t.begin() + static_cast<std::ptrdiff_t>(words));
    return out;
  }

  // `C. AMRAP 12:`, `D) 5 rds:`, `B2: EMOM 10`: a part's letter before a group's header. How many tokens.
  static std::size_t letter_label(const TokenList& t, std::size_t k) {
    if (k + 2 >= t.size() || !t[k].is(K::word) || t[k].text.size() != 1 || !ascii::is_upper(t[k].text[0])) return 0;
    auto e = k + 1;
    if (t[e].is(K::number) && t[e].attached && t[e].value < 10) ++e;
    return e + 1 < t.size() && (t[e].is_punct('.') || t[e].is_punct(')') || t[e].is_punct(':')) ? e + 1 - k : 0;
  }

  struct Group {
    LineContext context;
    std::string kind;  // emom, amrap, circuit, superset, or empty for plain rounds
  };

  // `Circuit A – 4 rounds, 40s on / 20s off`, `Core circuit 2 rounds:`, `PART B — Double KB complex, 5 rounds`,
  // `Main set – 2 rounds, work at your own pace`: a title of header words, then a group with its count of
  // rounds, and after a comma, perhaps, how to work through it.
  std::optional<Group> titled_group(const TokenList& t, std::size_t k, std::size_t end) const {
    static const WordSet counting = {"rounds", "round", "rds", "rnds", "circuits"};
    std::size_t count = k;
    while (count + 1 < end && !(t[count].is(K::number) && counting.contains(t[count + 1].lower()))) ++count;
    if (count + 1 >= end) return std::nullopt;
    auto from = count;
    while (from > k && group_token(t[from - 1])) --from;
    if (from == k || !header_title(TokenList(t.begin() + static_cast<std::ptrdiff_t>(k),
                                             t.begin() + static_cast<std::ptrdiff_t>(from)))) {
      return std::nullopt;
    }
    auto to = count;
    while (to < end && group_token(t[to])) ++to;
    if (to < end) {  // the words after the group follow its last comma
      while (to > count && !t[to - 1].is_punct(',')) --to;
      if (to == count) return std::nullopt;
    }
    return read_group(t, from, to, title_group_kind(t, k, from));
  }

  // The words before a group's count in its header: what the block is (`Main set`, `Core`, `Part B`), with
  // the kit it uses (`Double KB complex`).
  static bool header_title(const TokenList& title) {
    static const WordSet words = {"main",   "part",   "block",   "section", "finisher",   "complex", "station",
                                  "double", "single", "kb",      "kbs",     "db",         "dbs",     "bb",
                                  "band",   "banded", "partner", "team",    "bodyweight", "bw",      "set"};
    if (title_like(title)) return true;
    bool named = false;
    for (const auto& x : title) {
      if (x.is(K::dash) || x.is_punct('(') || x.is_punct(')') || x.is_punct('&') || x.is_punct('/')) continue;
      const bool label = (x.is(K::word) || x.is(K::number)) && x.text.size() == 1;
      if (label) continue;
      if (!x.is(K::word) || !(words.contains(x.lower()) || group_word(x.lower()) || title_like(TokenList{x}))) {
        return false;
      }
      named = true;
    }
    return named;
  }

  // The group a header's tokens [k, end) open, if every word of them belongs to one. `title_kind` is a kind the
  // session's title already gave (`Full body circuit x3`), so that a bare count there makes a group too.
  // A count written as rounds (`3 rounds`, `x3`) is the rounds, before any other bare number (`10 stations`);
  // a number before `on` or `off` is an interval (`40 on / 20 off`).
  std::optional<Group> read_group(const TokenList& t, std::size_t k, std::size_t end,
                                  std::string_view title_kind) const {
    // the words that make a group of the lines under a header
    static const WordSet grouping_words{"circuit", "superset", "emom",   "e2mom", "amrap",    "triset",
                                        "tri-set", "giant",    "rounds", "round", "through",  "chipper",
                                        "rds",     "rnds",     "tabata", "wod",   "stations", "metcon"};
    static const WordSet counting = {"rounds", "round", "rds", "rnds", "rd", "x", "times", "sets", "circuits"};
    Group group{{}, std::string(title_kind)};
    bool grouped = !title_kind.empty();
    std::optional<double> rounds;
    std::optional<double> counted;
    std::optional<double> minutes;
    for (std::size_t j = k; j < end; ++j) {
      const auto w = t[j].lower();
      if (t[j].is(K::string)) continue;  // WOD "Filthy-ish": the workout's name
      if (group_word(w)) {
        // `For time – 15 min cap`: a workout done for time, as a class board writes it
        const bool for_time = w == "time" && j > k && t[j - 1].lower() == "for";
        grouped = grouped || grouping_words.contains(w) || for_time || w == "cap";
        if (group.kind.empty() && (w == "emom" || w == "amrap" || w == "circuit" || w == "superset")) group.kind = w;
        continue;
      }
      if (t[j].is(K::number)) {
        const auto next = j + 1 < end ? t[j + 1].lower() : std::string_view{};
        if (j + 4 < end && scheme(t, j, group.context)) {
          grouped = true;
          break;
        }
        if (unit_scale_is_time(next) || t[j].mark == '\'') {
          minutes = unit_word(next) == "s" ? t[j].value / 60 : t[j].value;
          if (!unit_word(next).empty()) ++j;
        } else if (counting.contains(next) || (j > k && t[j - 1].is(K::times))) {
          rounds = t[j].value;
        } else if (t[j].mark == 0 && next != "on" && next != "off") {
          counted = t[j].value;
        }
        continue;
      }
      if (t[j].is(K::times) || t[j].is_punct(':') || t[j].is_punct('(') || t[j].is_punct(')') || t[j].is(K::dash) ||
          t[j].is_punct(',') || t[j].is_punct('/')) {
        continue;
      }
      return std::nullopt;
    }
    if (!grouped && group.context.scheme.empty()) return std::nullopt;
    // `AMRAP 15`: a length in minutes, and as many rounds as fit
    if (!rounds && group.kind != "amrap") rounds = counted;
    if (group.kind == "emom" && minutes && !rounds) rounds = *minutes;
    if (rounds) group.context.rounds = ast::Quantity{*rounds, *rounds, {}, t[k].span(file_)};
    return group;
  }

  void open_group(Group group, bool opens) {
    group.context.group = fmt::format("{}{}", group.kind.empty() ? "round" : group.kind, ++anonymous_groups_);
    group_ = std::move(group.context);
    in_group_ = true;
    if (opens) braces_.push_back(Level::block);
  }

  // `Fri - Circuit 3 rounds`, `Thu: Full body circuit x3`, `Sat - Conditioning, 4 rounds`, `Mon: AMRAP 20 min`,
  // `Fri – HIIT circuit: 4 rounds`: after the day, the session's title and the group its lines make. The tail is
  // the longest run of a group's words at the end; before it, a title, or any words naming a circuit (`HIIT
  // circuit`), but not an exercise (`Burpees 3 rounds`). Where the tail starts, or t.size().
  std::size_t grouped_title(const TokenList& t, std::size_t first) const {
    auto g = t.size();
    while (g > first && group_token(t[g - 1])) --g;
    const bool counted = std::any_of(t.begin() + static_cast<std::ptrdiff_t>(g), t.end(),
                                     [](const Token& x) { return x.is(K::number); });
    if (!counted) return t.size();
    const auto kind = title_group_kind(t, first, g);
    const bool named_group = g < t.size() && group_kind_word(t[g].lower());
    const TokenList title(t.begin() + static_cast<std::ptrdiff_t>(first), t.begin() + static_cast<std::ptrdiff_t>(g));
    if (g > first && !named_group && !title_like(title)) return t.size();
    return read_group(t, g, t.size(), kind) ? g : t.size();
  }

  static bool group_kind_word(std::string_view w) {
    static const WordSet kinds{"circuit", "superset", "emom",  "e2mom",   "amrap",   "tabata",
                               "triset",  "tri-set",  "giant", "chipper", "finisher"};
    return kinds.contains(w);
  }

  // A word of a group's header: `Circuit x3`, `3 rounds for time`, `EMOM every minute on the minute`.
  static bool group_word(std::string_view w) {
    static const WordSet words{"circuit",  "superset", "super", "triset", "tri-set",  "giant",    "complex",
                               "finisher", "emom",     "e2mom", "amrap",  "chipper",  "rft",      "for",
                               "time",     "set",      "sets",  "of",     "through",  "rounds",   "round",
                               "x",        "times",    "min",   "mins",   "minutes",  "every",    "minute",
                               "on",       "the",      "with",  "rest",   "between",  "total",    "repeat",
                               "rds",      "rnds",     "rd",    "then",   "tabata",   "stations", "station",
                               "off",      "work",     "cap",   "wod",    "metcon",   "partner",  "per",
                               "exercise", "team",     "block", "ladder", "circuits", "change"};
    return words.contains(w);
  }

  // A token a group's header may hold (see read_group).
  static bool group_token(const Token& x) {
    return group_word(x.lower()) || x.is(K::number) || x.is(K::times) || x.is_punct(':') || x.is_punct('(') ||
           x.is_punct(')') || x.is(K::dash) || x.is_punct(',');
  }

  static std::string_view title_group_kind(const TokenList& t, std::size_t first, std::size_t last) {
    for (std::size_t j = first; j < last; ++j) {
      if (t[j].lower() == "circuit") return "circuit";
    }
    return {};
  }

  // What follows a day on its line: the session's title with the group it opens, or an exercise.
  void inline_session(const TokenList& t, std::size_t from, std::size_t group_from) {
    if (group_from < t.size()) {
      if (auto group = read_group(t, group_from, t.size(), title_group_kind(t, from, group_from))) {
        open_group(*group, false);
      }
      return;
    }
    exercise_line(t, from, t.size());
  }

  bool scheme(const TokenList& t, std::size_t j, LineContext& context) const {
    std::vector<double> counts{t[j].value};
    std::size_t k = j;
    while (k + 2 < t.size() && t[k + 1].is(K::dash) && t[k + 2].is(K::number) && t[k + 1].attached &&
           t[k + 2].attached) {
      k += 2;
      counts.push_back(t[k].value);
    }
    if (counts.size() < 3) return false;
    context.scheme = counts;
    return true;
  }

  // --- lines --------------------------------------------------------------------

  void body_line(const TokenList& t, const Statement& s) {
    if (in_notes_ && superset_labelled(t) && has_dose(t)) in_notes_ = false;
    if (in_notes_ || replace_dose(t)) return;
    const auto first = t.front().lower();
    if (in_client_) {
      d_.error(t.front().span(file_),
               fmt::format("unknown client field '{}'; expected conditions, symptoms, cleared, experience, age or "
                           "gestational week",
                           shorten(std::string(t.front().text))));
      return;
    }
    if (workout_figures(t) || session_title(t)) return;
    if (in_message_) return chat_line(t);
    if (day() == nullptr) {
      // `1. Cat / cow` then `Repetitions: 10 | Sets: 1 | Times a day: 2`: a home programme's first exercise
      if (const auto fields = dose_fields(t); fields && adopt_listed_item(*fields) && dose_of_line_above(*fields))
        return;
      if (document_property(t) || frequency_line(t)) return;
      // `👤 Amira K. | 29 wks (due 18 May) | 3x/wk`: the person icon says the line is about the client
      if (file_.text.substr(s.begin, 4) == "\U0001F464") return heading_mentions(t);
      // `💬 Amira pre-bump: lifting 4 yrs, squat 90kg`: a remark quoted before the sessions plans nothing
      if (file_.text.substr(s.begin, 4) == "\U0001F4AC") return sentence_about_client(t);
      const bool rest_line = first == "rest" || first == "off";
      const bool dose = has_dose(t);
      if (!rest_line && (!dose || labelled_about_client(t)) && heading_about_client(t)) return heading_mentions(t);
      if (rest_line) {
        d_.error(t.front().span(file_), "this rest day has no day; write it after a day, as in 'Wednesday: rest'");
        return;
      }
      if (!dose && preamble_line(t)) return remember_listed_item(t, s);
      if (programme_title(t) || measures_line(t)) return;
      if (!dose) {
        d_.error(t.front().span(file_),
                 "this line is outside any session; start the session with a day such as 'Monday', "
                 "'mon strength 35min {' or 'Day 1' first");
        return;
      }
      if (!adopt_listed_item(t)) implicit_session(t.front());
    }
    if ((first == "rest" || first == "off") && standalone_rest(t)) return;
    if (block_reference(t)) return;
    if (const auto end = heading_end(t)) return aside_line(t, {0, *end});
    if (dose_of_line_above(t)) return;
    if (const auto fields = dose_fields(t); fields && dose_of_line_above(*fields)) return;
    exercise_line(t, 0, t.size());
  }

  // `🌸 MAMA STRONG — 4 week return to exercise`, `home plan while the gym's shut (2 wks)`: a line of words with
  // no dose before the first session, outside any braces and not a word of the plan language, is the
  // programme's title or another word to the reader, unless it names exercises, which the resolver decides.
  bool preamble_line(const TokenList& t) {
    static const WordSet keywords = {"plan",   "include", "exercise", "rule",   "rules", "client", "waive",
                                     "extend", "pack",    "cite",     "source", "week",  "day",    "vocab"};
    if (!braces_.empty() || keywords.contains(t.front().lower())) return false;
    std::size_t words = 0, others = 0;
    for (const auto& x : t) {
      // `W12D1 strength`: a week and a day run together, not a title
      if (x.is(K::word) && std::any_of(x.text.begin(), x.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
      }
      words += x.is(K::word) ? 1 : 0;
      others += x.is(K::other) ? 1 : 0;
    }
    // `Trainerize`, `EVERFIT` atop the text: one word alone is the title or the app's name unless the resolver finds
    // it names an exercise, or is one mistyped. Anywhere else (`wee` cut from `week`) it is an error.
    if (words == 0 || others > words || (words == 1 && !first_words(t.front()))) return false;
    keep_preamble(t);
    return true;
  }

  // `bw 92-93kg, maxes from Aug meet: SQ 200 / BP 140 / DL 230`, `TMs (90%): Squat 130 / Bench 90`: before the
  // first session, the client's body weight or maxes, whose numbers are no session's dose.
  bool measures_line(const TokenList& t) {
    static const WordSet measures = {"bw",    "bodyweight", "maxes", "1rm", "1rms", "e1rm",
                                     "e1rms", "tm",         "tms",   "prs", "pbs",  "rms"};
    const auto first = t.front().lower();
    const bool training_maxes = first == "training" && t.size() > 1 && t[1].lower().starts_with("max");
    if (!braces_.empty() || (!measures.contains(first) && !training_maxes)) return false;
    return read_as_note(t, "the client's measures before the first session");
  }

  // `Duration: 1h 22min`, `Volume: 10,240 kg`, `Records: 2 🏆`, `@kiran_lifts`, `⏱ 1h 14m  🏋️ 8,420 kg  🏆 2
  // PRs`: what a training app prints under a logged workout's title, about the workout as a whole. A note.
  bool workout_figures(const TokenList& t) {
    static const WordSet keys = {"duration", "volume",  "records", "prs", "pbs",     "calories",
                                 "kcal",     "elapsed", "total",   "avg", "average", "workout"};
    static const WordSet counts = {"sets", "reps", "exercises"};  // a dose's field under an exercise
    static const WordSet totals = {"pr", "prs", "pb", "pbs", "volume", "kcal", "records"};
    const bool handle = t.size() == 2 && t[0].is_punct('@') && t[1].attached;
    const auto key = t.front().lower();
    // most lines start with an exercise's name: turned away before anything else is looked at
    if (!handle && !t.front().is(K::other) && !keys.contains(key) && !counts.contains(key)) return false;
    const auto* d = day();
    if (d == nullptr && !handle) return false;
    const bool no_lines =
        d == nullptr || std::all_of(d->blocks.begin(), d->blocks.end(), [](const auto& b) { return b.lines.empty(); });
    const auto colon = field_colon(t, 0);
    const bool field = colon > 0 && (keys.contains(key) || (no_lines && counts.contains(key)));
    const bool icons = t.front().is(K::other) && std::any_of(t.begin(), t.end(), [](const Token& x) {
                         return x.is(K::word) && totals.contains(x.lower());
                       });
    if (!field && !handle && !icons) return false;
    return read_as_note(t, "figures of the whole workout, as a training app lists them");
  }

  // `Tags: axial SpA, mobility`, `Last edited: March 4, 2026 9:12 PM`: a property a notes app exports above the page
  bool document_property(const TokenList& t) {
    static const WordSet keys = {"tags",  "tag",      "created", "edited",   "updated",  "status",
                                 "owner", "assignee", "type",    "category", "property", "author"};
    const auto colon = field_colon(t, 0);
    if (colon == 0 || colon > 3) return false;
    bool property = false;
    for (std::size_t k = 0; k < colon; ++k) property = property || keys.contains(t[k].lower());
    if (!property) return false;
    return read_as_note(t, "a property of the document");
  }

  // `Days a week: 3, plus your walks/golf`, `Sessions per week: 3-4` before the sessions: how often the client trains,
  // which the sessions themselves say. A note.
  bool frequency_line(const TokenList& t) {
    const auto colon = field_colon(t, 0);
    if (colon < 2 || colon > 4) return false;
    const auto key = joined_lower(t, 0, colon);
    static const WordSet keys = {"days a week", "days per week", "sessions per week", "sessions a week", "days per wk"};
    if (!keys.contains(key)) return false;
    return read_as_note(t, "how often the client trains, which the sessions say");
  }

  // The whole line read as a note, saying why: `'Duration: 1h 22min' read as a note: figures of the whole workout`.
  bool read_as_note(const TokenList& t, std::string_view why) {
    const auto span = span_between(file_, t.front(), t.back());
    add_note(
        d_, span,
        fmt::format("'{}' read as a note: {}", shorten(std::string(file_.text.substr(span.offset, span.length))), why));
    return true;
  }

  // Whether nothing but marks and spaces comes before this token in the file.
  [[nodiscard]] bool first_words(const Token& x) const {
    const auto before = file_.text.substr(0, x.offset);
    return std::none_of(before.begin(), before.end(),
                        [](char c) { return ascii::is_alnum(static_cast<unsigned char>(c)); });
  }

  // `KB programme – Dave (hardstyle, 3x/wk at home, 12, 16, 24 kg bells)`, `PREP BLOCK 1 – "Volume" – 4 wks – Emma`:
  // before the first session, the programme's title even with numbers in it: a word such as programme or block
  // among its first five, and a dash, a colon or a bar that parts it (not one of a range such as `9-12`).
  bool programme_title(const TokenList& t) {
    static const WordSet title_words = {"programme", "program", "block",   "phase",    "cycle",   "mesocycle",
                                        "plan",      "routine", "session", "sessions", "template"};
    if (!braces_.empty() || !out_.weeks.empty() || !out_.loose_days.empty()) return false;
    std::size_t k = 0;
    while (k < t.size() && k < 5 && !(t[k].is(K::word) && title_words.contains(t[k].lower()))) ++k;
    if (k == 0 || k >= std::min<std::size_t>(t.size(), 5)) return false;
    for (std::size_t j = 1; j < t.size(); ++j) {
      const bool range = t[j - 1].is(K::number) && j + 1 < t.size() && t[j + 1].is(K::number);
      if ((t[j].is(K::dash) && !range) || t[j].is_punct(':') || t[j].is_punct('|')) {
        keep_preamble(t);
        return true;
      }
    }
    return false;
  }

  // A title or word to the reader before the first session: a note, and what it says of the client.
  void keep_preamble(const TokenList& t) {
    const auto span = span_between(file_, t.front(), t.back());
    out_.preamble.push_back(
        ast::Value{ast::Value::Kind::string, std::string(file_.text.substr(span.offset, span.length)), 0, {}, span});
    // `Prenatal strength - Hannah (24wks)`, `Back care after a disc bulge`: what a title says of the client. A plan
    // for a class or a team (`Group (12 booked):`, `4 with osteoporosis`) has no one client: what it says of
    // some of its members is not read as the client's.
    static const WordSet group_words = {"group",   "class",   "classes", "booked", "participants", "members",
                                        "clients", "several", "team",    "squad",  "players",      "attendees"};
    for (std::size_t k = 0; k < t.size() && !group_plan_; ++k) {
      // `83kg class`, `weight class`: a lifter's category, not a class of people
      static const WordSet category_words = {"weight", "kg", "lb", "lbs", "kilo", "kilos"};
      const bool category = k > 0 && (!t[k - 1].is(K::word) || category_words.contains(t[k - 1].lower()));
      group_plan_ = t[k].is(K::word) && group_words.contains(t[k].lower()) && !(t[k].lower() == "class" && category);
    }
    if (!group_plan_) heading_mentions(t);
  }

  // `Context (Raf): Mike, 51. L4-L5 fusion Aug 22 2023, 6-month review`: a label about the client and a colon, then
  // prose whatever numbers it holds.
  static bool labelled_about_client(const TokenList& t) {
    static const WordSet labels = {"context", "profile", "intake",  "background", "history",
                                   "client",  "athlete", "patient", "notes",      "note"};
    if (!labels.contains(t.front().lower())) return false;
    std::size_t k = 1;
    if (k < t.size() && t[k].is_punct('(')) {
      while (k < t.size() && k < 6 && !t[k].is_punct(')')) ++k;
      ++k;
    }
    return k < t.size() && t[k].is_punct(':') && k + 1 < t.size() && t[k + 1].is(K::word);
  }

  // `PT notes - Raj K, 52, CLBP, cleared by GP`, `Raj (52) - chronic LBP`, `Exp: 2 yrs`: prose at the top of
  // the plan, before any week or session, without a dose. It is about the client: its conditions and clearance
  // are read as from a history.
  bool heading_about_client(const TokenList& t) const {
    if (!out_.weeks.empty() || !out_.loose_days.empty() || t.size() < 3) return false;
    const bool punctuated = std::any_of(t.begin(), t.end(), [](const Token& k) {
      return k.is_punct(',') || k.is_punct(':') || k.is_punct('(') || k.is(K::dash);
    });
    if (!punctuated) return false;
    // It must say it is about a person: a word such as `PT notes`, `Client`, `Exp`; a clearance; or an age
    // or a date (`Raj (52)`, `Raj K, 52,`, `wks 22-26`). `Core: sit-ups, Russian twists` says none of these,
    // and stays an error rather than hiding the exercises it names.
    static const WordSet about = {"pt",      "notes", "note",       "client",  "patient", "athlete",
                                  "member",  "name",  "exp",        "age",     "dob",     "re",
                                  "squad",   "team",  "trainer",    "coach",   "physio",  "programme",
                                  "program", "plan",  "experience", "context", "profile", "intake"};
    if (about.count(t.front().lower()) > 0 || clearance_in(t, 0)) return true;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (!t[k].is(K::number) || (k > 0 && t[k - 1].is(K::times))) continue;
      if (k + 1 == t.size() || t[k + 1].is_punct(',') || t[k + 1].is_punct(')') || t[k + 1].is(K::dash) ||
          t[k + 1].is_punct('/')) {
        return true;
      }
    }
    return false;
  }

  // A heading is not a client block: a `Client:` block after it is the plan's first.
  void heading_mentions(const TokenList& t) {
    const auto blocks = out_.client_spans.size();
    mentions(t, 0);
    out_.client_spans.resize(blocks);
  }

  // `A1) Deadlift 3x5`, `B) Russian twists 3x20` under an advice heading with no blank line: a superset of the
  // session, prescribed, which ends the advice.
  static bool superset_labelled(const TokenList& t) {
    if (t.size() < 3 || !t[0].is(K::word) || t[0].text.size() > 2 ||
        !ascii::is_alpha(static_cast<unsigned char>(t[0].text[0]))) {
      return false;
    }
    if (t[0].text.size() == 2 && !ascii::is_digit(static_cast<unsigned char>(t[0].text[1]))) return false;
    std::size_t k = 1;
    if (t[0].text.size() == 1 && t[k].is(K::number) && t[k].attached) ++k;
    return k < t.size() && t[k].attached && t[k].is_punct(')');
  }

  // `Tuesday, March 10` then `Lower A – Strength`: a title under the day header, before any exercise, that
  // names the kind of session. Only words that name kinds count, so an exercise is never taken for a title.
  // A title made of session-kind words and at most a letter or number: `Lower A – Strength`, `STRENGTH B`.
  static bool title_like(const TokenList& t) {
    static const WordSet kind_words = {
        "strength",    "lower",     "upper",        "full",        "body",      "push",      "pull",
        "legs",        "mobility",  "conditioning", "cardio",      "core",      "yoga",      "recovery",
        "hypertrophy", "power",     "accessory",    "accessories", "metcon",    "endurance", "day",
        "session",     "workout",   "and",          "gym",         "training",  "circuit",   "total",
        "glutes",      "posterior", "chain",        "arms",        "shoulders", "chest",     "back",
        "stability",   "balance",   "prehab",       "rehab",       "abs",       "hiit"};
    bool kind = false;
    std::size_t labels = 0;
    // `S&C`: strength and conditioning, two letters that are no labels
    std::size_t letters = 0;
    for (std::size_t k = 0; k + 2 < t.size(); ++k) {
      if (t[k].lower() == "s" && t[k + 1].is_punct('&') && t[k + 2].lower() == "c" && t[k + 2].attached) {
        kind = true;
        letters += 2;
      }
    }
    for (const auto& x : t) {
      if (x.is(K::dash) || x.is_punct('(') || x.is_punct(')') || x.is_punct(':') || x.is_punct('&') ||
          x.is_punct('+') || x.is_punct('/') || x.is_punct(',')) {
        continue;
      }
      const bool label = (x.is(K::word) && x.text.size() == 1) || (x.is(K::number) && x.text.size() == 1);
      if (label) {
        ++labels;
        continue;
      }
      if (!x.is(K::word) || kind_words.count(x.lower()) == 0) return false;
      const auto w = x.lower();
      kind = kind || (w != "and" && w != "day" && w != "session" && w != "workout" && w != "training");
    }
    return kind && labels <= 1 + letters;
  }

  // `W`, `WU`: a training log's mark of a warm-up set
  static bool warmup_mark(const Token& x) { return x.lower() == "w" || x.lower() == "wu"; }

  // `W: 95 lb × 8`, `Warm-up: 60 kg × 8`, `Warm-up set 2: 100 kg × 5`: a warm-up set as a training log lists it
  // under the exercise. Where its load and repetitions start, or 0; `Warm-up: 5 min bike` is a warm-up block.
  static std::size_t warmup_label(const TokenList& t, std::size_t k) {
    if (k >= t.size()) return 0;
    auto j = k;
    if (warmup_mark(t[j])) {
      ++j;
    } else if (t[j].lower().substr(0, 4) == "warm") {
      ++j;
      if (j + 1 < t.size() && t[j].is(K::dash) && t[j + 1].lower() == "up") j += 2;
      if (j < t.size() && t[j].lower() == "up") ++j;
      if (j < t.size() && t[j].lower() == "set") ++j;
      if (j < t.size() && t[j].is(K::number)) ++j;
    } else {
      return 0;
    }
    if (j + 2 >= t.size() || !t[j].is_punct(':') || !t[j + 1].is(K::number)) return 0;
    const bool loaded = t[j + 2].is(K::times) || (j + 3 < t.size() && t[j + 3].is(K::times) &&
                                                  (t[j + 2].lower() == "kg" || t[j + 2].lower() == "lb" ||
                                                   t[j + 2].lower() == "lbs" || t[j + 2].lower() == "kgs"));
    return loaded || warmup_mark(t[k]) ? j + 1 : 0;
  }

  // `[Warm-up]`, `[WU]` between `from` and `end`: an app's tag for a warm-up set
  static bool warmup_tag(const TokenList& t, std::size_t from, std::size_t end) {
    for (auto j = from; j < end && j < t.size(); ++j) {
      if (warmup_mark(t[j]) || t[j].lower().substr(0, 4) == "warm") return true;
    }
    return false;
  }

  // Past the `]` that closes the bracket at k, within four tokens, or k.
  static std::size_t tag_end(const TokenList& t, std::size_t k) {
    for (auto j = k + 1; j < t.size() && j < k + 5; ++j) {
      if (t[j].is_punct(']')) return j + 1;
    }
    return k;
  }

  // `Back squat` then `5x5 @ 80kg`, `Deadlift: work up to a heavy single` then `Then 5 x 3 @ 85%`: a line that
  // starts with sets and repetitions and names nothing is a dose of the exercise on the line above: that line's
  // own dose when it has none, and after `then` a further prescription of the same exercise (back-off sets). A
  // bare dose after a line that has one may be a name left out, and stays an error.
  bool dose_of_line_above(const TokenList& t) {
    std::size_t k = 0;
    while (k < t.size() && (t[k].is(K::dash) || t[k].is(K::other) || t[k].text == "*")) ++k;
    // `Set 2: 5 reps @ 75%` under `A. Bench Press`: one set of the exercise above, as an app lists them; `Set 1
    // [Warm-up]: 16kg x 12`, with the app's tag for the set
    const auto set_word = k;
    const auto tag = k + 4 < t.size() && t[k + 2].is_punct('[') ? tag_end(t, k + 2) : k + 2;
    const bool one_set = tag + 1 < t.size() && t[k].lower() == "set" &&
                         (t[k + 1].is(K::number) || warmup_mark(t[k + 1])) &&
                         (t[tag].is_punct(':') || t[tag].is(K::dash) || t[tag].is_punct('.'));
    const bool tagged_warmup = one_set && (warmup_mark(t[k + 1]) || warmup_tag(t, k + 2, tag));
    if (one_set) k = tag + 1;
    // `W: 95 lb × 8`, `Warm-up: 60 kg × 8`: a warm-up set, as a training log lists it before the work sets
    const auto labelled = one_set ? 0 : warmup_label(t, k);
    const bool marked_warmup = labelled > 0;
    if (marked_warmup) k = labelled;
    const bool warmup_set = marked_warmup || tagged_warmup;
    const bool listed = one_set || warmup_set;
    const bool then = listed || (k < t.size() && t[k].lower() == "then");
    if (then && !listed) ++k;
    const auto counted_sets = [&](std::size_t j) {
      return j + 1 < t.size() &&
             (t[j + 1].lower() == "sets" || t[j + 1].lower() == "set" || t[j + 1].lower() == "rounds");
    };
    const bool sets_first =
        k + 2 < t.size() && t[k].is(K::number) &&
        ((t[k + 1].is(K::times) && (t[k + 2].is(K::number) || t[k + 2].lower() == "amrap")) || counted_sets(k));
    // `6:00` under `Cycling (Stationary)`: how long, alone on its line
    const bool timed = k + 1 == t.size() && t[k].is(K::clock);
    const bool counted = !sets_first && !listed && !then && (counted_dose(t, k) || timed);
    if (!(sets_first || listed || counted) || day() == nullptr || day()->blocks.empty()) return false;
    auto& block = block_ >= 0 ? day()->blocks[static_cast<std::size_t>(block_)] : day()->blocks.back();
    auto& lines = block.lines;
    // `Lie on your back, knees bent.` between a home programme's exercise and its dose: a description, an aside
    while (lines.size() > 1 && lines.back().aside && !lines[lines.size() - 2].aside &&
           !dosed(lines[lines.size() - 2])) {
      lines.pop_back();
    }
    // a heading (`Deadlift:`) is an aside until its dose comes
    if (lines.empty() || !lines.back().parts.empty() || lines.back().name.text.empty() ||
        (dosed(lines.back()) && !then)) {
      return false;
    }
    auto dose = read_dose_line(file_, t, k, t.size(), context(t), lines.back().name, d_);
    if (!dose) return true;
    if (listed && !dose->sets) dose->sets = ast::Quantity{1, 1, {}, t[set_word].span(file_)};
    dose->warmup_set = warmup_set;
    dose->group = lines.back().group;
    if (dosed(lines.back())) return add_line(block, std::move(*dose)), true;
    dose->span = lines.back().span;
    lines.back() = std::move(*dose);
    return true;
  }

  // `1. Pelvic tilts (lying)` before the first session: a numbered item with no dose, kept as a note unless a
  // dose for it comes next (`10 reps, hold 5 seconds. x2 daily`, after its description), as in a home programme.
  void remember_listed_item(const TokenList& t, const Statement& s) {
    const bool numbered = t.size() > 2 && t[0].is(K::number) && (t[1].is_punct('.') || t[1].is_punct(')'));
    if (numbered) listed_item_ = ListedItem{s, out_.preamble.size() - 1};
  }

  // The numbered item before the first session starts the session, as an exercise line, when `t` is its dose.
  bool adopt_listed_item(const TokenList& t) {
    if (!listed_item_ || !(counted_dose(t, 0) || (t.size() > 2 && t[0].is(K::number) && t[1].is(K::times)))) {
      return false;
    }
    const auto item = *std::exchange(listed_item_, std::nullopt);
    Tokens tokens;
    if (item.preamble >= out_.preamble.size() ||
        !lex_statement(file_, item.statement.begin, item.statement.end, item.statement.line, item.statement.column,
                       tokens, d_)) {
      return false;
    }
    out_.preamble.erase(out_.preamble.begin() + static_cast<std::ptrdiff_t>(item.preamble));
    implicit_session(tokens.list.front());
    exercise_line(tokens.list, 0, tokens.list.size());
    return true;
  }

  // `10 reps, hold 5 seconds. x2 daily`, `8 each side`, `Hold 20-30 seconds, 3 reps`, `10 minutes, 3 times a day`:
  // a count of repetitions or a time, as a home exercise programme writes under the exercise's name.
  static bool counted_dose(const TokenList& t, std::size_t k) {
    static const WordSet counts = {"reps", "rep",     "repetitions", "each", "times", "seconds", "second", "secs",
                                   "sec",  "minutes", "minute",      "mins", "min",   "breaths", "breath"};
    if (k < t.size() && t[k].lower() == "hold") ++k;
    if (k >= t.size() || !t[k].is(K::number)) return false;
    if (k + 2 < t.size() && t[k + 1].is(K::dash) && t[k + 2].is(K::number)) k += 2;  // `15-20 seconds`
    return k + 1 < t.size() && counts.contains(t[k + 1].lower());
  }

  // `Sets: 3 | Reps: 10-12 | Rest: 60s`, `Sets: 3 | Time: 30s`, `Hold: 20 seconds | Repetitions: 3 | Times a day: 1`,
  // as coaching and physiotherapy apps export the dose under the exercise's name: the same dose written out
  // (`3 x 10-12 rest 60s`, `3 x 20 seconds`), or nullopt when the line is not fields.
  static std::optional<TokenList> dose_fields(const TokenList& t) {
    if (field_colon(t, 0) == 0) return barred_dose(t);  // most lines: no field at all
    DoseFields f;
    // `Repetitions: 3 (centre, left, right) | ...`: with bars between the fields, a comma is a value's
    const bool barred = std::any_of(t.begin(), t.end(), [](const Token& x) { return x.is_punct('|'); });
    const auto between = [&](const Token& x) { return x.is_punct('|') || (!barred && x.is_punct(',')); };
    for (std::size_t k = 0; k < t.size();) {
      const auto colon = field_colon(t, k);
      if (colon == 0) return std::nullopt;
      auto end = colon + 1;
      while (end < t.size() && !between(t[end]) && field_colon(t, end) == 0) ++end;
      TokenList value(t.begin() + static_cast<std::ptrdiff_t>(colon + 1), t.begin() + static_cast<std::ptrdiff_t>(end));
      if (value.empty() || !f.take(joined_lower(t, k, colon), t[k], std::move(value))) return std::nullopt;
      k = end < t.size() && between(t[end]) ? end + 1 : end;
    }
    return f.written();
  }

  // Where the colon after a field's key of one to four words stands at k (`Sets:`, `Times a day:`), or 0.
  static std::size_t field_colon(const TokenList& t, std::size_t k) {
    for (auto j = k; j < t.size() && j < k + 4 && t[j].is(K::word); ++j) {
      if (j + 1 < t.size() && t[j + 1].is_punct(':')) return j + 1;
    }
    return 0;
  }

  // The fields of a dose exported by an app, by what they say.
  struct DoseFields {
    std::optional<TokenList> sets, count, time, distance, rest, load, effort;

    bool take(const std::string& key, const Token& key_token, TokenList value) {
      static const WordSet frequency = {"times a day", "times per day",     "days a week", "days per week",
                                        "frequency",   "sessions per week", "per day",     "per week"};
      auto named = [&](TokenList v) {  // `rest 60s`, `RPE 7`
        v.insert(v.begin(), key_token);
        return v;
      };
      if (key == "sets") {
        sets = std::move(value);
      } else if (key == "reps" || key == "repetitions" || key == "rep") {
        count = std::move(value);
      } else if (key == "time" || key == "duration" || key == "hold") {
        time = std::move(value);
      } else if (key == "distance") {
        distance = std::move(value);
      } else if (key == "rest") {
        rest = named(std::move(value));
      } else if (key == "load" || key == "weight") {
        load = std::move(value);
      } else if (key == "rpe" || key == "rir" || key == "tempo") {
        effort = named(std::move(value));
      } else if (!frequency.contains(key)) {
        return false;  // how often is the programme's, not the dose's
      }
      return true;
    }

    // Sets, then what each set is (a count, a time or a distance); without sets, the count of holds or lengths
    // is the number of sets (`Hold: 20 seconds | Repetitions: 3` is three holds of 20 seconds).
    [[nodiscard]] std::optional<TokenList> written() const {
      const auto& measure = time ? time : distance;
      const auto& how_many = sets ? sets : measure ? count : std::nullopt;
      if (!how_many && !measure) return std::nullopt;  // `Reps: 10` alone could be anything's
      TokenList out;
      const auto add = [&](const TokenList& v) { out.insert(out.end(), v.begin(), v.end()); };
      TokenList after;  // `Repetitions: 3 each side` with a hold: `3 x 20 seconds each side`
      if (how_many) {
        const auto number_end = std::find_if(how_many->begin(), how_many->end(),
                                             [](const Token& x) { return !(x.is(K::number) || x.is(K::dash)); });
        out.insert(out.end(), how_many->begin(), number_end);
        after.assign(number_end, how_many->end());
        out.push_back(word_like(how_many->back(), K::times, "x"));
      }
      if (sets && count) {
        add(*count);
        // `Sets: 1 | Repetitions: 10 | Hold: 5s`: each of the ten held
        if (time) out.push_back(word_like(time->front(), K::word, "hold"));
      }
      if (measure && !(sets && count && distance)) add(*measure);
      add(after);
      if (load) {
        out.push_back(word_like(load->front(), K::punct, "@"));
        add(*load);
      }
      for (const auto* part : {&effort, &rest}) {
        if (*part) add(**part);
      }
      return out;
    }

    // A token the app did not write, standing where `at` does.
    static Token word_like(const Token& at, K kind, std::string_view text) {
      Token out = at;
      // the text is lower case already; a word's must be there for keyword tests (`hold`)
      out.kind = kind, out.text = text, out.lowered = kind == K::word ? text : std::string_view{}, out.mark = 0;
      return out;
    }
  };

  // `Repeat 8 times each side | Hold 3 sec | 2 sets | 3x per week`, as a home exercise programme prints the dose
  // under the exercise: the same dose as fields (`Repetitions: 8 each side | Hold: 3 sec | Sets: 2`), or nullopt
  // when a part is not one of these.
  static std::optional<TokenList> barred_dose(const TokenList& t) {
    if (std::none_of(t.begin(), t.end(), [](const Token& x) { return x.is_punct('|'); })) return std::nullopt;
    DoseFields f;
    for (std::size_t k = 0; k < t.size();) {
      auto end = k;
      while (end < t.size() && !t[end].is_punct('|')) ++end;
      if (end == k || !barred_part(f, TokenList(t.begin() + static_cast<std::ptrdiff_t>(k),
                                                t.begin() + static_cast<std::ptrdiff_t>(end)))) {
        return std::nullopt;
      }
      k = end + 1;
    }
    return f.written();
  }

  // One part of such a dose: `Repeat 10 times`, `2 sets`, `Hold 20 sec`, or how often (`Daily`, `3x per week`).
  static bool barred_part(DoseFields& f, TokenList p) {
    // `Daily (esp. on work breaks)`: a remark in brackets says nothing of the dose
    p.erase(std::find_if(p.begin(), p.end(), [](const Token& x) { return x.is_punct('('); }), p.end());
    if (p.empty()) return false;
    static const WordSet often = {"daily", "day", "week", "weekly", "per", "a", "times", "x", "twice", "once"};
    const auto after = [&](std::size_t k) { return TokenList(p.begin() + static_cast<std::ptrdiff_t>(k), p.end()); };
    const auto first = p.front().lower();
    if (first == "repeat" && p.size() >= 3 && p[1].is(K::number) && p[2].lower().starts_with("time")) {
      TokenList value{p[1]};
      for (std::size_t k = 3; k < p.size(); ++k) value.push_back(p[k]);
      return f.take("repetitions", p[0], std::move(value));
    }
    if (first == "hold" && p.size() >= 2 && p[1].is(K::number)) return f.take("hold", p[0], after(1));
    if (p.size() == 2 && p[0].is(K::number) && (p[1].lower() == "sets" || p[1].lower() == "set")) {
      return f.take("sets", p[1], TokenList{p[0]});
    }
    return std::all_of(p.begin(), p.end(), [](const Token& x) {
      return x.is(K::number) || x.is(K::times) || (x.is(K::word) && often.contains(x.lower()));
    });
  }

  static bool dosed(const ast::Line& l) {
    return l.sets || l.reps || l.load || !l.amounts.empty() || l.distance || !l.reps_list.empty() || l.amrap || l.rpe ||
           l.unreadable;
  }

  // `Warm-up as Mon`, `same warm up`, `Cool down as before`, `RAMP warm up 10' (as usual)`: a warm-up or a
  // cool-down written elsewhere. The session has one, of the length given here or else an unknown one; its
  // exercises are not repeated, so the rules see the block and not what is in it.
  bool block_reference(const TokenList& t) {
    static const WordSet references = {"same",     "as",     "usual", "above", "before",
                                       "previous", "repeat", "ditto", "again"};
    if (day() == nullptr || std::any_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); }))
      return false;
    std::optional<ast::Block::Kind> kind;
    std::size_t at = 0;
    for (std::size_t k = 0; k < t.size() && !kind; ++k) {
      const auto w = t[k].lower();
      if (!t[k].is(K::word) || (w.front() != 'w' && w.front() != 'c')) continue;
      const auto next = k + 1 < t.size() ? t[k + 1].lower() : std::string_view{};
      if (w == "warmup" || w == "warm-up" || w == "wu" || (w == "warm" && next == "up"))
        kind = ast::Block::Kind::warmup;
      if (w == "cooldown" || w == "cool-down" || w == "cd" || (w == "cool" && next == "down")) {
        kind = ast::Block::Kind::cooldown;
      }
      at = k;
    }
    if (!kind) return false;
    std::size_t words = 0;
    bool referred = false;
    for (const auto& x : t) {
      if (!x.is(K::word)) continue;
      ++words;
      referred = referred || references.contains(x.lower());
    }
    if (!kind || !referred || words > 7) return false;
    ast::Block block;
    if (const auto* earlier = referred_block(t, *kind)) block = *earlier;
    block.kind = *kind;
    block.span = t[at].span(file_);
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
      if (t[k].is(K::number) && (unit_scale_is_time(t[k + 1].lower()) || t[k].mark == '\'')) {
        block.duration = ast::Quantity{t[k].value, t[k].value, t[k].mark == '\'' ? "min" : unit_word(t[k + 1].lower()),
                                       t[k].span(file_)};
        break;
      }
    }
    if (!braces_.empty() && braces_.back() == Level::block) braces_.pop_back();
    day()->blocks.push_back(std::move(block));
    block_ = -1;
    section_ = false;
    reset_group();
    return true;
  }

  // The block a reference points at: the named weekday's (`as Mon`), or else the latest earlier session's.
  const ast::Block* referred_block(const TokenList& t, ast::Block::Kind kind) {
    std::string weekday;
    for (const auto& x : t) {
      if (x.is(K::word) && weekday_words.count(x.lower()) > 0) weekday = std::string(x.lower().substr(0, 3));
    }
    const auto& list = days();
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      if (&*it == day()) continue;
      if (!weekday.empty() && day_key(*it, it->day.text) != weekday) continue;
      for (const auto& b : it->blocks) {
        if (b.kind == kind && (!b.lines.empty() || b.duration)) return &b;
      }
      if (!weekday.empty()) return nullptr;
    }
    return nullptr;
  }

  static bool reference_only(const TokenList& t, std::size_t first, std::size_t last) {
    static const WordSet words = {"same", "as",   "usual", "above",   "before", "previous", "again", "ditto", "last",
                                  "time", "week", "wk",    "session", "day",    "the",      "on",    "per"};
    bool any = false;
    for (std::size_t k = first; k < last; ++k) {
      if (t[k].is(K::word) && !words.contains(t[k].lower()) && weekday_words.count(t[k].lower()) == 0) return false;
      if (t[k].is(K::number) || t[k].is(K::times)) return false;
      any = any || t[k].is(K::word);
    }
    return any && t[first].is(K::word) &&
           (t[first].lower() == "same" || t[first].lower() == "as" || t[first].lower() == "ditto" ||
            t[first].lower() == "repeat");
  }

  // `abs:`, `Accessories only:`, `Simple & sinister-ish:`: a few words and a colon head what follows. When they
  // name an exercise (`Deadlift:`) it is one, whose dose may be on the next lines; otherwise a heading. Where
  // its words end.
  static std::optional<std::size_t> heading_end(const TokenList& t) {
    if (t.size() < 2 || !t.back().is_punct(':') || !t.front().is(K::word)) return std::nullopt;
    std::size_t words = 0;
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
      if (t[k].is(K::word)) {
        ++words;
      } else if (!(t[k].is_punct('&') || t[k].is_punct('/') || t[k].is_punct('+') || t[k].is(K::dash))) {
        return std::nullopt;
      }
    }
    if (words > 5) return std::nullopt;
    return t.size() - 1;
  }

  // Under a day header with nothing yet, the title of that session; after a session's exercises, or before any
  // day, the start of a session whose weekday is not given (`Strength A` then `Strength B`).
  bool session_title(const TokenList& t) {
    if (!title_like(t)) return false;
    auto* d = day();
    const auto kind = ast::Name{joined_lower(t, 0, t.size()), span_between(file_, t.front(), t.back())};
    if (d != nullptr && d->kind.text.empty() && d->blocks.empty()) {
      d->kind = kind;
      return true;
    }
    // `Core:` after Monday's squats: a part of Monday's session, not a session without a weekday
    if (d != nullptr && !d->ordered && heading_end(t)) return false;
    implicit_session(t.front());
    day()->day.text = std::string(file_.text.substr(kind.span.offset, kind.span.length));
    day()->day.span = kind.span;
    day()->kind = kind;
    return true;
  }

  // `Rest` under a day header with no lines makes it a rest day; `Rest 90s between rounds` is an instruction.
  bool standalone_rest(const TokenList& t) {
    auto* d = day();
    bool words_only = true;
    for (const auto& x : t) {
      if (!x.is(K::word) || rest_words.count(x.lower()) == 0) words_only = false;
    }
    if (words_only) {
      if (d->blocks.empty() && d->kind.text.empty()) {
        d->rest = true;
        return true;
      }
      return true;
    }
    return t.size() > 1 && (t[1].is(K::number) || t[1].is(K::clock) || t[1].is_punct(':')) &&
           std::none_of(t.begin(), t.end(), [](const Token& x) { return x.is(K::times); });
  }

  // `Rowing back – skip today`: an exercise written down only to say it is not done. `skip if painful` is done,
  // and so is one whose note says more (`skip today; do it Wed`, `omit? NO`): the note must be the whole note.
  static bool skipped(const ast::Line& line) {
    if (line.notes.size() != 1) return false;
    static const std::vector<std::string> verbs = {"skip", "skipped", "omit", "omitted", "leave out", "not"};
    static const std::set<std::string> now = {"today",     "this week", "this session", "for now",
                                              "for today", "this time", "tonight"};
    for (const auto& note : line.notes) {
      std::string words;
      for (const char c : note) {
        const bool letter = ascii::is_alnum(static_cast<unsigned char>(c)) != 0;
        if (letter) words.push_back(static_cast<char>(ascii::lower(static_cast<unsigned char>(c))));
        if (!letter && !words.empty() && words.back() != ' ') words.push_back(' ');
      }
      if (!words.empty() && words.back() == ' ') words.pop_back();
      for (const auto& verb : verbs) {
        if (words == verb && verb != "not") return true;
        if (words.rfind(verb + " ", 0) == 0 && now.count(words.substr(verb.size() + 1)) > 0) return true;
      }
    }
    return false;
  }

  ast::Block& current_block() {
    auto& d = *day();
    if (block_ >= 0) return d.blocks[static_cast<std::size_t>(block_)];
    // a session's first line: the warm-up written for every session comes first
    if (d.blocks.empty() && every_warmup_) d.blocks.push_back(*every_warmup_);
    if (d.blocks.empty() || d.blocks.back().kind != ast::Block::Kind::main || d.blocks.back().span.valid()) {
      d.blocks.push_back(ast::Block{});
    }
    return d.blocks.back();
  }

  // A block's first line makes room for a few: growing one line at a time would move each line several times.
  static void add_line(ast::Block& block, ast::Line&& line) {
    if (block.lines.empty()) block.lines.reserve(4);
    block.lines.push_back(std::move(line));
  }

  void exercise_line(const TokenList& t, std::size_t first, std::size_t last) {
    // `Warm up – same as wk1`, `same as last week`, `Warm up: same`, `as above`: a pointer to lines written
    // elsewhere, for the reader
    if (last - first >= 2 && t[first].lower() == "same" && t[first + 1].lower() == "as") return;
    if (reference_only(t, first, last)) return;
    const auto waive_at = waiver_start(t, first, last);
    const auto line_context = context(t);
    auto line = read_with_parts(t, first, waive_at, line_context);
    if (!line || skipped(*line)) return;
    // A superset label ends a warm-up written as a section.
    if (!line->group.empty() && section_ && block_ >= 0 && !in_group_ &&
        day()->blocks[static_cast<std::size_t>(block_)].kind == ast::Block::Kind::warmup) {
      block_ = -1;
      section_ = false;
    }
    if (day()->rest) {
      // exercises on a rest day: what the client does on it, an active recovery session the rules can see
      day()->rest = false;
      day()->rest_day = true;
      day()->kind = ast::Name{"active recovery", day()->day.span};
    }
    if (!room_for_line(t)) return;
    auto& block = current_block();
    const auto begin = t[first].offset;
    const auto end = t[last - 1].end();
    add_line(block, std::move(*line));
    if (waive_at < last) {
      const Statement here{Statement::Kind::text, begin, end, t[first].line, t[first].column, false};
      waiver(t, waive_at, ast::Waiver::Scope::line, here);
    }
  }

  // `Warm up: 5 min incline walk, 10 cat-cows, 10 banded glute bridges`: a line that may hold several exercises.
  // Both readings are kept, with their errors; the resolver takes the parts when every part names an exercise.
  std::optional<ast::Line> read_with_parts(const TokenList& t, std::size_t first, std::size_t last,
                                           const LineContext& context) {
    Diagnostics whole_errors;
    auto line = read_exercise_line(file_, t, first, last, context, whole_errors);
    // `BBB: Press 5x10 @ 50%`, `Back off: SQ 2x3 @ 80%, BP 2x3 @ 80%`: a label, then what it holds
    const auto label = label_before_colon(t, first, last);
    const auto from = label > 0 ? label + 1 : first;
    auto cuts = exercise_cuts(t, from, last);
    if (!line || (cuts.empty() && label == 0)) {
      for (const auto& d : whole_errors.items()) d_.add(d);
      return line;
    }
    std::vector<ast::Line> parts;
    std::size_t begin = from;
    bool clean = true;
    for (std::size_t c = 0; c <= cuts.size() && clean; ++c) {
      const auto end = c < cuts.size() ? cuts[c] : last;
      Diagnostics part_errors;
      // `Comp squat 1@7, 4x5@150`: a part that is a dose alone is more sets of the exercise before it
      auto part = !parts.empty() && dose_first(t, begin)
                      ? read_dose_line(file_, t, begin, end, context, parts.back().name, part_errors)
                      : read_exercise_line(file_, t, begin, end, context, part_errors);
      clean = part.has_value() && !part_errors.has_errors();
      if (clean) parts.push_back(std::move(*part));
      begin = end + 1;
    }
    if (clean) {
      runs_around_jogs(parts);
      line->parts = std::move(parts);
      line->errors = whole_errors.items();
    } else {
      for (const auto& d : whole_errors.items()) d_.add(d);
    }
    return line;
  }

  // `wu, 6 x 800m @ 5k pace, 90s jog, cd`: among the parts of a line that runs, the warm-up and the cool-down
  // written alone are jogs.
  static void runs_around_jogs(std::vector<ast::Line>& parts) {
    static const WordSet runs = {"running", "run", "jog", "jogging"};
    static const WordSet jogs = {"wu", "cd", "w/u", "c/d"};
    if (std::none_of(parts.begin(), parts.end(), [](const ast::Line& p) { return runs.contains(p.name.text); })) return;
    for (auto& p : parts) {
      if (!jogs.contains(normalize_name(p.name.text))) continue;
      p.notes.push_back(p.name.text);
      p.name.text = "running";
    }
  }

  // Where the colon after a line's label stands: one to four words without digits, a colon, then words and a
  // dose. 0 when there is no label.
  static std::size_t label_before_colon(const TokenList& t, std::size_t first, std::size_t last) {
    std::size_t k = first;
    while (k < last && k < first + 4 && t[k].is(K::word) &&
           std::none_of(t[k].text.begin(), t[k].text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      ++k;
    }
    if (k == first || k + 2 >= last || !t[k].is_punct(':') || !t[k + 1].is(K::word)) return 0;
    const bool dose =
        std::any_of(t.begin() + static_cast<std::ptrdiff_t>(k + 1), t.begin() + static_cast<std::ptrdiff_t>(last),
                    [](const Token& x) { return x.is(K::number) || x.is(K::times); });
    return dose ? k : 0;
  }

  // `4x5@150`: sets and repetitions first (`2 x 16kg` is a pair of weights).
  static bool dose_first(const TokenList& t, std::size_t k) {
    if (k + 2 >= t.size() || !t[k].is(K::number) || !t[k + 1].is(K::times) || !t[k + 2].is(K::number)) return false;
    const auto unit = k + 3 < t.size() ? unit_word(t[k + 3].lower()) : std::string{};
    return unit != "kg" && unit != "lb";
  }

  static bool effort_word(std::string_view w) {
    return w == "zone" || w == "rpe" || w == "rir" || w == "hr" ||
           (w.size() == 2 && w[0] == 'z' && w[1] >= '1' && w[1] <= '5');
  }

  // `@ 150`, `@ RPE 8`, `75%`: how heavy; `2x16` alone after `5x5` may be a pair of kettlebells.
  static bool intensity_in(const TokenList& t, std::size_t first, std::size_t last) {
    return std::any_of(t.begin() + static_cast<std::ptrdiff_t>(first), t.begin() + static_cast<std::ptrdiff_t>(last),
                       [](const Token& x) { return x.is_punct('@') || x.is_punct('%') || x.lower() == "rpe"; });
  }

  // Commas and `+` after which a new exercise may start: the text before has a dose, and the text after starts
  // with a word or a count and has a dose of its own.
  static std::vector<std::size_t> exercise_cuts(const TokenList& t, std::size_t first, std::size_t last) {
    std::vector<std::size_t> cuts;
    int depth = 0;
    std::size_t begin = first;
    const auto dose_in = [&](std::size_t a, std::size_t b) {
      return std::any_of(t.begin() + static_cast<std::ptrdiff_t>(a), t.begin() + static_cast<std::ptrdiff_t>(b),
                         [](const Token& x) { return x.is(K::number) || x.is(K::times) || x.is(K::clock); });
    };
    for (std::size_t k = first; k < last; ++k) {
      if (t[k].is_punct('(')) ++depth;
      if (t[k].is_punct(')')) depth = std::max(0, depth - 1);
      // `5 min bike then 2x10 glute bridges`: `then` parts exercises too
      const bool joint = t[k].is_punct(',') || t[k].is_punct('+') || t[k].is_punct(';') || t[k].is_punct('|') ||
                         t[k].lower() == "then";
      if (depth > 0 || !joint || k + 1 >= last) continue;
      std::size_t end = k + 1;
      while (end < last && !t[end].is_punct(',') && !t[end].is_punct('+') && !t[end].is_punct('|') &&
             t[end].lower() != "then") {
        ++end;
      }
      const auto& next = t[k + 1];
      // `30 min bike, zone 2`, `, RPE 7`: how hard, not another exercise
      if (effort_word(next.lower())) continue;
      const bool starts = next.is(K::word) || (next.is(K::number) && k + 2 < last && t[k + 2].is(K::word)) ||
                          (k + 3 < last && dose_first(t, k + 1) && intensity_in(t, k + 1, end));
      if (starts && dose_in(begin, k) && dose_in(k + 1, end)) {
        cuts.push_back(k);
        begin = k + 1;
      }
    }
    return cuts;
  }

  // --- waivers ------------------------------------------------------------------

  ast::Waiver::Scope scope_here() const {
    if (day_ >= 0) return ast::Waiver::Scope::session;
    if (week_ >= 0) return ast::Waiver::Scope::week;
    return ast::Waiver::Scope::plan;
  }

  void waiver_error(const TokenList& t, std::size_t k, const char* expected) {
    std::size_t e = k;
    while (e + 1 < t.size() && t[e + 1].attached) ++e;
    const auto token =
        k < t.size() ? std::string(file_.text.substr(t[k].offset, t[e].end() - t[k].offset)) : std::string{};
    const auto at = k < t.size()
                        ? t[k].span(file_)
                        : Span{&file_, t.back().line,
                               t.back().column + static_cast<std::uint32_t>(t.back().text.size()), 1, t.back().end()};
    d_.error(at,
             fmt::format("{}, {}", expected, token.empty() ? "found end of line" : fmt::format("found '{}'", token)));
  }

  void waiver(const TokenList& t, std::size_t k, ast::Waiver::Scope scope, const Statement& s) {
    ast::Waiver w;
    w.scope = scope;
    w.span = t[k].span(file_);
    ++k;
    if (k >= t.size() || !t[k].is(K::word)) {
      return waiver_error(t, k, "expected the id of the rule to waive, such as 'bp.avoid-deadlift'");
    }
    // The id runs to the next space: bp.rest-between-strength
    std::size_t e = k;
    while (e + 1 < t.size() && t[e + 1].attached) ++e;
    const auto id_span = span_between(file_, t[k], t[e]);
    w.rule = ast::Name{std::string(file_.text.substr(id_span.offset, id_span.length)), id_span};
    w.span = id_span;
    k = e + 1;
    if (k < t.size() && t[k].lower() == "on") {
      ++k;
      ast::Day probe;
      const auto after = k < t.size() ? day_word(t, k, probe) : 0;
      if (after == 0 && !(k < t.size() && t[k].is(K::word) && t[k].lower() != "reason")) {
        return waiver_error(t, k, "expected a weekday such as 'wed' or 'day 3' after 'on'");
      }
      if (after == 0) {
        probe.day = ast::Name{std::string(t[k].text), t[k].span(file_)};
        k += 1;
      } else {
        k = after;
      }
      w.day = probe.day;
      w.day_number = probe.number;
    }
    if (!(k + 1 < t.size() && t[k].lower() == "reason" && t[k + 1].is(K::string))) {
      if (k < t.size() && t[k].lower() == "reason") {
        return waiver_error(t, k + 1, "expected a string in double quotes");
      }
      return waiver_error(t, k,
                          "expected 'reason \"...\"' after the rule id: every waiver says why the rule does "
                          "not apply");
    }
    w.reason = parse_util::unquote(t[k + 1].text);
    w.reason_span = t[k + 1].span(file_);
    k += 2;
    if (k < t.size() && t[k].lower() == "approved") {
      if (!(k + 1 < t.size() && t[k + 1].lower() == "by")) {
        return waiver_error(t, k + 1, "expected 'by' after 'approved', as in 'approved by \"Dr Lee\"'");
      }
      if (!(k + 2 < t.size() && t[k + 2].is(K::string)))
        return waiver_error(t, k + 2, "expected a string in double quotes");
      w.approver = parse_util::unquote(t[k + 2].text);
      k += 3;
    }
    if (k < t.size() && t[k].lower() == "until") {
      if (!(k + 1 < t.size() && t[k + 1].is(K::date))) return waiver_error(t, k + 1, "expected a date as YYYY-MM-DD");
      w.until = ast::Value{ast::Value::Kind::string, std::string(t[k + 1].text), 0, {}, t[k + 1].span(file_)};
      k += 2;
    }
    if (k < t.size())
      return waiver_error(t, k, "expected 'approved by \"...\"', 'until YYYY-MM-DD' or the end of the line");
    w.begin = scope == ast::Waiver::Scope::line ? s.begin : 0;
    w.end = scope == ast::Waiver::Scope::line ? s.end : static_cast<std::uint32_t>(file_.text.size());
    out_.waivers.push_back(std::move(w));
    if (scope != ast::Waiver::Scope::line && scope != ast::Waiver::Scope::plan) {
      pending_.push_back(PendingWaiver{out_.waivers.size() - 1, scope, week_, day_});
    }
  }

  // --- exercise declarations ----------------------------------------------------

  void declaration(const Statement& s) {
    const auto end = cursor_.skip_block(s);
    const auto root = parse_util::parse_range<g::exercise_decl, decl_selector, tao::pegtl::nothing>(
        file_, s.begin, end, s.line, s.column, d_);
    if (root && !root->children.empty())
      out_.exercises.push_back(rules::convert_exercise(*root->children.front(), file_));
  }

  // --- the end ------------------------------------------------------------------

  void finish() {
    for (auto& week : out_.weeks) {
      drop_announced_days(week.days);
      for (auto& d : week.days) d.span.length = std::max(d.span.length, d.end - d.span.offset);
    }
    drop_announced_days(out_.loose_days);
    for (auto& d : out_.loose_days) d.span.length = std::max(d.span.length, d.end - d.span.offset);
    for (const auto& p : pending_) {
      auto& w = out_.waivers[p.index];
      if (p.scope == ast::Waiver::Scope::week && p.week >= 0) {
        const auto& week = out_.weeks[static_cast<std::size_t>(p.week)];
        w.begin = week.span.offset;
        w.end = week.end;
      } else if (p.day >= 0) {
        const auto& list = p.week >= 0 ? out_.weeks[static_cast<std::size_t>(p.week)].days : out_.loose_days;
        const auto& d = list[static_cast<std::size_t>(p.day)];
        w.begin = d.span.offset;
        w.end = d.end;
      }
    }
  }
};

}  // namespace

std::optional<ast::File> parse_plan_file(const SourceFile& file, Diagnostics& diagnostics) {
  if (auto problem = limits::check_bytes(file)) {
    diagnostics.add(std::move(*problem));
    return std::nullopt;
  }
  return Parser(file, diagnostics).run();
}

}  // namespace liftlint::plan
