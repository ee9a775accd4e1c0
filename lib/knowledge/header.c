/* tracuu: the document's own identity from its header (tu_header.h).
 *
 * Decree 30/2020/NĐ-CP (Phụ lục I) and Hướng dẫn 36-HD/VPTW lay out the
 * first lines of a document the same way: on the left the issuer's heading
 * block (a parent organ over the issuing one: "ĐẢNG BỘ TỈNH LÂM ĐỒNG" /
 * "HUYỆN ỦY LÂM HÀ", "UBND TỈNH LÂM ĐỒNG" / "SỞ NỘI VỤ"; a name may run over
 * two lines: "ỦY BAN NHÂN DÂN" / "HUYỆN LÂM HÀ"), a rule or "*", then the
 * number ("Số 12-BC/HU", "Số: 217/QĐ-UBND") and, for a công văn, "V/v ...";
 * on the right the motto ("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ
 * NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc") and the place and date
 * ("Lâm Hà, ngày 21 tháng 12 năm 2023"); then, centred, the type heading
 * ("BÁO CÁO") and the subject lines under it.  At the end the signature
 * block ("T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ" / name).
 *
 * Extractors print that table three ways: side by side (pdftotext -layout:
 * the two columns split by a run of 3 or more blanks), one cell after the
 * other (pdftotext without -layout), or with "|" between cells (antiword).
 * So each of the first lines is cut into cells (at "|", tabs and runs of 3
 * blanks) and the cells are read in order:
 *  - a rule ("-----", "*", "***") closes the issuer block;
 *  - a motto is skipped (it also counts as a sign of a header);
 *  - "Số"/"SỐ" [":"] then a number: the own number (tu_ref_at, else the
 *    token as printed, e.g. "1234/SNV-TCBC"; "Số:      /BC-UBND" of a
 *    draft gives none); when the cell holds only "Số:", the next cell;
 *  - "Place, ngày D tháng M năm Y" (also "ngày D/M/Y", "Place, D tháng M
 *    năm Y"): place and date; a date cut by the end of its line is read on
 *    with the next line;
 *  - a type heading in capitals ("BÁO CÁO", "B Á O  C Á O", "CHƯƠNG TRÌNH
 *    PHỐI HỢP"): the type, and the subject lines under it (subject.c);
 *  - "V/v ...": the subject, with the lines under it in the left column
 *    until a blank line or "Kính gửi";
 *  - before any of these, a first cell in capitals (at most 12 words): a
 *    line of the issuer block.
 * The issuer is the last name of the block (lines joined when the second
 * is a place, "HUYỆN LÂM HÀ", or starts with "VÀ"); the name above it is
 * the parent.  The type is the heading's; without one, the number's type
 * code, or "CV" when a "V/v" subject stands under the number.
 * A text is taken to have a header only when it has a number, a type
 * heading or a "V/v" subject together with an issuer, a date or a motto
 * (news articles have none of that and get nothing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "knowledge/tu_docdate.h"
#include "knowledge/tu_docnum.h"
#include "knowledge/tu_header.h"
#include "knowledge/tu_scan.h"
#include "knowledge/tu_subject.h"
#include "text/tu_chars.h"

#define MAX_LINES 40        /* lines read for the header */
#define MAX_CELLS 8
#define MAX_ORGANS 8
#define MAX_SUBJECT_LINES 4
#define SIGN_LINES 40       /* last lines searched for the signer */
#define FIELD 512

typedef struct { size_t a, b; } span_t;

typedef struct {
    size_t a, b, indent;       /* the line S[a..b), blanks before it */
    span_t cell[MAX_CELLS];
    int nc;
} line_t;

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Cut the line S[A..B) into trimmed cells. */
static void cells(const char *s, size_t a, size_t b, line_t *ln)
{
    ln->a = a;
    ln->b = b;
    ln->nc = 0;
    ln->indent = 0;
    while (a + ln->indent < b && is_blank(s[a + ln->indent])) ln->indent++;
    size_t p = a;
    while (p < b && ln->nc < MAX_CELLS) {
        while (p < b && (is_blank(s[p]) || s[p] == '|')) p++;
        if (p >= b) break;
        size_t q = p, end = p;
        while (q < b) {
            if (s[q] == '|' || s[q] == '\t') break;
            if (s[q] == ' ') {
                size_t r = q;
                while (r < b && s[r] == ' ') r++;
                if (r - q >= 3 || r >= b) break;
                q = r;
                continue;
            }
            /* U+00A0 (C2 A0) counts as a blank for the cut */
            q++;
            end = q;
        }
        ln->cell[ln->nc].a = p;
        ln->cell[ln->nc].b = end;
        ln->nc++;
        p = q;
    }
}

/* 1 if every letter of S[A..B) is upper case and there are at least two. */
static int all_caps(const char *s, size_t a, size_t b)
{
    int letters = 0;
    for (size_t p = a, l; p < b; p += l) {
        uint32_t c = tu_ch_dec(s, b, p, &l);
        if (!tu_ch_isletter(c)) continue;
        if (tu_ch_islower(c)) return 0;
        letters++;
    }
    return letters >= 2;
}

static int words(const char *s, size_t a, size_t b)
{
    int w = 0, in = 0;
    for (size_t p = a; p < b; p++) {
        int blank = is_blank(s[p]);
        if (!blank && !in) w++;
        in = !blank;
    }
    return w;
}

/* Folded S[A..B) into F (cap bytes); "" if it does not fit. */
static void fold(const char *s, size_t a, size_t b, char *f, size_t cap)
{
    if (b - a > cap / 2 || tu_scan_fold(s + a, b - a, f, cap) < 0) f[0] = '\0';
}

static int starts(const char *f, const char *w)
{
    return strncmp(f, w, strlen(w)) == 0;
}

static int is_rule(const char *s, size_t a, size_t b)
{
    if (a >= b) return 0;
    int marks = 0;
    for (size_t p = a; p < b; p++) {
        if (strchr("-_*=~", s[p])) marks++;
        else if (!strchr("o0. ", s[p])) return 0;
    }
    return marks > 0;
}

static int is_motto(const char *f)
{
    return starts(f, "cong hoa xa hoi") || starts(f, "doc lap") ||
           starts(f, "dang cong san viet nam");
}

/* Append S[A..B) to the field *F (a space between parts, blanks
 * collapsed). */
static int append(char **f, const char *s, size_t a, size_t b)
{
    size_t old = *f ? strlen(*f) : 0;
    char *r = realloc(*f, old + (b - a) + 2);
    if (!r) return -1;
    *f = r;
    size_t o = old;
    if (o && r[o - 1] != ' ') r[o++] = ' ';
    for (size_t p = a; p < b; p++) {
        char c = s[p] == '\t' || s[p] == '\r' ? ' ' : s[p];
        if (c == ' ' && (o == 0 || r[o - 1] == ' ')) continue;
        r[o++] = c;
    }
    while (o > 0 && r[o - 1] == ' ') o--;
    r[o] = '\0';
    return 0;
}

static int set(char **f, const char *s, size_t a, size_t b)
{
    free(*f);
    *f = NULL;
    return append(f, s, a, b);
}

typedef struct {
    const char *s;
    size_t n;
    line_t ln[MAX_LINES];
    int nl;
    tracuu_own_t *o;
    span_t organ[MAX_ORGANS];
    int norgans, organ_closed, number_seen, date_seen, motto, heading, vv;
    int used_next;              /* the number was read in the next cell */
    char first_organ[FIELD];
    int nomem;
} hd_t;

/* The number after "Số" at P, up to the end of the cell E (or of the
 * next cell NEXT when the cell ends there).  1 if the cell is "Số ...". */
static int number_cell(hd_t *h, size_t a, size_t e, const span_t *next)
{
    const char *s = h->s;
    char f[16];
    fold(s, a, a + 4 <= e ? a + 4 : e, f, sizeof f);
    if (!(f[0] == 's' && f[1] == 'o')) return 0;
    size_t p = a, l;                     /* after two code points */
    tu_ch_dec(s, e, p, &l);
    p += l;
    uint32_t o = tu_ch_dec(s, e, p, &l);
    p += l;
    if (o != 'o' && o != 'O' && o != 0x1ED1 && o != 0x1ED0)
        return 0;                        /* "SỞ NỘI VỤ" */
    if (p < e && !is_blank(s[p]) && s[p] != ':' && !(s[p] >= '0' && s[p] <= '9'))
        return 0;                        /* "Số liệu", "Sổ" */
    while (p < e && (is_blank(s[p]) || s[p] == ':')) p++;
    if (p >= e && next) {
        p = next->a;
        e = next->b;
        h->used_next = 1;
    }
    h->number_seen = 1;
    if (p >= e || s[p] < '0' || s[p] > '9') return 1;  /* a draft's blank */
    tracuu_ref_t r;
    memset(&r, 0, sizeof r);
    size_t ne, de;
    int got = tu_ref_at(s, e, p, 1, &r, &ne, &de);
    if (got < 0) { h->nomem = 1; return 1; }
    if (got == 1) {
        h->o->number = r.ref;
        h->o->number_key = r.key;
        h->o->issuer_code = r.issuer && *r.issuer ? r.issuer : NULL;
        if (!h->o->issuer_code) free(r.issuer);
        if (r.type && *r.type && !h->o->type) {
            h->o->type = r.type;      /* the number's type, until a heading */
            r.type = NULL;
        }
        free(r.type);
        free(r.number);
        return 1;
    }
    /* Not in the tables ("1234/SNV-TCBC"): the token as printed. */
    size_t q = p;
    int sep = 0;
    while (q < e) {
        uint32_t c = tu_ch_dec(s, e, q, &l);
        if (c == '/' || c == '-') sep = 1;
        else if (!(tu_ch_isletter(c) || (c >= '0' && c <= '9') || c == '.'))
            break;
        q += l;
    }
    while (q > p && (s[q - 1] == '-' || s[q - 1] == '/' || s[q - 1] == '.')) q--;
    if (!sep || q - p > 60) return 1;
    char key[256];
    if (set(&h->o->number, s, p, q)) { h->nomem = 1; return 1; }
    if (tu_scan_fold(s + p, q - p, key, sizeof key) >= 0 &&
        !(h->o->number_key = tu_scan_strndup(key, strlen(key))))
        h->nomem = 1;
    return 1;
}

/* Place and date in S[A..E); 1 if the cell is a date line. */
static int date_in(hd_t *h, size_t a, size_t e, int set_fields, int *complete)
{
    const char *s = h->s;
    size_t p = a, l;
    *complete = 0;
    size_t place_end = 0, date_at = 0;
    int ngay = 0;
    while (p < e) {
        uint32_t c = tu_ch_dec(s, e, p, &l);
        if (c == ',' && !place_end) place_end = p;
        if (tu_ch_isletter(c)) {
            size_t we = tu_scan_word_end(s, e, p);
            if (tu_scan_word_is(s + p, we - p, "ngay")) {
                ngay = 1;
                if (!place_end) place_end = p;
                date_at = we;
                break;
            }
            if (tu_scan_word_is(s + p, we - p, "thang") && place_end) {
                date_at = place_end + 1;
                break;
            }
            p = we;
            continue;
        }
        p += l;
    }
    if (!date_at) return 0;
    if (!ngay) {
        /* "Lâm Hà, 15 tháng 3 năm 2024": a number right after the comma */
        size_t q = place_end + 1;
        while (q < e && is_blank(s[q])) q++;
        if (q >= e || s[q] < '0' || s[q] > '9') return 0;
    }
    size_t q = date_at;
    while (q < e && is_blank(s[q])) q++;
    char iso[11];
    if (q < e && s[q] >= '0' && s[q] <= '9' && tu_date_at(s, e, q, iso)) {
        *complete = 1;
        if (set_fields) memcpy(h->o->date, iso, sizeof iso);
    }
    if (set_fields && place_end > a) {
        size_t pe = place_end;
        while (pe > a && is_blank(s[pe - 1])) pe--;
        size_t fl;
        uint32_t c0 = tu_ch_dec(s, e, a, &fl);
        if (pe - a <= 60 && tu_ch_isupper(c0) && words(s, a, pe) <= 5 &&
            set(&h->o->place, s, a, pe))
            h->nomem = 1;
    }
    return 1;
}

/* A date line whose date runs on: the rest of line I and line I+1. */
static void date_cell(hd_t *h, int i, int c)
{
    int complete;
    line_t *ln = &h->ln[i];
    if (!date_in(h, ln->cell[c].a, ln->cell[c].b, 1, &complete) || complete)
        return;
    /* Join the cell, the cells after it and the next line in a buffer. */
    char buf[600];
    size_t o = 0;
    for (int k = c; k < ln->nc; k++) {
        size_t len = ln->cell[k].b - ln->cell[k].a;
        if (o + len + 2 >= sizeof buf) return;
        memcpy(buf + o, h->s + ln->cell[k].a, len);
        o += len;
        buf[o++] = ' ';
    }
    if (i + 1 < h->nl) {
        line_t *nx = &h->ln[i + 1];
        for (int k = 0; k < nx->nc; k++) {
            size_t len = nx->cell[k].b - nx->cell[k].a;
            if (o + len + 2 >= sizeof buf) return;
            memcpy(buf + o, h->s + nx->cell[k].a, len);
            o += len;
            buf[o++] = ' ';
        }
    }
    hd_t sub = *h;
    sub.s = buf;
    sub.n = o;
    tracuu_own_t tmp;
    memset(&tmp, 0, sizeof tmp);
    sub.o = &tmp;
    date_in(&sub, 0, o, 1, &complete);
    if (complete) memcpy(h->o->date, tmp.date, sizeof tmp.date);
    free(tmp.place);
}

/* 1 if the organ line S[A..B) goes on the name above it. */
static int organ_continues(const char *s, size_t a, size_t b)
{
    char f[FIELD];
    fold(s, a, b, f, sizeof f);
    if (starts(f, "va ")) return 1;
    static const char *const places[] = {
        "tinh ", "huyen ", "xa ", "thanh pho ", "thi xa ", "thi tran ",
        "quan ", "phuong ", "thon ", NULL};
    for (int i = 0; places[i]; i++)
        if (starts(f, places[i])) {
            const char *w = f + strlen(places[i]);
            return !(starts(w, "uy ") || strcmp(w, "uy") == 0 ||
                     starts(w, "doan"));
        }
    return 0;
}

static void subject_under(hd_t *h, int i)
{
    const char *s = h->s;
    int got = 0, blanks = 0;
    size_t pa = 0, pb = 0;
    for (int k = i + 1; k < h->nl && got < MAX_SUBJECT_LINES; k++) {
        line_t *ln = &h->ln[k];
        if (ln->nc == 0) {
            if (got || ++blanks > 2) break;
            continue;
        }
        size_t a = ln->cell[0].a, b = ln->cell[ln->nc - 1].b;
        if (got == 0) {
            char f[32];
            fold(s, a, b < a + 12 ? b : a + 12, f, sizeof f);
            if (is_rule(s, a, b) || starts(f, "can cu") || starts(f, "kinh gui"))
                break;
        } else if (!tu_subject_continues(s + pa, pb - pa, s + a, b - a,
                                         ln->indent)) {
            break;
        }
        if (append(&h->o->subject, s, a, b)) { h->nomem = 1; return; }
        pa = a;
        pb = b;
        got++;
    }
}

static void subject_vv(hd_t *h, int i, int c, size_t body)
{
    const char *s = h->s;
    line_t *ln = &h->ln[i];
    if (set(&h->o->subject, s, body, ln->cell[c].b)) { h->nomem = 1; return; }
    for (int k = i + 1, got = 1; k < h->nl && got < MAX_SUBJECT_LINES; k++, got++) {
        line_t *nx = &h->ln[k];
        if (nx->nc == 0) break;
        span_t *cl = &nx->cell[0];
        char f[FIELD];
        fold(s, cl->a, cl->b, f, sizeof f);
        if (starts(f, "kinh gui") || is_motto(f) || is_rule(s, cl->a, cl->b) ||
            tracuu_type_of_heading(s + cl->a, cl->b - cl->a))
            break;
        int complete;
        hd_t probe = *h;
        tracuu_own_t tmp;
        memset(&tmp, 0, sizeof tmp);
        probe.o = &tmp;
        int is_date = date_in(&probe, cl->a, cl->b, 0, &complete);
        if (is_date || nx->cell[0].a > nx->a + 30) break;
        if (append(&h->o->subject, s, cl->a, cl->b)) { h->nomem = 1; return; }
    }
}

/* The signer: the name under the last signature block of the text. */
static void signer(hd_t *h)
{
    const char *s = h->s;
    size_t n = h->n;
    /* start of the last SIGN_LINES lines */
    size_t p = n;
    int count = 0;
    while (p > 0 && count < SIGN_LINES) {
        p--;
        if (s[p] == '\n') count++;
    }
    if (p > 0 || (n && s[0] == '\n')) p++;
    static const char *const roles[] = {
        "t/m ", "tm. ", "tm ", "kt. ", "kt ", "t/l ", "tl. ", "tuq", "q. ",
        "bi thu", "pho bi thu", "chu tich", "pho chu tich", "giam doc",
        "pho giam doc", "truong ban", "pho truong ban", "chanh van phong",
        "truong phong", "thu truong", "bo truong", "thu tuong", NULL};
    int in_block = 0;
    while (p < n) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - s) : n;
        line_t ln;
        cells(s, p, e, &ln);
        if (ln.nc > 0) {
            span_t *cl = &ln.cell[ln.nc - 1];
            char f[FIELD];
            fold(s, cl->a, cl->b, f, sizeof f);
            int role = 0;
            for (int i = 0; roles[i] && !role; i++)
                if (starts(f, roles[i]) && all_caps(s, cl->a, cl->b)) role = 1;
            if (role) {
                in_block = 1;
            } else if (in_block && s[cl->a] != '(' && !strchr(f, ':')) {
                /* a name: 2 to 5 capitalised words, no digits */
                int ok = 1, w = 0;
                size_t q = cl->a, l;
                while (q < cl->b && ok) {
                    while (q < cl->b && is_blank(s[q])) q++;
                    if (q >= cl->b) break;
                    uint32_t c = tu_ch_dec(s, cl->b, q, &l);
                    if (!tu_ch_isupper(c)) ok = 0;
                    size_t we = tu_scan_word_end(s, cl->b, q);
                    if (we == q) ok = 0;
                    for (size_t r = q; r < we; r++)
                        if (s[r] >= '0' && s[r] <= '9') ok = 0;
                    w++;
                    q = we;
                }
                if (ok && w >= 2 && w <= 5 && cl->b - cl->a <= 60) {
                    if (set(&h->o->signer, s, cl->a, cl->b)) h->nomem = 1;
                    in_block = 0;
                }
            }
        }
        p = e + 1;
    }
}

void tracuu_own_clear(tracuu_own_t *o)
{
    if (!o) return;
    free(o->number);
    free(o->number_key);
    free(o->type);
    free(o->issuer);
    free(o->issuer_parent);
    free(o->issuer_code);
    free(o->place);
    free(o->subject);
    free(o->signer);
    memset(o, 0, sizeof *o);
}

tracuu_status_t tu_header_parse(const char *s, size_t n, tracuu_own_t *own)
{
    hd_t *h = calloc(1, sizeof *h);
    if (!h) return TRACUU_ERR_NOMEM;
    h->s = s;
    h->n = n;
    h->o = own;
    for (size_t p = 0; p < n && h->nl < MAX_LINES;) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t e = nl ? (size_t)(nl - s) : n;
        cells(s, p, e, &h->ln[h->nl++]);
        p = e + 1;
    }
    int done = 0, nonblank = 0;
    for (int i = 0; i < h->nl && !done && !h->nomem; i++) {
        line_t *ln = &h->ln[i];
        if (ln->nc && ++nonblank > 30) break;
        for (int c = 0; c < ln->nc && !done; c++) {
            span_t *cl = &ln->cell[c];
            char f[FIELD];
            fold(s, cl->a, cl->b, f, sizeof f);
            if (is_rule(s, cl->a, cl->b)) {
                if (h->norgans) h->organ_closed = 1;
                continue;
            }
            if (is_motto(f) || (h->first_organ[0] && c > 0 &&
                                strcmp(f, h->first_organ) == 0)) {
                h->motto = 1;
                continue;
            }
            if (!h->number_seen &&
                number_cell(h, cl->a, cl->b, c + 1 < ln->nc ? &ln->cell[c + 1] : NULL)) {
                if (h->used_next) c++;
                continue;
            }
            int complete;
            hd_t probe = *h;
            tracuu_own_t tmp;
            memset(&tmp, 0, sizeof tmp);
            probe.o = &tmp;
            if (!h->date_seen && date_in(&probe, cl->a, cl->b, 0, &complete)) {
                free(tmp.place);
                h->date_seen = 1;
                date_cell(h, i, c);
                break;  /* the rest of the line belongs to the date */
            }
            const char *ty = all_caps(s, cl->a, cl->b)
                ? tracuu_type_of_heading(s + cl->a, cl->b - cl->a) : NULL;
            if (!ty && c == 0 && ln->nc > 1 && all_caps(s, cl->a, ln->cell[ln->nc - 1].b))
                ty = tracuu_type_of_heading(s + cl->a, ln->cell[ln->nc - 1].b - cl->a);
            if (ty && c == 0) {
                h->heading = 1;
                free(own->type);
                own->type = tu_scan_strndup(ty, strlen(ty));
                if (!own->type) h->nomem = 1;
                subject_under(h, i);
                done = 1;
                break;
            }
            size_t body;
            if (!h->vv && !own->subject && c == 0 &&
                tu_subject_vv(s + cl->a, cl->b - cl->a, &body)) {
                h->vv = 1;
                subject_vv(h, i, c, cl->a + body);
                continue;
            }
            if (c == 0 && !h->organ_closed && !h->number_seen && !h->date_seen
                && h->norgans < MAX_ORGANS && all_caps(s, cl->a, cl->b) &&
                cl->b - cl->a <= 120 && words(s, cl->a, cl->b) <= 12) {
                if (!h->norgans) snprintf(h->first_organ, sizeof h->first_organ, "%s", f);
                h->organ[h->norgans++] = *cl;
            }
        }
    }
    tracuu_status_t rc = h->nomem ? TRACUU_ERR_NOMEM : TRACUU_OK;
    int has_header = (own->number || h->heading || h->vv) &&
                     (h->norgans || h->date_seen || h->motto);
    if (!has_header || rc != TRACUU_OK) {
        tracuu_own_clear(own);
        free(h);
        return rc;
    }
    /* The issuer: the last name of the block, and its parent above. */
    int last = -1, prev = -1;
    for (int k = 0; k < h->norgans; k++) {
        span_t *o = &h->organ[k];
        if (k > 0 && organ_continues(s, o->a, o->b))
            continue;
        prev = last;
        last = k;
    }
    if (last >= 0) {
        for (int k = last; k < h->norgans; k++)
            if (k == last || organ_continues(s, h->organ[k].a, h->organ[k].b))
                if (append(&own->issuer, s, h->organ[k].a, h->organ[k].b))
                    rc = TRACUU_ERR_NOMEM;
        for (int k = prev; prev >= 0 && k < last; k++)
            if (append(&own->issuer_parent, s, h->organ[k].a, h->organ[k].b))
                rc = TRACUU_ERR_NOMEM;
    }
    if (!own->type && h->vv && (own->type = tu_scan_strndup("CV", 2)) == NULL)
        rc = TRACUU_ERR_NOMEM;
    signer(h);
    if (h->nomem) rc = TRACUU_ERR_NOMEM;
    free(h);
    return rc;
}
