/* tracuu: TCVN3 ("ABC", .VnTime fonts) to UTF-8 and back.
 *
 * Source of the table: TCVN 5712:1993, table VN3 (the 8-bit set of the ABC
 * fonts), as documented by the Vietnamese standard and matching the upper
 * half of glibc's TCVN5712-1 (VN1) at every VN3 position.  Positions VN3
 * leaves empty in 0xA0..0xFF hold, as in VN1, upper-case letters and the
 * five combining tone marks; 0x80..0x9F decode as Windows-1252 (the .VnTime
 * fonts were used on Windows, where smart quotes and dashes land there);
 * 0x00..0x7F are ASCII.  VN3 has no upper-case letter with a tone: the
 * .VnTimeH fonts show the lower-case codes as capitals, so those decode to
 * lower case. */
#include <stdint.h>
#include <stdlib.h>
#include "encoding/tu_encoders.h"
#include "encoding/tu_vnchar.h"
#include "base/tu_utf8.h"

static const uint16_t high[96] = {   /* 0xA0 .. 0xFF */
    /* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    /* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    /* B8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    /* C0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    /* D8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    /* E0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    /* F0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

static const uint16_t c1[32] = {   /* Windows-1252 0x80 .. 0x9F, 0 = none */
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

unsigned tu_cp1252_c1(unsigned char b)
{
    return b >= 0x80 && b <= 0x9F ? c1[b - 0x80] : 0;
}

size_t tu_tcvn3_decode(const char *in, size_t n, char *out, size_t *n_invalid)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0, bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = s[i];
        uint32_t cp;
        if (b < 0x80) {
            out[o++] = (char)b;
            continue;
        }
        if (b >= 0xA0) {
            cp = high[b - 0xA0];
        } else {
            cp = c1[b - 0x80];
            if (!cp) { cp = 0xFFFD; bad++; }
        }
        o += (size_t)tu_utf8_encode(cp, (unsigned char *)(out + o));
    }
    out[o] = '\0';
    if (n_invalid) *n_invalid += bad;
    return o;
}

/* Encoder: the byte for CP, or 0 if none.  VN3 letters only (not the VN1
 * extras), lower-casing toned capitals. */
static unsigned char enc_one(uint32_t cp)
{
    int v, t, up;
    if (cp < 0x80)
        return (unsigned char)cp;
    for (int b = 0; b < 32; b++)
        if (c1[b] == cp) return (unsigned char)(0x80 + b);
    if (tu_vn_decompose(cp, &v, &t, &up) && up && t != TU_T_NONE)
        cp = tu_vn_compose(v, t, 0);
    if (cp == 0xA0) return 0xA0;
    for (int b = 0xA1; b <= 0xFF; b++) {
        uint32_t h = high[b - 0xA0];
        if (h != cp)
            continue;
        int is_vn1_extra = (h >= 0x300 && h <= 0x323) ||
            (b >= 0xAF && tu_vn_decompose(h, &v, &t, &up) && up);
        if (!is_vn1_extra)
            return (unsigned char)b;
    }
    return 0;
}

char *tu_tcvn3_encode(const char *in, size_t n, size_t *out_len,
                      size_t *n_unmapped)
{
    const unsigned char *s = (const unsigned char *)in;
    char *out = malloc(n + 1);
    size_t o = 0, bad = 0, i = 0;
    if (!out)
        return NULL;
    while (i < n) {
        uint32_t cp;
        i += tu_utf8_next(s + i, n - i, &cp);
        unsigned char b = enc_one(cp);
        if (!b && cp != 0) { b = '?'; bad++; }
        out[o++] = (char)b;
    }
    out[o] = '\0';
    if (out_len) *out_len = o;
    if (n_unmapped) *n_unmapped += bad;
    return out;
}
