#include "support/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "support/ascii.hpp"

namespace liftlint {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (const auto s : {Severity::error, Severity::warning, Severity::info}) {
    if (name == severity_name(s)) return s;
  }
  return std::nullopt;
}

int severity_rank(Severity severity) { return severity == Severity::error ? 2 : severity == Severity::warning ? 1 : 0; }

namespace {

// The span's bytes, when they lie on one line of the file.
std::optional<std::string_view> on_one_line(const Span& span) {
  if (!span.valid() || span.length == 0) return std::nullopt;
  const std::string_view text = span.file->text;
  if (span.offset + span.length > text.size()) return std::nullopt;
  const auto bytes = text.substr(span.offset, span.length);
  if (bytes.find('\n') != std::string_view::npos) return std::nullopt;
  return bytes;
}

bool blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::optional<SpanEdit> rename_at(const Span& span, std::string_view name) {
  const auto bytes = on_one_line(span);
  if (!bytes) return std::nullopt;
  // a name the reader cut short (`Déadlift` read as `D`) is not the name the trainer wrote
  const std::string_view file = span.file->text;
  const auto part_of_word = [](char c) {
    return ascii::is_alnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
  };
  const auto end = span.offset + span.length;
  if ((span.offset > 0 && part_of_word(file[span.offset - 1]) && part_of_word(bytes->front())) ||
      (end < file.size() && part_of_word(file[end]) && part_of_word(bytes->back()))) {
    return std::nullopt;
  }
  std::string text(name);
  const bool quoted = bytes->front() == '"';
  const auto first = quoted ? bytes->substr(1) : *bytes;
  if (!first.empty() && ascii::is_upper(static_cast<unsigned char>(first.front())) != 0 && !text.empty()) {
    text.front() = static_cast<char>(ascii::upper(static_cast<unsigned char>(text.front())));
  }
  if (quoted) text = nlohmann::json(text).dump();
  return SpanEdit{span, std::move(text)};
}

namespace {

template <std::size_t N>
bool word_is(std::string_view text, std::size_t begin, std::size_t end, const std::array<std::string_view, N>& words) {
  std::string word;
  for (auto i = begin; i < end; ++i)
    word.push_back(static_cast<char>(ascii::lower(static_cast<unsigned char>(text[i]))));
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The word that names what a number measures, before it (`RPE 8`, `RIR 2`) or after it (`8 RPE`, `70% 1RM`).
constexpr std::array<std::string_view, 4> measure_words{"rpe", "rir", "1rm", "rm"};
constexpr std::array<std::string_view, 2> connector_words{"at", "with"};

// A JSON member's value: the whole member goes, with the comma that joins it to another.
std::optional<std::pair<std::size_t, std::size_t>> json_member(std::string_view text, std::size_t begin,
                                                               std::size_t end) {
  auto at = begin;
  while (at > 0 && blank(text[at - 1])) --at;
  if (at == 0 || text[at - 1] != ':') return std::nullopt;
  --at;
  while (at > 0 && blank(text[at - 1])) --at;
  if (at == 0 || text[at - 1] != '"') return std::nullopt;
  --at;
  while (at > 0 && text[at - 1] != '"') --at;
  if (at == 0) return std::nullopt;
  --at;  // the key's opening quote
  auto before = at;
  while (before > 0 && (blank(text[before - 1]) || text[before - 1] == '\n' || text[before - 1] == '\r')) --before;
  if (before > 0 && text[before - 1] == ',') return std::pair{before - 1, end};
  auto after = end;
  while (after < text.size() && blank(text[after])) ++after;
  if (after < text.size() && text[after] == ',') {
    ++after;
    while (after < text.size() && blank(text[after])) ++after;
    return std::pair{at, after};
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The bytes a removal takes, grown from a value to the words and punctuation that belong to it.
class Cut {
 public:
  Cut(std::string_view text, std::size_t begin, std::size_t end) : text_(text), begin_(begin), end_(end) {}

  void blanks_before() {
    while (begin_ > 0 && blank(text_[begin_ - 1])) --begin_;
  }
  [[nodiscard]] std::size_t word_before() const {
    auto start = begin_;
    while (start > 0 && ascii::is_alnum(static_cast<unsigned char>(text_[start - 1])) != 0) --start;
    return start;
  }
  [[nodiscard]] std::size_t blanks_after(std::size_t at) const {
    while (at < text_.size() && blank(text_[at])) ++at;
    return at;
  }
  // `2x24kg`: the count of implements before a load
  void implements() {
    const auto times = begin_ >= 2 && text_.substr(begin_ - 2, 2) == "\xC3\x97" ? 2u : 1u;
    if (begin_ < times + 1 || (times == 1 && text_[begin_ - 1] != 'x' && text_[begin_ - 1] != 'X')) return;
    auto start = begin_ - times;
    if (ascii::is_digit(static_cast<unsigned char>(text_[start - 1])) == 0) return;
    while (start > 0 && ascii::is_digit(static_cast<unsigned char>(text_[start - 1])) != 0) --start;
    begin_ = start;
  }
  // `RPE 8`, `8 RPE`, `70% 1RM`
  void measure_word() {
    blanks_before();
    if (const auto start = word_before(); start < begin_ && word_is(text_, start, begin_, measure_words)) {
      begin_ = start;
      return;
    }
    const auto after = blanks_after(end_);
    auto stop = after;
    while (stop < text_.size() && ascii::is_alnum(static_cast<unsigned char>(text_[stop])) != 0) ++stop;
    if (stop > after && word_is(text_, after, stop, measure_words)) end_ = stop;
  }
  // `@ 100kg`, `, RPE 8`, `, @ 100kg`, `at 60kg`, `with 10kg`
  void connectors() {
    for (bool more = true; more;) {
      blanks_before();
      more = begin_ > 0 && (text_[begin_ - 1] == '@' || text_[begin_ - 1] == ',');
      if (more) {
        --begin_;
      } else if (const auto start = word_before(); start < begin_ && word_is(text_, start, begin_, connector_words)) {
        begin_ = start;
        more = true;
      }
    }
  }
  // `(RPE 8)`: brackets left empty go too
  void brackets() {
    auto open = begin_;
    while (open > 0 && blank(text_[open - 1])) --open;
    const auto close = blanks_after(end_);
    if (open > 0 && text_[open - 1] == '(' && close < text_.size() && text_[close] == ')') {
      begin_ = open - 1;
      end_ = close + 1;
      blanks_before();
    }
  }
  // `... , RPE 8 ,` at the end of a line: a comma left with nothing after it goes too
  void trailing_comma() {
    auto at = blanks_after(end_);
    if (at >= text_.size() || text_[at] != ',') return;
    at = blanks_after(at + 1);
    if (at == text_.size() || text_[at] == '\n' || text_[at] == '\r') end_ = at;
  }
  [[nodiscard]] std::optional<SpanEdit> edit(const Span& span) const {
    if (begin_ > 0 && text_[begin_ - 1] == '\n') return std::nullopt;
    if (text_.substr(begin_, end_ - begin_).find('\n') != std::string_view::npos) return std::nullopt;
    Span cut = span;
    cut.column -= static_cast<std::uint32_t>(span.offset - begin_);
    cut.length = static_cast<std::uint32_t>(end_ - begin_);
    cut.offset = static_cast<std::uint32_t>(begin_);
    return SpanEdit{cut, {}};
  }

 private:
  std::string_view text_;
  std::size_t begin_, end_;
};

// Whether the value at `begin` follows a JSON key's colon, on its line or an earlier one.
bool after_json_key(std::string_view text, std::size_t begin) {
  while (begin > 0 && ascii::is_space(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
  return begin > 0 && text[begin - 1] == ':';
}

}  // namespace

std::optional<SpanEdit> removal_of(const Span& span) {
  if (!on_one_line(span)) return std::nullopt;
  const std::string_view text = span.file->text;
  const std::size_t begin = span.offset, end = span.offset + span.length;
  if (after_json_key(text, begin)) {
    const auto member = json_member(text, begin, end);
    if (!member) return std::nullopt;  // a member over several lines, or the only one of its object
    return Cut(text, member->first, member->second).edit(span);
  }
  // a table's cell is left empty, so that the columns after it stay where they are
  // within the entry (`a 3x10; b 3x12` holds two), so that a long line is not read once per edit
  auto line_begin = begin, line_end = end;
  while (line_begin > 0 && std::string_view("\n;{").find(text[line_begin - 1]) == std::string_view::npos) --line_begin;
  while (line_end < text.size() && std::string_view("\n;}").find(text[line_end]) == std::string_view::npos) ++line_end;
  if (text.substr(line_begin, line_end - line_begin).find('\t') != std::string_view::npos) {
    return SpanEdit{span, {}};
  }
  Cut cut(text, begin, end);
  cut.implements();
  cut.measure_word();
  cut.connectors();
  cut.brackets();
  cut.trailing_comma();
  return cut.edit(span);
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (items_.size() > max_items) return;
  // The same problem at the same place once: a session written for several weekdays is read once per day.
  const auto same = [&](const Diagnostic& d) {
    return d.span.file == diagnostic.span.file && d.span.offset == diagnostic.span.offset &&
           d.span.line == diagnostic.span.line && d.message == diagnostic.message;
  };
  if (std::any_of(items_.begin(), items_.end(), same)) return;
  if (items_.size() == max_items) {
    diagnostic.message = fmt::format("more than {} problems; the rest are not reported", max_items);
    diagnostic.severity = Severity::error;
    diagnostic.notes.clear();
    diagnostic.help.clear();
  }
  items_.push_back(std::move(diagnostic));
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace liftlint
