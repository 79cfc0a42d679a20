# The library is built phase by phase, in the order data flows: support, grammar, json, rules, plan,
# eval, report, api, authoring, then the command line. Each phase is an object library whose include
# path holds only the phases it may use (a tree of links made here), so that a header of a later phase,
# or of a phase it has no business with, is not found: an edge against the flow does not build.

set(LIFTLINT_PHASE_ROOT ${PROJECT_BINARY_DIR}/phases)

# A link in a phase's include tree to a directory or file of the source tree.
function(liftlint_phase_link tree name target)
  get_filename_component(parent ${tree}/${name} DIRECTORY)
  file(MAKE_DIRECTORY ${parent})
  if(NOT EXISTS ${tree}/${name})
    file(CREATE_LINK ${target} ${tree}/${name} SYMBOLIC)
  endif()
endfunction()

# liftlint_phase(NAME SOURCES files... USES phases... [PUBLIC_API] [EXECUTABLE_ONLY])
#   USES lists every phase whose headers the phase includes, directly or through other headers.
#   PUBLIC_API lets the phase include the public headers of include/liftlint; without it, only the
#   dependency-free liftlint/kinds.hpp. EXECUTABLE_ONLY: the phase is not part of the library.
function(liftlint_phase name)
  cmake_parse_arguments(PHASE "PUBLIC_API;EXECUTABLE_ONLY" "" "SOURCES;USES" ${ARGN})
  set(tree ${LIFTLINT_PHASE_ROOT}/${name})
  foreach(phase IN LISTS PHASE_USES ITEMS ${name})
    if(phase STREQUAL "grammar")
      liftlint_phase_link(${tree} grammar ${PROJECT_SOURCE_DIR}/grammar)
    else()
      liftlint_phase_link(${tree} ${phase} ${PROJECT_SOURCE_DIR}/src/${phase})
    endif()
  endforeach()
  if(PHASE_PUBLIC_API)
    liftlint_phase_link(${tree} liftlint ${PROJECT_SOURCE_DIR}/include/liftlint)
  else()
    liftlint_phase_link(${tree} liftlint/kinds.hpp ${PROJECT_SOURCE_DIR}/include/liftlint/kinds.hpp)
  endif()
  # Position-independent code costs the checks up to a fifth of their speed on long plans, so the
  # static library and the command line get code of their own; the shared library, when built, is
  # compiled once more as position-independent code.
  set(targets liftlint_phase_${name})
  if(LIFTLINT_SHARED AND NOT PHASE_EXECUTABLE_ONLY)
    list(APPEND targets liftlint_phase_${name}_pic)
  endif()
  foreach(target IN LISTS targets)
    add_library(${target} OBJECT ${PHASE_SOURCES})
    target_include_directories(${target} PRIVATE ${tree})
    target_link_libraries(${target} PRIVATE liftlint_fmt taocpp::pegtl nlohmann_json::nlohmann_json)
    target_compile_features(${target} PRIVATE cxx_std_20)
    target_compile_definitions(${target} PRIVATE LIFTLINT_VERSION="${PROJECT_VERSION}")
  endforeach()
  if(LIFTLINT_SHARED AND NOT PHASE_EXECUTABLE_ONLY)
    set_target_properties(liftlint_phase_${name}_pic PROPERTIES POSITION_INDEPENDENT_CODE ON)
  endif()
  if(NOT PHASE_EXECUTABLE_ONLY)
    set_property(GLOBAL APPEND PROPERTY LIFTLINT_PHASES ${name})
  endif()
endfunction()
