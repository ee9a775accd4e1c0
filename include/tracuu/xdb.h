/* tracuu: the C wrapper over Xapian (the only C++ in the project lives in
 * lib/xapian/xdb.cc).  No C++ exception ever crosses this interface: every Xapian
 * error, std::bad_alloc and anything else becomes a status and a message.
 *
 * Error channels (as in notmuch):
 *  - before a handle exists, tracuu_db_open() hands back a malloc'd message
 *    the caller frees;
 *  - after that, the handle owns its last message: tracuu_db_last_error()
 *    returns it, valid until the next call on the same handle.
 *
 * Ownership: every function that returns a malloc'd buffer says so; free it
 * with free().  Handles are freed with their own *_free / *_close, which all
 * accept NULL.  A handle is used by one thread at a time. */
#ifndef TRACUU_XDB_H
#define TRACUU_XDB_H

#include <stddef.h>
#include <stdint.h>
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tracuu_db tracuu_db_t;        /* a database, read-only or writable */
typedef struct tracuu_doc tracuu_doc_t;      /* a document being built */
typedef struct tracuu_query tracuu_query_t;  /* an immutable query tree */
typedef struct tracuu_mset tracuu_mset_t;    /* one page of results */

typedef uint32_t tracuu_docid_t;             /* 0 = none */

/* ---------------------------------------------------------------- opening */

enum {
    TRACUU_DB_READ = 0,      /* read-only; PATH may be a stub file of shards */
    TRACUU_DB_WRITE = 1,     /* writable local database, created if missing */
};

/* Open the database at PATH.  On success *OUT is the handle (close it with
 * tracuu_db_close) and *ERRMSG is untouched.  On failure *OUT is NULL and,
 * if ERRMSG is not NULL, *ERRMSG gets a malloc'd message naming PATH (caller
 * frees).  Returns TRACUU_OK, TRACUU_ERR_DB_OPEN, _DB_LOCKED, _DB_CORRUPT,
 * _DB_VERSION, _NETWORK, _NOMEM or _XAPIAN. */
tracuu_status_t tracuu_db_open(const char *path, int mode, tracuu_db_t **out,
                               char **errmsg);

/* Close: a writable database commits what is pending first.  Accepts NULL. */
void tracuu_db_close(tracuu_db_t *db);

/* The message of the last failed call on DB; "" if none.  Owned by DB. */
const char *tracuu_db_last_error(const tracuu_db_t *db);

/* Bring a reader up to the latest committed revision.
 *
 * DB_MODIFIED: a reader whose revision a writer has discarded.  doccount,
 * get_data, get_value, termfreq, find_term, get_metadata and search reopen
 * once by themselves and retry; the walks with callbacks (all_terms,
 * doc_terms, postings, synonyms, ...) return TRACUU_ERR_DB_MODIFIED instead:
 * call tracuu_db_reopen and start the walk again. */
tracuu_status_t tracuu_db_reopen(tracuu_db_t *db);

/* Shards: a database path may be a stub file listing shards ("auto PATH",
 * "remote HOST:PORT").  Each is opened on its own; a remote shard that does
 * not connect and answer within the timeout (default 5000 ms; set before
 * opening, for every later open) is left out, the others searched, and a
 * warning kept on the handle.  A shard that stops answering during a search
 * is left out the same way (the search is run once more).  The warnings
 * are English lines owned by DB. */
void tracuu_db_set_shard_timeout(unsigned ms);
size_t tracuu_db_n_warnings(const tracuu_db_t *db);
const char *tracuu_db_warning(const tracuu_db_t *db, size_t i);

/* Access scope: after this, DB shows only the documents indexed by at
 * least one of the N boolean TERMS (e.g. folder terms XDIR...): searches
 * are filtered at Xapian level (totals, facets and pages count only those),
 * and get_data, get_value, doc_terms, find_term, postings, termfreq,
 * all_terms, expand and spelling treat every other document as missing
 * (TRACUU_ERR_NOT_FOUND, or not counted).
 * N = 0 with TERMS not NULL: nothing is visible.  TERMS NULL: no scope.
 * Doccount, metadata and synonyms stay archive-wide. */
tracuu_status_t tracuu_db_set_scope(tracuu_db_t *db, const char *const *terms,
                                    size_t n);
int tracuu_db_is_scoped(const tracuu_db_t *db);

/* Number of documents (0 on error). */
uint32_t tracuu_db_doccount(tracuu_db_t *db);

/* The document data of DOCID: *DATA malloc'd (caller frees), *LEN its
 * length.  TRACUU_ERR_NOT_FOUND if there is no such document. */
tracuu_status_t tracuu_db_get_data(tracuu_db_t *db, tracuu_docid_t docid,
                                   char **data, size_t *len);

/* Value SLOT of DOCID: *VAL malloc'd (caller frees; "" if unset). */
tracuu_status_t tracuu_db_get_value(tracuu_db_t *db, tracuu_docid_t docid,
                                    unsigned slot, char **val, size_t *len);

/* Number of documents indexed by TERM (0 if none). */
tracuu_status_t tracuu_db_termfreq(tracuu_db_t *db, const char *term,
                                   uint32_t *freq);

/* The first document indexed by TERM (for unique-id terms), 0 if none. */
tracuu_status_t tracuu_db_find_term(tracuu_db_t *db, const char *term,
                                    tracuu_docid_t *docid);

/* Callback for term walks: TERM (LEN bytes, not NUL-terminated in general
 * but always followed by a NUL here), the number of documents it indexes and
 * its total count.  Return 0 to go on, non-zero to stop. */
typedef int (*tracuu_term_cb)(const char *term, size_t len, uint32_t docfreq,
                              uint32_t collfreq, void *ctx);

/* Every term in the database starting with PREFIX ("" = all), in byte order. */
tracuu_status_t tracuu_db_all_terms(tracuu_db_t *db, const char *prefix,
                                    tracuu_term_cb cb, void *ctx);

/* The terms of document DOCID starting with PREFIX; docfreq gets the term's
 * docfreq in the database and collfreq its wdf in this document. */
tracuu_status_t tracuu_db_doc_terms(tracuu_db_t *db, tracuu_docid_t docid,
                                    const char *prefix, tracuu_term_cb cb,
                                    void *ctx);

/* Callback for posting lists: one document id at a time. */
typedef int (*tracuu_docid_cb)(tracuu_docid_t docid, void *ctx);

/* Every document indexed by TERM, ascending docid. */
tracuu_status_t tracuu_db_postings(tracuu_db_t *db, const char *term,
                                   tracuu_docid_cb cb, void *ctx);

/* User metadata KEY: *VAL malloc'd (caller frees), "" if unset. */
tracuu_status_t tracuu_db_get_metadata(tracuu_db_t *db, const char *key,
                                       char **val, size_t *len);

/* Callback for string lists (synonyms, metadata keys). */
typedef int (*tracuu_str_cb)(const char *s, size_t len, void *ctx);

/* Every user metadata key starting with PREFIX ("" = all), in byte order. */
tracuu_status_t tracuu_db_metadata_keys(tracuu_db_t *db, const char *prefix,
                                        tracuu_str_cb cb, void *ctx);

/* The synonyms of KEY (Xapian's synonym table). */
tracuu_status_t tracuu_db_synonyms(tracuu_db_t *db, const char *key,
                                   tracuu_str_cb cb, void *ctx);

/* Every synonym key starting with PREFIX. */
tracuu_status_t tracuu_db_synonym_keys(tracuu_db_t *db, const char *prefix,
                                       tracuu_str_cb cb, void *ctx);

/* Xapian's spelling suggestion for the folded WORD, at most MAX_EDITS edits
 * away (1 or 2), from the dictionary that replace/delete keep: the
 * documents' folded words of 2 to 32 letters a-z, each counted once per
 * document.  *OUT malloc'd (caller frees), or NULL when there is none
 * (also when WORD is itself in the dictionary, and on a scoped handle when
 * no document of the scope has the suggestion). */
tracuu_status_t tracuu_db_spelling(tracuu_db_t *db, const char *word,
                                   unsigned max_edits, char **out);

/* The expand set of document DOCID ("more like this"): up to MAX terms of
 * that document that best tell it apart, by Xapian's expand weight,
 * heaviest first.  Only unprefixed terms containing a letter a-z (the
 * folded words) that another document has too are considered.  CB gets each term and its weight in
 * DOCFREQ's place as an integer x1000 (COLLFREQ 0).  TRACUU_ERR_NOT_FOUND
 * if there is no such document. */
tracuu_status_t tracuu_db_expand(tracuu_db_t *db, tracuu_docid_t docid,
                                 unsigned max, tracuu_term_cb cb, void *ctx);

/* ------------------------------------------------------- writing (WRITE) */
/* Every function here returns TRACUU_ERR_DB_READONLY on a read handle. */

/* Add or replace the document whose unique term is UID_TERM (e.g. "Q/path"),
 * which must also be one of DOC's terms.  *DOCID (if not NULL) gets its id.
 * Replace and delete also keep the spelling dictionary in step (see
 * tracuu_db_spelling). */
tracuu_status_t tracuu_db_replace(tracuu_db_t *db, const char *uid_term,
                                  tracuu_doc_t *doc, tracuu_docid_t *docid);

/* Delete every document indexed by UID_TERM (none: TRACUU_OK). */
tracuu_status_t tracuu_db_delete(tracuu_db_t *db, const char *uid_term);

/* Set value SLOT of the existing document DOCID (its terms and data stay):
 * used to record a new mtime when a touched file's content is unchanged.
 * TRACUU_ERR_NOT_FOUND if there is no such document. */
tracuu_status_t tracuu_db_set_doc_value(tracuu_db_t *db, tracuu_docid_t docid,
                                        unsigned slot, const char *val,
                                        size_t len);

/* Make every change so far durable (atomically: a reader or a crash sees
 * all of them or none). */
tracuu_status_t tracuu_db_commit(tracuu_db_t *db);

/* Merge the N local databases SOURCES into one compacted database at DEST
 * (a folder, made if missing; other files in it are left alone).  Document
 * ids are renumbered one source after the other; spelling frequencies are
 * added up and synonym lists joined.  A metadata key several sources hold
 * keeps one of their values (Xapian's choice, in no fixed order) and is
 * named to DUP (may be NULL; its return value is ignored), so that the
 * caller can set it afterwards.  None of SOURCES may be open for writing,
 * nor DEST open at all.  On failure *ERRMSG (if not NULL) gets a malloc'd
 * message naming DEST. */
tracuu_status_t tracuu_db_compact(const char *const *sources, size_t n,
                                  const char *dest, tracuu_str_cb dup, void *ctx,
                                  char **errmsg);

tracuu_status_t tracuu_db_set_metadata(tracuu_db_t *db, const char *key,
                                       const char *val, size_t len);

tracuu_status_t tracuu_db_add_synonym(tracuu_db_t *db, const char *key,
                                      const char *synonym);
tracuu_status_t tracuu_db_clear_synonyms(tracuu_db_t *db, const char *key);

/* --------------------------------------------------------------- documents */

/* A new empty document, or NULL when out of memory.  Free with
 * tracuu_doc_free (tracuu_db_replace does not take it). */
tracuu_doc_t *tracuu_doc_new(void);
void tracuu_doc_free(tracuu_doc_t *doc);

/* Terms longer than 240 bytes are rejected with TRACUU_ERR_INVALID_ARG
 * (Xapian's limit); callers skip them. */
tracuu_status_t tracuu_doc_add_posting(tracuu_doc_t *doc, const char *term,
                                       size_t len, uint32_t pos,
                                       uint32_t wdfinc);
tracuu_status_t tracuu_doc_add_term(tracuu_doc_t *doc, const char *term,
                                    size_t len, uint32_t wdfinc);
/* A term with wdf 0 (filters, unique ids, facets). */
tracuu_status_t tracuu_doc_add_boolean_term(tracuu_doc_t *doc,
                                            const char *term, size_t len);
tracuu_status_t tracuu_doc_set_value(tracuu_doc_t *doc, unsigned slot,
                                     const char *val, size_t len);
tracuu_status_t tracuu_doc_set_data(tracuu_doc_t *doc, const char *data,
                                    size_t len);

/* ----------------------------------------------------------------- queries */
/* Constructors return NULL when out of memory (or on an invalid argument).
 * Combining functions TAKE OWNERSHIP of their sub-queries, also on failure;
 * NULL sub-queries are skipped.  Free a query with tracuu_query_free.
 *
 * tracuu_query_combine: with no sub-query left the result is MatchNothing
 * for every operator (AND too); with one it is that sub-query.  For
 * AND_NOT, AND_MAYBE and FILTER subs[0] is the left-hand side: if it is
 * NULL the result is MatchNothing.  An op outside the enum gives NULL.
 * tracuu_query_term: a term over 240 bytes gives MatchNothing (it cannot be
 * in the index); NULL or LEN 0 gives NULL. */

typedef enum {
    TRACUU_OP_AND,
    TRACUU_OP_OR,
    TRACUU_OP_AND_NOT,     /* first AND NOT (the others OR'ed) */
    TRACUU_OP_AND_MAYBE,   /* first; the others only add weight */
    TRACUU_OP_FILTER,      /* first, restricted by the others, no weight */
    TRACUU_OP_PHRASE,      /* adjacent in order, within WINDOW positions */
    TRACUU_OP_NEAR,        /* within WINDOW positions, any order */
    TRACUU_OP_SYNONYM,     /* OR, weighted as one term */
    TRACUU_OP_LAST
} tracuu_query_op_t;

tracuu_query_t *tracuu_query_term(const char *term, size_t len, uint32_t wqf);
tracuu_query_t *tracuu_query_match_all(void);
tracuu_query_t *tracuu_query_match_nothing(void);
tracuu_query_t *tracuu_query_combine(tracuu_query_op_t op,
                                     tracuu_query_t **subs, size_t n,
                                     uint32_t window);
/* Documents whose value SLOT lies in [LO, HI] (byte order; NULL = open). */
tracuu_query_t *tracuu_query_value_range(unsigned slot, const char *lo,
                                         const char *hi);
/* Documents with a term starting with PREFIX (LEN bytes; Xapian's
 * OP_WILDCARD).  Past LIMIT distinct terms: with ERROR_PAST_LIMIT the
 * search fails (TRACUU_ERR_QUERY, "... expands to more than N terms"),
 * else only the LIMIT most frequent terms count. */
tracuu_query_t *tracuu_query_wildcard(const char *prefix, size_t len,
                                      uint32_t limit, int error_past_limit);
/* Multiply Q's weight by FACTOR (>= 0); takes ownership of Q. */
tracuu_query_t *tracuu_query_scale(tracuu_query_t *q, double factor);
/* Every document, each with the same weight WEIGHT (>= 0): a tier above
 * the weight of word queries when combined under FILTER/AND_MAYBE, e.g.
 * FILTER(const(W), exact matches) ranks exact matches first.  Xapian's
 * FixedWeightPostingSource, so it works on remote shards too. */
tracuu_query_t *tracuu_query_const(double weight);
/* A copy of Q sharing its internals (Xapian queries are reference counted). */
tracuu_query_t *tracuu_query_copy(const tracuu_query_t *q);
void tracuu_query_free(tracuu_query_t *q);
int tracuu_query_is_empty(const tracuu_query_t *q);
/* Xapian's description of Q, malloc'd (caller frees); for tests/debugging. */
char *tracuu_query_describe(const tracuu_query_t *q);

/* ------------------------------------------------------------------ search */

#define TRACUU_MAX_FACET_SLOTS 8

typedef struct {
    uint32_t offset, limit;
    int sort_slot;          /* -1: relevance; else sort by this value slot */
    int sort_descending;    /* with sort_slot: 1 newest first */
    uint32_t check_at_least;/* make total exact up to this many (0: default) */
    /* Facets: value slots holding '\n'-separated lists.  Items starting
     * with byte 0x01 are not counted (the indexer puts a hash there so that
     * distinct lists differ early). */
    unsigned facet_slots[TRACUU_MAX_FACET_SLOTS];
    size_t n_facet_slots;
    /* 0: facets count every matching document (check_at_least is raised to
     * the doc count).  N: check_at_least is raised to N; on a local
     * database the facets count every match when Xapian looks at every one
     * and they are no more than 2N, else a sample
     * of N to 2N matches spread over the whole archive (runs of documents
     * every so many docids, not the first matches: documents are numbered
     * in path order), scaled up to the estimated total; on a stub file of
     * shards, at least the first N matches Xapian looks at.  When that is
     * not every match tracuu_mset_facets_estimated() says so.  Bounds the
     * cost of a query that matches most of a large archive. */
    uint32_t facet_sample;
    /* 0: the query is ranked as it is over every match.  N: its positional
     * boosts (right-hand sides of AND_MAYBE that are phrases or nearness)
     * only rescore the N best matches of the query without them, as
     * Elasticsearch's rescore does: the match set, the totals and the
     * facets are the same; pages past N are ranked the slow way.  Local
     * databases only (ignored on a stub file of shards). */
    uint32_t rescore_window;
} tracuu_search_opts_t;

/* Run Q on DB.  *OUT gets the page (free with tracuu_mset_free).  OPTS
 * NULL: offset 0, limit 10, relevance (BM25).  Sorting by value breaks
 * ties by relevance.  Facets use a match spy in this process: they work on
 * local databases and stub files of local shards, not on remote shards.
 * Returns TRACUU_ERR_INVALID_ARG (NULL DB/Q/OUT, n_facet_slots too big),
 * _DB_CORRUPT, _DB_MODIFIED (after one automatic retry), _NETWORK, _NOMEM,
 * _XAPIAN. */
tracuu_status_t tracuu_db_search(tracuu_db_t *db, const tracuu_query_t *q,
                                 const tracuu_search_opts_t *opts,
                                 tracuu_mset_t **out);

uint32_t tracuu_mset_size(const tracuu_mset_t *m);        /* hits on this page */
uint32_t tracuu_mset_total(const tracuu_mset_t *m);       /* estimated total */
uint32_t tracuu_mset_total_lower(const tracuu_mset_t *m); /* certain minimum */
int tracuu_mset_total_exact(const tracuu_mset_t *m);      /* total is exact */
/* 1 if the facet counts are estimates (facet_sample saw only part of the
 * matches), 0 if every one is exact. */
int tracuu_mset_facets_estimated(const tracuu_mset_t *m);
tracuu_docid_t tracuu_mset_docid(const tracuu_mset_t *m, uint32_t i);
double tracuu_mset_weight(const tracuu_mset_t *m, uint32_t i);

/* Facet counts of facet slot number I (index into opts.facet_slots), most
 * frequent first (ties in byte order).  Strings owned by M. */
size_t tracuu_mset_facet_size(const tracuu_mset_t *m, size_t i);
const char *tracuu_mset_facet_value(const tracuu_mset_t *m, size_t i,
                                    size_t j, uint32_t *count);
void tracuu_mset_free(tracuu_mset_t *m);

#ifdef __cplusplus
}
#endif
#endif
