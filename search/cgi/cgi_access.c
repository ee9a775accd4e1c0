/* cgi_access: the [access] section of the configuration (see cgi_access.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cgi_access.h"

#define SECTION "access."

int cgi_access_from_config(const tracuu_config_t *c, tracuu_access_t *a,
                           char **err)
{
    *err = NULL;
    size_t n = tracuu_config_size(c);
    for (size_t i = 0; i < n; i++) {
        const char *key, *val;
        unsigned line;
        if (tracuu_config_entry(c, i, &key, &val, &line) != 0 ||
            strncmp(key, SECTION, strlen(SECTION)) != 0)
            continue;
        char *m = NULL;
        if (tracuu_access_set(a, key + strlen(SECTION), val, &m) != 0) {
            const char *name = tracuu_config_name(c);
            size_t ml = strlen(name) + (m ? strlen(m) : 16) + 32;
            if ((*err = malloc(ml)))
                snprintf(*err, ml, "%s:%u: %s", name, line, m ? m : "out of memory");
            free(m);
            return -1;
        }
    }
    return 0;
}

int cgi_access_load(tracuu_access_t **out, char **err)
{
    *err = NULL;
    *out = tracuu_access_new();
    if (!*out) {
        *err = strdup("out of memory");
        return -1;
    }
    tracuu_config_t *c = NULL;
    if (tracuu_config_open(NULL, &c, err) != 0) {
        if (!*err)
            *err = strdup("out of memory");
        return -1;   /* unreadable or malformed: fail closed */
    }
    int rc = cgi_access_from_config(c, *out, err);
    tracuu_config_free(c);
    return rc;
}
