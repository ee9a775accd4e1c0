#!/usr/bin/env bash
# Build the Debian package: a Release build installed under /usr, packed by
# CPack's DEB generator (dependencies from dpkg-shlibdeps).
# Usage: scripts/build-deb.sh [BUILDDIR]   (default build-deb/)
# Prints the path of the .deb on its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-deb}
command -v dpkg-shlibdeps >/dev/null ||
  { echo "build-deb.sh: dpkg-shlibdeps missing (apt-get install dpkg-dev)" >&2; exit 2; }
log=$build/build.log
mkdir -p "$build"
echo "build-deb.sh: configuring and building in $build (log: $log)" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_INSTALL_PREFIX=/usr >"$log" 2>&1 ||
  { tail -20 "$log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" --target tracuu-index tracuu-search tracuu.cgi \
      tracuu_shared >>"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
rm -f "$build"/tracuu_*.deb
(cd "$build" && cpack -G DEB >>"$log" 2>&1) || { tail -30 "$log" >&2; exit 1; }
deb=$(ls "$build"/tracuu_*.deb)
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends >&2
echo "$deb"
