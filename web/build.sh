#!/usr/bin/env bash
# Builds the WebAssembly module and the playground with Debian's Emscripten (apt-get install emscripten):
#   web/build.sh [BUILD_DIR]       default: build-wasm
# The page is then BUILD_DIR/web/index.html: open it from disk or serve the folder from any static host.
# BUILD_DIR/web/liftlint.js is also the module for Node.js (docs/javascript.md).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build-wasm}
command -v emcmake >/dev/null || { echo "web/build.sh: Emscripten is not installed (apt-get install emscripten)" >&2; exit 77; }
# Emscripten keeps its compiled system libraries in a cache; Debian's is read-only for other users.
if [ ! -w /usr/share/emscripten/cache ]; then
  export EM_CACHE=${EM_CACHE:-$HOME/.cache/emscripten}
fi
emcmake cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j2 --target liftlint_wasm
echo "the playground: $build_dir/web/index.html"
