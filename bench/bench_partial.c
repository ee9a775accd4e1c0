/* bench_partial: latency of partial matching against short queries, in one
 * process.  usage: bench_partial DB QUERIES [ROUNDS]
 * QUERIES: lines "CLASS<TAB>query" ("\n" in a query is a line break),
 * e.g. classes "3words", "question", "paste60".  Prints each class's median
 * and 90th percentile over every query and round, how many results were
 * partial, and the ratio of each class's median to the "3words" median. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tracuu/search.h"

#define MAX_Q 512
#define MAX_CLASSES 8

/* CPU time of this process: on a shared machine wall time mostly measures
 * the other processes; set BENCH_WALL=1 for wall-clock time. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(getenv("BENCH_WALL") ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_partial DB QUERIES [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 5;
    if (rounds < 1 || rounds > 100)
        rounds = 5;
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    static char line[8192];
    char *cls[MAX_Q], *qs[MAX_Q];
    size_t nq = 0;
    while (nq < MAX_Q && fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        char *q = tab + 1;
        size_t o = 0, n = strlen(q);
        for (size_t i = 0; i < n; i++) {
            if (q[i] == '\n' || q[i] == '\r')
                continue;
            if (q[i] == '\\' && q[i + 1] == 'n') {
                q[o++] = '\n';
                i++;
            } else {
                q[o++] = q[i];
            }
        }
        q[o] = '\0';
        cls[nq] = strdup(line);
        qs[nq] = strdup(q);
        nq++;
    }
    fclose(f);
    tracuu_db_t *db = NULL;
    char *err = NULL;
    if (tracuu_db_open(argv[1], TRACUU_DB_READ, &db, &err) != TRACUU_OK) {
        fprintf(stderr, "bench_partial: %s\n", err);
        free(err);
        return 1;
    }
    const char *names[MAX_CLASSES];
    double *t[MAX_CLASSES];
    size_t nt[MAX_CLASSES], partial[MAX_CLASSES], queries[MAX_CLASSES], nc = 0;
    for (size_t i = 0; i < nq; i++) {
        size_t c;
        for (c = 0; c < nc && strcmp(names[c], cls[i]) != 0; c++)
            ;
        if (c == nc) {
            if (nc == MAX_CLASSES)
                continue;
            names[nc] = cls[i];
            t[nc] = malloc(MAX_Q * (size_t)rounds * sizeof(double));
            nt[nc] = partial[nc] = queries[nc] = 0;
            nc++;
        }
        queries[c]++;
        for (int r = 0; r < rounds; r++) {
            tracuu_search_req_t req = {.query = qs[i], .limit = 10, .want_suggestion = 1};
            tracuu_results_t *res = NULL;
            double t0 = now();
            if (tracuu_search(db, &req, &res, &err) != TRACUU_OK) {
                fprintf(stderr, "bench_partial: %.40s: %s\n", qs[i], err ? err : "?");
                free(err);
                err = NULL;
                break;
            }
            t[c][nt[c]++] = (now() - t0) * 1000;
            if (r == 0 && res->partial)
                partial[c]++;
            tracuu_results_free(res);
        }
    }
    printf("%u documents, %d rounds, %s time\n%-10s %7s %8s %9s %9s %8s\n", tracuu_db_doccount(db),
           rounds, getenv("BENCH_WALL") ? "wall" : "CPU", "class", "queries", "partial", "p50 ms", "p90 ms", "x 3words");
    double base = 0;
    for (size_t c = 0; c < nc; c++) {
        qsort(t[c], nt[c], sizeof(double), cmp);
        if (strcmp(names[c], "3words") == 0 && nt[c])
            base = t[c][nt[c] / 2];
    }
    for (size_t c = 0; c < nc; c++) {
        double p50 = nt[c] ? t[c][nt[c] / 2] : 0, p90 = nt[c] ? t[c][nt[c] * 9 / 10] : 0;
        printf("%-10s %7zu %8zu %9.2f %9.2f", names[c], queries[c], partial[c], p50, p90);
        if (base > 0)
            printf(" %8.2f", p50 / base);
        putchar('\n');
        free(t[c]);
    }
    for (size_t i = 0; i < nq; i++) {
        free(cls[i]);
        free(qs[i]);
    }
    tracuu_db_close(db);
    return 0;
}
