/* The indexer's settings from the configuration file (include/tracuu/
 * config.h); command-line options are applied after, so they win. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "indexer.h"

/* Report ERR (from a typed read) and return -1. */
static int bad(char *err)
{
    fprintf(stderr, "tracuu-index: %s\n", err ? err : "out of memory");
    free(err);
    return -1;
}

int ix_settings_apply(const tracuu_config_t *c, ix_opts_t *o)
{
    char *err = NULL;
    long v;
    int b, rc;
    const char *db = tracuu_config_get(c, "db");
    if (db && *db)
        o->db_path = db;
    if ((rc = tracuu_config_bool(c, "ocr", &b, &err)) < 0)
        return bad(err);
    if (rc == 0)
        o->xopts.ocr = b;
    if ((rc = tracuu_config_long(c, "max_size_mb", 1, 1 << 20, &v, &err)) < 0)
        return bad(err);
    if (rc == 0)
        o->xopts.max_file_bytes = (size_t)v << 20;
    if ((rc = tracuu_config_long(c, "timeout", 1, 86400, &v, &err)) < 0)
        return bad(err);
    if (rc == 0)
        o->xopts.helper_timeout_s = (unsigned)v;
    if ((rc = tracuu_config_long(c, "jobs", 1, 64, &v, &err)) < 0)
        return bad(err);
    if (rc == 0)
        o->jobs = (unsigned)v;
    if ((rc = tracuu_config_long(c, "watch_delay_ms", 0, 600000, &v, &err)) < 0)
        return bad(err);
    if (rc == 0)
        o->watch_delay_ms = (unsigned)v;
    if ((rc = tracuu_config_long(c, "commit_interval", 1, 86400, &v, &err)) < 0)
        return bad(err);
    if (rc == 0)
        o->commit_interval = (unsigned)v;
    size_t no = tracuu_config_count(c, "allow_outside_root");
    if (no) {
        const char **p = calloc(no, sizeof *p);
        if (!p)
            return bad(NULL);
        for (size_t i = 0; i < no; i++) {
            p[i] = tracuu_config_nth(c, "allow_outside_root", i);
            if (p[i][0] != '/') {
                free(p);
                fprintf(stderr, "tracuu-index: %s: allow_outside_root: '%s' is not an "
                        "absolute folder\n", tracuu_config_name(c), tracuu_config_nth(c, "allow_outside_root", i));
                return -1;
            }
        }
        o->outside = p;
        o->n_outside = no;
        o->outside_owned = p;
    }
    size_t n = tracuu_config_count(c, "exclude");
    if (n) {
        const char **p = calloc(n, sizeof *p);
        if (!p)
            return bad(NULL);
        for (size_t i = 0; i < n; i++)
            p[i] = tracuu_config_nth(c, "exclude", i);
        o->exclude = p;
        o->n_exclude = n;
        ix_exclude_set(p, n);
    }
    return 0;
}
