/* tracuu-index: the program's own pieces (walk, pipeline, progress). */
#ifndef TRACUU_INDEXER_H
#define TRACUU_INDEXER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "tracuu/extract.h"
#include "tracuu/xdb.h"
#include "tracuu/meta.h"

typedef struct {
    char *path;          /* absolute */
    uint64_t size;
    char mtime[40];      /* "sec.nsec" */
} ix_file_t;

typedef struct {
    ix_file_t *files;
    size_t n, cap;
    size_t problems;     /* unreadable folders, loops, bad arguments */
    uint64_t bytes;
} ix_list_t;

/* Walk each root (file or folder, recursively; symbolic links followed,
 * loops and unreadable folders reported on stderr and counted).  Names
 * starting with '.' and the folder SKIP (the database) are left out.
 * ROOTS_ABS gets the absolute form of each root (malloc'd). */
int ix_walk(char *const *roots, size_t n_roots, const char *skip,
            ix_list_t *out, char **roots_abs);
void ix_list_free(ix_list_t *l);

typedef struct {
    const char *db_path;
    int progress, quiet, force, dry_run;
    unsigned jobs;
    tracuu_extract_opts_t xopts;
} ix_opts_t;

typedef struct {
    size_t indexed, unchanged, removed, failed, warned;
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
enum { IX_DOC, IX_FAIL, IX_DRY };
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

/* Delete the member documents of file PATH.  0 or -1. */
int ix_drop_members(tracuu_db_t *db, const char *path);

/* PATH, or the file of a member path "FILE#MEMBER", is in LIST (sorted
 * by CMP). */
int ix_in_list_or_container(const char *path, const ix_list_t *list,
                            int (*cmp)(const void *, const void *));

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
