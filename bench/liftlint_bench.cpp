// Throughput of the pipeline stages and of the whole check, on synthetic plans.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>

#include "api/embedded.hpp"
#include "api/rule_set.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/liftlint.hpp"
#include "lsp/server.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "plan_generator.hpp"

namespace {

using liftlint::Engine;
using liftlint::EngineOptions;

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
  for (auto _ : state) {
    for (const auto& p : plans)
      benchmark::DoNotOptimize(e.check_text("batch.plan", p, liftlint::PlanFormat::text).findings.size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}
BENCHMARK(CheckBatch)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Scaling: 1x, 10x and 100x the work in one plan.
void Scaling(benchmark::State& state) {
  const std::string plan = liftlint::bench::generate_plan(static_cast<int>(state.range(0)), 3);
  const Engine& e = engine();
  for (auto _ : state)
    benchmark::DoNotOptimize(e.check_text("scale.plan", plan, liftlint::PlanFormat::text).findings.size());
  state.SetComplexityN(state.range(0));
}
BENCHMARK(Scaling)->Arg(1)->Arg(10)->Arg(100)->Complexity(benchmark::oN)->Unit(benchmark::kMicrosecond);

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

void PeakMemory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(engine().rule_count());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(PeakMemory)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
