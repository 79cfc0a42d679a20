// Throughput of the pipeline stages and of the whole check, on synthetic plans.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "api/embedded.hpp"
#include "api/engine_access.hpp"
#include "eval/evaluator.hpp"
#include "liftlint/liftlint.hpp"
#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "plan_generator.hpp"

namespace {

using liftlint::Engine;
using liftlint::EngineOptions;

const Engine& engine() {
  static const Engine e(EngineOptions{});
  return e;
}

void DefaultPackLoad(benchmark::State& state) {
  for (auto _ : state) {
    Engine e(EngineOptions{});
    benchmark::DoNotOptimize(e.ok());
  }
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
  const auto& rules = *liftlint::EngineAccess::rules(engine());
  for (auto _ : state) benchmark::DoNotOptimize(liftlint::plan::resolve_plan(*parsed, rules, diagnostics));
}
BENCHMARK(ResolvePlan)->Unit(benchmark::kMicrosecond);

void EvaluatePlan(benchmark::State& state) {
  const liftlint::SourceFile file{"bench.plan", liftlint::bench::generate_plan(1, 7)};
  liftlint::Diagnostics diagnostics;
  const auto parsed = liftlint::plan::parse_plan_file(file, diagnostics);
  const auto& rules = *liftlint::EngineAccess::rules(engine());
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
    auto report = e.check_text("bench.plan", plan);
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
    for (const auto& p : plans) benchmark::DoNotOptimize(e.check_text("batch.plan", p).findings.size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}
BENCHMARK(CheckBatch)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Scaling: 1x, 10x and 100x the work in one plan.
void Scaling(benchmark::State& state) {
  const std::string plan = liftlint::bench::generate_plan(static_cast<int>(state.range(0)), 3);
  const Engine& e = engine();
  for (auto _ : state) benchmark::DoNotOptimize(e.check_text("scale.plan", plan).findings.size());
  state.SetComplexityN(state.range(0));
}
BENCHMARK(Scaling)->Arg(1)->Arg(10)->Arg(100)->Complexity(benchmark::oN)->Unit(benchmark::kMicrosecond);

void PeakMemory(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(engine().ok());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(PeakMemory)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
