/* Access scopes on a database handle (tracuu/access.h, tracuu_db_set_scope):
 * three folders, users and groups; every read path (search totals, facets,
 * listings, suggestions, term counts, point reads, document view) sees only
 * the allowed folders.  Also tu_path_* and tu_name_escape (base/tu_path.h). */
#include "tu_test.h"
#include <stdlib.h>
#include <unistd.h>
#include "tracuu/access.h"
#include "tracuu/meta.h"
#include "tracuu/search.h"
#include "tracuu/schema.h"
#include "base/tu_path.h"
#include "index/tu_indexdoc.h"

static char dir[64];

static void add(tracuu_db_t *db, const char *path, const char *text)
{
    tracuu_meta_t m;
    tu_test_add_text(db, path, text, &m);
    char key[300];
    for (size_t i = 0; i < m.n_refs; i++) {
        snprintf(key, sizeof key, "ref:%s", m.refs[i].key);
        tracuu_db_set_metadata(db, key, m.refs[i].ref, strlen(m.refs[i].ref));
    }
    tracuu_meta_clear(&m);
}

static uint32_t total(tracuu_db_t *db, const char *q, int year_facets, char *facet, size_t fsz)
{
    tracuu_search_req_t req;
    memset(&req, 0, sizeof req);
    req.query = q;
    req.limit = 100;
    req.want_facets = 1;
    tracuu_results_t *r = NULL;
    if (tracuu_search(db, &req, &r, NULL) != TRACUU_OK)
        return 9999;
    uint32_t t = r->total;
    if (facet) {
        facet[0] = '\0';
        for (size_t j = 0; j < r->n_facets[year_facets]; j++) {
            size_t l = strlen(facet);
            snprintf(facet + l, fsz - l, "%s%s", l ? "," : "", r->facets[year_facets][j].value);
        }
    }
    tracuu_results_free(r);
    return t;
}

static char *suggestion(tracuu_db_t *db, const char *q)
{
    tracuu_search_req_t req;
    memset(&req, 0, sizeof req);
    req.query = q;
    req.want_suggestion = 1;
    tracuu_results_t *r = NULL;
    if (tracuu_search(db, &req, &r, NULL) != TRACUU_OK)
        return strdup("(error)");
    char *s = strdup(r->suggestion ? r->suggestion : "");
    tracuu_results_free(r);
    return s;
}

static void apply(tracuu_access_t *a, tracuu_db_t *db, const char *user,
                  const char *groups, int want)
{
    int what = -1;
    char *err = NULL;
    CHECK_INT(tracuu_access_apply(a, db, user, groups, &what, &err), TRACUU_OK);
    CHECK_INT(what, want);
    free(err);
}

static void test_paths(void)
{
    CHECK(tu_path_under("/srv/a/b.txt", "/srv/a"));
    CHECK(tu_path_under("/srv/a", "/srv/a/"));
    CHECK(!tu_path_under("/srv/ab/c", "/srv/a"));
    CHECK(!tu_path_under("/srv", "/srv/a"));
    CHECK(tu_path_under("/anything", "/"));
    CHECK(!tu_path_under("/x", ""));
    const char *roots[] = {NULL, "/a", "/b/c"};
    CHECK(tu_path_under_any("/b/c/d", roots, 3));
    CHECK(!tu_path_under_any("/b/cd", roots, 3));
    CHECK_INT(tu_path_contained("/no/such/path/here", roots, 3, NULL), TU_MISSING);
    const char *slash[] = {"/"};
    CHECK_INT(tu_path_contained("/tmp", slash, 1, NULL), TU_CONTAINED);
    const char *etc[] = {"/nonexistent-root"};
    CHECK_INT(tu_path_contained("/tmp", etc, 1, NULL), TU_OUTSIDE);

    char *e = tu_name_escape("a\nb\tc\x1b[31md\\e");
    CHECK_STR(e, "a\\nb\\tc\\e[31md\\\\e");
    free(e);
    e = tu_name_escape("Báo cáo tổng kết.txt");
    CHECK_STR(e, "Báo cáo tổng kết.txt");   /* Vietnamese kept */
    free(e);
    e = tu_name_escape("x\xc2\x9b" "2Jy\x7f\xff.txt");   /* C1 CSI, DEL, bad byte */
    CHECK_STR(e, "x\\u009B2Jy\\x7F\\xFF.txt");
    free(e);
    e = tu_name_escape("a\xe2\x80\xa8" "b\rc");   /* U+2028, CR */
    CHECK_STR(e, "a\\u2028b\\rc");
    free(e);
}

static void test_settings(void)
{
    tracuu_access_t *a = tracuu_access_new();
    char *err = NULL;
    CHECK(!tracuu_access_configured(a));
    CHECK_INT(tracuu_access_set(a, "user.an", "relative/x", &err), -1);
    CHECK(err && strstr(err, "not an absolute folder"));
    free(err);
    CHECK_INT(tracuu_access_set(a, "access.groups_var", "HTTP_X_GROUPS", &err), -1);
    CHECK(err && strstr(err, "cannot be trusted"));
    free(err);
    CHECK_INT(tracuu_access_set(a, "colour", "red", &err), -1);
    CHECK(err && strstr(err, "unknown setting"));
    free(err);
    CHECK_INT(tracuu_access_set(a, "groups_var", "AUTHENTICATE_MEMBEROF", &err), 0);
    CHECK_STR(tracuu_access_groups_var(a), "AUTHENTICATE_MEMBEROF");
    CHECK_INT(tracuu_access_set(a, "access.user.an", "/srv/a/", &err), 0);
    CHECK(tracuu_access_configured(a));
    tracuu_access_free(a);
}

void tu_test_main(void)
{
    test_paths();
    test_settings();

    snprintf(dir, sizeof dir, "/tmp/test_access.XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/db", dir);
    tracuu_db_t *db = NULL;
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    if (!db)
        return;
    add(db, "/kho/chung/c1.txt", "Báo cáo chung ngày 05/01/2021. chungchung. Nghị quyết số 11-NQ/TU. Mô hình “Dân vận khéo”.");
    add(db, "/kho/to chuc/t1.txt", "Quyết định nhân sự ngày 07/03/2022. chungchung. Kết luận số 22-KL/TU.");
    add(db, "/kho/kiemtra/k1.txt", "Kết luận thanh tra ngày 09/05/2023. chungchung. Chỉ thị số 33-CT/TU. Mô hình “Kiểm tra bí mật”. khiếu nại.");
    CHECK_INT(tracuu_db_commit(db), TRACUU_OK);
    tracuu_db_close(db);
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_READ, &db, NULL), TRACUU_OK);
    if (!db)
        return;

    tracuu_access_t *a = tracuu_access_new();
    char *err = NULL;
    /* no mapping: everything */
    apply(a, db, "an", NULL, TRACUU_ACCESS_ALL);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 3);
    CHECK_INT(tracuu_access_set(a, "user.an", "/kho/chung", &err), 0);
    CHECK_INT(tracuu_access_set(a, "group.tochuc", "/kho/to chuc", &err), 0);
    CHECK_INT(tracuu_access_set(a, "user.binh", "/kho/kiemtra", &err), 0);
    CHECK_INT(tracuu_access_set(a, "user.sep", "*", &err), 0);

    /* an, in the group tochuc (from the server's list) */
    apply(a, db, "an", "khac, tochuc", TRACUU_ACCESS_SOME);
    char f[256];
    CHECK_INT(total(db, "chungchung", TRACUU_FACET_YEAR, f, sizeof f), 2);
    CHECK_STR(f, "2021,2022");
    CHECK_INT(total(db, "thanh tra", 0, NULL, 0), 0);
    CHECK_INT(total(db, "", TRACUU_FACET_MODEL, f, sizeof f), 2);
    CHECK_STR(f, "Dân vận khéo");
    uint32_t freq = 9;
    CHECK_INT(tracuu_db_termfreq(db, "chungchung", &freq), TRACUU_OK);
    CHECK_INT(freq, 2);
    tracuu_docid_t id = 9;
    CHECK_INT(tracuu_db_find_term(db, "Q/kho/kiemtra/k1.txt", &id), TRACUU_OK);
    CHECK_INT(id, 0);   /* the forbidden document does not exist */
    char *data = NULL;
    size_t len;
    CHECK_INT(tracuu_db_get_data(db, 3, &data, &len), TRACUU_ERR_NOT_FOUND);
    free(data);
    tracuu_docview_t *v = NULL;
    CHECK_INT(tracuu_docview(db, 3, NULL, &v, NULL), TRACUU_ERR_NOT_FOUND);
    tracuu_docview_free(v);
    CHECK_INT(tracuu_docview(db, 1, NULL, &v, NULL), TRACUU_OK);
    tracuu_docview_free(v);
    char *s = suggestion(db, "khieu nai");
    CHECK_STR(s, "");   /* only the forbidden document has "khiếu nại" */
    free(s);
    tracuu_listing_t *l = NULL;
    CHECK_INT(tracuu_listing(db, TRACUU_LIST_REFS, NULL, &l, NULL), TRACUU_OK);
    CHECK_INT(l ? l->n : 99, 2);
    for (size_t i = 0; l && i < l->n; i++)
        CHECK(strcmp(l->items[i].name, "33-CT/TU") != 0);
    tracuu_listing_free(l);
    CHECK_INT(tracuu_listing(db, TRACUU_LIST_MODELS, "chungchung", &l, NULL), TRACUU_OK);
    CHECK_INT(l ? l->n : 99, 1);
    tracuu_listing_free(l);

    /* binh: only kiemtra */
    apply(a, db, "binh", NULL, TRACUU_ACCESS_SOME);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 1);
    s = suggestion(db, "khieu nai");
    CHECK_STR(s, "khiếu nại");
    free(s);
    CHECK_INT(tracuu_listing(db, TRACUU_LIST_MODELS, NULL, &l, NULL), TRACUU_OK);
    CHECK_INT(l ? l->n : 99, 1);
    if (l && l->n)
        CHECK_STR(l->items[0].name, "kiem tra bi mat");   /* no display form stored here */
    tracuu_listing_free(l);

    /* an without the group: only chung; unknown and no user: nothing */
    apply(a, db, "an", NULL, TRACUU_ACCESS_SOME);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 1);
    apply(a, db, "khach", "tochuc2", TRACUU_ACCESS_NONE);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 0);
    CHECK_INT(total(db, "", 0, NULL, 0), 0);
    CHECK_INT(tracuu_db_get_data(db, 1, &data, &len), TRACUU_ERR_NOT_FOUND);
    free(data);
    apply(a, db, NULL, NULL, TRACUU_ACCESS_NONE);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 0);
    apply(a, db, "sep", NULL, TRACUU_ACCESS_ALL);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 3);

    /* a groups file that cannot be read: fail closed */
    CHECK_INT(tracuu_access_set(a, "groups_file", "/nonexistent/groups", &err), 0);
    int what = 0;
    CHECK_INT(tracuu_access_apply(a, db, "an", NULL, &what, &err), TRACUU_ERR_IO);
    CHECK(err && strstr(err, "/nonexistent/groups"));
    free(err);
    CHECK_INT(total(db, "chungchung", 0, NULL, 0), 0);

    tracuu_access_free(a);
    tracuu_db_close(db);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}
