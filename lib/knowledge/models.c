/* tracuu: "mô hình" names (docs/design.md section 3; issue 11).
 *
 * Triggers, in any case, with or without marks: "mô hình" (and "mô hình
 * điểm"), "điển hình", "cách làm hay".  After a trigger:
 *  - a quoted name in “…”, "…", «…», ‘…’ (any closing quote of the four
 *    kinds closes: "Dân vận khéo” occurs), the quote may run over one line
 *    break (pdftotext wraps).  Up to 7 words and "," "-" may come between
 *    the trigger and the quote ("mô hình, điển hình “…”", "mô hình mang tên
 *    “…”", "mô hình hiệu quả nhất là “…”"), but no second "mô hình" and
 *    none of the words that name something else (phong trào, cuộc vận
 *    động, chương trình, phương châm, khẩu hiệu, quỹ, chủ đề).  A quoted
 *    name of more than 40 words, or holding a sentence break (". X"), is a
 *    quoted sentence and is dropped.  More quoted names may follow, joined
 *    by ",", ";" or "và" ("các mô hình “A”, “B” và “C”").
 *  - a quote that does not close (on its line or the next) is read like an
 *    unquoted name (up to 20 words).
 *  - a list after ":" or "như"/"gồm" ("các mô hình: A; B và C", "các mô
 *    hình như: A, B, C"): items split at ";" when there is one, else at
 *    ","; the last one also at "và"; the list ends with its sentence.  A
 *    list whose first item is quoted takes quoted items only.
 *  - an unquoted name right after the trigger starting with a capital
 *    ("mô hình Dân vận khéo xây dựng ... Hợp tác xã của Hội Nông dân");
 *    when its first two words are capitalised (Title Case) it ends at the
 *    first word in lower case.  After "điển hình" only Title Case names
 *    count ("điển hình tiên tiến" is the common noun).
 *  - an unquoted name in lower case right after "mô hình" ("mô hình nuôi
 *    bò sinh sản luân chuyển giúp hộ nghèo tại xã ...").  "mô hình" is the
 *    common noun, and nothing is taken, when the word before makes it so
 *    (a plural: các, những, nhiều, mỗi, số; "đổi mới", "theo", "hoàn
 *    thiện", "sắp xếp", "nghiên cứu", "về") or the words after it are a
 *    common head (tăng trưởng, tổ chức, quản lý, hoạt động, bộ máy, chính
 *    quyền, dự báo, dữ liệu, này, đó, mới, hay, hiệu quả, về, của, được,
 *    ...: common_heads below).  Such a name needs 3 words at least and at
 *    most 15.
 * Where an unquoted name ends: punctuation (a dash between words and a
 * short "(...)" are kept), a line break unless the next line starts in
 * lower case, a quote, "mô hình", a stop word (của, được, với, do, đã,
 * đang, sẽ, nhằm, là, ...), a stop phrase ("trên địa bàn", "mang lại",
 * "cho thu nhập", "góp phần", ...), "tại"/"ở" before a place (a capital,
 * a number, xã, thôn, huyện, các, ...: "tại nguồn" stays), "năm" + a
 * number, and, in lower case, "và" and a number ("350 ha"; "ST25", "4C"
 * stay).  Generic words at the end ("hiệu quả", "mới", "tiêu biểu") are
 * taken off.  Words are compared with their marks ("trồng" is not
 * "trong"); in a text written without marks, without them.
 * Names are trimmed of blanks and quotes, inner blanks collapsed, trailing
 * punctuation and dashes stripped; they are de-duplicated by
 * tracuu_model_key and the first display form is kept.  Across the
 * archive the indexer keeps, for each key, the most frequent form (forms
 * with marks first): index/ and the "model:" metadata.
 *
 * "Dân vận khéo": the seeds name it both as a phong trào and, most often,
 * as a kind of model ("972 mô hình “Dân vận khéo” được công nhận"); a user
 * listing models wants it, so it is listed when it follows a trigger as
 * above, and not when only "phong trào “Dân vận khéo”" is written.
 *
 * Measured on tests/data/knowledge/models.txt by test_models. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/normalize.h"
#include "knowledge/tu_models.h"
#include "knowledge/tu_scan.h"
#include "text/tu_chars.h"

#define MAX_GAP_WORDS 7
#define MAX_LIST_GAP 5
#define MAX_QUOTED_WORDS 40
#define MAX_SCAN_WORDS 50
#define MAX_UNQUOTED_WORDS 12
#define MAX_LOWER_WORDS 15
#define MIN_LOWER_WORDS 3
#define MAX_UNCLOSED_WORDS 20
#define MAX_LIST_ITEMS 12
#define MAX_NAME 1024

static int is_opener(uint32_t c)
{
    return c == 0x201C || c == '"' || c == 0xAB || c == 0x2018;
}

static int is_closer(uint32_t c)
{
    return c == 0x201D || c == '"' || c == 0xBB || c == 0x2019;
}

static int is_blank(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || c == '\r';
}

static int is_dash(uint32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014;
}

static int is_alnum(uint32_t c)
{
    return tu_ch_isletter(c) || (c >= '0' && c <= '9');
}

/* Folded S[0..N) (a word or a few) into F; "" if too long. */
static void fold(const char *s, size_t n, char *f, size_t cap)
{
    if (n > cap / 2 || tu_scan_fold(s, n, f, cap) < 0) f[0] = '\0';
}

/* Text written without marks ("mo hinh nuoi de"): words are compared
 * folded; else with their marks, so that "trồng" is not "trong", "gom"
 * not "gồm", "con" not "còn". */
static _Thread_local int plain_text;  /* set per "mô hình" found */

/* Lower-case form of the words S[0..N) (each word exact-keyed, or folded
 * in plain text), joined by one space, into OUT; "" if too long. */
static void lower_words(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, p = 0, l;
    out[0] = '\0';
    while (p < n) {
        uint32_t c = tu_ch_dec(s, n, p, &l);
        if (!is_alnum(c)) { p += l; continue; }
        size_t e = tu_scan_word_end(s, n, p);
        char w[64];
        int k = e - p > 40 ? -1
              : plain_text ? tu_scan_fold(s + p, e - p, w, sizeof w)
                           : tracuu_norm_exact(s + p, e - p, w, sizeof w - 1);
        if (k < 0 || o + (size_t)k + 2 >= cap) { out[0] = '\0'; return; }
        if (o) out[o++] = ' ';
        memcpy(out + o, w, (size_t)k);
        o += (size_t)k;
        out[o] = '\0';
        p = e;
    }
}

/* 1 if the list entry ENTRY (with marks) is the words W from lower_words. */
static int entry_is(const char *entry, const char *w)
{
    if (!plain_text) return strcmp(entry, w) == 0;
    char f[128];
    return tu_scan_fold(entry, strlen(entry), f, sizeof f) >= 0 &&
           strcmp(f, w) == 0;
}

/* 1 if the word S[0..N) is in LIST (lower-case forms with marks). */
static int in_list(const char *s, size_t n, const char *const *list)
{
    char w[128];
    lower_words(s, n, w, sizeof w);
    if (!w[0]) return 0;
    for (size_t i = 0; list[i]; i++)
        if (entry_is(list[i], w)) return 1;
    return 0;
}

/* 1 if the word S[0..N) is the word W (lower case, with marks). */
static int word_is(const char *s, size_t n, const char *w)
{
    const char *one[] = {w, NULL};
    return in_list(s, n, one);
}

/* 1 if the phrase F (from next_words) starts with one of the phrases of
 * LIST as whole words. */
static int starts_phrase(const char *f, const char *const *list)
{
    char e[128];
    for (size_t i = 0; list[i]; i++) {
        const char *x = list[i];
        if (plain_text) {
            if (tu_scan_fold(x, strlen(x), e, sizeof e) < 0) continue;
            x = e;
        }
        size_t l = strlen(x);
        if (strncmp(f, x, l) == 0 && (f[l] == '\0' || f[l] == ' '))
            return 1;
    }
    return 0;
}

/* Words that end a name (not as its first word). */
static const char *const stop_words[] = {
    "của", "được", "với", "do", "đã", "đang", "sẽ", "nhằm", "thuộc", "là",
    "thì", "nhưng", "mà", "khi", "bước", "tiếp", "cần", "còn", "chưa",
    "đạt", "gồm", "đều", "vẫn", "luôn", "nay", NULL
};

/* Folded phrases that end a name where they stand. */
static const char *const stop_phrases[] = {
    "trên địa bàn", "trên diện tích", "trên lòng", "trên toàn", "trên các",
    "mang lại", "đem lại", "góp phần", "thu hút", "xuất hiện", "phát huy",
    "cho thu nhập", "cho lợi nhuận", "cho năng suất", "cho lãi",
    "cho hiệu quả", "tạo việc làm", "theo đó", NULL
};

/* "tại"/"ở" end a name before a place: a capital, a number or these. */
static const char *const place_words[] = {
    "xã", "thôn", "huyện", "tỉnh", "thị", "phường", "buôn", "bản", "tổ",
    "khu", "các", "những", "nhiều", "địa", "cơ", "đơn", "vùng", "hội",
    "trường", "trạm", "chợ", "quận", "thành", "làng", "ấp", "một", "hai",
    NULL
};

/* First words of "mô hình" used as a common noun ("mô hình tăng trưởng",
 * "mô hình này", "mô hình về ..."): no name follows in lower case. */
static const char *const common_heads[] = {
    "tăng trưởng", "tổ chức", "quản lý", "hoạt động", "bộ máy",
    "chính quyền", "quản trị", "dự báo", "toán học", "dữ liệu", "hóa", "hoá",
    "số", "kiểu mẫu", "hợp tác công tư", "khép kín", "này", "đó", "trên",
    "mới", "hay", "hiệu quả", "tiêu biểu", "điển hình", "sáng tạo",
    "thiết thực", "tốt", "phù hợp", "cụ thể", "khác", "nhiều", "tiên tiến",
    "thí điểm", "thành công", "tương tự", "như vậy", "như trên", "nói trên",
    "về", "trong", "cho", "và", "hoặc", "nào", "gì", "còn", "chưa", "phải",
    "cần", "có", "để", "từ", "đến", "hai", "ba", "một", "của", "được", "với",
    "đã", "đang", "sẽ", "tại", "ở", "theo", "là", "như", "thì", "mà", "khi", "do",
    "nhưng", "đăng ký", "cấp", "kinh tế hiệu quả", "kinh tế mới",
    "kinh tế hợp tác", "sản xuất kinh doanh", "đầu tư", "canh tác", NULL
};

/* Words after a name that say nothing of it ("mô hình nuôi bò hiệu
 * quả"): taken off its end. */
static const char *const trailing_generic[] = {
    "hiệu quả", "mới", "tiêu biểu", "điển hình", "sáng tạo", "thiết thực",
    "hay", "thành công", NULL
};

/* Words before "mô hình" that make it a common noun ("đổi mới mô hình
 * tăng trưởng", "theo mô hình khép kín"), or a plural ("các mô hình sản
 * xuất"): no lower-case name after it. */
static const char *const before_common[] = {
    "theo", "mới", "thiện", "xếp", "cứu", "đổi", "các", "những", "nhiều",
    "mỗi", "số", "lượng", "về", "quan", NULL
};

static const char *const gap_stop[] = {
    "phong", "cuộc", "chương", "phương", "khẩu", "quỹ", "chủ", NULL
};

typedef struct {
    tracuu_meta_t *m;
    char **keys;            /* keys of m->models[base..] */
    size_t nkeys, base;
    tracuu_status_t rc;
} ctx_t;

/* Normalised display form of S[0..N) into OUT (MAX_NAME); its word count
 * in *WORDS; length, or 0 if empty / too long. */
static size_t tidy(const char *s, size_t n, char *out, int *words)
{
    size_t o = 0, p = 0, l;
    int pend = 0;
    *words = 0;
    while (p < n) {
        uint32_t c = tu_ch_dec(s, n, p, &l);
        if (is_blank(c) || c == '\n') { pend = o > 0; p += l; continue; }
        if (pend) {
            if (o + 1 >= MAX_NAME) return 0;
            out[o++] = ' ';
            pend = 0;
        }
        if (o + l >= MAX_NAME) return 0;
        if (is_alnum(c) && (o == 0 || out[o - 1] == ' ')) (*words)++;
        memcpy(out + o, s + p, l);
        o += l;
        p += l;
    }
    /* Strip quotes and punctuation at both ends. */
    for (;;) {
        if (o == 0) return 0;
        size_t pl;
        uint32_t c = tu_ch_prev(out, o, &pl);
        if (is_alnum(c) || c == ')') break;
        o -= pl;
        while (o > 0 && out[o - 1] == ' ') o--;
    }
    size_t a = 0;
    while (a < o) {
        uint32_t c = tu_ch_dec(out, o, a, &l);
        if (is_alnum(c) || c == '(') break;
        a += l;
        while (a < o && out[a] == ' ') a++;
    }
    memmove(out, out + a, o - a);
    o -= a;
    out[o] = '\0';
    return o;
}

static void add(ctx_t *cx, const char *s, size_t n, int max_words)
{
    char name[MAX_NAME];
    int words;
    size_t len = tidy(s, n, name, &words);
    if (!len || words == 0 || words > max_words || cx->rc) return;
    char *key = tracuu_model_key(name, len);
    if (!key) { cx->rc = TRACUU_ERR_NOMEM; return; }
    for (size_t i = 0; i < cx->nkeys; i++)
        if (strcmp(cx->keys[i], key) == 0) { free(key); return; }
    tracuu_meta_t *m = cx->m;
    if (m->n_models >= TU_META_MAX_MODELS) { free(key); return; }
    char **nm = realloc(m->models, (m->n_models + 1) * sizeof *nm);
    if (nm) m->models = nm;
    char **nk = realloc(cx->keys, (cx->nkeys + 1) * sizeof *nk);
    if (nk) cx->keys = nk;
    char *dup = tu_scan_strndup(name, len);
    if (!nm || !nk || !dup) {
        free(key);
        free(dup);
        cx->rc = TRACUU_ERR_NOMEM;
        return;
    }
    m->models[m->n_models++] = dup;
    cx->keys[cx->nkeys++] = key;
}

/* Skip blanks from Q, and a line break when NL (the text was wrapped). */
static size_t skip_blanks(const char *s, size_t n, size_t q, int nl)
{
    size_t l;
    int breaks = 0;
    while (q < n) {
        uint32_t c = tu_ch_dec(s, n, q, &l);
        if (c == '\n' && nl && !breaks) { breaks = 1; q += l; continue; }
        if (!is_blank(c)) break;
        q += l;
    }
    return q;
}

/* The folded text of the next (up to) K words from Q into F. */
static void next_words(const char *s, size_t n, size_t q, int k, char *f,
                       size_t cap)
{
    size_t a = q, e = q, l;
    for (int w = 0; w < k; w++) {
        q = skip_blanks(s, n, q, 0);
        if (q >= n || !is_alnum(tu_ch_dec(s, n, q, &l))) break;
        e = tu_scan_word_end(s, n, q);
        q = e;
    }
    lower_words(s + a, e - a, f, cap);
}

/* A name with no quotes starting at Q, within S[0..N) (a list item passes
 * its own end as N), at most MAX words.  LOWER: a name in lower case
 * (common heads refused, "và" and numbers end it, 3 words at least). */
static void bounded(ctx_t *cx, const char *s, size_t n, size_t q, int max,
                    int lower)
{
    size_t r = q, last = q, l;
    int words = 0, title = 0, first_up = 0, parens = 0;
    char f[256];
    if (lower) {
        next_words(s, n, q, 4, f, sizeof f);
        if (starts_phrase(f, common_heads)) return;
    }
    for (;;) {
        r = skip_blanks(s, n, r, 0);
        if (r < n && s[r] == '\n') {
            /* a wrapped line goes on when it starts in lower case */
            size_t q2 = skip_blanks(s, n, r, 1);
            if (words == 0 || q2 >= n ||
                !tu_ch_islower(tu_ch_dec(s, n, q2, &l)))
                break;
            r = q2;
        }
        if (r >= n) break;
        uint32_t c = tu_ch_dec(s, n, r, &l);
        if (is_alnum(c)) {
            size_t e = tu_scan_word_end(s, n, r);
            int up = tu_ch_isupper(c);
            if (words > 0) {
                if (in_list(s + r, e - r, stop_words)) break;
                next_words(s, n, r, 3, f, sizeof f);
                if (starts_phrase(f, stop_phrases)) break;
                if (word_is(s + r, e - r, "tại") ||
                    word_is(s + r, e - r, "ở")) {
                    size_t q2 = skip_blanks(s, n, e, 1);
                    uint32_t c2 = tu_ch_dec(s, n, q2, &l);
                    size_t e2 = tu_scan_word_end(s, n, q2);
                    if (q2 >= n || tu_ch_isupper(c2) || (c2 >= '0' && c2 <= '9')
                        || in_list(s + q2, e2 - q2, place_words))
                        break;
                }
                if (word_is(s + r, e - r, "năm")) {
                    size_t q2 = skip_blanks(s, n, e, 0);
                    if (q2 < n && s[q2] >= '0' && s[q2] <= '9') break;
                }
                if (lower && word_is(s + r, e - r, "và")) break;
                if (c >= '0' && c <= '9' && lower) {
                    size_t d = r;           /* a number, not "4C", "ST25" */
                    while (d < e && s[d] >= '0' && s[d] <= '9') d++;
                    if (d == e) break;
                }
                if (word_is(s + r, e - r, "mô")) {
                    next_words(s, n, r, 2, f, sizeof f);
                    if (strcmp(f, "mo hinh") == 0) break;
                }
            }
            if (words == 0) first_up = up;
            if (words == 1) title = first_up && up;
            if (title && words >= 2 && !up) break;
            if (++words > max) return;
            last = e;
            r = e;
        } else if (is_dash(c) && words > 0) {
            r += l;
        } else if (c == '(' && lower && words > 0 && !parens) {
            parens = 1;
            r += l;
        } else if (c == ')' && parens == 1) {
            parens = 2;
            r += l;
            last = r;
        } else {
            break;
        }
    }
    if (parens == 1) return;
    if (!words) return;
    /* take generic words off the end ("nuôi bò hiệu quả") */
    for (;;) {
        size_t e = last;
        while (e > q && s[e - 1] == ' ') e--;
        int cut = 0;
        for (size_t i = 0; trailing_generic[i] && !cut; i++) {
            /* find the start of the last one or two words */
            for (int k = 1; k <= 2 && !cut; k++) {
                size_t b = e;
                for (int w = 0; w < k && b > q; w++) {
                    while (b > q && s[b - 1] == ' ') b--;
                    while (b > q && s[b - 1] != ' ') b--;
                }
                lower_words(s + b, e - b, f, sizeof f);
                if (entry_is(trailing_generic[i], f) && b > q) {
                    last = b;
                    words -= k;
                    cut = 1;
                }
            }
        }
        if (!cut) break;
    }
    if (lower && words < MIN_LOWER_WORDS) return;
    add(cx, s + q, last - q, max);
}

/* A quote opening at Q: the name; returns the end of the closing quote,
 * or 0 if the quote does not close (then read as an unquoted name). */
static size_t quoted(ctx_t *cx, const char *s, size_t n, size_t q)
{
    size_t l, r;
    tu_ch_dec(s, n, q, &l);
    size_t a = q + l;
    int words = 0, inword = 0, lines = 0;
    for (r = a; r < n; r += l) {
        uint32_t c = tu_ch_dec(s, n, r, &l);
        if (c == '\n' && ++lines > 1) break;
        if (is_closer(c)) {
            size_t pl, nl2;
            /* M’Drắk: an apostrophe inside a word does not close. */
            if (c == 0x2019 && r > a && tu_ch_isletter(tu_ch_prev(s, r, &pl))
                && r + l < n && tu_ch_isletter(tu_ch_dec(s, n, r + l, &nl2)))
                continue;
            /* Closed: a name unless it holds a sentence break. */
            for (size_t p = a; p + 2 < r; p++)
                if ((s[p] == '.' || s[p] == '!' || s[p] == '?')
                    && s[p + 1] == ' ') {
                    size_t cl;
                    if (tu_ch_isupper(tu_ch_dec(s, r, p + 2, &cl))) return r + l;
                }
            add(cx, s + a, r - a, MAX_QUOTED_WORDS);
            return r + l;
        }
        if (is_opener(c) && c != 0x2018) break;
        if (is_alnum(c)) {
            if (!inword && ++words > MAX_SCAN_WORDS) break;
            inword = 1;
        } else {
            inword = 0;
        }
    }
    /* unclosed on its line: bounded like a name without quotes */
    size_t e = a;
    while (e < n && s[e] != '\n') e++;
    bounded(cx, s, e, a, MAX_UNCLOSED_WORDS, 0);
    return 0;
}

/* After a closed quote ending at Q: more quoted names joined by ",", ";"
 * or "và" ("các mô hình “A”, “B” và “C”"). */
static void more_quoted(ctx_t *cx, const char *s, size_t n, size_t q)
{
    size_t l;
    for (int items = 0; q && q < n && items < MAX_LIST_ITEMS; items++) {
        size_t r = skip_blanks(s, n, q, 1);
        int sep = 0;
        for (int k = 0; k < 3 && r < n; k++) {
            uint32_t c = tu_ch_dec(s, n, r, &l);
            if (c == ',' || c == ';') { sep = 1; r = skip_blanks(s, n, r + l, 1); continue; }
            if (is_alnum(c)) {
                size_t e = tu_scan_word_end(s, n, r);
                if (word_is(s + r, e - r, "và")) {
                    sep = 1;
                    r = skip_blanks(s, n, e, 1);
                    continue;
                }
            }
            break;
        }
        if (!sep || r >= n || !is_opener(tu_ch_dec(s, n, r, &l))) return;
        q = quoted(cx, s, n, r);
    }
}

/* End of the sentence or clause that holds a list starting at Q. */
static size_t list_end(const char *s, size_t n, size_t q)
{
    size_t l;
    while (q < n) {
        uint32_t c = tu_ch_dec(s, n, q, &l);
        if (c == '.' && (q + 1 >= n || s[q + 1] == ' ' || s[q + 1] == '\n'))
            return q;
        if (c == '\n') {
            size_t q2 = skip_blanks(s, n, q, 1);
            if (q2 >= n || !tu_ch_islower(tu_ch_dec(s, n, q2, &l))) return q;
        }
        q += l;
    }
    return n;
}

/* A list after "mô hình ...:" or "như": items split by ";" (when there
 * is one) or ",", the last one also at "và". */
static void list_items(ctx_t *cx, const char *s, size_t n, size_t q,
                       int quoted_only)
{
    size_t e = list_end(s, n, q), l;
    int semi = memchr(s + q, ';', e - q) != NULL;
    char f[64];
    next_words(s, n, skip_blanks(s, n, q, 1), 2, f, sizeof f);
    if (strcmp(f, "mo hinh") == 0) return;      /* each one has its own */
    size_t a = q;
    int quotes = quoted_only ? 1 : -1;  /* the first item says: quoted names */
    for (int items = 0; a < e && items < MAX_LIST_ITEMS; items++) {
        size_t b = a;
        int depth = 0;
        while (b < e) {
            uint32_t c = tu_ch_dec(s, e, b, &l);
            if (is_opener(c) && c != 0x2018) depth = !depth || c != '"';
            else if (is_closer(c)) depth = 0;
            if (!depth && (c == ';' || (!semi && c == ','))) break;
            b += l;
        }
        /* the last item of a list also splits at "và" (outside quotes) */
        size_t va = 0;
        for (size_t p = a; p < b; p += l) {
            uint32_t c = tu_ch_dec(s, b, p, &l);
            if (is_opener(c)) break;
            if (is_alnum(c)) {
                size_t we = tu_scan_word_end(s, b, p);
                if (p > a && word_is(s + p, we - p, "và") && s[p - 1] == ' ') {
                    va = p;
                    break;
                }
                l = we - p;
            }
        }
        size_t parts[2][2] = {{a, va ? va : b}, {va ? va + 3 : b, b}};
        for (int k = 0; k < 2; k++) {
            size_t pa = skip_blanks(s, parts[k][1], parts[k][0], 1);
            if (pa >= parts[k][1]) continue;
            uint32_t c = tu_ch_dec(s, parts[k][1], pa, &l);
            if (quotes < 0) quotes = is_opener(c);
            if (is_opener(c)) {
                quoted(cx, s, n, pa);
            } else if (is_alnum(c) && !quotes) {
                bounded(cx, s, parts[k][1], pa, tu_ch_isupper(c) ? MAX_UNQUOTED_WORDS
                                                           : MAX_LOWER_WORDS,
                        !tu_ch_isupper(c));
            }
        }
        a = b < e ? b + 1 : e;
    }
}

/* The word before P (folded) into F. */
static void word_before(const char *s, size_t p, char *f, size_t cap)
{
    size_t q = p, l;
    while (q > 0 && is_blank(tu_ch_prev(s, q, &l))) q -= l;
    size_t e = q;
    while (q > 0 && is_alnum(tu_ch_prev(s, q, &l))) q -= l;
    f[0] = '\0';
    if (e > q && e - q < cap / 2) {
        char ex[64];
        if (tracuu_norm_exact(s + q, e - q, ex, sizeof ex - 1) >= 0) {
            snprintf(f, cap, "%s", ex);
        }
    }
}

enum { T_MO_HINH, T_DIEN_HINH, T_CACH_LAM };

/* A trigger ("mô hình", "điển hình", "cách làm hay") of kind KIND started
 * at START and ended at Q. */
static void after_trigger(ctx_t *cx, const char *s, size_t n, size_t start,
                          size_t q, int kind)
{
    int gapw = 0, punct = 0, comma = 0;
    size_t l;
    char f[64];
    int common_before = 0;
    if (kind == T_MO_HINH) {
        word_before(s, start, f, sizeof f);
        common_before = f[0] && in_list(f, strlen(f), before_common);
        /* "mô hình điểm": a pilot model */
        size_t r = skip_blanks(s, n, q, 0);
        size_t e = tu_scan_word_end(s, n, r);
        if (e > r && word_is(s + r, e - r, "điểm"))
            q = e;
    }
    int newline = 0;
    while (q < n) {
        uint32_t c = tu_ch_dec(s, n, q, &l);
        if (is_blank(c)) { q += l; continue; }
        if (c == '\n') {
            if (newline++ || gapw > 0) return;
            q += l;
            continue;
        }
        if (is_opener(c)) {
            size_t e = quoted(cx, s, n, q);
            if (e) more_quoted(cx, s, n, e);
            return;
        }
        if (c == ':') {
            if (!comma && gapw <= MAX_LIST_GAP) list_items(cx, s, n, q + l, kind != T_MO_HINH);
            else {
                /* "..., tiêu biểu như: mô hình “A” ...": the quote may follow */
                size_t r = skip_blanks(s, n, q + l, 1);
                if (r < n && is_opener(tu_ch_dec(s, n, r, &l))) {
                    size_t e = quoted(cx, s, n, r);
                    if (e) more_quoted(cx, s, n, e);
                }
            }
            return;
        }
        if (c == ',') { comma = punct = 1; q += l; continue; }
        if (is_dash(c)) { punct = 1; q += l; continue; }
        if (!is_alnum(c)) return;
        size_t e = tu_scan_word_end(s, n, q);
        if (gapw == 0 && !punct) {
            if (tu_ch_isupper(c)) {
                if (kind == T_MO_HINH || kind == T_CACH_LAM) {
                    bounded(cx, s, n, q, MAX_UNQUOTED_WORDS, 0);
                    return;
                }
                /* after "điển hình": a Title Case name only */
                size_t q2 = skip_blanks(s, n, e, 0);
                if (q2 < n && tu_ch_isupper(tu_ch_dec(s, n, q2, &l)))
                    bounded(cx, s, n, q, MAX_UNQUOTED_WORDS, 0);
                return;
            }
            if (kind == T_MO_HINH && !common_before && !(c >= '0' && c <= '9')) {
                size_t before = cx->m->n_models;
                /* "như" opens a list ("các mô hình như: ...") */
                if (!word_is(s + q, e - q, "như") &&
                    !word_is(s + q, e - q, "gồm")) {
                    bounded(cx, s, n, q, MAX_LOWER_WORDS, 1);
                    if (cx->m->n_models > before) return;
                }
            }
        }
        if (!comma && (word_is(s + q, e - q, "như") ||
                       word_is(s + q, e - q, "gồm"))) {
            size_t r = skip_blanks(s, n, e, 1);
            if (r < n && s[r] == ':') r++;
            r = skip_blanks(s, n, r, 1);
            if (r < n) {
                uint32_t c2 = tu_ch_dec(s, n, r, &l);
                if (is_opener(c2)) {
                    size_t qe = quoted(cx, s, n, r);
                    if (qe) more_quoted(cx, s, n, qe);
                    return;
                }
                if (tu_ch_isupper(c2) || (kind == T_MO_HINH && s[e] != ' ') ||
                    (r > e && s[r - 1] == ' ' && s[skip_blanks(s, n, e, 1)] == ':')) {
                    list_items(cx, s, n, r, kind != T_MO_HINH);
                    return;
                }
                if (kind == T_MO_HINH && gapw <= MAX_LIST_GAP) {
                    list_items(cx, s, n, r, kind != T_MO_HINH);
                    return;
                }
            }
            return;
        }
        if (word_is(s + q, e - q, "mô")) return;
        if (in_list(s + q, e - q, gap_stop)) return;
        if (++gapw > MAX_GAP_WORDS) return;
        q = e;
    }
}

/* 1 if the words from P are the folded phrase W ("mo hinh"); *END. */
static int phrase_at(const char *s, size_t n, size_t p, const char *w,
                     size_t *end)
{
    size_t q = p, l;
    while (*w) {
        const char *sp = strchr(w, ' ');
        size_t wl = sp ? (size_t)(sp - w) : strlen(w);
        if (q >= n || !tu_ch_isletter(tu_ch_dec(s, n, q, &l))) return 0;
        size_t e = tu_scan_word_end(s, n, q);
        char f[32];
        if (e - q > 12) return 0;
        fold(s + q, e - q, f, sizeof f);
        if (strlen(f) != wl || strncmp(f, w, wl) != 0) return 0;
        q = e;
        if (!sp) break;
        w = sp + 1;
        size_t q2 = q;
        while (q2 < n && is_blank(tu_ch_dec(s, n, q2, &l))) q2 += l;
        if (q2 == q) return 0;
        q = q2;
    }
    *end = q;
    return 1;
}

tracuu_status_t tu_models_extract(const char *s, size_t n, tracuu_meta_t *m)
{
    ctx_t cx = {m, NULL, 0, m->n_models, TRACUU_OK};
    for (size_t i = 0; i < m->n_models; i++) {
        char *k = tracuu_model_key(m->models[i], strlen(m->models[i]));
        char **nk = realloc(cx.keys, (cx.nkeys + 1) * sizeof *nk);
        if (nk) cx.keys = nk;
        if (!k || !nk) { free(k); cx.rc = TRACUU_ERR_NOMEM; break; }
        cx.keys[cx.nkeys++] = k;
    }
    size_t p = 0, l;
    while (p < n && cx.rc == TRACUU_OK) {
        uint32_t c = tu_ch_dec(s, n, p, &l);
        if (!tu_ch_isletter(c)) { p += l; continue; }
        size_t e = tu_scan_word_end(s, n, p), t;
        if (e - p <= 3 && phrase_at(s, n, p, "mo hinh", &t)) {
            char f[16];
            plain_text = 0;
            lower_words(s + p, t - p, f, sizeof f);
            plain_text = strcmp(f, "mo hinh") == 0;
            after_trigger(&cx, s, n, p, t, T_MO_HINH);
            e = t;
        } else if (e - p <= 8 && phrase_at(s, n, p, "dien hinh", &t)) {
            after_trigger(&cx, s, n, p, t, T_DIEN_HINH);
            e = t;
        } else if (e - p <= 8 && phrase_at(s, n, p, "cach lam hay", &t)) {
            after_trigger(&cx, s, n, p, t, T_CACH_LAM);
            e = t;
        }
        p = e;
    }
    for (size_t i = 0; i < cx.nkeys; i++) free(cx.keys[i]);
    free(cx.keys);
    return cx.rc;
}

char *tracuu_model_key(const char *name, size_t n)
{
    /* Words folded one by one, joined by one space; dashes become "-". */
    size_t cap = 4 * n + 8, o = 0, p = 0, l;
    char *out = malloc(cap);
    if (!out) return NULL;
    while (p < n) {
        uint32_t c = tu_ch_dec(name, n, p, &l);
        if (is_blank(c) || c == '\n') { p += l; continue; }
        size_t a = p;
        while (p < n) {
            c = tu_ch_dec(name, n, p, &l);
            if (is_blank(c) || c == '\n') break;
            p += l;
        }
        if (o) out[o++] = ' ';
        for (size_t q = a; q < p; ) {
            size_t r = q;
            c = tu_ch_dec(name, p, q, &l);
            if (is_dash(c)) { out[o++] = '-'; q += l; continue; }
            while (r < p && !is_dash(tu_ch_dec(name, p, r, &l))) r += l;
            int k = tu_scan_fold(name + q, r - q, out + o, cap - o);
            if (k < 0) {                /* not foldable: kept as it is */
                if (r - q >= cap - o) { free(out); return NULL; }
                memcpy(out + o, name + q, r - q);
                k = (int)(r - q);
            }
            o += (size_t)k;
            q = r;
        }
    }
    out[o] = '\0';
    return out;
}
