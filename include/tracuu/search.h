/* tracuu: searching, the one implementation behind tracuu-search and
 * tracuu.cgi.  A request (query text, page, sort, filters) gives results
 * with titles, dates, snippets and highlight spans, refs, models, the
 * "did you mean" suggestion and facet counts.  Renderers (terminal, JSON,
 * HTML) only format what this returns. */
#ifndef TRACUU_SEARCH_H
#define TRACUU_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include "tracuu/status.h"
#include "tracuu/xdb.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TRACUU_MAX_QUERY_BYTES 2048
#define TRACUU_MAX_LIMIT 1000
#define TRACUU_FACET_SAMPLE 1000  /* matches facets count before scaling */

typedef struct {
    const char *query;     /* user query, UTF-8; "" or NULL = all documents */
    uint32_t offset;
    uint32_t limit;        /* 0 = 10; capped at TRACUU_MAX_LIMIT */
    int sort_by_date;      /* newest first */
    /* Extra filters (CGI facet links); NULL/0 = none.  Values as shown in
     * facets: the document's own type "BC" and issuer "HUYỆN ỦY LÂM HÀ"
     * (or its code "HU"), year 2023, model "Dân vận khéo". */
    const char *type, *issuer, *model;
    int year;
    /* Filters on what the documents cite: type "NQ", issuer "TW". */
    const char *cited_type, *cited_issuer;
    int want_facets;
    /* Facets count the first TRACUU_FACET_SAMPLE matches at least and are
     * scaled up beyond (results' facets_estimated); 1: count every match. */
    int exact_facets;
    int want_suggestion;
    size_t snippet_bytes;  /* 0 = about 240 */
    /* With want_suggestion, a query of plain words that finds nothing is
     * corrected (typos, Telex/VNI keystrokes) and the correction searched
     * if it finds something (results.corrected says so); AS_TYPED: never. */
    int as_typed;
} tracuu_search_req_t;

typedef struct {
    size_t start, len;     /* byte span in the string it belongs to */
} tracuu_span_t;

/* A document's own identity, read from its header when it was indexed
 * (docs/design.md section 3), with the labels of its codes and the number
 * of documents in the archive that cite its number.  Strings are NULL when
 * the header does not give them. */
typedef struct {
    char *number;          /* own number "12-BC/HU" */
    char *type;            /* type code "BC" */
    char *type_name;       /* "Báo cáo" (NULL for an unknown code) */
    char *issuer;          /* issuing organ as printed "HUYỆN ỦY LÂM HÀ" */
    char *issuer_parent;   /* the organ above it "ĐẢNG BỘ TỈNH LÂM ĐỒNG" */
    char *issuer_code;     /* the number's issuer code "HU" */
    char *issuer_name;     /* its expansion "Huyện ủy" */
    char *place;           /* "Lâm Hà" */
    char *subject;         /* "V/v ..." text or the lines under the heading */
    char *signer;          /* name under the signature */
    uint32_t cited_by;     /* documents citing the own number (0 if none) */
    char *number_key;      /* folded key of the number, for trichdan: links */
} tracuu_ident_t;

/* Free the strings of ID. */
void tracuu_ident_clear(tracuu_ident_t *id);

typedef struct {
    uint32_t rank;         /* 1-based, counting from offset+1 */
    tracuu_docid_t docid;
    double score;
    char *path, *title;
    char date[11];         /* ISO or "" */
    char *snippet;         /* plain text, "…" at cut ends */
    tracuu_span_t *hl; size_t n_hl;  /* matched words in snippet */
    char **refs; size_t n_refs;
    tracuu_docid_t *ref_docids;  /* n_refs: the document in the archive
                                  * whose own number refs[i] is, 0 if none */
    char **models; size_t n_models;
    char *format, *encoding;  /* "" if unknown */
    int partial;           /* holds only part of the query's words */
    tracuu_ident_t own;
} tracuu_hit_t;

typedef struct {
    char *value;
    uint32_t count;
} tracuu_facet_item_t;

/* TYPE and ISSUER are the documents' own type code and issuer (from their
 * headers); CITED_TYPE and CITED_ISSUER the types and issuers of the
 * numbers they cite (what TYPE and ISSUER counted before issue 11). */
enum { TRACUU_FACET_TYPE, TRACUU_FACET_ISSUER, TRACUU_FACET_YEAR,
       TRACUU_FACET_MODEL, TRACUU_FACET_CITED_TYPE, TRACUU_FACET_CITED_ISSUER,
       TRACUU_N_FACETS };
extern const char *const tracuu_facet_names[TRACUU_N_FACETS]; /* "type", ... */

typedef struct {
    char *query;            /* the query as given (NFC) */
    uint32_t total;         /* matches (estimate for large sets) */
    int total_exact;        /* 1 if total is exact, 0 if an estimate */
    int facets_estimated;   /* 1: facet counts scaled up from a sample
                             * (show them as approximate); 0: exact */
    uint32_t offset;
    char *suggestion;       /* NULL if none */
    char *corrected;        /* the query searched instead of the typed one
                             * (which found nothing), NULL if none */
    int partial;            /* some hit holds only part of the query: a
                             * question, a long query or pasted text was
                             * ranked by how much of it documents hold */
    tracuu_hit_t *hits; size_t n_hits;
    tracuu_facet_item_t *facets[TRACUU_N_FACETS];
    size_t n_facets[TRACUU_N_FACETS];
    char **warnings; size_t n_warnings;  /* e.g. a shard that did not answer */
} tracuu_results_t;

/* Run REQ on DB.  *OUT is freed with tracuu_results_free.  A malformed query
 * gives TRACUU_ERR_QUERY with *ERRMSG (malloc'd, caller frees) saying what
 * and where, in English. */
tracuu_status_t tracuu_search(tracuu_db_t *db, const tracuu_search_req_t *req,
                              tracuu_results_t **out, char **errmsg);
void tracuu_results_free(tracuu_results_t *r);

/* More like this: documents similar to DOCID (its most telling folded
 * words, Xapian's expand set), DOCID itself left out.  REQ gives the page,
 * sort and filters (its query is ignored).  *OUT->query is "like:DOCID".
 * TRACUU_ERR_NOT_FOUND (with *ERRMSG) if there is no such document. */
tracuu_status_t tracuu_like(tracuu_db_t *db, tracuu_docid_t docid,
                            const tracuu_search_req_t *req,
                            tracuu_results_t **out, char **errmsg);

/* One document for viewing: its stored text, up to the first
 * TRACUU_DOCVIEW_MAX_TEXT bytes, with the matches of QUERY (may be NULL)
 * highlighted. */
#define TRACUU_DOCVIEW_MAX_TEXT (4u << 20)
typedef struct {
    tracuu_docid_t docid;
    char *path, *title, *text;
    size_t text_len;
    size_t text_total;      /* the whole text's length; > text_len when the
                             * view shows only its beginning (say so) */
    char date[11];
    tracuu_span_t *hl; size_t n_hl;
    char **refs; size_t n_refs;
    tracuu_docid_t *ref_docids;  /* as in tracuu_hit_t */
    char **models; size_t n_models;
    char *format, *encoding;
    tracuu_ident_t own;
} tracuu_docview_t;

tracuu_status_t tracuu_docview(tracuu_db_t *db, tracuu_docid_t docid,
                               const char *query, tracuu_docview_t **out,
                               char **errmsg);
void tracuu_docview_free(tracuu_docview_t *v);

/* The metadata key where tracuu-index records the real roots it indexed
 * (and the outside roots it was allowed), one a line. */
#define TRACUU_META_ROOTS "roots"

/* May the search page show the document whose file is PATH?  1 if PATH
 * still resolves (symbolic links followed) under one of the roots recorded
 * in DB, or cannot be resolved at all (the file is gone, or lives on
 * another machine: the text shown is the one indexed); 0 if it now leads
 * out of every root (e.g. replaced by a link to /etc).  A database without
 * recorded roots (older runs) gives 1. */
int tracuu_path_servable(tracuu_db_t *db, const char *path);

/* Archive listings for --refs and --models, restricted to documents
 * matching QUERY (NULL or "" = all).  Sorted by number of documents, most
 * first. */
typedef struct {
    char *name;           /* ref display form or model name */
    char *type, *issuer;  /* refs only ("" if none) */
    int year;             /* refs only, 0 if none */
    char *type_name;      /* refs: label of the type code ("Chương trình
                           * phối hợp"), NULL if unknown */
    const char *issuer_name;  /* refs: label of the issuer code ("Ban Dân
                               * vận Huyện ủy"), static, NULL if unknown */
    tracuu_docid_t in_archive;  /* refs: the document whose own number it
                                 * is, 0 if none in the archive */
    uint32_t documents;
    char **paths; size_t n_paths;
} tracuu_listing_item_t;

typedef struct {
    tracuu_listing_item_t *items;
    size_t n;
    char **warnings; size_t n_warnings;  /* e.g. a shard that did not answer */
} tracuu_listing_t;

/* The warnings of DB (tracuu_db_warning) as a malloc'd list in *OUT, *N. */
void tracuu_db_copy_warnings(tracuu_db_t *db, char ***out, size_t *n);

enum { TRACUU_LIST_REFS, TRACUU_LIST_MODELS };
tracuu_status_t tracuu_listing(tracuu_db_t *db, int what, const char *query,
                               tracuu_listing_t **out, char **errmsg);
void tracuu_listing_free(tracuu_listing_t *l);

#ifdef __cplusplus
}
#endif
#endif
