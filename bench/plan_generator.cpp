#include "plan_generator.hpp"

#include <fmt/format.h>

#include <array>

namespace liftlint::bench {
namespace {

constexpr std::array<const char*, 8> lower = {"goblet squat", "romanian deadlift", "split squat",       "step-up",
                                              "glute bridge", "leg press",         "trap-bar deadlift", "hip thrust"};
constexpr std::array<const char*, 6> upper = {"chest-supported row", "seated dumbbell press", "face pull",
                                              "lat pulldown",        "dumbbell bench press",  "seated cable row"};
constexpr std::array<const char*, 5> core = {"bird-dog", "dead bug", "side plank", "pallof press", "plank"};

std::string session(const char* day, unsigned seed, int week) {
  const double load = 6 + (seed % 5) + week * 0.5;
  return fmt::format(
      "  {} strength 35min {{\n"
      "    warmup 5min {{ cat-cow x10; glute band walk x20 steps; hip hinge drill x10 }}\n"
      "    {} 3x10 @ {}kg tempo 3-1-2\n"
      "    {} 3 × 10 each side\n"
      "    {} 3x8-12 @ {}kg\n"
      "    {} 3 × 20-30 s each side\n"
      "    cooldown {{ hip flexor stretch 30-40s; hamstring stretch 30-40s }}\n"
      "  }}\n",
      day, lower[seed % lower.size()], load, core[seed % core.size()], upper[(seed / 3) % upper.size()], load - 2,
      core[(seed + 2) % core.size()]);
}

std::string flawed(std::string plan) {
  for (std::size_t at = plan.find("    cooldown"); at != std::string::npos; at = plan.find("    cooldown", at)) {
    plan.insert(at, "    crunch 3x20\n    barbell deadlift 3x5 @ 100kg\n");
    at = plan.find('\n', at + 64);
  }
  for (std::size_t at = plan.find("  tue rest\n"); at != std::string::npos; at = plan.find("  tue rest\n", at)) {
    plan.replace(at, 11, "  tue strength 30min { back squat 5x5 @ 80kg; sit-up 3x20 }\n");
  }
  return plan;
}

}  // namespace

std::string generate_flawed_plan(int weeks, unsigned seed) { return flawed(generate_plan(weeks, seed)); }

std::string generate_plan(int weeks, unsigned seed) {
  std::string out = fmt::format(
      "plan \"Synthetic plan {}\"\n\nclient {{\n  conditions chronic_low_back_pain\n  cleared yes by \"GP\" on "
      "2026-10-02\n  experience intermediate\n}}\n\n",
      seed);
  for (int w = 1; w <= weeks; ++w) {
    out += fmt::format("week {} {{\n", w);
    out += session("mon", seed + static_cast<unsigned>(w), w);
    out += "  tue rest\n  wed mobility 20min { cat-cow x10; hip swing x10 each side }\n";
    out += session("thu", seed + 7 * static_cast<unsigned>(w), w);
    out += "}\n";
  }
  return out;
}

}  // namespace liftlint::bench
