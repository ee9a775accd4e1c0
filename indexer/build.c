/* A first build on several cores (see indexer.h): the part databases in
 * DB/.build/, their merge into one compacted database, and that database
 * taking the place of the empty one, in steps a crash can interrupt at any
 * point:
 *   1. the writers fill DB/.build/part-W-S (writer W = 1..N, each with a
 *      run of the sorted files, in parts S = 1, 2, ... of IX_PART_FILES
 *      files), committing their batches;
 *   2. they are merged and compacted into DB/.build/merged; then the file
 *      DB/.build/merged.ok, listing merged's files, is written and synced;
 *   3. each listed file is renamed into DB (iamglass, the revision that
 *      names the tables, last); then DB/.build is removed.
 * A run that finds DB/.build finishes the job first (ix_build_recover):
 * with merged.ok it redoes step 3, else step 2 from what the parts had
 * committed.  Readers of DB see the empty database until iamglass is
 * renamed, then the whole build. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "indexer.h"
#include "index/tu_modelforms.h"

#define BUILD_DIR ".build"

/* Length of the database folder's name DB without trailing slashes. */
static int db_len(const char *db)
{
    size_t l = strlen(db);
    while (l > 1 && db[l - 1] == '/')
        l--;
    return (int)l;
}

int ix_build_path(const char *db, const char *name, char *out, size_t n)
{
    int l = db_len(db);
    int k = name ? snprintf(out, n, "%.*s/" BUILD_DIR "/%s", l, db, name)
                 : snprintf(out, n, "%.*s/" BUILD_DIR, l, db);
    if (k < 0 || (size_t)k >= n) {
        fprintf(stderr, "tracuu-index: %s: path too long for the build folder\n", db);
        return -1;
    }
    return 0;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)ftw;
    return (flag == FTW_DP ? rmdir(path) : unlink(path)) != 0 && errno != ENOENT;
}

static int rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

static int sync_path(const char *path, int dir)
{
    int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int ix_build_start(const char *db)
{
    char dir[PATH_MAX];
    if (ix_build_path(db, NULL, dir, sizeof dir) != 0)
        return -1;
    if (rm_tree(dir) != 0 || mkdir(dir, 0755) != 0) {
        fprintf(stderr, "tracuu-index: %s: cannot make the build folder: %s\n", dir,
                strerror(errno));
        return -1;
    }
    return 0;
}

/* The writer and part numbers of ".../part-W-S" (".../part-W": S = 0, as
 * an earlier version named them). */
static void part_no(const char *path, long *w, long *s)
{
    const char *p = strrchr(path, '/');
    char *end;
    *w = strtol((p ? p + 1 : path) + 5, &end, 10);
    *s = *end == '-' ? strtol(end + 1, NULL, 10) : 0;
}

/* In the order of the files: "part-1-2" before "part-1-10" before "part-2-1" */
static int cmp_parts(const void *a, const void *b)
{
    long wa, sa, wb, sb;
    part_no(*(char *const *)a, &wa, &sa);
    part_no(*(char *const *)b, &wb, &sb);
    return wa != wb ? (wa > wb) - (wa < wb) : (sa > sb) - (sa < sb);
}

/* Step 3: the files listed in merged.ok go into DB, iamglass last; the
 * empty database's tables that the merged one lacks go. */
static int swap_in(const char *db, int quiet)
{
    char dir[PATH_MAX], ok[PATH_MAX], merged[PATH_MAX];
    if (ix_build_path(db, NULL, dir, sizeof dir) != 0 ||
        ix_build_path(db, "merged.ok", ok, sizeof ok) != 0 ||
        ix_build_path(db, "merged", merged, sizeof merged) != 0)
        return -1;
    FILE *f = fopen(ok, "r");
    if (!f) {
        fprintf(stderr, "tracuu-index: %s: %s\n", ok, strerror(errno));
        return -1;
    }
    char names[32][NAME_MAX + 1];
    size_t n = 0;
    char line[NAME_MAX + 2];
    while (n < 32 && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        size_t ll = strlen(line);
        if (ll && ll < sizeof names[0] && !strchr(line, '/'))
            memcpy(names[n++], line, ll + 1);
    }
    fclose(f);
    int l = db_len(db);
    int rc = 0;
    for (int last = 0; last < 2 && rc == 0; last++) {
        if (last) {
            /* tables of the empty database that the merged one has not */
            DIR *d = opendir(db);
            struct dirent *e;
            while (d && (e = readdir(d))) {
                size_t el = strlen(e->d_name);
                if (el < 6 || strcmp(e->d_name + el - 6, ".glass") != 0)
                    continue;
                int listed = 0;
                for (size_t i = 0; i < n && !listed; i++)
                    listed = strcmp(names[i], e->d_name) == 0;
                char p[PATH_MAX];
                if (!listed && snprintf(p, sizeof p, "%.*s/%s", l, db, e->d_name) <
                                   (int)sizeof p)
                    unlink(p);
            }
            if (d)
                closedir(d);
        }
        for (size_t i = 0; i < n; i++) {
            if ((strcmp(names[i], "iamglass") == 0) != last)
                continue;
            char from[PATH_MAX], to[PATH_MAX];
            if (snprintf(from, sizeof from, "%s/%s", merged, names[i]) >= (int)sizeof from ||
                snprintf(to, sizeof to, "%.*s/%s", l, db, names[i]) >= (int)sizeof to)
                return -1;
            if (rename(from, to) != 0 && errno != ENOENT) {
                fprintf(stderr, "tracuu-index: cannot move %s to %s: %s\n", from, to,
                        strerror(errno));
                rc = -1;
                break;
            }
        }
    }
    if (rc == 0) {
        char dbdir[PATH_MAX];
        snprintf(dbdir, sizeof dbdir, "%.*s", l, db);
        sync_path(dbdir, 1);
        if (rm_tree(dir) != 0 && !quiet)
            fprintf(stderr, "tracuu-index: %s: cannot remove the build folder: %s\n",
                    dir, strerror(errno));
    }
    return rc;
}

/* Metadata keys several parts hold.  Xapian's compaction hands their
 * values over in no particular order, so it only notes the keys here
 * (note_dup); fix_dups then sets each from the parts read in order. */
typedef struct {
    char **keys;
    size_t n, cap;
    int failed;
} dups_t;

static int note_dup(const char *key, size_t len, void *ctx)
{
    dups_t *d = ctx;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        char **k = realloc(d->keys, cap * sizeof *k);
        if (!k) {
            d->failed = 1;
            return 0;
        }
        d->keys = k;
        d->cap = cap;
    }
    if (!(d->keys[d->n] = strndup(key, len)))
        d->failed = 1;
    else
        d->n++;
    return 0;
}

static char *dup_val(const char *v, size_t l, size_t *len)
{
    char *m = malloc(l + 1);
    if (m) {
        memcpy(m, v, l);
        m[l] = '\0';
        *len = l;
    }
    return m;
}

/* KEY's values in the parts, in order (VALS[0..N), none empty), merged as
 * one writer going through the files in order would have left it
 * (write_knowledge in pipeline.c, modelforms.c, synonyms.c):
 *   ref:        the last value with a year, else the first;
 *   syn:        the first form stays;
 *   modelforms: the counts added (model: is set from them after);
 *   anything else (abbr:, roots): the last value written. */
static char *merge_values(const char *key, char *const *vals, const size_t *lens,
                          size_t n, size_t *len)
{
    if (strncmp(key, "ref:", 4) == 0) {
        for (size_t i = n; i-- > 0;) {
            const char *tab = memchr(vals[i], '\t', lens[i]);
            if (tab && tab + 1 < vals[i] + lens[i] && tab[1] != '0')
                return dup_val(vals[i], lens[i], len);
        }
        return dup_val(vals[0], lens[0], len);
    }
    if (strncmp(key, "syn:", 4) == 0)
        return dup_val(vals[0], lens[0], len);
    if (strncmp(key, "modelforms:", 11) == 0)
        return tu_model_forms_merge((const char *const *)vals, lens, n, len);
    return dup_val(vals[n - 1], lens[n - 1], len);
}

/* Set every key of D in MERGED from the parts SRC[0..NS), in order; then
 * "model:KEY" from each merged "modelforms:KEY". */
static int fix_dups(const char *merged, char *const *src, size_t ns, dups_t *d)
{
    if (!d->n)
        return 0;
    tracuu_db_t *out = NULL, *parts[IX_MAX_PARTS];
    size_t np = 0;
    char *err = NULL;
    int rc = 0;
    if (tracuu_db_open(merged, TRACUU_DB_WRITE, &out, &err) != TRACUU_OK)
        rc = -1;
    for (; rc == 0 && np < ns; np++)
        if (tracuu_db_open(src[np], TRACUU_DB_READ, &parts[np], &err) != TRACUU_OK) {
            rc = -1;
            break;
        }
    for (size_t i = 0; rc == 0 && i < d->n; i++) {
        const char *key = d->keys[i];
        if (strncmp(key, "model:", 6) == 0)
            continue;
        char *vals[IX_MAX_PARTS];
        size_t lens[IX_MAX_PARTS], nv = 0;
        for (size_t k = 0; k < np; k++) {
            char *v = NULL;
            size_t l = 0;
            if (tracuu_db_get_metadata(parts[k], key, &v, &l) == TRACUU_OK && v && l) {
                vals[nv] = v;
                lens[nv++] = l;
            } else {
                free(v);
            }
        }
        size_t len = 0;
        char *m = nv ? merge_values(key, vals, lens, nv, &len) : NULL;
        if (nv && (!m || tracuu_db_set_metadata(out, key, m, len) != TRACUU_OK))
            rc = -1;
        free(m);
        for (size_t k = 0; k < nv; k++)
            free(vals[k]);
        if (rc == 0 && strncmp(key, "modelforms:", 11) == 0) {
            char *forms = NULL, *best = NULL;
            size_t fl = 0;
            char mk[800];
            if (tracuu_db_get_metadata(out, key, &forms, &fl) == TRACUU_OK && forms &&
                (best = tu_model_forms_best(forms, fl)) &&
                snprintf(mk, sizeof mk, "model:%s", key + 11) < (int)sizeof mk &&
                tracuu_db_set_metadata(out, mk, best, strlen(best)) != TRACUU_OK)
                rc = -1;
            free(forms);
            free(best);
        }
    }
    if (rc == 0 && tracuu_db_commit(out) != TRACUU_OK)
        rc = -1;
    if (rc)
        fprintf(stderr, "tracuu-index: %s: cannot merge the parts' metadata: %s\n", merged,
                err ? err : out ? tracuu_db_last_error(out) : "?");
    free(err);
    for (size_t k = 0; k < np; k++)
        tracuu_db_close(parts[k]);
    tracuu_db_close(out);
    return rc;
}

/* Steps 2 and 3 for the databases SRC[0..N) (in order) into DB. */
static int merge_into(const char *db, char *const *src, size_t n, int quiet)
{
    char dir[PATH_MAX], merged[PATH_MAX], ok[PATH_MAX];
    struct dirent *e;
    DIR *d;
    int rc = -1;
    if (ix_build_path(db, NULL, dir, sizeof dir) != 0 ||
        ix_build_path(db, "merged", merged, sizeof merged) != 0 ||
        ix_build_path(db, "merged.ok", ok, sizeof ok) != 0)
        return -1;
    rm_tree(merged);
    char *err = NULL;
    dups_t dups = {NULL, 0, 0, 0};
    tracuu_status_t st = tracuu_db_compact((const char *const *)src, n, merged,
                                           note_dup, &dups, &err);
    int fixed = st == TRACUU_OK && !dups.failed ? fix_dups(merged, src, n, &dups) : -1;
    for (size_t i = 0; i < dups.n; i++)
        free(dups.keys[i]);
    free(dups.keys);
    if (st != TRACUU_OK || fixed != 0) {
        fprintf(stderr, "tracuu-index: %s\n", err ? err : "cannot merge the build");
        free(err);
        return -1;
    }
    /* merged.ok lists merged's files, once they are on disk */
    FILE *f = fopen(ok, "w");
    d = f ? opendir(merged) : NULL;
    if (!d) {
        fprintf(stderr, "tracuu-index: %s: %s\n", f ? merged : ok, strerror(errno));
        if (f)
            fclose(f);
        return -1;
    }
    while ((e = readdir(d))) {
        char p[PATH_MAX];
        if (e->d_name[0] == '.' || strcmp(e->d_name, "flintlock") == 0 ||
            snprintf(p, sizeof p, "%s/%s", merged, e->d_name) >= (int)sizeof p)
            continue;
        sync_path(p, 0);
        fprintf(f, "%s\n", e->d_name);
    }
    closedir(d);
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        fprintf(stderr, "tracuu-index: %s: %s\n", ok, strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    sync_path(dir, 1);
    rc = swap_in(db, quiet);
    return rc;
}

int ix_build_finish(const char *db, int quiet)
{
    char dir[PATH_MAX];
    if (ix_build_path(db, NULL, dir, sizeof dir) != 0)
        return -1;
    /* the parts, in order */
    char *src[IX_MAX_PARTS + 1];
    size_t n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "tracuu-index: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) && rc == 0) {
        char p[PATH_MAX], v[PATH_MAX + 16];
        struct stat st;
        if (strncmp(e->d_name, "part-", 5) != 0)
            continue;
        if (snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= (int)sizeof p)
            continue;
        snprintf(v, sizeof v, "%s/iamglass", p);
        if (stat(v, &st) != 0)  /* made, never written: nothing to merge */
            continue;
        if (n == IX_MAX_PARTS) {   /* never made by tracuu-index; kept for a look */
            fprintf(stderr, "tracuu-index: %s: more than %d part databases; not merged\n",
                    dir, IX_MAX_PARTS);
            rc = -1;
        } else if (!(src[n] = strdup(p))) {
            fprintf(stderr, "tracuu-index: %s: out of memory\n", dir);
            rc = -1;
        } else {
            n++;
        }
    }
    closedir(d);
    qsort(src, n, sizeof *src, cmp_parts);
    if (rc == 0)
        rc = n ? merge_into(db, src, n, quiet)
               : (rm_tree(dir) == 0 ? 0 : -1);   /* nothing was committed */
    for (size_t i = 0; i < n; i++)
        free(src[i]);
    return rc;
}

int ix_build_compact(const char *db, int quiet)
{
    char path[PATH_MAX];
    if (ix_build_start(db) != 0 ||
        snprintf(path, sizeof path, "%.*s", db_len(db), db) >= (int)sizeof path)
        return -1;
    char *src[1] = {path};
    return merge_into(db, src, 1, quiet);
}

int ix_build_recover(const char *db, int quiet)
{
    char dir[PATH_MAX], ok[PATH_MAX];
    struct stat st;
    if (ix_build_path(db, NULL, dir, sizeof dir) != 0 ||
        ix_build_path(db, "merged.ok", ok, sizeof ok) != 0)
        return -1;
    if (lstat(dir, &st) != 0)
        return 0;
    if (stat(ok, &st) == 0) {
        if (!quiet)
            fprintf(stderr, "tracuu-index: %s: finishing the first build an earlier "
                    "run merged but did not put in place\n", db);
        return swap_in(db, quiet);
    }
    /* the parts hold what an interrupted first build had committed; they
     * belong to this database only while it is still empty */
    tracuu_db_t *t = NULL;   /* no database yet: the parts are all there is */
    uint32_t docs = tracuu_db_open(db, TRACUU_DB_READ, &t, NULL) == TRACUU_OK
                        ? tracuu_db_doccount(t) : 0;
    tracuu_db_close(t);
    if (docs) {
        if (!quiet)
            fprintf(stderr, "tracuu-index: %s: removing the parts of an interrupted "
                    "first build (the database has documents of its own)\n", db);
        return rm_tree(dir) == 0 ? 0 : -1;
    }
    if (!quiet)
        fprintf(stderr, "tracuu-index: %s: an earlier first build was interrupted; "
                "merging what it had committed\n", db);
    return ix_build_finish(db, quiet);
}
