#!/usr/bin/env bash
# The one configuration file: every program reads it (--config FILE or
# $TRACUU_CONF); command-line options and $TRACUU_DB override it; bad lines
# are named with file and line; exclude patterns; root lines.
source "$(dirname "$0")/lib.sh" "$@"
unset TRACUU_DB
A="$SCRATCH/a"; B="$SCRATCH/b c"
mkdir -p "$A/Thùng rác" "$A/tam" "$B"
printf 'Báo cáo một\nchữ motmot trong thư mục A.\n' > "$A/mot.txt"
printf 'Nháp\nchữ nhapnhap.\n' > "$A/nhap.tmp"
printf 'Rác\nchữ racrac.\n' > "$A/Thùng rác/rac.txt"
printf 'Tạm\nchữ tamtam.\n' > "$A/tam/tam.txt"
printf 'Báo cáo hai\nchữ haihai trong thư mục B.\n' > "$B/hai.txt"
C="$SCRATCH/tracuu.conf"
cat > "$C" <<CONF
# tracuu settings
db = $SCRATCH/db
root = $A
root = $B
exclude = *.tmp
exclude = Thùng rác
exclude = $A/tam
max_size_mb = 5
jobs = 2
CONF

out=$("$BIN/tracuu-index" --config "$C" 2>&1); expect_eq "index from config" "$?" 0
expect_contains "both roots, excluded left out" "$out" "indexed 2, unchanged 0, removed 0, failed 0"
[ -d "$SCRATCH/db" ] && ok || fail "db from config not created"
n=$("$BIN/tracuu-search" --config "$C" --json motmot | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
expect_eq "search reads db from --config" "$n" 1
n=$(TRACUU_CONF="$C" "$BIN/tracuu-search" --json haihai | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
expect_eq "search reads \$TRACUU_CONF" "$n" 1
for w in nhapnhap racrac tamtam; do
  n=$("$BIN/tracuu-search" --config "$C" --json $w | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  expect_eq "excluded $w not indexed" "$n" 0
done

# the command line wins: PATH over root lines, --db over db
out=$("$BIN/tracuu-index" --config "$C" --db "$SCRATCH/db2" "$B" 2>&1)
expect_contains "PATH and --db override" "$out" "indexed 1, unchanged 0"
n=$("$BIN/tracuu-search" --db "$SCRATCH/db2" --json motmot | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
expect_eq "only the PATH given" "$n" 0
out=$(TRACUU_DB="$SCRATCH/db2" "$BIN/tracuu-index" --config "$C" 2>&1)
expect_contains "\$TRACUU_DB over db" "$out" "indexed 1, unchanged 1"

# the CGI reads the same file
out=$(TRACUU_CONF="$C" REQUEST_METHOD=GET QUERY_STRING='q=motmot' "$BIN/tracuu.cgi")
expect_contains "cgi finds db through the config" "$out" "mot.txt"

# errors name the file and line, exit 2
printf 'db = %s\nroot %s\n' "$SCRATCH/db" "$A" > "$SCRATCH/bad.conf"
out=$("$BIN/tracuu-index" --config "$SCRATCH/bad.conf" 2>&1); expect_eq "bad line exit" "$?" 2
expect_contains "bad line named" "$out" "bad.conf:2: 'root $A' is not a setting"
printf 'jobs = many\n' > "$SCRATCH/bad2.conf"
out=$("$BIN/tracuu-index" --config "$SCRATCH/bad2.conf" "$A" 2>&1); expect_eq "bad value exit" "$?" 2
expect_contains "bad value named" "$out" "bad2.conf:1: jobs: 'many' is not a whole number"
out=$("$BIN/tracuu-index" --config "$SCRATCH/none.conf" "$A" 2>&1); expect_eq "missing --config" "$?" 2
expect_contains "missing named" "$out" "none.conf: No such file"
out=$("$BIN/tracuu-search" --config "$SCRATCH/none.conf" x 2>&1); expect_eq "search missing --config" "$?" 2
printf 'db = %s\nroots = %s\n' "$SCRATCH/db" "$A" > "$SCRATCH/typo.conf"
out=$("$BIN/tracuu-index" --config "$SCRATCH/typo.conf" "$A" 2>&1)
expect_contains "unknown key warned" "$out" "typo.conf:2: unknown key 'roots' (ignored)"
printf 'db = %s\n' "$SCRATCH/db3" > "$SCRATCH/noroot.conf"
out=$("$BIN/tracuu-index" --config "$SCRATCH/noroot.conf" 2>&1); expect_eq "no root exit" "$?" 2
expect_contains "no root said" "$out" "no \"root =\" line in $SCRATCH/noroot.conf"
finish
