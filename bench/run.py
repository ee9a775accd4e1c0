#!/usr/bin/env python3
"""tracuu at archive scale, side by side with a bare Xapian indexer and quest.

usage: bench/run.py [--sizes 10000,100000] [--work DIR] [--rounds R]
                    [--wrk-seconds S] [--build DIR] [--keep-db]
                    [--no-yardsticks]

For each size N it generates an archive (bench/gen_corpus.py: deterministic,
from corpus/ and the Vietnamese text Debian ships; kept in WORK and reused),
then measures, in one run so the figures compare:
  - indexing: tracuu-index (a first build: one writer per core, merged),
    the same with one writer (--writers=1), the bare TermGenerator indexer
    (bench/bare_index.cc) and a tracuu-index re-run with nothing changed:
    wall, CPU (user+sys),
    peak memory (max RSS), index size, database revisions written;
  - queries (one process per query, R rounds of a fixed list): tracuu-search
    and quest on the same database; tracuu.cgi run as a CGI process; the page
    through lighttpd as CGI and as FastCGI (one client, keep-alive): p50, p95;
  - requests/s through lighttpd with wrk, 8 connections, the list in turn.
With --keep-db, a size whose databases are already in WORK is not indexed
again (its indexing rows then show "-"): for measuring the search side of
a large archive indexed by an earlier run.
Prints one table (markdown).  Needs xapian-tools, lighttpd, wrk (scripts/deps.sh).
"""
import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The query list: folded words (the same text means the same thing to quest,
# whose parser reads the plain unprefixed terms of a tracuu database), from
# rare to "matches nearly every document".
QUERIES = ["dan van kheo", "nuoi heo dat", "cai cach hanh chinh", "huyen uy",
           "nghi quyet", "tap tin", "chuyen doi so", "cong tac dan van",
           "thon", "dang"]
# The same through the page: a few also with the page's options.
PAGES = ["q=" + urllib.parse.quote_plus(q) for q in QUERIES] + [
    "q=dan+van&sort=date", "q=dang&page=3", "q=d%C3%A2n+v%E1%BA%ADn+kh%C3%A9o"]


def run_timed(cmd, env=None, stdout=subprocess.DEVNULL):
    """Run CMD under /usr/bin/time: (wall s, cpu s, max RSS MB, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tf.name] + cmd,
                           env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        if p.returncode not in (0, 1):
            sys.exit("bench: %s failed (%d): %s" % (cmd[0], p.returncode, p.stderr[-2000:]))
        u, s, m = tf.read().split()[-3:]
    return wall, float(u) + float(s), int(m) / 1024.0, p.stdout


def du_mb(path):
    total = 0
    for dp, _, fs in os.walk(path):
        for f in fs:
            total += os.path.getsize(os.path.join(dp, f))
    return total / 1e6


def revision(db):
    out = subprocess.run(["xapian-delve", db], capture_output=True, text=True).stdout
    m = re.search(r"revision = (\d+)", out)
    return int(m.group(1)) if m else -1


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000.0


def time_procs(make_cmd, items, rounds, env=None):
    ts = []
    for _ in range(rounds):
        for it in items:
            cmd, e = make_cmd(it)
            t0 = time.perf_counter()
            subprocess.run(cmd, env=e or env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            ts.append(time.perf_counter() - t0)
    return ts


class Lighttpd:
    """lighttpd on 127.0.0.1: /tracuu.cgi as CGI, /tracuu.fcgi as FastCGI
    (two persistent tracuu.cgi processes, one per core)."""

    def __init__(self, work, cgi, db):
        self.dir = tempfile.mkdtemp(prefix="lighttpd.", dir=work)
        www = os.path.join(self.dir, "www")
        os.mkdir(www)
        os.symlink(cgi, os.path.join(www, "tracuu.cgi"))
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        conf = os.path.join(self.dir, "lighttpd.conf")
        with open(conf, "w") as f:
            f.write('server.modules = ("mod_setenv", "mod_cgi", "mod_fastcgi")\n'
                    'server.bind = "127.0.0.1"\nserver.port = %d\n'
                    'server.document-root = "%s"\nserver.follow-symlink = "enable"\n'
                    'server.max-keep-alive-requests = 100000\n'
                    'cgi.assign = (".cgi" => "")\n'
                    'setenv.add-environment = ("TRACUU_DB" => "%s")\n'
                    'fastcgi.server = ("/tracuu.fcgi" => (("socket" => "%s/fcgi.sock",'
                    ' "bin-path" => "%s", "max-procs" => 2, "check-local" => "disable",'
                    ' "bin-environment" => ("TRACUU_DB" => "%s"))))\n'
                    'server.errorlog = "%s/error.log"\n'
                    % (self.port, www, db, self.dir, cgi, db, self.dir))
        self.proc = subprocess.Popen(["lighttpd", "-D", "-f", conf])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)

    def latencies(self, path, pages, rounds):
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        ts = []
        for _ in range(rounds):
            for pg in pages:
                t0 = time.perf_counter()
                conn.request("GET", path + "?" + pg)
                r = conn.getresponse()
                r.read()
                ts.append(time.perf_counter() - t0)
                if r.status != 200:
                    sys.exit("bench: GET %s?%s: HTTP %d" % (path, pg, r.status))
        conn.close()
        return ts

    def wrk(self, path, pages, seconds):
        lua = os.path.join(self.dir, "pages.lua")
        with open(lua, "w") as f:
            f.write("local paths = {%s}\nlocal i = 0\n"
                    "request = function()\n  i = i %% #paths + 1\n"
                    "  return wrk.format(nil, paths[i])\nend\n"
                    % ", ".join('"%s?%s"' % (path, p) for p in pages))
        out = subprocess.run(["wrk", "-t2", "-c8", "-d%ds" % seconds, "-s", lua,
                              "http://127.0.0.1:%d/" % self.port],
                             capture_output=True, text=True).stdout
        m = re.search(r"Requests/sec:\s+([\d.]+)", out)
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if bad or "Socket errors" in out:
            sys.stderr.write(out)
        return float(m.group(1)) if m else 0.0

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--work", default=None)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--keep-db", action="store_true")
    ap.add_argument("--no-yardsticks", action="store_true",
                    help="skip the bare indexer and the one-writer build (1M)")
    args = ap.parse_args()
    for tool in ("quest", "xapian-delve", "lighttpd", "wrk", "/usr/bin/time"):
        if not shutil.which(tool):
            sys.exit("bench: %s is missing (scripts/deps.sh test)" % tool)
    work = args.work or tempfile.mkdtemp(prefix="tracuu-bench.")
    os.makedirs(work, exist_ok=True)
    subprocess.run(["cmake", "-S", ROOT, "-B", args.build,
                    "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DTRACUU_SANITIZE=OFF"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", args.build, "-j2", "--target", "tracuu-index",
                    "tracuu-search", "tracuu.cgi", "bare_index"],
                   check=True, stdout=subprocess.DEVNULL)
    bindir = os.path.join(os.path.abspath(args.build), "bin")
    tindex, tsearch = os.path.join(bindir, "tracuu-index"), os.path.join(bindir, "tracuu-search")
    cgi, bare = os.path.join(bindir, "tracuu.cgi"), os.path.join(bindir, "bare_index")

    rows = []  # (size, label, value)
    notes = []
    for n in [int(x) for x in args.sizes.split(",")]:
        arch = os.path.join(work, "arch-%d" % n)
        if not os.path.exists(arch + ".done"):
            shutil.rmtree(arch, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"),
                            str(n), arch], check=True)
            open(arch + ".done", "w").close()
        mb = du_mb(arch)
        tdb, bdb = os.path.join(work, "tracuu-%d.db" % n), os.path.join(work, "bare-%d.db" % n)
        r = {"archive": "%d files, %.0f MB" % (n, mb)}
        if not (args.keep_db and os.path.isdir(tdb)):
            shutil.rmtree(tdb, ignore_errors=True)
            w, c, m, _ = run_timed([tindex, "--quiet", "--db", tdb, arch])
            r["t_index"] = (w, c, m, du_mb(tdb))
            rev = revision(tdb)
            w2, c2, m2, _ = run_timed([tindex, "--quiet", "--db", tdb, arch])
            r["t_rerun"] = (w2, c2, m2, revision(tdb) - rev)
        if not (args.keep_db and os.path.isdir(tdb)) and not args.no_yardsticks:
            # the same build with one writer (what a first build did before
            # the parallel writers, and what every later run does)
            one = os.path.join(work, "tracuu-1w-%d.db" % n)
            shutil.rmtree(one, ignore_errors=True)
            w1, c1, m1, _ = run_timed([tindex, "--quiet", "--writers=1", "--db", one, arch])
            r["t_index1"] = (w1, c1, m1, du_mb(one))
            shutil.rmtree(one, ignore_errors=True)
        if not (args.keep_db and os.path.isdir(bdb)) and not args.no_yardsticks:
            shutil.rmtree(bdb, ignore_errors=True)
            w, c, m, _ = run_timed([bare, bdb, arch])
            r["b_index"] = (w, c, m, du_mb(bdb))

        env = dict(os.environ, TRACUU_DB=tdb)
        r["cli"] = time_procs(lambda q: ([tsearch, "--db", tdb, q], None), QUERIES, args.rounds)
        r["quest"] = time_procs(lambda q: (["quest", "-s", "none", "-d", tdb, "-m", "10", q], None),
                                QUERIES, args.rounds)
        r["cgi_proc"] = time_procs(
            lambda pg: ([cgi], dict(env, REQUEST_METHOD="GET", QUERY_STRING=pg)),
            PAGES, args.rounds)
        srv = Lighttpd(work, cgi, tdb)
        try:
            r["cgi_http"] = srv.latencies("/tracuu.cgi", PAGES, args.rounds)
            srv.latencies("/tracuu.fcgi", PAGES, 1)  # warm the processes
            r["fcgi_http"] = srv.latencies("/tracuu.fcgi", PAGES, args.rounds * 4)
            r["cgi_rps"] = srv.wrk("/tracuu.cgi", PAGES, args.wrk_seconds)
            r["fcgi_rps"] = srv.wrk("/tracuu.fcgi", PAGES, args.wrk_seconds)
        finally:
            srv.stop()
        rows.append((n, r))
        print_table(rows, sys.stderr)
    print_table(rows, sys.stdout)
    print("\nwork folder (archives kept for re-runs): %s" % work)


def print_table(rows, out):
    def lat(ts):
        return "%.1f / %.1f" % (pct(ts, 0.5), pct(ts, 0.95))
    out.write("\n| measure | " + " | ".join("%d docs" % n for n, _ in rows) + " |\n")
    out.write("|---|" + "---|" * len(rows) + "\n")

    def line(label, f):
        def cell(r):
            try:
                return f(r)
            except KeyError:
                return "-"
        out.write("| %s | %s |\n" % (label, " | ".join(cell(r) for _, r in rows)))
    line("archive", lambda r: r["archive"])
    for key, name in (("t_index", "tracuu-index"),
                      ("t_index1", "tracuu-index --writers=1"),
                      ("b_index", "bare TermGenerator indexer")):
        line(name + ": wall s", lambda r, k=key: "%.1f" % r[k][0])
        line(name + ": CPU s (user+sys)", lambda r, k=key: "%.1f" % r[k][1])
        line(name + ": peak memory MB", lambda r, k=key: "%.0f" % r[k][2])
        line(name + ": index MB", lambda r, k=key: "%.0f" % r[k][3])
    line("tracuu-index / bare: wall", lambda r: "%.2f×" % (r["t_index"][0] / r["b_index"][0]))
    line("tracuu-index --writers=1 / bare: wall",
         lambda r: "%.2f×" % (r["t_index1"][0] / r["b_index"][0]))
    line("re-run, nothing changed: wall s, revisions written",
         lambda r: "%.1f, %d" % (r["t_rerun"][0], r["t_rerun"][3]))
    line("tracuu-search per process p50 / p95 ms", lambda r: lat(r["cli"]))
    line("quest per process p50 / p95 ms", lambda r: lat(r["quest"]))
    line("tracuu-search / quest p50",
         lambda r: "%.2f×" % (pct(r["cli"], .5) / pct(r["quest"], .5)))
    line("tracuu.cgi as a process p50 / p95 ms", lambda r: lat(r["cgi_proc"]))
    line("page via lighttpd, CGI p50 / p95 ms", lambda r: lat(r["cgi_http"]))
    line("page via lighttpd, FastCGI p50 / p95 ms", lambda r: lat(r["fcgi_http"]))
    line("requests/s, wrk 8 clients: CGI", lambda r: "%.0f" % r["cgi_rps"])
    line("requests/s, wrk 8 clients: FastCGI", lambda r: "%.0f" % r["fcgi_rps"])
    out.flush()


if __name__ == "__main__":
    main()
