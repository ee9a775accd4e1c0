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
    /* Access scope (xdb_scope.cc): when scoped, only documents indexed by
     * one of scope_terms exist for every read through this handle. */
    bool scoped = false;
    std::vector<std::string> scope_terms;
    std::vector<bool> scope_bits;   /* by docid, built on first use */
    bool scope_built = false;
    /* Shards (xdb_shards.cc): what a stub file listed and what was left
     * out because it did not answer. */
    std::vector<std::string> warnings;
    bool from_stub = false;         /* opened by tu_xdb_open_stub */
};

/* ---- xdb_shards.cc */

/* If PATH is a stub file whose every line we understand, open each shard
 * on its own (remote ones with TIMEOUT_MS to connect and answer) and
 * return their union; shards that fail are left out with a line in
 * WARNINGS.  Returns NULL when PATH is not such a stub (the caller opens
 * it as usual).  Throws the last shard's error when none opens. */
Xapian::Database *tu_xdb_open_stub(const std::string &path, unsigned timeout_ms,
                                   std::vector<std::string> &warnings);

/* Remote shard timeout (xdb.cc; tracuu_db_set_shard_timeout). */
unsigned tu_xdb_shard_timeout_ms();

/* ---- xdb_scope.cc (each may throw Xapian errors) */

/* DOCID is visible through DB (always, when DB is not scoped). */
bool tu_xdb_in_scope(tracuu_db *db, Xapian::docid docid);
/* Q restricted to the scope (Q itself when DB is not scoped). */
Xapian::Query tu_xdb_scope_query(const tracuu_db *db, const Xapian::Query &q);
/* Documents of the scope indexed by TERM. */
uint32_t tu_xdb_scoped_termfreq(tracuu_db *db, const std::string &term);
/* Forget the visible set (after a reopen). */
void tu_xdb_scope_reset(tracuu_db *db);

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
    /* Xapian's totals of the pass that saw every match (with rescoring,
     * the first; the page is the second pass's) */
    uint32_t total_est = 0, total_lower = 0, total_upper = 0;
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
