// Throughput of the pipeline stages and of the whole check, on synthetic plans.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "liftlint/liftlint.hpp"
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
BENCHMARK(CheckBatch)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

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
