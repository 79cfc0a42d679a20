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

# liftlint_phase(NAME SOURCES files... USES phases... [PUBLIC_API])
#   USES lists every phase whose headers the phase includes, directly or through other headers.
#   PUBLIC_API lets the phase include the public headers of include/liftlint; without it, only the
#   dependency-free liftlint/kinds.hpp.
function(liftlint_phase name)
  cmake_parse_arguments(PHASE "PUBLIC_API" "" "SOURCES;USES" ${ARGN})
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
  add_library(liftlint_phase_${name} OBJECT ${PHASE_SOURCES})
  target_include_directories(liftlint_phase_${name} PRIVATE ${tree})
  target_link_libraries(liftlint_phase_${name} PRIVATE fmt::fmt taocpp::pegtl nlohmann_json::nlohmann_json)
  set_target_properties(liftlint_phase_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_compile_features(liftlint_phase_${name} PRIVATE cxx_std_20)
  target_compile_definitions(liftlint_phase_${name} PRIVATE LIFTLINT_VERSION="${PROJECT_VERSION}")
  set_property(GLOBAL APPEND PROPERTY LIFTLINT_PHASES ${name})
endfunction()
