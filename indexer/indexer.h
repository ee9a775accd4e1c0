/* tracuu-index: the program's own pieces (walk, pipeline, progress). */
#ifndef TRACUU_INDEXER_H
#define TRACUU_INDEXER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "tracuu/extract.h"
#include "tracuu/xdb.h"
#include "tracuu/meta.h"
#include "tracuu/config.h"

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

/* Exclusion patterns (exclude.c): P stays owned by the caller.
 * ix_excluded: 1 if the entry NAME of the folder DIR is excluded;
 * ix_excluded_path: 1 if PATH or a folder above it is. */
void ix_exclude_set(const char *const *p, size_t n);
int ix_excluded(const char *dir, const char *name);
int ix_excluded_path(const char *path);

typedef struct {
    const char *db_path;
    int progress, quiet, force, dry_run;
    int no_wait;                 /* --no-wait: a busy lock is exit 4 */
    int watch;                   /* --watch */
    unsigned jobs;
    unsigned writers;            /* --writers: writers of a first build (0: auto) */
    unsigned commit_interval;     /* seconds between commits at most (0: none) */
    const char *const *outside;   /* --allow-outside / allow_outside_root: folders
                                   * outside the roots links may lead into */
    size_t n_outside;
    const char **outside_owned;   /* the configuration's list (freed by main) */
    const char *const *contain;   /* real roots and allowed outside roots: a file
                                   * resolving elsewhere when read is skipped */
    size_t n_contain;
    tracuu_extract_opts_t xopts;
    unsigned watch_delay_ms;     /* --watch: quiet time before a pass */
    const char **exclude;        /* "exclude =" patterns (exclude.c) */
    size_t n_exclude;
} ix_opts_t;

/* Settings from the configuration file C into O (settings.c): 0, or -1
 * after naming the bad line on stderr. */
int ix_settings_apply(const tracuu_config_t *c, ix_opts_t *o);

typedef struct {
    size_t indexed, unchanged, removed, failed, warned;
    size_t skipped;      /* not failures: unsupported, too big, empty, needs
                          * --ocr, or resolved out of the roots when read */
    uint64_t bytes;      /* bytes of the files read */
    double seconds;
    int interrupted;
    int fatal;           /* database error: the run stopped */
} ix_stats_t;

/* Index LIST into the database (or only report, with dry_run); remove
 * documents under ROOTS whose files vanished. */
int ix_run(const ix_opts_t *o, ix_list_t *list, char *const *roots,
           size_t n_roots, ix_stats_t *st);

/* One document of a file (members.c): the file itself or a member. */
enum { IX_DOC, IX_FAIL, IX_DRY, IX_SKIP };
typedef struct {
    char *path;          /* "FILE" or "FILE#MEMBER" */
    int kind;
    tracuu_doc_t *doc;
    tracuu_meta_t meta;
    char *err, *warning;
    char format[16], mime[80];
    const char *encoding;
    size_t text_len;
} ix_part_t;

typedef struct {
    ix_part_t *v;        /* v[0] is the file itself */
    size_t n, cap;
} ix_parts_t;

/* Extract F (content hash HASH) and its members; build each document (or
 * with o->dry_run only measure it).  OUT gets at least one part. */
void ix_parts_build(const ix_opts_t *o, const ix_file_t *f, uint64_t hash,
                    ix_parts_t *out);
void ix_part_clear(ix_part_t *it);
void ix_parts_free(ix_parts_t *p);

/* A first build on several cores (build.c).  When the database is empty
 * and at least IX_BUILD_MIN_FILES files are to be indexed (or --writers is
 * given), one writer per core (at most IX_MAX_WRITERS) fills a part
 * database of its own in DB/.build/; at the end the parts are merged and
 * compacted into the database.  Each step is safe to interrupt: the next
 * run finishes it (ix_build_recover) before anything else. */
enum { IX_MAX_WRITERS = 8, IX_BUILD_MIN_FILES = 2000 };
/* A writer closes its part and starts the next one (DB/.build/part-W-S,
 * S = 1, 2, ...) every IX_PART_FILES files, so no part grows past the
 * size where Xapian's commits slow down (each rewrites blocks all over
 * its tables): the cost of a file stays flat from 10k to 1M files.  At
 * most IX_MAX_PARTS parts in all: a writer with more files makes bigger
 * parts.  The environment variable TRACUU_PART_FILES sets another size
 * (the tests use it to make many small parts). */
enum { IX_PART_FILES = 50000, IX_MAX_PARTS = 64 };
/* DB/.build/NAME (NAME NULL: DB/.build) into OUT; -1 named if too long. */
int ix_build_path(const char *db, const char *name, char *out, size_t n);
/* A fresh DB/.build (an old one removed).  0, or -1 named on stderr. */
int ix_build_start(const char *db);
/* Merge and compact the parts in DB/.build into DB, then remove DB/.build.
 * 0, or -1 named on stderr (the parts are kept for the next run). */
int ix_build_finish(const char *db, int quiet);
/* Compact the database DB in place (through DB/.build/merged, the same
 * steps): the end of a first build with one writer.  0, or -1 named. */
int ix_build_compact(const char *db, int quiet);
/* Before a run: finish what an interrupted first build left in DB/.build
 * (nothing there: 0 at once).  0, or -1 named on stderr. */
int ix_build_recover(const char *db, int quiet);

/* Delete the member documents of file PATH.  0 or -1. */
int ix_drop_members(tracuu_db_t *db, const char *path);

/* PATH, or the file of a member path "FILE#MEMBER", is in LIST (sorted
 * by CMP). */
int ix_in_list_or_container(const char *path, const ix_list_t *list,
                            int (*cmp)(const void *, const void *));
/* The run lock (lock.c): flock on DB/tracuu-index.SUFFIX ("lock" for
 * writing runs, "watch.lock" for --watch).  Busy: wait for it when WAIT (saying so on
 * stderr unless QUIET), else name the holder and return IX_LOCK_BUSY.
 * Returns the descriptor to pass to ix_unlock, or IX_LOCK_BUSY or
 * IX_LOCK_ERROR (named on stderr). */
enum { IX_LOCK_BUSY = -2, IX_LOCK_ERROR = -1 };
int ix_lock(const char *db, const char *suffix, int wait, int quiet);
void ix_unlock(int fd);

/* Exit statuses (tracuu-index --help, docs/design.md section 4). */
enum {
    IX_EXIT_OK = 0,       /* all indexed; skipped files only reported */
    IX_EXIT_FAILED = 1,   /* some file could not be read or indexed */
    IX_EXIT_USAGE = 2,
    IX_EXIT_INTERRUPTED = 3, /* a signal stopped the run: run again to finish */
    IX_EXIT_BUSY = 4      /* --no-wait and another run holds the lock */
};

/* One pass (pass.c): walk PATHS, index what changed, remove what vanished
 * under them, print the summary (unless quiet).  PARTIAL (--watch): PATHS
 * that no longer exist only remove their documents, silently.  Takes the
 * run lock first (waiting unless O->no_wait).  Returns an IX_EXIT_ code;
 * *INTERRUPTED is set when a signal stopped it. */
int ix_pass(const ix_opts_t *o, char *const *paths, size_t n_paths,
            int partial, int *interrupted);

/* --watch (watch.c): a full pass of ROOTS, then index every change under
 * them until SIGINT or SIGTERM. */
int ix_watch(const ix_opts_t *o, char *const *roots, size_t n_roots);

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
