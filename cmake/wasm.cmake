# Building with Emscripten (emcmake cmake): the library and the WebAssembly module for the browser and
# Node.js. The header-only libraries come from the host's packages through a tree of links holding only
# them, so that the host's C library headers never mix with Emscripten's; fmt is used header-only.
set(LIFTLINT_BUILD_TESTS OFF)
set(LIFTLINT_BUILD_BENCH OFF)
set(LIFTLINT_SHARED OFF)
set(LIFTLINT_INSTALL OFF)

set(liftlint_host_headers ${PROJECT_BINARY_DIR}/host-headers)
foreach(header tao/pegtl.hpp fmt/format.h nlohmann/json.hpp dtl/dtl.hpp)
  get_filename_component(dir ${header} DIRECTORY)
  find_path(liftlint_${dir}_parent ${header} PATHS /usr/include /usr/local/include NO_DEFAULT_PATH
            NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  file(MAKE_DIRECTORY ${liftlint_host_headers})
  if(NOT EXISTS ${liftlint_host_headers}/${dir})
    file(CREATE_LINK ${liftlint_${dir}_parent}/${dir} ${liftlint_host_headers}/${dir} SYMBOLIC)
  endif()
endforeach()

add_library(taocpp::pegtl INTERFACE IMPORTED)
set_target_properties(taocpp::pegtl PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${liftlint_host_headers})
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${liftlint_host_headers})
add_library(fmt::fmt INTERFACE IMPORTED)
set_target_properties(fmt::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${liftlint_host_headers}
                                          INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
add_library(liftlint_fmt INTERFACE)
target_link_libraries(liftlint_fmt INTERFACE fmt::fmt)
# The module runs on the page's one thread: threads would need cross-origin isolation, which a page
# opened from disk cannot have. Engine::check_batch is not used there.
add_library(Threads::Threads INTERFACE IMPORTED)
set(DTL_INCLUDE_DIR ${liftlint_host_headers})
# The library reports resource limits and bad numbers by catching exceptions inside; Emscripten
# leaves catching off unless asked.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)
# Node.js runs the WebAssembly pack compiler at build time. Emscripten's own emulator setting adds an
# option that newer Node.js versions refuse.
find_program(LIFTLINT_NODE NAMES node nodejs NO_CMAKE_FIND_ROOT_PATH REQUIRED)
# Emscripten's linker runs its JavaScript optimizer with Debian's node-acorn, which a Node.js from
# elsewhere (such as NodeSource's) does not look for.
if(EXISTS /usr/share/nodejs/acorn)
  set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
endif()
