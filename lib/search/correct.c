/* tracuu_search: one search, and when a query of plain words finds nothing
 * and its correction (lib/search/spell.c) does, the corrected search, said
 * so in results.corrected ("Đang hiện kết quả cho …"). */
#include <stdlib.h>
#include <string.h>
#include "search/tu_search.h"
#include "search/tu_spell.h"
#include "base/tu_buf.h"
#include "tracuu/normalize.h"

/* Word I of the space-separated S, if S has exactly N words; else NULL. */
static char *nth_word(const char *s, size_t n, size_t i)
{
    const char *w[TU_SPELL_MAX_WORDS + 1];
    size_t l[TU_SPELL_MAX_WORDS + 1], k = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = strchr(p, ' ');
        if (!e)
            e = p + strlen(p);
        if (k > TU_SPELL_MAX_WORDS)
            return NULL;
        w[k] = p;
        l[k++] = (size_t)(e - p);
        p = e;
    }
    return k == n && i < n ? strndup(w[i], l[i]) : NULL;
}

/* The corrected search for the typed query of R1 (found nothing), or NULL
 * when there is no correction or it finds nothing too. */
static tracuu_results_t *corrected_search(tracuu_db_t *db,
                                          const tracuu_search_req_t *req,
                                          const tracuu_results_t *r1)
{
    tu_parsed_t pq;
    if (tu_query_parse(db, req->query, &pq, NULL) != TRACUU_OK)
        return NULL;
    tracuu_results_t *r2 = NULL;
    tu_spell_t sp;
    if (!pq.only_words || pq.n_words == 0 || pq.n_words > TU_SPELL_MAX_WORDS ||
        tu_spell_correct(db, pq.words, pq.n_words, &sp) != 0) {
        tu_parsed_clear(&pq);
        return NULL;
    }
    tu_buf_t q;
    tu_buf_init(&q, TRACUU_MAX_QUERY_BYTES);
    for (size_t i = 0; i < pq.n_words; i++) {
        if (i)
            tu_buf_addc(&q, ' ');
        tu_buf_adds(&q, sp.fold[i] ? sp.shown[i] : pq.words[i]);
    }
    char *text = tu_buf_take(&q, NULL);
    tracuu_search_req_t req2 = *req;
    req2.query = text;
    req2.as_typed = 1;
    char *err = NULL;
    if (!text || tu_search_run(db, &req2, NULL, 1, &r2, &err) != TRACUU_OK ||
        r2->total == 0) {
        free(err);
        tracuu_results_free(r2);
        r2 = NULL;
    }
    if (r2) {
        /* shown: the words as typed, the corrected ones in the typed style
         * (with marks, from the matching documents, if the user typed
         * marks) */
        tu_buf_t d;
        tu_buf_init(&d, TRACUU_MAX_QUERY_BYTES);
        for (size_t i = 0; i < pq.n_words; i++) {
            if (i)
                tu_buf_addc(&d, ' ');
            char *marked = NULL;
            if (sp.fold[i] && pq.any_marks && r2->suggestion)
                marked = nth_word(r2->suggestion, pq.n_words, i);
            tu_buf_adds(&d, marked ? marked : sp.fold[i] ? sp.shown[i] : pq.words[i]);
            free(marked);
        }
        r2->corrected = tu_buf_take(&d, NULL);
        if (pq.any_marks || (r2->suggestion && r2->corrected &&
                             strcmp(r2->suggestion, r2->corrected) == 0)) {
            free(r2->suggestion);
            r2->suggestion = NULL;
        }
        free(r2->query);
        r2->query = strdup(r1->query ? r1->query : "");
        if (!r2->corrected || !r2->query) {
            tracuu_results_free(r2);
            r2 = NULL;
        }
    }
    free(text);
    tu_spell_clear(&sp);
    tu_parsed_clear(&pq);
    return r2;
}

tracuu_status_t tracuu_search(tracuu_db_t *db, const tracuu_search_req_t *req,
                              tracuu_results_t **out, char **errmsg)
{
    tracuu_status_t rc = tu_search_run(db, req, NULL, 0, out, errmsg);
    /* nothing found, or only documents holding part of the words (partial
     * matching, tu_partial.h): a correction holding all of them wins */
    if (rc != TRACUU_OK || !req->want_suggestion || req->as_typed ||
        ((*out)->total > 0 && !(*out)->partial) || req->offset > 0)
        return rc;
    tracuu_results_t *r2 = corrected_search(db, req, *out);
    if (r2 && (*out)->total > 0 && (r2->n_hits == 0 || r2->hits[0].partial)) {
        tracuu_results_free(r2);
        r2 = NULL;
    }
    if (r2) {
        tracuu_results_free(*out);
        *out = r2;
    }
    return TRACUU_OK;
}
