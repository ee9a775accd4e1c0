#!/usr/bin/env bash
# Install the Debian packages tracuu needs, if any is missing.
# Usage: scripts/deps.sh [build|run|test]   (default: test = everything)
set -euo pipefail
what=${1:-test}

build_pkgs=(build-essential cmake pkg-config libxapian-dev libutf8proc-dev
            libmagic-dev libzip-dev libxml2-dev libfcgi-dev libarchive-dev
            libgmime-3.0-dev libgsf-1-dev xapian-tools
            dpkg-dev man-db)   # dpkg-shlibdeps for the .deb; man for the man pages
# Helpers the extractors run (PDF, Word, RTF, OCR).
helper_pkgs=(poppler-utils antiword catdoc tesseract-ocr tesseract-ocr-vie libmagic-mgc)
run_pkgs=(lighttpd)
test_pkgs=(valgrind python3 zip unzip curl wrk chromium chromium-driver
           fonts-dejavu-core util-linux openssl
           clang libclang-rt-dev          # clang + libFuzzer: scripts/fuzz.sh
           apache2 nginx-light fcgiwrap   # the web-server snippets, tested
           debootstrap)                   # scripts/check-deb.sh (not in CI)

pkgs=("${build_pkgs[@]}" "${helper_pkgs[@]}")
case "$what" in
  build) ;;
  run) pkgs+=("${run_pkgs[@]}") ;;
  test) pkgs+=("${run_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 [build|run|test]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# Say what comes before the long, silent step.
echo "scripts/deps.sh: ${#missing[@]} Debian package(s) to install:" >&2
echo "${missing[*]}" | fmt -w 74 | sed 's/^/    /' >&2
log=$(mktemp "${TMPDIR:-/tmp}/tracuu-deps.XXXXXX")
echo "scripts/deps.sh: apt-get update, then apt-get install (a few minutes on a" >&2
echo "  fresh machine; apt's own output: $log)..." >&2
start=$SECONDS
$sudo apt-get update -qq >$log 2>&1 ||
  { tail -5 $log >&2; exit 1; }
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" \
     >>$log 2>&1; then
  echo "scripts/deps.sh: apt-get install failed; the end of $log:" >&2
  tail -15 $log >&2
  exit 1
fi
echo "scripts/deps.sh: installed in $((SECONDS - start)) s" >&2
