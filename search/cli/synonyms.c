/* tracuu-search --synonyms: the abbreviation pairs the database knows
 * (curated list and pairs learned from the archive). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/xdb.h"
#include "base/tu_buf.h"
#include "render/tu_json.h"
#include "index/tu_synonyms.h"

typedef struct {
    tracuu_db_t *db;
    int json, first;
    const char *key;
} syn_t;

static int value_cb(const char *s0, size_t len0, void *ctx)
{
    syn_t *y = ctx;
    /* the forms with marks when the database recorded them */
    char *vk = strndup(s0, len0);
    char *vd = vk ? tu_syn_display(y->db, vk) : NULL;
    const char *s = vd ? vd : s0;
    size_t len = vd ? strlen(vd) : len0;
    char *kd = tu_syn_display(y->db, y->key);
    const char *key = kd ? kd : y->key;
    if (y->json) {
        tu_buf_t b;
        tu_buf_init(&b, 1 << 16);
        tu_buf_adds(&b, y->first ? "" : ",");
        tu_buf_adds(&b, "{\"key\":");          /* folded, as before */
        tu_json_str(&b, y->key);
        tu_buf_adds(&b, ",\"synonym\":");
        tu_json_string(&b, s0, len0);
        tu_buf_adds(&b, ",\"key_marked\":");  /* the forms with marks */
        tu_json_str(&b, key);
        tu_buf_adds(&b, ",\"synonym_marked\":");
        tu_json_string(&b, s, len);
        tu_buf_adds(&b, "}");
        if (b.p)
            fputs(b.p, stdout);
        tu_buf_free(&b);
    } else {
        printf("%s = %.*s\n", key, (int)len, s);
    }
    y->first = 0;
    free(vk);
    free(vd);
    free(kd);
    return 0;
}

static int key_cb(const char *s, size_t len, void *ctx)
{
    syn_t *y = ctx;
    /* list each pair once: from the abbreviation (the one-word key) */
    if (memchr(s, ' ', len))
        return 0;
    char *key = strndup(s, len);
    if (!key)
        return 1;
    y->key = key;
    tracuu_db_synonyms(y->db, key, value_cb, y);
    free(key);
    return 0;
}

int cli_synonyms(tracuu_db_t *db, int json)
{
    syn_t y = {db, json, 1, NULL};
    if (json)
        fputs("{\"synonyms\":[", stdout);
    tracuu_status_t rc = tracuu_db_synonym_keys(db, "", key_cb, &y);
    if (json)
        fputs("]}\n", stdout);
    if (rc != TRACUU_OK) {
        fprintf(stderr, "tracuu-search: %s\n", tracuu_db_last_error(db));
        return 1;
    }
    return 0;
}
