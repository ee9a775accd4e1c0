/* Typed document numbers and citation shorthand (lib/search/numquery.c),
 * filler words and pasted text (lib/search/partial.c): parsing only; the
 * ranking is asserted by tests/integration/test_numquery.sh and
 * test_partial.sh. */
#include <stdlib.h>
#include "tu_test.h"
#include "search/tu_numquery.h"
#include "search/tu_partial.h"

static tu_cite_t c;

/* Parse QUERY split at spaces; returns the words the citation takes. */
static size_t parse(const char *query)
{
    static char buf[256];
    tu_word_t w[16];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", query);
    for (char *s = buf, *e; *s && n < 16; s = *e ? e + 1 : e) {
        e = strchr(s, ' ');
        if (!e)
            e = s + strlen(s);
        w[n].s = s;
        w[n].n = (size_t)(e - s);
        n++;
    }
    return tu_cite_parse(w, n, 0, &c);
}

static int has_type(const char *t)
{
    for (int i = 0; i < c.n_types; i++)
        if (strcmp(c.types[i], t) == 0)
            return 1;
    return 0;
}

static size_t filler(const char *query)
{
    static char buf[256];
    const char *w[16];
    size_t wn[16], n = 0, len = 0;
    snprintf(buf, sizeof buf, "%s", query);
    for (char *s = buf, *e; *s && n < 16; s = *e ? e + 1 : e) {
        e = strchr(s, ' ');
        if (!e)
            e = s + strlen(s);
        w[n] = s;
        wn[n++] = (size_t)(e - s);
    }
    return tu_filler_at(w, wn, n, &len) ? len : 0;
}

void tu_test_main(void)
{
    /* number first: glued, spaced, dashes, other style, leading zeros */
    CHECK_INT(parse("36NQ/TW"), 1);
    CHECK_STR(c.number, "36");
    CHECK(has_type("nq"));
    CHECK_STR(c.issuer, "tw");
    CHECK_INT(parse("36 NQ TW rồi"), 3);
    CHECK_STR(c.issuer, "tw");
    CHECK_INT(parse("36 NQ/TW"), 2);
    CHECK_INT(parse("36–NQ/TW"), 1);                 /* en dash */
    CHECK_INT(parse("36—NQ/TW"), 1);                 /* em dash */
    CHECK_INT(parse("36/NQ-TW"), 1);
    CHECK_STR(c.issuer, "tw");
    CHECK_INT(parse("007-CT/TU"), 1);
    CHECK_STR(c.number, "7");
    CHECK_INT(parse("61/2018/NĐ-CP"), 1);
    CHECK_INT(c.year, 2018);
    CHECK(has_type("nd"));
    CHECK_INT(parse("7/2024/tt-btc,"), 1);           /* punctuation after */
    CHECK_INT(c.year, 2024);
    /* type first: codes and names, "số", slash issuer, year apart */
    CHECK_INT(parse("NQ 36"), 2);
    CHECK_INT(parse("QĐ 217/UBND"), 2);
    CHECK(has_type("qd"));
    CHECK_STR(c.issuer, "ubnd");
    CHECK_INT(parse("nghị quyết số 36 về"), 4);
    CHECK(has_type("nq"));
    CHECK_INT(parse("nghi quyet 36"), 3);
    CHECK_INT(parse("chỉ thị 05"), 3);
    CHECK_STR(c.number, "5");
    CHECK(has_type("ct"));
    CHECK_INT(parse("thông tư 07 2024"), 4);
    CHECK_INT(c.year, 2024);
    CHECK(has_type("tt"));
    CHECK_INT(parse("thong tu 07/2024"), 3);
    CHECK_INT(c.year, 2024);
    CHECK_INT(parse("quy định 12"), 3);
    CHECK_INT(c.n_types, 2);                          /* QĐi and QyĐ */
    /* not citations */
    CHECK_INT(parse("kế hoạch 2024"), 0);             /* a year */
    CHECK_INT(parse("kế hoạch số 2024"), 4);          /* unless "số" */
    CHECK_INT(parse("2.450 hộ"), 0);
    CHECK_INT(parse("19/19"), 0);
    CHECK_INT(parse("2021-2022"), 0);
    CHECK_INT(parse("36 hộ"), 0);
    CHECK_INT(parse("dân vận 36"), 0);
    CHECK_INT(parse("để án 5"), 0);                  /* marks must agree */
    CHECK_INT(parse("NQ"), 0);
    CHECK_INT(parse("NQ 0"), 0);

    /* fillers: marked entries match their marks, "*" entries unmarked too */
    CHECK_INT(filler("ai"), 1);
    CHECK_INT(filler("bao nhiêu hộ"), 2);
    CHECK_INT(filler("bao nhieu"), 2);
    CHECK_INT(filler("như thế nào?"), 3);
    CHECK_INT(filler("của"), 1);
    CHECK_INT(filler("cua"), 0);                      /* cửa, cua */
    CHECK_INT(filler("cửa"), 0);
    CHECK_INT(filler("nào"), 1);
    CHECK_INT(filler("não"), 0);
    CHECK_INT(filler("Được"), 1);
    CHECK_INT(filler("dân"), 0);

    /* pasted text: long or broken into lines; syntax becomes text */
    char *o = NULL;
    CHECK_INT(tu_partial_paste("dân vận khéo", &o), 0);
    CHECK(o == NULL);
    CHECK_INT(tu_partial_paste("một hai ba bốn năm sáu bảy\ntám chín", &o), 1);
    free(o);
    CHECK_INT(tu_partial_paste("- Mô hình “Dân vận khéo” (xã) AND nam:2023 b c d e f g h i j k l m n o p q", &o), 1);
    CHECK(o && !strchr(o, '(') && !strchr(o, ':') && !strchr(o, '-') && !strstr(o, "AND") &&
          strstr(o, "Dân vận khéo") && strstr(o, " and "));
    free(o);
}
