/* cgi_config: the database path of tracuu.cgi (see cgi_config.h). */
#include "cgi_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cgi_conf_db(const tracuu_config_t *c)
{
    const char *v = tracuu_config_get(c, "db");
    return v && *v ? strdup(v) : NULL;
}

char *cgi_config_db_path(void)
{
    const char *env = getenv("TRACUU_DB");
    if (env && *env) {
        char *s = strdup(env);
        if (!s)
            fprintf(stderr, "tracuu.cgi: out of memory\n");
        return s;
    }
    tracuu_config_t *c = NULL;
    char *err = NULL;
    if (tracuu_config_open(NULL, &c, &err) != 0) {
        fprintf(stderr, "tracuu.cgi: %s\n", err ? err : "out of memory");
        free(err);
        return NULL;
    }
    char *db = cgi_conf_db(c);
    if (!db)
        fprintf(stderr, "tracuu.cgi: no TRACUU_DB and no \"db = PATH\" line in %s\n",
                tracuu_config_name(c));
    tracuu_config_free(c);
    return db;
}
