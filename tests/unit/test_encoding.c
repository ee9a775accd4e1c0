/* Decoding and detection: every line of the sample corpus is encoded in each
 * form (iconv for UTF-16, WINDOWS-1258 and VISCII; our encoders for TCVN3,
 * VNI and VIQR), decoded with detection, and compared with the original
 * after NFC (utf8proc here, independent of the library's normaliser). */
#include <dirent.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <utf8proc.h>
#include "tu_test.h"
#include "tracuu/encoding.h"
#include "encoding/tu_encoders.h"
#include "encoding/tu_vnchar.h"
#include "base/tu_utf8.h"

/* All Vietnamese letters: 72 vowel letters + đ, each case. */
static const char LOWER[] =
    "a à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ e è ẻ ẽ é ẹ ê ề ể ễ ế ệ "
    "i ì ỉ ĩ í ị o ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ ơ ờ ở ỡ ớ ợ "
    "u ù ủ ũ ú ụ ư ừ ử ữ ứ ự y ỳ ỷ ỹ ý ỵ đ";
static const char UPPER[] =
    "A À Ả Ã Á Ạ Ă Ằ Ẳ Ẵ Ắ Ặ Â Ầ Ẩ Ẫ Ấ Ậ E È Ẻ Ẽ É Ẹ Ê Ề Ể Ễ Ế Ệ "
    "I Ì Ỉ Ĩ Í Ị O Ò Ỏ Õ Ó Ọ Ô Ồ Ổ Ỗ Ố Ộ Ơ Ờ Ở Ỡ Ớ Ợ "
    "U Ù Ủ Ũ Ú Ụ Ư Ừ Ử Ữ Ứ Ự Y Ỳ Ỷ Ỹ Ý Ỵ Đ";

/* ---- helpers ----------------------------------------------------------- */

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) abort();
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* Strict iconv conversion; NULL if something cannot be converted. */
static char *conv(const char *to, const char *from, const char *in, size_t n,
                  size_t *out_n)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = 4 * n + 8, ol = cap;
    char *out = malloc(cap), *op = out, *ip = (char *)in;
    size_t il = n;
    if (!out) abort();
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
        iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) {
        iconv_close(cd);
        free(out);
        return NULL;
    }
    iconv_close(cd);
    *out_n = (size_t)(op - out);
    return out;
}

static char *nfc(const char *s, size_t n)
{
    char *z = dup_n(s, n);   /* utf8proc_NFC wants a NUL-terminated string */
    char *r = (char *)utf8proc_NFC((const utf8proc_uint8_t *)z);
    free(z);
    if (!r) return dup_n("(invalid)", 9);
    return r;
}

/* Map each code point of S through F (malloc'd result). */
static char *map_cps(const char *s, utf8proc_int32_t (*f)(utf8proc_int32_t))
{
    size_t n = strlen(s), o = 0;
    char *out = malloc(4 * n + 1);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    if (!out) abort();
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
        if (len <= 0) abort();
        p += len;
        o += (size_t)utf8proc_encode_char(f(cp), (utf8proc_uint8_t *)out + o);
    }
    out[o] = '\0';
    return out;
}

/* TCVN3 has no capital with a tone: such capitals read in lower case. */
static utf8proc_int32_t lower_toned(utf8proc_int32_t cp)
{
    utf8proc_int32_t d[4];
    int opt;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE,
                                                 &opt);
    if (utf8proc_tolower(cp) == cp)
        return cp;
    for (utf8proc_ssize_t i = 0; i < k && i < 4; i++)
        if (d[i] == 0x300 || d[i] == 0x301 || d[i] == 0x303 ||
            d[i] == 0x309 || d[i] == 0x323)
            return utf8proc_tolower(cp);
    return cp;
}

/* VISCII and VIQR have no typographic quotes, dashes, bullets. */
static utf8proc_int32_t plain_punct(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201D: return '"';
    case 0x2018: case 0x2019: return '\'';
    case 0x2013: case 0x2014: return '-';
    case 0x2026: return '_';
    case 0x2022: return '*';
    case 0xA0: return ' ';
    default: return cp;
    }
}

enum { K_UTF8, K_UTF8BOM, K_16LEBOM, K_16BEBOM, K_16LE, K_16BE, K_CP1258,
       K_VISCII, K_TCVN3, K_VNI, K_VIQR, K_TCVN3_U8, K_VNI_U8, K_COUNT };
/* K_TCVN3_U8, K_VNI_U8: TCVN3/VNI bytes read as Windows-1252 and saved as
 * UTF-8, as .doc extractors give text in .VnTime / VNI fonts. */
static const char *const kind_label[K_COUNT] = {
    "UTF-8", "UTF-8+BOM", "UTF-16LE+BOM", "UTF-16BE+BOM", "UTF-16LE",
    "UTF-16BE", "WINDOWS-1258", "VISCII", "TCVN3", "VNI", "VIQR",
    "TCVN3-in-UTF-8", "VNI-in-UTF-8"
};
static const char *const kind_enc[K_COUNT] = {
    "UTF-8", "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-16LE", "UTF-16BE",
    "WINDOWS-1258", "VISCII", "TCVN3", "VNI", "VIQR", "TCVN3", "VNI"
};

/* The text a kind can hold, as the decoder should give it back. */
static char *expected_for(int kind, const char *text)
{
    if (kind == K_VISCII || kind == K_VIQR)
        return map_cps(text, plain_punct);
    if (kind == K_TCVN3 || kind == K_TCVN3_U8)
        return map_cps(text, lower_toned);
    return dup_n(text, strlen(text));
}

/* Encode TEXT (UTF-8, NFC) as KIND; malloc'd bytes in *N. */
static char *encode_as(int kind, const char *text, size_t *n)
{
    size_t len = strlen(text), bad = 0, k;
    char *r = NULL, *t;
    switch (kind) {
    case K_UTF8: *n = len; return dup_n(text, len);
    case K_UTF8BOM:
        r = malloc(len + 4);
        if (!r) abort();
        memcpy(r, "\xEF\xBB\xBF", 3);
        memcpy(r + 3, text, len + 1);
        *n = len + 3;
        return r;
    case K_16LEBOM: case K_16BEBOM:
        t = conv(kind == K_16LEBOM ? "UTF-16LE" : "UTF-16BE", "UTF-8", text,
                 len, &k);
        if (!t) return NULL;
        r = malloc(k + 2);
        if (!r) abort();
        memcpy(r, kind == K_16LEBOM ? "\xFF\xFE" : "\xFE\xFF", 2);
        memcpy(r + 2, t, k);
        free(t);
        *n = k + 2;
        return r;
    case K_16LE: return conv("UTF-16LE", "UTF-8", text, len, n);
    case K_16BE: return conv("UTF-16BE", "UTF-8", text, len, n);
    case K_CP1258: return conv("CP1258", "UTF-8", text, len, n);
    case K_VISCII: return conv("VISCII", "UTF-8", text, len, n);
    case K_TCVN3: r = tu_tcvn3_encode(text, len, n, &bad); break;
    case K_VNI: r = tu_vni_encode(text, len, n, &bad); break;
    case K_VIQR: r = tu_viqr_encode(text, len, n, &bad); break;
    case K_TCVN3_U8: case K_VNI_U8:
        t = kind == K_TCVN3_U8 ? tu_tcvn3_encode(text, len, &k, &bad)
                               : tu_vni_encode(text, len, &k, &bad);
        if (!t || bad) { free(t); return NULL; }
        r = conv("UTF-8", "CP1252", t, k, n);
        free(t);
        return r;
    default: return NULL;
    }
    if (bad) { free(r); return NULL; }
    return r;
}

/* Decode BYTES with FORCE (or detection); 1 if the NFC of the result is
 * WANT and, when STRICT, the encoding is WANT_ENC (a line some other
 * encoding decodes the same, e.g. pure ASCII, needs not name it).  Reports
 * mismatches when VERBOSE. */
static int roundtrip(const char *bytes, size_t n, const char *force,
                     const char *want_enc, const char *want, int strict,
                     int verbose)
{
    char *out = NULL;
    size_t out_len = 0, bad = 99;
    const char *enc = NULL;
    tracuu_status_t rc = tracuu_decode(bytes, n, NULL, force, &out, &out_len,
                                       &enc, &bad);
    int ok = rc == TRACUU_OK && out && enc &&
             (!strict || strcmp(enc, want_enc) == 0);
    if (ok) {
        char *z = nfc(out, out_len);
        ok = strcmp(z, want) == 0 && bad == 0 && strlen(out) == out_len;
        if (!ok && verbose)
            fprintf(stderr, "  [%s as %s] got  %.200s\n  want %.200s\n",
                    want_enc, enc, z, want);
        free(z);
    } else if (verbose) {
        fprintf(stderr, "  detected %s, want %s: %.80s\n", enc ? enc : "-",
                want_enc, want);
    }
    free(out);
    return ok;
}

/* ---- the corpus round trip -------------------------------------------- */

static size_t count_words(const char *s)
{
    size_t w = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\t';
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

static void test_corpus(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpus", tu_test_srcdir);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    size_t lines = 0, tried[K_COUNT] = {0}, right[K_COUNT] = {0};
    size_t short_tried = 0, short_right = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t nl = strlen(de->d_name);
        if (nl < 4 || strcmp(de->d_name + nl - 4, ".txt") != 0) continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        FILE *f = fopen(path, "rb");
        CHECK(f != NULL);
        if (!f) continue;
        char line[65536];
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (count_words(line) == 0) continue;
            int is_long = count_words(line) >= 8;
            lines++;
            for (int k = 0; k < K_COUNT; k++) {
                char *want = expected_for(k, line);
                size_t n;
                char *bytes = encode_as(k, want, &n);
                CHECK(bytes != NULL);
                if (!bytes) { fprintf(stderr, "cannot encode %s: %s\n", kind_label[k], want); free(want); continue; }
                /* Forced: always exact (but forcing TCVN3 on its UTF-8
                 * disguise means the bytes are TCVN3, which they are not). */
                if (k != K_TCVN3_U8 && k != K_VNI_U8)
                    CHECK(roundtrip(bytes, n, kind_enc[k], kind_enc[k], want,
                                    1, 1));
                int ok = roundtrip(bytes, n, NULL, kind_enc[k], want, is_long,
                                   getenv("TU_VERBOSE") != NULL || is_long);
                if (is_long) {
                    tried[k]++;
                    right[k] += (size_t)ok;
                    CHECK(ok);
                } else {
                    short_tried++;
                    short_right += (size_t)ok;
                }
                free(bytes);
                free(want);
            }
        }
        fclose(f);
    }
    closedir(d);
    size_t t = 0, r = 0;
    printf("corpus: %zu lines\n", lines);
    for (int k = 0; k < K_COUNT; k++) {
        printf("  %-13s detected right %zu/%zu paragraphs (>= 8 words)\n",
               kind_label[k], right[k], tried[k]);
        t += tried[k];
        r += right[k];
    }
    printf("  all: %zu/%zu; short lines (< 8 words): %zu/%zu\n", r, t,
           short_right, short_tried);
    CHECK(t >= 100 * K_COUNT / 2);
    /* Titles and headings of a few words: most must still be right. */
    CHECK(short_right * 10 >= short_tried * 9);
}

/* ---- every letter ------------------------------------------------------ */

static void test_all_letters(void)
{
    static const char para[] =
        "Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị phổ biến, quán triệt cho "
        "đội ngũ cán bộ chủ chốt cấp tỉnh, huyện; chỉ đạo cấp ủy các cấp xây "
        "dựng kế hoạch học tập.";
    char line[4096], text[8192];
    snprintf(line, sizeof line, "%s %s", LOWER, UPPER);
    snprintf(text, sizeof text, "%s\n%s\n", para, line);
    CHECK_INT(count_words(LOWER), 73);
    CHECK_INT(count_words(UPPER), 73);
    for (int k = 0; k < K_COUNT; k++) {
        char *want = expected_for(k, line);
        size_t n;
        char *bytes = encode_as(k, want, &n);
        CHECK(bytes != NULL);
        if (!bytes) { free(want); continue; }
        if (k != K_TCVN3_U8 && k != K_VNI_U8 &&
            !roundtrip(bytes, n, kind_enc[k], kind_enc[k], want, 1, 1)) {
            CHECK(!"all letters, forced");
            fprintf(stderr, "  (%s)\n", kind_label[k]);
        }
        free(bytes);
        free(want);
        want = expected_for(k, text);
        bytes = encode_as(k, want, &n);
        CHECK(bytes != NULL);
        if (bytes && !roundtrip(bytes, n, NULL, kind_enc[k], want, 1, 1)) {
            CHECK(!"all letters, detected");
            fprintf(stderr, "  (%s)\n", kind_label[k]);
        }
        free(bytes);
        free(want);
    }
    /* The capitals TCVN3 does have. */
    size_t n;
    char *t = tu_tcvn3_encode("ĂÂĐÊÔƠƯ", strlen("ĂÂĐÊÔƠƯ"), &n, NULL);
    CHECK(t && n == 7 && memcmp(t, "\xA1\xA2\xA7\xA3\xA4\xA5\xA6", 7) == 0);
    free(t);
}

/* ---- known answers ------------------------------------------------------ */

static void check_forced(const char *bytes, const char *force, const char *want)
{
    char *out = NULL;
    size_t len = 0, bad = 0;
    const char *enc = NULL;
    CHECK_INT(tracuu_decode(bytes, strlen(bytes), NULL, force, &out, &len,
                            &enc, &bad), TRACUU_OK);
    char *z = out ? nfc(out, len) : NULL;
    CHECK_STR(z, want);
    CHECK_INT(bad, 0);
    CHECK_STR(enc, tracuu_encoding_canon(force));
    free(z);
    free(out);
}

static void test_known(void)
{
    /* The famous garbles, typed by hand from real documents. */
    check_forced("C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam", "TCVN3",
                 "Cộng hoà xã hội chủ nghĩa Việt Nam");
    check_forced("\xa7\xb6ng \xf1y \xae\xb6ng", "abc", "Đảng ủy đảng");
    check_forced("\xa7\xb8ng \xa6u ti\xaan \xa2n t\xa5", "TCVN3",
                 "Đáng Ưu tiên Ân tƠ");
    check_forced("\x93tr\xd6\x94", "TCVN3", "“trệ”");
    check_forced("Co\xe4ng ho\xf8" "a xa\xf5 ho\xe4i chu\xfb ngh\xf3" "a "
                 "Vie\xe4t Nam", "VNI", "Cộng hòa xã hội chủ nghĩa Việt Nam");
    check_forced("\xd1" "A\xdbNG CO\xc4NG SA\xdbN VIE\xc4T NAM", "vni-windows",
                 "ĐẢNG CỘNG SẢN VIỆT NAM");
    check_forced("\xf6\xf4\xf9" "c v\xf4\xf9i ch\xedn\xf2 tr\xf2 T\xee", "VNI",
                 "ước với chínị trị Tỵ");
    check_forced("Vie^.t Nam.", "VIQR", "Việt Nam.");
    check_forced("chi'nh tri..", "viqr", "chính trị.");
    check_forced("chi'nh tri.", "VIQR", "chính trị");
    check_forced("How are you? Hello.", "VIQR", "How are you? Hello.");
    check_forced("O'Brien don't Le^nin", "VIQR", "O'Brien don't Lênin");
    check_forced("ba... a\\. DDa?ng ddo^.i Nguye^~n hu+o+'ng", "VIQR",
                 "ba... a. Đảng đội Nguyễn hướng");
    check_forced("ca'c ba.n (so^' 25-NQ/TW)", "VIQR",
                 "các bạn (số 25-NQ/TW)");
}

/* glibc's TCVN5712-1 (VN1) agrees with our VN3 table at 0xA0..0xFF. */
static void test_tcvn3_vs_glibc(void)
{
    int agree = 0;
    for (int b = 0xA0; b <= 0xFF; b++) {
        char in[1] = { (char)b }, out[8];
        size_t len = tu_tcvn3_decode(in, 1, out, NULL), gn;
        char *g = conv("UTF-8", "TCVN5712-1", in, 1, &gn);
        if (!g) { CHECK(!"iconv TCVN5712-1"); return; }
        char *a = nfc(out, len), *c = nfc(g, gn);
        agree += strcmp(a, c) == 0;
        if (strcmp(a, c) != 0)
            fprintf(stderr, "0x%02X: ours %s glibc %s\n", b, a, c);
        free(a); free(c); free(g);
    }
    CHECK_INT(agree, 96);
}

/* The letter table both ways, against utf8proc's case mapping. */
static void test_vnchar(void)
{
    int ok = 0, n = 0;
    for (int v = 0; v < TU_V_COUNT; v++)
        for (int t = 0; t < TU_T_COUNT; t++)
            for (int up = 0; up < 2; up++) {
                uint32_t cp = tu_vn_compose(v, t, up);
                int v2, t2, up2;
                n++;
                ok += tu_vn_decompose(cp, &v2, &t2, &up2) && v2 == v &&
                      t2 == t && up2 == up &&
                      (uint32_t)utf8proc_toupper((utf8proc_int32_t)
                          tu_vn_compose(v, t, 0)) == tu_vn_compose(v, t, 1);
            }
    CHECK_INT(n, 144);
    CHECK_INT(ok, 144);
    int v, t, up;
    CHECK(!tu_vn_decompose(0xE6, &v, &t, &up));   /* æ */
    CHECK(!tu_vn_decompose('b', &v, &t, &up));
    CHECK(!tu_vn_decompose(0x1EFA, &v, &t, &up));
}

/* ---- API details -------------------------------------------------------- */

static void test_canon(void)
{
    CHECK_STR(tracuu_encoding_canon("utf8"), "UTF-8");
    CHECK_STR(tracuu_encoding_canon("UTF-8"), "UTF-8");
    CHECK_STR(tracuu_encoding_canon("US-ASCII"), "UTF-8");
    CHECK_STR(tracuu_encoding_canon("\"utf-8\""), "UTF-8");
    CHECK_STR(tracuu_encoding_canon("utf-16le"), "UTF-16LE");
    CHECK_STR(tracuu_encoding_canon("UTF-16BE"), "UTF-16BE");
    CHECK_STR(tracuu_encoding_canon("cp1258"), "WINDOWS-1258");
    CHECK_STR(tracuu_encoding_canon("Windows-1258"), "WINDOWS-1258");
    CHECK_STR(tracuu_encoding_canon("viscii"), "VISCII");
    CHECK_STR(tracuu_encoding_canon("abc"), "TCVN3");
    CHECK_STR(tracuu_encoding_canon("TCVN5712-1"), "TCVN3");
    CHECK_STR(tracuu_encoding_canon("vni-windows"), "VNI");
    CHECK_STR(tracuu_encoding_canon("VIQR"), "VIQR");
    CHECK_STR(tracuu_encoding_canon("ISO-8859-1"), "WINDOWS-1252");
    CHECK_STR(tracuu_encoding_canon("latin1"), "WINDOWS-1252");
    CHECK(tracuu_encoding_canon("klingon") == NULL);
    CHECK(tracuu_encoding_canon("") == NULL);
    CHECK(tracuu_encoding_canon(NULL) == NULL);
    char *out = (char *)1;
    CHECK_INT(tracuu_decode("abc", 3, NULL, "klingon", &out, NULL, NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK(out == NULL);
}

static void check_decode(const char *bytes, size_t n, const char *hint,
                         const char *force, const char *want, size_t want_len,
                         const char *want_enc, size_t want_bad)
{
    char *out = NULL;
    size_t len = 99, bad = 99;
    const char *enc = NULL;
    CHECK_INT(tracuu_decode(bytes, n, hint, force, &out, &len, &enc, &bad),
              TRACUU_OK);
    CHECK_INT(len, want_len);
    CHECK(out && memcmp(out, want, want_len + 1) == 0);
    CHECK_STR(enc, want_enc);
    CHECK_INT(bad, want_bad);
    free(out);
}

static void test_edges(void)
{
    char *out0 = NULL;
    /* BOMs are stripped. */
    check_decode("\xEF\xBB\xBFnăm", 7, NULL, NULL, "năm", 4, "UTF-8", 0);
    check_decode("\xEF\xBB\xBFx", 4, NULL, "utf8", "x", 1, "UTF-8", 0);
    check_decode("\xFF\xFEn\0\x03\x01m\0", 8, NULL, NULL, "năm", 4,
                 "UTF-16LE", 0);
    check_decode("\xFE\xFF\0n\x01\x03\0m", 8, "latin1", NULL, "năm", 4,
                 "UTF-16BE", 0);
    /* Empty input. */
    check_decode("", 0, NULL, NULL, "", 0, "UTF-8", 0);
    check_decode(NULL, 0, NULL, NULL, "", 0, "UTF-8", 0);
    check_decode("", 0, NULL, "VNI", "", 0, "VNI", 0);
    /* Invalid UTF-8: one U+FFFD per bad byte, counted. */
    check_decode("a\xFF" "b\xC3", 4, NULL, "UTF-8",
                 "a\xEF\xBF\xBD" "b\xEF\xBF\xBD", 8, "UTF-8", 2);
    check_decode("\xED\xA0\x80", 3, NULL, "UTF-8",
                 "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 9, "UTF-8", 3);
    check_decode("\xC0\xAFz", 3, NULL, "UTF-8",
                 "\xEF\xBF\xBD\xEF\xBF\xBDz", 7, "UTF-8", 2);
    /* Truncated UTF-16 and Windows-1252 holes. */
    check_decode("\xFF\xFEn\0m", 5, NULL, NULL, "n\xEF\xBF\xBD", 4,
                 "UTF-16LE", 1);
    check_decode("\x81\x93x\x94", 4, NULL, "cp1252",
                 "\xEF\xBF\xBD“x”", 10, "WINDOWS-1252", 1);
    /* Pure ASCII stays UTF-8 (not VIQR) unless it reads as VIQR. */
    check_decode("Hello. How are you? It's fine.", 30, NULL, NULL,
                 "Hello. How are you? It's fine.", 30, "UTF-8", 0);
    check_decode("Vie^.t Nam", 10, NULL, NULL, "Việt Nam", 10, "VIQR", 0);
    check_decode("Vie^.t Nam", 10, "utf-8", NULL, "Vie^.t Nam", 10, "UTF-8", 0);
    /* A declared charset is followed... */
    check_decode("\xe1", 1, "windows-1258", NULL, "á", 2, "WINDOWS-1258", 0);
    check_decode("\xe1", 1, "VISCII", NULL, "á", 2, "VISCII", 0);
    /* ... except an invalid "utf-8" and Latin-1 (what TCVN3 pages said). */
    const char *tc = "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam";
    check_decode(tc, strlen(tc), "utf-8", NULL,
                 "Cộng hoà xã hội chủ nghĩa Việt Nam", 45, "TCVN3", 0);
    check_decode(tc, strlen(tc), "iso-8859-1", NULL,
                 "Cộng hoà xã hội chủ nghĩa Việt Nam", 45, "TCVN3", 0);
    /* A declared UTF-16 without BOM: the NULs tell the byte order. */
    check_decode("\0V\0i\x1e\xc7\0t\0 \0N\0a\0m", 16, "utf-16", NULL,
                 "Việt Nam", 10, "UTF-16BE", 0);
    check_decode("V\0i\0\xc7\x1et\0 \0N\0a\0m\0", 16, "UTF-16", NULL,
                 "Việt Nam", 10, "UTF-16LE", 0);
    /* Bytes our tables leave undefined: U+FFFD, counted. */
    check_decode("a\x81\xb8", 3, NULL, "TCVN3", "a\xEF\xBF\xBD" "á", 6,
                 "TCVN3", 1);
    check_decode("a\x8d" "a\xf9", 4, NULL, "VNI", "a\xEF\xBF\xBD" "á", 6,
                 "VNI", 1);
    check_decode("x\xff", 2, NULL, "VIQR", "x\xEF\xBF\xBD", 4, "VIQR", 1);
    /* A bad byte after a letter CP1258 holds back to combine keeps it. */
    check_decode("ab\x81" "c", 4, NULL, "cp1258", "ab\xEF\xBF\xBD" "c", 6,
                 "WINDOWS-1258", 1);
    check_decode("a\x81", 2, NULL, "cp1258", "a\xEF\xBF\xBD", 4,
                 "WINDOWS-1258", 1);
    check_decode("a\0\x00\xd8" "b\0", 6, NULL, "UTF-16LE",
                 "a\xEF\xBF\xBD" "b", 5, "UTF-16LE", 1);
    /* A mark byte with nothing to attach to stays Latin-1 in VNI. */
    check_decode("t\xf9", 2, NULL, "VNI", "tù", 3, "VNI", 0);
    /* Plain English with apostrophes, questions and full stops: not VIQR. */
    const char *en = "I can't say. Where are you? It's a dog's life. We'll "
                     "see, O'Neil said. Is it a.m. or p.m.? Fine.";
    check_decode(en, strlen(en), NULL, NULL, en, strlen(en), "UTF-8", 0);
    CHECK_INT(tracuu_decode("x", 1, NULL, NULL, NULL, NULL, NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    CHECK_INT(tracuu_decode(NULL, 1, NULL, NULL, &out0, NULL, NULL, NULL),
              TRACUU_ERR_INVALID_ARG);
    /* Western text in Windows-1252 stays Windows-1252. */
    const char *de = "Die Gr\xf6\xdf" "e der Stra\xdf" "e \xfc" "ber dem "
                     "Fl\xfc" "sschen ist sch\xf6n, sagte der M\xfcller. "
                     "Le caf\xe9 na\xefve \xe0 c\xf4t\xe9 de l'\xe9glise.";
    char *out = NULL;
    const char *enc = NULL;
    CHECK_INT(tracuu_decode(de, strlen(de), NULL, NULL, &out, NULL, &enc, NULL),
              TRACUU_OK);
    CHECK_STR(enc, "WINDOWS-1252");
    CHECK(out && strstr(out, "Größe der Straße über") != NULL);
    /* The same in UTF-8 is UTF-8, not TCVN3 seen through Windows-1252. */
    char *de8 = out;
    out = NULL;
    CHECK_INT(tracuu_decode(de8, strlen(de8), NULL, NULL, &out, NULL, &enc,
                            NULL), TRACUU_OK);
    CHECK_STR(enc, "UTF-8");
    CHECK(out && strcmp(out, de8) == 0);
    free(de8);
    free(out);
    /* What antiword prints for .VnTime text, declared UTF-8: TCVN3. */
    const char *anti = "C\xc3\xa9ng ho\xc2\xb5 x\xc2\xb7 h\xc3\xa9i "
                       "ch\xc3\xb1 ngh\xc3\x9c" "a Vi\xc3\x96t Nam";
    check_decode(anti, strlen(anti), "UTF-8", NULL,
                 "Cộng hoà xã hội chủ nghĩa Việt Nam", 45, "TCVN3", 0);
    /* Vietnamese UTF-8 within Latin-1 letters only stays UTF-8 too. */
    check_decode("Các tin khác", 14, NULL, NULL, "Các tin khác", 14, "UTF-8", 0);
    /* Damaged UTF-8 (one byte cut) is still UTF-8. */
    const char *vn = "Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị phổ biến, quán "
                     "triệt cho đội ngũ cán bộ chủ chốt cấp tỉnh.";
    char dmg[512];
    size_t vl = strlen(vn), cut = (size_t)(strstr(vn, "ủy") - vn) + 1;
    memcpy(dmg, vn, cut);
    memcpy(dmg + cut, vn + cut + 1, vl - cut - 1);
    size_t bad = 0;
    out = NULL;
    CHECK_INT(tracuu_decode(dmg, vl - 1, NULL, NULL, &out, NULL, &enc, &bad),
              TRACUU_OK);
    CHECK_STR(enc, "UTF-8");
    CHECK_INT(bad, 2);
    CHECK(out && strstr(out, "Ban Thường vụ Tỉnh") && strstr(out, "đã tổ chức"));
    free(out);
}

static void test_score(void)
{
    const char *vn = "Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị phổ biến";
    CHECK(tracuu_vn_score(vn, strlen(vn)) > 0.99);
    /* The same in NFD (as Windows-1258 decodes). */
    char *d = (char *)utf8proc_NFD((const utf8proc_uint8_t *)vn);
    CHECK(d && tracuu_vn_score(d, strlen(d)) > 0.99);
    free(d);
    /* TCVN3 bytes read as Latin-1: low. */
    const char *lat = "C\xc3\xa9ng ho\xc2\xb5 x\xc2\xb7 h\xc3\xa9i ch\xc3\xb1 "
                      "ngh\xc3\x9c" "a Vi\xc3\x96t Nam";
    CHECK(tracuu_vn_score(lat, strlen(lat)) < 0.4);
    CHECK(tracuu_vn_score("", 0) == 0.0);
    CHECK(tracuu_vn_score(NULL, 0) == 0.0);
    CHECK(tracuu_vn_score("xyzzy qwrt", 10) == 0.0);
    CHECK(tracuu_vn_score("ngh ngoeo", 9) == 0.5);
}

/* A megabyte of TCVN3, decoded with detection. */
static void test_big(void)
{
    const char *para = "Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị phổ biến, "
                       "quán triệt cho đội ngũ cán bộ chủ chốt cấp tỉnh.\n";
    size_t pn, total = 0;
    char *p = tu_tcvn3_encode(para, strlen(para), &pn, NULL);
    CHECK(p != NULL);
    if (!p) return;
    size_t cap = (1u << 20) + pn;
    char *big = malloc(cap);
    if (!big) abort();
    while (total + pn <= (1u << 20)) {
        memcpy(big + total, p, pn);
        total += pn;
    }
    char *out = NULL;
    size_t len = 0, bad = 9;
    const char *enc = NULL;
    clock_t t0 = clock();
    CHECK_INT(tracuu_decode(big, total, NULL, NULL, &out, &len, &enc, &bad),
              TRACUU_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("1 MB TCVN3 with detection: %.3f s\n", secs);
    CHECK_STR(enc, "TCVN3");
    CHECK_INT(bad, 0);
    CHECK_INT(len, (total / pn) * strlen(para));
    CHECK(out && memcmp(out, para, strlen(para)) == 0);
    CHECK(secs < 10.0);   /* generous: sanitizers and valgrind */
    free(out);
    free(big);
    free(p);
}

/* Random bytes, rich in mark characters and bytes: every decoder gives
 * valid UTF-8 of the length it says (ASan/valgrind watch the bounds). */
static void test_random(void)
{
    static const char pool[] = "aeiouyAEIOUYdDntg^(+'`?~.\\ \xf8\xf9\xfb"
                               "\xf5\xef\xe2\xe1\xea\xd1\xf4\xf6\xb8\xa7";
    static const char *const encs[] = {
        NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1258", "VISCII",
        "TCVN3", "VNI", "VIQR", "WINDOWS-1252"
    };
    unsigned seed = 12345;
    int bad_utf8 = 0, bad_len = 0;
    for (int round = 0; round < 400; round++) {
        char in[300];
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 16) % sizeof in;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            in[i] = (r & 3) ? pool[(r >> 2) % (sizeof pool - 1)]
                            : (char)(r >> 4);
        }
        for (size_t e = 0; e < sizeof encs / sizeof *encs; e++) {
            char *out = NULL;
            size_t len = 0;
            if (tracuu_decode(in, n, NULL, encs[e], &out, &len, NULL, NULL)
                != TRACUU_OK || !out) {
                bad_len++;
                continue;
            }
            bad_utf8 += !tu_utf8_check((const unsigned char *)out, len);
            bad_len += out[len] != '\0';
            free(out);
        }
    }
    CHECK_INT(bad_utf8, 0);
    CHECK_INT(bad_len, 0);
}

void tu_test_main(void)
{
    test_vnchar();
    test_random();
    test_canon();
    test_known();
    test_tcvn3_vs_glibc();
    test_edges();
    test_score();
    test_all_letters();
    test_corpus();
    test_big();
}
