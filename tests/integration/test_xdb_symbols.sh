#!/bin/bash
# Export hygiene of the Xapian wrapper: the objects built from lib/xdb*.cc
# define (strongly) only the tracuu_* functions of include/tracuu/xdb.h and
# the shared internal tu_xdb_* helpers, and every function the header
# declares is defined.  Usage: test_xdb_symbols.sh BINDIR SRCDIR SCRATCHDIR
set -eu
bindir=$1 srcdir=$2 scratch=$3
lib=$bindir/../libtracuu.a
header=$srcdir/include/tracuu/xdb.h
mkdir -p "$scratch"
[ -f "$lib" ] || { echo "no $lib"; exit 1; }

# strong global definitions of the xdb members, one per line
nm -g --defined-only "$lib" | awk '
    /^[^ ]*:$/ { member = $1; next }
    member ~ /^xdb.*\.cc\.o:$/ && ($2 ~ /^[TDBR]$/) { print $3 }' |
    grep -v '^__odr_asan' | sort -u > "$scratch/defined"

declared=$(grep -oE '\btracuu_[a-z_]+\(' "$header" | tr -d '(' | sort -u)
printf '%s\n' $declared > "$scratch/declared"

status=0
while read -r sym; do
    case $sym in
    tracuu_*)
        grep -qx "$sym" "$scratch/declared" ||
            { echo "exported but not in xdb.h: $sym"; status=1; } ;;
    _Z*tu_xdb_*) ;;
    *) echo "stray exported symbol: $sym"; status=1 ;;
    esac
done < "$scratch/defined"

while read -r sym; do
    grep -qx "$sym" "$scratch/defined" ||
        { echo "declared in xdb.h but not defined: $sym"; status=1; }
done < "$scratch/declared"

n=$(wc -l < "$scratch/declared")
[ "$n" -ge 40 ] || { echo "only $n functions found in xdb.h"; status=1; }
[ $status -eq 0 ] && echo "xdb symbols: $n functions, all clean"
exit $status
