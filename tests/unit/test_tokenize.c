/* Tokenizer: simple words, compounds and their parts, positions, sentence
 * gaps, NFD input, long tokens, stopping early. */
#include <stdint.h>
#include <stdlib.h>

#include "tu_test.h"
#include "tracuu/tokenize.h"
#include "tracuu/normalize.h"
#include "text/tu_unicode.h"
#include <dirent.h>
#include <stdio.h>

#define W TRACUU_TOK_WORD
#define NUM TRACUU_TOK_NUMBER
#define C TRACUU_TOK_COMPOUND
#define P TRACUU_TOK_PART
#define G TRACUU_TOK_SENTENCE_GAP

#define MAX_TOKS 64

typedef struct {
    char text[128];
    uint32_t pos;
    unsigned flags;
    size_t offset;
} got_t;

typedef struct {
    got_t t[MAX_TOKS];
    int n;
    int stop_after;     /* stop after this many tokens (0: never) */
    const char *input;
} run_t;

static int cb(const tracuu_token_t *tok, void *ctx)
{
    run_t *r = ctx;
    if (r->n < MAX_TOKS) {
        got_t *g = &r->t[r->n];
        size_t l = tok->len < sizeof g->text ? tok->len : sizeof g->text - 1;
        memcpy(g->text, tok->s, l);
        g->text[l] = '\0';
        g->pos = tok->pos;
        g->flags = tok->flags;
        g->offset = tok->offset;
        /* tokens point into the input */
        CHECK(tok->s == r->input + tok->offset);
    }
    r->n++;
    return r->stop_after && r->n >= r->stop_after;
}

typedef struct {
    const char *text;
    uint32_t pos;
    unsigned flags;
} want_t;

#define END {NULL, 0, 0}

static void expect(const char *in, uint32_t first, const want_t *want,
                   uint32_t want_next)
{
    run_t r;
    int nw = 0;
    uint32_t next;
    memset(&r, 0, sizeof r);
    r.input = in;
    next = tracuu_tokenize(in, strlen(in), first, cb, &r);
    while (want[nw].text)
        nw++;
    CHECK_INT(r.n, nw);
    if (r.n != nw)
        fprintf(stderr, "  input: \"%s\"\n", in);
    for (int i = 0; i < nw && i < r.n; i++) {
        CHECK_STR(r.t[i].text, want[i].text);
        CHECK_INT(r.t[i].pos, want[i].pos);
        CHECK_INT(r.t[i].flags, want[i].flags);
    }
    CHECK_INT(next, want_next);
}

static void test_simple(void)
{
    static const want_t a[] = {{"Dân", 0, W}, {"vận", 1, W}, {"khéo", 2, W},
                               END};
    static const want_t b[] = {{"kinh", 5, W}, {"tế", 6, W}, {"xã", 7, W},
                               {"hội", 8, W}, END};
    static const want_t c[] = {{"năm", 0, W}, {"2021", 1, NUM}, END};
    static const want_t none[] = {END};
    expect("Dân vận khéo", 0, a, 3);
    expect("  kinh tế - xã hội  ", 5, b, 9);
    expect("kinh tế -xã hội", 5, b, 9);
    expect("kinh tế- xã hội", 5, b, 9);
    expect("kinh tế -- xã hội", 5, b, 9);
    expect("(năm 2021)", 0, c, 2);
    expect("", 7, none, 7);
    expect(" ,.;- \n ", 7, none, 7);
}

static void test_compounds(void)
{
    static const want_t a[] = {
        {"25-NQ/TW", 0, C | W}, {"25", 0, P | NUM}, {"NQ", 1, P | W},
        {"TW", 2, P | W}, {"Kết", 3, W}, END};
    static const want_t b[] = {
        {"tổ", 0, W}, {"chức", 1, W}, {"2.343", 2, C | NUM},
        {"2", 2, P | NUM}, {"343", 3, P | NUM}, {"cuộc", 4, W}, END};
    static const want_t c[] = {
        {"đạt", 0, W}, {"50,68", 1, C | NUM}, {"50", 1, P | NUM},
        {"68", 2, P | NUM}, END};
    static const want_t d[] = {
        {"huyện", 0, W}, {"M’Drắk", 1, C | W}, {"M", 1, P | W},
        {"Drắk", 2, P | W}, END};
    static const want_t e[] = {
        {"61/2018/NĐ-CP", 0, C | W}, {"61", 0, P | NUM},
        {"2018", 1, P | NUM}, {"NĐ", 2, P | W}, {"CP", 3, P | W}, END};
    static const want_t f[] = {
        {"KT-XH", 0, C | W}, {"KT", 0, P | W}, {"XH", 1, P | W},
        {"năm", 2, W}, {"2021-2022", 3, C | NUM}, {"2021", 3, P | NUM},
        {"2022", 4, P | NUM}, END};
    static const want_t g[] = {
        {"ngày", 0, W}, {"14-7-2015", 1, C | NUM}, {"14", 1, P | NUM},
        {"7", 2, P | NUM}, {"2015", 3, P | NUM}, {"của", 4, W}, END};
    static const want_t h[] = {
        {"a_b", 0, C | W}, {"a", 0, P | W}, {"b", 1, P | W},
        {"l'an", 2, C | W}, {"l", 2, P | W}, {"an", 3, P | W}, END};
    static const want_t i[] = {{"a", 0, W}, {"b", 1, W}, END};
    expect("25-NQ/TW Kết", 0, a, 4);
    expect("tổ chức 2.343 cuộc", 0, b, 5);
    expect("đạt 50,68%", 0, c, 3);
    expect("huyện M’Drắk", 0, d, 3);
    expect("61/2018/NĐ-CP", 0, e, 4);
    expect("KT-XH năm 2021-2022", 0, f, 5);
    expect("ngày 14-7-2015 của", 0, g, 5);
    expect("a_b l'an", 0, h, 4);
    expect("a//b", 0, i, 2);       /* two connectors: not a compound */
    expect("a-/b", 0, i, 2);
}

static void test_sentences(void)
{
    static const want_t a[] = {
        {"cấp", 0, W}, {"tỉnh", 1, W}, {"huyện", 2, W},
        {"chỉ", 3 + G, W}, {"đạo", 4 + G, W}, END};
    static const want_t b[] = {
        {"Hết", 10, W}, {"Mới", 11 + G, W}, {"dòng", 12 + G, W},
        {"x", 13 + 2 * G, W}, {"y", 14 + 3 * G, W}, {"z", 15 + 4 * G, W},
        {"w", 16 + 4 * G, W}, {"Hoa", 17 + 5 * G, W}, {"cuối", 18 + 6 * G, W},
        END};
    static const want_t c[] = {
        {"Kết", 0, W}, {"luận", 1, W}, {"số", 2, W}, {"43-KL/TW", 3, C | W},
        {"43", 3, P | NUM}, {"KL", 4, P | W}, {"TW", 5, P | W},
        {"đến", 6, W}, END};
    static const want_t d[] = {{"a", 0, W}, {"b", 1 + G, W}, END};
    expect("cấp tỉnh, huyện; chỉ đạo", 0, a, 5 + G);
    /* a line going on in lower case is a wrapped line: no gap; a capital
     * after a break, or a blank line, starts anew */
    expect("Hết. Mới\ndòng! x? y: z\r\nw\nHoa\n\ncuối", 10, b, 19 + 6 * G);
    expect("Kết luận số 43-KL/TW, đến", 0, c, 7);
    /* the gap is added once per gap, and not before the first token */
    expect(". a .\n\n. b .", 0, d, 2 + G);
    expect("…a… b", 0, d, 2 + G);
}

static void test_nfd_and_scripts(void)
{
    /* "Dân vận" in NFD: the combining marks stay in the words */
    static const want_t a[] = {{"Da\xCC\x82n", 0, W},
                               {"va\xCC\xA3\xCC\x82n", 1, W}, END};
    static const want_t b[] = {{"Ωμέγα", 0, W}, {"東京", 1, W}, {"٣٤", 2, NUM},
                               {"привет", 3, W}, END};
    static const want_t c[] = {{"x", 0, W}, {"y", 1, W}, END};
    static const want_t d[] = {{"e\xCC\x81-a", 0, C | W},
                               {"e\xCC\x81", 0, P | W}, {"a", 1, P | W}, END};
    expect("Da\xCC\x82n va\xCC\xA3\xCC\x82n", 0, a, 2);
    expect("Ωμέγα 東京 ٣٤ привет", 0, b, 4);
    expect("\xCC\x81x \xCC\x81 y", 0, c, 2);     /* marks with no base */
    expect("e\xCC\x81-a", 0, d, 2);
    /* emoji and symbols are not word characters */
    expect("x 😀 © y", 0, c, 2);
}

static void test_long_tokens(void)
{
    char in[400];
    char long65[66];
    memset(long65, 'a', 65);
    long65[65] = '\0';
    {
        static const want_t a[] = {{"x", 0, W}, {"y", 2, W}, END};
        snprintf(in, sizeof in, "x %s y", long65);
        expect(in, 0, a, 3);
    }
    {
        /* 64 bytes exactly: emitted */
        char w64[65];
        want_t a[] = {{w64, 0, W}, END};
        memset(w64, 'b', 64);
        w64[64] = '\0';
        expect(w64, 0, a, 1);
    }
    {
        /* long part: the whole and that part skipped, others kept */
        static const want_t a[] = {{"x", 0, P | W}, {"y", 2, P | W},
                                   {"z", 3, W}, END};
        snprintf(in, sizeof in, "x-%s-y z", long65);
        expect(in, 0, a, 4);
    }
    {
        /* a 70-byte compound of short parts: only the parts */
        static const want_t a[] = {
            {"0123456789", 0, P | NUM}, {"0123456789", 1, P | NUM},
            {"0123456789", 2, P | NUM}, {"0123456789", 3, P | NUM},
            {"0123456789", 4, P | NUM}, {"0123456789", 5, P | NUM},
            {"0123456789", 6, P | NUM}, END};
        expect("0123456789/0123456789/0123456789/0123456789/0123456789/"
               "0123456789/0123456789", 0, a, 7);
    }
}

static void test_stop(void)
{
    run_t r;
    uint32_t next;
    memset(&r, 0, sizeof r);
    r.input = "một hai ba bốn";
    r.stop_after = 2;
    next = tracuu_tokenize(r.input, strlen(r.input), 0, cb, &r);
    CHECK_INT(r.n, 2);
    CHECK_INT(next, 2);
    /* a length shorter than the string: only that slice */
    memset(&r, 0, sizeof r);
    r.input = "một hai ba bốn";
    next = tracuu_tokenize(r.input, 8, 0, cb, &r);
    CHECK_INT(r.n, 2);
    CHECK_STR(r.t[1].text, "ha");
    CHECK_INT(r.t[1].offset, 6);
    CHECK_INT(next, 2);
}

/* A real paragraph from the seeds: count and spot-check. */
static void test_seed(void)
{
    static const char *s =
        "Từ năm 2014 đến nay, đã tổ chức 2.343 cuộc đối thoại giữa bí thư "
        "cấp ủy, người đứng đầu chính quyền các cấp với cán bộ, đảng viên, "
        "đoàn viên, hội viên và Nhân dân; 7.546 buổi tiếp dân định kỳ.";
    run_t r;
    uint32_t next;
    memset(&r, 0, sizeof r);
    r.input = s;
    next = tracuu_tokenize(s, strlen(s), 0, cb, &r);
    /* 40 simple words + 2 numbers with 3 tokens each */
    CHECK_INT(r.n, 40 + 2 * 3);
    CHECK_STR(r.t[0].text, "Từ");
    CHECK_STR(r.t[8].text, "2.343");
    CHECK_INT(r.t[8].pos, 8);
    CHECK_INT(r.t[8].flags, C | NUM);
    CHECK_STR(r.t[38].text, "7.546");
    CHECK_INT(r.t[38].pos, 37 + G);
    CHECK_STR(r.t[r.n - 1].text, "kỳ");
    CHECK_INT(next, 44 + G);
}

/* tu_uni_fold_first (the snippet's and suggestion's shortcut) gives the
 * first byte of the token's fold whenever it gives one: every token of the
 * sample archive and of awkward text. */
typedef struct {
    size_t tokens, known;
} first_t;

static int first_cb(const tracuu_token_t *t, void *ctx)
{
    first_t *f = ctx;
    char key[4 * TRACUU_TOK_MAX_BYTES + 8];
    int kl = tracuu_norm_fold(t->s, t->len, key, sizeof key);
    int b = tu_uni_fold_first(t->s, t->len);
    f->tokens++;
    if (b >= 0) {
        f->known++;
        CHECK(kl > 0 && (unsigned char)key[0] == b);
    }
    return 0;
}

static void test_fold_first(void)
{
    static const char *const odd[] = {
        "Đảng ủy ĐẢNG ỦY đảng Ủy Ê-đê Xơ-đăng H'Drai M'Drắk 25-NQ/TW 2.450 1.250,5",
        "Ǆ ǅ ǆ Ĳ ĳ ŉ ſ Ø ø Æ æ Œ œ ß Þ ð ı İ ﬁ ﬂ ẞ ǲ Ǳ",            /* ligatures, dotless i */
        "A\xcc\x80nh a\xcc\x89nh Ð ð Ɖ ɖ Ɲ ƞ Ǹ ǹ ḁ Ḁ ẚ ẛ ẜ",  /* NFD, odd letters */
        "日本語 中文 한국어 Ελληνικά русский عربى ११ ٣٤",
    };
    first_t f = {0, 0};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
        tracuu_tokenize(odd[i], strlen(odd[i]), 0, first_cb, &f);
    char path[4096];
    snprintf(path, sizeof path, "%s/corpus", tu_test_srcdir);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[8192];
        snprintf(p, sizeof p, "%s/%s", path, e->d_name);
        FILE *fp = fopen(p, "rb");
        if (!fp)
            continue;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, fp);
        fclose(fp);
        tracuu_tokenize(buf, n, 0, first_cb, &f);
    }
    if (d)
        closedir(d);
    CHECK(f.tokens > 1000);
    CHECK(f.known * 10 > f.tokens * 9);   /* the shortcut nearly always knows */
}

void tu_test_main(void)
{
    test_fold_first();
    test_simple();
    test_compounds();
    test_sentences();
    test_nfd_and_scripts();
    test_long_tokens();
    test_stop();
    test_seed();
}
