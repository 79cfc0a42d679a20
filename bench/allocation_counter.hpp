// Every allocation of the benchmark process is counted, so that a benchmark can say what one plan costs.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>

namespace liftlint::bench {

[[nodiscard]] std::uint64_t allocations_so_far();

// Sets the counter `allocs_per_iter`: the allocations from its construction to the end of the loop.
class AllocationCounter {
 public:
  explicit AllocationCounter(benchmark::State& state) : state_(state), start_(allocations_so_far()) {}
  ~AllocationCounter() {
    const auto counted = static_cast<double>(allocations_so_far() - start_);
    const auto iterations = static_cast<double>(state_.iterations());
    state_.counters["allocs_per_iter"] = iterations > 0 ? counted / iterations : 0;
  }
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;

 private:
  benchmark::State& state_;
  std::uint64_t start_;
};

}  // namespace liftlint::bench
