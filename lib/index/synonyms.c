/* Abbreviation synonyms: see tu_synonyms.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "index/tu_synonyms.h"

#define SYN_META_MAX 200    /* Xapian metadata keys stay short */
#include "tracuu/normalize.h"
#include "tracuu/tokenize.h"

typedef struct {
    char *out;
    size_t cap, len;
    int overflow;
} key_ctx_t;

static int key_cb(const tracuu_token_t *t, void *ctx)
{
    key_ctx_t *k = ctx;
    if (t->flags & TRACUU_TOK_PART)
        return 0;  /* the compound stands whole */
    size_t at = k->len + (k->len ? 1 : 0);
    if (at >= k->cap) {
        k->overflow = 1;
        return 1;
    }
    int l = tracuu_norm_fold(t->s, t->len, k->out + at, k->cap - at);
    if (l < 0) {
        k->overflow = 1;
        return 1;
    }
    if (l == 0)
        return 0;
    if (k->len)
        k->out[k->len] = ' ';
    k->len = at + (size_t)l;
    return 0;
}

int tu_syn_key(const char *s, size_t n, char *out, size_t cap)
{
    if (cap == 0)
        return -1;
    key_ctx_t k = {out, cap, 0, 0};
    out[0] = '\0';
    tracuu_tokenize(s, n, 0, key_cb, &k);
    if (k.overflow)
        return -1;
    out[k.len] = '\0';
    return (int)k.len;
}

int tu_syn_add_pair(tracuu_db_t *db, const char *abbr, const char *expansion)
{
    char a[256], e[1024];
    int al = tu_syn_key(abbr, strlen(abbr), a, sizeof a);
    if (al <= 0 || tu_syn_key(expansion, strlen(expansion), e, sizeof e) <= 0 ||
        strcmp(a, e) == 0)
        return 0;  /* nothing sensible to record */
    /* An abbreviation that folds to a Vietnamese syllable (ĐU -> "du",
     * TU -> "tu", HU -> "hu") would make "dự", "tự", "hư" mean đảng ủy,
     * tỉnh ủy, huyện ủy: the folded index cannot tell them apart, so such
     * pairs are left out (coquan:HU still finds those issuers). */
    if (tracuu_is_vn_syllable(a, (size_t)al))
        return 0;
    if (tracuu_db_add_synonym(db, a, e) != TRACUU_OK ||
        tracuu_db_add_synonym(db, e, a) != TRACUU_OK)
        return -1;
    const char *keys[2] = {a, e}, *forms[2] = {abbr, expansion};
    for (int i = 0; i < 2; i++) {
        char mk[SYN_META_MAX + 8];
        snprintf(mk, sizeof mk, "syn:%s", keys[i]);
        if (strlen(keys[i]) > SYN_META_MAX)
            continue;
        char *old = tu_syn_display(db, keys[i]);   /* the first form stays */
        if (!old && tracuu_db_set_metadata(db, mk, forms[i], strlen(forms[i]))
                        != TRACUU_OK)
            return -1;
        free(old);
    }
    return 0;
}

char *tu_syn_display(tracuu_db_t *db, const char *key)
{
    char mk[SYN_META_MAX + 8];
    if (strlen(key) > SYN_META_MAX)
        return NULL;
    snprintf(mk, sizeof mk, "syn:%s", key);
    char *v = NULL;
    size_t len = 0;
    if (tracuu_db_get_metadata(db, mk, &v, &len) == TRACUU_OK && v && len)
        return v;
    free(v);
    return NULL;
}
