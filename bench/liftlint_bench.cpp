// Throughput of the pipeline stages and of the whole check, on synthetic plans.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "allocation_counter.hpp"
#include "api/embedded.hpp"
#include "api/rule_set.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/liftlint.hpp"
#include "liftlint/report.hpp"
#include "lsp/server.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "plan_generator.hpp"

namespace {

using liftlint::Engine;
using liftlint::EngineOptions;
using liftlint::bench::AllocationCounter;

const Engine& engine() {
  static const auto e = std::move(Engine::create(EngineOptions{}).engine);
  return *e;
}

// The checked default pack, for the benchmarks of single phases.
const liftlint::LoadedRules& default_rules() {
  static const auto loaded = liftlint::load_rules(EngineOptions{});
  return loaded;
}

void DefaultPackLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Engine::create(EngineOptions{}).engine != nullptr);
}
BENCHMARK(DefaultPackLoad)->Unit(benchmark::kMicrosecond);

// The stages of one check, each on its own.
void ParsePlan(benchmark::State& state) {
  const liftlint::SourceFile file{"bench.plan", liftlint::bench::generate_plan(1, 7)};
  const AllocationCounter counter(state);
  for (auto _ : state) {
    liftlint::Diagnostics diagnostics;
    benchmark::DoNotOptimize(liftlint::plan::parse_plan_file(file, diagnostics));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.text.size()));
}
BENCHMARK(ParsePlan)->Unit(benchmark::kMicrosecond);

void ResolvePlan(benchmark::State& state) {
  const liftlint::SourceFile file{"bench.plan", liftlint::bench::generate_plan(1, 7)};
  liftlint::Diagnostics diagnostics;
  const auto parsed = liftlint::plan::parse_plan_file(file, diagnostics);
  const auto& rules = *default_rules().rules;
  for (auto _ : state) benchmark::DoNotOptimize(liftlint::plan::resolve_plan(*parsed, rules, diagnostics));
}
BENCHMARK(ResolvePlan)->Unit(benchmark::kMicrosecond);

void EvaluatePlan(benchmark::State& state) {
  const liftlint::SourceFile file{"bench.plan", liftlint::bench::generate_plan(1, 7)};
  liftlint::Diagnostics diagnostics;
  const auto parsed = liftlint::plan::parse_plan_file(file, diagnostics);
  const auto& rules = *default_rules().rules;
  const auto plan = liftlint::plan::resolve_plan(*parsed, rules, diagnostics);
  for (auto _ : state) benchmark::DoNotOptimize(liftlint::eval::evaluate(rules, *plan));
  state.counters["rules"] = static_cast<double>(rules.rules.size());
}
BENCHMARK(EvaluatePlan)->Unit(benchmark::kMicrosecond);

// End to end in process: parse, resolve, evaluate and build the report of one plan.
void CheckPlan(benchmark::State& state) {
  const int weeks = static_cast<int>(state.range(0));
  const std::string plan = liftlint::bench::generate_plan(weeks, 7);
  const Engine& e = engine();
  const AllocationCounter counter(state);
  for (auto _ : state) {
    auto report = e.check_text("bench.plan", plan, liftlint::PlanFormat::text);
    benchmark::DoNotOptimize(report.findings.size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * plan.size()));
  state.counters["weeks"] = weeks;
}
BENCHMARK(CheckPlan)->Arg(1)->Arg(10)->Arg(52)->Unit(benchmark::kMicrosecond);

// A batch of distinct one-week plans, as a coaching platform would send them.
void CheckBatch(benchmark::State& state) {
  const auto count = static_cast<unsigned>(state.range(0));
  std::vector<std::string> plans;
  for (unsigned i = 0; i < count; ++i) plans.push_back(liftlint::bench::generate_plan(1, i));
  const Engine& e = engine();
  const AllocationCounter counter(state);
  for (auto _ : state) {
    for (const auto& p : plans)
      benchmark::DoNotOptimize(e.check_text("batch.plan", p, liftlint::PlanFormat::text).findings.size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}
BENCHMARK(CheckBatch)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Scaling: one plan of 1 to 520 weeks (the longest a plan may be), each week its own block.
void Scaling(benchmark::State& state) {
  const auto weeks = state.range(0);
  const std::string plan = liftlint::bench::generate_plan(static_cast<int>(weeks), 3);
  const Engine& e = engine();
  for (auto _ : state)
    benchmark::DoNotOptimize(e.check_text("scale.plan", plan, liftlint::PlanFormat::text).findings.size());
  state.SetComplexityN(weeks);
  state.counters["weeks"] = static_cast<double>(weeks);
  state.counters["per_week"] = benchmark::Counter(
      static_cast<double>(weeks), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(Scaling)
    ->Arg(1)
    ->Arg(10)
    ->Arg(100)
    ->Arg(260)
    ->Arg(520)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMicrosecond);

// Plans with findings, as most real plans have: the report, its substitutes and fixes are built too.
void CheckFlawed(benchmark::State& state) {
  const int weeks = static_cast<int>(state.range(0));
  const std::string plan = liftlint::bench::generate_flawed_plan(weeks, 7);
  const Engine& e = engine();
  std::size_t findings = 0;
  const AllocationCounter counter(state);
  for (auto _ : state) {
    findings = e.check_text("flawed.plan", plan, liftlint::PlanFormat::text).findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["weeks"] = weeks;
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(CheckFlawed)->Arg(1)->Arg(4)->Arg(52)->Unit(benchmark::kMicrosecond);

EngineOptions with_readings() {
  EngineOptions options;
  options.readings = true;
  return options;
}

// Writing the report of a one-week plan with findings, in each output format (the check itself not timed).
void WriteReport(benchmark::State& state) {
  const auto format = static_cast<liftlint::ReportFormat>(state.range(0));
  static const auto readings = std::move(Engine::create(with_readings()).engine);
  const auto report =
      readings->check_text("flawed.plan", liftlint::bench::generate_flawed_plan(1, 7), liftlint::PlanFormat::text);
  if (report.findings.empty()) state.SkipWithError("the flawed plan should have findings");
  const auto rules = readings->running_rules();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto writer = liftlint::make_report_writer(format, {rules});
    std::string out = writer->begin() + writer->plan(report, liftlint::Severity::error);
    writer->end([&](std::string_view piece) { out += piece; });
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetLabel(liftlint::name_of(format));
  state.counters["output_bytes"] = static_cast<double>(bytes);
  state.counters["findings"] = static_cast<double>(report.findings.size());
}
BENCHMARK(WriteReport)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);

// The default pack's guidelines copied under new names until there are about N rules: the cost of a check
// per rule must not grow with the number of rules.
std::vector<liftlint::RuleFile> copies_of_the_guidelines(std::size_t rules) {
  std::ifstream in(std::string(LIFTLINT_SOURCE_DIR) + "/rules/back-pain/guidelines.rules", std::ios::binary);
  const std::string guidelines{std::istreambuf_iterator<char>(in), {}};
  const std::regex rule_start("\nrule ");
  const auto in_one_copy = static_cast<std::size_t>(
      std::distance(std::sregex_iterator(guidelines.begin(), guidelines.end(), rule_start), std::sregex_iterator()));
  std::vector<liftlint::RuleFile> out;
  for (std::size_t copy = 1; (copy + 1) * in_one_copy <= rules; ++copy) {
    out.push_back({fmt::format("copy{}.rules", copy),
                   std::regex_replace(guidelines, std::regex("\\bbp\\."), fmt::format("copy{}.", copy))});
  }
  return out;
}

void RuleScaling(benchmark::State& state) {
  EngineOptions options;
  options.rule_files = copies_of_the_guidelines(static_cast<std::size_t>(state.range(0)));
  auto created = Engine::create(options);
  if (!created.engine) {
    state.SkipWithError(created.problems.empty() ? "no engine" : created.problems.front().message.c_str());
    return;
  }
  const std::string plan = liftlint::bench::generate_flawed_plan(1, 7);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        created.engine->check_text("rules.plan", plan, liftlint::PlanFormat::text).findings.size());
  const auto rules = static_cast<double>(created.engine->rule_count());
  state.counters["rules"] = rules;
  state.counters["per_rule"] =
      benchmark::Counter(rules, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetComplexityN(static_cast<std::int64_t>(rules));
}
BENCHMARK(RuleScaling)->Arg(34)->Arg(340)->Arg(3300)->Complexity(benchmark::oN)->Unit(benchmark::kMicrosecond);

// A template week repeated for N weeks (`week 1..N`): its text does not grow with N, and neither may the
// cost of checking it.
void TemplateWeeks(benchmark::State& state) {
  std::string plan = liftlint::bench::generate_plan(1, 3);
  plan.replace(plan.find("week 1 {"), 8, fmt::format("week 1..{} {{", state.range(0)));
  const Engine& e = engine();
  for (auto _ : state)
    benchmark::DoNotOptimize(e.check_text("template.plan", plan, liftlint::PlanFormat::text).findings.size());
  state.counters["weeks"] = static_cast<double>(state.range(0));
}
BENCHMARK(TemplateWeeks)->Arg(1)->Arg(52)->Arg(520)->Unit(benchmark::kMicrosecond);

// A 520-week template of N KiB, up to the 8 MiB limit: time linear in the size of the text.
void TemplateBytes(benchmark::State& state) {
  const auto wanted = static_cast<std::size_t>(state.range(0)) * 1024;
  const std::string week = liftlint::bench::generate_plan(1, 3);
  const auto body_start = week.find("week 1 {") + 9;
  const std::string sessions = week.substr(body_start, week.rfind('}') - body_start);
  std::string plan = week.substr(0, body_start - 9) + "week 1..520 {\n";
  while (plan.size() + sessions.size() + 3 < wanted) plan += sessions;
  plan += "}\n";
  const Engine& e = engine();
  for (auto _ : state)
    benchmark::DoNotOptimize(e.check_text("template.plan", plan, liftlint::PlanFormat::text).findings.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * plan.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(TemplateBytes)->Arg(64)->Arg(512)->Arg(8000)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);

// A plan one byte over the 8 MiB limit is refused, faster than the largest legal plan is checked.
void RefuseOverLimit(benchmark::State& state) {
  const std::string week = liftlint::bench::generate_plan(1, 3);
  std::string plan;
  while (plan.size() < 8 * 1024 * 1024) plan += week;
  plan.resize(8 * 1024 * 1024 + 1);
  const Engine& e = engine();
  for (auto _ : state) {
    const auto report = e.check_text("huge.plan", plan, liftlint::PlanFormat::text);
    if (report.errors.empty()) state.SkipWithError("the plan should be refused");
    benchmark::DoNotOptimize(report.errors.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * plan.size()));
}
BENCHMARK(RefuseOverLimit)->Unit(benchmark::kMillisecond);

// The same five-day plan written in the text notation and as JSON: the cost of the JSON reader.
std::string example(const std::string& path) {
  std::ifstream in(std::string(LIFTLINT_SOURCE_DIR) + "/examples/" + path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void CheckExample(benchmark::State& state) {
  const bool json = state.range(0) == 1;
  const std::string path = json ? "plan.json" : "plan.plan";
  const std::string text = example(json ? "json/five-day.json" : "five-day.plan");
  const Engine& e = engine();
  for (auto _ : state)
    benchmark::DoNotOptimize(e.check_text(path, text, liftlint::plan_format_for_path(path)).findings.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetLabel(json ? "json" : "text");
}
BENCHMARK(CheckExample)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// JSON Lines as a platform would pipe them: every example plan, repeated to `count` lines.
void CheckJsonLines(benchmark::State& state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  std::vector<std::string> plans;
  for (const auto* name : {"beginner-routine", "five-day", "flawed-rest", "flawed-avoid", "flawed-dose"}) {
    auto text = example(std::string("json/") + name + ".json");
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    plans.push_back(std::move(text));
  }
  std::string lines;
  for (std::size_t i = 0; i < count; ++i) lines += plans[i % plans.size()] + "\n";
  const Engine& e = engine();
  for (auto _ : state) benchmark::DoNotOptimize(e.check("<stdin>", lines, liftlint::PlanFormat::json_lines).size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * lines.size()));
}
BENCHMARK(CheckJsonLines)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

// What an editor waits for after a keystroke: the change, the check and the diagnostics it is sent,
// for a one-week plan with findings (the fixable example: a typo and a forbidden lift).
void LspDiagnostics(benchmark::State& state) {
  using liftlint::lsp::Json;
  liftlint::lsp::Server server;
  const auto uri = std::string("file:///bench/week.plan");
  const std::string text = example("fixable.plan");
  const std::array<std::string, 2> versions{text, text + "\n"};
  benchmark::DoNotOptimize(server.handle({{"method", "initialize"}, {"id", 1}, {"params", {{"capabilities", {}}}}}));
  benchmark::DoNotOptimize(
      server.handle({{"method", "textDocument/didOpen"},
                     {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}}}));
  benchmark::DoNotOptimize(server.publish_pending());
  long version = 1;
  for (auto _ : state) {
    ++version;
    const Json change{{"method", "textDocument/didChange"},
                      {"params",
                       {{"textDocument", {{"uri", uri}, {"version", version}}},
                        {"contentChanges", {{{"text", versions[static_cast<std::size_t>(version % 2)]}}}}}}};
    benchmark::DoNotOptimize(server.handle(change));
    const auto published = server.publish_pending();
    if (published.empty() || published.front()["params"]["diagnostics"].empty()) state.SkipWithError("no diagnostics");
    benchmark::DoNotOptimize(published);
  }
}
BENCHMARK(LspDiagnostics)->Unit(benchmark::kMicrosecond);

// check --fix --unsafe-fixes on a one-week plan: a check, the fixes, and the check of the fixed text.
void FixPlan(benchmark::State& state) {
  const std::string text = example("fixable.plan");
  const Engine& e = engine();
  for (auto _ : state) {
    const auto fixed = e.fix("week.plan", text, liftlint::PlanFormat::text, true);
    if (fixed.applied != 2) state.SkipWithError("the example should take two fixes");
    benchmark::DoNotOptimize(fixed.text.size());
  }
}
BENCHMARK(FixPlan)->Unit(benchmark::kMicrosecond);

// The peak resident memory of `liftlint check` on a one-week plan, in a process of its own (the benchmark
// process holds every other benchmark's plans and engines). The kernel's own count of a child's peak would
// include the memory of the process it was forked from, so the child is stopped as it exits and its peak
// read from /proc while its memory still exists.
long peak_kib_of_a_check(const char* plan_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    execl(LIFTLINT_CLI, LIFTLINT_CLI, "check", plan_path, static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);  // stopped at the exec
  ptrace(PTRACE_SETOPTIONS, pid, nullptr, PTRACE_O_TRACEEXIT);
  ptrace(PTRACE_CONT, pid, nullptr, nullptr);
  long peak = -1;
  while (waitpid(pid, &status, 0) == pid && WIFSTOPPED(status)) {
    if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
      std::ifstream proc(fmt::format("/proc/{}/status", pid));
      for (std::string line; std::getline(proc, line);) {
        if (line.rfind("VmHWM:", 0) == 0) peak = std::stol(line.substr(6));
      }
    }
    ptrace(PTRACE_CONT, pid, nullptr, WSTOPSIG(status) == SIGTRAP ? 0 : WSTOPSIG(status));
  }
  return peak;
}

void PeakMemory(benchmark::State& state) {
  char path[] = "/tmp/liftlint-bench-XXXXXX.plan";
  const int fd = mkstemps(path, 5);
  const std::string plan = liftlint::bench::generate_plan(1, 7);
  if (fd < 0 || write(fd, plan.data(), plan.size()) != static_cast<ssize_t>(plan.size())) {
    state.SkipWithError("cannot write the plan");
    return;
  }
  close(fd);
  long peak_kib = 0;
  for (auto _ : state) peak_kib = std::max(peak_kib, peak_kib_of_a_check(path));
  unlink(path);
  if (peak_kib <= 0) state.SkipWithError("the peak of the check could not be read");
  state.counters["peak_rss_MiB"] = static_cast<double>(peak_kib) / 1024.0;
}
BENCHMARK(PeakMemory)->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace

// `liftlint_bench --write-plans DIR N` writes N distinct one-week plans for the command-line benchmarks
// (bench/scripts/performance.py); otherwise the benchmarks run, with Google Benchmark's options.
int main(int argc, char** argv) {
  if (argc == 4 && std::string_view(argv[1]) == "--write-plans") {
    const auto count = std::stoul(argv[3]);
    std::filesystem::create_directories(argv[2]);
    for (unsigned i = 0; i < count; ++i) {
      const auto path = fmt::format("{}/plan-{:05}.plan", argv[2], i);
      std::ofstream out(path, std::ios::binary);
      if (!(out << liftlint::bench::generate_plan(1, i))) {
        fmt::print(stderr, "{}: cannot write this file\n", path);
        return 2;
      }
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
