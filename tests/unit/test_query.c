/* The query parser: exact Xapian queries for the syntax, clear errors for
 * malformed input, and no crash or leak on random input (a replayed fuzz
 * corpus of generated strings). */
#include <stdlib.h>
#include <string.h>
#include "tu_test.h"
#include "search/tu_query.h"
#include "tracuu/search.h"

static char *describe(const char *q)
{
    tu_parsed_t p;
    char *err = NULL;
    if (tu_query_parse(NULL, q, &p, &err) != TRACUU_OK) {
        fprintf(stderr, "parse failed: %s: %s\n", q, err ? err : "?");
        free(err);
        return NULL;
    }
    char *d = p.q ? tracuu_query_describe(p.q) : strdup("(empty)");
    tu_parsed_clear(&p);
    return d;
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
    contains("loai:NQ", "XTYPEnq");
    contains("coquan:TW", "XISStw");
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
    contains("phat trien", "AND_MAYBE (phat PHRASE 2 trien) AND_MAYBE (phat NEAR 5 trien)");
    contains("2.450", "(2.450 OR 2450)");
    contains("H'Drai", "OR hdrai");
    contains("hdrai", "hdrai");
    bad("t*", "at least 2 letters");
    bad("cau NEAR/99 treo", "NEAR/n wants a number");
    bad("cau NEAR", "NEAR needs a word");
    bad("NEAR cau", "NEAR needs a word");
    bad("cau NEAR -treo", "NEAR needs a word");
    bad("cau NEAR nam:2023", "NEAR needs a word");
}

void tu_test_main(void)
{
    test_typing();
    test_syntax();
    test_errors();
    test_random();
}
