/* RTF: our own small reader.  catdoc (the helper used before) ignores
 * \ucN, so the fallback character Word writes after each \uN stays ("đua"
 * came out as "đ?ua"), and it decodes \'hh of Vietnamese fonts wrongly
 * (doubled tone marks); unrtf prints "?" for \uN.  Neither gets the text
 * right, so we read RTF ourselves:
 *   \uN           the character N (negative: N + 65536), then the next
 *                 \ucN characters (default 1; a \'hh is one) skipped;
 *   \'hh          a byte in the code page of the current font (its
 *                 \fcharsetN: 163 = Windows-1258, ...; a .VnTime font =
 *                 TCVN3, a VNI- font = VNI) or else of \ansicpgN; runs of
 *                 bytes are decoded together by tracuu_decode;
 *   \par \line \row \page \sect  a line end; \tab \cell  a tab;
 *   destinations that hold no text (font table, styles, pictures, fields'
 *   instructions, \*-groups ...) skipped; \info's \title, \subject,
 *   \author and \creatim read as the properties.
 * Group depth is bounded (MAX_DEPTH); deeper groups are read flat. */
#include "extract/tu_extractors.h"
#include "base/tu_buf.h"
#include "base/tu_utf8.h"
#include "tracuu/encoding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 200
#define MAX_FONTS 512

enum dest { D_TEXT, D_SKIP, D_FONTTBL, D_TITLE, D_SUBJECT, D_AUTHOR,
            D_CREATIM };

typedef struct {
    enum dest dest;
    int uc;          /* characters to skip after \uN */
    int font;        /* index in the font table, or -1 */
} state_t;

typedef struct {
    int num;
    const char *enc; /* canonical encoding of the font, or NULL */
} font_t;

typedef struct {
    const char *p, *end;
    state_t st[MAX_DEPTH];
    int depth;
    const char *doc_enc;
    font_t fonts[MAX_FONTS];
    int n_fonts;
    int cur_font_num;   /* in the font table: the \fN being defined */
    tu_buf_t fname;     /* its name so far */
    int skip;           /* characters still to skip after \uN */
    tu_buf_t *out;      /* where text goes now */
    tu_buf_t text, title, subject, author;
    tu_buf_t bytes;     /* pending \'hh bytes */
    const char *bytes_enc;
    int yr, mo, dy;
} rtf_t;

static const char *charset_enc(long cs, const char *dflt)
{
    switch (cs) {
    case 0: return dflt;
    case 163: return "WINDOWS-1258";
    default: return "WINDOWS-1252";
    }
}

static const char *cpg_enc(long cp)
{
    return cp == 1258 ? "WINDOWS-1258" : "WINDOWS-1252";
}

static tu_buf_t *dest_buf(rtf_t *r, enum dest d)
{
    switch (d) {
    case D_TEXT: return &r->text;
    case D_TITLE: return &r->title;
    case D_SUBJECT: return &r->subject;
    case D_AUTHOR: return &r->author;
    default: return NULL;
    }
}

static state_t *cur(rtf_t *r)
{
    return &r->st[r->depth];
}

static void flush_bytes(rtf_t *r)
{
    if (!r->bytes.len)
        return;
    char *s = NULL;
    size_t n = 0;
    tu_buf_t *o = dest_buf(r, cur(r)->dest);
    if (o && tracuu_decode(r->bytes.p, r->bytes.len, NULL, r->bytes_enc, &s,
                           &n, NULL, NULL) == TRACUU_OK)
        tu_buf_add_cut(o, s, n);
    free(s);
    tu_buf_reset(&r->bytes);
}

static void put_cp(rtf_t *r, unsigned cp)
{
    flush_bytes(r);
    tu_buf_t *o = dest_buf(r, cur(r)->dest);
    if (!o)
        return;
    unsigned char u[4];
    int n = tu_utf8_encode(cp, u);
    if (n > 0)
        tu_buf_add_cut(o, u, (size_t)n);
}

static void put_text(rtf_t *r, const char *s, size_t n)
{
    flush_bytes(r);
    tu_buf_t *o = dest_buf(r, cur(r)->dest);
    if (o)
        tu_buf_add_cut(o, s, n);
}

static const char *font_enc(rtf_t *r)
{
    int f = cur(r)->font;
    for (int i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].num == f && r->fonts[i].enc)
            return r->fonts[i].enc;
    return r->doc_enc;
}

static void put_byte(rtf_t *r, unsigned char b)
{
    if (cur(r)->dest == D_FONTTBL) {
        tu_buf_addc(&r->fname, (char)b);
        return;
    }
    const char *enc = font_enc(r);
    if (r->bytes.len && r->bytes_enc != enc)
        flush_bytes(r);
    r->bytes_enc = enc;
    if (dest_buf(r, cur(r)->dest))
        tu_buf_addc(&r->bytes, (char)b);
}

/* The font being defined ends: its name may say its encoding. */
static void end_font(rtf_t *r)
{
    if (r->cur_font_num < 0 || r->n_fonts == 0)
        return;
    font_t *f = &r->fonts[r->n_fonts - 1];
    const char *n = r->fname.p ? r->fname.p : "";
    while (*n == ' ')
        n++;
    if (strncmp(n, ".Vn", 3) == 0)
        f->enc = "TCVN3";
    else if (strncmp(n, "VNI-", 4) == 0 || strncmp(n, "VNI ", 4) == 0)
        f->enc = "VNI";
    tu_buf_reset(&r->fname);
    r->cur_font_num = -1;
}

static void control(rtf_t *r, const char *w, size_t wl, int has, long n)
{
#define IS(s) (wl == sizeof s - 1 && memcmp(w, s, wl) == 0)
    state_t *s = cur(r);
    if (IS("u") && has) {
        long c = n < 0 ? n + 65536 : n;
        if (s->dest == D_FONTTBL)
            return;
        if (c > 0 && c < 0x110000)
            put_cp(r, (unsigned)c);
        r->skip = s->uc;
        return;
    }
    if (IS("uc") && has) {
        s->uc = n < 0 ? 0 : n > 10 ? 10 : (int)n;
        return;
    }
    if (IS("ansicpg") && has) {
        r->doc_enc = cpg_enc(n);
        return;
    }
    if (IS("f") && has) {
        if (s->dest == D_FONTTBL) {
            end_font(r);
            if (r->n_fonts < MAX_FONTS) {
                r->fonts[r->n_fonts].num = (int)n;
                r->fonts[r->n_fonts].enc = NULL;
                r->n_fonts++;
                r->cur_font_num = (int)n;
            }
        } else {
            flush_bytes(r);
            s->font = (int)n;
        }
        return;
    }
    if (IS("fcharset") && has) {
        if (s->dest == D_FONTTBL && r->n_fonts)
            r->fonts[r->n_fonts - 1].enc =
                n == 0 ? NULL : charset_enc(n, r->doc_enc);
        return;
    }
    if (s->dest == D_CREATIM) {
        if (IS("yr") && has)
            r->yr = (int)n;
        else if (IS("mo") && has)
            r->mo = (int)n;
        else if (IS("dy") && has)
            r->dy = (int)n;
        return;
    }
    if (IS("par") || IS("line") || IS("row") || IS("page") || IS("sect")) {
        put_text(r, "\n", 1);
        return;
    }
    if (IS("tab") || IS("cell")) {
        put_text(r, "\t", 1);
        return;
    }
    if (IS("emdash")) { put_cp(r, 0x2014); return; }
    if (IS("endash")) { put_cp(r, 0x2013); return; }
    if (IS("lquote")) { put_cp(r, 0x2018); return; }
    if (IS("rquote")) { put_cp(r, 0x2019); return; }
    if (IS("ldblquote")) { put_cp(r, 0x201C); return; }
    if (IS("rdblquote")) { put_cp(r, 0x201D); return; }
    if (IS("bullet")) { put_cp(r, 0x2022); return; }
    if (IS("fonttbl")) { s->dest = D_FONTTBL; return; }
    if (IS("title")) { s->dest = D_TITLE; return; }
    if (IS("subject")) { s->dest = D_SUBJECT; return; }
    if (IS("author")) { s->dest = D_AUTHOR; return; }
    if (IS("creatim")) { s->dest = D_CREATIM; return; }
    if (IS("colortbl") || IS("stylesheet") || IS("info") || IS("pict") ||
        IS("object") || IS("fldinst") || IS("datastore") ||
        IS("themedata") || IS("colorschememapping") || IS("latentstyles") ||
        IS("rsidtbl") || IS("generator") || IS("listtable") ||
        IS("listoverridetable") || IS("xmlnstbl") || IS("mmathPr") ||
        IS("pgdsctbl") || IS("operator") || IS("company") ||
        IS("header") || IS("footer") || IS("headerl") || IS("headerr") ||
        IS("headerf") || IS("footerl") || IS("footerr") || IS("footerf") ||
        IS("revtbl") || IS("filetbl") || IS("bkmkstart") || IS("bkmkend") ||
        IS("keywords") || IS("doccomm") || IS("comment") ||
        IS("listtext") || IS("pntext") || IS("nonshppict") ||
        IS("shppict") || IS("sp") || IS("userprops"))
        s->dest = s->dest == D_FONTTBL ? D_FONTTBL : D_SKIP;
    /* \info's own text is nothing: only its destinations are read. */
#undef IS
}

static void parse(rtf_t *r)
{
    const char *p = r->p, *end = r->end;
    while (p < end) {
        char c = *p;
        if (c == '{') {
            flush_bytes(r);
            if (r->depth + 1 < MAX_DEPTH) {
                r->st[r->depth + 1] = r->st[r->depth];
                if (r->st[r->depth].dest == D_SKIP)
                    r->st[r->depth + 1].dest = D_SKIP;
                r->depth++;
            }
            r->skip = 0;
            p++;
            continue;
        }
        if (c == '}') {
            flush_bytes(r);
            if (cur(r)->dest == D_FONTTBL &&
                (r->depth == 0 || r->st[r->depth - 1].dest != D_FONTTBL))
                end_font(r);
            if (r->depth > 0)
                r->depth--;
            r->skip = 0;
            p++;
            continue;
        }
        if (c == '\r' || c == '\n') {
            p++;
            continue;
        }
        if (c != '\\') {
            if (r->skip > 0) {
                r->skip--;
                p++;
                continue;
            }
            const char *q = p;
            while (q < end && *q != '\\' && *q != '{' && *q != '}' &&
                   *q != '\r' && *q != '\n' && r->skip == 0)
                q++;
            if (cur(r)->dest == D_FONTTBL) {
                for (const char *t = p; t < q; t++)
                    if (*t != ';')
                        tu_buf_addc(&r->fname, *t);
            } else {
                /* literal bytes: ASCII in practice; others in the code
                 * page, like \'hh */
                for (const char *t = p; t < q; t++) {
                    if ((unsigned char)*t < 0x80) {
                        const char *u = t;
                        while (u < q && (unsigned char)*u < 0x80)
                            u++;
                        put_text(r, t, (size_t)(u - t));
                        t = u - 1;
                    } else {
                        put_byte(r, (unsigned char)*t);
                    }
                }
            }
            p = q;
            continue;
        }
        /* a backslash */
        p++;
        if (p >= end)
            break;
        c = *p;
        if (c == '\'') {
            unsigned v = 0;
            int ok = end - p > 2;
            for (int i = 1; i <= 2 && ok; i++) {
                char h = p + i < end ? p[i] : 0;
                v <<= 4;
                if (h >= '0' && h <= '9') v |= (unsigned)(h - '0');
                else if (h >= 'a' && h <= 'f') v |= (unsigned)(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F') v |= (unsigned)(h - 'A' + 10);
                else ok = 0;
            }
            p += ok ? 3 : 1;
            if (!ok)
                continue;
            if (r->skip > 0) {
                r->skip--;
                continue;
            }
            put_byte(r, (unsigned char)v);
            continue;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            const char *w = p;
            while (p < end && ((*p >= 'a' && *p <= 'z') ||
                               (*p >= 'A' && *p <= 'Z')) && p - w < 32)
                p++;
            size_t wl = (size_t)(p - w);
            int has = 0, neg = 0;
            long n = 0;
            if (p < end && *p == '-') {
                neg = 1;
                p++;
            }
            while (p < end && *p >= '0' && *p <= '9') {
                if (n < 100000000)
                    n = n * 10 + (*p - '0');
                has = 1;
                p++;
            }
            if (neg)
                n = -n;
            if (p < end && *p == ' ')
                p++;
            int is_u = wl == 1 && *w == 'u' && has;
            if (r->skip > 0 && !is_u) {
                /* a control word in the fallback counts as a character */
                r->skip--;
                continue;
            }
            control(r, w, wl, has, n);
            continue;
        }
        /* control symbols */
        p++;
        if (r->skip > 0 && c != '*') {
            r->skip--;
            continue;
        }
        switch (c) {
        case '*':
            cur(r)->dest = cur(r)->dest == D_FONTTBL ? D_FONTTBL : D_SKIP;
            break;
        case '~': put_cp(r, 0xA0); break;
        case '_': put_text(r, "-", 1); break;
        case '\\': case '{': case '}': put_text(r, &c, 1); break;
        case '\n': case '\r': put_text(r, "\n", 1); break;
        case '\t': put_text(r, "\t", 1); break;
        default: break;  /* \- optional hyphen, \| ... */
        }
    }
    flush_bytes(r);
}

static char *take_prop(tu_buf_t *b)
{
    char *s = tu_buf_take(b, NULL);
    if (s && !*tu_extract_squeeze(s)) {
        free(s);
        s = NULL;
    }
    return s;
}

tracuu_status_t tu_extract_rtf(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    char *buf = NULL;
    size_t n = 0;
    tracuu_status_t st = tu_extract_read_all(src, src->size, &buf, &n, errmsg);
    if (st != TRACUU_OK)
        return st;
    if (n < 5 || strncmp(buf, "{\\rtf", 5) != 0) {
        free(buf);
        tu_extract_errf(errmsg, "not an RTF file (no {\\rtf at the start)");
        return TRACUU_ERR_UNSUPPORTED;
    }
    rtf_t *r = calloc(1, sizeof *r);
    if (!r) {
        free(buf);
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    r->p = buf;
    r->end = buf + n;
    r->st[0] = (state_t){D_TEXT, 1, -1};
    r->doc_enc = "WINDOWS-1252";
    r->cur_font_num = -1;
    tu_buf_init(&r->text, src->opts->max_text_bytes);
    tu_buf_init(&r->title, 4096);
    tu_buf_init(&r->subject, 4096);
    tu_buf_init(&r->author, 4096);
    tu_buf_init(&r->bytes, src->opts->max_text_bytes);
    tu_buf_init(&r->fname, 256);
    parse(r);
    free(buf);
    int failed = r->text.failed;
    if (r->text.truncated)
        tu_extract_warnf(x, "text truncated to %zu bytes", r->text.len);
    x->text = tu_buf_take(&r->text, &x->len);
    x->title = take_prop(&r->title);
    x->subject = take_prop(&r->subject);
    x->author = take_prop(&r->author);
    if (r->yr >= 1900 && r->yr < 2200 && r->mo >= 1 && r->mo <= 12 &&
        r->dy >= 1 && r->dy <= 31)
        snprintf(x->date, sizeof x->date, "%04d-%02d-%02d", r->yr, r->mo, r->dy);
    x->encoding = r->doc_enc;
    tu_buf_free(&r->bytes);
    tu_buf_free(&r->fname);
    free(r);
    if (failed || !x->text) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    return TRACUU_OK;
}
