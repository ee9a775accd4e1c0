/* The search page's re-check at request time: a document is shown only if
 * its file still lies under the roots the indexer recorded. */
#include <stdlib.h>
#include <string.h>
#include "tracuu/search.h"
#include "base/tu_path.h"

int tracuu_path_servable(tracuu_db_t *db, const char *path)
{
    if (!path || !*path)
        return 0;
    char *list = NULL;
    size_t len = 0;
    if (tracuu_db_get_metadata(db, TRACUU_META_ROOTS, &list, &len) != TRACUU_OK) {
        free(list);
        return 0;   /* cannot tell: refuse */
    }
    if (!list || !len) {
        free(list);
        return 1;
    }
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += list[i] == '\n';
    const char **roots = calloc(n, sizeof *roots);
    if (!roots) {
        free(list);
        return 0;
    }
    size_t k = 0;
    for (char *p = list; p && k < n;) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        roots[k++] = p;
        p = e ? e + 1 : NULL;
    }
    int where = tu_path_contained(path, roots, k, NULL);
    free(roots);
    free(list);
    return where != TU_OUTSIDE;
}
