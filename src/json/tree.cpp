#include "json/tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

namespace liftlint::json {
namespace {

// nlohmann reports a value once it has read it; this iterator tells the handler how far the
// reader has got, which is how values get their places in the file.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, const char** cursor) : at_(at), cursor_(cursor) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    *cursor_ = ++at_;
    return *this;
  }
  CountingIterator operator++(int) {
    auto old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** cursor_;
};

struct Frame {
  Node node;
  std::string key;  // the key read last, waiting for its value
  Span key_span;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(const SourceFile& file, std::size_t begin, std::uint32_t first_line, Diagnostics& diagnostics)
      : file_(file),
        base_(file.text.data()),
        cursor_(base_ + begin),
        previous_end_(begin),
        scanned_(begin),
        line_(first_line),
        line_start_(begin),
        diagnostics_(diagnostics) {}

  const char** cursor() { return &cursor_; }
  std::optional<Node>& result() { return result_; }

  bool null() override { return value(Node{}, offset()); }
  bool boolean(bool v) override {
    Node n;
    n.kind = Node::Kind::boolean;
    n.boolean = v;
    return value(std::move(n), offset());
  }
  bool number_integer(number_integer_t v) override { return number(Node::Kind::integer, static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(Node::Kind::integer, static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t& /*text*/) override { return number(Node::Kind::number, v); }
  bool string(string_t& v) override {
    Node n;
    n.kind = Node::Kind::string;
    n.text = std::move(v);
    return value(std::move(n), offset());
  }
  bool binary(binary_t& /*v*/) override { return false; }  // not produced by JSON text

  bool start_object(std::size_t /*size*/) override { return open(Node::Kind::object); }
  bool start_array(std::size_t /*size*/) override { return open(Node::Kind::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    auto& frame = stack_.back();
    frame.key_span = span_to(offset());
    frame.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& e) override {
    const auto at = std::max(offset(), std::size_t{1}) - 1;
    advance_to(std::max(at, scanned_));
    diagnostics_.error(Span{&file_, line_, column_of(at), 1, static_cast<std::uint32_t>(at)},
                       fmt::format("invalid JSON: {}", explanation(e.what())));
    return false;
  }

 private:
  const SourceFile& file_;
  const char* base_;
  const char* cursor_;
  std::size_t previous_end_;  // where the last value or bracket ended
  std::size_t scanned_;       // line counting has reached here
  std::uint32_t line_;
  std::size_t line_start_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  std::optional<Node> result_;

  [[nodiscard]] std::size_t offset() const { return static_cast<std::size_t>(cursor_ - base_); }

  // nlohmann's messages start with an exception id and a line and column of its own.
  static std::string explanation(const std::string& what) {
    const auto column = what.find("column ");
    const auto colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
  }

  // A number is only known to have ended once the reader has seen the character after it.
  bool number(Node::Kind kind, double v) {
    auto end = offset();
    const char last = file_.text[end - 1];
    if (last < '0' || last > '9') --end;
    Node n;
    n.kind = kind;
    n.number = v;
    return value(std::move(n), end);
  }

  [[nodiscard]] std::size_t value_start() const {
    auto at = previous_end_;
    while (at < file_.text.size() && std::string_view(" \t\r\n,:").find(file_.text[at]) != std::string_view::npos) {
      ++at;
    }
    return at;
  }

  void advance_to(std::size_t at) {
    for (; scanned_ < at; ++scanned_) {
      if (file_.text[scanned_] == '\n') {
        ++line_;
        line_start_ = scanned_ + 1;
      }
    }
  }

  [[nodiscard]] std::uint32_t column_of(std::size_t at) const {
    return static_cast<std::uint32_t>(at - line_start_ + 1);
  }

  Span span_to(std::size_t end) {
    const auto start = value_start();
    advance_to(start);
    previous_end_ = end;
    return Span{&file_, line_, column_of(start), static_cast<std::uint32_t>(end - start),
                static_cast<std::uint32_t>(start)};
  }

  bool value(Node n, std::size_t end) {
    n.span = span_to(end);
    return attach(std::move(n));
  }

  bool open(Node::Kind kind) {
    if (stack_.size() >= max_depth) {
      diagnostics_.error(span_to(offset()), fmt::format("JSON nested deeper than {} levels", max_depth));
      return false;
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.span = span_to(offset());
    stack_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    Node n = std::move(stack_.back().node);
    stack_.pop_back();
    previous_end_ = offset();
    n.span.length = static_cast<std::uint32_t>(previous_end_ - n.span.offset);
    return n.kind == Node::Kind::object && !unique_keys(n) ? false : attach(std::move(n));
  }

  bool unique_keys(const Node& object) {
    std::vector<const Member*> sorted;
    sorted.reserve(object.members.size());
    for (const auto& m : object.members) sorted.push_back(&m);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Member* a, const Member* b) { return a->key < b->key; });
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      if (sorted[i]->key != sorted[i - 1]->key) continue;
      diagnostics_.add(Diagnostic{
          Severity::error,
          {},
          fmt::format("duplicate key \"{}\" in this object", sorted[i]->key),
          sorted[i]->key_span,
          {Note{fmt::format("first given at {}", sorted[i - 1]->key_span.location()), sorted[i - 1]->key_span}},
          {"give each key once"}});
      return false;
    }
    return true;
  }

  bool attach(Node n) {
    if (stack_.empty()) {
      result_ = std::move(n);
      return true;
    }
    auto& frame = stack_.back();
    if (frame.node.kind == Node::Kind::array) {
      frame.node.items.push_back(std::move(n));
    } else {
      frame.node.members.push_back(Member{std::move(frame.key), frame.key_span, std::move(n)});
    }
    return true;
  }
};

}  // namespace

const Node* Node::find(std::string_view key) const {
  const auto* m = member(key);
  return m == nullptr ? nullptr : &m->value;
}

const Member* Node::member(std::string_view key) const {
  for (const auto& m : members) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

const char* kind_name(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null: return "null";
    case Node::Kind::boolean: return "true or false";
    case Node::Kind::integer: return "a whole number";
    case Node::Kind::number: return "a number";
    case Node::Kind::string: return "a string";
    case Node::Kind::array: return "an array";
    case Node::Kind::object: return "an object";
  }
  return "a value";
}

std::optional<Node> parse(const SourceFile& file, std::size_t begin, std::size_t end, std::uint32_t first_line,
                          Diagnostics& diagnostics) {
  TreeBuilder builder(file, begin, first_line, diagnostics);
  const char* base = file.text.data();
  const bool ok = nlohmann::json::sax_parse(CountingIterator(base + begin, builder.cursor()),
                                            CountingIterator(base + end, builder.cursor()), &builder);
  if (!ok) return std::nullopt;
  return std::move(builder.result());
}

}  // namespace liftlint::json
