// Plans checked on worker threads but reported in the order given, so that output does not depend on
// the number of threads. The threads, the reporting one among them, run at most a window of inputs ahead of
// the report, so that memory holds the findings of a few plans at a time however many plans a batch has.
#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "liftlint/liftlint.hpp"

namespace liftlint {
namespace {

using Results = std::vector<PlanReport>;

class OrderedChecks {
 public:
  OrderedChecks(std::size_t count, unsigned threads, const std::function<Results(std::size_t)>& check)
      : check_(check), slots_(count) {
    if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>({threads, count, max_workers}));
    // Several inputs per worker, so that a worker rarely waits while the reporting thread writes.
    window_ = 8 * static_cast<std::size_t>(threads);
    // The reporting thread checks inputs too, so it is one of the threads asked for.
    if (threads > 1) start_workers(threads - 1);
  }
  ~OrderedChecks() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    room_.notify_all();
    for (auto& w : workers_) w.join();
  }
  OrderedChecks(const OrderedChecks&) = delete;
  OrderedChecks& operator=(const OrderedChecks&) = delete;

  Results next() {
    const auto i = taken_++;
    if (workers_.empty()) return check_(i);
    std::unique_lock<std::mutex> lock(mutex_);
    // Rather than wait for the next report, the reporting thread checks an input of its own.
    while (!slots_[i].has_value()) {
      if (!claimable()) {
        ready_.wait(lock);
        continue;
      }
      const auto j = claimed_++;
      lock.unlock();
      auto results = check_(j);
      lock.lock();
      slots_[j] = std::move(results);
    }
    Results out = std::move(*slots_[i]);
    slots_[i].reset();
    ++consumed_;
    const bool waiting = idle_ > 0;
    lock.unlock();
    if (waiting) room_.notify_one();
    return out;
  }

 private:
  [[nodiscard]] bool claimable() const { return claimed_ < slots_.size() && claimed_ < consumed_ + window_; }

  // As many workers as the system allows; with none, the inputs are checked on the calling thread.
  void start_workers(unsigned threads) {
    for (unsigned t = 0; t < threads; ++t) {
      try {
        workers_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        break;
      }
    }
  }

  void work() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      ++idle_;
      room_.wait(lock, [&] { return stopping_ || claimed_ >= slots_.size() || claimable(); });
      --idle_;
      if (stopping_ || claimed_ >= slots_.size()) return;
      const auto i = claimed_++;
      lock.unlock();
      auto results = check_(i);
      lock.lock();
      slots_[i] = std::move(results);
      // Only the slot the reporting thread waits for can wake it.
      const bool awaited = i == consumed_;
      lock.unlock();
      if (awaited) ready_.notify_one();
    }
  }

  static constexpr std::size_t max_workers = 256;
  const std::function<Results(std::size_t)>& check_;
  std::vector<std::optional<Results>> slots_;
  std::size_t window_ = 1;
  std::size_t claimed_ = 0, consumed_ = 0, taken_ = 0, idle_ = 0;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::vector<std::thread> workers_;
};

}  // namespace

void check_in_order(std::size_t count, unsigned threads, const std::function<Results(std::size_t)>& check,
                    const std::function<void(std::size_t, PlanReport&&)>& report) {
  if (count == 0) return;
  OrderedChecks checks(count, threads, check);
  for (std::size_t i = 0; i < count; ++i) {
    for (auto& r : checks.next()) report(i, std::move(r));
  }
}

}  // namespace liftlint
