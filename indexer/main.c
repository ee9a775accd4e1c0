/* tracuu-index: index folders of documents into a Xapian database.
 * The contract is docs/design.md section 4; see also `tracuu-index --help`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>
#include "indexer.h"
#include "base/tu_args.h"
#include "tracuu/encoding.h"

static const char usage[] =
    "usage: tracuu-index [--db DIR] [--progress | --quiet] [--force] [--ocr]\n"
    "                    [--dry-run] [--encoding NAME] [--max-size MB]\n"
    "                    [--timeout SECONDS] [--jobs N] [--max-members N]\n"
    "                    [--max-depth N] PATH...\n"
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
    "  --max-members N  members indexed per archive or mail, nested ones\n"
    "                   included (default 5000)\n"
    "  --max-depth N    archives in archives read this deep (default 4)\n"
    "  --version        print the version\n"
    "Options take their value as --opt VALUE or --opt=VALUE; -- ends them.\n"
    "Exit status: 0 all indexed; 1 some files failed (named on stderr);\n"
    "2 usage error.\n";

static int bad_usage(const char *fmt, const char *arg)
{
    return tu_arg_usage_error("tracuu-index", usage, fmt, arg);
}

enum {
    OPT_PROGRESS = 256, OPT_FORCE, OPT_OCR, OPT_DRY_RUN, OPT_DB, OPT_ENCODING,
    OPT_MAX_SIZE, OPT_TIMEOUT, OPT_JOBS, OPT_VERSION, OPT_MAX_MEMBERS,
    OPT_MAX_DEPTH
};

static const struct option long_opts[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"quiet", no_argument, NULL, 'q'},
    {"force", no_argument, NULL, OPT_FORCE},
    {"ocr", no_argument, NULL, OPT_OCR},
    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
    {"db", required_argument, NULL, OPT_DB},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"max-size", required_argument, NULL, OPT_MAX_SIZE},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"max-members", required_argument, NULL, OPT_MAX_MEMBERS},
    {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
    {NULL, 0, NULL, 0},
};

/* Parse the options into O: -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, ix_opts_t *o)
{
    int c;
    long v;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hq", long_opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            return 0;
        case OPT_VERSION:
            printf("tracuu-index %s\n", TRACUU_VERSION);
            return 0;
        case OPT_PROGRESS: o->progress = 1; break;
        case 'q': o->quiet = 1; break;
        case OPT_FORCE: o->force = 1; break;
        case OPT_OCR: o->xopts.ocr = 1; break;
        case OPT_DRY_RUN: o->dry_run = 1; break;
        case OPT_DB: o->db_path = optarg; break;
        case OPT_ENCODING:
            o->xopts.force_encoding = tracuu_encoding_canon(optarg);
            if (!o->xopts.force_encoding)
                return bad_usage("--encoding: unknown encoding '%s'", optarg);
            break;
        case OPT_MAX_SIZE:
            if (tu_arg_long(optarg, 1, 1 << 20, &v) != 0)
                return bad_usage("--max-size: '%s' is not a size in MB (1..1048576)", optarg);
            o->xopts.max_file_bytes = (size_t)v << 20;
            break;
        case OPT_TIMEOUT:
            if (tu_arg_long(optarg, 1, 86400, &v) != 0)
                return bad_usage("--timeout: '%s' is not a number of seconds (1..86400)", optarg);
            o->xopts.helper_timeout_s = (unsigned)v;
            break;
        case OPT_JOBS:
            if (tu_arg_long(optarg, 1, 64, &v) != 0)
                return bad_usage("--jobs: '%s' is not a number of threads (1..64)", optarg);
            o->jobs = (unsigned)v;
            break;
        case OPT_MAX_MEMBERS:
            if (tu_arg_long(optarg, 1, 10000000, &v) != 0)
                return bad_usage("--max-members: '%s' is not a number (1..10000000)", optarg);
            o->xopts.max_members = (size_t)v;
            break;
        case OPT_MAX_DEPTH:
            if (tu_arg_long(optarg, 1, 32, &v) != 0)
                return bad_usage("--max-depth: '%s' is not a depth (1..32)", optarg);
            o->xopts.max_depth = (unsigned)v;
            break;
        case ':':
            return bad_usage("%s needs a value", argv[optind - 1]);
        default:
            return bad_usage("unknown option '%s'", argv[optind - 1]);
        }
    }
    return -1;
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
    int done = parse_options(argc, argv, &o);
    if (done >= 0)
        return done;
    char **paths = argv + optind;
    size_t n_paths = (size_t)(argc - optind);
    if (o.progress && o.quiet)
        return bad_usage("%s", "--progress and --quiet exclude each other");
    if (n_paths == 0)
        return bad_usage("%s", "no PATH to index");

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
    return status;
}
