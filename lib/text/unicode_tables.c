/* Unicode look-up tables for the normaliser's fast paths, computed once at
 * first use from utf8proc (so they always agree with the slow path). */
#include <pthread.h>
#include <stdatomic.h>
#include <utf8proc.h>

#include "text/tu_unicode.h"
#include "base/tu_utf8.h"

static unsigned char boundary[0x10000 / 8];     /* bit set: NFC boundary */
static unsigned char fold_lo[0x250];            /* U+0000..U+024F */
static unsigned char fold_ext[0x100];           /* U+1E00..U+1EFF */
static uint16_t split_lo[0x1B1];                /* U+0000..U+01B0 */
static uint16_t split_ext[0x5A];                /* U+1EA0..U+1EF9 */
static uint32_t join_tab[26][5][6];
static pthread_once_t once = PTHREAD_ONCE_INIT;
/* The boundary table is built one page of 256 code points at a time, on
 * the first look-up in that page: a query or a short text touches a few
 * pages, and a program start-up pays for none (all 65,536 took ~1 ms). */
static atomic_uchar boundary_page_ready[0x100];
static pthread_mutex_t boundary_mu = PTHREAD_MUTEX_INITIALIZER;

static int is_mark(utf8proc_int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
           c == UTF8PROC_CATEGORY_ME;
}

static int compute_boundary(utf8proc_int32_t cp)
{
    const utf8proc_property_t *p;
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t len;
    int bc = 0;

    if (cp < 0x80)
        return 1;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp >= 0x1100 && cp <= 0x11FF)           /* Hangul jamo compose */
        return 0;
    p = utf8proc_get_property(cp);
    if (p->combining_class != 0 || is_mark(cp))
        return 0;
    if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
        return 1;                               /* no canonical mapping */
    len = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, &bc);
    if (len < 1 || len > 8)
        return 0;
    len = utf8proc_normalize_utf32(buf, len, UTF8PROC_COMPOSE);
    return len == 1 && buf[0] == cp;            /* NFC gives it back */
}

static unsigned char compute_fold(utf8proc_int32_t cp)
{
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t len;
    int bc = 0;
    utf8proc_int32_t l = utf8proc_tolower(cp);

    if (l == 0x111)
        return 'd';
    len = utf8proc_decompose_char(l, buf, 8,
                                  UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &bc);
    if (len == 1 && buf[0] < 0x80 && buf[0] > 0)
        return (unsigned char)buf[0];
    return 0;
}

const uint32_t tu_uni_tone_mark[6] = {0, 0x300, 0x301, 0x303, 0x309, 0x323};
static const uint32_t shape_mark[5] = {0, 0x302, 0x306, 0x31B, 0};

static uint16_t compute_split(utf8proc_int32_t cp)
{
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t len;
    int bc = 0, shape = TU_SH_NONE, tone = 0;
    utf8proc_int32_t l = utf8proc_tolower(cp);

    if (l == 0x111)
        return (uint16_t)('d' | TU_SH_STROKE << 8);
    len = utf8proc_decompose_char(l, buf, 8, UTF8PROC_DECOMPOSE, &bc);
    if (len < 1 || len > 3 || buf[0] < 'a' || buf[0] > 'z')
        return 0;
    for (utf8proc_ssize_t i = 1; i < len; i++) {
        int k, found = 0;
        for (k = 1; k < 4; k++)
            if (buf[i] == (utf8proc_int32_t)shape_mark[k] && !shape) {
                shape = k;
                found = 1;
            }
        for (k = 1; k < 6; k++)
            if (buf[i] == (utf8proc_int32_t)tu_uni_tone_mark[k] && !tone) {
                tone = k;
                found = 1;
            }
        if (!found)
            return 0;
    }
    return (uint16_t)(buf[0] | shape << 8 | tone << 12);
}

static uint32_t compute_join(int base, int shape, int tone)
{
    utf8proc_int32_t buf[4];
    utf8proc_ssize_t len = 0;
    buf[len++] = 'a' + base;
    if (shape == TU_SH_HORN)
        buf[len++] = 0x31B;
    if (tone == 5)
        buf[len++] = 0x323;
    if (shape == TU_SH_CIRC || shape == TU_SH_BREVE)
        buf[len++] = (utf8proc_int32_t)shape_mark[shape];
    if (tone && tone != 5)
        buf[len++] = (utf8proc_int32_t)tu_uni_tone_mark[tone];
    len = utf8proc_normalize_utf32(buf, len, UTF8PROC_COMPOSE);
    return len == 1 ? (uint32_t)buf[0] : 0;
}

static void build(void)
{
    for (utf8proc_int32_t cp = 0; cp < 0x1B1; cp++)
        split_lo[cp] = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
                           ? (uint16_t)(cp | 0x20)
                           : cp < 0x80 ? 0 : compute_split(cp);
    for (utf8proc_int32_t cp = 0; cp < 0x5A; cp++)
        split_ext[cp] = compute_split(0x1EA0 + cp);
    for (int b = 0; b < 26; b++)
        for (int sh = 0; sh < 4; sh++)
            for (int t = 0; t < 6; t++)
                join_tab[b][sh][t] = compute_join(b, sh, t);
    join_tab['d' - 'a'][TU_SH_STROKE][0] = 0x111;
    for (utf8proc_int32_t cp = 0; cp < 0x250; cp++)
        fold_lo[cp] = cp < 0x80 ? (unsigned char)((cp >= 'A' && cp <= 'Z')
                                                  ? cp + 32 : cp)
                                : compute_fold(cp);
    for (utf8proc_int32_t cp = 0; cp < 0x100; cp++)
        fold_ext[cp] = compute_fold(0x1E00 + cp);
}

int tu_uni_nfc_boundary(uint32_t cp)
{
    if (cp < 0x80)
        return 1;
    if (cp > 0xFFFF)
        return 0;
    unsigned page = cp >> 8;
    if (!atomic_load_explicit(&boundary_page_ready[page], memory_order_acquire)) {
        pthread_mutex_lock(&boundary_mu);
        if (!atomic_load_explicit(&boundary_page_ready[page], memory_order_relaxed)) {
            for (utf8proc_int32_t c = (utf8proc_int32_t)(page << 8);
                 c < (utf8proc_int32_t)((page + 1) << 8); c++)
                if (compute_boundary(c))
                    boundary[c >> 3] |= (unsigned char)(1u << (c & 7));
            atomic_store_explicit(&boundary_page_ready[page], 1, memory_order_release);
        }
        pthread_mutex_unlock(&boundary_mu);
    }
    return (boundary[cp >> 3] >> (cp & 7)) & 1;
}

unsigned char tu_uni_fold_ascii(uint32_t cp)
{
    if (cp < 0x80)
        return (unsigned char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    pthread_once(&once, build);
    if (cp < 0x250)
        return fold_lo[cp];
    if (cp >= 0x1E00 && cp <= 0x1EFF)
        return fold_ext[cp - 0x1E00];
    return 0;
}

int tu_uni_fold_first(const char *s, size_t n)
{
    if (n == 0)
        return -1;
    unsigned char b = (unsigned char)s[0];
    if (b < 0x80)
        return (b >= 'A' && b <= 'Z') ? b + 32 : b;
    uint32_t cp;
    if (tu_utf8_decode((const unsigned char *)s, n, &cp) < 0)
        return -1;
    unsigned char c = tu_uni_fold_ascii(cp);
    return c ? c : -1;
}

unsigned tu_uni_vn_split(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? (cp | 0x20) : 0;
    pthread_once(&once, build);
    if (cp < 0x1B1)
        return split_lo[cp];
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return split_ext[cp - 0x1EA0];
    return 0;
}

uint32_t tu_uni_vn_join(int base, int shape, int tone)
{
    if (base < 'a' || base > 'z' || shape < 0 || shape > 4 || tone < 0 ||
        tone > 5)
        return 0;
    pthread_once(&once, build);
    return join_tab[base - 'a'][shape][tone];
}
