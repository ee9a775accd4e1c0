#!/usr/bin/env bash
# The layout of lib/ (docs/design.md section 2): one folder per step, no
# include of a higher step, no include cycle, each library in one folder,
# and every file of lib/ named in HACKING.md's module map.
source "$(dirname "$0")/lib.sh" "$@"
check="$SRC/tests/tools/check_layout.py"

out=$(python3 "$check" "$SRC" 2>&1); rc=$?
expect_eq "layout of the tree: exit" "$rc" 0
expect_contains "layout of the tree" "$out" "0 problem(s)"
[ "$rc" -eq 0 ] || echo "$out"

# The checker catches what it should: a synthetic tree with one of each fault.
t=$SCRATCH/tree
mkdir -p "$t/lib/knowledge" "$t/lib/text" "$t/lib/misc"
printf '#include "knowledge/tu_b.h"\n' > "$t/lib/knowledge/a.c"
printf '#include "knowledge/tu_a.h"\n' > "$t/lib/knowledge/b.c"
printf 'int a;\n' > "$t/lib/knowledge/tu_a.h"
printf 'int b;\n' > "$t/lib/knowledge/tu_b.h"
printf '#include "knowledge/tu_a.h"\n#include <xapian.h>\n' > "$t/lib/text/up.c"
printf '#include <xapian.h>\n' > "$t/lib/knowledge/x.c"
printf 'int m;\n' > "$t/lib/misc/m.c"
out=$(python3 "$check" "$t" 2>&1); rc=$?
expect_eq "bad tree: exit" "$rc" 1
expect_contains "cycle found" "$out" "include cycle between modules: knowledge/a <-> knowledge/b"
expect_contains "upward include found" "$out" "lib/text/up.c:1: text/ includes knowledge/tu_a.h of the higher step knowledge/"
expect_contains "library in two folders" "$out" "Xapian is used in 2 step folders"
expect_contains "file outside the steps" "$out" "lib/misc/m.c: not in a step folder"

# HACKING.md's module map names every file of lib/ (by its path under lib/).
missing=""
while IFS= read -r f; do
  rel=${f#"$SRC"/lib/}
  grep -qF "$rel" "$SRC/HACKING.md" || missing="$missing $rel"
done < <(find "$SRC/lib" -type f \( -name '*.c' -o -name '*.cc' -o -name '*.h' \) | sort)
expect_eq "files of lib/ missing from HACKING.md's module map" "$missing" ""
finish
