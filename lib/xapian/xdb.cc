/* tracuu: the C wrapper over Xapian, part 1: opening, reading and
 * writing (documents are built in xdb_doc.cc, queries and search are in
 * xdb_query.cc).
 *
 * Every function with C linkage catches everything: the body runs inside
 * try { } and the catch (...) hands the exception to tu_xdb_caught(), which
 * rethrows it inside its own ordered list of handlers (DatabaseLockError,
 * DatabaseCorruptError, DatabaseVersionError, DatabaseModifiedError,
 * DatabaseOpeningError, NetworkError, DocNotFoundError, Xapian::Error,
 * std::bad_alloc, std::exception, anything) and turns it into a status and a
 * message.  Keeping the list in one place means no entry point can forget a
 * case. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <new>
#include <string>
#include <xapian.h>

#include "xapian/tu_xdb.h"

/* ------------------------------------------------------ error reporting */

tracuu_status_t tu_xdb_set_err(std::string &msg, tracuu_status_t st,
                               const char *text) noexcept
{
    try {
        msg.assign(text ? text : "");
    } catch (...) {
        msg.clear();
    }
    return st;
}

namespace {

/* "WHAT: DETAIL" (or DETAIL alone when WHAT is NULL) into MSG; no throw. */
tracuu_status_t put(std::string &msg, tracuu_status_t st, const char *what,
                    const char *detail) noexcept
{
    try {
        msg.clear();
        if (what) {
            msg += what;
            msg += ": ";
        }
        msg += detail;
    } catch (...) {
        msg.clear();
    }
    return st;
}

tracuu_status_t putx(std::string &msg, tracuu_status_t st, const char *what,
                     const Xapian::Error &e) noexcept
{
    try {
        std::string d = e.get_description();
        return put(msg, st, what, d.c_str());
    } catch (...) {
        /* get_description() allocates; fall back on the bare message */
        return put(msg, st, what, e.get_msg().c_str());
    }
}

} // namespace

tracuu_status_t tu_xdb_caught(std::string &msg, const char *what) noexcept
{
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        return putx(msg, TRACUU_ERR_DB_LOCKED, what, e);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return putx(msg, TRACUU_ERR_DB_CORRUPT, what, e);
    } catch (const Xapian::DatabaseVersionError &e) {
        return putx(msg, TRACUU_ERR_DB_VERSION, what, e);
    } catch (const Xapian::DatabaseModifiedError &e) {
        return putx(msg, TRACUU_ERR_DB_MODIFIED, what, e);
    } catch (const Xapian::DatabaseOpeningError &e) {
        return putx(msg, TRACUU_ERR_DB_OPEN, what, e);
    } catch (const Xapian::DatabaseCreateError &e) {
        return putx(msg, TRACUU_ERR_DB_OPEN, what, e);
    } catch (const Xapian::NetworkError &e) {
        return putx(msg, TRACUU_ERR_NETWORK, what, e);
    } catch (const Xapian::DocNotFoundError &e) {
        return putx(msg, TRACUU_ERR_NOT_FOUND, what, e);
    } catch (const Xapian::InvalidArgumentError &e) {
        return putx(msg, TRACUU_ERR_INVALID_ARG, what, e);
    } catch (const Xapian::WildcardError &e) {
        return putx(msg, TRACUU_ERR_QUERY, what, e);
    } catch (const Xapian::Error &e) {
        return putx(msg, TRACUU_ERR_XAPIAN, what, e);
    } catch (const std::bad_alloc &) {
        return put(msg, TRACUU_ERR_NOMEM, what, "out of memory");
    } catch (const std::exception &e) {
        return put(msg, TRACUU_ERR_INTERNAL, what, e.what());
    } catch (...) {
        return put(msg, TRACUU_ERR_INTERNAL, what, "unknown exception");
    }
}

namespace {

/* printf-style message into MSG (truncated at 1 KiB); returns ST. */
__attribute__((format(printf, 3, 4)))
tracuu_status_t errf(std::string &msg, tracuu_status_t st, const char *fmt,
                     ...) noexcept
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return tu_xdb_set_err(msg, st, buf);
}

/* A malloc'd copy of S in *OUT (NUL-terminated), its length in *LEN. */
tracuu_status_t dup_out(const std::string &s, char **out, size_t *len)
{
    char *p = static_cast<char *>(malloc(s.size() + 1));
    if (!p)
        return TRACUU_ERR_NOMEM;
    memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    *out = p;
    if (len)
        *len = s.size();
    return TRACUU_OK;
}

/* A malloc'd printf-style message for tracuu_db_open's ERRMSG. */
__attribute__((format(printf, 2, 3)))
void open_msg(char **errmsg, const char *fmt, ...) noexcept
{
    if (!errmsg)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    *errmsg = NULL;
    if (n < 0)
        return;
    char *p = static_cast<char *>(malloc(static_cast<size_t>(n) + 1));
    if (!p)
        return;
    va_start(ap, fmt);
    vsnprintf(p, static_cast<size_t>(n) + 1, fmt, ap);
    va_end(ap);
    *errmsg = p;
}

/* The spelling dictionary (Xapian's spelling table) holds the folded words
 * of the documents: unprefixed terms of 2 to 32 letters a-z.  Each
 * document counts once per word; replace and delete keep it in step. */
bool spelling_word(const std::string &t) noexcept
{
    if (t.size() < 2 || t.size() > 32)
        return false;
    for (char c : t)
        if (c < 'a' || c > 'z')
            return false;
    return true;
}

void spelling_each(const Xapian::Document &doc, Xapian::WritableDatabase &w,
                   bool add)
{
    Xapian::TermIterator end = doc.termlist_end();
    for (Xapian::TermIterator it = doc.termlist_begin(); it != end; ++it) {
        const std::string t = *it;
        if (!spelling_word(t))
            continue;
        if (add)
            w.add_spelling(t, 1);
        else
            w.remove_spelling(t, 1);
    }
}

/* Take the spelling words of every document indexed by UID out. */
void spelling_forget(Xapian::WritableDatabase &w, const std::string &uid)
{
    Xapian::PostingIterator end = w.postlist_end(uid);
    for (Xapian::PostingIterator it = w.postlist_begin(uid); it != end; ++it)
        spelling_each(w.get_document(*it), w, false);
}

tracuu_status_t need_writer(tracuu_db *db, const char *what) noexcept
{
    if (db->wdb)
        return TRACUU_OK;
    return errf(db->err, TRACUU_ERR_DB_READONLY,
                "%s: database '%s' is open read-only", what,
                db->path.c_str());
}

bool starts_with(const std::string &s, const std::string &prefix) noexcept
{
    return s.size() >= prefix.size() &&
           memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

} // namespace

/* ---------------------------------------------------------------- opening */

extern "C" tracuu_status_t tracuu_db_open(const char *path, int mode,
                                          tracuu_db_t **out, char **errmsg)
{
    if (out)
        *out = NULL;
    if (!path || !*path || !out ||
        (mode != TRACUU_DB_READ && mode != TRACUU_DB_WRITE)) {
        open_msg(errmsg, "cannot open database: invalid argument");
        return TRACUU_ERR_INVALID_ARG;
    }
    if (mode == TRACUU_DB_READ) {
        struct stat st;
        if (stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
            open_msg(errmsg, "no database at '%s' (run tracuu-index first)",
                     path);
            return TRACUU_ERR_DB_OPEN;
        }
    }
    tracuu_db *db = new (std::nothrow) tracuu_db();
    if (!db) {
        open_msg(errmsg, "cannot open database '%s': out of memory", path);
        return TRACUU_ERR_NOMEM;
    }
    try {
        db->path = path;
        if (mode == TRACUU_DB_WRITE) {
            db->wdb = new Xapian::WritableDatabase(path,
                                                   Xapian::DB_CREATE_OR_OPEN);
            db->xdb = db->wdb;
        } else {
            db->xdb = tu_xdb_open_stub(db->path, tu_xdb_shard_timeout_ms(), db->warnings);
            db->from_stub = db->xdb != NULL;
            if (!db->xdb)
                db->xdb = new Xapian::Database(path);
        }
    } catch (...) {
        std::string m;
        tracuu_status_t st = tu_xdb_caught(m, NULL);
        delete db;
        if (st == TRACUU_ERR_NOT_FOUND)
            st = TRACUU_ERR_DB_OPEN;
        open_msg(errmsg, "cannot open database '%s': %s", path, m.c_str());
        return st;
    }
    *out = db;
    return TRACUU_OK;
}

static unsigned shard_timeout_ms = 5000;

unsigned tu_xdb_shard_timeout_ms()
{
    return shard_timeout_ms;
}

extern "C" void tracuu_db_set_shard_timeout(unsigned ms)
{
    shard_timeout_ms = ms ? ms : 5000;
}

extern "C" void tracuu_db_close(tracuu_db_t *db)
{
    if (!db)
        return;
    try {
        if (db->wdb)
            db->wdb->commit();
        db->xdb->close();
    } catch (...) {
        /* nothing to report to: the handle is going away */
    }
    delete db->xdb;
    delete db;
}

extern "C" const char *tracuu_db_last_error(const tracuu_db_t *db)
{
    return db ? db->err.c_str() : "";
}

extern "C" tracuu_status_t tracuu_db_reopen(tracuu_db_t *db)
{
    if (!db)
        return TRACUU_ERR_INVALID_ARG;
    try {
        db->xdb->reopen();
        tu_xdb_scope_reset(db);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "reopen");
    }
}

extern "C" uint32_t tracuu_db_doccount(tracuu_db_t *db)
{
    if (!db)
        return 0;
    try {
        return tu_xdb_retry(db, [&] { return db->xdb->get_doccount(); });
    } catch (...) {
        tu_xdb_caught(db->err, "doccount");
        return 0;
    }
}

/* ---------------------------------------------------------------- reading */

extern "C" tracuu_status_t tracuu_db_get_data(tracuu_db_t *db,
                                              tracuu_docid_t docid,
                                              char **data, size_t *len)
{
    if (!db || !data)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "get_data: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    *data = NULL;
    if (len)
        *len = 0;
    if (docid == 0)
        return errf(db->err, TRACUU_ERR_NOT_FOUND,
                    "get_data: no document 0");
    try {
        if (!tu_xdb_in_scope(db, docid))
            return errf(db->err, TRACUU_ERR_NOT_FOUND, "get_data: no document %u",
                        static_cast<unsigned>(docid));
        std::string s = tu_xdb_retry(db, [&] {
            return db->xdb->get_document(docid).get_data();
        });
        if (dup_out(s, data, len) != TRACUU_OK)
            return errf(db->err, TRACUU_ERR_NOMEM, "get_data: out of memory");
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "get_data");
    }
}

extern "C" tracuu_status_t tracuu_db_get_value(tracuu_db_t *db,
                                               tracuu_docid_t docid,
                                               unsigned slot, char **val,
                                               size_t *len)
{
    if (!db || !val)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "get_value: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    *val = NULL;
    if (len)
        *len = 0;
    if (docid == 0)
        return errf(db->err, TRACUU_ERR_NOT_FOUND,
                    "get_value: no document 0");
    try {
        if (!tu_xdb_in_scope(db, docid))
            return errf(db->err, TRACUU_ERR_NOT_FOUND, "get_value: no document %u",
                        static_cast<unsigned>(docid));
        std::string s = tu_xdb_retry(db, [&] {
            return db->xdb->get_document(docid).get_value(slot);
        });
        if (dup_out(s, val, len) != TRACUU_OK)
            return errf(db->err, TRACUU_ERR_NOMEM,
                        "get_value: out of memory");
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "get_value");
    }
}

extern "C" tracuu_status_t tracuu_db_termfreq(tracuu_db_t *db,
                                              const char *term,
                                              uint32_t *freq)
{
    if (!db || !term || !freq)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "termfreq: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    *freq = 0;
    size_t n = strlen(term);
    if (n == 0 || n > TU_XDB_MAX_TERM)
        return TRACUU_OK;   /* no such term can be in the index */
    try {
        std::string t(term, n);
        *freq = tu_xdb_retry(db, [&] { return tu_xdb_scoped_termfreq(db, t); });
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "termfreq");
    }
}

extern "C" tracuu_status_t tracuu_db_find_term(tracuu_db_t *db,
                                               const char *term,
                                               tracuu_docid_t *docid)
{
    if (!db || !term || !docid)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "find_term: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    *docid = 0;
    size_t n = strlen(term);
    if (n == 0 || n > TU_XDB_MAX_TERM)
        return TRACUU_OK;
    try {
        std::string t(term, n);
        *docid = tu_xdb_retry(db, [&]() -> Xapian::docid {
            Xapian::PostingIterator it = db->xdb->postlist_begin(t);
            Xapian::PostingIterator end = db->xdb->postlist_end(t);
            while (it != end && !tu_xdb_in_scope(db, *it))
                ++it;
            return it != end ? *it : 0;
        });
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "find_term");
    }
}

extern "C" tracuu_status_t tracuu_db_all_terms(tracuu_db_t *db,
                                               const char *prefix,
                                               tracuu_term_cb cb, void *ctx)
{
    if (!db || !cb)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "all_terms: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    try {
        std::string p(prefix ? prefix : "");
        Xapian::TermIterator end = db->xdb->allterms_end(p);
        for (Xapian::TermIterator it = db->xdb->allterms_begin(p); it != end;
             ++it) {
            std::string t = *it;
            uint32_t df = it.get_termfreq(), cf;
            if (db->scoped) {
                /* only what the scope holds; its count stands for both */
                df = cf = tu_xdb_scoped_termfreq(db, t);
                if (df == 0)
                    continue;
            } else {
                cf = db->xdb->get_collection_freq(t);
            }
            if (cb(t.c_str(), t.size(), df, cf, ctx) != 0)
                break;
        }
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "all_terms");
    }
}

extern "C" tracuu_status_t tracuu_db_doc_terms(tracuu_db_t *db,
                                               tracuu_docid_t docid,
                                               const char *prefix,
                                               tracuu_term_cb cb, void *ctx)
{
    if (!db || !cb)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "doc_terms: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (docid == 0)
        return errf(db->err, TRACUU_ERR_NOT_FOUND,
                    "doc_terms: no document 0");
    try {
        if (!tu_xdb_in_scope(db, docid))
            return errf(db->err, TRACUU_ERR_NOT_FOUND, "doc_terms: no document %u",
                        static_cast<unsigned>(docid));
        std::string p(prefix ? prefix : "");
        Xapian::TermIterator end = db->xdb->termlist_end(docid);
        Xapian::TermIterator it = db->xdb->termlist_begin(docid);
        if (!p.empty())
            it.skip_to(p);
        for (; it != end; ++it) {
            std::string t = *it;
            if (!starts_with(t, p))
                break;
            if (cb(t.c_str(), t.size(), it.get_termfreq(), it.get_wdf(),
                   ctx) != 0)
                break;
        }
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "doc_terms");
    }
}

extern "C" tracuu_status_t tracuu_db_postings(tracuu_db_t *db,
                                              const char *term,
                                              tracuu_docid_cb cb, void *ctx)
{
    if (!db || !term || !cb)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "postings: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    size_t n = strlen(term);
    if (n == 0 || n > TU_XDB_MAX_TERM)
        return TRACUU_OK;
    try {
        std::string t(term, n);
        Xapian::PostingIterator end = db->xdb->postlist_end(t);
        for (Xapian::PostingIterator it = db->xdb->postlist_begin(t);
             it != end; ++it) {
            if (!tu_xdb_in_scope(db, *it))
                continue;
            if (cb(*it, ctx) != 0)
                break;
        }
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "postings");
    }
}

extern "C" tracuu_status_t tracuu_db_get_metadata(tracuu_db_t *db,
                                                  const char *key,
                                                  char **val, size_t *len)
{
    if (!db || !key || !*key || !val)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "get_metadata: NULL or empty argument")
                  : TRACUU_ERR_INVALID_ARG;
    *val = NULL;
    if (len)
        *len = 0;
    try {
        std::string s = tu_xdb_retry(db, [&] {
            return db->xdb->get_metadata(key);
        });
        if (dup_out(s, val, len) != TRACUU_OK)
            return errf(db->err, TRACUU_ERR_NOMEM,
                        "get_metadata: out of memory");
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "get_metadata");
    }
}

/* Hand each string of [IT, END) to CB until it asks to stop. */
static void each_string(Xapian::TermIterator it, const Xapian::TermIterator &end,
                        tracuu_str_cb cb, void *ctx)
{
    for (; it != end; ++it) {
        std::string s = *it;
        if (cb(s.c_str(), s.size(), ctx) != 0)
            break;
    }
}

extern "C" tracuu_status_t tracuu_db_metadata_keys(tracuu_db_t *db,
                                                   const char *prefix,
                                                   tracuu_str_cb cb,
                                                   void *ctx)
{
    if (!db || !cb)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "metadata_keys: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    try {
        std::string p(prefix ? prefix : "");
        each_string(db->xdb->metadata_keys_begin(p), db->xdb->metadata_keys_end(p),
                    cb, ctx);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "metadata_keys");
    }
}

extern "C" tracuu_status_t tracuu_db_synonyms(tracuu_db_t *db,
                                              const char *key,
                                              tracuu_str_cb cb, void *ctx)
{
    if (!db || !key || !cb)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "synonyms: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    try {
        std::string k(key);
        each_string(db->xdb->synonyms_begin(k), db->xdb->synonyms_end(k), cb, ctx);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "synonyms");
    }
}

extern "C" tracuu_status_t tracuu_db_synonym_keys(tracuu_db_t *db,
                                                  const char *prefix,
                                                  tracuu_str_cb cb, void *ctx)
{
    if (!db || !cb)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "synonym_keys: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    try {
        std::string p(prefix ? prefix : "");
        each_string(db->xdb->synonym_keys_begin(p), db->xdb->synonym_keys_end(p),
                    cb, ctx);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "synonym_keys");
    }
}

/* ---------------------------------------------------------------- writing */

extern "C" tracuu_status_t tracuu_db_replace(tracuu_db_t *db,
                                             const char *uid_term,
                                             tracuu_doc_t *doc,
                                             tracuu_docid_t *docid)
{
    if (docid)
        *docid = 0;
    if (!db || !uid_term || !doc)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "replace: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "replace") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    size_t n = strlen(uid_term);
    if (!tu_xdb_term_ok(uid_term, n))
        return errf(db->err, TRACUU_ERR_INVALID_ARG,
                    "replace: unique term empty or over %d bytes",
                    TU_XDB_MAX_TERM);
    try {
        std::string t(uid_term, n);
        Xapian::TermIterator it = doc->doc.termlist_begin();
        it.skip_to(t);
        if (it == doc->doc.termlist_end() || *it != t)
            return errf(db->err, TRACUU_ERR_INVALID_ARG,
                        "replace: the document lacks its unique term '%s'",
                        uid_term);
        spelling_forget(*db->wdb, t);
        Xapian::docid id = db->wdb->replace_document(t, doc->doc);
        spelling_each(doc->doc, *db->wdb, true);
        if (docid)
            *docid = id;
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "replace");
    }
}

extern "C" tracuu_status_t tracuu_db_delete(tracuu_db_t *db,
                                            const char *uid_term)
{
    if (!db || !uid_term)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "delete: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "delete") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    size_t n = strlen(uid_term);
    if (!tu_xdb_term_ok(uid_term, n))
        return errf(db->err, TRACUU_ERR_INVALID_ARG,
                    "delete: unique term empty or over %d bytes",
                    TU_XDB_MAX_TERM);
    try {
        std::string t(uid_term, n);
        spelling_forget(*db->wdb, t);
        db->wdb->delete_document(t);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "delete");
    }
}

extern "C" tracuu_status_t tracuu_db_set_doc_value(tracuu_db_t *db,
                                                  tracuu_docid_t docid,
                                                  unsigned slot,
                                                  const char *val, size_t len)
{
    if (!db || (!val && len))
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "set_doc_value: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "set_doc_value") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    if (docid == 0)
        return errf(db->err, TRACUU_ERR_NOT_FOUND, "set_doc_value: no document 0");
    try {
        Xapian::Document doc = db->wdb->get_document(docid);
        doc.add_value(slot, std::string(val ? val : "", len));
        db->wdb->replace_document(docid, doc);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "set_doc_value");
    }
}

extern "C" tracuu_status_t tracuu_db_commit(tracuu_db_t *db)
{
    if (!db)
        return TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "commit") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    try {
        db->wdb->commit();
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "commit");
    }
}

extern "C" tracuu_status_t tracuu_db_set_metadata(tracuu_db_t *db,
                                                  const char *key,
                                                  const char *val, size_t len)
{
    if (!db || !key || !*key || (!val && len > 0))
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "set_metadata: NULL or empty argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "set_metadata") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    if (strlen(key) > TU_XDB_MAX_TERM)
        return errf(db->err, TRACUU_ERR_INVALID_ARG,
                    "set_metadata: key over %d bytes", TU_XDB_MAX_TERM);
    try {
        db->wdb->set_metadata(key, val ? std::string(val, len)
                                       : std::string());
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "set_metadata");
    }
}

extern "C" tracuu_status_t tracuu_db_add_synonym(tracuu_db_t *db,
                                                 const char *key,
                                                 const char *synonym)
{
    if (!db || !key || !*key || !synonym || !*synonym)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "add_synonym: NULL or empty argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "add_synonym") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    if (strlen(key) > TU_XDB_MAX_TERM || strlen(synonym) > TU_XDB_MAX_TERM)
        return errf(db->err, TRACUU_ERR_INVALID_ARG,
                    "add_synonym: key or synonym over %d bytes",
                    TU_XDB_MAX_TERM);
    try {
        db->wdb->add_synonym(key, synonym);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "add_synonym");
    }
}

extern "C" tracuu_status_t tracuu_db_clear_synonyms(tracuu_db_t *db,
                                                    const char *key)
{
    if (!db || !key || !*key)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "clear_synonyms: NULL or empty argument")
                  : TRACUU_ERR_INVALID_ARG;
    if (need_writer(db, "clear_synonyms") != TRACUU_OK)
        return TRACUU_ERR_DB_READONLY;
    if (strlen(key) > TU_XDB_MAX_TERM)
        return TRACUU_OK;   /* such a key cannot have been added */
    try {
        db->wdb->clear_synonyms(key);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "clear_synonyms");
    }
}

extern "C" tracuu_status_t tracuu_db_spelling(tracuu_db_t *db, const char *word,
                                             unsigned max_edits, char **out)
{
    if (out)
        *out = NULL;
    if (!db || !word || !out)
        return db ? errf(db->err, TRACUU_ERR_INVALID_ARG,
                         "spelling: NULL argument")
                  : TRACUU_ERR_INVALID_ARG;
    try {
        std::string w(word);
        std::string s = tu_xdb_retry(db, [&] {
            return db->xdb->get_spelling_suggestion(w, max_edits);
        });
        if (s.empty())
            return TRACUU_OK;
        *out = static_cast<char *>(malloc(s.size() + 1));
        if (!*out)
            return errf(db->err, TRACUU_ERR_NOMEM, "spelling: out of memory");
        memcpy(*out, s.c_str(), s.size() + 1);
        return TRACUU_OK;
    } catch (...) {
        return tu_xdb_caught(db->err, "spelling");
    }
}
