/* Test tool: tu_search_batch DB < queries > results
 * Runs one search per input line (a literal "\n" in a line is a line
 * break) in one process, so that ranking tests with many queries stay
 * fast.  Prints one line per query: "1" or "0" (the results hold only
 * part of the query), a tab, then the base names of the results in rank
 * order (at most 20), space-separated.  Exit 0, or 2 on bad usage or a
 * database that does not open; a query error prints "E\t<message>". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/search.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: tu_search_batch DB < queries\n");
        return 2;
    }
    tracuu_db_t *db = NULL;
    char *err = NULL;
    if (tracuu_db_open(argv[1], TRACUU_DB_READ, &db, &err) != TRACUU_OK) {
        fprintf(stderr, "tu_search_batch: %s\n", err ? err : "cannot open");
        free(err);
        return 2;
    }
    char line[8192];
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            if (line[i] == '\\' && line[i + 1] == 'n') {
                line[o++] = '\n';
                i++;
            } else {
                line[o++] = line[i];
            }
        }
        line[o] = '\0';
        tracuu_search_req_t req;
        memset(&req, 0, sizeof req);
        req.query = line;
        req.limit = 20;
        tracuu_results_t *r = NULL;
        char *msg = NULL;
        if (tracuu_search(db, &req, &r, &msg) != TRACUU_OK) {
            printf("E\t%s\n", msg ? msg : "error");
            free(msg);
            continue;
        }
        printf("%d\t", r->partial);
        for (size_t i = 0; i < r->n_hits; i++) {
            const char *s = strrchr(r->hits[i].path, '/');
            printf("%s%s", i ? " " : "", s ? s + 1 : r->hits[i].path);
        }
        putchar('\n');
        tracuu_results_free(r);
    }
    tracuu_db_close(db);
    return 0;
}
