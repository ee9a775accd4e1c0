#!/usr/bin/env bash
# Install the Debian packages tracuu needs, if any is missing.
# Usage: scripts/deps.sh [build|run|test]   (default: test = everything)
set -euo pipefail
what=${1:-test}

build_pkgs=(build-essential cmake pkg-config libxapian-dev libutf8proc-dev
            libmagic-dev libzip-dev libxml2-dev xapian-tools)
# Helpers the extractors run (PDF, Word, RTF, OCR).
helper_pkgs=(poppler-utils antiword catdoc tesseract-ocr tesseract-ocr-vie libmagic-mgc)
run_pkgs=(lighttpd)
test_pkgs=(valgrind python3 zip unzip curl wrk chromium chromium-driver
           fonts-dejavu-core util-linux openssl
           clang libclang-rt-dev)   # clang + libFuzzer: scripts/fuzz.sh

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

echo "scripts/deps.sh: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
