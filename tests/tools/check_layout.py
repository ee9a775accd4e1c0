#!/usr/bin/env python3
"""The layout of lib/ (docs/design.md section 2): one folder per step of the
data flow, lowest first.  Checks, from the #include lines of lib/:

1. every file of lib/ lies in one of the step folders below;
2. no file includes a header of a higher step (public headers
   include/tracuu/X.h count as the step named in PUBLIC);
3. no include cycle between modules (X.c and its header tu_X.h or X.h are
   one module), so a lower file never needs a higher one's internals;
4. each third-party library is included from exactly one step folder.

Usage: check_layout.py SRCDIR.  Prints every violation; exit 1 if any.
"""
import os
import re
import sys

STEPS = ["base", "text", "encoding", "extract", "knowledge", "xapian",
         "index", "search", "render"]
LEVEL = {s: i for i, s in enumerate(STEPS)}

# include/tracuu/X.h -> the step that implements it.
PUBLIC = {
    "status": "base", "config": "base",
    "normalize": "text", "tokenize": "text",
    "encoding": "encoding",
    "extract": "extract",
    "meta": "knowledge",
    "xdb": "xapian",
    "schema": "index",
    "search": "search", "access": "search",
    "render": "render",
}

# Third-party headers (by prefix of the include path) and their library.
LIBRARIES = {
    "xapian": "Xapian", "utf8proc": "utf8proc", "magic.h": "libmagic",
    "zip.h": "libzip", "zipconf.h": "libzip", "libxml/": "libxml2",
    "iconv.h": "iconv", "archive": "libarchive", "gmime/": "GMime",
    "gsf/": "libgsf", "fcgi": "libfcgi", "sys/inotify.h": "inotify",
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def module_of(path):
    """lib/knowledge/tu_docnum.h and lib/knowledge/docnum.c -> knowledge/docnum"""
    folder, name = os.path.split(path)
    base = os.path.splitext(name)[0]
    if name.endswith(".h") and base.startswith("tu_"):
        base = base[3:]
    return folder + "/" + base


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    libdir = os.path.join(src, "lib")
    problems = []
    edges = {}
    libs_used = {}
    for root, _dirs, files in os.walk(libdir):
        for name in sorted(files):
            if not name.endswith((".c", ".cc", ".h")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, libdir)
            parts = rel.split(os.sep)
            if len(parts) != 2 or parts[0] not in LEVEL:
                problems.append(f"lib/{rel}: not in a step folder "
                                f"({', '.join(STEPS)})")
                continue
            step = parts[0]
            me = module_of(rel)
            edges.setdefault(me, set())
            with open(path, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    kind, inc = m.groups()
                    where = f"lib/{rel}:{lineno}"
                    if kind == "<":
                        for prefix, lib in LIBRARIES.items():
                            if inc.startswith(prefix):
                                libs_used.setdefault(lib, set()).add(step)
                        continue
                    if inc.startswith("tracuu/"):
                        pub = os.path.splitext(inc[len("tracuu/"):])[0]
                        if pub not in PUBLIC:
                            problems.append(f"{where}: public header {inc} has no "
                                            "step in tests/tools/check_layout.py")
                            continue
                        target_step = PUBLIC[pub]
                    else:
                        ip = inc.split("/")
                        if len(ip) != 2 or ip[0] not in LEVEL:
                            problems.append(f"{where}: include \"{inc}\" is not "
                                            "\"STEP/header.h\"")
                            continue
                        target_step = ip[0]
                        target = module_of(inc)
                        if target != me:
                            edges[me].add(target)
                    if LEVEL[target_step] > LEVEL[step]:
                        problems.append(f"{where}: {step}/ includes {inc} of the "
                                        f"higher step {target_step}/")

    # cycles between modules (Tarjan's strongly connected components)
    index, low, on_stack, stack, sccs = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    for comp in sccs:
        problems.append("include cycle between modules: " + " <-> ".join(comp))

    for lib, steps in sorted(libs_used.items()):
        if len(steps) > 1:
            problems.append(f"{lib} is used in {len(steps)} step folders "
                            f"({', '.join(sorted(steps))}): keep it in one")

    for p in problems:
        print(p)
    n_modules = len(edges)
    n_edges = sum(len(e) for e in edges.values())
    print(f"check_layout: {n_modules} modules, {n_edges} include edges, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
