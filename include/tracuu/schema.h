/* tracuu: the index schema (docs/design.md section 5), the one table both the
 * indexer and the query side use.
 *
 * Terms: unprefixed = folded words with positions; XA = accent-exact words
 * (no positions); Q = unique id (absolute path); XREF document numbers
 * (folded canonical form, e.g. "XREF25-nq/tw"); XTYPE type ("XTYPEnq");
 * XISS issuer ("XISStw"); Y year ("Y2023"); XM model (folded name);
 * XFMT format ("XFMTpdf"); XENC source encoding ("XENCtcvn3"); XT title
 * words (folded, with positions, for title:); XDIR each folder above the
 * file by absolute path, XDN each folder's name folded (for thumuc:). */
#ifndef TRACUU_SCHEMA_H
#define TRACUU_SCHEMA_H

#ifdef __cplusplus
extern "C" {
#endif

#define TU_PREFIX_EXACT  "XA"
#define TU_PREFIX_UID    "Q"
#define TU_PREFIX_TITLE  "XT"
#define TU_PREFIX_REF    "XREF"
#define TU_PREFIX_TYPE   "XTYPE"
#define TU_PREFIX_ISSUER "XISS"
#define TU_PREFIX_YEAR   "Y"
#define TU_PREFIX_MODEL  "XM"
#define TU_PREFIX_FORMAT "XFMT"
#define TU_PREFIX_ENC    "XENC"
#define TU_PREFIX_DIR    "XDIR"   /* each folder above the file, absolute path */
#define TU_PREFIX_DIRNAME "XDN"   /* each folder's name, folded */

/* Value slots. */
enum {
    TU_SLOT_DATE = 0,     /* "YYYYMMDD" (sortable), unset if unknown */
    TU_SLOT_SIZE = 1,     /* file size, decimal */
    TU_SLOT_MTIME = 2,    /* mtime seconds.nanoseconds, decimal */
    TU_SLOT_HASH = 3,     /* content hash, 16 hex digits */
    TU_SLOT_TYPES = 4,    /* facet: document types cited, '\n'-separated */
    TU_SLOT_ISSUERS = 5,  /* facet: issuers cited */
    TU_SLOT_YEAR = 6,     /* facet: the document's year "2023" */
    TU_SLOT_MODELS = 7,   /* facet: models named (display form) */
    TU_SLOT_PATH = 8,     /* the absolute path (listings read it cheaply) */
    TU_SLOT_WARNING = 9,  /* the problem reported when the file was indexed
                           * (e.g. invalid UTF-8), unset if none: a re-run
                           * that skips the unchanged file reports it again */
};

/* Query fields (docs/design.md section 4) and the prefix each searches.
 * kind: 0 = free text (folded + exact, positional), 1 = boolean filter
 * (value folded), 2 = date range on TU_SLOT_DATE, 3 = folder (a value with
 * a '/' is an absolute folder path, XDIR; else a folder name, XDN). */
typedef struct {
    const char *field;
    const char *prefix;
    int kind;
} tu_field_t;

extern const tu_field_t tu_fields[];
extern const unsigned tu_n_fields;

/* The field named NAME (N bytes, ASCII case-insensitive), or NULL. */
const tu_field_t *tu_field_find(const char *name, unsigned n);

#ifdef __cplusplus
}
#endif
#endif
