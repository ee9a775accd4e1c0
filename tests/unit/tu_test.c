/* main() for unit tests: see tu_test.h. */
#include <stdlib.h>
#include <string.h>
#include "tu_test.h"
#include "base/tu_path.h"
#include "index/tu_indexdoc.h"

int tu_test_failures;
int tu_test_checks;
const char *tu_test_srcdir = ".";

int main(int argc, char **argv)
{
    if (argc > 1)
        tu_test_srcdir = argv[1];
    tu_test_main();
    printf("%d checks, %d failed\n", tu_test_checks, tu_test_failures);
    return tu_test_failures > 100 ? 100 : tu_test_failures;
}

void tu_test_add_text(tracuu_db_t *db, const char *path, const char *text, tracuu_meta_t *out)
{
    tracuu_meta_t m;
    memset(&m, 0, sizeof m);
    CHECK_INT(tracuu_meta_extract(text, strlen(text), &m), TRACUU_OK);
    tu_docinput_t in = {.path = path, .text = text, .len = strlen(text),
                        .format = "txt", .meta = &m, .size = 1, .mtime = "1.0"};
    tracuu_doc_t *d = NULL;
    CHECK_INT(tu_build_doc(&in, &d), TRACUU_OK);
    char uid[TU_UID_MAX + 1];
    tu_uid_term(path, uid);
    CHECK_INT(tracuu_db_replace(db, uid, d, NULL), TRACUU_OK);
    tracuu_doc_free(d);
    if (out)
        *out = m;
    else
        tracuu_meta_clear(&m);
}

uint32_t tu_test_facet_count(const tracuu_mset_t *m, size_t i, const char *value)
{
    for (size_t j = 0; j < tracuu_mset_facet_size(m, i); j++) {
        uint32_t c = 0;
        const char *v = tracuu_mset_facet_value(m, i, j, &c);
        if (v && strcmp(v, value) == 0)
            return c;
    }
    return 0;
}
