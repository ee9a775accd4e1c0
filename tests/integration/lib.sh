# Shared helpers for the integration tests (sourced).
# Usage in a test: source "$(dirname "$0")/lib.sh" "$@"
set -u
BIN=$1
SRC=$2
SCRATCH=$3
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
export TRACUU_DB="$SCRATCH/db"
# never the machine's /etc/tracuu.conf: a test that wants one names it
export TRACUU_CONF=/dev/null
FAILS=0
CHECKS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { CHECKS=$((CHECKS + 1)); }

# expect_eq WHAT GOT WANT
expect_eq() {
  if [ "$2" == "$3" ]; then ok; else fail "$1: got [$2], want [$3]"; fi
}
# expect_contains WHAT HAYSTACK NEEDLE
expect_contains() {
  case "$2" in *"$3"*) ok ;; *) fail "$1: [$3] not in output: ${2:0:400}" ;; esac
}
expect_not_contains() {
  case "$2" in *"$3"*) fail "$1: [$3] unexpectedly in output: ${2:0:400}" ;; *) ok ;; esac
}

# paths NAMES: the basenames of the results of a JSON search, in rank order
search_names() {
  "$BIN/tracuu-search" --json --limit 100 "$@" |
    python3 -c 'import json,sys,os; d=json.load(sys.stdin); print(" ".join(os.path.basename(r["path"]) for r in d["results"]))'
}

finish() {
  echo "$CHECKS checks, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
