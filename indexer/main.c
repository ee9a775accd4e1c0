/* tracuu-index: index folders of documents into a Xapian database.
 * The contract is DESIGN.md section 4; see also `tracuu-index --help`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "indexer.h"
#include "base/tu_args.h"
#include "tracuu/encoding.h"

static const char usage[] =
    "usage: tracuu-index [--db DIR] [--progress | --quiet] [--force] [--ocr]\n"
    "                    [--dry-run] [--encoding NAME] [--max-size MB]\n"
    "                    [--timeout SECONDS] [--jobs N] PATH...\n"
    "Index the files under each PATH (recursively) into the database:\n"
    "DIR, else $TRACUU_DB, else ./tracuu.db.  Incremental: unchanged files\n"
    "are skipped, changed ones replaced, vanished ones removed.\n"
    "  --progress       show a live progress line\n"
    "  --quiet          no summary line\n"
    "  --force          re-index every file, changed or not\n"
    "  --ocr            also read scanned PDFs and images (slow)\n"
    "  --dry-run        report type, encoding and text size; write nothing\n"
    "  --encoding NAME  decode plain text as NAME (UTF-8, TCVN3, VNI, VIQR,\n"
    "                   WINDOWS-1258, VISCII, UTF-16LE, UTF-16BE)\n"
    "  --max-size MB    skip files larger than this (default 100)\n"
    "  --timeout S      time limit per helper program (default 60)\n"
    "  --jobs N         worker threads (default: number of cores)\n"
    "Exit status: 0 all indexed; 1 some files failed (named on stderr);\n"
    "2 usage error.\n";

static int bad_usage(const char *fmt, const char *arg)
{
    return tu_arg_usage_error("tracuu-index", usage, fmt, arg);
}


int main(int argc, char **argv)
{
    ix_opts_t o;
    memset(&o, 0, sizeof o);
    o.db_path = getenv("TRACUU_DB");
    if (!o.db_path || !*o.db_path)
        o.db_path = "./tracuu.db";
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? (unsigned)cores : 2;
    char **paths = calloc((size_t)argc, sizeof *paths);
    size_t n_paths = 0;
    if (!paths)
        return 1;
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long v;
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            paths[n_paths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            free(paths);
            return 0;
        } else if (strcmp(a, "--progress") == 0) {
            o.progress = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o.quiet = 1;
        } else if (strcmp(a, "--force") == 0) {
            o.force = 1;
        } else if (strcmp(a, "--ocr") == 0) {
            o.xopts.ocr = 1;
        } else if (strcmp(a, "--dry-run") == 0) {
            o.dry_run = 1;
        } else if (i + 1 >= argc && (strcmp(a, "--db") == 0 ||
                   strcmp(a, "--encoding") == 0 || strcmp(a, "--max-size") == 0 ||
                   strcmp(a, "--timeout") == 0 || strcmp(a, "--jobs") == 0)) {
            free(paths);
            return bad_usage("%s needs a value", a);
        } else if (strcmp(a, "--db") == 0) {
            o.db_path = argv[++i];
        } else if (strcmp(a, "--encoding") == 0) {
            o.xopts.force_encoding = tracuu_encoding_canon(argv[++i]);
            if (!o.xopts.force_encoding) {
                free(paths);
                return bad_usage("--encoding: unknown encoding '%s'", argv[i]);
            }
        } else if (strcmp(a, "--max-size") == 0) {
            if (tu_arg_long(argv[++i], 1, 1 << 20, &v) != 0) {
                free(paths);
                return bad_usage("--max-size: '%s' is not a size in MB (1..1048576)", argv[i]);
            }
            o.xopts.max_file_bytes = (size_t)v << 20;
        } else if (strcmp(a, "--timeout") == 0) {
            if (tu_arg_long(argv[++i], 1, 86400, &v) != 0) {
                free(paths);
                return bad_usage("--timeout: '%s' is not a number of seconds (1..86400)", argv[i]);
            }
            o.xopts.helper_timeout_s = (unsigned)v;
        } else if (strcmp(a, "--jobs") == 0) {
            if (tu_arg_long(argv[++i], 1, 64, &v) != 0) {
                free(paths);
                return bad_usage("--jobs: '%s' is not a number of threads (1..64)", argv[i]);
            }
            o.jobs = (unsigned)v;
        } else {
            free(paths);
            return bad_usage("unknown option '%s'", a);
        }
    }
    if (o.progress && o.quiet) {
        free(paths);
        return bad_usage("%s", "--progress and --quiet exclude each other");
    }
    if (n_paths == 0) {
        free(paths);
        return bad_usage("%s", "no PATH to index");
    }

    ix_list_t list;
    memset(&list, 0, sizeof list);
    char **roots = calloc(n_paths, sizeof *roots);
    if (!roots || ix_walk(paths, n_paths, o.db_path, &list, roots) != 0) {
        fprintf(stderr, "tracuu-index: out of memory while listing files\n");
        return 1;
    }
    ix_stats_t st;
    int rc = ix_run(&o, &list, roots, n_paths, &st);
    if (!o.quiet && rc == 0) {
        double mb = (double)st.bytes / 1e6;
        fprintf(stderr, "%s %zu, unchanged %zu, removed %zu, failed %zu, in %.2f s"
                " (%.2f MB/s)%s\n",
                o.dry_run ? "dry run: would index" : "indexed", st.indexed, st.unchanged,
                st.removed, st.failed + list.problems, st.seconds,
                st.seconds > 0 ? mb / st.seconds : 0.0,
                st.interrupted ? "; interrupted, run again to finish" : "");
        if (st.warned)
            fprintf(stderr, "%zu file(s) indexed with problems (named above)\n", st.warned);
    }
    int status = (rc != 0 || st.fatal || st.failed || st.warned || list.problems ||
                  st.interrupted) ? 1 : 0;
    for (size_t i = 0; i < n_paths; i++)
        free(roots[i]);
    free(roots);
    ix_list_free(&list);
    free(paths);
    return status;
}
