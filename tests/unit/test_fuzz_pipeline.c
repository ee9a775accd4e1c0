/* A replayed fuzz corpus for the text pipeline: generated inputs (random
 * bytes, and random mixes of Vietnamese words, document numbers, dates,
 * quotes and punctuation) through decode -> NFC -> tokenize -> knowledge ->
 * document building.  Checks the invariants each step promises; ASan and
 * UBSan watch the rest.  Deterministic: same seed, same inputs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tu_test.h"
#include "index/tu_indexdoc.h"
#include "tracuu/encoding.h"
#include "tracuu/meta.h"
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"

static uint32_t seed = 20261122u;

static uint32_t rnd(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

static const char *const bits[] = {
    "Nghị quyết số ", "25-NQ/TW", ", ngày ", "03-6-2013", "14/12/2023", "61/2018/NĐ-CP",
    "16/CT-TTg", " mô hình ", "“", "”", "\"", "«", "»", "Dân vận khéo", " (DTTS)",
    "dân tộc thiểu số", "ngày 05 tháng 01 năm 2023", "Thứ Năm, 18/7/2024", "\n", "\n\n",
    ". ", "; ", "2.343", "50,68%", "19/19", "-", "/", " ", "Huyện uỷ", "hoà", "KT-XH",
    "M’Drắk", "\xcc\x81", "\xcc\xa3", "\xe2\x80\xa6", "0", "9999", "QĐ", "/HU", "số",
    "\t", "ĐẢNG ỦY", "ư", "ơ", "\xc3\x28", "\xff", "\xed\xa0\x80", "(", ")", "...",
};

static size_t gen(char *buf, size_t cap)
{
    size_t n = 0;
    if (rnd() % 5 == 0) {  /* raw bytes */
        size_t len = rnd() % cap;
        for (size_t i = 0; i < len; i++)
            buf[i] = (char)(rnd() & 0xff);
        return len;
    }
    int parts = 1 + (int)(rnd() % 60);
    for (int k = 0; k < parts; k++) {
        const char *b = bits[rnd() % (sizeof bits / sizeof bits[0])];
        size_t bl = strlen(b);
        if (n + bl >= cap)
            break;
        memcpy(buf + n, b, bl);
        n += bl;
    }
    return n;
}

typedef struct {
    size_t n;
    size_t len;
    uint32_t last_pos;
    int bad;
} tok_check_t;

static int tok_cb(const tracuu_token_t *t, void *ctx)
{
    tok_check_t *c = ctx;
    if (t->offset + t->len > c->len || t->len == 0 || t->len > TRACUU_TOK_MAX_BYTES)
        c->bad = 1;
    if (!(t->flags & (TRACUU_TOK_WORD | TRACUU_TOK_NUMBER)))
        c->bad = 1;
    c->n++;
    return 0;
}

static int iso_ok(const char *d)
{
    if (!*d)
        return 1;
    return strlen(d) == 10 && d[4] == '-' && d[7] == '-';
}

void tu_test_main(void)
{
    static char in[4096];
    int bad_utf8 = 0, bad_tok = 0, bad_meta = 0, bad_doc = 0, runs = 0;
    for (int i = 0; i < 3000; i++) {
        size_t n = gen(in, sizeof in);
        char *u = NULL, *nfc = NULL;
        size_t ul = 0, nl = 0, inv = 0;
        const char *enc = NULL;
        if (tracuu_decode(in, n, NULL, NULL, &u, &ul, &enc, &inv) != TRACUU_OK)
            continue;
        if (!tracuu_utf8_valid(u, ul) || u[ul] != '\0')
            bad_utf8++;
        if (tracuu_norm_text(u, ul, &nfc, &nl, &inv) != TRACUU_OK) {
            free(u);
            continue;
        }
        if (!tracuu_utf8_valid(nfc, nl))
            bad_utf8++;
        tok_check_t tc = {0, nl, 0, 0};
        tracuu_tokenize(nfc, nl, 0, tok_cb, &tc);
        bad_tok += tc.bad;
        tracuu_meta_t m;
        memset(&m, 0, sizeof m);
        if (tracuu_meta_extract(nfc, nl, &m) == TRACUU_OK) {
            if (!iso_ok(m.date))
                bad_meta++;
            for (size_t r = 0; r < m.n_refs; r++)
                if (!m.refs[r].key || !*m.refs[r].key || !m.refs[r].ref ||
                    !iso_ok(m.refs[r].date))
                    bad_meta++;
            for (size_t k = 0; k < m.n_models; k++)
                if (!m.models[k] || !tracuu_utf8_valid(m.models[k], strlen(m.models[k])))
                    bad_meta++;
            tu_docinput_t din = {.path = "/fuzz/doc.txt", .text = nfc, .len = nl,
                                 .format = "txt", .encoding = enc, .meta = &m,
                                 .size = n, .mtime = "1.0", .hash = 1};
            tracuu_doc_t *doc = NULL;
            if (tu_build_doc(&din, &doc) != TRACUU_OK || !doc)
                bad_doc++;
            tracuu_doc_free(doc);
            char *title = tu_doc_title(NULL, nfc, nl);
            if (!title || !tracuu_utf8_valid(title, strlen(title)))
                bad_doc++;
            free(title);
        }
        tracuu_meta_clear(&m);
        free(u);
        free(nfc);
        runs++;
    }
    CHECK(runs > 2500);
    CHECK_INT(bad_utf8, 0);
    CHECK_INT(bad_tok, 0);
    CHECK_INT(bad_meta, 0);
    CHECK_INT(bad_doc, 0);
}
