#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "report/report.hpp"
#include "report/writer.hpp"
#include "support/ascii.hpp"

namespace liftlint::report {
namespace {

using nlohmann::ordered_json;

constexpr const char* input_error_id = "liftlint.input-error";

const char* level_of(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

// SARIF paths are URI references: anything but unreserved characters and '/' is escaped.
std::string uri_of(const std::string& path) {
  std::string out;
  for (const unsigned char c : path) {
    const bool plain = ascii::is_alnum(c) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

// A relative path stays a relative reference, resolved against the directory liftlint ran in; an
// absolute one becomes a file URI, since a reference starting with '/' cannot combine with a base.
std::string artifact_uri(const std::string& path) {
  return !path.empty() && path.front() == '/' ? fmt::format("file://{}", uri_of(path)) : uri_of(path);
}

ordered_json location_json(const Location& l) {
  ordered_json physical{{"artifactLocation", {{"uri", artifact_uri(l.file)}}}};
  if (l.line > 0) {
    const auto start = code_point_column(l, l.column);
    ordered_json region{{"startLine", l.line}, {"startColumn", start}};
    if (l.length > 0 && l.column + l.length <= l.line_text_column + l.line_text.size()) {
      region["endColumn"] = code_point_column(l, l.column + l.length);
    }
    physical["region"] = std::move(region);
  }
  return ordered_json{{"physicalLocation", std::move(physical)}};
}

std::string first_sentence(const std::string& text) {
  const auto end = text.find(". ");
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

std::string help_text(const RuleInfo& r) {
  std::string out = r.doc.empty() ? r.message : r.doc;
  if (!r.suggest.empty()) out += fmt::format("\n\nSuggested instead: {}.", fmt::join(r.suggest, ", "));
  if (!r.citations.empty()) out += "\n\nSources:";
  for (const auto& c : r.citations) {
    out += fmt::format("\n- {}", c.reference);
    if (!c.locator.empty()) out += fmt::format(" ({})", c.locator);
    if (!c.evidence.empty()) out += fmt::format(" [evidence: {}]", c.evidence);
  }
  return out;
}

ordered_json rule_json(const RuleInfo& r) {
  const std::string description = r.doc.empty() ? r.message : r.doc;
  ordered_json out{{"id", r.id},
                   {"shortDescription", {{"text", first_sentence(description)}}},
                   {"fullDescription", {{"text", description}}},
                   {"help", {{"text", help_text(r)}}},
                   {"defaultConfiguration", {{"level", level_of(r.severity)}}}};
  for (const auto& c : r.citations) {
    if (c.url.empty()) continue;
    out["helpUri"] = c.url;
    break;
  }
  ordered_json evidence = ordered_json::array();
  ordered_json sources = ordered_json::array();
  for (const auto& c : r.citations) {
    if (!c.evidence.empty()) evidence.push_back(c.evidence);
    sources.push_back(c.source);
  }
  out["properties"] =
      ordered_json{{"pack", r.pack}, {"status", name_of(r.status)}, {"evidence", evidence}, {"sources", sources}};
  return out;
}

// Waivers and input errors are reported under ids of their own.
std::vector<RuleInfo> own_rules() {
  RuleInfo expired;
  expired.id = "liftlint.waiver-expired";
  expired.severity = Severity::error;
  expired.doc = "A waiver in the plan is past its 'until' date, so it no longer suppresses anything.";
  RuleInfo unused;
  unused.id = "liftlint.waiver-unused";
  unused.doc = "A waiver in the plan suppresses no finding: the rule does not fire where the waiver is written.";
  RuleInfo input;
  input.id = input_error_id;
  input.severity = Severity::error;
  input.doc =
      "An input could not be read: a plan's syntax, its JSON shape or a name in it is wrong (no rule was checked on "
      "it), or a configuration file is wrong, or a directory holds no plans.";
  for (auto* r : {&expired, &unused, &input}) r->pack = "liftlint", r->status = RuleStatus::reviewed;
  return {expired, unused, input};
}

constexpr const char* results_marker = "liftlint-results";

std::string printed(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

class SarifWriter : public ReportWriter {
 public:
  explicit SarifWriter(const std::vector<RuleInfo>& rules) {
    std::map<std::string, const RuleInfo*> by_id;
    for (const auto& r : rules) by_id.emplace(r.id, &r);
    for (const auto& r : extra_) by_id.emplace(r.id, &r);
    for (const auto& [id, rule] : by_id) {
      index_.emplace(id, rules_.size());
      rules_.push_back(rule_json(*rule));
    }
    document_ = log();
    results_.emplace(document_, results_marker);
  }

  std::string begin() override { return results_->head(); }

  std::string plan(const PlanReport& report, Severity) override {
    std::string out;
    for (const auto& e : report.errors) out += results_->item(printed(result(e, input_error_id)));
    for (const auto& f : report.findings) out += results_->item(printed(result(f, f.rule_id)));
    // a line read as a note: under the input rule, at the level `note`
    for (const auto& n : report.notes) out += results_->item(printed(result(n, input_error_id)));
    for (const auto& s : report.suppressed) {
      auto r = result(s.finding, s.finding.rule_id);
      r["suppressions"] = ordered_json::array({suppression(s.waiver)});
      out += results_->item(printed(r));
    }
    return out;
  }

  std::string tail() override { return results_->tail(document_); }

 private:
  std::string log() {
    ordered_json driver{{"name", "liftlint"},
                        {"version", version()},
                        {"informationUri", "https://liftlint.dev/"},
                        {"rules", std::move(rules_)}};
    ordered_json run{
        {"tool", {{"driver", std::move(driver)}}}, {"columnKind", "unicodeCodePoints"}, {"results", results_marker}};
    return printed(ordered_json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs", ordered_json::array({std::move(run)})}}) +
           "\n";
  }

  std::vector<RuleInfo> extra_ = own_rules();
  std::map<std::string, std::size_t> index_;
  ordered_json rules_ = ordered_json::array();
  std::string document_;
  std::optional<JsonArrayStream> results_;  // once the rules are in the document

  ordered_json result(const Problem& p, const std::string& rule_id) {
    std::string text = p.message;
    for (const auto& h : p.help) text += fmt::format("\nhelp: {}", h);
    for (const auto& c : p.citations) text += fmt::format("\nsource: {}", citation_text(c));
    ordered_json out{{"ruleId", rule_id}};
    if (const auto it = index_.find(rule_id); it != index_.end()) out["ruleIndex"] = it->second;
    out["level"] = level_of(p.severity);
    out["message"] = {{"text", text}};
    out["locations"] = ordered_json::array({location_json(p.location)});
    if (auto r = related(p); !r.empty()) out["relatedLocations"] = std::move(r);
    if (!p.weeks.empty()) out["properties"] = {{"weeks", p.weeks}};
    if (!p.fixes.empty()) out["fixes"] = fixes_json(p.fixes);
    return out;
  }

  // SARIF's fixes: each edit a replacement of a region (empty for an insertion) in its file.
  static ordered_json fixes_json(const std::vector<Fix>& fixes) {
    ordered_json out = ordered_json::array();
    for (const auto& f : fixes) {
      std::map<std::string, ordered_json> changes;
      for (const auto& e : f.edits) {
        const auto& l = e.location;
        ordered_json region{{"startLine", l.line},
                            {"startColumn", code_point_column(l, l.column)},
                            {"endLine", l.line},
                            {"endColumn", code_point_column(l, l.column + l.length)}};
        auto& change = changes[l.file];
        if (change.is_null()) {
          change = {{"artifactLocation", {{"uri", artifact_uri(l.file)}}}, {"replacements", ordered_json::array()}};
        }
        change["replacements"].push_back(
            {{"deletedRegion", std::move(region)}, {"insertedContent", {{"text", e.text}}}});
      }
      ordered_json artifact_changes = ordered_json::array();
      for (auto& [file, change] : changes) artifact_changes.push_back(std::move(change));
      out.push_back({{"description", {{"text", f.title}}},
                     {"artifactChanges", std::move(artifact_changes)},
                     {"properties", {{"applicability", name_of(f.applicability)}}}});
    }
    return out;
  }

  static ordered_json related(const Problem& p) {
    ordered_json out = ordered_json::array();
    int id = 1;
    for (const auto& n : p.notes) {
      if (!n.location) continue;
      auto l = location_json(*n.location);
      l["id"] = id++;
      l["message"] = {{"text", n.text}};
      out.push_back(std::move(l));
    }
    return out;
  }

  static ordered_json suppression(const Waiver& w) {
    ordered_json properties{{"scope", name_of(w.scope)}};
    if (!w.approved_by.empty()) properties["approvedBy"] = w.approved_by;
    if (!w.until.empty()) properties["until"] = w.until;
    return ordered_json{{"kind", "inSource"},
                        {"status", "accepted"},
                        {"justification", w.reason},
                        {"location", location_json(w.location)},
                        {"properties", std::move(properties)}};
  }
};

}  // namespace

// Locations count bytes; the quoted line tells how many of them start a character. Of a long line
// only a part is quoted, and the bytes before it are counted as characters.
unsigned code_point_column(const Location& location, unsigned byte_column) {
  unsigned count = location.line_text_column;
  const std::size_t before = byte_column > location.line_text_column ? byte_column - location.line_text_column : 0;
  for (std::size_t i = 0; i < before && i < location.line_text.size(); ++i) {
    count += (static_cast<unsigned char>(location.line_text[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

std::string citation_text(const Citation& c) {
  return c.locator.empty() ? c.reference : fmt::format("{} ({})", c.reference, c.locator);
}

std::unique_ptr<ReportWriter> sarif_writer(const std::vector<RuleInfo>& rules) {
  return std::make_unique<SarifWriter>(rules);
}

std::string render_sarif(const std::vector<PlanReport>& reports, const std::vector<RuleInfo>& rules) {
  return render_all(*sarif_writer(rules), reports);
}

}  // namespace liftlint::report
