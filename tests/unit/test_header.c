/* The document's own identity from its header: measured on the labelled
 * set tests/data/knowledge/headers.txt (35 headers: party and state,
 * pdftotext with and without -layout, antiword tables, news articles
 * without a header).  Number, issuer, type, date and subject must each be
 * exactly right in at least 95% of the records; place and signer are
 * reported.  Then a few direct checks. */
#include <stdlib.h>
#include "tu_test.h"
#include "tracuu/meta.h"

enum { F_NUMBER, F_ISSUER, F_TYPE, F_DATE, F_PLACE, F_SUBJECT, F_SIGNER, NF };
static const char *const fields[NF] = {"number", "issuer", "type", "date",
                                       "place", "subject", "signer"};

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    if (b) b[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return b;
}

static const char *got_field(const tracuu_meta_t *m, int f)
{
    const tracuu_own_t *o = &m->own;
    const char *v = NULL;
    switch (f) {
    case F_NUMBER: v = o->number; break;
    case F_ISSUER: v = o->issuer; break;
    case F_TYPE: v = o->type; break;
    case F_DATE: v = m->date; break;
    case F_PLACE: v = o->place; break;
    case F_SUBJECT: v = o->subject; break;
    case F_SIGNER: v = o->signer; break;
    }
    return v ? v : "";
}

static void measure(void)
{
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/tests/data/knowledge/headers.txt",
             tu_test_srcdir);
    char *all = slurp(path, &len);
    CHECK(all != NULL);
    if (!all) return;
    int right[NF] = {0}, total = 0;
    char *p = strstr(all, "\n### ");
    while (p) {
        p++;
        char *name_end = strchr(p, '\n');
        if (!name_end) break;
        char name[200];
        snprintf(name, sizeof name, "%.*s", (int)(name_end - p), p);
        char *text = name_end + 1;
        char *next = strstr(text, "\n### ");
        char *exp = strstr(text, "\n@@ ");
        if (!exp || (next && exp > next)) break;
        tracuu_meta_t m;
        memset(&m, 0, sizeof m);
        CHECK(tracuu_meta_extract(text, (size_t)(exp + 1 - text), &m) == TRACUU_OK);
        total++;
        for (char *e = exp + 1; e && (!next || e < next) && strncmp(e, "@@ ", 3) == 0;) {
            char *eol = strchr(e, '\n');
            size_t el = eol ? (size_t)(eol - e) : strlen(e);
            for (int f = 0; f < NF; f++) {
                size_t fl = strlen(fields[f]);
                if (el < 3 + fl + 1 || strncmp(e + 3, fields[f], fl) != 0 ||
                    e[3 + fl] != ':')
                    continue;
                const char *w = e + 3 + fl + 1;
                while (*w == ' ') w++;
                size_t wl = (size_t)(e + el - w);
                const char *g = got_field(&m, f);
                if (strlen(g) == wl && strncmp(g, w, wl) == 0)
                    right[f]++;
                else
                    fprintf(stderr, "  [%s] %s: got \"%s\", want \"%.*s\"\n",
                            name, fields[f], g, (int)wl, w);
            }
            e = eol ? eol + 1 : NULL;
        }
        tracuu_meta_clear(&m);
        p = next;
    }
    free(all);
    CHECK(total >= 30);
    for (int f = 0; f < NF; f++) {
        double acc = total ? (double)right[f] / total : 0;
        fprintf(stderr, "header %-8s %d/%d = %.3f\n", fields[f], right[f],
                total, acc);
        if (f != F_PLACE && f != F_SIGNER)
            CHECK(acc >= 0.95);
    }
}

void tu_test_main(void)
{
    measure();

    /* the own number is not the first number cited in a news title */
    const char *t = "QUYẾT TÂM THỰC HIỆN NGHỊ QUYẾT SỐ 13-NQ/HU\nBÁO CÁO\n"
                    "kết quả năm 2023\n";
    tracuu_meta_t m;
    memset(&m, 0, sizeof m);
    CHECK(tracuu_meta_extract(t, strlen(t), &m) == TRACUU_OK);
    CHECK(m.own.number == NULL);
    tracuu_meta_clear(&m);

    /* headings and labels */
    CHECK_STR(tracuu_type_of_heading("BÁO CÁO", strlen("BÁO CÁO")), "BC");
    CHECK_STR(tracuu_type_of_heading("B Á O   C Á O", strlen("B Á O   C Á O")), "BC");
    CHECK_STR(tracuu_type_of_heading("CHƯƠNG TRÌNH PHỐI HỢP",
                                     strlen("CHƯƠNG TRÌNH PHỐI HỢP")), "CTrPH");
    CHECK(tracuu_type_of_heading("BÁO CÁO VIÊN", strlen("BÁO CÁO VIÊN")) == NULL);
    char lab[64];
    CHECK_STR(tracuu_type_label("CTrPH", lab, sizeof lab), "Chương trình phối hợp");
    CHECK_STR(tracuu_type_label("QĐ", lab, sizeof lab), "Quyết định");
    CHECK(tracuu_type_label("XYZ", lab, sizeof lab) == NULL);
    CHECK_STR(tracuu_issuer_name("BDVHU"), "Ban Dân vận Huyện ủy");
}
