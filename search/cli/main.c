/* tracuu-search: query a tracuu database from the command line.
 * The contract is docs/design.md section 4; see also `tracuu-search --help`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>
#include "cli.h"
#include "base/tu_args.h"
#include "tracuu/config.h"
#include "tracuu/render.h"
#include "tracuu/search.h"
#include "base/tu_buf.h"

static const char usage[] =
    "usage: tracuu-search [--config FILE] [--db DIR] [--json] [--limit N] [--offset N]\n"
    "                     [--sort relevance|date] [--facets] QUERY...\n"
    "       tracuu-search --models [--json] [QUERY...]\n"
    "       tracuu-search --refs   [--json] [QUERY...]\n"
    "       tracuu-search --synonyms [--json]\n"
    "       tracuu-search --doc DOCID [--json] [QUERY...]   one document's text,\n"
    "                     the words of QUERY highlighted\n"
    "       tracuu-search --like DOCID [--json] [--limit N] [--offset N]\n"
    "                     documents like that one (more like this)\n"
    "Database: DIR, else $TRACUU_DB, else the db line of the configuration\n"
    "(--config FILE, else $TRACUU_CONF, else /etc/tracuu.conf), else\n"
    "./tracuu.db (a stub file of shards works too).\n"
    "Query: words with or without marks, \"phrases\", AND, OR, NOT, -word,\n"
    "(parentheses), prefix* (\"an ninh tr*\"), a NEAR b, a NEAR/3 b, title:,\n"
    "so:25-NQ/TW, loai:NQ, coquan:TW, nam:2023, ngay:2021-01-01..2022-12-31,\n"
    "mohinh:\"Dân vận khéo\".  A query that finds nothing is corrected (typos,\n"
    "Telex/VNI) and the correction searched; --as-typed searches it as typed.\n"
    "Options: --opt VALUE or --opt=VALUE; --version; -- ends the options\n"
    "(needed before a query that starts with -).\n"
    "Exit status: 0 ran (even with no results); 2 bad usage or query;\n"
    "1 other error.\n";

static int bad_usage(const char *fmt, const char *arg)
{
    return tu_arg_usage_error("tracuu-search", usage, fmt, arg);
}

int cli_synonyms(tracuu_db_t *db, int json);

/* What the program was asked to do. */
typedef enum { MODE_SEARCH, MODE_MODELS, MODE_REFS, MODE_SYNONYMS, MODE_DOC,
               MODE_LIKE } cli_mode_t;

typedef struct {
    const char *db_path;
    const char *config_path;
    int json, facets;
    cli_mode_t mode;
    tracuu_docid_t docid;
    tracuu_search_req_t req;
    tu_buf_t q;            /* the query words, space-separated */
} cli_opts_t;

enum {
    OPT_DB = 256, OPT_JSON, OPT_FACETS, OPT_MODELS, OPT_REFS, OPT_SYNONYMS, OPT_DOC,
    OPT_LIMIT, OPT_OFFSET, OPT_SORT, OPT_VERSION, OPT_CONFIG, OPT_LIKE, OPT_AS_TYPED
};

static const struct option long_opts[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {"db", required_argument, NULL, OPT_DB},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"json", no_argument, NULL, OPT_JSON},
    {"facets", no_argument, NULL, OPT_FACETS},
    {"models", no_argument, NULL, OPT_MODELS},
    {"refs", no_argument, NULL, OPT_REFS},
    {"synonyms", no_argument, NULL, OPT_SYNONYMS},
    {"doc", required_argument, NULL, OPT_DOC},
    {"like", required_argument, NULL, OPT_LIKE},
    {"as-typed", no_argument, NULL, OPT_AS_TYPED},
    {"limit", required_argument, NULL, OPT_LIMIT},
    {"offset", required_argument, NULL, OPT_OFFSET},
    {"sort", required_argument, NULL, OPT_SORT},
    {NULL, 0, NULL, 0},
};

static void add_word(tu_buf_t *q, const char *w)
{
    if (q->len)
        tu_buf_addc(q, ' ');
    tu_buf_adds(q, w);
}

/* 1 if the long option ARG ("--name", no "=value") takes a value. */
static int takes_value(const char *arg)
{
    for (const struct option *o = long_opts; o->name; o++)
        if (o->has_arg == required_argument && strcmp(arg + 2, o->name) == 0)
            return 1;
    return 0;
}

/* Parse ARGV into O: -1 to go on, else the exit status.  A word that
 * starts with one '-' ("-tham", exclude a word) is a query word, not an
 * option; after "--" every argument is a query word. */
static int parse_options(int argc, char **argv, cli_opts_t *o)
{
    char **opt_argv = calloc((size_t)argc + 1, sizeof *opt_argv);
    if (!opt_argv)
        return 1;
    int n = 0;
    opt_argv[n++] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                add_word(&o->q, argv[i]);
            break;
        }
        if (strcmp(a, "-h") == 0 || (a[0] == '-' && a[1] == '-')) {
            opt_argv[n++] = argv[i];
            if (!strchr(a, '=') && takes_value(a) && i + 1 < argc)
                opt_argv[n++] = argv[++i];
        } else {
            add_word(&o->q, a);
        }
    }
    int c, ret = -1;
    long v;
    opterr = 0;
    while (ret < 0 && (c = getopt_long(n, opt_argv, ":h", long_opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(usage, stdout);
            ret = 0;
            break;
        case OPT_VERSION:
            printf("tracuu-search %s\n", TRACUU_VERSION);
            ret = 0;
            break;
        case OPT_DB: o->db_path = optarg; break;
        case OPT_CONFIG: o->config_path = optarg; break;
        case OPT_JSON: o->json = 1; break;
        case OPT_FACETS: o->facets = 1; break;
        case OPT_MODELS: o->mode = MODE_MODELS; break;
        case OPT_REFS: o->mode = MODE_REFS; break;
        case OPT_SYNONYMS: o->mode = MODE_SYNONYMS; break;
        case OPT_DOC:
            if (tu_arg_long(optarg, 1, 4294967295L, &v) != 0)
                ret = bad_usage("--doc: '%s' is not a document id (the docid of a result)",
                                optarg);
            o->docid = (tracuu_docid_t)v;
            o->mode = MODE_DOC;
            break;
        case OPT_LIKE:
            if (tu_arg_long(optarg, 1, 4294967295L, &v) != 0)
                ret = bad_usage("--like: '%s' is not a document id (the docid of a result)",
                                optarg);
            o->docid = (tracuu_docid_t)v;
            o->mode = MODE_LIKE;
            break;
        case OPT_AS_TYPED: o->req.as_typed = 1; break;
        case OPT_LIMIT:
            if (tu_arg_long(optarg, 1, TRACUU_MAX_LIMIT, &v) != 0)
                ret = bad_usage("--limit: '%s' is not a number from 1 to 1000", optarg);
            o->req.limit = (uint32_t)v;
            break;
        case OPT_OFFSET:
            if (tu_arg_long(optarg, 0, 1000000, &v) != 0)
                ret = bad_usage("--offset: '%s' is not a number from 0 to 1000000", optarg);
            o->req.offset = (uint32_t)v;
            break;
        case OPT_SORT:
            if (strcmp(optarg, "date") == 0)
                o->req.sort_by_date = 1;
            else if (strcmp(optarg, "relevance") != 0)
                ret = bad_usage("--sort: '%s' is neither relevance nor date", optarg);
            break;
        case ':':
            ret = bad_usage("%s needs a value", opt_argv[optind - 1]);
            break;
        default:
            ret = bad_usage("unknown option '%s'", opt_argv[optind - 1]);
            break;
        }
    }
    free(opt_argv);
    return ret;
}

int main(int argc, char **argv)
{
    cli_opts_t o;
    memset(&o, 0, sizeof o);
    o.req.limit = 10;
    tu_buf_init(&o.q, TRACUU_MAX_QUERY_BYTES * 2);
    int done = parse_options(argc, argv, &o);
    if (done >= 0) {
        tu_buf_free(&o.q);
        return done;
    }
    tu_buf_t q = o.q;
    tracuu_search_req_t req = o.req;
    tracuu_config_t *conf = NULL;
    const char *env_db = getenv("TRACUU_DB");
    if (!o.db_path && env_db && *env_db)
        o.db_path = env_db;
    if (!o.db_path || o.config_path) {   /* the file only when it matters */
        char *cerr = NULL;
        if (tracuu_config_open(o.config_path, &conf, &cerr) != 0) {
            fprintf(stderr, "tracuu-search: %s\n", cerr ? cerr : "out of memory");
            free(cerr);
            tu_buf_free(&q);
            return 2;
        }
        const char *v = tracuu_config_get(conf, "db");
        if (!o.db_path && v && *v)
            o.db_path = v;
    }
    if (!o.db_path)
        o.db_path = "./tracuu.db";
    const char *db_path = o.db_path;
    int json = o.json, facets = o.facets;
    if (q.failed) {
        tracuu_config_free(conf);
        tu_buf_free(&q);
        fprintf(stderr, "tracuu-search: query too long (over %d bytes)\n",
                TRACUU_MAX_QUERY_BYTES);
        return 2;
    }
    if (o.mode == MODE_SEARCH && q.len == 0) {
        tracuu_config_free(conf);
        tu_buf_free(&q);
        return bad_usage("%s", "no QUERY given");
    }
    tracuu_db_t *db = NULL;
    char *err = NULL;
    const char *tmo = getenv("TRACUU_SHARD_TIMEOUT");   /* seconds */
    if (tmo && *tmo) {
        double t = strtod(tmo, NULL);
        if (t > 0 && t < 3600)
            tracuu_db_set_shard_timeout((unsigned)(t * 1000 + 0.5));
    }
    tracuu_status_t rc = tracuu_db_open(db_path, TRACUU_DB_READ, &db, &err);
    if (rc != TRACUU_OK) {
        fprintf(stderr, "tracuu-search: %s\n", err ? err : tracuu_status_to_string(rc));
        free(err);
        tracuu_config_free(conf);
        tu_buf_free(&q);
        return 1;
    }
    int status = 0;
    const char *query = q.p ? q.p : "";
    if (o.mode == MODE_SYNONYMS) {
        status = cli_synonyms(db, json);
    } else if (o.mode == MODE_DOC) {
        tracuu_docview_t *v = NULL;
        rc = tracuu_docview(db, o.docid, query, &v, &err);
        if (rc == TRACUU_OK) {
            if (json) {
                char *s = tracuu_docview_json(v);
                if (s)
                    fputs(s, stdout);
                else
                    status = 1;
                free(s);
            } else {
                cli_render_doc(stdout, v, isatty(1));
            }
            tracuu_docview_free(v);
        }
    } else if (o.mode == MODE_MODELS || o.mode == MODE_REFS) {
        int what = o.mode == MODE_MODELS ? TRACUU_LIST_MODELS : TRACUU_LIST_REFS;
        tracuu_listing_t *l = NULL;
        rc = tracuu_listing(db, what, query, &l, &err);
        if (rc == TRACUU_OK) {
            if (json) {
                char *s = tracuu_listing_json(l, what);
                if (s)
                    fputs(s, stdout);
                free(s);
            } else {
                cli_render_listing(stdout, l, what);
            }
            tracuu_listing_free(l);
        }
    } else {
        req.query = query;
        req.want_facets = facets;
        req.want_suggestion = 1;
        tracuu_results_t *r = NULL;
        rc = o.mode == MODE_LIKE ? tracuu_like(db, o.docid, &req, &r, &err)
                                 : tracuu_search(db, &req, &r, &err);
        if (rc == TRACUU_OK) {
            if (json) {
                char *s = tracuu_results_json(r, facets);
                if (s)
                    fputs(s, stdout);
                else
                    status = 1;
                free(s);
            } else {
                cli_render_results(stdout, r, isatty(1));
                if (facets)
                    cli_render_facets(stdout, r);
            }
            tracuu_results_free(r);
        }
    }
    if (rc != TRACUU_OK) {
        fprintf(stderr, "tracuu-search: %s\n", err ? err : tracuu_status_to_string(rc));
        status = rc == TRACUU_ERR_QUERY ? 2 : 1;
    }
    free(err);
    /* partial results: say which shard is missing (the results stand) */
    for (size_t i = 0; i < tracuu_db_n_warnings(db); i++)
        fprintf(stderr, "tracuu-search: warning: %s\n", tracuu_db_warning(db, i));
    tracuu_db_close(db);
    tracuu_config_free(conf);
    tu_buf_free(&q);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
