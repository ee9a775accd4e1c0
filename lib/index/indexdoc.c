/* Documents for the index: see tu_indexdoc.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "index/tu_indexdoc.h"
#include "base/tu_buf.h"
#include "index/tu_docdata.h"
#include "tracuu/normalize.h"
#include "tracuu/schema.h"
#include "tracuu/tokenize.h"
#include "base/tu_utf8.h"
#include "text/tu_joined.h"
#include "knowledge/tu_subject.h"

#define TITLE_MAX 200
#define TITLE_WDF 4   /* extra weight of a title word in the body */
#define KEY 256

uint64_t tu_hash(uint64_t h, const void *data, size_t n)
{
    /* FNV-1a over 8-byte words, then bytes: fast and stable, not crypto. */
    const unsigned char *p = data;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    while (n--)
        h = (h ^ *p++) * 0x100000001b3ULL;
    return h;
}

size_t tu_uid_term(const char *path, char out[TU_UID_MAX + 1])
{
    size_t n = strlen(path);
    out[0] = 'Q';
    if (n + 1 <= TU_UID_MAX) {
        memcpy(out + 1, path, n + 1);
        return n + 1;
    }
    /* keep a prefix, cut at a character, and add the hash of the whole */
    size_t keep = tu_utf8_floor(path, n, TU_UID_MAX - 1 - 17);
    memcpy(out + 1, path, keep);
    snprintf(out + 1 + keep, TU_UID_MAX - keep, "#%016llx",
             (unsigned long long)tu_hash(TU_HASH_INIT, path, n));
    return strlen(out);
}

static int blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

/* A header line such as "Thứ Năm, 18/7/2024", "10/01/2023" or
 * "21/12/2023 09:10 SA": digits and at most three words. */
static int dateline(const char *s, size_t n)
{
    size_t digits = 0, words = 0;
    int in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            digits++;
        int letter = c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (letter && !in_word)
            words++;
        in_word = letter;
    }
    return digits >= 4 && words <= 3;
}

char *tu_doc_title(const char *title, const char *text, size_t len)
{
    const char *s = title;
    size_t n = title ? strlen(title) : 0;
    while (n && blank((unsigned char)*s)) {
        s++;
        n--;
    }
    if (!n) {  /* the first line that is not blank, a date or a number */
        size_t i = 0;
        for (int tries = 0; i < len && tries < 8; tries++) {
            while (i < len && blank((unsigned char)text[i]))
                i++;
            size_t e = i;
            while (e < len && text[e] != '\n' && text[e] != '\r')
                e++;
            if (!s || !n) {
                s = text + i;
                n = e - i;
            }
            if (!dateline(text + i, e - i)) {
                s = text + i;
                n = e - i;
                break;
            }
            i = e;
        }
    }
    int cut = n > TITLE_MAX;
    if (cut) {  /* at a word if one ends in the last 40 bytes, else a character */
        size_t w = TITLE_MAX;
        while (w > TITLE_MAX - 40 && !blank((unsigned char)s[w]))
            w--;
        n = tu_utf8_floor(s, n, w > TITLE_MAX - 40 ? w : TITLE_MAX);
    }
    while (n && blank((unsigned char)s[n - 1]))
        n--;
    char *t = malloc(n + 4);
    if (!t)
        return NULL;
    /* collapse inner whitespace (titles from metadata may hold newlines) */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (blank((unsigned char)s[i])) {
            if (o && t[o - 1] != ' ')
                t[o++] = ' ';
        } else {
            t[o++] = s[i];
        }
    }
    if (cut) {
        memcpy(t + o, "\xE2\x80\xA6", 3);  /* … */
        o += 3;
    }
    t[o] = '\0';
    return t;
}

typedef struct {
    tracuu_doc_t *doc;
    const char *prefix;     /* "" body, XT title */
    int exact;              /* add XA terms for marked words */
    unsigned extra_wdf;     /* > 0: no positions, this much weight (title boost) */
    tracuu_status_t rc;
} tok_ctx_t;

static int add_token(const tracuu_token_t *t, void *ctx)
{
    tok_ctx_t *c = ctx;
    char key[KEY + 8];
    size_t pl = strlen(c->prefix);
    memcpy(key, c->prefix, pl);
    int kl = tracuu_norm_fold(t->s, t->len, key + pl, KEY);
    if (kl <= 0)
        return 0;
    tracuu_status_t rc = c->extra_wdf
        ? tracuu_doc_add_term(c->doc, key, pl + (size_t)kl, c->extra_wdf)
        : tracuu_doc_add_posting(c->doc, key, pl + (size_t)kl, t->pos + 1, 1);
    if (rc == TRACUU_ERR_NOMEM) {
        c->rc = rc;
        return 1;
    }
    /* "2.450" also as "2450", "H'Drai" as "hdrai", at the same position */
    int jl = (t->flags & TRACUU_TOK_COMPOUND)
        ? tu_joined_form(t->s, t->len, key + pl, KEY) : 0;
    if (jl > 0 && (c->extra_wdf
            ? tracuu_doc_add_term(c->doc, key, pl + (size_t)jl, c->extra_wdf)
            : tracuu_doc_add_posting(c->doc, key, pl + (size_t)jl, t->pos + 1, 1))
            == TRACUU_ERR_NOMEM) {
        c->rc = TRACUU_ERR_NOMEM;
        return 1;
    }
    if (c->exact && tracuu_has_marks(t->s, t->len)) {
        memcpy(key, TU_PREFIX_EXACT, 2);
        int el = tracuu_norm_exact(t->s, t->len, key + 2, KEY);
        if (el > 0 && tracuu_doc_add_term(c->doc, key, 2 + (size_t)el, 1) == TRACUU_ERR_NOMEM) {
            c->rc = TRACUU_ERR_NOMEM;
            return 1;
        }
    }
    return 0;
}

static void bool_term(tracuu_doc_t *doc, const char *prefix, const char *value)
{
    char key[KEY + 8];
    size_t pl = strlen(prefix);
    if (!value || !*value)
        return;
    memcpy(key, prefix, pl);
    int kl = tracuu_norm_fold(value, strlen(value), key + pl, KEY);
    if (kl > 0)
        tracuu_doc_add_boolean_term(doc, key, pl + (size_t)kl);
}

static void raw_term(tracuu_doc_t *doc, const char *prefix, const char *key)
{
    char t[KEY + 8];
    int n = snprintf(t, sizeof t, "%s%s", prefix, key);
    if (n > 0 && (size_t)n < sizeof t)
        tracuu_doc_add_boolean_term(doc, t, (size_t)n);
}

/* The folder terms of PATH: XDIR + each folder above the file (absolute,
 * hashed like the unique id when too long) and XDN + each folder's name,
 * folded, so that thumuc:/srv/luutru/lamha and thumuc:"Lâm Hà" both work. */
static void folder_terms(tracuu_doc_t *doc, const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 1; i < n; i++) {
        if (path[i] != '/')
            continue;
        char dir[TU_UID_MAX + 1];
        char *d = strndup(path, i);
        if (!d)
            return;
        size_t l = tu_uid_term(d, dir);  /* "Q" + dir, or its hashed form */
        char t[TU_UID_MAX + 8];
        int tl = snprintf(t, sizeof t, "%s%s", TU_PREFIX_DIR, dir + 1);
        if (tl > 0 && (size_t)tl < sizeof t && l > 1)
            tracuu_doc_add_boolean_term(doc, t, (size_t)tl);
        const char *name = strrchr(d, '/');
        if (name && name[1])
            bool_term(doc, TU_PREFIX_DIRNAME, name + 1);
        free(d);
    }
}

/* The document's own identity: XKH and XREF (so: finds both) for its
 * number, XLOAI its type code and name, XCQ its issuer code, the issuing
 * organ and its parent. */
static void own_terms(tracuu_doc_t *doc, const tracuu_own_t *own)
{
    if (own->number_key) {
        raw_term(doc, TU_PREFIX_OWNNUM, own->number_key);
        raw_term(doc, TU_PREFIX_REF, own->number_key);
    }
    if (own->type) {
        bool_term(doc, TU_PREFIX_OWNTYPE, own->type);
        bool_term(doc, TU_PREFIX_OWNTYPE, tracuu_type_name(own->type));
    }
    bool_term(doc, TU_PREFIX_OWNISS, own->issuer_code);
    bool_term(doc, TU_PREFIX_OWNISS, own->issuer);
    bool_term(doc, TU_PREFIX_OWNISS, own->issuer_parent);
}

/* Append VALUE to a '\n'-separated facet list unless already there. */
static void facet_add(tu_buf_t *b, const char *value)
{
    if (!value || !*value)
        return;
    size_t vl = strlen(value);
    for (const char *p = b->p; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == vl && memcmp(p, value, vl) == 0)
            return;
        p = e ? e + 1 : p + l;
    }
    if (b->len)
        tu_buf_addc(b, '\n');
    tu_buf_adds(b, value);
}

/* A facet list value: "\x01" and 8 hex digits of its hash first.  Facets
 * are counted by distinct value (Xapian's ValueCountMatchSpy keeps them in
 * a std::map), and lists of long model names share long prefixes; the hash
 * makes two values differ in their first bytes.  Counting skips it. */
static void set_facet(tracuu_doc_t *doc, unsigned slot, const tu_buf_t *list)
{
    char v[4096 + 16];
    if (list->len > 4096)
        return;
    int n = snprintf(v, sizeof v, "\x01%08llx\n", (unsigned long long)(
                     tu_hash(TU_HASH_INIT, list->p, list->len) & 0xffffffffULL));
    memcpy(v + n, list->p, list->len);
    tracuu_doc_set_value(doc, slot, v, (size_t)n + list->len);
}

tracuu_status_t tu_build_doc(const tu_docinput_t *in, tracuu_doc_t **out)
{
    *out = NULL;
    tracuu_doc_t *doc = tracuu_doc_new();
    /* the subject line ("V/v …", the line under "BÁO CÁO") weighs as a
     * title, and is the title shown when the file has none of its own */
    char *subject = tu_subject_line(in->text, in->len);
    int own_title = in->title && in->title[strspn(in->title, " \t\r\n\f\v")];
    char *title = tu_doc_title(own_title || !subject ? in->title : subject,
                               in->text, in->len);
    if (!doc || !title) {
        tracuu_doc_free(doc);
        free(title);
        free(subject);
        return TRACUU_ERR_NOMEM;
    }
    char uid[TU_UID_MAX + 1];
    size_t ul = tu_uid_term(in->path, uid);
    tracuu_doc_add_boolean_term(doc, uid, ul);

    tok_ctx_t c = {doc, "", 1, 0, TRACUU_OK};
    uint32_t next = tracuu_tokenize(in->text, in->len, 0, add_token, &c);
    if (own_title && c.rc == TRACUU_OK)  /* metadata title */
        tracuu_tokenize(title, strlen(title), next + TRACUU_TOK_SENTENCE_GAP,
                        add_token, &c);
    tok_ctx_t tc = {doc, TU_PREFIX_TITLE, 0, 0, TRACUU_OK};
    uint32_t tnext = 0;
    if (c.rc == TRACUU_OK)
        tnext = tracuu_tokenize(title, strlen(title), 0, add_token, &tc);
    /* a subject not shown as the title is a title too */
    const char *also = subject && own_title ? subject : NULL;
    if (also && c.rc == TRACUU_OK && tc.rc == TRACUU_OK)
        tracuu_tokenize(also, strlen(also), tnext + TRACUU_TOK_SENTENCE_GAP,
                        add_token, &tc);
    /* words of the title weigh more in the body's ranking (no positions:
     * phrases keep their meaning) */
    tok_ctx_t bc = {doc, "", 1, TITLE_WDF, TRACUU_OK};
    if (c.rc == TRACUU_OK && tc.rc == TRACUU_OK)
        tracuu_tokenize(title, strlen(title), 0, add_token, &bc);
    if (also && c.rc == TRACUU_OK && tc.rc == TRACUU_OK && bc.rc == TRACUU_OK)
        tracuu_tokenize(also, strlen(also), 0, add_token, &bc);
    free(subject);
    if (bc.rc != TRACUU_OK)
        c.rc = bc.rc;
    if (c.rc != TRACUU_OK || tc.rc != TRACUU_OK) {
        tracuu_doc_free(doc);
        free(title);
        return TRACUU_ERR_NOMEM;
    }

    const tracuu_meta_t *m = in->meta;
    tu_buf_t types, issuers, models;
    const tracuu_own_t *own = m ? &m->own : NULL;
    tu_buf_init(&types, 1 << 16);
    tu_buf_init(&issuers, 1 << 16);
    tu_buf_init(&models, 1 << 16);
    char **refs = NULL;
    size_t n_refs = 0;
    if (m) {
        refs = m->n_refs ? calloc(m->n_refs, sizeof *refs) : NULL;
        for (size_t i = 0; i < m->n_refs; i++) {
            const tracuu_ref_t *r = &m->refs[i];
            raw_term(doc, TU_PREFIX_REF, r->key);
            /* the own number, printed in the header, is not a citation */
            if (own->number_key && strcmp(r->key, own->number_key) == 0) {
                if (refs)
                    refs[n_refs++] = r->ref;
                continue;
            }
            raw_term(doc, TU_PREFIX_CITED, r->key);
            bool_term(doc, TU_PREFIX_TYPE, r->type);
            bool_term(doc, TU_PREFIX_ISSUER, r->issuer);
            facet_add(&types, r->type);
            facet_add(&issuers, r->issuer);
            if (refs)
                refs[n_refs++] = r->ref;
        }
        for (size_t i = 0; i < m->n_models; i++) {
            char *key = tracuu_model_key(m->models[i], strlen(m->models[i]));
            if (key)
                raw_term(doc, TU_PREFIX_MODEL, key);
            free(key);
            facet_add(&models, m->models[i]);
        }
        own_terms(doc, own);
        if (m->date[0]) {
            char ymd[9], year[5];
            memcpy(ymd, m->date, 4);
            memcpy(ymd + 4, m->date + 5, 2);
            memcpy(ymd + 6, m->date + 8, 2);
            ymd[8] = '\0';
            memcpy(year, m->date, 4);
            year[4] = '\0';
            tracuu_doc_set_value(doc, TU_SLOT_DATE, ymd, 8);
            tracuu_doc_set_value(doc, TU_SLOT_YEAR, year, 4);
            raw_term(doc, TU_PREFIX_YEAR, year);
        }
    }
    bool_term(doc, TU_PREFIX_FORMAT, in->format);
    folder_terms(doc, in->container ? in->container : in->path);
    if (in->container) {
        char uid[TU_UID_MAX + 1], t[TU_UID_MAX + 8];
        tu_uid_term(in->container, uid);
        int tl = snprintf(t, sizeof t, "%s%s", TU_PREFIX_IN, uid + 1);
        if (tl > 0 && (size_t)tl < sizeof t)
            tracuu_doc_add_boolean_term(doc, t, (size_t)tl);
    }
    bool_term(doc, TU_PREFIX_ENC, in->encoding);
    if (types.len)
        set_facet(doc, TU_SLOT_TYPES, &types);
    if (issuers.len)
        set_facet(doc, TU_SLOT_ISSUERS, &issuers);
    if (models.len)
        set_facet(doc, TU_SLOT_MODELS, &models);
    if (own && own->type)
        tracuu_doc_set_value(doc, TU_SLOT_OWNTYPE, own->type, strlen(own->type));
    if (own && own->issuer)
        tracuu_doc_set_value(doc, TU_SLOT_OWNISS, own->issuer, strlen(own->issuer));
    tu_buf_free(&types);
    tu_buf_free(&issuers);
    tu_buf_free(&models);

    char num[32];
    int nl = snprintf(num, sizeof num, "%llu", (unsigned long long)in->size);
    tracuu_doc_set_value(doc, TU_SLOT_SIZE, num, (size_t)nl);
    tracuu_doc_set_value(doc, TU_SLOT_MTIME, in->mtime, strlen(in->mtime));
    nl = snprintf(num, sizeof num, "%016llx", (unsigned long long)in->hash);
    tracuu_doc_set_value(doc, TU_SLOT_HASH, num, (size_t)nl);
    tracuu_doc_set_value(doc, TU_SLOT_PATH, in->path, strlen(in->path));

    /* the data holds the head of the text, the value slot the rest */
    size_t head = in->len;
    if (head > TU_TEXT_HEAD) {
        head = TU_TEXT_HEAD;
        while (head > 0 && ((unsigned char)in->text[head] & 0xC0) == 0x80)
            head--;
        tracuu_doc_set_value(doc, TU_SLOT_TEXT_REST, in->text + head,
                             in->len - head);
    }
    tu_docdata_t d = {
        .path = (char *)in->path, .title = title,
        .date = (char *)(m ? m->date : ""),
        .format = (char *)(in->format ? in->format : ""),
        .encoding = (char *)(in->encoding ? in->encoding : ""),
        .text = (char *)in->text, .text_len = head,
        .text_total = head < in->len ? in->len : 0,
        .refs = refs, .n_refs = n_refs,
        .models = m ? m->models : NULL, .n_models = m ? m->n_models : 0,
        .own_number = own ? own->number : NULL,
        .own_type = own ? own->type : NULL,
        .issuer = own ? own->issuer : NULL,
        .issuer_parent = own ? own->issuer_parent : NULL,
        .issuer_code = own ? own->issuer_code : NULL,
        .place = own ? own->place : NULL,
        .subject = own ? own->subject : NULL,
        .signer = own ? own->signer : NULL,
    };
    tu_buf_t data;
    tu_buf_init(&data, head + (1u << 20));
    int bad = tu_docdata_write(&d, &data);
    tracuu_status_t rc = bad ? TRACUU_ERR_NOMEM
                             : tracuu_doc_set_data(doc, data.p, data.len);
    tu_buf_free(&data);
    free(refs);
    free(title);
    if (rc != TRACUU_OK) {
        tracuu_doc_free(doc);
        return rc;
    }
    *out = doc;
    return TRACUU_OK;
}
