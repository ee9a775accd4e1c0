/* cgi_access: the [access] section of the configuration (see cgi_access.h). */
#include "cgi_access.h"
#include "cgi_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONF_BYTES (1u << 20)

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

int cgi_access_from_text(const char *text, size_t len, tracuu_access_t *a,
                         char **err)
{
    *err = NULL;
    int in_access = 0;
    unsigned lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        lineno++;
        size_t s = 0, e = n;
        while (s < e && blank(line[s])) s++;
        while (e > s && blank(line[e - 1])) e--;
        if (s == e || line[s] == '#')
            continue;
        if (line[s] == '[') {
            in_access = e - s == 8 && memcmp(line + s, "[access]", 8) == 0;
            continue;
        }
        if (!in_access)
            continue;
        const char *eq = memchr(line + s, '=', e - s);
        if (!eq)
            continue;
        size_t ke = (size_t)(eq - line);
        while (ke > s && blank(line[ke - 1])) ke--;
        size_t vs = (size_t)(eq - line) + 1;
        while (vs < e && blank(line[vs])) vs++;
        char *key = strndup(line + s, ke - s);
        char *val = strndup(line + vs, e - vs);
        char *m = NULL;
        int rc = key && val ? tracuu_access_set(a, key, val, &m) : -1;
        free(key);
        free(val);
        if (rc != 0) {
            size_t ml = (m ? strlen(m) : 16) + 32;
            if ((*err = malloc(ml)))
                snprintf(*err, ml, "line %u: %s", lineno, m ? m : "out of memory");
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
    const char *conf = getenv("TRACUU_CONF");
    if (!conf || !*conf)
        conf = CGI_CONF_DEFAULT;
    FILE *f = fopen(conf, "rb");
    if (!f) {
        if (errno == ENOENT)
            return 0;   /* no configuration: no access control */
        size_t l = strlen(conf) + 64;   /* unreadable: fail closed */
        if ((*err = malloc(l)))
            snprintf(*err, l, "%s: %s", conf, strerror(errno));
        return -1;
    }
    char *buf = malloc(MAX_CONF_BYTES);
    size_t n = buf ? fread(buf, 1, MAX_CONF_BYTES, f) : 0;
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        *err = strdup("cannot read the configuration");
        return -1;
    }
    char *m = NULL;
    int rc = cgi_access_from_text(buf, n, *out, &m);
    free(buf);
    if (rc != 0) {
        size_t l = strlen(conf) + (m ? strlen(m) : 0) + 4;
        if ((*err = malloc(l)))
            snprintf(*err, l, "%s:%s", conf, m ? m : "");
        free(m);
    }
    return rc;
}
