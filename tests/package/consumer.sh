#!/usr/bin/env bash
# The program of docs/embedding.md, built as a user would build it and run.
#   consumer.sh install BUILD_DIR SOURCE_DIR      against `cmake --install`, with find_package
#   consumer.sh pkg-config BUILD_DIR SOURCE_DIR   against the same tree, with pkg-config and g++
#   consumer.sh subdirectory BUILD_DIR SOURCE_DIR with liftlint as a subdirectory of the program
#   consumer.sh deb BUILD_DIR SOURCE_DIR          the Debian package: built, unpacked, its binary run
set -euo pipefail
mode=$1 build=$(realpath "$2") src=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The doc's code blocks: the C++ program and its CMakeLists.txt.
extract() {
  awk -v lang="$1" '$0 == "```" lang { inside = 1; next } inside && $0 == "```" { exit } inside { print }' \
      "$src/docs/embedding.md"
}
mkdir -p "$work/app"
extract cpp > "$work/app/main.cpp"
extract cmake > "$work/app/CMakeLists.txt"
[ -s "$work/app/main.cpp" ] && [ -s "$work/app/CMakeLists.txt" ] || { echo "no program in docs/embedding.md"; exit 1; }

# The program's SARIF has the clinic's finding for each of its eight plans, and it exits 1.
check_run() {
  local code=0
  "$@" > "$work/out.sarif" || code=$?
  [ "$code" -eq 1 ] || { echo "the program exited $code, expected 1"; exit 1; }
  python3 - "$work/out.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
clinic = [r for r in results if r["ruleId"] == "clinic.no-deadlift"]
assert len(clinic) == 8, f"{len(clinic)} clinic findings, expected 8"
print(f"{len(results)} results, 8 from the clinic's rule")
PY
}

install_tree() {
  cmake --install "$build" --prefix "$work/prefix" > /dev/null
}

case $mode in
  install)
    install_tree
    for f in bin/liftlint include/liftlint/liftlint.hpp lib/libliftlint.a lib/libliftlint.so \
             lib/cmake/liftlint/liftlintConfig.cmake lib/pkgconfig/liftlint.pc share/man/man1/liftlint.1 \
             share/bash-completion/completions/liftlint share/zsh/vendor-completions/_liftlint \
             share/fish/vendor_completions.d/liftlint.fish; do
      [ -e "$work/prefix/$f" ] || { echo "not installed: $f"; exit 1; }
    done
    cmake -S "$work/app" -B "$work/app/build" -DCMAKE_PREFIX_PATH="$work/prefix" > /dev/null
    cmake --build "$work/app/build" > /dev/null
    check_run env LD_LIBRARY_PATH="$work/prefix/lib" "$work/app/build/clinic_checks"
    # The same program linked with the static library: no libliftlint.so at run time.
    sed -i 's/liftlint::liftlint)/liftlint::liftlint_static)/' "$work/app/CMakeLists.txt"
    cmake -S "$work/app" -B "$work/app/static" -DCMAKE_PREFIX_PATH="$work/prefix" > /dev/null
    cmake --build "$work/app/static" > /dev/null
    if ldd "$work/app/static/clinic_checks" | grep -q liftlint; then echo "the static build links libliftlint.so"; exit 1; fi
    check_run "$work/app/static/clinic_checks"
    ;;
  pkg-config)
    install_tree
    # The .pc file names the prefix it was configured with; the tree is installed elsewhere here.
    flags=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --define-prefix --cflags --libs liftlint)
    # shellcheck disable=SC2086
    g++ "$work/app/main.cpp" $flags -o "$work/app/clinic_checks"
    check_run env LD_LIBRARY_PATH="$work/prefix/lib" "$work/app/clinic_checks"
    ;;
  subdirectory)
    ln -s "$src" "$work/app/liftlint"
    sed -i 's/^find_package(liftlint.*/add_subdirectory(liftlint)/' "$work/app/CMakeLists.txt"
    cmake -S "$work/app" -B "$work/app/build" -DCMAKE_BUILD_TYPE=Debug > /dev/null
    cmake --build "$work/app/build" -j2 --target clinic_checks > /dev/null
    check_run "$work/app/build/clinic_checks"
    ;;
  deb)
    (cd "$build" && cpack -G DEB -B "$work/deb" > /dev/null)
    deb=$(ls "$work"/deb/liftlint_*.deb)
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "Depends: $depends"
    # fmt is compiled into the command line and the shared library, which still need the C++ runtime
    case $depends in *libfmt*) echo "the package depends on libfmt, which is compiled in"; exit 1 ;; esac
    case $depends in *libstdc++6*) ;; *) echo "the package does not depend on libstdc++6"; exit 1 ;; esac
    dpkg-deb -x "$deb" "$work/root"
    for f in usr/bin/liftlint usr/share/man/man1/liftlint.1 usr/include/liftlint/liftlint.hpp; do
      [ -e "$work/root/$f" ] || { echo "not in the package: $f"; exit 1; }
    done
    code=0
    "$work/root/usr/bin/liftlint" check "$src/examples/flawed-rest.plan" > "$work/out.txt" || code=$?
    [ "$code" -eq 1 ] || { echo "the packaged liftlint exited $code, expected 1"; exit 1; }
    grep -q "error\[bp.rest-between-strength\]" "$work/out.txt" || { echo "no finding from the packaged liftlint"; exit 1; }
    echo "$(basename "$deb"): installs and runs"
    ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
