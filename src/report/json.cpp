#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "report/writer.hpp"

namespace liftlint::report {
namespace {

using nlohmann::ordered_json;

ordered_json location_json(const Location& l) {
  return ordered_json{{"file", l.file}, {"line", l.line}, {"column", l.column}, {"length", l.length}};
}

ordered_json problem_json(const Problem& p) {
  ordered_json out;
  if (!p.rule_id.empty()) out["rule"] = p.rule_id;
  out["severity"] = name_of(p.severity);
  out["message"] = p.message;
  out["location"] = location_json(p.location);
  out["notes"] = ordered_json::array();
  for (const auto& n : p.notes) {
    ordered_json note{{"message", n.text}};
    if (n.location) note["location"] = location_json(*n.location);
    out["notes"].push_back(std::move(note));
  }
  out["help"] = p.help;
  out["fixes"] = ordered_json::array();
  for (const auto& f : p.fixes) {
    ordered_json edits = ordered_json::array();
    for (const auto& e : f.edits)
      edits.push_back(ordered_json{{"location", location_json(e.location)}, {"text", e.text}});
    out["fixes"].push_back(
        ordered_json{{"title", f.title}, {"applicability", name_of(f.applicability)}, {"edits", std::move(edits)}});
  }
  if (!p.rule_id.empty()) {
    out["citations"] = ordered_json::array();
    for (const auto& c : p.citations) {
      out["citations"].push_back(ordered_json{{"source", c.source},
                                              {"reference", c.reference},
                                              {"locator", c.locator},
                                              {"evidence", c.evidence},
                                              {"url", c.url}});
    }
    out["weeks"] = p.weeks;
  }
  return out;
}

ordered_json waiver_json(const Waiver& w) {
  return ordered_json{{"rule", w.rule_id}, {"reason", w.reason},        {"approved_by", w.approved_by},
                      {"until", w.until},  {"scope", name_of(w.scope)}, {"location", location_json(w.location)}};
}

}  // namespace

namespace {

ordered_json plan_json(const PlanReport& r) {
  ordered_json plan{{"path", r.path},
                    {"errors", ordered_json::array()},
                    {"findings", ordered_json::array()},
                    {"suppressed", ordered_json::array()},
                    {"superseded", ordered_json::array()}};
  for (const auto& e : r.errors) plan["errors"].push_back(problem_json(e));
  for (const auto& f : r.findings) plan["findings"].push_back(problem_json(f));
  if (!r.notes.empty()) {
    plan["notes"] = ordered_json::array();
    for (const auto& n : r.notes) plan["notes"].push_back(problem_json(n));
  }
  for (const auto& s : r.suppressed) {
    auto finding = problem_json(s.finding);
    finding["waiver"] = waiver_json(s.waiver);
    plan["suppressed"].push_back(std::move(finding));
  }
  for (const auto& s : r.superseded) {
    auto finding = problem_json(s.finding);
    finding["superseded_by"] = s.by;
    plan["superseded"].push_back(std::move(finding));
  }
  return plan;
}

// Input bytes that are not UTF-8 never reach a report (they are rejected on reading), but a report
// must never fail to print: replace rather than throw.
std::string printed(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

constexpr const char* plans_marker = "liftlint-plans";

std::string document(const Counts& c) {
  ordered_json out{{"version", 1}, {"plans", plans_marker}};
  out["summary"] = ordered_json{
      {"plans", c.plans},           {"errors", c.errors},         {"warnings", c.warnings},        {"infos", c.infos},
      {"suppressed", c.suppressed}, {"superseded", c.superseded}, {"input_errors", c.input_errors}};
  return printed(out) + "\n";
}

class JsonWriter : public ReportWriter {
 public:
  std::string begin() override { return plans_.head(); }
  std::string plan(const PlanReport& report, Severity) override {
    add_counts(counts_, report);
    return plans_.item(printed(plan_json(report)));
  }
  std::string tail() override { return plans_.tail(document(counts_)); }

 private:
  Counts counts_;
  JsonArrayStream plans_{document({}), plans_marker};
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer() { return std::make_unique<JsonWriter>(); }

std::string render_json(const std::vector<PlanReport>& reports) { return render_all(*json_writer(), reports); }

std::string render_rule_errors_json(const std::vector<Problem>& errors) {
  ordered_json out{{"version", 1}, {"rule_errors", ordered_json::array()}};
  for (const auto& e : errors) out["rule_errors"].push_back(problem_json(e));
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace liftlint::report
