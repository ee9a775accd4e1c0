#!/usr/bin/env bash
# cmake --install into a temporary root (DESTDIR), then, with the build and
# source trees hidden (empty folders mounted over them in a private mount
# namespace), run the installed tracuu-index, tracuu-search and tracuu.cgi
# and a third-party C program built with `pkg-config --cflags --libs tracuu`.
source "$(dirname "$0")/lib.sh" "$@"
BUILD=$(cd "$BIN/.." && pwd)
command -v unshare >/dev/null || { echo "SKIP: unshare (util-linux) missing"; exit 77; }
command -v cc >/dev/null || { echo "SKIP: no C compiler"; exit 77; }
unshare -rm true 2>/dev/null || unshare -m true 2>/dev/null ||
  { echo "SKIP: no mount namespaces here"; exit 77; }
D=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-install.XXXXXX")
trap 'rm -rf "$D"' EXIT
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$BUILD/CMakeCache.txt")
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$BUILD/CMakeCache.txt")
R=$D/root$prefix
out=$(DESTDIR=$D/root cmake --install "$BUILD" 2>&1); expect_eq "cmake --install" "$?" 0
expect_contains "install says what it does" "$out" "Installing: $D/root$prefix/bin/tracuu-index"
for f in bin/tracuu-index bin/tracuu-search lib/cgi-bin/tracuu.cgi \
         "$libdir/libtracuu.so" "$libdir/pkgconfig/tracuu.pc" \
         include/tracuu/search.h include/tracuu/config.h \
         share/man/man1/tracuu-index.1 share/man/man5/tracuu.conf.5 \
         share/tracuu/abbreviations.tsv etc/tracuu.conf \
         etc/apache2/conf-available/tracuu.conf \
         etc/lighttpd/conf-available/50-tracuu.conf etc/nginx/snippets/tracuu.conf \
         lib/systemd/system/tracuu-index-watch.service; do
  [ -e "$R/$f" ] && ok || fail "not installed: $prefix/$f"
done
soname=$(readelf -d "$R/$libdir/libtracuu.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
expect_eq "SONAME" "$soname" "libtracuu.so.0"
[ -f "$R/$libdir/libtracuu.so.0" ] && ok || fail "no libtracuu.so.0"
# no path of the build or source tree left in what was installed
# (AddressSanitizer keeps the full source names of its modules: a
# sanitized build is checked for everything else)
if readelf -d "$R/$libdir/libtracuu.so" | grep -q libasan; then
  leaks=$(grep -rlaF -e "$BUILD" -e "$SRC" "$R" | grep -v -e '/bin/' -e '/cgi-bin/' -e 'libtracuu.so')
else
  leaks=$(grep -rlaF -e "$BUILD" -e "$SRC" "$R")
fi
expect_eq "no build or source path installed" "$leaks" ""
# man pages format cleanly (the \.doc line was swallowed by troff)
if command -v man >/dev/null; then
  page=$(MANWIDTH=80 man -l "$R/share/man/man1/tracuu-index.1" 2>&1 | tr -s ' \n' ' ')
  expect_contains "man page keeps .doc" "$page" "PDF, Word .doc, RTF"
  page=$(MANWIDTH=80 man -l "$R/share/man/man5/tracuu.conf.5" 2>&1 | tr -s ' \n' ' ')
  expect_contains "tracuu.conf(5)" "$page" "key = value"
fi

# the third-party program, built against the installed copy only
cflags=$(PKG_CONFIG_SYSROOT_DIR=$D/root PKG_CONFIG_PATH=$R/$libdir/pkgconfig \
         pkg-config --cflags --libs tracuu); expect_eq "pkg-config" "$?" 0
expect_contains "pkg-config -I" "$cflags" "-I$R/include"
san=""
readelf -d "$R/$libdir/libtracuu.so" | grep -q 'libasan' && san="-fsanitize=address,undefined"
cp "$SRC/tests/integration/install/thirdparty.c" "$D/"
(cd "$D" && cc -Wall -Wextra -Werror $san thirdparty.c $cflags -o thirdparty) 2>"$D/cc.err"
expect_eq "third-party program builds" "$?" 0
cat "$D/cc.err" >&2

mkdir -p "$D/docs" "$D/empty"
printf 'Nghị quyết về công tác dân vận\nPhát huy mô hình dân vận khéo ở cơ sở.\n' > "$D/docs/mot.txt"
printf 'Báo cáo tổng kết\nPhong trào thi đua yêu nước.\n' > "$D/docs/hai.txt"
printf 'db = %s\nroot = %s\n' "$D/db" "$D/docs" > "$D/tracuu.conf"
# inside the namespace: hide the trees, run the installed programs only
cat > "$D/run.sh" <<RUN
set -u
mount -t tmpfs none "$BUILD" && mount -t tmpfs none "$SRC" || exit 99
[ ! -e "$BUILD/CMakeCache.txt" ] || exit 98
export PATH=$R/bin:/usr/bin:/bin TRACUU_CONF=$D/tracuu.conf
unset TRACUU_DB
tracuu-index 2>&1; echo "index=\$?"
tracuu-search --json dân vận khéo | python3 -c 'import json,sys; d=json.load(sys.stdin); print("search", d["total"], d["results"][0]["path"])'
REQUEST_METHOD=GET QUERY_STRING='q=thi+dua' $R/lib/cgi-bin/tracuu.cgi | grep -c 'hai.txt' | sed 's/^/cgi /'
LD_LIBRARY_PATH=$R/$libdir $D/thirdparty $D/db "dan van"
RUN
out=$(unshare -rm bash "$D/run.sh" 2>&1 || unshare -m bash "$D/run.sh" 2>&1)
echo "$out"
expect_contains "trees hidden" "$out" "index="
expect_contains "installed index" "$out" "indexed 2, unchanged 0, removed 0, failed 0"
expect_contains "index exit 0" "$out" "index=0"
expect_contains "installed search" "$out" "search 1 $D/docs/mot.txt"
expect_contains "installed cgi" "$out" "cgi 1"
expect_contains "third-party search" "$out" "total 1"
expect_contains "third-party first" "$out" "first $D/docs/mot.txt"
expect_contains "third-party config header" "$out" "default config /etc/tracuu.conf"
finish
