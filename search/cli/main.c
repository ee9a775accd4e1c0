/* tracuu-search: query a tracuu database from the command line.
 * The contract is DESIGN.md section 4; see also `tracuu-search --help`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "base/tu_args.h"
#include "tracuu/render.h"
#include "tracuu/search.h"
#include "base/tu_buf.h"

static const char usage[] =
    "usage: tracuu-search [--db DIR] [--json] [--limit N] [--offset N]\n"
    "                     [--sort relevance|date] [--facets] QUERY...\n"
    "       tracuu-search --models [--json] [QUERY...]\n"
    "       tracuu-search --refs   [--json] [QUERY...]\n"
    "       tracuu-search --synonyms [--json]\n"
    "       tracuu-search --doc DOCID [--json] [QUERY...]   one document's text,\n"
    "                     the words of QUERY highlighted\n"
    "Database: DIR, else $TRACUU_DB, else ./tracuu.db (a stub file of\n"
    "shards works too).\n"
    "Query: words with or without marks, \"phrases\", AND, OR, NOT, -word,\n"
    "(parentheses), title:, so:25-NQ/TW, loai:NQ, coquan:TW, nam:2023,\n"
    "ngay:2021-01-01..2022-12-31, mohinh:\"Dân vận khéo\".\n"
    "Exit status: 0 ran (even with no results); 2 bad usage or query;\n"
    "1 other error.\n";

static int bad_usage(const char *fmt, const char *arg)
{
    return tu_arg_usage_error("tracuu-search", usage, fmt, arg);
}


int cli_synonyms(tracuu_db_t *db, int json);

int main(int argc, char **argv)
{
    const char *db_path = getenv("TRACUU_DB");
    if (!db_path || !*db_path)
        db_path = "./tracuu.db";
    int json = 0, facets = 0, mode = 0;  /* 0 search, 1 models, 2 refs, 3 synonyms, 4 doc */
    tracuu_docid_t docid = 0;
    tracuu_search_req_t req;
    memset(&req, 0, sizeof req);
    req.limit = 10;
    tu_buf_t q;
    tu_buf_init(&q, TRACUU_MAX_QUERY_BYTES * 2);
    int only_words = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long v;
        if (only_words || a[0] != '-' || a[1] == '\0' ||
            (a[1] != '-' && a[1] != 'h')) {
            /* query words; "-word" excludes a word */
            if (q.len)
                tu_buf_addc(&q, ' ');
            tu_buf_adds(&q, a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_words = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            tu_buf_free(&q);
            return 0;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--facets") == 0) {
            facets = 1;
        } else if (strcmp(a, "--models") == 0) {
            mode = 1;
        } else if (strcmp(a, "--refs") == 0) {
            mode = 2;
        } else if (strcmp(a, "--synonyms") == 0) {
            mode = 3;
        } else if (i + 1 >= argc && (strcmp(a, "--db") == 0 || strcmp(a, "--limit") == 0 ||
                                     strcmp(a, "--offset") == 0 || strcmp(a, "--sort") == 0 ||
                                     strcmp(a, "--doc") == 0)) {
            tu_buf_free(&q);
            return bad_usage("%s needs a value", a);
        } else if (strcmp(a, "--db") == 0) {
            db_path = argv[++i];
        } else if (strcmp(a, "--doc") == 0) {
            if (tu_arg_long(argv[++i], 1, 4294967295L, &v) != 0) {
                tu_buf_free(&q);
                return bad_usage("--doc: '%s' is not a document id (the docid of a result)",
                                 argv[i]);
            }
            docid = (tracuu_docid_t)v;
            mode = 4;
        } else if (strcmp(a, "--limit") == 0) {
            if (tu_arg_long(argv[++i], 1, TRACUU_MAX_LIMIT, &v) != 0) {
                tu_buf_free(&q);
                return bad_usage("--limit: '%s' is not a number from 1 to 1000", argv[i]);
            }
            req.limit = (uint32_t)v;
        } else if (strcmp(a, "--offset") == 0) {
            if (tu_arg_long(argv[++i], 0, 1000000, &v) != 0) {
                tu_buf_free(&q);
                return bad_usage("--offset: '%s' is not a number from 0 to 1000000", argv[i]);
            }
            req.offset = (uint32_t)v;
        } else if (strcmp(a, "--sort") == 0) {
            const char *s = argv[++i];
            if (strcmp(s, "date") == 0)
                req.sort_by_date = 1;
            else if (strcmp(s, "relevance") != 0) {
                tu_buf_free(&q);
                return bad_usage("--sort: '%s' is neither relevance nor date", s);
            }
        } else {
            tu_buf_free(&q);
            return bad_usage("unknown option '%s'", a);
        }
    }
    if (q.failed) {
        tu_buf_free(&q);
        fprintf(stderr, "tracuu-search: query too long (over %d bytes)\n",
                TRACUU_MAX_QUERY_BYTES);
        return 2;
    }
    if (mode == 0 && q.len == 0) {
        tu_buf_free(&q);
        return bad_usage("%s", "no QUERY given");
    }
    tracuu_db_t *db = NULL;
    char *err = NULL;
    tracuu_status_t rc = tracuu_db_open(db_path, TRACUU_DB_READ, &db, &err);
    if (rc != TRACUU_OK) {
        fprintf(stderr, "tracuu-search: %s\n", err ? err : tracuu_status_to_string(rc));
        free(err);
        tu_buf_free(&q);
        return 1;
    }
    int status = 0;
    const char *query = q.p ? q.p : "";
    if (mode == 3) {
        status = cli_synonyms(db, json);
    } else if (mode == 4) {
        tracuu_docview_t *v = NULL;
        rc = tracuu_docview(db, docid, query, &v, &err);
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
    } else if (mode) {
        int what = mode == 1 ? TRACUU_LIST_MODELS : TRACUU_LIST_REFS;
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
        rc = tracuu_search(db, &req, &r, &err);
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
    tracuu_db_close(db);
    tu_buf_free(&q);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
