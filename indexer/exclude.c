/* Excluded folders and files ("exclude =" lines of the configuration):
 * a pattern without '/' is a shell pattern for a file or folder name
 * ("*.tmp", "Thùng rác"); a pattern with '/' is one for the whole path
 * ("/srv/archive/old", "/srv/?ocs/private"), and excludes all under it. */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include "indexer.h"

static const char *const *patterns;
static size_t n_patterns;

void ix_exclude_set(const char *const *p, size_t n)
{
    patterns = p;
    n_patterns = n;
}

int ix_excluded(const char *dir, const char *name)
{
    for (size_t i = 0; i < n_patterns; i++) {
        const char *p = patterns[i];
        if (!strchr(p, '/')) {
            if (fnmatch(p, name, FNM_PERIOD) == 0)
                return 1;
            continue;
        }
        /* the path DIR/NAME, compared without building it when possible */
        char path[4096];
        size_t dl = strlen(dir);
        int n = snprintf(path, sizeof path, "%s%s%s", dir,
                         dl && dir[dl - 1] == '/' ? "" : "/", name);
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        if (fnmatch(p, path, FNM_PATHNAME | FNM_PERIOD) == 0)
            return 1;
    }
    return 0;
}

int ix_excluded_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ix_excluded("", path);
    /* the path or any folder above it */
    char buf[4096];
    size_t len = strlen(path);
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, path, len + 1);
    while ((slash = strrchr(buf, '/')) && slash != buf) {
        char *s = (char *)slash;
        *s = '\0';
        if (ix_excluded(buf, s + 1))
            return 1;
    }
    return slash == buf && buf[1] ? ix_excluded("/", buf + 1) : 0;
}
