/* tracuu: Vietnamese vowel letters for the converters and the detection score.
 * The table is from the Unicode code charts (U+00C0.., U+0100.., U+01A0..,
 * U+1EA0..U+1EF9); upper case is derived (see upper_of). */
#include <string.h>
#include "encoding/tu_vnchar.h"

/* Lower-case letters: [vowel][tone], tones none grave hook tilde acute dot. */
static const uint16_t lower[TU_V_COUNT][TU_T_COUNT] = {
    {0x0061, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1}, /* a */
    {0x0103, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB7}, /* ă */
    {0x00E2, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD}, /* â */
    {0x0065, 0x00E8, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9}, /* e */
    {0x00EA, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7}, /* ê */
    {0x0069, 0x00EC, 0x1EC9, 0x0129, 0x00ED, 0x1ECB}, /* i */
    {0x006F, 0x00F2, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD}, /* o */
    {0x00F4, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9}, /* ô */
    {0x01A1, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3}, /* ơ */
    {0x0075, 0x00F9, 0x1EE7, 0x0169, 0x00FA, 0x1EE5}, /* u */
    {0x01B0, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1}, /* ư */
    {0x0079, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5}, /* y */
};

/* Reverse of lower[][]: 1 + vowel * 8 + tone, 0 if none.  Derived from
 * lower[][] by a throwaway script; test_vnchar (tests/unit/test_encoding.c)
 * checks all 144 letters both ways. */
static const unsigned char rev_latin1[31] = {   /* U+00E0 .. U+00FE */
      2,   5,  17,   4,   0,   0,   0,   0,  26,  29,  33,   0,
     42,  45,   0,   0,   0,   0,  50,  53,  57,  52,   0,   0,
      0,  74,  77,   0,   0,  93,   0,
};
static const unsigned char rev_ext[45] = {      /* U+1EA1 .. U+1EF9, odd */
      6,   3,  21,  18,  19,  20,  22,  13,  10,  11,  12,  14,
     30,  27,  28,  37,  34,  35,  36,  38,  43,  46,  54,  51,
     61,  58,  59,  60,  62,  69,  66,  67,  68,  70,  78,  75,
     85,  82,  83,  84,  86,  90,  94,  91,  92,
};

/* Upper case of a lower-case letter of the table. */
static uint32_t upper_of(uint32_t cp)
{
    if (cp < 0x80 || (cp >= 0xE0 && cp <= 0xFE))
        return cp - 0x20;
    return cp - 1; /* ă ĩ ũ ơ ư and U+1EA1..U+1EF9 (odd = lower) */
}

uint32_t tu_vn_compose(int vowel, int tone, int upper)
{
    uint32_t cp = lower[vowel][tone];
    return upper ? upper_of(cp) : cp;
}

int tu_vn_decompose(uint32_t cp, int *vowel, int *tone, int *upper)
{
    uint32_t lc;
    int up;
    if (cp >= 'A' && cp <= 'Z') { lc = cp + 0x20; up = 1; }
    else if (cp < 0x80) { lc = cp; up = 0; }
    else if (cp >= 0xC0 && cp <= 0xDE) { lc = cp + 0x20; up = 1; }
    else if (cp >= 0xE0 && cp <= 0xFE) { lc = cp; up = 0; }
    else if (cp == 0x102 || cp == 0x128 || cp == 0x168 || cp == 0x1A0 ||
             cp == 0x1AF) { lc = cp + 1; up = 1; }
    else if (cp >= 0x1EA0 && cp <= 0x1EF9) {
        up = (cp & 1) == 0;
        lc = cp | 1;
    } else { lc = cp; up = 0; }
    unsigned r = 0;
    switch (lc) {
    case 'a': r = 1 + TU_V_A * 8; break;
    case 'e': r = 1 + TU_V_E * 8; break;
    case 'i': r = 1 + TU_V_I * 8; break;
    case 'o': r = 1 + TU_V_O * 8; break;
    case 'u': r = 1 + TU_V_U * 8; break;
    case 'y': r = 1 + TU_V_Y * 8; break;
    case 0x103: r = 1 + TU_V_AW * 8; break;
    case 0x129: r = 1 + TU_V_I * 8 + TU_T_TILDE; break;
    case 0x169: r = 1 + TU_V_U * 8 + TU_T_TILDE; break;
    case 0x1A1: r = 1 + TU_V_OW * 8; break;
    case 0x1B0: r = 1 + TU_V_UW * 8; break;
    default:
        if (lc >= 0xE0 && lc <= 0xFE)
            r = rev_latin1[lc - 0xE0];
        else if (lc >= 0x1EA1 && lc <= 0x1EF9)
            r = rev_ext[(lc - 0x1EA1) / 2];
    }
    if (!r)
        return 0;
    *vowel = (int)((r - 1) / 8);
    *tone = (int)((r - 1) % 8);
    *upper = up;
    return 1;
}

int tu_vn_add_circumflex(int v)
{
    return v == TU_V_A ? TU_V_AA : v == TU_V_E ? TU_V_EE
         : v == TU_V_O ? TU_V_OO : -1;
}

int tu_vn_add_breve(int v) { return v == TU_V_A ? TU_V_AW : -1; }

int tu_vn_add_horn(int v)
{
    return v == TU_V_O ? TU_V_OW : v == TU_V_U ? TU_V_UW : -1;
}
