#include "authoring/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <dtl/dtl.hpp>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "api/convert.hpp"
#include "plan/parser.hpp"
#include "rules/parser.hpp"
#include "support/limits.hpp"

namespace liftlint::authoring {
namespace {

// Field keywords whose values are aligned inside a block.
const std::set<std::string>& field_keywords(FileKind kind) {
  static const std::set<std::string> rules = {
      "severity",   "cite",      "message",     "help",   "doc",       "when",     "require", "forbid",  "suggest",
      "supersedes", "version",   "reviewed",    "status", "fix",       "author",   "title",   "journal", "publisher",
      "year",       "doi",       "url",         "isbn",   "note",      "evidence", "aka",     "muscles", "pattern",
      "posture",    "equipment", "spinal_load", "impact", "supported", "loaded",   "tags"};
  // Plans keep the trainer's spacing inside a line; only indentation is canonical.
  static const std::set<std::string> plans;
  return kind == FileKind::rules ? rules : plans;
}

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

std::string first_word(const std::string& line) {
  const auto end = line.find_first_of(" \t");
  return line.substr(0, end);
}

// Brace balance of a line, ignoring strings and comments.
int brace_delta(const std::string& line) {
  int delta = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '#') break;
    if (c == '"') in_string = true;
    if (c == '{') ++delta;
    if (c == '}') --delta;
  }
  return delta;
}

struct Line {
  std::string text;  // trimmed
  int depth = 0;
  int block = -1;  // index of the line that opened the enclosing block
  bool field = false;
  bool continuation = false;  // goes on from the field above it
};

std::vector<Line> lay_out(const std::string& text, FileKind kind) {
  std::vector<Line> lines;
  std::vector<int> open;  // lines that opened the blocks we are in
  std::istringstream in(text);
  for (std::string raw; std::getline(in, raw);) {
    Line line{trim(raw), static_cast<int>(open.size()), open.empty() ? -1 : open.back(), false};
    const bool closing = line.text.rfind('}', 0) == 0;
    if (closing) line.depth = std::max(line.depth - 1, 0);
    line.field = !open.empty() && field_keywords(kind).count(first_word(line.text)) > 0 &&
                 line.text.find_first_of(" \t") != std::string::npos;
    // In rule files a line inside a block that is not a field continues the one before.
    const bool continuation = kind == FileKind::rules && !open.empty() && !line.field && !closing &&
                              !line.text.empty() && line.text.front() != '#';
    line.continuation = continuation;
    const int delta = brace_delta(line.text);
    for (int d = 0; d < delta; ++d) open.push_back(static_cast<int>(lines.size()));
    for (int d = 0; d > delta && !open.empty(); --d) open.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

// Pads field keywords so that the values of one block start in one column;
// returns that column's offset from the block's indentation, per block.
std::map<int, std::size_t> align_fields(std::vector<Line>& lines) {
  std::map<int, std::size_t> width;
  for (const auto& l : lines) {
    if (l.field) width[l.block] = std::max(width[l.block], first_word(l.text).size());
  }
  for (auto& l : lines) {
    if (!l.field) continue;
    const auto word = first_word(l.text);
    l.text = word + std::string(width[l.block] + 1 - word.size(), ' ') + trim(l.text.substr(word.size()));
  }
  return width;
}

}  // namespace

std::string format_text(const std::string& text, FileKind kind) {
  auto lines = lay_out(text, kind);
  const auto width = align_fields(lines);
  std::string out;
  bool blank_pending = false;
  bool after_open = true;
  for (const auto& l : lines) {
    if (l.text.empty()) {
      blank_pending = !after_open;
      continue;
    }
    const bool closing = l.text.rfind('}', 0) == 0;
    if (blank_pending && !closing) out += "\n";
    blank_pending = false;
    // A continuation lines up with the values of its block, or one level in when the block has no fields.
    const auto value_column = width.count(l.block) > 0 ? width.at(l.block) + 1 : 2;
    const auto indent = static_cast<std::size_t>(l.depth) * 2 + (l.continuation ? value_column : 0);
    out += std::string(indent, ' ') + l.text + "\n";
    after_open = l.text.back() == '{';
  }
  return out;
}

std::string without_space(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after,
                         const std::string& label) {
  const auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
  };
  dtl::Diff<std::string> diff(split(before), split(after));
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream hunks;
  diff.printUnifiedFormat(hunks);
  return fmt::format("--- {}\n+++ {} ({})\n{}", path, path, label, hunks.str());
}

namespace {

// Diagnostics point into `file`, so it must outlive them.
bool parses(const SourceFile& file, FileKind kind, Diagnostics& diagnostics) {
  // A plan is read on past a bad line, so its errors, not the result, say whether it can be laid out.
  return kind == FileKind::rules ? rules::parse_rule_file(file, diagnostics).has_value()
                                 : plan::parse_plan_file(file, diagnostics).has_value() && !diagnostics.has_errors();
}

}  // namespace

Layout lay_out(const std::string& path, const std::string& text, FileKind kind) {
  Layout out;
  const SourceFile original{path, text};
  if (auto problem = limits::check_bytes(original)) {
    out.errors.push_back(problem_of(*problem));
    return out;
  }
  Diagnostics diagnostics;
  if (!parses(original, kind, diagnostics)) {
    out.errors = problems_of(diagnostics);
    return out;
  }
  out.text = format_text(text, kind);
  if (out.text == text) return out;
  Diagnostics again;
  const SourceFile formatted{path, out.text};
  out.changes_meaning = without_space(out.text) != without_space(text) || !parses(formatted, kind, again);
  return out;
}

}  // namespace liftlint::authoring
