#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "report/report.hpp"
#include "report/writer.hpp"
#include "support/diagnostic.hpp"

namespace liftlint::report {
namespace {

// XML 1.0 cannot carry most control characters even escaped, nor bytes that are not UTF-8 or the
// non-characters U+FFFE and U+FFFF: they are shown by their code, as in the text report.
std::string xml(std::string_view raw) {
  const std::string text = printable(raw, Printable{true, true, raw.size() * 8});
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

struct Case {
  std::string name;
  std::vector<const Problem*> findings;
  std::vector<const Suppressed*> waived;
  bool failed = false;
};

struct Suite {
  std::string name;
  std::vector<Case> cases;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;
};

std::string render_case(const Case& c, const std::string& classname, bool skipped) {
  std::string out = fmt::format("    <testcase name=\"{}\" classname=\"{}\"", xml(c.name), xml(classname));
  std::string body;
  std::string details;
  for (const auto* f : c.findings) details += render_problem(*f, false) + "\n";
  std::string waived;
  for (const auto* s : c.waived) {
    const auto& at = s->waiver.location;
    waived += fmt::format("waived at {}:{}:{}: {}\n{}\n", at.file, at.line, at.column, s->waiver.reason,
                          render_problem(s->finding, false));
  }
  if (skipped) body += "      <skipped message=\"not checked: the plan could not be read\"/>\n";
  if (c.failed) {
    const bool input_error = c.findings.front()->rule_id.empty();
    body += fmt::format("      <{0} message=\"{1}\" type=\"{2}\">{3}</{0}>\n", input_error ? "error" : "failure",
                        xml(c.findings.front()->message), input_error ? "input-error" : "finding", xml(details));
  } else if (!details.empty() || !waived.empty()) {
    body += fmt::format("      <system-out>{}{}</system-out>\n", xml(details), xml(waived));
  }
  if (body.empty()) return out + "/>\n";
  return out + ">\n" + body + "    </testcase>\n";
}

Suite suite_of(const PlanReport& r, const std::vector<std::string>& rule_ids, Severity fail_on) {
  Suite s{r.path, {}, 0, 0, 0};
  std::map<std::string, Case> cases;
  for (const auto& id : rule_ids) cases[id].name = id;
  for (const auto& f : r.findings) {
    auto& c = cases[f.rule_id];
    c.name = f.rule_id;
    c.findings.push_back(&f);
    c.failed = c.failed || severity_rank(f.severity) >= severity_rank(fail_on);
  }
  for (const auto& w : r.suppressed) cases[w.finding.rule_id].waived.push_back(&w);
  if (!r.errors.empty()) {
    Case input{"liftlint.input-error", {}, {}, true};
    for (const auto& e : r.errors) input.findings.push_back(&e);
    s.cases.push_back(std::move(input));
    s.errors = 1;
  }
  for (auto& [id, c] : cases) {
    s.failures += c.failed ? 1 : 0;
    s.cases.push_back(std::move(c));
  }
  if (!r.plan) s.cases.resize(1);  // a configuration file has no rules to pass or skip
  if (!r.errors.empty() && !r.evaluated) s.skipped = s.cases.size() - 1;
  return s;
}

// The totals open the document, so the suites wait, in a temporary file rather than in memory, until
// the last plan is in.
class JunitWriter : public ReportWriter {
 public:
  explicit JunitWriter(const std::vector<RuleInfo>& rules) : suites_(std::tmpfile()) {
    std::set<std::string> ids;
    for (const auto& r : rules) ids.insert(r.id);
    rule_ids_.assign(ids.begin(), ids.end());
  }
  std::string begin() override { return {}; }
  std::string plan(const PlanReport& report, Severity fail_on) override {
    const auto s = suite_of(report, rule_ids_, fail_on);
    tests_ += s.cases.size();
    failures_ += s.failures;
    errors_ += s.errors;
    skipped_ += s.skipped;
    std::string body =
        fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
                    xml(s.name), s.cases.size(), s.failures, s.errors, s.skipped);
    for (std::size_t i = 0; i < s.cases.size(); ++i) {
      const bool input_case = s.errors > 0 && i == 0;
      body += render_case(s.cases[i], s.name, s.skipped > 0 && !input_case);
    }
    body += "  </testsuite>\n";
    keep(body);
    return {};
  }
  void end(const Output& out) override {
    out(
        fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<testsuites name=\"liftlint\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
                    tests_, failures_, errors_, skipped_));
    if (suites_ != nullptr) {
      // A temporary file that filled up holds part of the suites: the report would be cut short.
      if (spill_failed_ || std::fflush(suites_.get()) != 0) spill_error();
      std::rewind(suites_.get());
      char buffer[65536];
      for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, suites_.get())) > 0;) out({buffer, got});
      if (std::ferror(suites_.get()) != 0) spill_error();
    } else {
      out(body_);
    }
    out("</testsuites>\n");
  }

 private:
  struct Close {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  // Without a temporary file (none can be created), the suites are kept in memory.
  void keep(const std::string& body) {
    if (suites_ == nullptr) {
      body_ += body;
    } else if (std::fwrite(body.data(), 1, body.size(), suites_.get()) != body.size()) {
      spill_failed_ = true;
    }
  }

  [[noreturn]] static void spill_error() {
    throw std::runtime_error(
        fmt::format("cannot write the JUnit report's temporary file: {}", std::strerror(errno != 0 ? errno : EIO)));
  }

  std::vector<std::string> rule_ids_;
  std::unique_ptr<std::FILE, Close> suites_;
  std::string body_;
  bool spill_failed_ = false;
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0, skipped_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> junit_writer(const std::vector<RuleInfo>& rules) {
  return std::make_unique<JunitWriter>(rules);
}

std::string render_junit(const std::vector<PlanReport>& reports, const std::vector<RuleInfo>& rules, Severity fail_on) {
  return render_all(*junit_writer(rules), reports, std::vector<Severity>(reports.size(), fail_on));
}

std::string render_junit(const std::vector<PlanReport>& reports, const std::vector<RuleInfo>& rules,
                         const std::vector<Severity>& fail_on) {
  return render_all(*junit_writer(rules), reports, fail_on);
}

}  // namespace liftlint::report
