/* The Xapian wrapper: building, replacing, deleting, reading back, queries,
 * sorting, paging, facets, metadata, synonyms, stub databases and the error
 * paths (missing database, lock, corruption, read-only handle, NULLs).
 * Databases live under a mkdtemp() folder in /tmp, removed at the end. */
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tu_test.h"
#include "tracuu/xdb.h"

#define SLOT_DATE 0
#define SLOT_TYPES 4
#define SLOT_YEAR 6

static char tmp[64];   /* the scratch folder */

/* ------------------------------------------------------------- helpers */

static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                    continue;
                char sub[512];
                snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
                rm_rf(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void path_in(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", tmp, name);
}

/* Add or replace a document: TEXT's space-separated words get positions
 * 1, 2, ...; plus the unique term "Q/"UID, a year term, values and data. */
static tracuu_status_t put_doc(tracuu_db_t *db, const char *uid,
                               const char *text, const char *date,
                               const char *types, const char *data,
                               tracuu_docid_t *id)
{
    tracuu_doc_t *doc = tracuu_doc_new();
    if (!doc)
        return TRACUU_ERR_NOMEM;
    char q[64], y[16];
    snprintf(q, sizeof q, "Q/%s", uid);
    uint32_t pos = 1;
    const char *p = text;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (n)
            CHECK_INT(tracuu_doc_add_posting(doc, p, n, pos++, 1), TRACUU_OK);
        p += n;
        if (*p == ' ')
            p++;
    }
    CHECK_INT(tracuu_doc_add_boolean_term(doc, q, strlen(q)), TRACUU_OK);
    snprintf(y, sizeof y, "Y%.4s", date);
    CHECK_INT(tracuu_doc_add_boolean_term(doc, y, strlen(y)), TRACUU_OK);
    CHECK_INT(tracuu_doc_set_value(doc, SLOT_DATE, date, strlen(date)),
              TRACUU_OK);
    CHECK_INT(tracuu_doc_set_value(doc, SLOT_TYPES, types, strlen(types)),
              TRACUU_OK);
    CHECK_INT(tracuu_doc_set_value(doc, SLOT_YEAR, date, 4), TRACUU_OK);
    CHECK_INT(tracuu_doc_set_data(doc, data, strlen(data)), TRACUU_OK);
    tracuu_status_t st = tracuu_db_replace(db, q, doc, id);
    tracuu_doc_free(doc);
    return st;
}

static tracuu_query_t *T(const char *term)
{
    return tracuu_query_term(term, strlen(term), 1);
}

static tracuu_query_t *C2(tracuu_query_op_t op, tracuu_query_t *a,
                          tracuu_query_t *b, uint32_t window)
{
    tracuu_query_t *subs[2] = { a, b };
    return tracuu_query_combine(op, subs, 2, window);
}

/* The docids of a search as "1,3,4" (in result order) into BUF. */
static const char *ids(tracuu_db_t *db, tracuu_query_t *q,
                       const tracuu_search_opts_t *opts, char *buf, size_t n)
{
    buf[0] = '\0';
    tracuu_mset_t *m = NULL;
    if (!q || tracuu_db_search(db, q, opts, &m) != TRACUU_OK) {
        snprintf(buf, n, "error: %s", tracuu_db_last_error(db));
        tracuu_query_free(q);
        return buf;
    }
    size_t used = 0;
    for (uint32_t i = 0; i < tracuu_mset_size(m); i++) {
        int w = snprintf(buf + used, n - used, "%s%u", i ? "," : "",
                         (unsigned)tracuu_mset_docid(m, i));
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    tracuu_mset_free(m);
    tracuu_query_free(q);
    return buf;
}

/* Docids of Q sorted ascending (relevance order is not what we test). */
static const char *set_of(tracuu_db_t *db, tracuu_query_t *q, char *buf,
                          size_t n)
{
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 100;
    o.sort_slot = -1;
    tracuu_mset_t *m = NULL;
    buf[0] = '\0';
    if (!q || tracuu_db_search(db, q, &o, &m) != TRACUU_OK) {
        snprintf(buf, n, "error: %s", tracuu_db_last_error(db));
        tracuu_query_free(q);
        return buf;
    }
    uint32_t got[100], k = tracuu_mset_size(m);
    for (uint32_t i = 0; i < k && i < 100; i++)
        got[i] = tracuu_mset_docid(m, i);
    for (uint32_t i = 1; i < k; i++)   /* insertion sort */
        for (uint32_t j = i; j > 0 && got[j - 1] > got[j]; j--) {
            uint32_t t = got[j];
            got[j] = got[j - 1];
            got[j - 1] = t;
        }
    size_t used = 0;
    for (uint32_t i = 0; i < k; i++) {
        int w = snprintf(buf + used, n - used, "%s%u", i ? "," : "",
                         (unsigned)got[i]);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    tracuu_mset_free(m);
    tracuu_query_free(q);
    return buf;
}

/* Callbacks that append "s(docfreq/collfreq)" or "s" to a list. */
typedef struct {
    char buf[512];
    size_t used;
    int stop_after;    /* stop after this many items (0: never) */
    int n;
} list_t;

static void list_add(list_t *l, const char *s)
{
    int w = snprintf(l->buf + l->used, sizeof l->buf - l->used, "%s%s",
                     l->used ? "," : "", s);
    if (w > 0 && (size_t)w < sizeof l->buf - l->used)
        l->used += (size_t)w;
}

static int term_cb(const char *term, size_t len, uint32_t df, uint32_t cf,
                   void *ctx)
{
    list_t *l = ctx;
    char item[300];
    CHECK_INT(strlen(term), len);
    snprintf(item, sizeof item, "%s(%u/%u)", term, (unsigned)df,
             (unsigned)cf);
    list_add(l, item);
    l->n++;
    return l->stop_after && l->n >= l->stop_after;
}

static int str_cb(const char *s, size_t len, void *ctx)
{
    list_t *l = ctx;
    CHECK_INT(strlen(s), len);
    list_add(l, s);
    l->n++;
    return l->stop_after && l->n >= l->stop_after;
}

static int docid_cb(tracuu_docid_t id, void *ctx)
{
    list_t *l = ctx;
    char item[16];
    snprintf(item, sizeof item, "%u", (unsigned)id);
    list_add(l, item);
    l->n++;
    return l->stop_after && l->n >= l->stop_after;
}

static void list_init(list_t *l, int stop_after)
{
    memset(l, 0, sizeof *l);
    l->stop_after = stop_after;
}

/* "value=count,..." of facet I of M. */
static const char *facets(const tracuu_mset_t *m, size_t i, char *buf,
                          size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t j = 0; j < tracuu_mset_facet_size(m, i); j++) {
        uint32_t c = 0;
        const char *v = tracuu_mset_facet_value(m, i, j, &c);
        int w = snprintf(buf + used, n - used, "%s%s=%u", j ? "," : "",
                         v ? v : "(null)", (unsigned)c);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

/* --------------------------------------------------------------- tests */

/* Docs (docids in order): a=1 b=2 c=3 d=4, e=5 is deleted. */
static void build(const char *path)
{
    tracuu_db_t *db = NULL;
    char *err = NULL;
    tracuu_docid_t id = 0;
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &db, &err), TRACUU_OK);
    CHECK(err == NULL);
    if (!db) {
        free(err);
        return;
    }
    CHECK_INT(put_doc(db, "a", "quan triet nghi quyet so 25 cua ban chap hanh",
                      "20230105", "nq\nct", "A", &id), TRACUU_OK);
    CHECK_INT(id, 1);
    CHECK_INT(put_doc(db, "b", "bao cao tinh hinh xa hoi tinh kon tum",
                      "20210310", "bc", "B", &id), TRACUU_OK);
    CHECK_INT(id, 2);
    CHECK_INT(put_doc(db, "c",
                      "chi thi ve phat trien kinh te tap the nghi quyet dai hoi",
                      "20220720", "ct\nnq\nnq", "C", &id), TRACUU_OK);
    CHECK_INT(id, 3);
    CHECK_INT(put_doc(db, "d",
                      "hoi nghi ve viec giai quyet don thu khieu nai",
                      "20191201", "nq", "D", &id), TRACUU_OK);
    CHECK_INT(id, 4);
    CHECK_INT(put_doc(db, "e", "tam thoi", "20200101", "bc", "E", &id),
              TRACUU_OK);
    CHECK_INT(id, 5);
    CHECK_INT(tracuu_db_doccount(db), 5);

    /* replace b: same docid, same count, new data and text */
    CHECK_INT(put_doc(db, "b", "bao cao tinh hinh kinh te xa hoi tinh kon tum",
                      "20210310", "bc", "B2", &id), TRACUU_OK);
    CHECK_INT(id, 2);
    CHECK_INT(tracuu_db_doccount(db), 5);

    CHECK_INT(tracuu_db_delete(db, "Q/e"), TRACUU_OK);
    CHECK_INT(tracuu_db_delete(db, "Q/never"), TRACUU_OK);
    CHECK_INT(tracuu_db_doccount(db), 4);

    CHECK_INT(tracuu_db_set_metadata(db, "tracuu.version", "1", 1),
              TRACUU_OK);
    CHECK_INT(tracuu_db_set_metadata(db, "tracuu.last_run", "2024-05-01", 10),
              TRACUU_OK);
    CHECK_INT(tracuu_db_add_synonym(db, "nq", "nghi quyet"), TRACUU_OK);
    CHECK_INT(tracuu_db_add_synonym(db, "nq", "nghiquyet"), TRACUU_OK);
    CHECK_INT(tracuu_db_add_synonym(db, "ct", "chi thi"), TRACUU_OK);
    CHECK_INT(tracuu_db_add_synonym(db, "bc", "bao cao"), TRACUU_OK);
    CHECK_INT(tracuu_db_clear_synonyms(db, "bc"), TRACUU_OK);
    CHECK_INT(tracuu_db_commit(db), TRACUU_OK);
    tracuu_db_close(db);
}

static void test_read(const char *path)
{
    tracuu_db_t *db = NULL;
    char *err = NULL, *s = NULL;
    size_t len = 99;
    tracuu_docid_t id = 99;
    uint32_t f = 99;
    list_t l;

    CHECK_INT(tracuu_db_open(path, TRACUU_DB_READ, &db, &err), TRACUU_OK);
    if (!db) {
        fprintf(stderr, "open: %s\n", err ? err : "?");
        free(err);
        return;
    }
    CHECK_STR(tracuu_db_last_error(db), "");
    CHECK_INT(tracuu_db_doccount(db), 4);
    CHECK_INT(tracuu_db_reopen(db), TRACUU_OK);

    CHECK_INT(tracuu_db_get_data(db, 2, &s, &len), TRACUU_OK);
    CHECK_STR(s, "B2");
    CHECK_INT(len, 2);
    free(s);
    CHECK_INT(tracuu_db_get_data(db, 1, &s, NULL), TRACUU_OK);
    CHECK_STR(s, "A");
    free(s);
    s = (char *)"x";
    CHECK_INT(tracuu_db_get_data(db, 5, &s, &len), TRACUU_ERR_NOT_FOUND);
    CHECK(s == NULL);
    CHECK(strlen(tracuu_db_last_error(db)) > 0);
    CHECK_INT(tracuu_db_get_data(db, 99, &s, &len), TRACUU_ERR_NOT_FOUND);
    CHECK_INT(tracuu_db_get_data(db, 0, &s, &len), TRACUU_ERR_NOT_FOUND);

    CHECK_INT(tracuu_db_get_value(db, 3, SLOT_DATE, &s, &len), TRACUU_OK);
    CHECK_STR(s, "20220720");
    CHECK_INT(len, 8);
    free(s);
    CHECK_INT(tracuu_db_get_value(db, 3, 9, &s, &len), TRACUU_OK);
    CHECK_STR(s, "");
    CHECK_INT(len, 0);
    free(s);
    CHECK_INT(tracuu_db_get_value(db, 5, SLOT_DATE, &s, &len),
              TRACUU_ERR_NOT_FOUND);

    CHECK_INT(tracuu_db_find_term(db, "Q/c", &id), TRACUU_OK);
    CHECK_INT(id, 3);
    CHECK_INT(tracuu_db_find_term(db, "Q/e", &id), TRACUU_OK);
    CHECK_INT(id, 0);
    CHECK_INT(tracuu_db_termfreq(db, "nghi", &f), TRACUU_OK);
    CHECK_INT(f, 3);
    CHECK_INT(tracuu_db_termfreq(db, "kinh", &f), TRACUU_OK);
    CHECK_INT(f, 2);
    CHECK_INT(tracuu_db_termfreq(db, "tam", &f), TRACUU_OK);
    CHECK_INT(f, 0);

    /* term walks */
    list_init(&l, 0);
    CHECK_INT(tracuu_db_all_terms(db, "Q", term_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "Q/a(1/0),Q/b(1/0),Q/c(1/0),Q/d(1/0)");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_all_terms(db, "ng", term_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "nghi(3/3)");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_all_terms(db, "Y", term_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "Y2019(1/0),Y2021(1/0),Y2022(1/0),Y2023(1/0)");
    list_init(&l, 2);
    CHECK_INT(tracuu_db_all_terms(db, "", term_cb, &l), TRACUU_OK);
    CHECK_INT(l.n, 2);
    CHECK_STR(l.buf, "25(1/1),Q/a(1/0)");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_doc_terms(db, 1, "Y", term_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "Y2023(1/0)");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_doc_terms(db, 3, "t", term_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "tap(1/1),te(2/1),the(1/1),thi(1/1),trien(1/1)");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_doc_terms(db, 5, "", term_cb, &l),
              TRACUU_ERR_NOT_FOUND);
    CHECK_INT(l.n, 0);
    list_init(&l, 0);
    CHECK_INT(tracuu_db_postings(db, "nghi", docid_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "1,3,4");
    list_init(&l, 1);
    CHECK_INT(tracuu_db_postings(db, "nghi", docid_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "1");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_postings(db, "khong", docid_cb, &l), TRACUU_OK);
    CHECK_INT(l.n, 0);

    /* metadata */
    CHECK_INT(tracuu_db_get_metadata(db, "tracuu.last_run", &s, &len),
              TRACUU_OK);
    CHECK_STR(s, "2024-05-01");
    CHECK_INT(len, 10);
    free(s);
    CHECK_INT(tracuu_db_get_metadata(db, "unset", &s, &len), TRACUU_OK);
    CHECK_STR(s, "");
    CHECK_INT(len, 0);
    free(s);
    list_init(&l, 0);
    CHECK_INT(tracuu_db_metadata_keys(db, "tracuu.", str_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "tracuu.last_run,tracuu.version");

    /* synonyms */
    list_init(&l, 0);
    CHECK_INT(tracuu_db_synonyms(db, "nq", str_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "nghi quyet,nghiquyet");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_synonyms(db, "bc", str_cb, &l), TRACUU_OK);
    CHECK_INT(l.n, 0);
    list_init(&l, 0);
    CHECK_INT(tracuu_db_synonym_keys(db, "", str_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "ct,nq");
    list_init(&l, 0);
    CHECK_INT(tracuu_db_synonym_keys(db, "n", str_cb, &l), TRACUU_OK);
    CHECK_STR(l.buf, "nq");

    /* a read handle refuses writes */
    tracuu_doc_t *doc = tracuu_doc_new();
    CHECK(doc != NULL);
    CHECK_INT(tracuu_doc_add_boolean_term(doc, "Q/z", 3), TRACUU_OK);
    CHECK_INT(tracuu_db_replace(db, "Q/z", doc, &id), TRACUU_ERR_DB_READONLY);
    CHECK_INT(id, 0);
    CHECK(strstr(tracuu_db_last_error(db), "read-only") != NULL);
    CHECK(strstr(tracuu_db_last_error(db), path) != NULL);
    tracuu_doc_free(doc);
    CHECK_INT(tracuu_db_delete(db, "Q/a"), TRACUU_ERR_DB_READONLY);
    CHECK_INT(tracuu_db_commit(db), TRACUU_ERR_DB_READONLY);
    CHECK_INT(tracuu_db_set_metadata(db, "k", "v", 1),
              TRACUU_ERR_DB_READONLY);
    CHECK_INT(tracuu_db_add_synonym(db, "k", "v"), TRACUU_ERR_DB_READONLY);
    CHECK_INT(tracuu_db_clear_synonyms(db, "nq"), TRACUU_ERR_DB_READONLY);
    CHECK_INT(tracuu_db_doccount(db), 4);

    tracuu_db_close(db);
}

static void test_queries(const char *path)
{
    tracuu_db_t *db = NULL;
    char buf[256];
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_READ, &db, NULL), TRACUU_OK);
    if (!db)
        return;

    CHECK_STR(set_of(db, T("kinh"), buf, sizeof buf), "2,3");
    CHECK_STR(set_of(db, T("khong"), buf, sizeof buf), "");
    CHECK_STR(set_of(db, C2(TRACUU_OP_AND, T("nghi"), T("quyet"), 0), buf,
                     sizeof buf), "1,3,4");
    CHECK_STR(set_of(db, C2(TRACUU_OP_AND, T("nghi"), T("kinh"), 0), buf,
                     sizeof buf), "3");
    CHECK_STR(set_of(db, C2(TRACUU_OP_OR, T("bao"), T("chi"), 0), buf,
                     sizeof buf), "2,3");
    CHECK_STR(set_of(db, C2(TRACUU_OP_AND_NOT, T("kinh"), T("chi"), 0), buf,
                     sizeof buf), "2");
    CHECK_STR(set_of(db, C2(TRACUU_OP_AND_MAYBE, T("kinh"), T("chi"), 0), buf,
                     sizeof buf), "2,3");
    CHECK_STR(set_of(db, C2(TRACUU_OP_AND_MAYBE, T("chi"), T("kinh"), 0), buf,
                     sizeof buf), "3");
    CHECK_STR(set_of(db, C2(TRACUU_OP_FILTER, T("nghi"), T("Y2023"), 0), buf,
                     sizeof buf), "1");
    CHECK_STR(set_of(db, C2(TRACUU_OP_SYNONYM, T("bao"), T("chi"), 0), buf,
                     sizeof buf), "2,3");

    /* phrases: adjacent in order only */
    CHECK_STR(set_of(db, C2(TRACUU_OP_PHRASE, T("nghi"), T("quyet"), 0), buf,
                     sizeof buf), "1,3");
    CHECK_STR(set_of(db, C2(TRACUU_OP_PHRASE, T("quyet"), T("nghi"), 0), buf,
                     sizeof buf), "");
    CHECK_STR(set_of(db, C2(TRACUU_OP_PHRASE, T("kinh"), T("te"), 0), buf,
                     sizeof buf), "2,3");
    CHECK_STR(set_of(db, C2(TRACUU_OP_PHRASE, T("ban"), T("hanh"), 0), buf,
                     sizeof buf), "");
    /* doc 4: nghi at 2, quyet at 6: a span of 5 positions */
    CHECK_STR(set_of(db, C2(TRACUU_OP_NEAR, T("quyet"), T("nghi"), 5), buf,
                     sizeof buf), "1,3,4");
    CHECK_STR(set_of(db, C2(TRACUU_OP_NEAR, T("quyet"), T("nghi"), 4), buf,
                     sizeof buf), "1,3");

    /* combining rules */
    tracuu_query_t *subs3[3] = { NULL, T("kinh"), NULL };
    CHECK_STR(set_of(db, tracuu_query_combine(TRACUU_OP_OR, subs3, 3, 0), buf,
                     sizeof buf), "2,3");
    tracuu_query_t *q = tracuu_query_combine(TRACUU_OP_AND, NULL, 0, 0);
    CHECK(q != NULL);
    CHECK(tracuu_query_is_empty(q));
    tracuu_query_free(q);
    tracuu_query_t *one[1] = { T("kinh") };
    q = tracuu_query_combine(TRACUU_OP_AND_NOT, one, 1, 0);
    char *d = tracuu_query_describe(q);
    CHECK_STR(d, "Query(kinh)");
    free(d);
    CHECK_STR(set_of(db, q, buf, sizeof buf), "2,3");
    tracuu_query_t *lhs_null[2] = { NULL, T("kinh") };
    q = tracuu_query_combine(TRACUU_OP_AND_NOT, lhs_null, 2, 0);
    CHECK(q && tracuu_query_is_empty(q));
    CHECK_STR(set_of(db, q, buf, sizeof buf), "");
    tracuu_query_t *bad[2] = { T("a"), T("b") };
    CHECK(tracuu_query_combine(TRACUU_OP_LAST, bad, 2, 0) == NULL);
    CHECK(bad[0] == NULL && bad[1] == NULL);   /* freed (ASan: no leak) */
    CHECK(tracuu_query_is_empty(NULL));

    /* match all / nothing */
    CHECK_STR(set_of(db, tracuu_query_match_all(), buf, sizeof buf),
              "1,2,3,4");
    CHECK_STR(set_of(db, tracuu_query_match_nothing(), buf, sizeof buf), "");

    /* value ranges on the YYYYMMDD slot */
    CHECK_STR(set_of(db, tracuu_query_value_range(SLOT_DATE, "20210101",
                                                  "20221231"),
                     buf, sizeof buf), "2,3");
    CHECK_STR(set_of(db, tracuu_query_value_range(SLOT_DATE, "20220101",
                                                  NULL),
                     buf, sizeof buf), "1,3");
    CHECK_STR(set_of(db, tracuu_query_value_range(SLOT_DATE, NULL,
                                                  "20211231"),
                     buf, sizeof buf), "2,4");
    CHECK_STR(set_of(db, tracuu_query_value_range(SLOT_DATE, NULL, NULL),
                     buf, sizeof buf), "1,2,3,4");
    CHECK_STR(set_of(db, tracuu_query_value_range(SLOT_DATE, "20230106",
                                                  "20991231"),
                     buf, sizeof buf), "");
    CHECK_STR(set_of(db, C2(TRACUU_OP_FILTER, T("nghi"),
                            tracuu_query_value_range(SLOT_DATE, "20200101",
                                                     "20221231"), 0),
                     buf, sizeof buf), "3");

    /* scale: weights exactly double; negative factor refused */
    tracuu_mset_t *m1 = NULL, *m2 = NULL;
    q = T("kinh");
    tracuu_query_t *q2 = tracuu_query_scale(tracuu_query_copy(q), 2.0);
    CHECK(q2 != NULL);
    d = tracuu_query_describe(q2);
    CHECK(d && strstr(d, "kinh") && strstr(d, "2"));
    free(d);
    CHECK_INT(tracuu_db_search(db, q, NULL, &m1), TRACUU_OK);
    CHECK_INT(tracuu_db_search(db, q2, NULL, &m2), TRACUU_OK);
    if (m1 && m2) {
        CHECK_INT(tracuu_mset_size(m1), 2);
        CHECK_INT(tracuu_mset_size(m2), 2);
        CHECK(tracuu_mset_weight(m1, 0) > 0);
        CHECK(fabs(tracuu_mset_weight(m2, 0) -
                   2 * tracuu_mset_weight(m1, 0)) < 1e-9);
        CHECK_INT(tracuu_mset_docid(m1, 0), tracuu_mset_docid(m2, 0));
        CHECK_INT(tracuu_mset_docid(m1, 2), 0);       /* out of range */
        CHECK(tracuu_mset_weight(m1, 2) == 0.0);
    }
    tracuu_mset_free(m1);
    tracuu_mset_free(m2);
    tracuu_query_free(q2);
    CHECK(tracuu_query_scale(q, -1.0) == NULL);    /* q freed */
    CHECK(tracuu_query_scale(NULL, 1.0) == NULL);

    /* sorting by date, both ways, and paging */
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 10;
    o.sort_slot = SLOT_DATE;
    CHECK_STR(ids(db, tracuu_query_match_all(), &o, buf, sizeof buf),
              "4,2,3,1");
    o.sort_descending = 1;
    CHECK_STR(ids(db, tracuu_query_match_all(), &o, buf, sizeof buf),
              "1,3,2,4");
    CHECK_STR(ids(db, T("nghi"), &o, buf, sizeof buf), "1,3,4");
    o.offset = 1;
    o.limit = 2;
    CHECK_STR(ids(db, tracuu_query_match_all(), &o, buf, sizeof buf), "3,2");
    o.offset = 3;
    CHECK_STR(ids(db, tracuu_query_match_all(), &o, buf, sizeof buf), "4");
    o.offset = 4;
    CHECK_STR(ids(db, tracuu_query_match_all(), &o, buf, sizeof buf), "");
    o.offset = 0;
    o.limit = 10;
    o.sort_descending = 0;
    CHECK_STR(ids(db, T("nghi"), &o, buf, sizeof buf), "4,3,1");

    /* totals */
    tracuu_mset_t *m = NULL;
    memset(&o, 0, sizeof o);
    o.limit = 1;
    o.sort_slot = -1;
    o.check_at_least = 100;
    q = C2(TRACUU_OP_OR, T("nghi"), T("kinh"), 0);
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    CHECK_INT(tracuu_mset_size(m), 1);
    CHECK_INT(tracuu_mset_total(m), 4);
    CHECK_INT(tracuu_mset_total_lower(m), 4);
    tracuu_mset_free(m);
    tracuu_query_free(q);

    /* relevance: the document with "kinh te" twice... only ordering by
     * weight is promised: weights do not increase down the page */
    memset(&o, 0, sizeof o);
    o.limit = 10;
    o.sort_slot = -1;
    q = C2(TRACUU_OP_OR, T("nghi"), T("kinh"), 0);
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    CHECK_INT(tracuu_mset_size(m), 4);
    for (uint32_t i = 1; i < tracuu_mset_size(m); i++)
        CHECK(tracuu_mset_weight(m, i) <= tracuu_mset_weight(m, i - 1));
    CHECK_INT(tracuu_mset_docid(m, 0), 3);    /* the only one with both */
    tracuu_mset_free(m);
    tracuu_query_free(q);

    tracuu_db_close(db);
}

static void test_facets(const char *path)
{
    tracuu_db_t *db = NULL;
    char buf[256];
    tracuu_mset_t *m = NULL;
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_READ, &db, NULL), TRACUU_OK);
    if (!db)
        return;
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 1;               /* counts still cover every match */
    o.sort_slot = -1;
    o.facet_slots[0] = SLOT_TYPES;
    o.facet_slots[1] = SLOT_YEAR;
    o.facet_slots[2] = 9;      /* never set */
    o.n_facet_slots = 3;
    tracuu_query_t *q = tracuu_query_match_all();
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    tracuu_query_free(q);
    if (m) {
        CHECK_INT(tracuu_mset_size(m), 1);
        CHECK_INT(tracuu_mset_total(m), 4);
        CHECK_STR(facets(m, 0, buf, sizeof buf), "nq=3,ct=2,bc=1");
        CHECK_STR(facets(m, 1, buf, sizeof buf),
                  "2019=1,2021=1,2022=1,2023=1");
        CHECK_INT(tracuu_mset_facet_size(m, 2), 0);
        CHECK_INT(tracuu_mset_facet_size(m, 3), 0);   /* not requested */
        uint32_t c = 7;
        CHECK(tracuu_mset_facet_value(m, 0, 3, &c) == NULL);
        CHECK_INT(c, 0);
        tracuu_mset_free(m);
    }
    /* restricted to the matches of a query */
    o.n_facet_slots = 1;
    o.limit = 0;
    q = T("kinh");
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    tracuu_query_free(q);
    if (m) {
        CHECK_INT(tracuu_mset_size(m), 0);
        CHECK_STR(facets(m, 0, buf, sizeof buf), "bc=1,ct=1,nq=1");
        tracuu_mset_free(m);
    }
    o.n_facet_slots = TRACUU_MAX_FACET_SLOTS + 1;
    q = T("kinh");
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_ERR_INVALID_ARG);
    CHECK(m == NULL);
    tracuu_query_free(q);
    tracuu_db_close(db);
}

static void test_limits_and_nulls(const char *path)
{
    char long_term[300];
    memset(long_term, 'x', sizeof long_term);
    long_term[0] = 'Q';
    long_term[sizeof long_term - 1] = '\0';
    tracuu_doc_t *doc = tracuu_doc_new();
    CHECK(doc != NULL);
    CHECK_INT(tracuu_doc_add_posting(doc, long_term, 241, 1, 1),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_add_term(doc, long_term, 241, 1),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_add_boolean_term(doc, long_term, 241),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_add_term(doc, long_term, 0, 1),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_add_boolean_term(doc, long_term, 240), TRACUU_OK);
    CHECK_INT(tracuu_doc_add_posting(NULL, "a", 1, 1, 1),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_add_posting(doc, NULL, 1, 1, 1),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_set_value(NULL, 0, "a", 1), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_set_value(doc, 0, NULL, 1), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_doc_set_data(doc, NULL, 0), TRACUU_OK);
    CHECK_INT(tracuu_doc_set_data(NULL, "a", 1), TRACUU_ERR_INVALID_ARG);
    tracuu_doc_free(NULL);

    /* queries */
    CHECK(tracuu_query_term(NULL, 1, 1) == NULL);
    CHECK(tracuu_query_term("a", 0, 1) == NULL);
    tracuu_query_t *q = tracuu_query_term(long_term, 241, 1);
    CHECK(q && tracuu_query_is_empty(q));
    tracuu_query_free(q);
    tracuu_query_free(NULL);
    CHECK(tracuu_query_copy(NULL) == NULL);
    CHECK(tracuu_query_describe(NULL) == NULL);

    /* handles */
    tracuu_db_t *db = NULL;
    char *err = NULL;
    CHECK_INT(tracuu_db_open(NULL, TRACUU_DB_READ, &db, &err),
              TRACUU_ERR_INVALID_ARG);
    CHECK(db == NULL);
    CHECK(err != NULL);
    free(err);
    err = NULL;
    CHECK_INT(tracuu_db_open(path, 7, &db, &err), TRACUU_ERR_INVALID_ARG);
    free(err);
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_READ, NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    tracuu_db_close(NULL);
    CHECK_STR(tracuu_db_last_error(NULL), "");
    CHECK_INT(tracuu_db_doccount(NULL), 0);
    CHECK_INT(tracuu_db_reopen(NULL), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_commit(NULL), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_get_data(NULL, 1, &err, NULL),
              TRACUU_ERR_INVALID_ARG);

    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    if (!db) {
        tracuu_doc_free(doc);
        return;
    }
    char *s = NULL;
    uint32_t f = 0;
    tracuu_docid_t id = 0;
    tracuu_mset_t *m = NULL;
    CHECK_INT(tracuu_db_get_data(db, 1, NULL, NULL), TRACUU_ERR_INVALID_ARG);
    CHECK(strstr(tracuu_db_last_error(db), "NULL") != NULL);
    CHECK_INT(tracuu_db_get_value(db, 1, 0, NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_termfreq(db, NULL, &f), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_termfreq(db, long_term, &f), TRACUU_OK);
    CHECK_INT(f, 0);
    CHECK_INT(tracuu_db_find_term(db, "a", NULL), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_all_terms(db, "", NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_doc_terms(db, 1, "", NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_postings(db, NULL, docid_cb, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_get_metadata(db, NULL, &s, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_get_metadata(db, "", &s, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_synonyms(db, NULL, str_cb, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_synonym_keys(db, "", NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_search(db, NULL, NULL, &m), TRACUU_ERR_INVALID_ARG);
    CHECK(m == NULL);
    CHECK_INT(tracuu_db_replace(db, NULL, doc, &id), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_replace(db, "Q/a", NULL, &id),
              TRACUU_ERR_INVALID_ARG);
    /* the unique term must be one of the document's terms */
    CHECK_INT(tracuu_db_replace(db, "Q/zz", doc, &id),
              TRACUU_ERR_INVALID_ARG);
    CHECK(strstr(tracuu_db_last_error(db), "Q/zz") != NULL);
    CHECK_INT(tracuu_db_replace(db, long_term, doc, &id),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_delete(db, NULL), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_set_metadata(db, NULL, "v", 1),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_add_synonym(db, "k", NULL), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_clear_synonyms(db, NULL), TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_db_doccount(db), 4);
    tracuu_db_close(db);
    tracuu_doc_free(doc);
}

static void test_missing_and_lock(const char *path)
{
    char missing[128];
    path_in(missing, sizeof missing, "nowhere/db");
    tracuu_db_t *db = NULL;
    char *err = NULL;
    CHECK_INT(tracuu_db_open(missing, TRACUU_DB_READ, &db, &err),
              TRACUU_ERR_DB_OPEN);
    CHECK(db == NULL);
    CHECK(err && strstr(err, missing) && strstr(err, "tracuu-index"));
    free(err);
    err = NULL;
    /* a folder that is not a database */
    CHECK_INT(tracuu_db_open(tmp, TRACUU_DB_READ, &db, &err),
              TRACUU_ERR_DB_OPEN);
    CHECK(err && strstr(err, tmp));
    free(err);
    err = NULL;
    /* writing where the parent folder is missing */
    CHECK_INT(tracuu_db_open(missing, TRACUU_DB_WRITE, &db, &err),
              TRACUU_ERR_DB_OPEN);
    CHECK(err && strstr(err, missing));
    free(err);
    err = NULL;

    /* a second writer is refused while the first holds the lock */
    tracuu_db_t *w1 = NULL, *w2 = NULL;
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &w1, NULL), TRACUU_OK);
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &w2, &err),
              TRACUU_ERR_DB_LOCKED);
    CHECK(w2 == NULL);
    CHECK(err && strstr(err, path));
    free(err);
    err = NULL;
    /* readers are not blocked */
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_READ, &db, NULL), TRACUU_OK);
    tracuu_db_close(db);
    tracuu_db_close(w1);
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &w2, NULL), TRACUU_OK);
    tracuu_db_close(w2);
}

/* A writer's uncommitted changes are invisible to a reader until commit and
 * reopen; close commits. */
static void test_commit_visibility(void)
{
    char p[128];
    path_in(p, sizeof p, "vis");
    tracuu_db_t *w = NULL, *r = NULL;
    tracuu_docid_t id = 0;
    CHECK_INT(tracuu_db_open(p, TRACUU_DB_WRITE, &w, NULL), TRACUU_OK);
    if (!w)
        return;
    CHECK_INT(put_doc(w, "x", "mot hai", "20200101", "bc", "X", &id),
              TRACUU_OK);
    CHECK_INT(tracuu_db_commit(w), TRACUU_OK);
    CHECK_INT(tracuu_db_open(p, TRACUU_DB_READ, &r, NULL), TRACUU_OK);
    if (!r) {
        tracuu_db_close(w);
        return;
    }
    CHECK_INT(tracuu_db_doccount(r), 1);
    CHECK_INT(put_doc(w, "y", "ba bon", "20200102", "bc", "Y", &id),
              TRACUU_OK);
    CHECK_INT(tracuu_db_doccount(w), 2);
    CHECK_INT(tracuu_db_reopen(r), TRACUU_OK);
    CHECK_INT(tracuu_db_doccount(r), 1);
    tracuu_db_close(w);                       /* commits */
    CHECK_INT(tracuu_db_reopen(r), TRACUU_OK);
    CHECK_INT(tracuu_db_doccount(r), 2);
    tracuu_db_close(r);
}

/* A value of an existing document changes; its terms and data stay. */
static void test_set_doc_value(void)
{
    char p[128];
    path_in(p, sizeof p, "setval");
    tracuu_db_t *w = NULL, *r = NULL;
    tracuu_docid_t id = 0, found = 0;
    CHECK_INT(tracuu_db_open(p, TRACUU_DB_WRITE, &w, NULL), TRACUU_OK);
    if (!w)
        return;
    CHECK_INT(put_doc(w, "x", "mot hai", "20200101", "bc", "X", &id), TRACUU_OK);
    CHECK_INT(tracuu_db_set_doc_value(w, id, 2, "123.5", 5), TRACUU_OK);
    CHECK_INT(tracuu_db_set_doc_value(w, 9999, 2, "1", 1), TRACUU_ERR_NOT_FOUND);
    CHECK_INT(tracuu_db_set_doc_value(w, 0, 2, "1", 1), TRACUU_ERR_NOT_FOUND);
    tracuu_db_close(w);
    CHECK_INT(tracuu_db_open(p, TRACUU_DB_READ, &r, NULL), TRACUU_OK);
    if (!r)
        return;
    char *v = NULL, *data = NULL;
    size_t len = 0;
    CHECK_INT(tracuu_db_get_value(r, id, 2, &v, &len), TRACUU_OK);
    CHECK_STR(v, "123.5");
    CHECK_INT(tracuu_db_get_data(r, id, &data, &len), TRACUU_OK);
    CHECK(data && len > 0);
    CHECK_INT(tracuu_db_find_term(r, "Q/x", &found), TRACUU_OK);
    CHECK_INT(found, id);
    CHECK_INT(tracuu_db_set_doc_value(r, id, 2, "1", 1), TRACUU_ERR_DB_READONLY);
    free(v);
    free(data);
    tracuu_db_close(r);
}

/* Fill BUF (N bytes, NUL-terminated) with incompressible letters. */
static void random_text(char *buf, size_t n, uint32_t seed)
{
    uint32_t x = seed;
    for (size_t j = 0; j + 1 < n; j++) {
        x = x * 1103515245u + 12345u;
        buf[j] = (char)('a' + (x >> 16) % 26);
    }
    buf[n - 1] = '\0';
}

/* A reader left behind by several commits of a multi-block table: Xapian
 * throws DatabaseModifiedError, the wrapper reopens once and retries. */
static void test_modified(void)
{
    char p[128];
    static char data[20000];
    path_in(p, sizeof p, "mod");
    tracuu_db_t *w = NULL, *r = NULL, *r2 = NULL;
    tracuu_docid_t id = 0;
    CHECK_INT(tracuu_db_open(p, TRACUU_DB_WRITE, &w, NULL), TRACUU_OK);
    if (!w)
        return;
    for (int rev = 0; rev < 4; rev++) {
        for (int i = 0; i < 6; i++) {
            char uid[8];
            snprintf(uid, sizeof uid, "m%d", i);
            random_text(data, sizeof data, (uint32_t)(rev * 100 + i));
            data[0] = (char)('0' + rev);
            CHECK_INT(put_doc(w, uid, "mot", "20200101", "bc", data, &id),
                      TRACUU_OK);
        }
        CHECK_INT(tracuu_db_commit(w), TRACUU_OK);
        if (rev == 0) {
            CHECK_INT(tracuu_db_open(p, TRACUU_DB_READ, &r, NULL),
                      TRACUU_OK);
            CHECK_INT(tracuu_db_open(p, TRACUU_DB_READ, &r2, NULL),
                      TRACUU_OK);
        }
    }
    if (!r) {
        tracuu_db_close(w);
        return;
    }
    /* the reads reopen once by themselves and see the newest revision */
    for (tracuu_docid_t d = 1; d <= 6; d++) {
        char *got = NULL;
        CHECK_INT(tracuu_db_get_data(r, d, &got, NULL), TRACUU_OK);
        CHECK(got && got[0] == '3');
        free(got);
    }
    CHECK_INT(tracuu_db_reopen(r), TRACUU_OK);
    CHECK_INT(tracuu_db_doccount(r), 6);
    /* the other stale reader: a search succeeds (reopening if Xapian asks
     * for it), then its data reads see the newest revision */
    if (r2) {
        tracuu_search_opts_t o;
        memset(&o, 0, sizeof o);
        o.limit = 10;
        o.sort_slot = -1;
        o.facet_slots[0] = SLOT_TYPES;
        o.n_facet_slots = 1;
        tracuu_mset_t *m = NULL;
        tracuu_query_t *q = T("mot");
        CHECK_INT(tracuu_db_search(r2, q, &o, &m), TRACUU_OK);
        CHECK_INT(tracuu_mset_size(m), 6);
        char buf[64];
        if (m)
            CHECK_STR(facets(m, 0, buf, sizeof buf), "bc=6");
        tracuu_mset_free(m);
        tracuu_query_free(q);
        char *got = NULL;
        CHECK_INT(tracuu_db_get_data(r2, 6, &got, NULL), TRACUU_OK);
        CHECK(got && got[0] == '3');
        free(got);
        tracuu_db_close(r2);
    }
    tracuu_db_close(r);
    tracuu_db_close(w);
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[8192];
    size_t n;
    int rc = (in && out) ? 0 : -1;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            rc = -1;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        rc = -1;
    return rc;
}

/* Copy the database into folder NAME and fill the table files of the copy
 * (every *.glass, or only the file ONLY) with garbage.  Returns the number
 * of files damaged. */
static int corrupt_copy(const char *path, const char *name, const char *only,
                        char *copy, size_t ncopy)
{
    path_in(copy, ncopy, name);
    CHECK(mkdir(copy, 0700) == 0);
    DIR *d = opendir(path);
    CHECK(d != NULL);
    if (!d)
        return 0;
    struct dirent *e;
    int n_damaged = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char from[512], to[512];
        snprintf(from, sizeof from, "%s/%s", path, e->d_name);
        snprintf(to, sizeof to, "%s/%s", copy, e->d_name);
        CHECK(copy_file(from, to) == 0);
        size_t nl = strlen(e->d_name);
        int hit = only ? !strcmp(e->d_name, only)
                       : (nl > 6 && !strcmp(e->d_name + nl - 6, ".glass"));
        if (!hit)
            continue;
        struct stat st;
        int fd = open(to, O_WRONLY);
        CHECK(fd >= 0);
        if (fd >= 0 && fstat(fd, &st) == 0) {
            char junk[256];
            memset(junk, 0x5a, sizeof junk);
            for (off_t off = 0; off < st.st_size; off += sizeof junk)
                CHECK(pwrite(fd, junk, sizeof junk, off) ==
                      (ssize_t)sizeof junk);
            n_damaged++;
        }
        if (fd >= 0)
            close(fd);
    }
    closedir(d);
    return n_damaged;
}

/* Every table damaged: the open itself fails, naming the copy. */
static void test_corrupt_all(const char *path)
{
    char copy[128];
    CHECK(corrupt_copy(path, "corrupt_all", NULL, copy, sizeof copy) >= 4);
    tracuu_db_t *db = NULL;
    char *err = NULL;
    CHECK_INT(tracuu_db_open(copy, TRACUU_DB_READ, &db, &err),
              TRACUU_ERR_DB_CORRUPT);
    CHECK(db == NULL);
    CHECK(err && strstr(err, copy) && strstr(err, "DatabaseCorruptError"));
    free(err);
    tracuu_db_close(db);
}

/* Damage one 8 KiB block at a time of the document-data table of a
 * multi-block database.  Whatever the block, nothing crashes, every call
 * gives OK or DB_CORRUPT, and some damage is only found when reading
 * (after a successful open), with the message of the failing call. */
static void test_corrupt_blocks(void)
{
    char big[128], copy[160];
    path_in(big, sizeof big, "big");
    tracuu_db_t *db = NULL;
    tracuu_docid_t id = 0;
    static char data[20000];
    CHECK_INT(tracuu_db_open(big, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    if (!db)
        return;
    for (int i = 0; i < 6; i++) {
        char uid[8];
        snprintf(uid, sizeof uid, "b%d", i);
        random_text(data, sizeof data, 12345u + (uint32_t)i);
        CHECK_INT(put_doc(db, uid, "cong tac dan van", "20200101", "nq",
                          data, &id), TRACUU_OK);
    }
    tracuu_db_close(db);

    char table[200];
    snprintf(table, sizeof table, "%s/docdata.glass", big);
    struct stat st;
    CHECK(stat(table, &st) == 0);
    int n_blocks = (int)(st.st_size / 8192);
    CHECK(n_blocks >= 4);
    int open_failed = 0, read_failed = 0, bad_status = 0;
    for (int b = 0; b < n_blocks && b < 64; b++) {
        path_in(copy, sizeof copy, "blk");
        rm_rf(copy);
        CHECK(mkdir(copy, 0700) == 0);
        const char *files[] = { "docdata.glass", "postlist.glass",
                                "termlist.glass", "position.glass",
                                "iamglass", "flintlock" };
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            char from[256], to[256];
            snprintf(from, sizeof from, "%s/%s", big, files[f]);
            snprintf(to, sizeof to, "%s/%s", copy, files[f]);
            if (access(from, F_OK) == 0)
                CHECK(copy_file(from, to) == 0);
        }
        snprintf(table, sizeof table, "%s/docdata.glass", copy);
        int fd = open(table, O_WRONLY);
        CHECK(fd >= 0);
        if (fd < 0)
            continue;
        char junk[8192];
        memset(junk, 0x5a, sizeof junk);
        CHECK(pwrite(fd, junk, sizeof junk, (off_t)b * 8192) ==
              (ssize_t)sizeof junk);
        close(fd);

        char *err = NULL;
        tracuu_status_t s = tracuu_db_open(copy, TRACUU_DB_READ, &db, &err);
        if (s != TRACUU_OK) {
            open_failed++;
            if (s != TRACUU_ERR_DB_CORRUPT || !err || !strstr(err, copy))
                bad_status++;
            free(err);
            continue;
        }
        for (tracuu_docid_t d = 1; d <= 6; d++) {
            char *got = NULL;
            size_t len = 0;
            s = tracuu_db_get_data(db, d, &got, &len);
            if (s == TRACUU_OK) {
                free(got);
                continue;
            }
            read_failed++;
            if (s != TRACUU_ERR_DB_CORRUPT ||
                !strstr(tracuu_db_last_error(db), "get_data: Database"))
                bad_status++;
            break;
        }
        tracuu_db_close(db);
    }
    CHECK_INT(bad_status, 0);
    CHECK(read_failed > 0);
    CHECK(open_failed + read_failed <= n_blocks);
}

/* A stub file naming two databases is searched as one. */
static void test_stub(void)
{
    char s1[128], s2[128], stub[128];
    path_in(s1, sizeof s1, "shard1");
    path_in(s2, sizeof s2, "shard2");
    path_in(stub, sizeof stub, "all.stub");
    tracuu_db_t *db = NULL;
    tracuu_docid_t id = 0;
    CHECK_INT(tracuu_db_open(s1, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    if (db) {
        CHECK_INT(put_doc(db, "s1a", "dan van kheo", "20200101", "nq", "1A",
                          &id), TRACUU_OK);
        CHECK_INT(put_doc(db, "s1b", "cong tac dan van", "20200202", "ct",
                          "1B", &id), TRACUU_OK);
        tracuu_db_close(db);
    }
    CHECK_INT(tracuu_db_open(s2, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    if (db) {
        CHECK_INT(put_doc(db, "s2a", "dan van chinh quyen", "20210303",
                          "nq\nct", "2A", &id), TRACUU_OK);
        CHECK_INT(put_doc(db, "s2b", "tiep dan dinh ky", "20210404", "bc",
                          "2B", &id), TRACUU_OK);
        tracuu_db_close(db);
    }
    FILE *f = fopen(stub, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f, "auto %s\nauto %s\n", s1, s2);
    fclose(f);

    char *err = NULL;
    db = NULL;
    CHECK_INT(tracuu_db_open(stub, TRACUU_DB_READ, &db, &err), TRACUU_OK);
    if (!db) {
        fprintf(stderr, "stub: %s\n", err ? err : "?");
        free(err);
        return;
    }
    char buf[256];
    CHECK_INT(tracuu_db_doccount(db), 4);
    /* docids interleave: shard1 doc n = 2n-1, shard2 doc n = 2n */
    CHECK_STR(set_of(db, T("van"), buf, sizeof buf), "1,2,3");
    CHECK_STR(set_of(db, T("dan"), buf, sizeof buf), "1,2,3,4");
    CHECK_INT(tracuu_db_find_term(db, "Q/s2b", &id), TRACUU_OK);
    CHECK_INT(id, 4);
    char *data = NULL;
    CHECK_INT(tracuu_db_get_data(db, id, &data, NULL), TRACUU_OK);
    CHECK_STR(data, "2B");
    free(data);
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 10;
    o.sort_slot = SLOT_DATE;
    o.sort_descending = 1;
    o.facet_slots[0] = SLOT_TYPES;
    o.n_facet_slots = 1;
    CHECK_STR(ids(db, T("dan"), &o, buf, sizeof buf), "4,2,3,1");
    tracuu_mset_t *m = NULL;
    tracuu_query_t *q = T("van");
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    if (m)
        CHECK_STR(facets(m, 0, buf, sizeof buf), "ct=2,nq=2");
    tracuu_mset_free(m);
    tracuu_query_free(q);
    /* a stub is read-only */
    CHECK_INT(tracuu_db_delete(db, "Q/s1a"), TRACUU_ERR_DB_READONLY);
    tracuu_db_close(db);
}

/* Rescoring (tracuu_search_opts_t.rescore_window): the phrase boost of
 * "(alpha AND beta) AND_MAYBE alpha PHRASE beta" weighs only the best
 * matches of the query without it; totals and facets still count every
 * match; a window holding every match ranks exactly as without one. */
static uint32_t page_ids(tracuu_db_t *db, const tracuu_query_t *q, uint32_t window,
                         uint32_t limit, tracuu_docid_t *ids, uint32_t *total, char *fac,
                         size_t facn)
{
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = limit;
    o.sort_slot = -1;
    o.rescore_window = window;
    o.facet_slots[0] = SLOT_TYPES;
    o.n_facet_slots = 1;
    tracuu_mset_t *m = NULL;
    CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
    if (!m)
        return 0;
    uint32_t n = tracuu_mset_size(m);
    for (uint32_t i = 0; i < n; i++)
        ids[i] = tracuu_mset_docid(m, i);
    *total = tracuu_mset_total(m);
    facets(m, 0, fac, facn);
    CHECK(tracuu_mset_total_exact(m));
    tracuu_mset_free(m);
    return n;
}

/* A new database NAME in the test folder, open for writing (NULL: failed,
 * and said so). */
static tracuu_db_t *new_db(const char *name)
{
    char path[128];
    path_in(path, sizeof path, name);
    tracuu_db_t *db = NULL;
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    return db;
}

/* The facet sample of a large match: documents are numbered in path
 * order, so an archive kept in year folders has all of one year first.
 * 1..1000 are of 2019, 1001..2000 of 2020; a sample of 100 must hold both
 * halves, scaled up to about 1,000 each (the first 100 matches would give
 * 2019=2000). */

static void test_facet_sample(void)
{
    tracuu_db_t *db = new_db("sample");
    if (!db)
        return;
    char uid[16];
    for (int i = 1; i <= 2000; i++) {
        snprintf(uid, sizeof uid, "y%04d", i);
        /* a few longer documents, so the weights differ */
        CHECK_INT(put_doc(db, uid, i % 7 ? "alpha" : "alpha beta gamma",
                          i <= 1000 ? "20190101" : "20200101", "nq", "", NULL),
                  TRACUU_OK);
    }
    CHECK_INT(tracuu_db_commit(db), TRACUU_OK);
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 10;
    o.sort_slot = -1;
    o.facet_slots[0] = SLOT_YEAR;
    o.n_facet_slots = 1;
    /* weighed (Xapian looks at every match) and unweighed (Xapian stops
     * at the sample: the sample is counted again, spread) */
    for (int weighed = 0; weighed < 2; weighed++) {
        static const uint32_t samples[] = {0, 100, 1000};
        for (size_t si = 0; si < sizeof samples / sizeof samples[0]; si++) {
            const uint32_t sample = samples[si];
            o.facet_sample = sample;
            tracuu_query_t *q = weighed ? T("alpha") : tracuu_query_match_all();
            tracuu_mset_t *m = NULL;
            CHECK_INT(tracuu_db_search(db, q, &o, &m), TRACUU_OK);
            tracuu_query_free(q);
            if (!m)
                continue;
            CHECK_INT(tracuu_mset_total(m), 2000);
            uint32_t a = tu_test_facet_count(m, 0, "2019"),
                     b = tu_test_facet_count(m, 0, "2020");
            if (sample == 100) {
                /* estimated: both years, each about half */
                CHECK_INT(tracuu_mset_facets_estimated(m), 1);
                CHECK(a >= 700 && a <= 1300);
                CHECK(b >= 700 && b <= 1300);
            } else {
                /* every match counted: no more than twice the sample */
                CHECK_INT(tracuu_mset_facets_estimated(m), 0);
                CHECK_INT(a, 1000);
                CHECK_INT(b, 1000);
            }
            tracuu_mset_free(m);
        }
    }
    tracuu_db_close(db);
}

static void test_rescore(void)
{
    tracuu_db_t *db = new_db("rescore");
    if (!db)
        return;
    /* 1..20: short, the two words apart (high BM25, no phrase);
     * 21..30: long, the words side by side (low BM25, the phrase) */
    char uid[16], text[2048];
    for (int i = 1; i <= 30; i++) {
        snprintf(uid, sizeof uid, "d%02d", i);
        if (i <= 20)
            snprintf(text, sizeof text, "alpha x beta");
        else {
            size_t k = (size_t)snprintf(text, sizeof text, "alpha beta");
            for (int j = 0; j < 8 && k + 8 < sizeof text; j++)
                k += (size_t)snprintf(text + k, sizeof text - k, " filler");
        }
        CHECK_INT(put_doc(db, uid, text, "20230101", i <= 20 ? "bc" : "nq", "", NULL),
                  TRACUU_OK);
    }
    for (int i = 1; i <= 60; i++) {   /* so the two words are rare enough to weigh */
        snprintf(uid, sizeof uid, "o%02d", i);
        CHECK_INT(put_doc(db, uid, "gamma delta", "20230101", "ct", "", NULL), TRACUU_OK);
    }
    CHECK_INT(tracuu_db_commit(db), TRACUU_OK);
    /* tracuu_query_combine takes its sub-queries */
    tracuu_query_t *w[2] = {T("alpha"), T("beta")}, *w2[2] = {T("alpha"), T("beta")};
    tracuu_query_t *both = tracuu_query_combine(TRACUU_OP_AND, w, 2, 0);
    tracuu_query_t *ph = tracuu_query_combine(TRACUU_OP_PHRASE, w2, 2, 2);
    tracuu_query_t *parts[2] = {tracuu_query_copy(both), ph};
    tracuu_query_t *q = tracuu_query_combine(TRACUU_OP_AND_MAYBE, parts, 2, 0);
    tracuu_docid_t a[30], b[30];
    uint32_t ta = 0, tb = 0;
    char fa[128], fb[128];
    /* no window, and a window holding all 30: the same page, phrase first */
    uint32_t na = page_ids(db, q, 0, 30, a, &ta, fa, sizeof fa);
    uint32_t nb = page_ids(db, q, 30, 30, b, &tb, fb, sizeof fb);
    CHECK_INT(na, 30);
    CHECK_INT(nb, 30);
    CHECK(na == nb && memcmp(a, b, na * sizeof a[0]) == 0);
    CHECK(a[0] >= 21);                      /* the phrase wins */
    CHECK_INT(ta, 30);
    CHECK_INT(tb, 30);
    CHECK_STR(fb, fa);
    /* a window of 5: the 5 best without the boost are the short ones, so
     * no phrase document reaches the page; the totals and facets do not
     * change */
    nb = page_ids(db, q, 5, 5, b, &tb, fb, sizeof fb);
    CHECK_INT(nb, 5);
    for (uint32_t i = 0; i < nb; i++)
        CHECK(b[i] <= 20);
    CHECK_INT(tb, 30);
    CHECK_STR(fb, "bc=20,nq=10");
    /* a page past the window is ranked the exact way */
    nb = page_ids(db, q, 5, 10, b, &tb, fb, sizeof fb);
    CHECK_INT(nb, 10);
    CHECK(b[0] >= 21);
    /* a query without positional boosts is not touched */
    nb = page_ids(db, both, 5, 30, b, &tb, fb, sizeof fb);
    CHECK_INT(nb, 30);
    tracuu_query_free(q);
    tracuu_query_free(both);
    tracuu_db_close(db);
}

void tu_test_main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/tu_xdb_XXXXXX");
    if (!mkdtemp(tmp)) {
        CHECK(!"mkdtemp");
        return;
    }
    char main_db[128];
    path_in(main_db, sizeof main_db, "main");
    build(main_db);
    test_read(main_db);
    test_queries(main_db);
    test_facets(main_db);
    test_facet_sample();
    test_limits_and_nulls(main_db);
    test_missing_and_lock(main_db);
    test_commit_visibility();
    test_set_doc_value();
    test_modified();
    test_corrupt_all(main_db);
    test_corrupt_blocks();
    test_stub();
    test_rescore();
    rm_rf(tmp);
}
