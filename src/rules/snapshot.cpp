#include "rules/snapshot.hpp"

#include <bit>
#include <cstring>
#include <map>
#include <stdexcept>
#include <type_traits>

namespace liftlint::rules {
namespace {

constexpr std::uint32_t magic = 0x4c4c5336;  // "LLS6"

class Writer {
 public:
  std::string out;
  std::map<const SourceFile*, std::uint32_t> files;

  template <typename T>
  void raw(T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void u32(std::size_t v) { raw(static_cast<std::uint32_t>(v)); }
  void str(std::string_view s) {
    u32(s.size());
    out += s;
  }
  void bits(const model::Bits& b) {
    static const model::Bits mask(~std::uint64_t{0});
    for (std::size_t word = 0; word < model::max_vocabulary / 64; ++word) raw(((b >> (64 * word)) & mask).to_ullong());
  }
  void span(const Span& s) {
    if (s.file == nullptr) {
      u32(0);
      return;
    }
    u32(files.emplace(s.file, static_cast<std::uint32_t>(files.size() + 1)).first->second);
    u32(s.line);
    u32(s.column);
    u32(s.length);
    u32(s.offset);
  }
  void expr(const model::Expr& e) {
    raw(e.kind);
    raw(e.aggregate);
    raw(e.attr);
    raw(e.op);
    raw(e.number);
    raw(e.ordinal);
    bits(e.bits);
    u32(e.exercises.size());
    for (const auto x : e.exercises) u32(x);
    raw(e.inner);
    raw(e.bound.is_range);
    raw(e.bound.op);
    raw(e.bound.value);
    raw(e.bound.low);
    raw(e.bound.high);
    span(e.span);
    u32(e.operands.size());
    for (const auto& o : e.operands) expr(o);
  }
};

class Reader {
 public:
  // A reader of bytes whose spans name the files of `files`, by index from 1; `files` outlives it.
  Reader(std::string_view in, const std::vector<const SourceFile*>* files, Integrity integrity = Integrity::checked)
      : in_(in), files_(files), integrity_(integrity) {}
  [[nodiscard]] Integrity integrity() const { return integrity_; }

  template <typename T>
  T raw() {
    // a damaged byte is still a bool: any other value in one is undefined
    if constexpr (std::is_same_v<T, bool>) {
      return raw<std::uint8_t>() != 0;
    } else {
      if (at_ + sizeof(T) > in_.size()) throw std::out_of_range("snapshot ends early");
      T value;
      std::memcpy(&value, in_.data() + at_, sizeof value);
      at_ += sizeof value;
      return value;
    }
  }
  std::uint32_t u32() { return raw<std::uint32_t>(); }
  // A number of items that follow, each of at least one byte: a larger one is a damaged snapshot.
  std::uint32_t count() {
    const auto n = u32();
    if (n > in_.size() - at_) throw std::out_of_range("snapshot ends early");
    return n;
  }
  // The next n bytes as they are.
  std::string_view bytes(std::size_t n) {
    if (n > in_.size() - at_) throw std::out_of_range("snapshot ends early");
    const auto out = in_.substr(at_, n);
    at_ += n;
    return out;
  }
  std::string_view view() { return bytes(u32()); }
  std::string str() { return std::string(view()); }
  model::Bits bits() {
    model::Bits b;
    // bit by bit: sets are sparse, and shifting a whole set per word costs more
    for (std::size_t word = 0; word < model::max_vocabulary / 64; ++word) {
      for (auto w = raw<unsigned long long>(); w != 0; w &= w - 1) b.set(64 * word + std::countr_zero(w));
    }
    return b;
  }
  Span span() {
    const auto index = u32();
    if (index == 0) return Span{};
    Span s;
    s.file = files_->at(index - 1);
    s.line = u32();
    s.column = u32();
    s.length = u32();
    s.offset = u32();
    return s;
  }
  [[nodiscard]] const std::vector<const SourceFile*>& files() const { return *files_; }
  [[nodiscard]] bool at_end() const { return at_ == in_.size(); }
  model::Expr expr() {
    model::Expr e;
    e.kind = raw<model::Expr::Kind>();
    e.aggregate = raw<model::Expr::Aggregate>();
    e.attr = raw<model::Attr>();
    e.op = raw<model::CmpOp>();
    e.number = raw<double>();
    e.ordinal = raw<int>();
    e.bits = bits();
    e.exercises.resize(count());
    for (auto& x : e.exercises) x = u32();
    e.inner = raw<model::Scope>();
    e.bound.is_range = raw<bool>();
    e.bound.op = raw<model::CmpOp>();
    e.bound.value = raw<double>();
    e.bound.low = raw<double>();
    e.bound.high = raw<double>();
    e.span = span();
    e.operands.resize(count());
    for (auto& o : e.operands) o = expr();
    return e;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  const std::vector<const SourceFile*>* files_;
  Integrity integrity_;
};

// The files the spans name, each by its path: a file not in `known` leaves its spans without one.
std::vector<const SourceFile*> read_files(Reader& r, const std::vector<const SourceFile*>& known) {
  std::vector<const SourceFile*> out(r.count());
  for (auto& file : out) {
    const auto path = r.view();
    for (const auto* f : known) {
      if (f->path == path) file = f;
    }
  }
  return out;
}

// Name tables as they are: reading each name again would be most of the time decoding takes.
void write_index(Writer& w, const StringIndex& index) {
  const auto t = index.tables();
  w.str(t.text);
  w.u32(t.entry_count);
  for (std::size_t i = 0; i < t.entry_count; ++i) {
    const auto e = t.entry(i);
    w.u32(e.offset);
    w.u32(e.length);
    w.u32(e.value);
  }
  w.u32(t.slot_count);
  for (std::size_t i = 0; i < t.slot_count; ++i) w.u32(t.slot(i));
}

// Entries and slots are stored as the machine holds them, as every number in a snapshot is, and read where
// they lie: the snapshot outlives the rule set.
std::optional<StringIndex> read_index(Reader& r) {
  static_assert(sizeof(StringIndex::Entry) == 3 * sizeof(std::uint32_t));
  StringIndex::Tables t;
  t.text = r.view();
  t.entry_count = r.count();
  t.entries = r.bytes(t.entry_count * sizeof(StringIndex::Entry)).data();
  t.slot_count = r.count();
  t.slots = r.bytes(t.slot_count * sizeof(std::uint32_t)).data();
  return StringIndex::restore(t, StringIndex::Storage::viewed, r.integrity());
}

void write_vocabulary(Writer& w, const model::RuleSet& set) {
  for (const auto& vocab : set.vocabulary) {
    w.u32(vocab.size());
    for (std::uint16_t i = 0; i < vocab.size(); ++i) {
      const auto& e = vocab.at(i);
      w.str(e.id);
      w.str(e.label);
      w.span(e.span);
      w.bits(e.closure);
      w.bits(e.members);
      w.raw(e.step_kg);
      w.raw(e.symptom);
      w.u32(e.aliases.size());
      for (const auto& a : e.aliases) w.str(a);
    }
    write_index(w, vocab.id_index());
    write_index(w, vocab.spelling_index());
  }
}

void read_vocabulary(Reader& r, model::RuleSet& set) {
  for (auto& vocab : set.vocabulary) {
    std::vector<model::VocabEntry> entries(r.count());
    for (auto& e : entries) {
      e.id = r.str();
      e.label = r.str();
      e.span = r.span();
      e.closure = r.bits();
      e.members = r.bits();
      e.step_kg = r.raw<double>();
      e.symptom = r.raw<bool>();
      e.aliases.resize(r.count());
      for (auto& a : e.aliases) a = r.str();
    }
    auto ids = read_index(r);
    auto spellings = read_index(r);
    auto restored = ids && spellings
                        ? model::Vocabulary::restore(std::move(entries), std::move(*ids), std::move(*spellings))
                        : std::nullopt;
    if (!restored) throw std::out_of_range("damaged vocabulary");
    vocab = std::move(*restored);
  }
}

// Each exercise is a record of its own, its length first, so that a catalogue can decode only those a check
// uses.
void write_exercise(Writer& w, const model::Exercise& x) {
  const auto start = w.out.size();
  w.u32(0);
  w.str(x.name);
  w.u32(x.aliases.size());
  for (const auto& a : x.aliases) w.str(a);
  w.bits(x.muscles);
  w.raw(x.pattern);
  w.raw(x.posture);
  w.bits(x.equipment);
  w.bits(x.tags);
  w.raw(x.spinal_load);
  w.raw(x.impact);
  w.raw(x.supported);
  w.raw(x.loaded);
  w.span(x.span);
  w.u32(x.extended_at.size());
  for (const auto& at : x.extended_at) w.span(at);
  const auto length = static_cast<std::uint32_t>(w.out.size() - start - sizeof(std::uint32_t));
  std::memcpy(w.out.data() + start, &length, sizeof length);
}

// Into `x`, whose strings and vectors keep their storage: reading every record to check it allocates little.
void read_exercise(Reader& r, model::Exercise& x) {
  x.name.assign(r.view());
  x.aliases.resize(r.count());
  for (auto& a : x.aliases) a.assign(r.view());
  x.muscles = r.bits();
  x.pattern = r.raw<std::uint16_t>();
  x.posture = r.raw<std::uint16_t>();
  x.equipment = r.bits();
  x.tags = r.bits();
  x.spinal_load = r.raw<model::Level>();
  x.impact = r.raw<model::Level>();
  x.supported = r.raw<bool>();
  x.loaded = r.raw<bool>();
  x.span = r.span();
  x.extended_at.resize(r.count());
  for (auto& at : x.extended_at) at = r.span();
}

// The exercise records, each checked by reading it whole unless built in, and a catalogue that decodes each on
// first use.
std::optional<model::Catalogue> read_catalogue(Reader& r) {
  std::vector<std::string_view> records(r.count());
  model::Exercise scratch;
  for (auto& record : records) {
    record = r.bytes(r.u32());
    if (r.integrity() == Integrity::built_in) continue;
    Reader check(record, &r.files());
    read_exercise(check, scratch);
    if (!check.at_end()) return std::nullopt;
  }
  auto by_name = read_index(r);
  auto by_letters = read_index(r);
  if (!by_name || !by_letters) return std::nullopt;
  const auto count = static_cast<std::uint32_t>(records.size());
  auto decode = [records = std::move(records), files = r.files()](std::uint32_t index) {
    Reader record(records.at(index), &files);
    model::Exercise x;
    read_exercise(record, x);
    return x;
  };
  return model::Catalogue::restore_deferred(count, std::move(decode), std::move(*by_name), std::move(*by_letters),
                                            r.integrity());
}

void write_source(Writer& w, const model::Source& s) {
  for (const auto* text :
       {&s.id, &s.author, &s.title, &s.journal, &s.publisher, &s.doi, &s.url, &s.isbn, &s.note, &s.scheme, &s.level}) {
    w.str(*text);
  }
  w.raw(s.year);
  w.span(s.span);
}

model::Source read_source(Reader& r) {
  model::Source s;
  for (auto* text :
       {&s.id, &s.author, &s.title, &s.journal, &s.publisher, &s.doi, &s.url, &s.isbn, &s.note, &s.scheme, &s.level}) {
    *text = r.str();
  }
  s.year = r.raw<int>();
  s.span = r.span();
  return s;
}

void write_rule(Writer& w, const model::Rule& rule) {
  for (const auto* text : {&rule.id, &rule.message, &rule.help, &rule.doc, &rule.version, &rule.reviewed, &rule.text}) {
    w.str(*text);
  }
  w.raw(rule.severity);
  w.u32(rule.citations.size());
  for (const auto& c : rule.citations) {
    w.u32(c.source);
    w.str(c.locator);
  }
  w.raw(rule.when.has_value());
  if (rule.when) w.expr(*rule.when);
  w.raw(rule.form);
  w.raw(rule.forbids);
  w.raw(rule.clearance);
  w.raw(rule.scope);
  w.expr(rule.filter);
  w.expr(rule.predicate);
  w.raw(rule.rest_in_days);
  w.raw(rule.rest_minimum);
  w.raw(rule.sharing_muscles);
  w.raw(rule.sharing_groups);
  w.expr(rule.sharing_filter);
  w.raw(rule.metric);
  w.raw(rule.max_increase_percent);
  w.u32(rule.suggest.size());
  for (const auto x : rule.suggest) w.u32(x);
  for (const auto x : rule.suggest_for) w.u32(x);
  w.u32(rule.supersedes.size());
  for (const auto x : rule.supersedes) w.u32(x);
  w.raw(rule.status);
  w.raw(rule.fix_substitutes);
  w.span(rule.span);
}

model::Rule read_rule(Reader& r) {
  model::Rule rule;
  for (auto* text : {&rule.id, &rule.message, &rule.help, &rule.doc, &rule.version, &rule.reviewed, &rule.text}) {
    *text = r.str();
  }
  rule.severity = r.raw<Severity>();
  rule.citations.resize(r.count());
  for (auto& c : rule.citations) {
    c.source = r.u32();
    c.locator = r.str();
  }
  if (r.raw<bool>()) rule.when = r.expr();
  rule.form = r.raw<model::Form>();
  rule.forbids = r.raw<bool>();
  rule.clearance = r.raw<bool>();
  rule.scope = r.raw<model::Scope>();
  rule.filter = r.expr();
  rule.predicate = r.expr();
  rule.rest_in_days = r.raw<bool>();
  rule.rest_minimum = r.raw<double>();
  rule.sharing_muscles = r.raw<bool>();
  rule.sharing_groups = r.raw<bool>();
  rule.sharing_filter = r.expr();
  rule.metric = r.raw<model::Metric>();
  rule.max_increase_percent = r.raw<double>();
  rule.suggest.resize(r.count());
  for (auto& x : rule.suggest) x = r.u32();
  rule.suggest_for.resize(rule.suggest.size());
  for (auto& x : rule.suggest_for) x = r.u32();
  rule.supersedes.resize(r.count());
  for (auto& x : rule.supersedes) x = r.u32();
  rule.status = r.raw<model::Status>();
  rule.fix_substitutes = r.raw<bool>();
  rule.span = r.span();
  return rule;
}

}  // namespace

std::string encode_snapshot(const model::RuleSet& set) {
  Writer w;
  write_vocabulary(w, set);
  w.u32(set.schemes.size());
  for (const auto& s : set.schemes) {
    w.str(s.id);
    w.u32(s.levels.size());
    for (const auto& l : s.levels) w.str(l);
  }
  w.u32(set.sources.size());
  for (const auto& s : set.sources) write_source(w, s);
  w.u32(set.catalogue.size());
  for (std::uint32_t i = 0; i < set.catalogue.size(); ++i) write_exercise(w, set.catalogue.at(i));
  write_index(w, set.catalogue.name_index());
  write_index(w, set.catalogue.letters_index());
  w.u32(set.rules.size());
  for (const auto& rule : set.rules) write_rule(w, rule);
  // the files the spans name come first, so that any record can be read on its own
  Writer head;
  head.raw(magic);
  std::vector<const SourceFile*> files(w.files.size());
  for (const auto& [file, index] : w.files) files[index - 1] = file;
  head.u32(files.size());
  for (const auto* file : files) head.str(file->path);
  return head.out + w.out;
}

std::optional<model::RuleSet> decode_snapshot(std::string_view bytes, const std::vector<const SourceFile*>& files,
                                              std::vector<const SourceFile*>* named, Integrity integrity) {
  try {
    std::vector<const SourceFile*> table;
    Reader r(bytes, &table, integrity);
    if (r.raw<std::uint32_t>() != magic) return std::nullopt;
    table = read_files(r, files);
    if (named != nullptr) {
      named->clear();
      for (const auto* file : table) {
        if (file != nullptr) named->push_back(file);
      }
    }
    model::RuleSet set;
    read_vocabulary(r, set);
    set.schemes.resize(r.count());
    for (auto& s : set.schemes) {
      s.id = r.str();
      s.levels.resize(r.count());
      for (auto& l : s.levels) l = r.str();
    }
    set.sources.resize(r.count());
    for (auto& s : set.sources) s = read_source(r);
    auto catalogue = read_catalogue(r);
    if (!catalogue) return std::nullopt;
    set.catalogue = std::move(*catalogue);
    set.rules.resize(r.count());
    for (auto& rule : set.rules) rule = read_rule(r);
    return set;
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

}  // namespace liftlint::rules
