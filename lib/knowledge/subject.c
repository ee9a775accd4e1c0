/* tracuu: subject lines of administrative documents (tu_subject.h).
 *
 * Decree 30/2020/NĐ-CP (Phụ lục I) and Hướng dẫn 36-HD/VPTW place the
 * subject ("trích yếu nội dung") right under the type heading for every
 * type but the công văn, whose subject stands under its number after
 * "V/v".  The subject is one to three centred lines, followed by a short
 * rule, a blank line or the body ("Căn cứ ...", "Kính gửi: ...", "I. ...").
 * pdftotext without -layout and antiword lose the centring and the blank
 * line, so a line is taken as going on the subject only when it starts in
 * lower case (the subject's lines are a running phrase: "kết quả thực hiện
 * ... năm 2023" / "và phương hướng, nhiệm vụ năm 2024"), or, when the
 * layout kept the centring, when it is indented like a centred line. */
#include <string.h>
#include "knowledge/tu_subject.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

int tu_subject_vv(const char *s, size_t n, size_t *body)
{
    if (n < 4 || (s[0] != 'V' && s[0] != 'v')) return 0;
    if ((s[1] != '/' && s[1] != '.') || (s[2] != 'v' && s[2] != 'V')) return 0;
    size_t p = 3;
    if (p < n && s[p] != ' ' && s[p] != ':' && s[p] != '\t') return 0;
    while (p < n && (s[p] == ' ' || s[p] == ':' || s[p] == '\t')) p++;
    if (p >= n) return 0;
    *body = p;
    return 1;
}

static const char *const body_words[] = {
    "can cu", "kinh gui", "thuc hien", "phan thu", "dieu ", "chuong ",
    "noi nhan", NULL
};

int tu_subject_body_start(const char *s, size_t n)
{
    if (n == 0) return 1;
    int rule = 1;
    for (size_t i = 0; i < n; i++)
        if (!strchr("-_*=~.o0 ", s[i])) rule = 0;
    if (rule) return 1;
    if (s[0] == '-' || s[0] == '+' || s[0] == '*') return 1;
    size_t l;
    uint32_t c = tu_ch_dec(s, n, 0, &l);
    if (c == 0x2013 || c == 0x2022) return 1;
    /* "I.", "II.", "1.", "2)": a numbered part */
    size_t p = 0;
    while (p < n && (strchr("IVX", s[p]) || (s[p] >= '0' && s[p] <= '9'))) p++;
    if (p > 0 && p < n && (s[p] == '.' || s[p] == ')')) return 1;
    char f[64];
    size_t m = n < 40 ? n : 40;
    while (m > 0 && m < n && (s[m] & 0xC0) == 0x80) m--;
    if (tu_scan_fold(s, m, f, sizeof f) < 0) return 0;
    for (size_t i = 0; body_words[i]; i++)
        if (strncmp(f, body_words[i], strlen(body_words[i])) == 0) return 1;
    return 0;
}

int tu_subject_continues(const char *p, size_t pn, const char *s, size_t n,
                         size_t indent)
{
    if (n == 0 || tu_subject_body_start(s, n)) return 0;
    size_t l;
    uint32_t c = tu_ch_dec(s, n, 0, &l);
    if (tu_ch_islower(c) || c == '(' || c == '"' || c == 0x201C
        || (c >= '0' && c <= '9'))
        return 1;
    if (indent < 8 || pn == 0) return 0;
    char e = p[pn - 1];
    return e != '.' && e != ':' && e != ';';
}
