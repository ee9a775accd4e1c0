/* Subject lines of official documents: see tu_subject.h. */
#include <stdlib.h>
#include <string.h>
#include "knowledge/tu_subject.h"
#include "base/tu_buf.h"
#include "tracuu/normalize.h"

/* Document-type headings, as printed (upper case, NFC). */
static const char *const headings[] = {
    "BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "THÔNG BÁO",
    "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "HƯỚNG DẪN", "QUY CHẾ", "QUY ĐỊNH",
    "KẾT LUẬN", "CÔNG VĂN", "DỰ THẢO", "PHƯƠNG ÁN", "ĐỀ CƯƠNG", "BIÊN BẢN",
};

typedef struct {
    const char *s;
    size_t n;
} line_t;

static int blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static line_t trim(const char *s, size_t n)
{
    while (n && blank((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && blank((unsigned char)s[n - 1]))
        n--;
    return (line_t){s, n};
}

/* Folded start of L ("về việc: …" -> "ve viec: …"), at most CAP-1 bytes. */
static size_t fold_start(line_t l, char *out, size_t cap)
{
    size_t n = l.n < 48 ? l.n : 48;
    while (n < l.n && ((unsigned char)l.s[n] & 0xC0) == 0x80)
        n++;
    int k = tracuu_norm_fold(l.s, n, out, cap);
    return k > 0 ? (size_t)k : 0;
}

/* Bytes of the subject marker at the start of L ("V/v", "Về việc"), 0 if
 * none. */
static size_t marker(line_t l)
{
    char f[256];
    size_t k = fold_start(l, f, sizeof f);
    if (k >= 3 && f[0] == 'v' && f[1] == '/' && f[2] == 'v' &&
        (k == 3 || f[3] == ' ' || f[3] == ':' || f[3] == '.'))
        return 3;
    if (k >= 7 && memcmp(f, "ve viec", 7) == 0 && (k == 7 || f[7] == ' ' || f[7] == ':')) {
        /* "Về việc" is 7 characters: skip them in the original */
        size_t i = 0, chars = 0;
        while (i < l.n && chars < 7) {
            i++;
            while (i < l.n && ((unsigned char)l.s[i] & 0xC0) == 0x80)
                i++;
            chars++;
        }
        return i;
    }
    return 0;
}

/* Length of the heading L starts with (a whole word), 0 if none. */
static size_t heading(line_t l)
{
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++) {
        size_t hl = strlen(headings[i]);
        if (l.n >= hl && memcmp(l.s, headings[i], hl) == 0 &&
            (l.n == hl || blank((unsigned char)l.s[hl]) || l.s[hl] == ':'))
            return hl;
    }
    return 0;
}

/* A line that ends the subject block under a heading: the number line,
 * "Căn cứ …", "Kính gửi …", a rule of dashes or stars, a date line. */
static int stops(line_t l)
{
    char f[256];
    size_t k = fold_start(l, f, sizeof f);
    if (k == 0 || l.s[0] == '-' || l.s[0] == '*' || l.s[0] == '_' || l.s[0] == '=')
        return 1;
    static const char *const words[] = {"so:", "so ", "can cu", "kinh gui", "ngay ",
                                        "i.", "i ", "phan ", "chuong "};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t wl = strlen(words[i]);
        if (k >= wl && memcmp(f, words[i], wl) == 0)
            return 1;
    }
    return 0;
}

/* L starts with a lower-case letter: a wrapped line that goes on. */
static int lower_start(line_t l)
{
    size_t n = 1;
    while (n < l.n && ((unsigned char)l.s[n] & 0xC0) == 0x80)
        n++;
    char low[16];
    int k = tracuu_norm_exact(l.s, n, low, sizeof low);
    unsigned char c = (unsigned char)l.s[0];
    int letter = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return letter && k == (int)n && memcmp(low, l.s, n) == 0;
}

static void add_line(tu_buf_t *b, line_t l)
{
    for (size_t i = 0; i < l.n; i++) {
        unsigned char c = (unsigned char)l.s[i];
        if (blank(c)) {
            if (b->len && b->p[b->len - 1] != ' ')
                tu_buf_addc(b, ' ');
        } else {
            tu_buf_addc(b, (char)c);
        }
    }
}

char *tu_subject_line(const char *text, size_t len)
{
    if (!text)
        return NULL;
    line_t lines[TU_SUBJECT_LINES];
    size_t nl = 0, i = 0;
    while (i < len && nl < TU_SUBJECT_LINES) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        lines[nl++] = trim(text + i, e - i);
        i = e + 1;
    }
    tu_buf_t b;
    tu_buf_init(&b, TU_SUBJECT_MAX + 64);
    for (size_t k = 0; k < nl && !b.len; k++) {
        line_t l = lines[k];
        if (l.n == 0 || l.n > TU_SUBJECT_MAX)
            continue;
        size_t m = marker(l);
        if (m) {
            /* "V/v …" and the wrapped lines after it */
            if (trim(l.s + m, l.n - m).n == 0 && k + 1 < nl)
                continue;  /* a bare marker: rare, skip */
            add_line(&b, l);
            for (size_t j = k + 1; j < nl && j <= k + 2; j++) {
                if (lines[j].n == 0 || !lower_start(lines[j]) || stops(lines[j]))
                    break;
                tu_buf_addc(&b, ' ');
                add_line(&b, lines[j]);
            }
            continue;
        }
        size_t h = heading(l);
        if (!h)
            continue;
        /* the heading and what follows it on its line and the next lines,
         * up to a blank line or the number/date/"Căn cứ" line */
        line_t rest = trim(l.s + h, l.n - h);
        if (rest.n && rest.s[0] == ':')
            rest = trim(rest.s + 1, rest.n - 1);
        size_t taken = 0;
        tu_buf_t sb;
        tu_buf_init(&sb, TU_SUBJECT_MAX + 64);
        if (rest.n) {
            add_line(&sb, rest);
            taken++;
        }
        for (size_t j = k + 1; j < nl && taken < 3; j++) {
            if (lines[j].n == 0) {
                if (taken)
                    break;
                continue;
            }
            if (stops(lines[j]) || heading(lines[j]) ||
                sb.len + lines[j].n > TU_SUBJECT_MAX)
                break;
            if (sb.len)
                tu_buf_addc(&sb, ' ');
            add_line(&sb, lines[j]);
            taken++;
        }
        if (sb.len && !sb.failed) {
            tu_buf_add(&b, l.s, h);
            tu_buf_addc(&b, ' ');
            tu_buf_add(&b, sb.p, sb.len);
        }
        tu_buf_free(&sb);
    }
    if (b.failed || !b.len) {
        tu_buf_free(&b);
        return NULL;
    }
    return tu_buf_take(&b, NULL);
}
