# The command line linked statically, as a position-independent executable: a check of a one-week plan is
# then no longer dominated by the dynamic loader finding and relocating the C++ runtime. Position-independent,
# because a static executable of the other kind registers its unwinding tables at start-up, and the first
# exception (`--version`, a refused number) then sorts them all, which costs more than the loader saved.
# Sanitizers need the dynamic runtime; a machine without the static C library keeps the dynamic link.
if(NOT LIFTLINT_STATIC_CLI OR LIFTLINT_SANITIZE OR LIFTLINT_TSAN OR LIFTLINT_FUZZ OR EMSCRIPTEN)
  return()
endif()
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_LINK_OPTIONS -static-pie -pthread)
check_cxx_source_compiles("#include <thread>\nint main() { std::thread t([] {}); t.join(); }" LIFTLINT_CAN_LINK_STATIC_PIE)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(LIFTLINT_CAN_LINK_STATIC_PIE)
  target_link_options(liftlint PRIVATE -static-pie)
  # Relative relocations packed as bitmaps: start-up reads a few hundred bytes instead of 140 kB of them.
  include(CheckLinkerFlag)
  check_linker_flag(CXX -Wl,-z,pack-relative-relocs LIFTLINT_CAN_PACK_RELOCS)
  if(LIFTLINT_CAN_PACK_RELOCS)
    target_link_options(liftlint PRIVATE -Wl,-z,pack-relative-relocs)
  endif()
else()
  message(STATUS "liftlint: the command line is linked dynamically (no static position-independent C library)")
endif()
