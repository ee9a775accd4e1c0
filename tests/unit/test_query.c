/* The query parser: exact Xapian queries for the syntax, clear errors for
 * malformed input, and no crash or leak on random input (a replayed fuzz
 * corpus of generated strings). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tu_test.h"
#include "index/tu_indexdoc.h"
#include "search/tu_query.h"
#include "tracuu/meta.h"
#include "tracuu/search.h"

typedef tracuu_status_t (*parse_fn)(tracuu_db_t *, const char *, tu_parsed_t *, char **);

/* Xapian's description of Q parsed by PARSE (malloc'd), NULL if refused. */
static char *describe_with(parse_fn parse, const char *q)
{
    tu_parsed_t p;
    char *err = NULL;
    if (parse(NULL, q, &p, &err) != TRACUU_OK) {
        fprintf(stderr, "parse failed: %s: %s\n", q, err ? err : "?");
        free(err);
        return NULL;
    }
    char *d = p.q ? tracuu_query_describe(p.q) : strdup("(empty)");
    tu_parsed_clear(&p);
    return d;
}

static char *describe(const char *q)
{
    return describe_with(tu_query_parse, q);
}

static void contains(const char *q, const char *want)
{
    char *d = describe(q);
    CHECK(d && strstr(d, want));
    if (d && !strstr(d, want))
        fprintf(stderr, "  %s\n  -> %s\n  want %s\n", q, d, want);
    free(d);
}

static void bad(const char *q, const char *msg)
{
    tu_parsed_t p;
    char *err = NULL;
    tracuu_status_t rc = tu_query_parse(NULL, q, &p, &err);
    CHECK_INT(rc, TRACUU_ERR_QUERY);
    CHECK(err && strstr(err, msg));
    if (err && !strstr(err, msg))
        fprintf(stderr, "  %s -> %s (want %s)\n", q, err, msg);
    CHECK(p.q == NULL);
    free(err);
}

static void test_syntax(void)
{
    contains("dan van", "dan");
    contains("dan van", "PHRASE 2");                 /* the run ranks as a phrase */
    contains("Dân", "XAdân");                        /* exact-form boost */
    contains("DÂN", "XAdân");
    contains("thuỷ", "XAthủy");                      /* canonical tone */
    contains("\"dan van kheo\"", "(dan PHRASE 3 van PHRASE 3 kheo)");
    contains("“dan van”", "PHRASE 2");
    contains("a NOT b", "AND_NOT");
    contains("a -b", "AND_NOT");
    contains("a OR b", "OR");
    contains("(a OR b) c", "AND");
    contains("-b", "<alldocuments> AND_NOT b");
    contains("title:kheo", "XTkheo");
    contains("so:25-nq/tw", "XREF25-nq/tw");
    contains("so:61/2018/ND-CP", "XREF61/2018/nd-cp");
    /* issue 11: loai:/coquan: the document's own type and issuer,
     * loaitd:/coquantd: those it cites, kyhieu:/trichdan: own and cited */
    contains("loai:NQ", "XLOAInq");
    contains("coquan:TW", "XCQtw");
    contains("loai:\"báo cáo\"", "XLOAIbao cao");
    contains("loaitd:NQ", "XTYPEnq");
    contains("coquantd:TW", "XISStw");
    contains("kyhieu:12-bc/hu", "XKH12-bc/hu");
    contains("trichdan:25-NQ/TW", "XTD25-nq/tw");
    contains("nam:2023", "Y2023");
    contains("nam:2021..2023", "VALUE_RANGE 0 20210101 20231231");
    contains("ngay:2021-01-01..2022-12-31", "VALUE_RANGE 0 20210101 20221231");
    contains("ngay:2021-03..", "VALUE_GE 0 20210301");
    contains("ngay:..2021", "VALUE_LE 0 20211231");
    contains("mohinh:\"Dân vận khéo\"", "XMdan van kheo");
    contains("25-NQ/TW", "25-nq/tw");
    contains("thumuc:\"Lâm Hà\"", "XDNlam ha");
    contains("mahoa:TCVN3", "XENCtcvn3");
    contains("dinhdang:PDF", "XFMTpdf");
    contains("thumuc:\"/srv/lưu trữ/\"", "XDIR/srv/lưu trữ");
    contains("foo:bar", "(foo PHRASE 2 bar)");       /* not a field: text */
    contains("", "(empty)");
    contains("   ", "(empty)");
}

static void test_errors(void)
{
    bad("\"dan van", "unterminated quote");
    bad("(dan", "unbalanced parenthesis");
    bad("dan)", "unbalanced parenthesis");
    bad("AND dan", "AND needs a term");
    bad("dan AND", "AND needs a term");
    bad("dan OR", "OR needs a term");
    bad("NOT", "NOT needs a term");
    bad("()", "empty parentheses");
    bad("title:", "needs a value");
    bad("nam:20x3", "nam: wants a year");
    bad("ngay:2021-13-01..2022", "ngay: wants ISO dates");
    bad("ngay:2022..2021", "runs backwards");
    bad("thumuc:a/b", "absolute folder path");
    bad(", - ...", "no word or number");
    bad("dan \xff van", "not valid UTF-8");
    char big[TRACUU_MAX_QUERY_BYTES + 10];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    bad(big, "too long");
    char deep[200];
    memset(deep, '(', 100);
    memset(deep + 100, ')', 99);
    deep[199] = '\0';
    bad(deep, "nested too deeply");
    /* the position is in characters, from 1 */
    bad("dân vận (khéo", "at character 9");
}

/* Random strings over the syntax's alphabet: every result is OK or a
 * clean QUERY error (ASan and LeakSanitizer watch the rest). */
static void test_random(void)
{
    static const char *const bits[] = {
        "dan", "Dân", " ", " ", "\"", "(", ")", "-", "AND", "OR", "NOT",
        "title:", "so:", "ngay:", "nam:", "mohinh:", "..", "25-NQ/TW", "“", "”",
        "\xc3", "\xa0", ":", "khéo", "\t", "+", "2023", "-(", "\"\"", "uỷ"};
    unsigned seed = 12345;
    int ok = 0, errors = 0;
    for (int i = 0; i < 20000; i++) {
        char q[256] = "";
        size_t len = 0;
        int parts = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
        for (int k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *b = bits[(seed >> 16) % (sizeof bits / sizeof bits[0])];
            size_t bl = strlen(b);
            if (len + bl + 1 >= sizeof q)
                break;
            memcpy(q + len, b, bl + 1);
            len += bl;
        }
        tu_parsed_t p;
        char *err = NULL;
        tracuu_status_t rc = tu_query_parse(NULL, q, &p, &err);
        if (rc == TRACUU_OK) {
            ok++;
            tu_parsed_clear(&p);
        } else {
            errors++;
            if (rc != TRACUU_ERR_QUERY || !err) {
                fprintf(stderr, "unexpected status %d for [%s]\n", rc, q);
                CHECK(0);
            }
        }
        free(err);
    }
    CHECK(ok > 1000 && errors > 1000);
}

/* Issue 9: prefix*, NEAR/n, the nearness boost, joined forms. */
static void test_typing(void)
{
    contains("tr*", "WILDCARD SYNONYM tr");
    contains("cau NEAR/3 treo", "(cau NEAR 5 treo)");
    contains("cau NEAR treo", "(cau NEAR 12 treo)");
    contains("\"xay dung\" NEAR/2 cau", "(xay PHRASE 2 dung)");
    contains("\"xay dung\" NEAR/2 cau", "(xay NEAR 5 dung NEAR 5 cau)");
    contains("phat trien", "AND_MAYBE (phat PHRASE 2 trien)) AND_MAYBE (phat NEAR 5 trien)");
    contains("2.450", "(2.450 OR 2450)");
    contains("H'Drai", "OR hdrai");
    contains("hdrai", "hdrai");
    bad("t*", "at least 2 letters");
    bad("cau NEAR/99 treo", "NEAR/n wants a number");
    bad("cau NEAR", "NEAR needs a word");
    bad("NEAR cau", "NEAR needs a word");
    bad("cau NEAR -treo", "NEAR needs a word");
    bad("cau NEAR nam:2023", "NEAR needs a word");
    bad("cau NEAR tr*", "prefix* cannot stand beside NEAR");
}

static char *describe_whole(const char *q)
{
    return describe_with(tu_query_parse_whole, q);
}

static void whole_contains(const char *q, const char *want)
{
    char *d = describe_whole(q);
    CHECK(d && strstr(d, want));
    if (d && !strstr(d, want))
        fprintf(stderr, "  %s (whole)\n  -> %s\n  want %s\n", q, d, want);
    free(d);
}

/* The boosts of a run come after any NOT (excluded documents cost no
 * position checks); searched over the whole archive, a run that is the
 * whole query hangs its phrase (exact forms inside) under its nearness. */
static void test_boost_shapes(void)
{
    contains("cong tac NOT kheo",
             "((cong AND tac) AND_NOT kheo) AND_MAYBE (cong PHRASE 2 tac))");
    contains("Dân vận", "AND_MAYBE ((dan PHRASE 2 van) AND_MAYBE (XAdân AND XAvận)))");
    whole_contains("phat trien",
                   "((phat AND trien) AND_MAYBE ((phat NEAR 5 trien) AND_MAYBE "
                   "(phat PHRASE 2 trien)))");
    whole_contains("chuyển đổi số",
                   "AND_MAYBE ((chuyen NEAR 6 doi NEAR 6 so) AND_MAYBE ((chuyen OR "
                   "(XAchuyển AND XAđổi AND XAsố)) PHRASE 3 doi PHRASE 3 so))");
    /* not the whole query: each boost on its own, after the NOT */
    whole_contains("Dân vận NOT khéo",
                   "AND_NOT (kheo AND_MAYBE XAkhéo)) AND_MAYBE ((dan OR (XAdân AND "
                   "XAvận)) PHRASE 2 van)) AND_MAYBE (dan NEAR 5 van)");
    whole_contains("(phat trien) OR kinh te", "(phat PHRASE 2 trien)) AND_MAYBE");
    /* a prefix* is not in the nearness: the phrase on its own */
    whole_contains("phat trien tr*",
                   "AND_MAYBE (phat PHRASE 3 trien PHRASE 3 tr)) AND_MAYBE "
                   "(phat NEAR 5 trien)");
}

/* The shapes of tu_query_parse_whole weigh every document as those of
 * tu_query_parse: the same documents in the same order, the same weights
 * (but for the order of the additions). */
static void add_doc(tracuu_db_t *db, const char *path, const char *text)
{
    tu_test_add_text(db, path, text, NULL);
}

static void same_ranking(tracuu_db_t *db, const char *q)
{
    tu_parsed_t a, b;
    CHECK_INT(tu_query_parse(db, q, &a, NULL), TRACUU_OK);
    CHECK_INT(tu_query_parse_whole(db, q, &b, NULL), TRACUU_OK);
    tracuu_search_opts_t o;
    memset(&o, 0, sizeof o);
    o.limit = 100;
    o.sort_slot = -1;
    o.check_at_least = 100;
    tracuu_mset_t *ma = NULL, *mb = NULL;
    CHECK(a.q && tracuu_db_search(db, a.q, &o, &ma) == TRACUU_OK);
    CHECK(b.q && tracuu_db_search(db, b.q, &o, &mb) == TRACUU_OK);
    uint32_t n = tracuu_mset_size(ma);
    CHECK(n > 0);
    CHECK_INT(tracuu_mset_size(mb), n);
    int same = tracuu_mset_size(mb) == n;
    for (uint32_t i = 0; same && i < n; i++)
        same = tracuu_mset_docid(ma, i) == tracuu_mset_docid(mb, i) &&
               fabs(tracuu_mset_weight(ma, i) - tracuu_mset_weight(mb, i)) < 1e-9;
    CHECK(same);
    if (!same)
        fprintf(stderr, "  not the same ranking: %s\n", q);
    tracuu_mset_free(ma);
    tracuu_mset_free(mb);
    tu_parsed_clear(&a);
    tu_parsed_clear(&b);
}

static void test_boost_ranking(void)
{
    static const char *const texts[] = {
        "Kế hoạch chuyển đổi số của tỉnh.",
        "Chuyển đổi số trong cơ quan nhà nước.",
        "chuyen doi so o cap xa",
        "Chuyển đổi cơ cấu cây trồng, số hộ nghèo giảm.",
        "Số liệu chuyển đổi đất; đổi mới; chuyển giao.",
        "Dân vận khéo trong chuyển đổi số, mô hình dân vận khéo.",
        "Công tác dân vận khéo léo.",
        "Dân vận: khéo léo vận động nhân dân.",
        "Vận động dân làm khéo, dân vận.",
        "Ủy ban nhân dân tỉnh và ủy ban nhân dân huyện.",
        "ủy ban, nhân dân, công tác dân vận của ủy ban.",
        "Phát triển kinh tế, phát triển xã hội, triển khai phát động.",
    };
    char dir[64], path[128];
    snprintf(dir, sizeof dir, "/tmp/test_query.XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/db", dir);
    tracuu_db_t *db = NULL;
    CHECK_INT(tracuu_db_open(path, TRACUU_DB_WRITE, &db, NULL), TRACUU_OK);
    for (size_t i = 0; db && i < sizeof texts / sizeof texts[0]; i++) {
        char p[160];
        snprintf(p, sizeof p, "%s/d%zu.txt", dir, i);
        add_doc(db, p, texts[i]);
    }
    CHECK_INT(tracuu_db_commit(db), TRACUU_OK);
    static const char *const qs[] = {
        "chuyển đổi số", "chuyen doi so", "Chuyển đổi", "dân vận khéo",
        "Dân vận khéo", "dan van", "ủy ban nhân dân", "uy ban nhan dan",
        "phát triển", "phat trien kinh te", "dân vận NOT khéo",
        "chuyển đổi số OR dân vận", "phát tri* kinh tế"};
    for (size_t i = 0; db && i < sizeof qs / sizeof qs[0]; i++)
        same_ranking(db, qs[i]);
    tracuu_db_close(db);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
}

void tu_test_main(void)
{
    test_boost_shapes();
    test_boost_ranking();
    test_typing();
    test_syntax();
    test_errors();
    test_random();
}
