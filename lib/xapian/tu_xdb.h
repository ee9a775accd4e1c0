/* tracuu: internals shared by lib/xapian/xdb.cc and lib/xapian/xdb_query.cc (C++ only).
 *
 * The handle structures behind the opaque types of tracuu/xdb.h, and the
 * one function that turns the exception being handled into a status and a
 * message.  Nothing here is part of the public interface. */
#ifndef TU_XDB_H
#define TU_XDB_H

#ifndef __cplusplus
#error "tu_xdb.h is for the C++ files of the Xapian wrapper only"
#endif

#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

#include "tracuu/xdb.h"

/* Xapian refuses terms longer than 245 bytes; we keep a margin. */
#define TU_XDB_MAX_TERM 240

/* TERM can be stored: not NULL, 1..TU_XDB_MAX_TERM bytes. */
inline bool tu_xdb_term_ok(const char *term, size_t len) noexcept
{
    return term && len > 0 && len <= TU_XDB_MAX_TERM;
}

struct tracuu_db {
    Xapian::Database *xdb;          /* the database (the writer when writable) */
    Xapian::WritableDatabase *wdb;  /* == xdb for a writer, NULL for a reader */
    std::string path;               /* as given to tracuu_db_open */
    std::string err;                /* message of the last failed call */
};

struct tracuu_doc {
    Xapian::Document doc;
};

struct tracuu_query {
    Xapian::Query q;
};

struct tracuu_mset {
    Xapian::MSet mset;
    /* facets[i]: (value, count) of opts.facet_slots[i], sorted for output */
    std::vector<std::vector<std::pair<std::string, uint32_t> > > facets;
    bool facets_estimated = false;  /* scaled up from a sample */
};

/* Call ONLY inside a catch block: maps the exception being handled to a
 * status and stores "WHAT: <description>" in MSG (MSG is cleared if even
 * that runs out of memory).  Never throws. */
tracuu_status_t tu_xdb_caught(std::string &msg, const char *what) noexcept;

/* Store TEXT in MSG without throwing (cleared on failure); returns ST. */
tracuu_status_t tu_xdb_set_err(std::string &msg, tracuu_status_t st,
                               const char *text) noexcept;

/* Run F() on a reader; if the revision it reads has meanwhile been
 * discarded by a writer (DatabaseModifiedError), reopen DB and run F() once
 * more.  Only for calls without side effects on the caller (no callbacks):
 * F may run twice.  Writers rethrow at once. */
template <typename F>
auto tu_xdb_retry(tracuu_db *db, F f) -> decltype(f())
{
    try {
        return f();
    } catch (const Xapian::DatabaseModifiedError &) {
        if (db->wdb)
            throw;
        db->xdb->reopen();
        return f();
    }
}

#endif
