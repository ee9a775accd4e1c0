/* Tokenizer: runs of word characters (letters, combining marks, decimal
 * digits), compounds joined by single connectors, sentence gaps. */
#include <stdint.h>
#include <utf8proc.h>

#include "tracuu/tokenize.h"
#include "base/tu_utf8.h"

enum { C_OTHER, C_LETTER, C_DIGIT, C_MARK };

/* Classes of ASCII bytes: filled at first use would need a lock, so it is
 * spelled out: letters and digits only. */
static int ascii_class(unsigned c)
{
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return C_LETTER;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    return C_OTHER;
}

static int cp_class(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_class(cp);
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    default:
        return C_OTHER;
    }
}

static int is_connector(uint32_t cp)
{
    return cp == '-' || cp == '/' || cp == '.' || cp == ',' || cp == '\'' ||
           cp == 0x2019 || cp == '_';
}

static int is_sentence_end(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':' ||
           cp == '\f' || cp == 0x2026 || cp == 0x2029;
}

/* Line breaks: one ends a sentence unless the next line goes on in lower
 * case or with a number (a wrapped line, as pdftotext and hard-wrapped
 * text files give); a blank line always does. */
static int is_line_break(uint32_t cp)
{
    return cp == '\n' || cp == '\v' || cp == 0x85 || cp == 0x2028;
}

static int continues_line(uint32_t cp, int c)
{
    return c == C_DIGIT || utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

typedef struct {
    const unsigned char *s;
    size_t n;
} text_t;

/* Decode the code point at I; returns its length (invalid bytes count as
 * one byte of class C_OTHER) and sets *CP. */
static size_t next_cp(const text_t *t, size_t i, uint32_t *cp)
{
    int len;
    if (t->s[i] < 0x80) {
        *cp = t->s[i];
        return 1;
    }
    len = tu_utf8_decode(t->s + i, t->n - i, cp);
    if (len < 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)len;
}

/* Scan one part (a run starting with a letter or digit at I) and return
 * its end; *HAS_LETTER is set if it contains a letter. */
static size_t scan_part(const text_t *t, size_t i, int *has_letter)
{
    while (i < t->n) {
        uint32_t cp;
        size_t len = next_cp(t, i, &cp);
        int c = cp_class(cp);
        if (c == C_OTHER)
            break;
        if (c == C_LETTER)
            *has_letter = 1;
        i += len;
    }
    return i;
}

/* 1 if a part can start at I (a letter or digit there). */
static int part_starts(const text_t *t, size_t i)
{
    uint32_t cp;
    int c;
    if (i >= t->n)
        return 0;
    next_cp(t, i, &cp);
    c = cp_class(cp);
    return c == C_LETTER || c == C_DIGIT;
}

static int emit(tracuu_token_cb cb, void *ctx, const text_t *t, size_t a,
                size_t b, uint32_t pos, unsigned flags)
{
    tracuu_token_t tok;
    if (b - a > TRACUU_TOK_MAX_BYTES)
        return 0;
    tok.s = (const char *)t->s + a;
    tok.len = b - a;
    tok.offset = a;
    tok.pos = pos;
    tok.flags = flags;
    return cb(&tok, ctx);
}

#define MAX_PARTS 64   /* a longer compound is cut into several */

uint32_t tracuu_tokenize(const char *text, size_t n, uint32_t first_pos,
                         tracuu_token_cb cb, void *ctx)
{
    text_t t = {(const unsigned char *)text, text ? n : 0};
    uint32_t pos = first_pos;
    size_t i = 0;
    int seen = 0, gap = 0, lines = 0;

    while (i < t.n) {
        uint32_t cp;
        size_t len = next_cp(&t, i, &cp);
        int c = cp_class(cp);
        size_t ps[MAX_PARTS], pe[MAX_PARTS];
        int pl[MAX_PARTS], np = 0, any_letter = 0;

        if (c != C_LETTER && c != C_DIGIT) {
            if (is_sentence_end(cp))
                gap = 1;
            else if (is_line_break(cp))
                lines++;
            i += len;
            continue;
        }
        /* A token: parts joined by single connectors. */
        int starts_on = continues_line(cp, c);
        for (;;) {
            pl[np] = 0;
            ps[np] = i;
            pe[np] = scan_part(&t, i, &pl[np]);
            any_letter |= pl[np];
            i = pe[np];
            np++;
            if (np == MAX_PARTS || i >= t.n)
                break;
            len = next_cp(&t, i, &cp);
            if (!is_connector(cp) || !part_starts(&t, i + len))
                break;
            i += len;
        }
        if (seen && (gap || lines > 1 || (lines == 1 && !starts_on)))
            pos += TRACUU_TOK_SENTENCE_GAP;
        seen = 1;
        gap = 0;
        lines = 0;
        if (np > 1 &&
            emit(cb, ctx, &t, ps[0], pe[np - 1], pos,
                 TRACUU_TOK_COMPOUND |
                     (any_letter ? TRACUU_TOK_WORD : TRACUU_TOK_NUMBER)))
            return pos + (uint32_t)np;
        for (int k = 0; k < np; k++) {
            unsigned f = (np > 1 ? TRACUU_TOK_PART : 0u) |
                         (pl[k] ? TRACUU_TOK_WORD : TRACUU_TOK_NUMBER);
            if (emit(cb, ctx, &t, ps[k], pe[k], pos, f))
                return pos + 1;
            pos++;
        }
    }
    return pos;
}
