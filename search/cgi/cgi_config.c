/* cgi_config: the database path of tracuu.cgi (see cgi_config.h). */
#include "cgi_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_CONF_BYTES 65536

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

char *cgi_conf_db_from_text(const char *text, size_t len)
{
    char *found = NULL;
    size_t pos = 0;
    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        size_t a = 0, b = n;
        while (a < b && blank(line[a])) a++;
        while (b > a && blank(line[b - 1])) b--;
        if (a == b || line[a] == '#')
            continue;
        const char *eq = memchr(line + a, '=', b - a);
        if (!eq)
            continue;
        size_t ke = (size_t)(eq - line);
        while (ke > a && blank(line[ke - 1])) ke--;
        size_t vs = (size_t)(eq - line) + 1;
        while (vs < b && blank(line[vs])) vs++;
        if (ke - a != 2 || memcmp(line + a, "db", 2) != 0 || vs == b)
            continue;
        char *v = malloc(b - vs + 1);
        if (!v)
            break;
        memcpy(v, line + vs, b - vs);
        v[b - vs] = '\0';
        if (memchr(v, '\0', b - vs)) {   /* NUL inside: not a path */
            free(v);
            continue;
        }
        free(found);
        found = v;   /* the last db line wins */
    }
    return found;
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
    const char *conf = getenv("TRACUU_CONF");
    if (!conf || !*conf)
        conf = CGI_CONF_DEFAULT;
    FILE *f = fopen(conf, "rb");
    if (!f) {
        fprintf(stderr, "tracuu.cgi: no TRACUU_DB and cannot read %s\n", conf);
        return NULL;
    }
    char *buf = malloc(MAX_CONF_BYTES);
    size_t n = buf ? fread(buf, 1, MAX_CONF_BYTES, f) : 0;
    fclose(f);
    char *db = buf ? cgi_conf_db_from_text(buf, n) : NULL;
    free(buf);
    if (!db)
        fprintf(stderr, "tracuu.cgi: no \"db = PATH\" line in %s\n", conf);
    return db;
}
