/* Costs bounded at archive scale: facets counted over a sample of the
 * matches (exact, and flagged exact, whenever the sample covers them all;
 * scaled and flagged estimated otherwise), and the document data's text
 * head with its total length (the rest lives in a value slot).  The scratch
 * database lives under a mkdtemp() folder in /tmp, removed at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tu_test.h"
#include "index/tu_docdata.h"
#include "tracuu/xdb.h"

#define SLOT_TYPES 4
#define N_DOCS 3000

static char tmp[64];
static char dbpath[128];

/* Document i: words "all" and "w<i%3>", type list "nq" (every doc), plus
 * "ct" for one in 3 and "bc" for one in 10.  The first 100 have "all" 20
 * times: they rank first, and once the page is full of them Xapian need not
 * look at the rest (which a full facet count still has to visit). */
static void build(void)
{
    tracuu_db_t *db = NULL;
    CHECK_INT(tracuu_db_open(dbpath, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    if (!db)
        return;
    for (int i = 0; i < N_DOCS; i++) {
        tracuu_doc_t *doc = tracuu_doc_new();
        char uid[32], w[8], types[32];
        snprintf(uid, sizeof uid, "Q/d%d", i);
        snprintf(w, sizeof w, "w%d", i % 3);
        snprintf(types, sizeof types, "nq%s%s", i % 3 == 0 ? "\nct" : "",
                 i % 10 == 0 ? "\nbc" : "");
        CHECK_INT(tracuu_doc_add_posting(doc, "all", 3, 1, i < 100 ? 20 : 1),
                  TRACUU_OK);
        CHECK_INT(tracuu_doc_add_posting(doc, w, strlen(w), 2, 1), TRACUU_OK);
        CHECK_INT(tracuu_doc_add_boolean_term(doc, uid, strlen(uid)), TRACUU_OK);
        CHECK_INT(tracuu_doc_set_value(doc, SLOT_TYPES, types, strlen(types)),
                  TRACUU_OK);
        CHECK_INT(tracuu_db_replace(db, uid, doc, NULL), TRACUU_OK);
        tracuu_doc_free(doc);
    }
    CHECK_INT(tracuu_db_commit(db), TRACUU_OK);
    tracuu_db_close(db);
}

static tracuu_mset_t *search(tracuu_db_t *db, const char *term, uint32_t sample)
{
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 10;
    o.sort_slot = -1;
    o.facet_slots[0] = SLOT_TYPES;
    o.n_facet_slots = 1;
    o.facet_sample = sample;
    tracuu_query_t *q = tracuu_query_term(term, strlen(term), 1);
    tracuu_mset_t *m = NULL;
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    tracuu_query_free(q);
    return m;
}

static void test_facet_sample(void)
{
    tracuu_db_t *db = NULL;
    CHECK_INT(tracuu_db_open(dbpath, TRACUU_DB_READ, &db, NULL), TRACUU_OK);
    if (!db)
        return;
    /* sample 0: every match counted, exact */
    tracuu_mset_t *m = search(db, "all", 0);
    if (m) {
        CHECK_INT(tracuu_mset_facets_estimated(m), 0);
        CHECK_INT(tracuu_mset_total_exact(m), 1);
        CHECK_INT(tu_test_facet_count(m, 0, "nq"), 3000);
        CHECK_INT(tu_test_facet_count(m, 0, "ct"), 1000);
        CHECK_INT(tu_test_facet_count(m, 0, "bc"), 300);
        tracuu_mset_free(m);
    }
    /* a sample as large as the matches: the same exact counts */
    m = search(db, "w0", 1000);
    if (m) {
        CHECK_INT(tracuu_mset_facets_estimated(m), 0);
        CHECK_INT(tracuu_mset_total(m), 1000);
        CHECK_INT(tu_test_facet_count(m, 0, "nq"), 1000);
        CHECK_INT(tu_test_facet_count(m, 0, "ct"), 1000);
        CHECK_INT(tu_test_facet_count(m, 0, "bc"), 100);
        tracuu_mset_free(m);
    }
    /* a small sample of many matches: estimated, scaled to the total; the
     * page itself is the same as with exact counting */
    tracuu_mset_t *exact = search(db, "all", 0);
    m = search(db, "all", 200);
    if (m && exact) {
        CHECK_INT(tracuu_mset_facets_estimated(m), 1);
        CHECK_INT(tracuu_mset_total(m), 3000);
        CHECK_INT(tu_test_facet_count(m, 0, "nq"), 3000);   /* in every document */
        uint32_t ct = tu_test_facet_count(m, 0, "ct"), bc = tu_test_facet_count(m, 0, "bc");
        CHECK(ct >= 700 && ct <= 1300);
        CHECK(bc >= 150 && bc <= 450);
        CHECK_INT(tracuu_mset_size(m), tracuu_mset_size(exact));
        for (uint32_t i = 0; i < tracuu_mset_size(m); i++)
            CHECK_INT(tracuu_mset_docid(m, i), tracuu_mset_docid(exact, i));
    }
    tracuu_mset_free(m);
    tracuu_mset_free(exact);
    tracuu_db_close(db);
}

static void test_docdata_head(void)
{
    char *text = "đầu văn bản";
    tu_docdata_t d = {.path = "/a", .title = "t", .date = "", .format = "",
                      .encoding = "", .text = text, .text_len = strlen(text),
                      .text_total = 70000};
    tu_buf_t b;
    tu_buf_init(&b, 1u << 20);
    CHECK_INT(tu_docdata_write(&d, &b), 0);
    tu_docdata_t r;
    CHECK_INT(tu_docdata_read(b.p, b.len, 1, &r), 0);
    CHECK_STR(r.text, text);
    CHECK_INT(r.text_len, strlen(text));
    CHECK_INT(r.text_total, 70000);
    tu_docdata_clear(&r);
    /* a whole text writes no total, and reads back as whole (0) */
    tu_buf_free(&b);
    tu_buf_init(&b, 1u << 20);
    d.text_total = 0;
    CHECK_INT(tu_docdata_write(&d, &b), 0);
    CHECK(memchr(b.p, 'n', 1) == NULL);
    CHECK_INT(tu_docdata_read(b.p, b.len, 1, &r), 0);
    CHECK_INT(r.text_total, 0);
    tu_docdata_clear(&r);
    tu_buf_free(&b);
}

void tu_test_main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/tracuu-scale.XXXXXX");
    if (!mkdtemp(tmp)) {
        CHECK(!"mkdtemp");
        return;
    }
    snprintf(dbpath, sizeof dbpath, "%s/db", tmp);
    build();
    test_facet_sample();
    test_docdata_head();
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    CHECK_INT(system(cmd), 0);
}
