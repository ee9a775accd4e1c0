/* The configuration file: see include/tracuu/config.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/config.h"
#include <strings.h>
#include "base/tu_args.h"

#define MAX_CONF_BYTES (1u << 20)
#define MAX_KEY 128

const char *const tracuu_config_known_keys[] = {
    "db",            /* the database folder (all programs) */
    "root",          /* a folder to index; repeat for several */
    "exclude",       /* a folder name or shell pattern not to index; repeats */
    "ocr",           /* yes: read scanned PDFs and images */
    "max_size_mb",   /* skip larger files */
    "timeout",       /* seconds per helper program */
    "jobs",          /* indexer worker threads */
    "watch_delay_ms",/* --watch: quiet time before indexing a change */
    "serve_files",   /* tracuu.cgi: "no" turns off the link to the original */
    "commit_interval",   /* indexer: commit at least every N seconds */
    "allow_outside_root",/* a folder outside the roots links may lead into */
    "access.*",      /* tracuu.cgi: who may see which folders (access.h) */
    NULL,
};

typedef struct {
    char *key, *value;
    unsigned line;
} entry_t;

struct tracuu_config {
    char *name;
    entry_t *e;
    size_t n, cap;
};

static char *fmt_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

static int valid_name(const char *s, size_t n)
{
    if (n == 0 || n >= MAX_KEY || s[0] == '.' || s[n - 1] == '.')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!key_char(s[i]))
            return 0;
    return 1;
}

static int add(tracuu_config_t *c, const char *sect, size_t sl, const char *key,
               size_t kl, const char *val, size_t vl, unsigned line)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        entry_t *e = realloc(c->e, cap * sizeof *e);
        if (!e)
            return -1;
        c->e = e;
        c->cap = cap;
    }
    entry_t *e = &c->e[c->n];
    e->key = malloc(sl + (sl ? 1 : 0) + kl + 1);
    e->value = malloc(vl + 1);
    if (!e->key || !e->value) {
        free(e->key);
        free(e->value);
        return -1;
    }
    char *k = e->key;
    if (sl) {
        memcpy(k, sect, sl);
        k[sl] = '.';
        k += sl + 1;
    }
    memcpy(k, key, kl);
    k[kl] = '\0';
    memcpy(e->value, val, vl);
    e->value[vl] = '\0';
    e->line = line;
    c->n++;
    return 0;
}

int tracuu_config_parse(const char *text, size_t len, const char *name,
                        tracuu_config_t **out, char **err)
{
    *out = NULL;
    *err = NULL;
    tracuu_config_t *c = calloc(1, sizeof *c);
    if (!c || !(c->name = strdup(name ? name : "(config)"))) {
        free(c);
        return -1;
    }
    char sect[MAX_KEY];
    size_t sl = 0;
    unsigned line = 0;
    size_t pos = 0;
    /* a UTF-8 byte order mark, as some Windows editors write */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        if (memchr(s, '\0', n)) {
            *err = fmt_err("%s:%u: a NUL byte: not a text file", c->name, line);
            goto fail;
        }
        size_t a = 0, b = n;
        while (a < b && blank(s[a])) a++;
        while (b > a && blank(s[b - 1])) b--;
        if (a == b || s[a] == '#' || s[a] == ';')
            continue;
        if (s[a] == '[') {
            if (s[b - 1] != ']' || !valid_name(s + a + 1, b - a - 2)) {
                *err = fmt_err("%s:%u: malformed section header '%.*s' (want "
                               "[name], letters, digits, _ - .)", c->name, line,
                               (int)(b - a), s + a);
                goto fail;
            }
            sl = b - a - 2;
            memcpy(sect, s + a + 1, sl);
            continue;
        }
        const char *eq = memchr(s + a, '=', b - a);
        if (!eq) {
            *err = fmt_err("%s:%u: '%.*s' is not a setting (want key = value)",
                           c->name, line, (int)(b - a), s + a);
            goto fail;
        }
        size_t ke = (size_t)(eq - s);
        while (ke > a && blank(s[ke - 1])) ke--;
        size_t vs = (size_t)(eq - s) + 1;
        while (vs < b && blank(s[vs])) vs++;
        if (!valid_name(s + a, ke - a)) {
            *err = fmt_err("%s:%u: bad key '%.*s' (letters, digits, _ - . only)",
                           c->name, line, (int)(ke - a), s + a);
            goto fail;
        }
        if (sl + 1 + (ke - a) >= MAX_KEY) {
            *err = fmt_err("%s:%u: key too long", c->name, line);
            goto fail;
        }
        if (add(c, sect, sl, s + a, ke - a, s + vs, b - vs, line) != 0)
            goto fail;
    }
    *out = c;
    return 0;
fail:
    tracuu_config_free(c);
    return -1;
}

int tracuu_config_load(const char *path, tracuu_config_t **out, char **err)
{
    *out = NULL;
    *err = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = fmt_err("%s: %s", path, strerror(errno));
        return -1;
    }
    char *buf = malloc(MAX_CONF_BYTES + 1);
    if (!buf) {
        fclose(f);
        return -1;
    }
    size_t n = fread(buf, 1, MAX_CONF_BYTES + 1, f);
    int rerr = ferror(f);
    int e = errno;
    fclose(f);
    int rc = -1;
    if (rerr)
        *err = fmt_err("%s: %s", path, strerror(e));
    else if (n > MAX_CONF_BYTES)
        *err = fmt_err("%s: larger than 1 MiB: not a configuration file", path);
    else
        rc = tracuu_config_parse(buf, n, path, out, err);
    free(buf);
    return rc;
}

const char *tracuu_config_choose(const char *explicit_path, int *required)
{
    *required = 1;
    if (explicit_path)
        return explicit_path;
    const char *env = getenv("TRACUU_CONF");
    if (env && *env)
        return env;
    *required = 0;
    return TRACUU_CONF_DEFAULT;
}

int tracuu_config_open(const char *explicit_path, tracuu_config_t **out,
                       char **err)
{
    int required;
    const char *path = tracuu_config_choose(explicit_path, &required);
    *out = NULL;
    *err = NULL;
    if (!required) {
        FILE *f = fopen(path, "rb");
        if (!f && errno == ENOENT)   /* no file: an empty configuration */
            return tracuu_config_parse("", 0, path, out, err);
        if (f)
            fclose(f);
    }
    return tracuu_config_load(path, out, err);
}

void tracuu_config_free(tracuu_config_t *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->e[i].key);
        free(c->e[i].value);
    }
    free(c->e);
    free(c->name);
    free(c);
}

const char *tracuu_config_name(const tracuu_config_t *c)
{
    return c ? c->name : "";
}

static const entry_t *last(const tracuu_config_t *c, const char *key)
{
    if (!c)
        return NULL;
    for (size_t i = c->n; i-- > 0;)
        if (strcmp(c->e[i].key, key) == 0)
            return &c->e[i];
    return NULL;
}

const char *tracuu_config_get(const tracuu_config_t *c, const char *key)
{
    const entry_t *e = last(c, key);
    return e ? e->value : NULL;
}

size_t tracuu_config_count(const tracuu_config_t *c, const char *key)
{
    size_t k = 0;
    for (size_t i = 0; c && i < c->n; i++)
        k += strcmp(c->e[i].key, key) == 0;
    return k;
}

const char *tracuu_config_nth(const tracuu_config_t *c, const char *key,
                              size_t i)
{
    for (size_t j = 0; c && j < c->n; j++)
        if (strcmp(c->e[j].key, key) == 0 && i-- == 0)
            return c->e[j].value;
    return NULL;
}

size_t tracuu_config_size(const tracuu_config_t *c)
{
    return c ? c->n : 0;
}

int tracuu_config_entry(const tracuu_config_t *c, size_t i, const char **key,
                        const char **value, unsigned *line)
{
    if (!c || i >= c->n)
        return -1;
    if (key) *key = c->e[i].key;
    if (value) *value = c->e[i].value;
    if (line) *line = c->e[i].line;
    return 0;
}

int tracuu_config_long(const tracuu_config_t *c, const char *key, long lo,
                       long hi, long *out, char **err)
{
    *err = NULL;
    const entry_t *e = last(c, key);
    if (!e)
        return 1;
    if (tu_arg_long(e->value, lo, hi, out) != 0) {
        *err = fmt_err("%s:%u: %s: '%s' is not a whole number in %ld..%ld",
                       c->name, e->line, key, e->value, lo, hi);
        return -1;
    }
    return 0;
}

int tracuu_config_bool(const tracuu_config_t *c, const char *key, int *out,
                       char **err)
{
    static const char *const yes[] = {"yes", "true", "on", "1", NULL};
    static const char *const no[] = {"no", "false", "off", "0", NULL};
    *err = NULL;
    const entry_t *e = last(c, key);
    if (!e)
        return 1;
    for (int i = 0; yes[i]; i++) {
        if (strcasecmp(e->value, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(e->value, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    *err = fmt_err("%s:%u: %s: '%s' is not yes or no", c->name, e->line, key,
                   e->value);
    return -1;
}

static int known(const char *key)
{
    for (size_t i = 0; tracuu_config_known_keys[i]; i++) {
        const char *k = tracuu_config_known_keys[i];
        size_t kl = strlen(k);
        if (kl >= 2 && strcmp(k + kl - 2, ".*") == 0) {
            if (strncmp(key, k, kl - 1) == 0)
                return 1;
        } else if (strcmp(key, k) == 0) {
            return 1;
        }
    }
    return 0;
}

size_t tracuu_config_warn_unknown(const tracuu_config_t *c, const char *prog)
{
    size_t k = 0;
    for (size_t i = 0; c && i < c->n; i++)
        if (!known(c->e[i].key)) {
            fprintf(stderr, "%s: %s:%u: unknown key '%s' (ignored)\n", prog,
                    c->name, c->e[i].line, c->e[i].key);
            k++;
        }
    return k;
}
