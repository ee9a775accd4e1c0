/* The lock that keeps two indexing runs on one database from overlapping:
 * flock(2) on the file tracuu-index.lock inside the database folder
 * (created if need be; Xapian ignores other files there, the walker never
 * enters the database), released by the kernel when the process ends, even
 * by kill -9, and holding the pid of the holder for the messages.  --watch
 * holds a second one, tracuu-index.watch.lock, for as long as it runs. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "indexer.h"

/* The lock file SUFFIX ("lock", "watch.lock") of the database DB into OUT:
 * DB/tracuu-index.SUFFIX, the folder made if missing. */
static int lock_path(const char *db, const char *suffix, char *out, size_t n)
{
    if (mkdir(db, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "tracuu-index: cannot create the database folder %s: %s\n",
                db, strerror(errno));
        return -1;
    }
    struct stat st;
    if (stat(db, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "tracuu-index: %s: not a database folder\n", db);
        return -1;
    }
    size_t l = strlen(db);
    while (l > 1 && db[l - 1] == '/')
        l--;
    int k = snprintf(out, n, "%.*s/tracuu-index.%s", (int)l, db, suffix);
    if (k < 0 || (size_t)k >= n) {
        fprintf(stderr, "tracuu-index: %s: path too long for its lock file\n", db);
        return -1;
    }
    return 0;
}

static long holder(int fd)
{
    char buf[32];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

int ix_lock(const char *db, const char *suffix, int wait, int quiet)
{
    char path[4096];
    if (lock_path(db, suffix, path, sizeof path) != 0)
        return IX_LOCK_ERROR;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EROFS || errno == EACCES || errno == EPERM)
            fprintf(stderr, "tracuu-index: %s: the database is read-only (%s): "
                    "nothing can be indexed into it\n", db, strerror(errno));
        else
            fprintf(stderr, "tracuu-index: cannot open the lock file %s: %s\n", path,
                    strerror(errno));
        return IX_LOCK_ERROR;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK) {
            fprintf(stderr, "tracuu-index: cannot lock %s: %s\n", path, strerror(errno));
            close(fd);
            return IX_LOCK_ERROR;
        }
        long pid = holder(fd);
        char who[48] = "another tracuu-index";
        if (pid > 0)
            snprintf(who, sizeof who, "tracuu-index (pid %ld)", pid);
        if (!wait) {
            fprintf(stderr, "tracuu-index: %s is in use by %s (lock %s)\n", db, who, path);
            close(fd);
            return IX_LOCK_BUSY;
        }
        if (!quiet)
            fprintf(stderr, "tracuu-index: waiting for %s to finish with %s\n", who, db);
        while (flock(fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                fprintf(stderr, "tracuu-index: cannot lock %s: %s\n", path, strerror(errno));
                close(fd);
                return IX_LOCK_ERROR;
            }
        }
    }
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
        /* the lock holds all the same; only the message loses the pid */
    }
    return fd;
}

void ix_unlock(int fd)
{
    if (fd >= 0) {
        if (ftruncate(fd, 0) != 0) {
            /* nothing to do: the lock goes with the descriptor */
        }
        close(fd);
    }
}
