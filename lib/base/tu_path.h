/* Paths: containment under a set of roots (symbolic links resolved) and
 * file names made safe to print on a terminal.  Shared by the indexer (which
 * files may enter the index) and the CGI (re-checked at request time). */
#ifndef TU_PATH_H
#define TU_PATH_H

#include <stddef.h>
#include <stdio.h>

/* 1 if the absolute path REAL equals ROOT or lies below it (by whole path
 * components: /srv/a does not hold /srv/ab), else 0.  No file system
 * access: both are compared as given. */
int tu_path_under(const char *real, const char *root);

/* 1 if REAL lies under one of the N ROOTS (NULL entries skipped). */
int tu_path_under_any(const char *real, const char *const *roots, size_t n);

enum {
    TU_CONTAINED = 0,     /* its real path lies under a root */
    TU_OUTSIDE = 1,       /* it exists, but resolves outside every root */
    TU_MISSING = 2,       /* it cannot be resolved (gone, unreadable folder) */
};

/* Resolve PATH (every symbolic link) and say where it lies: TU_CONTAINED,
 * TU_OUTSIDE or TU_MISSING (errno set).  REAL (PATH_MAX bytes, may be NULL)
 * gets the resolved path when there is one. */
int tu_path_contained(const char *path, const char *const *roots, size_t n,
                      char *real);

/* NAME made printable (malloc'd, caller frees; NULL if out of memory):
 * control characters (C0, DEL, C1), backslashes and bytes that are not
 * UTF-8 become escapes (\n, \t, \e, \\, \xNN), so a file name can neither
 * forge a line of output nor send a terminal escape sequence.  Printable
 * UTF-8 (Vietnamese) is kept as it is. */
char *tu_name_escape(const char *name);

/* Print "PROG: NAME: MESSAGE\n" on F with NAME escaped (see above). */
void tu_report(FILE *f, const char *prog, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
