/* One display name per model: see tu_modelforms.h.  "Dân vận khéo",
 * "DÂN VẬN KHÉO", "Dan van kheo" and “Dân vận Khéo” share the key "dan
 * van kheo"; the listing shows the form most documents use, preferring one
 * with marks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "index/tu_modelforms.h"
#include "base/tu_buf.h"
#include "tracuu/normalize.h"

#define MAX_FORMS 32

/* Marked letters in S (more is better; "DÂN VẬN KHÉO" loses to "Dân vận
 * khéo" only on count, not on marks). */
static int marked(const char *s)
{
    return tracuu_has_marks(s, strlen(s));
}

/* Upper-case letters: fewer is better on a tie ("Dân vận khéo" before
 * "DÂN VẬN KHÉO", a heading's spelling). */
static size_t capitals(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            n++;
    return n;
}

/* The lines "COUNT\tFORM" of TEXT (modified in place) into FORMS/COUNTS,
 * adding ADD times each form already there; returns the new count N. */
static size_t parse_forms(char *text, char **forms, long *counts, size_t n)
{
    for (char *p = text; p && *p && n < MAX_FORMS;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *tab = strchr(p, '\t');
        if (tab) {
            long c = strtol(p, NULL, 10);
            size_t i = 0;
            while (i < n && strcmp(forms[i], tab + 1) != 0)
                i++;
            if (i < n) {
                counts[i] += c;
            } else {
                counts[n] = c;
                forms[n++] = tab + 1;
            }
        }
        p = nl ? nl + 1 : p + strlen(p);
    }
    return n;
}

static size_t best_form(char *const *forms, const long *counts, size_t n)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++) {
        int mi = marked(forms[i]) > 0, mb = marked(forms[best]) > 0;
        if (mi != mb) {
            if (mi)
                best = i;
        } else if (counts[i] != counts[best]) {
            if (counts[i] > counts[best])
                best = i;
        } else if (capitals(forms[i]) < capitals(forms[best])) {
            best = i;
        }
    }
    return best;
}

static char *format_forms(char *const *forms, const long *counts, size_t n, size_t *len)
{
    tu_buf_t b;
    tu_buf_init(&b, 1 << 20);
    for (size_t i = 0; i < n; i++)
        tu_buf_printf(&b, "%ld\t%s\n", counts[i], forms[i]);
    if (b.failed || !b.p) {
        tu_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.p;
}

int tu_model_form_add(tracuu_db_t *db, const char *key, const char *form)
{
    char mk[700];
    if (snprintf(mk, sizeof mk, "modelforms:%s", key) >= (int)sizeof mk)
        return 0;
    char *old = NULL;
    size_t ol = 0;
    if (tracuu_db_get_metadata(db, mk, &old, &ol) != TRACUU_OK) {
        free(old);
        old = NULL;
        ol = 0;
    }
    char *forms[MAX_FORMS];
    long counts[MAX_FORMS];
    size_t n = parse_forms(old, forms, counts, 0);
    size_t i = 0;
    while (i < n && strcmp(forms[i], form) != 0)
        i++;
    if (i < n) {
        counts[i]++;
    } else if (n < MAX_FORMS) {
        forms[n] = (char *)form;
        counts[n++] = 1;
    }
    size_t best = best_form(forms, counts, n);
    size_t len = 0;
    char *text = format_forms(forms, counts, n, &len);
    int rc = 0;
    char dk[700];
    snprintf(dk, sizeof dk, "model:%s", key);
    if (!text ||
        tracuu_db_set_metadata(db, mk, text, len) != TRACUU_OK ||
        (n && tracuu_db_set_metadata(db, dk, forms[best], strlen(forms[best]))
                  != TRACUU_OK))
        rc = -1;
    free(text);
    free(old);
    return rc;
}

char *tu_model_forms_merge(const char *const *tags, const size_t *lens, size_t n_tags,
                           size_t *len)
{
    char *copy[64];
    char *forms[MAX_FORMS];
    long counts[MAX_FORMS] = {0};
    size_t n = 0, k = 0;
    forms[0] = NULL;
    for (; k < n_tags && k < 64; k++) {
        copy[k] = malloc(lens[k] + 1);
        if (!copy[k])
            break;
        memcpy(copy[k], tags[k], lens[k]);
        copy[k][lens[k]] = '\0';
        n = parse_forms(copy[k], forms, counts, n);
    }
    char *out = k == n_tags ? format_forms(forms, counts, n, len) : NULL;
    for (size_t i = 0; i < k; i++)
        free(copy[i]);
    return out;
}

char *tu_model_forms_best(const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    char *forms[MAX_FORMS];
    long counts[MAX_FORMS];
    size_t n = parse_forms(copy, forms, counts, 0);
    char *best = n ? strdup(forms[best_form(forms, counts, n)]) : NULL;
    free(copy);
    return best;
}
