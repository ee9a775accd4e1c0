#!/usr/bin/env bash
# As curl does: calls that invite overflows or silent errors are banned from
# the code (use snprintf, memcpy with checked sizes, strtol with checks).
source "$(dirname "$0")/lib.sh" "$@"
hits=$(grep -rnE '\b(strcpy|strcat|sprintf|vsprintf|atoi|atol|atof|gets|strtok)[[:space:]]*\(' \
         "$SRC/lib" "$SRC/indexer" "$SRC/search" "$SRC/bench" "$SRC/tests/unit" "$SRC/tests/tools" \
         --include='*.c' --include='*.cc' --include='*.h' | grep -vE '\b(snprintf|vsnprintf)\b' || true)
expect_eq "banned calls" "$hits" ""
finish
