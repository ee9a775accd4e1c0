/* tracuu: document knowledge extracted from a document's text (docs/design.md
 * section 3): its own date, the document numbers it cites, the "mô hình"
 * models it names, and abbreviation pairs it defines ("dân tộc thiểu số
 * (DTTS)").  Input is stored text (NFC UTF-8). */
#ifndef TRACUU_META_H
#define TRACUU_META_H

#include <stddef.h>
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    char *ref;      /* display form, NFC, as canonicalised: "61/2018/NĐ-CP" */
    char *key;      /* search key: folded lower case "61/2018/nd-cp" */
    char *number;   /* "61" */
    char *type;     /* display form of the type code: "NĐ" ("" if none) */
    char *issuer;   /* "CP" ("" if none) */
    int year;       /* 2018, or 0 if the number has no year */
    char date[11];  /* issue date given after it ("ngày 14/12/2023"): ISO or "" */
} tracuu_ref_t;

typedef struct {
    char *abbr;        /* "DTTS" */
    char *expansion;   /* "dân tộc thiểu số" (NFC, as written, lower case) */
} tracuu_abbr_pair_t;

typedef struct {
    char date[11];                 /* the document's own date, ISO, or "" */
    tracuu_ref_t *refs; size_t n_refs;          /* de-duplicated by key */
    char **models; size_t n_models;             /* display names, de-duplicated */
    tracuu_abbr_pair_t *pairs; size_t n_pairs;  /* learned abbreviations */
} tracuu_meta_t;

/* Extract everything from TEXT (N bytes).  *OUT must be zeroed (or cleared)
 * before; free its contents with tracuu_meta_clear.  TRACUU_ERR_NOMEM only. */
tracuu_status_t tracuu_meta_extract(const char *text, size_t n,
                                    tracuu_meta_t *out);
void tracuu_meta_clear(tracuu_meta_t *m);

/* Parse a document number typed by a user ("25-nq/tw", "61/2018/ND-CP") into
 * *OUT (zeroed before; clear with tracuu_ref_clear).  TRACUU_ERR_QUERY if it
 * is not a document number. */
tracuu_status_t tracuu_ref_parse(const char *s, size_t n, tracuu_ref_t *out);
void tracuu_ref_clear(tracuu_ref_t *r);

/* Folded key of a model name (for the XM term and mohinh:), malloc'd. */
char *tracuu_model_key(const char *name, size_t n);

/* Expansion of a document type code ("NQ" -> "nghị quyết"), static, or NULL. */
const char *tracuu_type_name(const char *code);
/* Expansion of an issuer code ("TW" -> "Ban Chấp hành Trung ương"), or NULL. */
const char *tracuu_issuer_name(const char *code);

/* The curated abbreviation list (data/abbreviations.tsv compiled in):
 * calls CB(abbr, expansion, ctx) for each pair; stops on non-zero. */
typedef int (*tracuu_abbr_cb)(const char *abbr, const char *expansion,
                              void *ctx);
void tracuu_abbr_each(tracuu_abbr_cb cb, void *ctx);

/* 1 if ABBR plausibly abbreviates EXPANSION: the initials of its syllables
 * (đ counted as Đ, case-insensitive; "KT-XH" style hyphens allowed) spell it. */
int tracuu_abbr_plausible(const char *abbr, const char *expansion);

#ifdef __cplusplus
}
#endif
#endif
