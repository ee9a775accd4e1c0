/* bench_search: query latency of libtracuu's search (parse, Xapian, data,
 * snippets, suggestion), in one process, without program start-up.
 * usage: bench_search DB [ROUNDS [QUERY]]   prints one line per query and a
 * total; with QUERY, runs only that query (one of the list, or any other
 * text), e.g. under callgrind or perf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tracuu/search.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    static const char *const queries[] = {
        "dan van kheo", "Dân vận khéo", "nghi quyet 25", "\"cai cach hanh chinh\"",
        "huyen uy", "so:25-NQ/TW", "mohinh:\"Nuôi heo đất\"", "cong tac dan van NOT kheo",
        "(tinh uy OR huyen uy) nam:2020", "UBND", "chuyển đổi số", "ngay:2015-01-01..2016-12-31 dan van",
        /* issue 9: prefix, NEAR, a typo (corrected search), joined forms, an
         * abbreviation's expansion */
        "phat trien*", "\"an ninh tr*\"", "dan NEAR/3 kheo", "cong tac dan vna",
        "2.450", "uy ban nhan dan",
    };
    if (argc < 2) {
        fprintf(stderr, "usage: bench_search DB [ROUNDS [QUERY]]\n");
        return 2;
    }
    int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 20;
    if (rounds < 1)
        rounds = 1;
    tracuu_db_t *db = NULL;
    char *err = NULL;
    if (tracuu_db_open(argv[1], TRACUU_DB_READ, &db, &err) != TRACUU_OK) {
        fprintf(stderr, "bench_search: %s\n", err);
        free(err);
        return 1;
    }
    size_t nq = sizeof queries / sizeof queries[0];
    const char *only = argc > 3 ? argv[3] : NULL;
    size_t q0 = 0;
    if (only) {
        /* the query's place in the list keeps its facet setting */
        size_t k;
        for (k = 0; k < nq && strcmp(queries[k], only) != 0; k++)
            ;
        q0 = k;
        nq = k + 1;
    }
    double *all = malloc(nq * (size_t)rounds * sizeof *all);
    size_t n_all = 0;
    printf("%u documents\n%-40s %8s %9s %9s\n", tracuu_db_doccount(db), "query",
           "matches", "p50 ms", "max ms");
    for (size_t q = q0; q < nq && all; q++) {
        double t[1000];
        uint32_t total = 0;
        int facets = q % 2;
        const char *text = only ? only : queries[q];
        for (int r = 0; r < rounds && r < 1000; r++) {
            tracuu_search_req_t req = {.query = text, .limit = 10,
                                       .want_suggestion = 1, .want_facets = facets};
            tracuu_results_t *res = NULL;
            double t0 = now();
            if (tracuu_search(db, &req, &res, &err) != TRACUU_OK) {
                fprintf(stderr, "bench_search: %s: %s\n", text, err ? err : "?");
                free(err);
                err = NULL;
                break;
            }
            t[r] = (now() - t0) * 1000;
            all[n_all++] = t[r];
            total = res->total;
            tracuu_results_free(res);
        }
        int n = rounds < 1000 ? rounds : 1000;
        qsort(t, (size_t)n, sizeof *t, cmp);
        printf("%-40s %8u %9.2f %9.2f%s\n", text, total, t[n / 2], t[n - 1],
               facets ? "  (with facets)" : "");
    }
    qsort(all, n_all, sizeof *all, cmp);
    if (n_all)
        printf("all queries: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, n=%zu\n",
               all[n_all / 2], all[n_all * 9 / 10], all[n_all * 99 / 100], n_all);
    free(all);
    tracuu_db_close(db);
    return 0;
}
