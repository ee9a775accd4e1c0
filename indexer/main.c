/* tracuu-index: index folders of documents into a Xapian database.
 * The contract is docs/design.md section 4; see also `tracuu-index --help`. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>
#include "indexer.h"
#include "base/tu_args.h"
#include "tracuu/encoding.h"

static const char usage[] =
    "usage: tracuu-index [--config FILE] [--db DIR] [--progress | --quiet]\n"
    "                    [--force] [--ocr] [--watch] [--no-wait]\n"
    "                    [--dry-run] [--encoding NAME] [--max-size MB]\n"
    "                    [--timeout SECONDS] [--jobs N] [--writers N]\n"
    "                    [--commit-interval S] [--allow-outside DIR]...\n"
    "                    [--max-members N] [--max-depth N] PATH...\n"
    "Index the files under each PATH (recursively) into the database:\n"
    "DIR, else $TRACUU_DB, else the configuration's db, else ./tracuu.db.\n"
    "Without PATH, the configuration's root lines.  Incremental: unchanged\n"
    "files are skipped, changed ones replaced, vanished ones removed.\n"
    "  --config FILE    settings (default $TRACUU_CONF, else /etc/tracuu.conf);\n"
    "                   options given here override them\n"
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
    "  --writers N      into an empty database, N writers fill parts that\n"
    "                   are merged and compacted at the end (default: one per\n"
    "                   core from 2000 files on; 1: write in place)\n"
    "  --commit-interval S  commit at least every S seconds (default 30),\n"
    "                   besides every 1000 documents or 64 MB\n"
    "  --allow-outside DIR  symbolic links may lead into DIR, outside every\n"
    "                   PATH (repeatable); other links leading out are skipped\n"
    "  --watch          index, then keep indexing every change under PATH\n"
    "                   (new, changed, moved, deleted files and folders)\n"
    "                   until stopped (SIGINT, SIGTERM)\n"
    "  --no-wait        if another tracuu-index is writing the database,\n"
    "                   stop (exit 4) instead of waiting for it\n"
    "  --max-members N  members indexed per archive or mail, nested ones\n"
    "                   included (default 5000)\n"
    "  --max-depth N    archives in archives read this deep (default 4)\n"
    "  --version        print the version\n"
    "Options take their value as --opt VALUE or --opt=VALUE; -- ends them.\n"
    "Exit status: 0 all indexed (files skipped on purpose: unsupported, too\n"
    "large, empty, needing --ocr, links out of the PATHs, FIFOs, devices,\n"
    "are named and counted, not failures); 1 some file could not be read or\n"
    "indexed (named on stderr); 2 usage or configuration error;\n"
    "3 interrupted (a signal): run again to finish; 4 --no-wait and the\n"
    "database was busy.\n";

static int bad_usage(const char *fmt, const char *arg)
{
    return tu_arg_usage_error("tracuu-index", usage, fmt, arg);
}

static int run(int argc, char **argv, ix_opts_t *op, const tracuu_config_t *conf);

enum {
    OPT_PROGRESS = 256, OPT_FORCE, OPT_OCR, OPT_DRY_RUN, OPT_DB, OPT_ENCODING,
    OPT_MAX_SIZE, OPT_TIMEOUT, OPT_JOBS, OPT_VERSION, OPT_CONFIG, OPT_WATCH,
    OPT_NO_WAIT, OPT_COMMIT_INTERVAL, OPT_ALLOW_OUTSIDE, OPT_MAX_MEMBERS,
    OPT_MAX_DEPTH, OPT_WRITERS
};

#define MAX_OUTSIDE 64
static const char *outside_roots[MAX_OUTSIDE];

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
    {"writers", required_argument, NULL, OPT_WRITERS},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"watch", no_argument, NULL, OPT_WATCH},
    {"no-wait", no_argument, NULL, OPT_NO_WAIT},
    {"commit-interval", required_argument, NULL, OPT_COMMIT_INTERVAL},
    {"allow-outside", required_argument, NULL, OPT_ALLOW_OUTSIDE},
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
        case OPT_CONFIG: break;   /* read before the other options */
        case OPT_WATCH: o->watch = 1; break;
        case OPT_NO_WAIT: o->no_wait = 1; break;
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
        case OPT_WRITERS:
            if (tu_arg_long(optarg, 1, IX_MAX_WRITERS, &v) != 0)
                return bad_usage("--writers: '%s' is not a number of writers (1..8)", optarg);
            o->writers = (unsigned)v;
            break;
        case OPT_COMMIT_INTERVAL:
            if (tu_arg_long(optarg, 1, 86400, &v) != 0)
                return bad_usage("--commit-interval: '%s' is not a number of seconds "
                                 "(1..86400)", optarg);
            o->commit_interval = (unsigned)v;
            break;
        case OPT_ALLOW_OUTSIDE:
            if (optarg[0] != '/')
                return bad_usage("--allow-outside: '%s' is not an absolute folder", optarg);
            if (o->n_outside == MAX_OUTSIDE)
                return bad_usage("--allow-outside: more than 64 folders (at '%s')", optarg);
            outside_roots[o->n_outside++] = optarg;
            o->outside = outside_roots;
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

/* The value of --config in ARGV (before "--"), or NULL. */
static const char *config_arg(int argc, char **argv)
{
    const char *v = NULL;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            v = argv[++i];
        else if (strncmp(argv[i], "--config=", 9) == 0)
            v = argv[i] + 9;
    }
    return v;
}

int main(int argc, char **argv)
{
    ix_opts_t o;
    memset(&o, 0, sizeof o);
    o.db_path = "./tracuu.db";
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? (unsigned)cores : 2;
    o.commit_interval = 30;
    tracuu_config_t *conf = NULL;
    char *cerr = NULL;
    if (tracuu_config_open(config_arg(argc, argv), &conf, &cerr) != 0) {
        fprintf(stderr, "tracuu-index: %s\n", cerr ? cerr : "out of memory");
        free(cerr);
        return 2;
    }
    tracuu_config_warn_unknown(conf, "tracuu-index");
    if (ix_settings_apply(conf, &o) != 0) {
        tracuu_config_free(conf);
        return 2;
    }
    const char *env_db = getenv("TRACUU_DB");
    if (env_db && *env_db)
        o.db_path = env_db;
    int status = run(argc, argv, &o, conf);
    free(o.exclude);
    free(o.outside_owned);
    tracuu_config_free(conf);
    return status;
}

static int run(int argc, char **argv, ix_opts_t *op, const tracuu_config_t *conf)
{
    ix_opts_t o = *op;
    int done = parse_options(argc, argv, &o);
    if (done >= 0)
        return done;
    char **paths = argv + optind;
    size_t n_paths = (size_t)(argc - optind);
    char **conf_roots = NULL;
    if (o.progress && o.quiet)
        return bad_usage("%s", "--progress and --quiet exclude each other");
    if (o.watch && o.dry_run)
        return bad_usage("%s", "--watch and --dry-run exclude each other");
    if (n_paths == 0 && (n_paths = tracuu_config_count(conf, "root")) > 0) {
        if (!(conf_roots = calloc(n_paths, sizeof *conf_roots)))
            return 1;
        for (size_t i = 0; i < n_paths; i++)
            conf_roots[i] = (char *)tracuu_config_nth(conf, "root", i);
        paths = conf_roots;
    }
    if (n_paths == 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "no PATH to index (and no \"root =\" line in %s)",
                 tracuu_config_name(conf));
        return bad_usage("%s", msg);
    }

    int interrupted;
    int status = o.watch ? ix_watch(&o, paths, n_paths)
                         : ix_pass(&o, paths, n_paths, 0, &interrupted);
    free(conf_roots);
    return status;
}
