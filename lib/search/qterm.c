/* Term-level pieces of the query parser: see tu_qterm.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search/tu_qterm.h"
#include "text/tu_joined.h"
#include "tracuu/schema.h"

#define KEY_MAX 256
#define NEAR_DEFAULT 10
#define NEAR_MAX 50
#define NEAR_SLACK 3   /* short words allowed between unquoted words */

tracuu_query_t *tu_qterm(const char *prefix, const char *key, size_t n)
{
    char term[KEY_MAX + 16];
    size_t pl = strlen(prefix);
    if (pl + n >= sizeof term)
        return NULL;
    memcpy(term, prefix, pl);
    memcpy(term + pl, key, n);
    return tracuu_query_term(term, pl + n, 1);
}

tracuu_query_t *tu_qterm_word(const char *prefix, const tracuu_token_t *t,
                              const char *key, size_t kl)
{
    tracuu_query_t *q = tu_qterm(prefix, key, kl);
    char joined[KEY_MAX];
    int jl = (t->flags & TRACUU_TOK_COMPOUND)
        ? tu_joined_form(t->s, t->len, joined, sizeof joined) : 0;
    if (jl <= 0 || !q || ((size_t)jl == kl && memcmp(joined, key, kl) == 0))
        return q;
    tracuu_query_t *alt[2] = {q, tu_qterm(prefix, joined, (size_t)jl)};
    return tracuu_query_combine(TRACUU_OP_OR, alt, 2, 0);
}

/* ------------------------------------------------------------ prefix* */

typedef struct {
    tracuu_query_t **terms;
    size_t n;
    int over;
} expand_t;

static int expand_cb(const char *term, size_t len, uint32_t df, uint32_t cf,
                     void *ctx)
{
    (void)df;
    (void)cf;
    expand_t *e = ctx;
    if (e->n >= TU_WILDCARD_MAX) {
        e->over = 1;
        return 1;
    }
    e->terms[e->n] = tracuu_query_term(term, len, 1);
    if (e->terms[e->n])
        e->n++;
    return 0;
}

static char *wildcard_error(const char *typed, size_t tl, const char *why)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%.*s*: %s", (int)(tl > 200 ? 200 : tl), typed, why);
    return strdup(msg);
}

tracuu_query_t *tu_wildcard_query(tracuu_db_t *db, const char *prefix,
                                  const char *key, size_t kl, int positional,
                                  const char *typed, size_t tl, char **err)
{
    *err = NULL;
    if (kl < TU_WILDCARD_MIN) {
        char why[128];
        snprintf(why, sizeof why,
                 "type at least %d letters before the * (a shorter prefix "
                 "stands for too many words)", TU_WILDCARD_MIN);
        *err = wildcard_error(typed, tl, why);
        return NULL;
    }
    char full[KEY_MAX + 16];
    size_t pl = strlen(prefix);
    if (pl + kl >= sizeof full) {
        *err = wildcard_error(typed, tl, "prefix too long");
        return NULL;
    }
    memcpy(full, prefix, pl);
    memcpy(full + pl, key, kl);
    full[pl + kl] = '\0';
    if (!db)  /* nothing to expand against (parser tests) */
        return positional ? tracuu_query_term(full, pl + kl, 1)
                          : tracuu_query_wildcard(full, pl + kl, TU_WILDCARD_MAX, 1);
    /* Count (and, in a phrase, collect) the words: never more than the cap,
     * so the search itself can never be slow. */
    expand_t e = {calloc(TU_WILDCARD_MAX, sizeof *e.terms), 0, 0};
    if (!e.terms)
        return NULL;
    tracuu_status_t rc = tracuu_db_all_terms(db, full, expand_cb, &e);
    tracuu_query_t *q = NULL;
    if (rc == TRACUU_OK && e.over) {
        char why[160];
        snprintf(why, sizeof why, "more than %d words start so: type more "
                 "letters before the *", TU_WILDCARD_MAX);
        *err = wildcard_error(typed, tl, why);
    } else if (rc == TRACUU_OK && positional) {
        q = e.n ? tracuu_query_combine(TRACUU_OP_OR, e.terms, e.n, 0)
                : tracuu_query_match_nothing();
        e.n = 0;
    } else if (rc == TRACUU_OK) {
        q = e.n ? tracuu_query_wildcard(full, pl + kl, TU_WILDCARD_MAX, 1)
                : tracuu_query_match_nothing();
    } else {
        *err = wildcard_error(typed, tl, tracuu_db_last_error(db));
    }
    for (size_t i = 0; i < e.n; i++)
        tracuu_query_free(e.terms[i]);
    free(e.terms);
    return q;
}

tracuu_query_t *tu_wildcard_exact(const char *exact, size_t el)
{
    char full[KEY_MAX + 16];
    if (el == 0 || el + 2 >= sizeof full)
        return NULL;
    memcpy(full, TU_PREFIX_EXACT, 2);
    memcpy(full + 2, exact, el);
    return tracuu_query_wildcard(full, el + 2, TU_WILDCARD_MAX, 0);
}

/* ------------------------------------------------------------- nearness */

int tu_near_operator(const char *s, size_t n, unsigned *gap)
{
    if (n < 4 || memcmp(s, "NEAR", 4) != 0)
        return 0;
    if (n == 4) {
        *gap = NEAR_DEFAULT;
        return 1;
    }
    if (s[4] != '/')
        return 0;
    unsigned v = 0;
    if (n == 5 || n > 7)
        return -1;
    for (size_t i = 5; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    if (v > NEAR_MAX)
        return -1;
    *gap = v;
    return 1;
}

tracuu_query_t *tu_near_query(tracuu_query_t **q, size_t n, unsigned gap)
{
    return tracuu_query_combine(TRACUU_OP_NEAR, q, n, (uint32_t)(n + gap));
}

tracuu_query_t *tu_near_boost(char *const *keys, size_t n)
{
    if (n < 2 || n > 64)
        return NULL;
    tracuu_query_t *t[64];
    for (size_t i = 0; i < n; i++)
        t[i] = tracuu_query_term(keys[i], strlen(keys[i]), 1);
    return tu_near_query(t, n, NEAR_SLACK);
}
