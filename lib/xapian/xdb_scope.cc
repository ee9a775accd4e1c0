/* Access scope: a read handle restricted to the documents indexed by one of
 * a set of boolean terms (the folders a reader may see).  Searches get the
 * restriction as a Xapian filter (so counts, facets and listings only see
 * those documents); point reads (data, values, terms of one document) and
 * walks (postings, all terms, term frequencies) check the visible set. */
#include "xapian/tu_xdb.h"

#include <cstdint>
#include <cstring>
#include <new>

namespace {

void build(tracuu_db *db)
{
    if (db->scope_built)
        return;
    std::vector<bool> bits(static_cast<size_t>(db->xdb->get_lastdocid()) + 1, false);
    for (const std::string &t : db->scope_terms) {
        Xapian::PostingIterator end = db->xdb->postlist_end(t);
        for (Xapian::PostingIterator it = db->xdb->postlist_begin(t); it != end; ++it)
            if (*it < bits.size())
                bits[*it] = true;
    }
    db->scope_bits.swap(bits);
    db->scope_built = true;
}

} // namespace

bool tu_xdb_in_scope(tracuu_db *db, Xapian::docid docid)
{
    if (!db->scoped)
        return true;
    build(db);
    return docid < db->scope_bits.size() && db->scope_bits[docid];
}

Xapian::Query tu_xdb_scope_query(const tracuu_db *db, const Xapian::Query &q)
{
    if (!db->scoped)
        return q;
    if (db->scope_terms.empty())
        return Xapian::Query::MatchNothing;
    Xapian::Query f(Xapian::Query::OP_OR, db->scope_terms.begin(),
                    db->scope_terms.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, q, f);
}

uint32_t tu_xdb_scoped_termfreq(tracuu_db *db, const std::string &term)
{
    if (!db->scoped)
        return db->xdb->get_termfreq(term);
    build(db);
    uint32_t n = 0;
    Xapian::PostingIterator end = db->xdb->postlist_end(term);
    for (Xapian::PostingIterator it = db->xdb->postlist_begin(term); it != end; ++it)
        if (*it < db->scope_bits.size() && db->scope_bits[*it])
            n++;
    return n;
}

void tu_xdb_scope_reset(tracuu_db *db)
{
    db->scope_built = false;
    std::vector<bool>().swap(db->scope_bits);
}

extern "C" tracuu_status_t tracuu_db_set_scope(tracuu_db_t *db,
                                               const char *const *terms,
                                               size_t n)
{
    if (!db)
        return TRACUU_ERR_INVALID_ARG;
    try {
        std::vector<std::string> t;
        if (terms)
            for (size_t i = 0; i < n; i++)
                if (terms[i] && *terms[i] && strlen(terms[i]) <= TU_XDB_MAX_TERM)
                    t.emplace_back(terms[i]);
        db->scope_terms.swap(t);
        db->scoped = terms != NULL;
        tu_xdb_scope_reset(db);
        return TRACUU_OK;
    } catch (...) {
        /* fail closed: nothing visible */
        db->scoped = true;
        db->scope_terms.clear();
        tu_xdb_scope_reset(db);
        return tu_xdb_caught(db->err, "set_scope");
    }
}

extern "C" int tracuu_db_is_scoped(const tracuu_db_t *db)
{
    return db && db->scoped;
}

extern "C" size_t tracuu_db_n_warnings(const tracuu_db_t *db)
{
    return db ? db->warnings.size() : 0;
}

extern "C" const char *tracuu_db_warning(const tracuu_db_t *db, size_t i)
{
    return db && i < db->warnings.size() ? db->warnings[i].c_str() : NULL;
}
