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
    /* parse the lines, count FORM */
    char *forms[MAX_FORMS];
    long counts[MAX_FORMS];
    size_t n = 0;
    int found = 0;
    for (char *p = old; p && *p && n < MAX_FORMS;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *tab = strchr(p, '\t');
        if (tab) {
            counts[n] = strtol(p, NULL, 10);
            forms[n] = tab + 1;
            if (strcmp(forms[n], form) == 0) {
                counts[n]++;
                found = 1;
            }
            n++;
        }
        p = nl ? nl + 1 : p + strlen(p);
    }
    if (!found && n < MAX_FORMS) {
        forms[n] = (char *)form;
        counts[n++] = 1;
    }
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
    tu_buf_t b;
    tu_buf_init(&b, 1 << 20);
    for (size_t i = 0; i < n; i++)
        tu_buf_printf(&b, "%ld\t%s\n", counts[i], forms[i]);
    int rc = 0;
    char dk[700];
    snprintf(dk, sizeof dk, "model:%s", key);
    if (b.failed ||
        tracuu_db_set_metadata(db, mk, b.p, b.len) != TRACUU_OK ||
        (n && tracuu_db_set_metadata(db, dk, forms[best], strlen(forms[best]))
                  != TRACUU_OK))
        rc = -1;
    tu_buf_free(&b);
    free(old);
    return rc;
}
