/* The documents of one file: the file itself and, for a container (zip,
 * 7z, tar, mail), each member at every depth as a document of its own with
 * the path "FILE#MEMBER".  Worker side: ix_parts_build extracts through
 * tracuu_extract_walk and builds each part's document.  Writer side:
 * ix_parts_write replaces a changed container's old members by the new
 * ones (all of a file's members carry the term XIN + the file's unique id,
 * so one delete drops them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "indexer.h"
#include "tracuu/normalize.h"
#include "tracuu/schema.h"
#include "index/tu_indexdoc.h"

typedef struct {
    const ix_opts_t *o;
    const ix_file_t *f;
    uint64_t hash;
    ix_parts_t *out;
} build_t;

static char *dup2s(const char *a, const char *b)
{
    size_t n = strlen(a) + (b ? strlen(b) + 2 : 0) + 1;
    char *m = malloc(n);
    if (m)
        snprintf(m, n, b ? "%s: %s" : "%s", a, b);
    return m;
}

/* Properties the text may not say: author and subject appended as lines
 * (so they are found), the properties' date used when the text has none. */
static char *with_props(const tracuu_extract_t *x, size_t *len)
{
    size_t n = x->len + (x->author ? strlen(x->author) : 0) +
               (x->subject ? strlen(x->subject) : 0) + 4;
    char *s = malloc(n);
    if (!s)
        return NULL;
    int k = snprintf(s, n, "%s%s%s%s%s", x->text,
                     x->subject ? "\n" : "", x->subject ? x->subject : "",
                     x->author ? "\n" : "", x->author ? x->author : "");
    *len = k > 0 ? (size_t)k : 0;
    return s;
}

static void build(const build_t *c, const tracuu_part_t *p, ix_part_t *it)
{
    const tracuu_extract_t *x = p->x;
    snprintf(it->format, sizeof it->format, "%s", x->format);
    snprintf(it->mime, sizeof it->mime, "%s", x->mime);
    it->encoding = x->encoding;
    if (p->status != TRACUU_OK) {
        /* not for us (type, size limit, no text, encrypted, needs --ocr):
         * reported, not a failure */
        it->kind = p->status == TRACUU_ERR_UNSUPPORTED ||
                   p->status == TRACUU_ERR_TOO_BIG ||
                   p->status == TRACUU_ERR_EMPTY ? IX_SKIP : IX_FAIL;
        it->err = strdup(p->errmsg);
        return;
    }
    if (x->warning)
        it->warning = strdup(x->warning);
    size_t raw_len = x->len;
    char *raw = (x->author || x->subject) ? with_props(x, &raw_len) : NULL;
    char *text = NULL;
    size_t len = 0, bad = 0;
    if (tracuu_norm_text(raw ? raw : x->text, raw_len, &text, &len, &bad) !=
        TRACUU_OK) {
        free(raw);
        it->kind = IX_FAIL;
        it->err = dup2s("out of memory", NULL);
        return;
    }
    free(raw);
    if (!it->warning && bad) {
        char m[96];
        snprintf(m, sizeof m, "%zu invalid character sequences replaced", bad);
        it->warning = dup2s(m, NULL);
    }
    it->text_len = len;
    if (c->o->dry_run) {
        it->kind = IX_DRY;
        free(text);
        return;
    }
    tracuu_status_t rc = tracuu_meta_extract(text, len, &it->meta);
    if (rc == TRACUU_OK && !it->meta.date[0] && x->date[0])
        snprintf(it->meta.date, sizeof it->meta.date, "%s", x->date);
    uint64_t h = c->hash;
    if (p->depth > 0)
        h = tu_hash(TU_HASH_INIT, p->data, p->len);
    tu_docinput_t in = {
        .path = p->path, .text = text, .len = len, .title = x->title,
        .format = x->format, .encoding = x->encoding,
        .meta = rc == TRACUU_OK ? &it->meta : NULL,
        .size = p->depth > 0 ? p->len : c->f->size, .mtime = c->f->mtime,
        .hash = h, .container = p->depth > 0 ? c->f->path : NULL};
    rc = tu_build_doc(&in, &it->doc);
    it->kind = rc == TRACUU_OK ? IX_DOC : IX_FAIL;
    if (rc != TRACUU_OK)
        it->err = dup2s("cannot build document", tracuu_status_to_string(rc));
    free(text);
}

static int on_part(const tracuu_part_t *p, void *ctx)
{
    build_t *c = ctx;
    ix_parts_t *o = c->out;
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 4;
        ix_part_t *v = realloc(o->v, cap * sizeof *v);
        if (!v)
            return 1;
        o->v = v;
        o->cap = cap;
    }
    ix_part_t *it = &o->v[o->n];
    memset(it, 0, sizeof *it);
    it->path = strdup(p->path);
    if (!it->path)
        return 1;
    o->n++;
    build(c, p, it);
    return 0;
}

void ix_parts_build(const ix_opts_t *o, const ix_file_t *f, uint64_t hash,
                    ix_parts_t *out)
{
    build_t c = {o, f, hash, out};
    tracuu_extract_walk(f->path, &o->xopts, on_part, &c);
    if (out->n == 0) {  /* out of memory before the first part */
        out->v = calloc(1, sizeof *out->v);
        if (out->v) {
            out->n = out->cap = 1;
            out->v[0].kind = IX_FAIL;
            out->v[0].err = dup2s("out of memory", NULL);
        }
    }
}

void ix_part_clear(ix_part_t *it)
{
    tracuu_doc_free(it->doc);
    tracuu_meta_clear(&it->meta);
    free(it->err);
    free(it->warning);
    free(it->path);
    memset(it, 0, sizeof *it);
}

void ix_parts_free(ix_parts_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        ix_part_clear(&p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

int ix_drop_members(tracuu_db_t *db, const char *path)
{
    char uid[TU_UID_MAX + 1], term[TU_UID_MAX + 8];
    tu_uid_term(path, uid);
    snprintf(term, sizeof term, "%s%s", TU_PREFIX_IN, uid + 1);
    return tracuu_db_delete(db, term) == TRACUU_OK ? 0 : -1;
}

int ix_in_list_or_container(const char *path, const ix_list_t *list,
                            int (*cmp)(const void *, const void *))
{
    ix_file_t key = {.path = (char *)path};
    if (bsearch(&key, list->files, list->n, sizeof key, cmp))
        return 1;
    /* "FILE#MEMBER": the member lives as long as its file (a '#' may
     * also be part of a file name: try each). */
    char *copy = strdup(path);
    int found = 0;
    for (char *h = copy ? strchr(copy, '#') : NULL; h && !found;
         h = strchr(h + 1, '#')) {
        *h = '\0';
        key.path = copy;
        found = bsearch(&key, list->files, list->n, sizeof key, cmp) != NULL;
        *h = '#';
    }
    free(copy);
    return found;
}
