/* Joined forms of numbers and names: see tu_joined.h. */
#include <string.h>
#include "text/tu_joined.h"
#include "tracuu/normalize.h"

#define MAX_PARTS 6

static int digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* "2.450", "1.250,5", "12.345.678": a first group of 1-3 digits, then
 * groups of '.' and exactly 3 digits (at least one), then at most one ','
 * and digits.  The joined form drops the dots. */
static int number_form(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0, groups = 0;
    while (i < n && digit((unsigned char)s[i]))
        i++;
    if (i == 0 || i > 3)
        return 0;
    while (i < n && s[i] == '.') {
        size_t j = i + 1;
        while (j < n && digit((unsigned char)s[j]))
            j++;
        if (j - i - 1 != 3)
            return 0;
        groups++;
        i = j;
    }
    if (groups == 0)
        return 0;
    if (i < n) {
        if (s[i] != ',' || i + 1 >= n)
            return 0;
        for (size_t j = i + 1; j < n; j++)
            if (!digit((unsigned char)s[j]))
                return 0;
    }
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '.')
            continue;
        if (o + 1 >= cap)
            return 0;
        out[o++] = s[k];
    }
    out[o] = '\0';
    return (int)o;
}

/* Apostrophe (' or U+2019) or hyphen at S[I]: its byte length, else 0. */
static size_t name_connector(const char *s, size_t n, size_t i)
{
    if (s[i] == '\'' || s[i] == '-')
        return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99)
        return 3;
    return 0;
}

/* "H'Drai", "Ê-đê": 2 to MAX_PARTS parts of letters joined by apostrophes
 * or hyphens; the joined form is the folded parts run together. */
static int name_form(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, parts = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t cl = i < n ? name_connector(s, n, i) : 0;
        if (i < n && !cl) {
            unsigned char c = (unsigned char)s[i];
            if (digit(c) || c == '.' || c == ',' || c == '/' || c == '_')
                return 0;
            continue;
        }
        if (i == start || ++parts > MAX_PARTS)
            return 0;
        int l = tracuu_norm_fold(s + start, i - start, out + o, cap - o);
        if (l <= 0)
            return 0;
        o += (size_t)l;
        if (i < n)
            i += cl - 1;
        start = i + 1;
    }
    if (parts < 2)
        return 0;
    out[o] = '\0';
    return (int)o;
}

int tu_joined_form(const char *s, size_t n, char *out, size_t cap)
{
    if (!s || n < 3 || !out || cap < 2)
        return 0;
    if (digit((unsigned char)s[0]))
        return number_form(s, n, out, cap);
    return name_form(s, n, out, cap);
}
