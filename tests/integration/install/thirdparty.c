/* A program outside tracuu, built only with `pkg-config --cflags --libs
 * tracuu` against an installed copy: searches a database, prints the
 * number of results and the first file. */
#include <stdio.h>
#include <stdlib.h>
#include <tracuu/config.h>
#include <tracuu/search.h>
#include <tracuu/xdb.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: thirdparty DB QUERY\n");
        return 2;
    }
    tracuu_db_t *db = NULL;
    char *err = NULL;
    if (tracuu_db_open(argv[1], TRACUU_DB_READ, &db, &err) != TRACUU_OK) {
        fprintf(stderr, "thirdparty: %s\n", err ? err : "cannot open");
        free(err);
        return 1;
    }
    tracuu_search_req_t req = {.query = argv[2], .limit = 5};
    tracuu_results_t *r = NULL;
    int rc = 1;
    if (tracuu_search(db, &req, &r, &err) == TRACUU_OK) {
        printf("total %u\n", (unsigned)r->total);
        if (r->n_hits)
            printf("first %s\n", r->hits[0].path);
        tracuu_results_free(r);
        rc = 0;
    } else {
        fprintf(stderr, "thirdparty: %s\n", err ? err : "search failed");
    }
    free(err);
    tracuu_db_close(db);
    printf("default config %s\n", TRACUU_CONF_DEFAULT);
    return rc;
}
