/* Stored text (valid UTF-8, NFC), folded keys, mark detection, UTF-8
 * validation.  Exact keys and syllable checks are in vn_syllable.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tracuu/normalize.h"
#include "text/tu_unicode.h"
#include "base/tu_utf8.h"

/* Length of the run of ASCII bytes at the start of S (N bytes). */
static size_t ascii_run(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

int tracuu_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    uint32_t cp;

    if (!s)
        return n == 0;
    while (i < n) {
        int len;
        i += ascii_run(p + i, n - i);
        if (i >= n)
            break;
        len = tu_utf8_decode(p + i, n - i, &cp);
        if (len < 0)
            return 0;
        i += (size_t)len;
    }
    return 1;
}

/* ---- stored text ---- */

typedef struct {
    char *p;
    size_t len, cap, max;
} dynbuf;

static int db_reserve(dynbuf *b, size_t extra)
{
    size_t need, cap;
    char *np;
    if (extra > b->max - b->len)
        return -1;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    np = realloc(b->p, cap);
    if (!np)
        return -1;
    b->p = np;
    b->cap = cap;
    return 0;
}

static int db_append(dynbuf *b, const void *s, size_t n)
{
    if (db_reserve(b, n) < 0)
        return -1;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

/* Scratch UTF-32 buffer for NFC'ing the segments that need it. */
typedef struct {
    utf8proc_int32_t *p;
    size_t cap;   /* entries */
} u32buf;

/* Append NFC(SEG) to OUT.  SEG is valid UTF-8 that starts at an NFC
 * boundary and ends before one.  Returns 0, or -1 when out of memory. */
static int nfc_segment(dynbuf *out, u32buf *ub, const unsigned char *seg,
                       size_t n)
{
    utf8proc_ssize_t len;
    for (;;) {
        len = utf8proc_decompose(seg, (utf8proc_ssize_t)n, ub->p,
                                 (utf8proc_ssize_t)ub->cap, UTF8PROC_DECOMPOSE);
        if (len < 0)    /* cannot happen on valid UTF-8: keep the bytes */
            return db_append(out, seg, n);
        if ((size_t)len + 1 <= ub->cap)
            break;
        if ((size_t)len > n * 4 + 16)
            return db_append(out, seg, n);
        {
            size_t cap = (size_t)len + 16;
            utf8proc_int32_t *np = realloc(ub->p, cap * sizeof *np);
            if (!np)
                return -1;
            ub->p = np;
            ub->cap = cap;
        }
    }
    len = utf8proc_reencode(ub->p, len, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (len < 0)
        return db_append(out, seg, n);
    return db_append(out, ub->p, (size_t)len);
}

/* NFC of valid UTF-8 S into OUT, touching only the segments around code
 * points that are not NFC boundaries. */
static int nfc_text(dynbuf *out, const unsigned char *s, size_t n)
{
    u32buf ub = {NULL, 0};
    size_t i = 0, done = 0, last_boundary = 0;
    uint32_t cp = 0;
    int rc = 0;

    while (i < n) {
        size_t a = ascii_run(s + i, n - i);
        int len;
        if (a) {
            i += a;
            last_boundary = i - 1;
            continue;
        }
        len = tu_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {           /* not expected: caller repaired the text */
            rc = -1;
            break;
        }
        if (tu_uni_nfc_boundary(cp)) {
            last_boundary = i;
            i += (size_t)len;
            continue;
        }
        {
            size_t start = last_boundary > done ? last_boundary : done;
            size_t j = i + (size_t)len;
            while (j < n) {
                int l2 = tu_utf8_decode(s + j, n - j, &cp);
                if (l2 < 0 || tu_uni_nfc_boundary(cp))
                    break;
                j += (size_t)l2;
            }
            if (db_append(out, s + done, start - done) < 0 ||
                nfc_segment(out, &ub, s + start, j - start) < 0) {
                rc = -1;
                break;
            }
            done = j;
            last_boundary = j;
            i = j;
        }
    }
    if (rc == 0 && db_append(out, s + done, n - done) < 0)
        rc = -1;
    free(ub.p);
    return rc;
}

tracuu_status_t tracuu_norm_text(const char *text, size_t n, char **out,
                                 size_t *out_len, size_t *n_invalid)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, bad = 0;
    int need_nfc = 0;
    unsigned char *fixed = NULL;
    dynbuf b = {NULL, 0, 0, 0};
    uint32_t cp;

    *out = NULL;
    if (out_len)
        *out_len = 0;
    if (n_invalid)
        *n_invalid = 0;
    if (!text)
        n = 0;

    /* Pass 1: find invalid sequences and code points that NFC may change. */
    while (i < n) {
        int len;
        i += ascii_run(s + i, n - i);
        if (i >= n)
            break;
        len = tu_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            bad++;
            i += (size_t)-len;
            continue;
        }
        if (!need_nfc && !tu_uni_nfc_boundary(cp))
            need_nfc = 1;
        i += (size_t)len;
    }

    /* Pass 2 (rare): replace each maximal invalid subpart by U+FFFD. */
    if (bad) {
        size_t k = 0;
        if (n > (SIZE_MAX - 1) / 3)
            return TRACUU_ERR_NOMEM;
        fixed = malloc(3 * n + 1);
        if (!fixed)
            return TRACUU_ERR_NOMEM;
        for (i = 0; i < n;) {
            int len = tu_utf8_decode(s + i, n - i, &cp);
            if (len < 0) {
                memcpy(fixed + k, "\xEF\xBF\xBD", 3);
                k += 3;
                i += (size_t)-len;
            } else {
                memcpy(fixed + k, s + i, (size_t)len);
                k += (size_t)len;
                i += (size_t)len;
                if (!need_nfc && !tu_uni_nfc_boundary(cp))
                    need_nfc = 1;
            }
        }
        fixed[k] = '\0';
        if (!need_nfc) {
            *out = (char *)fixed;
            if (out_len)
                *out_len = k;
            if (n_invalid)
                *n_invalid = bad;
            return TRACUU_OK;
        }
        s = fixed;
        n = k;
    }

    if (!need_nfc) {
        char *p = malloc(n + 1);
        if (!p)
            return TRACUU_ERR_NOMEM;
        if (n)
            memcpy(p, s, n);
        p[n] = '\0';
        *out = p;
        if (out_len)
            *out_len = n;
        if (n_invalid)
            *n_invalid = bad;
        return TRACUU_OK;
    }

    /* Pass 3: NFC the segments that need it.  NFC grows text by at most 3x. */
    b.max = n > (SIZE_MAX - 64) / 4 ? SIZE_MAX - 64 : 4 * n + 64;
    if (db_reserve(&b, n) < 0 || nfc_text(&b, s, n) < 0) {
        free(b.p);
        free(fixed);
        return TRACUU_ERR_NOMEM;
    }
    free(fixed);
    b.p[b.len] = '\0';
    *out = b.p;
    if (out_len)
        *out_len = b.len;
    if (n_invalid)
        *n_invalid = bad;
    return TRACUU_OK;
}

/* ---- folded keys and marks ---- */

static int is_mark_cat(utf8proc_category_t c)
{
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
           c == UTF8PROC_CATEGORY_ME;
}

static int is_hangul_syllable(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

int tracuu_norm_fold(const char *w, size_t n, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)w;
    size_t i = 0, k = 0;

    if (!out || cap == 0 || (!w && n))
        return -1;
    while (i < n) {
        uint32_t cp;
        unsigned char c;
        int len = tu_utf8_decode(s + i, n - i, &cp);
        if (len < 0)
            return -1;
        i += (size_t)len;
        c = tu_uni_fold_ascii(cp);
        if (c) {
            if (k + 1 >= cap)
                return -1;
            out[k++] = (char)c;
            continue;
        }
        {
            utf8proc_int32_t buf[24];
            utf8proc_ssize_t m;
            int bc = 0;
            utf8proc_int32_t l = utf8proc_tolower((utf8proc_int32_t)cp);
            if (is_hangul_syllable((uint32_t)l)) {
                buf[0] = l;
                m = 1;
            } else {
                m = utf8proc_decompose_char(
                    l, buf, 24, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &bc);
                if (m < 0 || m > 24)
                    return -1;
            }
            for (utf8proc_ssize_t j = 0; j < m; j++) {
                uint32_t d = (uint32_t)buf[j];
                if (d == 0x111)
                    d = 'd';
                unsigned char enc[4];
                int el = tu_utf8_encode(d, enc);
                if (k + (size_t)el >= cap)
                    return -1;
                memcpy(out + k, enc, (size_t)el);
                k += (size_t)el;
            }
        }
    }
    out[k] = '\0';
    return k > INT32_MAX ? -1 : (int)k;
}

int tracuu_has_marks(const char *w, size_t n)
{
    const unsigned char *s = (const unsigned char *)w;
    size_t i = 0;

    if (!w)
        return 0;
    while (i < n) {
        uint32_t cp;
        int len;
        i += ascii_run(s + i, n - i);
        if (i >= n)
            break;
        len = tu_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            i += (size_t)-len;
            continue;
        }
        i += (size_t)len;
        if (cp == 0x110 || cp == 0x111)
            return 1;
        if (is_mark_cat(utf8proc_category((utf8proc_int32_t)cp)))
            return 1;
        if (!is_hangul_syllable(cp)) {
            utf8proc_int32_t buf[24];
            int bc = 0;
            utf8proc_ssize_t m = utf8proc_decompose_char(
                (utf8proc_int32_t)cp, buf, 24, UTF8PROC_DECOMPOSE, &bc);
            for (utf8proc_ssize_t j = 0; j < m && j < 24; j++)
                if (is_mark_cat(utf8proc_category(buf[j])))
                    return 1;
        }
    }
    return 0;
}
