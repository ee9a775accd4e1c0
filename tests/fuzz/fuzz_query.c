/* Fuzz target: the query language (tu_query_parse, no database): any text
 * gives a query or a clear error, never a crash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_query.h"
#include "tracuu/search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > TRACUU_MAX_QUERY_BYTES)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    tu_parsed_t pq;
    char *err = NULL;
    tracuu_status_t rc = tu_query_parse(NULL, text, &pq, &err);
    if (rc == TRACUU_OK) {
        char *d = pq.q ? tracuu_query_describe(pq.q) : NULL;
        free(d);
        tu_parsed_clear(&pq);
    } else if (rc == TRACUU_ERR_QUERY && !err) {
        abort();   /* a malformed query always says why */
    }
    free(err);
    free(text);
    return 0;
}
