/* Who cites whom: a cited number that is the own number of a document in
 * the archive (term XKH) links to it; the documents citing a document's own
 * number are those with XTD + that number (docs/design.md section 5).
 * Looked up at search time, so a document indexed later links to one
 * indexed before and the other way round without re-indexing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_citations.h"
#include "search/tu_query.h"
#include "tracuu/meta.h"
#include "tracuu/schema.h"

void tracuu_ident_clear(tracuu_ident_t *id)
{
    if (!id)
        return;
    free(id->number);
    free(id->type);
    free(id->type_name);
    free(id->issuer);
    free(id->issuer_parent);
    free(id->issuer_code);
    free(id->issuer_name);
    free(id->place);
    free(id->subject);
    free(id->signer);
    free(id->number_key);
    memset(id, 0, sizeof *id);
}

/* The term PREFIX + the search key of the number REF into T (CAP). */
static int ref_term(const char *prefix, const char *ref, char *t, size_t cap)
{
    char *key = tu_field_value_key("so", ref, strlen(ref));
    if (!key)
        return -1;
    int n = snprintf(t, cap, "%s%s", prefix, key);
    free(key);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

tracuu_docid_t tu_ref_owner(tracuu_db_t *db, const char *ref)
{
    char t[400];
    tracuu_docid_t id = 0;
    if (ref_term(TU_PREFIX_OWNNUM, ref, t, sizeof t) == 0)
        tracuu_db_find_term(db, t, &id);
    return id;
}

tracuu_status_t tu_ref_links(tracuu_db_t *db, char *const *refs, size_t n,
                             tracuu_docid_t **out)
{
    *out = NULL;
    if (!n)
        return TRACUU_OK;
    tracuu_docid_t *ids = calloc(n, sizeof *ids);
    if (!ids)
        return TRACUU_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        ids[i] = tu_ref_owner(db, refs[i]);
    *out = ids;
    return TRACUU_OK;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

tracuu_status_t tu_ident_take(tracuu_db_t *db, tu_docdata_t *d,
                              tracuu_ident_t *id)
{
    memset(id, 0, sizeof *id);
    id->number = d->own_number;
    id->type = d->own_type;
    id->issuer = d->issuer;
    id->issuer_parent = d->issuer_parent;
    id->issuer_code = d->issuer_code;
    id->place = d->place;
    id->subject = d->subject;
    id->signer = d->signer;
    d->own_number = d->own_type = d->issuer = d->issuer_parent = NULL;
    d->issuer_code = d->place = d->subject = d->signer = NULL;
    char label[200];
    if (id->type && tracuu_type_label(id->type, label, sizeof label) &&
        !(id->type_name = strdup(label)))
        return TRACUU_ERR_NOMEM;
    if (id->issuer_code && tracuu_issuer_name(id->issuer_code) &&
        !(id->issuer_name = dup_or_null(tracuu_issuer_name(id->issuer_code))))
        return TRACUU_ERR_NOMEM;
    if (id->number) {
        id->number_key = tu_field_value_key("so", id->number, strlen(id->number));
        if (!id->number_key)
            return TRACUU_ERR_NOMEM;
        char t[400];
        if (snprintf(t, sizeof t, "%s%s", TU_PREFIX_CITED, id->number_key) <
            (int)sizeof t)
            tracuu_db_termfreq(db, t, &id->cited_by);
    }
    return TRACUU_OK;
}
