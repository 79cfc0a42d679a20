# What `cmake --install` puts where, and the Debian package cpack makes of it.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS liftlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The rules' pages, which editors link each finding to (liftlint lsp)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/rules DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(TARGETS liftlint_core liftlint_shared EXPORT liftlintTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/liftlint DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(LIFTLINT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/liftlint)
install(EXPORT liftlintTargets NAMESPACE liftlint:: DESTINATION ${LIFTLINT_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/liftlintConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/liftlintConfig.cmake INSTALL_DESTINATION ${LIFTLINT_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/liftlintConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/liftlintConfig.cmake ${PROJECT_BINARY_DIR}/liftlintConfigVersion.cmake
        DESTINATION ${LIFTLINT_CMAKE_DIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/liftlint.pc.in ${PROJECT_BINARY_DIR}/liftlint.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/liftlint.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# Shell completions and the man page, made by the built liftlint from its own command-line definition.
set(LIFTLINT_SHARE ${PROJECT_BINARY_DIR}/share)
add_custom_command(
  OUTPUT ${LIFTLINT_SHARE}/liftlint.bash ${LIFTLINT_SHARE}/_liftlint ${LIFTLINT_SHARE}/liftlint.fish
  COMMAND ${CMAKE_COMMAND} -E make_directory ${LIFTLINT_SHARE}
  COMMAND liftlint completions bash > ${LIFTLINT_SHARE}/liftlint.bash
  COMMAND liftlint completions zsh > ${LIFTLINT_SHARE}/_liftlint
  COMMAND liftlint completions fish > ${LIFTLINT_SHARE}/liftlint.fish
  DEPENDS liftlint
  COMMENT "Writing shell completions")
set(LIFTLINT_SHARE_FILES ${LIFTLINT_SHARE}/liftlint.bash ${LIFTLINT_SHARE}/_liftlint ${LIFTLINT_SHARE}/liftlint.fish)
install(FILES ${LIFTLINT_SHARE}/liftlint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME liftlint)
install(FILES ${LIFTLINT_SHARE}/_liftlint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${LIFTLINT_SHARE}/liftlint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${LIFTLINT_SHARE}/liftlint.1
    COMMAND ${CMAKE_COMMAND} -DLIFTLINT=$<TARGET_FILE:liftlint> -DOUT=${LIFTLINT_SHARE}/liftlint.1
            -DHELP2MAN=${HELP2MAN} -P ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
    DEPENDS liftlint ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
    COMMENT "Writing the man page")
  list(APPEND LIFTLINT_SHARE_FILES ${LIFTLINT_SHARE}/liftlint.1)
  install(FILES ${LIFTLINT_SHARE}/liftlint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: the man page is not made (apt-get install help2man)")
endif()
add_custom_target(liftlint_share ALL DEPENDS ${LIFTLINT_SHARE_FILES})

set(CPACK_PACKAGE_NAME liftlint)
set(CPACK_PACKAGE_VENDOR "liftlint")
set(CPACK_PACKAGE_CONTACT "liftlint maintainers <maintainers@liftlint.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "liftlint type-checks exercise guideline rule files, checks workout plans against them and reports every "
    "violation with its place in the plan, the rule and the source behind it. It ships the command-line tool, "
    "its C++ library (static and shared, with headers, a CMake package and a pkg-config file), a man page and "
    "shell completions.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# The dependencies of the binary and the shared library, as dpkg-shlibdeps finds them (the C++ runtime of the
# shared library; the command line is static and fmt is compiled into both).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libfmt-dev")
include(CPack)
