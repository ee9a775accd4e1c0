/* Merging and compacting databases (Xapian::Database::compact): the last
 * step of a first build on several cores, where each writer filled a part
 * database of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <xapian.h>

#include "xapian/tu_xdb.h"

static void compact_msg(char **errmsg, const std::string &m) noexcept
{
    if (!errmsg)
        return;
    *errmsg = static_cast<char *>(malloc(m.size() + 1));
    if (*errmsg)
        memcpy(*errmsg, m.c_str(), m.size() + 1);
}

namespace {

/* Names each metadata key several sources hold to the caller (Xapian keeps
 * the first value; the caller sets the right one afterwards). */
class dup_reporter : public Xapian::Compactor {
  public:
    tracuu_str_cb cb;
    void *ctx;
    dup_reporter(tracuu_str_cb c, void *x) : cb(c), ctx(x) {}
    std::string resolve_duplicate_metadata(const std::string &key, size_t,
                                           const std::string tags[]) override
    {
        /* Xapian 1.4 passes the table's key: "\0\xc0" and the user's */
        const size_t skip = key.size() >= 2 && key[0] == '\0' &&
                                    static_cast<unsigned char>(key[1]) == 0xc0
                                ? 2
                                : 0;
        if (cb)
            cb(key.c_str() + skip, key.size() - skip, ctx);
        return tags[0];
    }
};

}  // namespace

extern "C" tracuu_status_t tracuu_db_compact(const char *const *sources, size_t n,
                                             const char *dest, tracuu_str_cb dup,
                                             void *ctx, char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    if (!sources || n == 0 || !dest || !*dest) {
        compact_msg(errmsg, "compact: no source or no destination");
        return TRACUU_ERR_INVALID_ARG;
    }
    std::string msg;
    try {
        Xapian::Database all;
        for (size_t i = 0; i < n; i++) {
            if (!sources[i] || !*sources[i] || strcmp(sources[i], dest) == 0) {
                compact_msg(errmsg, "compact: a source is empty or is the destination");
                return TRACUU_ERR_INVALID_ARG;
            }
            all.add_database(Xapian::Database(sources[i]));
        }
        /* renumbered: the parts' document ids overlap */
        dup_reporter r(dup, ctx);
        all.compact(dest, n > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0, 0, r);
        return TRACUU_OK;
    } catch (...) {
        tracuu_status_t st = tu_xdb_caught(msg, "compact");
        try {
            compact_msg(errmsg, std::string("cannot merge into '") + dest + "': " + msg);
        } catch (...) {
        }
        return st;
    }
}
