#!/usr/bin/env bash
# The .deb on a fresh Debian 12: build it (scripts/build-deb.sh), make a
# minimal bookworm root with debootstrap, `apt install ./tracuu_*.deb`
# there, index a folder through /etc/tracuu.conf as the tracuu user, and
# fetch a search page through the shipped lighttpd, Apache 2 and nginx
# (fcgiwrap) snippets on loopback ports.  Needs root, debootstrap and
# network access to the Debian archive; takes several minutes (too slow
# for CI: tests/integration/test_install.sh covers the install there).
# Usage: scripts/check-deb.sh [--keep] [--mirror URL]
set -euo pipefail
root_dir=$(cd "$(dirname "$0")/.." && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1; shift ;;
    --mirror) mirror=$2; shift 2 ;;
    *) echo "usage: $0 [--keep] [--mirror URL]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "check-deb.sh: run as root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null ||
  { echo "check-deb.sh: apt-get install debootstrap" >&2; exit 2; }
say() { printf '== %s\n' "$*"; }

say "building the .deb"
deb=$("$root_dir/scripts/build-deb.sh" | tail -1)
say "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -I "$deb" | sed -n 's/^ \(Depends\|Recommends\|Suggests\|Installed-Size\):/   \1:/p'

R=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-bookworm.XXXXXX")
chmod 755 "$R"   # the root of the new system: every user walks through it
cleanup() {
  chroot "$R" sh -c 'apache2ctl stop; pkill -x lighttpd; pkill -x nginx; pkill -x fcgiwrap' >/dev/null 2>&1 || true
  sleep 1
  umount "$R/proc" "$R/dev/pts" "$R/dev" 2>/dev/null || true
  if [ $keep -eq 0 ]; then rm -rf "$R"; else echo "kept: $R"; fi
}
trap cleanup EXIT
say "debootstrap --variant=minbase bookworm (into $R)"
t0=$SECONDS
debootstrap --variant=minbase bookworm "$R" "$mirror" >"$R.log" 2>&1 ||
  { tail -20 "$R.log"; exit 1; }
rm -f "$R.log"
say "debootstrap done in $((SECONDS - t0)) s"
mount --bind /dev "$R/dev"; mount -t devpts devpts "$R/dev/pts" 2>/dev/null || true
mount -t proc proc "$R/proc"
cp /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"   # no daemons started by apt
chmod 755 "$R/usr/sbin/policy-rc.d"
cp "$deb" "$R/tmp/"
mkdir -p "$R/srv/tai-lieu"
cp -r "$root_dir/corpus/." "$R/srv/tai-lieu/"

in_root() { chroot "$R" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
              LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

say "apt install ./$(basename "$deb") (with its Recommends) and the web servers"
t0=$SECONDS
in_root apt-get update -qq
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" lighttpd apache2 nginx-light \
  fcgiwrap curl >"$R/tmp/apt.log" 2>&1 || { tail -30 "$R/tmp/apt.log"; exit 1; }
say "installed in $((SECONDS - t0)) s; helpers pulled in:"
in_root dpkg-query -W -f='   ${Package} ${Status}\n' tracuu poppler-utils antiword catdoc \
  tesseract-ocr-vie man-db 2>&1
in_root ls -l /usr/bin/tracuu-index /usr/bin/tracuu-search /usr/lib/cgi-bin/tracuu.cgi
in_root sh -c 'ls -l /usr/lib/*/libtracuu.so* /usr/lib/*/pkgconfig/tracuu.pc'
in_root getent passwd tracuu
in_root ls -ld /var/lib/tracuu
in_root sh -c 'MANWIDTH=72 man tracuu-index 2>/dev/null | sed -n "1,4p"'

say "configure: root = /srv/tai-lieu in /etc/tracuu.conf; index as user tracuu"
sed -i 's|^#root = /srv/luu-tru$|root = /srv/tai-lieu|' "$R/etc/tracuu.conf"
grep -v '^#' "$R/etc/tracuu.conf" | grep . | sed 's/^/   /'
in_root runuser -u tracuu -- tracuu-index; echo "   exit status $?"
in_root runuser -u tracuu -- tracuu-search dân vận | head -8

fails=0
check_page() {   # check_page NAME URL
  local body
  body=$(curl -s --max-time 20 --retry 10 --retry-connrefused --retry-delay 1 "$2" || true)
  if grep -q 'data-total="[1-9]' <<<"$body" && grep -q '<mark>' <<<"$body"; then
    say "$1: OK $2 ($(grep -o 'data-total="[0-9]*"' <<<"$body" | head -1))"
  else
    say "$1: FAILED $2"; printf '%s\n' "${body:0:600}"; fails=$((fails + 1))
  fi
}

say "lighttpd: lighty-enable-mod tracuu"
p=$(port)
sed -i "s/^server.port .*/server.port = $p/" "$R/etc/lighttpd/lighttpd.conf"
in_root lighty-enable-mod tracuu || true
in_root lighttpd -tt -f /etc/lighttpd/lighttpd.conf
in_root lighttpd -f /etc/lighttpd/lighttpd.conf
sleep 1
check_page lighttpd "http://127.0.0.1:$p/tracuu?q=d%C3%A2n+v%E1%BA%ADn"
in_root pkill -x lighttpd || true

say "Apache 2: a2enmod cgid; a2enconf tracuu"
p=$(port)
echo "Listen 127.0.0.1:$p" > "$R/etc/apache2/ports.conf"
sed -i "s/<VirtualHost \*:80>/<VirtualHost *:$p>/" "$R/etc/apache2/sites-available/000-default.conf"
in_root a2enmod -q cgid
in_root a2enconf -q tracuu
in_root apache2ctl configtest
in_root apache2ctl start
sleep 1
check_page apache2 "http://127.0.0.1:$p/tracuu?q=d%C3%A2n+v%E1%BA%ADn"
in_root apache2ctl stop || true

say "nginx + fcgiwrap: include snippets/tracuu.conf"
p=$(port)
in_root sh -c 'fcgiwrap -s unix:/run/fcgiwrap.socket & sleep 1; chown www-data /run/fcgiwrap.socket'
cat > "$R/etc/nginx/sites-enabled/default" <<NGINX
server {
    listen 127.0.0.1:$p;
    include snippets/tracuu.conf;
}
NGINX
in_root nginx -t
in_root nginx
sleep 1
check_page nginx "http://127.0.0.1:$p/tracuu?q=d%C3%A2n+v%E1%BA%ADn"

say "apt remove tracuu (the index stays), then purge"
in_root apt-get remove -y -qq tracuu >/dev/null 2>&1 && [ -d "$R/var/lib/tracuu" ] &&
  say "removed; /var/lib/tracuu kept" || { say "remove: FAILED"; fails=$((fails + 1)); }
in_root dpkg --purge tracuu >/dev/null 2>&1 && [ ! -e "$R/var/lib/tracuu" ] &&
  ! in_root getent passwd tracuu >/dev/null && say "purged: index and user gone" ||
  { say "purge: FAILED"; fails=$((fails + 1)); }
[ $fails -eq 0 ] && say "all checks passed" || say "$fails check(s) FAILED"
exit $((fails > 0))
