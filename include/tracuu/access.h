/* tracuu: who may see which folders on the search page.
 *
 * The web server authenticates (Basic, LDAP, Kerberos: its job) and hands
 * tracuu.cgi the user name in REMOTE_USER.  The [access] section of the
 * configuration maps users and groups to the folders they may see:
 *
 *     [access]
 *     user.an = /srv/luutru/chung          one folder a line; keys repeat
 *     group.tochuc = /srv/luutru/to-chuc   members see it too
 *     group.lanhdao = *                    "*": every document
 *     groups_file = /etc/tracuu/groups     "group: user1 user2" lines
 *                                          (Apache's AuthGroupFile format)
 *     groups_var = AUTHENTICATE_MEMBEROF   a variable the server sets with
 *                                          the user's groups (comma or
 *                                          space separated); never HTTP_*
 *
 * No user. or group. line: no access control (everyone sees everything).
 * Otherwise a user sees the union of their folders and their groups'
 * folders; a user with none (or no REMOTE_USER at all) sees nothing.  The
 * restriction is a scope on the database handle (tracuu_db_set_scope):
 * every search, count, facet, suggestion, listing and document read then
 * only knows the documents under those folders. */
#ifndef TRACUU_ACCESS_H
#define TRACUU_ACCESS_H

#include <stddef.h>
#include "tracuu/status.h"
#include "tracuu/xdb.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tracuu_access tracuu_access_t;

/* A new empty mapping (NULL when out of memory); free with
 * tracuu_access_free (accepts NULL). */
tracuu_access_t *tracuu_access_new(void);
void tracuu_access_free(tracuu_access_t *a);

/* One setting of the [access] section, KEY with or without the "access."
 * prefix ("user.an", "access.group.tochuc", "groups_file", "groups_var").
 * 0, or -1 with *ERR a malloc'd English message (caller frees): unknown
 * key, a folder that is not absolute, a groups_var starting with HTTP_ (a
 * visitor could forge it). */
int tracuu_access_set(tracuu_access_t *a, const char *key, const char *value,
                      char **err);

/* 1 if some user. or group. line was given (access control is on). */
int tracuu_access_configured(const tracuu_access_t *a);

enum {
    TRACUU_ACCESS_ALL = 0,    /* no restriction (off, or "*") */
    TRACUU_ACCESS_SOME = 1,   /* restricted to some folders */
    TRACUU_ACCESS_NONE = 2,   /* the user may see nothing */
};

/* The groups of USER in the groups file (if any) plus GROUPS (the server's
 * list, may be NULL); then scope DB to the folders USER may see (USER NULL
 * or "": nobody).  *WHAT gets TRACUU_ACCESS_*.  Returns TRACUU_OK, or
 * TRACUU_ERR_IO with *ERR a message when the groups file cannot be read
 * (DB is then scoped to nothing: fail closed). */
tracuu_status_t tracuu_access_apply(const tracuu_access_t *a, tracuu_db_t *db,
                                    const char *user, const char *groups,
                                    int *what, char **err);

/* The groups_var setting (NULL if none). */
const char *tracuu_access_groups_var(const tracuu_access_t *a);

#ifdef __cplusplus
}
#endif
#endif
