/* tracuu: tracuu_meta_extract ties the document-knowledge parsers together:
 * the document's own date (docdate.c), the document numbers it cites
 * (docnum.c, de-duplicated by key; a later mention fills in the issue date
 * and year a first one lacked), the "mô hình" names (models.c) and the
 * abbreviation pairs it defines (abbrev.c). */
#include <stdlib.h>
#include <string.h>
#include "knowledge/tu_abbrev.h"
#include "knowledge/tu_docnum.h"
#include "knowledge/tu_models.h"
#include "knowledge/tu_owndate.h"
#include "knowledge/tu_scan.h"
#include "tracuu/meta.h"

static tracuu_status_t add_ref(tracuu_meta_t *m, tracuu_ref_t *r)
{
    for (size_t i = 0; i < m->n_refs; i++) {
        tracuu_ref_t *o = &m->refs[i];
        if (strcmp(o->key, r->key) != 0) continue;
        if (!o->date[0] && r->date[0]) {
            memcpy(o->date, r->date, sizeof o->date);
            if (!o->year) o->year = r->year;
        }
        tracuu_ref_clear(r);
        return TRACUU_OK;
    }
    if (m->n_refs >= TU_META_MAX_REFS) {
        tracuu_ref_clear(r);
        return TRACUU_OK;
    }
    tracuu_ref_t *nr = realloc(m->refs, (m->n_refs + 1) * sizeof *nr);
    if (!nr) {
        tracuu_ref_clear(r);
        return TRACUU_ERR_NOMEM;
    }
    m->refs = nr;
    m->refs[m->n_refs++] = *r;      /* ownership moves to M */
    memset(r, 0, sizeof *r);
    return TRACUU_OK;
}

tracuu_status_t tracuu_meta_extract(const char *text, size_t n,
                                    tracuu_meta_t *out)
{
    tracuu_status_t rc;
    size_t pos = 0, a, b;
    tracuu_ref_t r;
    int got;
    if (!text || !out) return TRACUU_ERR_INVALID_ARG;
    tu_docdate_find(text, n, out->date);
    memset(&r, 0, sizeof r);
    while ((got = tu_ref_next(text, n, &pos, &r, &a, &b)) == 1)
        if ((rc = add_ref(out, &r)) != TRACUU_OK) return rc;
    if (got < 0) return TRACUU_ERR_NOMEM;
    if ((rc = tu_models_extract(text, n, out)) != TRACUU_OK) return rc;
    return tu_abbr_extract(text, n, out);
}

void tracuu_meta_clear(tracuu_meta_t *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->n_refs; i++) tracuu_ref_clear(&m->refs[i]);
    free(m->refs);
    for (size_t i = 0; i < m->n_models; i++) free(m->models[i]);
    free(m->models);
    for (size_t i = 0; i < m->n_pairs; i++) {
        free(m->pairs[i].abbr);
        free(m->pairs[i].expansion);
    }
    free(m->pairs);
    memset(m, 0, sizeof *m);
}
