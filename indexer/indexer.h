/* tracuu-index: the program's own pieces (walk, pipeline, progress). */
#ifndef TRACUU_INDEXER_H
#define TRACUU_INDEXER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "tracuu/extract.h"
#include "tracuu/xdb.h"

typedef struct {
    char *path;          /* absolute */
    uint64_t size;
    char mtime[40];      /* "sec.nsec" */
} ix_file_t;

typedef struct {
    ix_file_t *files;
    size_t n, cap;
    size_t problems;     /* unreadable folders, loops, bad arguments */
    size_t skipped;      /* named and left out on purpose: links out of the
                          * roots, FIFOs, devices, sockets */
    uint64_t bytes;
} ix_list_t;

typedef struct {
    const char *const *outside;  /* folders outside the roots that symbolic
                                  * links may lead to (allow_outside_root) */
    size_t n_outside;
} ix_walk_opts_t;

/* Walk each root (file or folder, recursively; loops and unreadable
 * folders reported on stderr and counted in problems).  Only files whose
 * real path lies under a root (or an allowed outside root, WO may be NULL)
 * are listed: a symbolic link leading elsewhere is named and skipped, as
 * are FIFOs, devices and sockets (counted in skipped).  A link to a place
 * inside the roots is not followed: its target is listed under its own
 * name.  Names starting with '.' and the folder SKIP (the database) are
 * left out.  ROOTS_ABS gets the real path of each root (malloc'd). */
int ix_walk(char *const *roots, size_t n_roots, const char *skip,
            const ix_walk_opts_t *wo, ix_list_t *out, char **roots_abs);
void ix_list_free(ix_list_t *l);

typedef struct {
    const char *db_path;
    int progress, quiet, force, dry_run;
    unsigned jobs;
    unsigned commit_interval;     /* seconds between commits at most (0: none) */
    const char *const *contain;   /* real roots and allowed outside roots: a file
                                   * resolving elsewhere when read is skipped */
    size_t n_contain;
    tracuu_extract_opts_t xopts;
} ix_opts_t;

typedef struct {
    size_t indexed, unchanged, removed, failed, warned;
    size_t skipped;      /* resolved out of the roots when read: named */
    uint64_t bytes;      /* bytes of the files read */
    double seconds;
    int interrupted;
    int fatal;           /* database error: the run stopped */
} ix_stats_t;

/* Index LIST into the database (or only report, with dry_run); remove
 * documents under ROOTS whose files vanished. */
int ix_run(const ix_opts_t *o, ix_list_t *list, char *const *roots,
           size_t n_roots, ix_stats_t *st);

/* Progress line on stderr. */
typedef struct {
    int on, tty;
    double start, last;
    size_t total_files;
    uint64_t total_bytes;
} ix_progress_t;

double ix_now(void);
void ix_progress_init(ix_progress_t *p, int on, size_t files, uint64_t bytes);
void ix_progress_update(ix_progress_t *p, size_t files, uint64_t bytes, int force);
void ix_progress_done(ix_progress_t *p);

#endif
