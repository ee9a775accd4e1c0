/* Access control on the search page: users and groups -> folders -> the
 * database handle's scope (see include/tracuu/access.h). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tracuu/access.h"
#include "tracuu/schema.h"
#include "index/tu_indexdoc.h"

#define MAX_GROUPS_FILE (4u << 20)

typedef struct {
    int is_group;
    char *name;
    char *folder;     /* absolute, no trailing '/', or "*" */
} rule_t;

struct tracuu_access {
    rule_t *rules;
    size_t n, cap;
    char *groups_file;
    char *groups_var;
};

tracuu_access_t *tracuu_access_new(void)
{
    return calloc(1, sizeof(tracuu_access_t));
}

void tracuu_access_free(tracuu_access_t *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++) {
        free(a->rules[i].name);
        free(a->rules[i].folder);
    }
    free(a->rules);
    free(a->groups_file);
    free(a->groups_var);
    free(a);
}

static int errf(char **err, const char *fmt, const char *a, const char *b)
{
    if (err) {
        size_t n = strlen(fmt) + strlen(a) + strlen(b) + 1;
        *err = malloc(n);
        if (*err)
            snprintf(*err, n, fmt, a, b);
    }
    return -1;
}

static int add_rule(tracuu_access_t *a, int is_group, const char *name,
                    const char *folder, char **err)
{
    size_t fl = strlen(folder);
    if (strspn(folder, "/") == fl && fl)
        folder = "*";   /* the whole file system: everything */
    if (strcmp(folder, "*") != 0) {
        if (folder[0] != '/')
            return errf(err, "access: %s: '%s' is not an absolute folder (or *)",
                        name, folder);
        while (fl > 1 && folder[fl - 1] == '/')
            fl--;
    }
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        rule_t *r = realloc(a->rules, cap * sizeof *r);
        if (!r)
            return errf(err, "access: %s%s: out of memory", name, "");
        a->rules = r;
        a->cap = cap;
    }
    rule_t *r = &a->rules[a->n];
    r->is_group = is_group;
    r->name = strdup(name);
    r->folder = strndup(folder, fl);
    if (!r->name || !r->folder) {
        free(r->name);
        free(r->folder);
        return errf(err, "access: %s%s: out of memory", name, "");
    }
    a->n++;
    return 0;
}

int tracuu_access_set(tracuu_access_t *a, const char *key, const char *value,
                      char **err)
{
    if (err)
        *err = NULL;
    if (!a || !key || !value)
        return errf(err, "access: %s%s: missing key or value", key ? key : "", "");
    if (strncmp(key, "access.", 7) == 0)
        key += 7;
    if (strncmp(key, "user.", 5) == 0 && key[5])
        return add_rule(a, 0, key + 5, value, err);
    if (strncmp(key, "group.", 6) == 0 && key[6])
        return add_rule(a, 1, key + 6, value, err);
    if (strcmp(key, "groups_file") == 0) {
        if (value[0] != '/')
            return errf(err, "access.groups_file: '%s' is not an absolute path%s", value, "");
        free(a->groups_file);
        return (a->groups_file = strdup(value)) ? 0 : errf(err, "access: %s%s: out of memory", key, "");
    }
    if (strcmp(key, "groups_var") == 0) {
        if (strncmp(value, "HTTP_", 5) == 0 || !*value ||
            strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
                != strlen(value))
            return errf(err, "access.groups_var: '%s' cannot be trusted (HTTP_* variables "
                        "come from the visitor's request) or is not a variable name%s",
                        value, "");
        free(a->groups_var);
        return (a->groups_var = strdup(value)) ? 0 : errf(err, "access: %s%s: out of memory", key, "");
    }
    return errf(err, "access.%s: unknown setting (user.NAME, group.NAME, groups_file, "
                "groups_var)%s", key, "");
}

int tracuu_access_configured(const tracuu_access_t *a)
{
    return a && a->n > 0;
}

const char *tracuu_access_groups_var(const tracuu_access_t *a)
{
    return a ? a->groups_var : NULL;
}

/* NAME appears in the list S (items separated by blanks or commas). */
static int in_list(const char *s, const char *name)
{
    size_t nl = strlen(name);
    while (s && *s) {
        s += strspn(s, " \t,;\r\n");
        size_t l = strcspn(s, " \t,;\r\n");
        if (l == nl && l && memcmp(s, name, l) == 0)
            return 1;
        s += l;
    }
    return 0;
}

/* Is USER a member of GROUP: in the server's list GROUPS, or on the line
 * "GROUP: user1 user2" of the groups file text FILE. */
static int member(const char *group, const char *user, const char *groups,
                  const char *file)
{
    if (groups && in_list(groups, group))
        return 1;
    size_t gl = strlen(group);
    for (const char *p = file; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        while (l && (*p == ' ' || *p == '\t')) {
            p++;
            l--;
        }
        if (l > gl && memcmp(p, group, gl) == 0 && p[gl] == ':') {
            char *line = strndup(p + gl + 1, l - gl - 1);
            int yes = line && in_list(line, user);
            free(line);
            if (yes)
                return 1;
        }
        p = e ? e + 1 : p + l;
    }
    return 0;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(MAX_GROUPS_FILE + 1);
    size_t n = buf ? fread(buf, 1, MAX_GROUPS_FILE, f) : 0;
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

tracuu_status_t tracuu_access_apply(const tracuu_access_t *a, tracuu_db_t *db,
                                    const char *user, const char *groups,
                                    int *what, char **err)
{
    if (err)
        *err = NULL;
    *what = TRACUU_ACCESS_ALL;
    if (!tracuu_access_configured(a))
        return TRACUU_OK;
    *what = TRACUU_ACCESS_NONE;
    static const char *const none[1] = {NULL};
    tracuu_db_set_scope(db, none, 0);   /* closed until known */
    if (!user || !*user)
        return TRACUU_OK;
    char *file = NULL;
    if (a->groups_file && !(file = read_file(a->groups_file))) {
        if (err) {
            const char *m = strerror(errno);
            size_t n = strlen(a->groups_file) + strlen(m) + 32;
            if ((*err = malloc(n)))
                snprintf(*err, n, "access.groups_file: %s: %s", a->groups_file, m);
        }
        return TRACUU_ERR_IO;
    }
    char **terms = calloc(a->n, sizeof *terms);
    size_t nt = 0;
    int all = 0;
    tracuu_status_t rc = terms ? TRACUU_OK : TRACUU_ERR_NOMEM;
    for (size_t i = 0; i < a->n && rc == TRACUU_OK && !all; i++) {
        const rule_t *r = &a->rules[i];
        int applies = r->is_group ? member(r->name, user, groups, file)
                                  : strcmp(r->name, user) == 0;
        if (!applies)
            continue;
        if (strcmp(r->folder, "*") == 0) {
            all = 1;
            break;
        }
        /* the folder as indexed: roots are resolved, so resolve it too when
         * this machine has it */
        char real[PATH_MAX];
        const char *dir = realpath(r->folder, real) ? real : r->folder;
        char uid[TU_UID_MAX + 1];
        size_t l = tu_uid_term(dir, uid);   /* "Q" + path, or its hash */
        size_t pl = strlen(TU_PREFIX_DIR);
        char *t = malloc(pl + l);
        if (!t) {
            rc = TRACUU_ERR_NOMEM;
            break;
        }
        memcpy(t, TU_PREFIX_DIR, pl);
        memcpy(t + pl, uid + 1, l - 1);
        t[pl + l - 1] = '\0';
        terms[nt++] = t;
    }
    if (rc == TRACUU_OK) {
        if (all) {
            tracuu_db_set_scope(db, NULL, 0);
            *what = TRACUU_ACCESS_ALL;
        } else if (nt) {
            rc = tracuu_db_set_scope(db, (const char *const *)terms, nt);
            *what = rc == TRACUU_OK ? TRACUU_ACCESS_SOME : TRACUU_ACCESS_NONE;
        }
    }
    for (size_t i = 0; i < nt; i++)
        free(terms[i]);
    free(terms);
    free(file);
    return rc;
}
