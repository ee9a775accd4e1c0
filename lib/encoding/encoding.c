/* tracuu: decoding to UTF-8 — canonical names, detection and dispatch.
 * iconv (glibc) for UTF-16, WINDOWS-1258 and VISCII; our own converters for
 * TCVN3, VNI and VIQR (enc_tcvn3.c, enc_vni.c, enc_viqr.c) and for the
 * trivial UTF-8 and WINDOWS-1252. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tracuu/encoding.h"
#include "encoding/tu_encoders.h"
#include "encoding/tu_vnchar.h"
#include "base/tu_utf8.h"

/* Detection scores at most this much of each candidate decoding. */
#define SAMPLE_MAX (64 * 1024)

static const struct { const char *alias, *canon; } aliases[] = {
    {"UTF-8", "UTF-8"}, {"utf8", "UTF-8"}, {"us-ascii", "UTF-8"},
    {"ascii", "UTF-8"}, {"ansi_x3.4-1968", "UTF-8"}, {"us", "UTF-8"},
    {"UTF-16LE", "UTF-16LE"}, {"utf16le", "UTF-16LE"},
    {"UTF-16", "UTF-16LE"}, {"utf16", "UTF-16LE"}, {"ucs-2", "UTF-16LE"},
    {"ucs-2le", "UTF-16LE"}, {"unicode", "UTF-16LE"},
    {"UTF-16BE", "UTF-16BE"}, {"utf16be", "UTF-16BE"}, {"ucs-2be", "UTF-16BE"},
    {"WINDOWS-1258", "WINDOWS-1258"}, {"cp1258", "WINDOWS-1258"},
    {"win1258", "WINDOWS-1258"}, {"x-cp1258", "WINDOWS-1258"},
    {"ms-vietnamese", "WINDOWS-1258"},
    {"VISCII", "VISCII"}, {"viscii1.1-1", "VISCII"}, {"csviscii", "VISCII"},
    {"TCVN3", "TCVN3"}, {"tcvn", "TCVN3"}, {"tcvn-3", "TCVN3"},
    {"tcvn5712", "TCVN3"}, {"tcvn-5712", "TCVN3"}, {"tcvn5712-1", "TCVN3"},
    {"tcvn5712-3", "TCVN3"}, {"tcvn5712-1:1993", "TCVN3"}, {"abc", "TCVN3"},
    {"vn3", "TCVN3"}, {"x-viet-tcvn5712", "TCVN3"}, {"vntime", "TCVN3"},
    {"VNI", "VNI"}, {"vni-windows", "VNI"}, {"vni-win", "VNI"},
    {"x-viet-vni", "VNI"},
    {"VIQR", "VIQR"}, {"csviqr", "VIQR"}, {"rfc1456", "VIQR"},
    {"WINDOWS-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
    {"win1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
    {"iso_8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"latin-1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
    {"cp819", "WINDOWS-1252"}, {"ibm819", "WINDOWS-1252"},
};

const char *tracuu_encoding_canon(const char *name)
{
    char buf[40];
    size_t n;
    if (!name)
        return NULL;
    while (*name == ' ' || *name == '\t' || *name == '"' || *name == '\'')
        name++;
    n = strcspn(name, " \t\"';");
    if (n == 0 || n >= sizeof buf)
        return NULL;
    memcpy(buf, name, n);
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcasecmp(buf, aliases[i].alias) == 0)
            return aliases[i].canon;
    return NULL;
}

/* ---- single decoders: OUT has room for 3 * N + 1 bytes ---------------- */

static size_t dec_utf8(const unsigned char *s, size_t n, char *out, size_t *bad)
{
    size_t o = 0, i = 0;
    while (i < n) {
        if (s[i] < 0x80) { out[o++] = (char)s[i++]; continue; }
        uint32_t cp;
        size_t len = tu_utf8_next(s + i, n - i, &cp);
        if (len == 1) {              /* one U+FFFD per bad byte */
            (*bad)++;
            o += (size_t)tu_utf8_encode(0xFFFD, (unsigned char *)(out + o));
            i++;
            continue;
        }
        memcpy(out + o, s + i, len);
        o += len;
        i += len;
    }
    out[o] = '\0';
    return o;
}

static size_t dec_cp1252(const unsigned char *s, size_t n, char *out,
                         size_t *bad)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = s[i];
        if (cp >= 0x80 && cp < 0xA0) {
            cp = tu_cp1252_c1(s[i]);
            if (!cp) { cp = 0xFFFD; (*bad)++; }
        }
        o += (size_t)tu_utf8_encode(cp, (unsigned char *)(out + o));
    }
    out[o] = '\0';
    return o;
}

/* iconv from CODE; OUT has room for CAP bytes (>= 3 * N + 1).  Bytes iconv
 * rejects become U+FFFD (STEP bytes at a time).  Returns (size_t)-1 if
 * iconv lacks CODE. */
static size_t dec_iconv(const char *code, size_t step, const char *in,
                        size_t n, char *out, size_t cap, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", code);
    if (cd == (iconv_t)-1)
        return (size_t)-1;
    char *ip = (char *)in, *op = out;
    size_t il = n, ol = cap - 1;
    while (il > 0) {
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG || ol < 3)
            break;                     /* cannot happen with CAP >= 3N+1 */
        /* EILSEQ or EINVAL (truncated at the end): first write out the
         * character CP1258 holds back to combine, then replace and go on. */
        iconv(cd, NULL, NULL, &op, &ol);
        if (ol < 3)
            break;
        size_t skip = il < step ? il : step;
        ip += skip;
        il -= skip;
        op += (size_t)tu_utf8_encode(0xFFFD, (unsigned char *)(op));
        ol -= 3;
        (*bad)++;
    }
    /* Flush a character CP1258 may be holding back to combine. */
    iconv(cd, NULL, NULL, &op, &ol);
    iconv_close(cd);
    *op = '\0';
    return (size_t)(op - out);
}

enum { E_UTF8, E_UTF16LE, E_UTF16BE, E_CP1258, E_VISCII, E_TCVN3, E_VNI,
       E_VIQR, E_CP1252, E_COUNT };
static const char *const names[E_COUNT] = {
    "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1258", "VISCII", "TCVN3",
    "VNI", "VIQR", "WINDOWS-1252"
};

static int enc_index(const char *canon)
{
    for (int e = 0; e < E_COUNT; e++)
        if (canon && strcmp(canon, names[e]) == 0)
            return e;
    return -1;
}

/* Decode with E into OUT (room for 3 * N + 1).  Returns the length, or
 * (size_t)-1 if iconv lacks the encoding. */
static size_t dec_with(int e, const char *in, size_t n, char *out,
                       size_t *bad)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t cap = 3 * n + 1;
    switch (e) {
    case E_UTF8: return dec_utf8(s, n, out, bad);
    case E_UTF16LE: return dec_iconv("UTF-16LE", 2, in, n, out, cap, bad);
    case E_UTF16BE: return dec_iconv("UTF-16BE", 2, in, n, out, cap, bad);
    case E_CP1258: return dec_iconv("CP1258", 1, in, n, out, cap, bad);
    case E_VISCII: return dec_iconv("VISCII", 1, in, n, out, cap, bad);
    case E_TCVN3: return tu_tcvn3_decode(in, n, out, bad);
    case E_VNI: return tu_vni_decode(in, n, out, bad);
    case E_VIQR: return tu_viqr_decode(in, n, out, bad, NULL);
    default: return dec_cp1252(s, n, out, bad);
    }
}

/* ---- detection ---------------------------------------------------------- */

/* UTF-16 without BOM: NULs in one byte parity only.  Returns E_UTF16LE,
 * E_UTF16BE or -1. */
static int sniff_utf16(const unsigned char *s, size_t n)
{
    size_t m = n < SAMPLE_MAX ? n : SAMPLE_MAX, z[2] = {0, 0};
    if (m < 4)
        return -1;
    for (size_t i = 0; i + 1 < m; i += 2) {
        z[0] += s[i] == 0;
        z[1] += s[i + 1] == 0;
    }
    size_t pairs = m / 2;
    if (z[1] * 4 >= pairs && z[0] * 20 <= pairs)
        return E_UTF16LE;
    if (z[0] * 4 >= pairs && z[1] * 20 <= pairs)
        return E_UTF16BE;
    return -1;
}

/* A prefix of at most SAMPLE_MAX bytes, not cutting a UTF-8 sequence. */
static size_t sample_len(const unsigned char *s, size_t n)
{
    if (n <= SAMPLE_MAX)
        return n;
    size_t m = SAMPLE_MAX;
    while (m > SAMPLE_MAX - 4 && (s[m] & 0xC0) == 0x80)
        m--;
    return m;
}

/* Share (0..1) of the multibyte sequences in S that are valid UTF-8. */
static double utf8_share(const unsigned char *s, size_t n)
{
    size_t good = 0, bad = 0, i = 0;
    while (i < n) {
        if (s[i] < 0x80) { i++; continue; }
        uint32_t cp;
        size_t len = tu_utf8_next(s + i, n - i, &cp);
        if (len == 1) bad++; else good++;
        i += len;
    }
    return good + bad ? (double)good / (double)(good + bad) : 0.0;
}

/* Pure ASCII S: is it VIQR?  Needs words with marks that are syllables,
 * enough of them, and a better score than the text read as ASCII. */
static int looks_viqr(const char *s, size_t n, char *buf)
{
    size_t marked = 0, len = tu_viqr_decode(s, n, buf, NULL, &marked);
    tu_vn_stats v, a;
    if (marked == 0)
        return 0;
    tu_vn_stats_text(buf, len, &v);
    tu_vn_stats_text(s, n, &a);
    if (v.marked_valid == 0 || v.marked_valid * 4 < v.marked * 3)
        return 0;
    if (v.marked_valid * 5 < v.words && v.marked_valid < 20)
        return 0;
    return tu_vn_stats_score(&v) > tu_vn_stats_score(&a);
}

/* Best single-byte (or damaged UTF-8) decoding of S; its score in *SCORE
 * (may be NULL).  BUF has room for 3 * N + 1 bytes. */
static int pick_candidate(const char *s, size_t n, char *buf, double *score)
{
    static const int order[] = { E_UTF8, E_TCVN3, E_VNI, E_CP1258, E_VISCII };
    int best = E_CP1252;
    double best_score = -1.0;
    tu_vn_stats best_st;
    memset(&best_st, 0, sizeof best_st);
    for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
        size_t bad = 0, len = dec_with(order[k], s, n, buf, &bad);
        if (len == (size_t)-1)
            continue;
        tu_vn_stats st;
        tu_vn_stats_text(buf, len, &st);
        double sc = tu_vn_stats_score(&st);
        if (order[k] == E_UTF8) {
            double share = utf8_share((const unsigned char *)s, n);
            if (share < 0.5)
                continue;        /* not damaged UTF-8: another encoding */
            sc *= share;
        }
        /* Equal scores (short texts): the decoding with more frequent
         * syllables wins ("tháng" over "thỏng"). */
        if (sc > best_score + 1e-9 ||
            (sc > best_score - 1e-9 && st.common > best_st.common)) {
            best_score = sc;
            best = order[k];
            best_st = st;
        }
    }
    /* Not Vietnamese at all (none or few of the non-ASCII words are
     * syllables): Western text, last resort Windows-1252. */
    if (score)
        *score = best_score;
    if (best != E_UTF8 && (best_st.marked_valid == 0 ||
        best_st.marked_valid * 10 < (best_st.marked + best_st.foreign) * 3))
        return E_CP1252;
    return best;
}

/* TCVN3 or VNI bytes that a program read as Windows-1252 / Latin-1 and
 * wrote out as UTF-8 ("Céng hoµ x· héi": what .doc extractors give for
 * text in .VnTime or VNI fonts).  Writes the single bytes back into OUT
 * (room for N) and returns 1, or returns 0 if S holds a character that is
 * not in Windows-1252 / Latin-1 (or is not valid UTF-8). */
static int unwrap_1252(const unsigned char *s, size_t n, char *out,
                       size_t *out_n)
{
    size_t i = 0, o = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = tu_utf8_next(s + i, n - i, &cp);
        unsigned b = 0;
        if (len == 1 && s[i] >= 0x80)
            return 0;
        if (cp < 0x100) {
            b = cp;
        } else {
            for (unsigned c = 0x80; c < 0xA0 && !b; c++)
                if (tu_cp1252_c1((unsigned char)c) == cp)
                    b = c;
            if (!b)
                return 0;
        }
        out[o++] = (char)b;
        i += len;
    }
    *out_n = o;
    return 1;
}

enum { DETECT_NOMEM = -1 };

/* The encoding of IN; *SKIP gets the BOM's length, *VALID 1 if the bytes
 * (after the BOM) were found to be valid UTF-8, *WRAPPED 1 if they are
 * TCVN3/VNI worn as Windows-1252 in UTF-8 (see unwrap_1252).  BUF: room for
 * 3 * N + 1 bytes.  DETECT_NOMEM if out of memory. */
static int detect(const char *in, size_t n, const char *hint, size_t *skip,
                  int *valid_utf8, int *wrapped, char *buf)
{
    const unsigned char *s = (const unsigned char *)in;
    int h = -1, u16 = -1, bom8 = 0;
    *skip = 0;
    *valid_utf8 = 0;
    *wrapped = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *skip = 3;
        bom8 = 1;
    } else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        *skip = 2;
        return E_UTF16LE;
    } else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *skip = 2;
        return E_UTF16BE;
    }
    s += *skip;
    in += *skip;
    n -= *skip;

    if (!bom8) {
        h = enc_index(tracuu_encoding_canon(hint));
        u16 = sniff_utf16(s, n);
        if (h == E_UTF16LE || h == E_UTF16BE)
            return u16 >= 0 ? u16 : h;
    }
    size_t m = sample_len(s, n);
    int valid = tu_utf8_check(s, n);
    *valid_utf8 = valid;
    if (bom8 && !valid)
        return E_UTF8;
    /* A declared charset we decode; but Latin-1/Windows-1252 (which TCVN3
     * and VNI pages used to declare) goes through detection, and so does
     * UTF-8: if not valid, all of it; if valid, the check for TCVN3/VNI
     * seen through Windows-1252 (a .doc extractor's UTF-8 output). */
    if (h >= 0 && h != E_CP1252 && h != E_UTF8)
        return h;
    if (u16 >= 0)
        return u16;
    if (!valid)
        return pick_candidate(in, m, buf, NULL);

    int ascii = 1;
    for (size_t i = 0; i < m && ascii; i++)
        ascii = s[i] < 0x80;
    if (ascii)
        return !bom8 && h != E_UTF8 && looks_viqr(in, m, buf) ? E_VIQR
                                                               : E_UTF8;
    /* UTF-8 holding only Windows-1252 characters (genuine Vietnamese text
     * nearly always has ư ơ ă đ or U+1Exx): maybe TCVN3 or VNI seen through
     * Windows-1252.  Taken if that reads clearly better. */
    char *raw = malloc(m + 1);
    size_t k;
    int e = E_UTF8;
    if (!raw)
        return DETECT_NOMEM;
    if (unwrap_1252(s, m, raw, &k)) {
        tu_vn_stats u;
        double sc = 0.0;
        tu_vn_stats_text(in, m, &u);
        int e2 = pick_candidate(raw, k, buf, &sc);
        if ((e2 == E_TCVN3 || e2 == E_VNI) && sc > tu_vn_stats_score(&u) + 0.1) {
            e = e2;
            *wrapped = 1;
        }
    }
    free(raw);
    return e;
}

tracuu_status_t tracuu_decode(const char *bytes, size_t n, const char *hint,
                              const char *force, char **out, size_t *out_len,
                              const char **encoding, size_t *n_invalid)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t bad = 0, skip = 0, len;
    int e, valid = 0, wrapped = 0;
    if (out) *out = NULL;
    if (out_len) *out_len = 0;
    if (n_invalid) *n_invalid = 0;
    if (!out || (!bytes && n > 0))
        return TRACUU_ERR_INVALID_ARG;
    if (n > (SIZE_MAX - 16) / 4)
        return TRACUU_ERR_NOMEM;
    char *buf = malloc(3 * n + 1);
    if (!buf)
        return TRACUU_ERR_NOMEM;

    if (force) {
        e = enc_index(tracuu_encoding_canon(force));
        if (e < 0) {
            free(buf);
            return TRACUU_ERR_INVALID_ARG;
        }
        if (e == E_UTF8 && n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
            skip = 3;
        if (e == E_UTF16LE && n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
            skip = 2;
        if (e == E_UTF16BE && n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
            skip = 2;
    } else {
        e = detect(bytes, n, hint, &skip, &valid, &wrapped, buf);
        if (e == DETECT_NOMEM) {
            free(buf);
            return TRACUU_ERR_NOMEM;
        }
    }

    if (wrapped) {                        /* back to the single bytes */
        char *raw = malloc(n - skip + 1);
        size_t k;
        if (!raw) {
            free(buf);
            return TRACUU_ERR_NOMEM;
        }
        if (unwrap_1252(s + skip, n - skip, raw, &k)) {
            len = dec_with(e, raw, k, buf, &bad);
        } else {                          /* past the sample: not so */
            e = E_UTF8;
            len = n - skip;
            memcpy(buf, bytes + skip, len);
            buf[len] = '\0';
        }
        free(raw);
    } else if (e == E_UTF8 && valid) {    /* checked already: copy */
        len = n - skip;
        if (len)
            memcpy(buf, bytes + skip, len);
        buf[len] = '\0';
    } else {
        len = dec_with(e, bytes + skip, n - skip, buf, &bad);
    }
    if (len == (size_t)-1) {    /* iconv without this codec */
        free(buf);
        return TRACUU_ERR_ENCODING;
    }
    /* Give back most of the worst-case room when it was much too large. */
    if (len + 1 < (3 * n + 1) / 2) {
        char *shrunk = realloc(buf, len + 1);
        if (shrunk)
            buf = shrunk;
    }
    *out = buf;
    if (out_len) *out_len = len;
    if (encoding) *encoding = names[e];
    if (n_invalid) *n_invalid = bad;
    return TRACUU_OK;
}
