/* tracuu internal: shared helpers of the document-knowledge parsers
 * (docnum.c, docdate.c, models.c, abbrev.c, meta.c, doctables.c).
 * Text is stored text (NFC UTF-8); positions are byte offsets. */
#ifndef TU_META_H
#define TU_META_H

#include <stddef.h>
#include <stdint.h>
#include "tracuu/meta.h"

/* ---- characters (metachar.c) ------------------------------------------ */
/* Code point at S[P] (N bytes in all); *LEN gets its byte length (>= 1).
 * An invalid sequence gives U+FFFD and length 1. */
uint32_t tu_m_dec(const char *s, size_t n, size_t p, size_t *len);
/* Code point ending just before S[P] (P > 0); *LEN its byte length. */
uint32_t tu_m_prev(const char *s, size_t p, size_t *len);
int tu_m_isletter(uint32_t c);   /* Latin letters used in Vietnamese */
int tu_m_isupper(uint32_t c);
int tu_m_islower(uint32_t c);
uint32_t tu_m_tolower(uint32_t c);
uint32_t tu_m_toupper(uint32_t c);
/* Encode C into OUT (4 bytes room); returns its length. */
size_t tu_m_enc(uint32_t c, char *out);
/* Folded key of S[0..N) (tracuu_norm_fold) into OUT (CAP bytes incl. NUL):
 * length, or -1 if it does not fit. */
int tu_m_fold(const char *s, size_t n, char *out, size_t cap);
/* 1 if the folded form of S[0..N) equals FOLDED (ASCII). */
int tu_m_word_is(const char *s, size_t n, const char *folded);
/* End of the word (run of letters and digits) starting at P. */
size_t tu_m_word_end(const char *s, size_t n, size_t p);
/* malloc'd copy of S[0..N) with a NUL; NULL if out of memory. */
char *tu_m_strndup(const char *s, size_t n);

/* ---- dates (docdate.c) ------------------------------------------------- */
/* 1 if Y-M-D is a real calendar date with 1945 <= Y <= 2100. */
int tu_date_valid(int y, int m, int d);
/* A date at P: "14/12/2023", "3-6-2013", "05.01.2023" (one separator kind)
 * or "05 tháng 3 năm 2021" (any case).  On success writes ISO into ISO
 * (11 bytes) and returns the end offset; else returns 0. */
size_t tu_date_at(const char *s, size_t n, size_t p, char iso[11]);
/* An issue date right after a document number ending at P:
 * optional ",", "ngày", a date.  Returns its end (ISO in ISO) or 0. */
size_t tu_date_after(const char *s, size_t n, size_t p, char iso[11]);
/* The document's own date (see docdate.c) into ISO ("" if none). */
void tu_docdate_find(const char *s, size_t n, char iso[11]);

/* ---- document numbers (docnum.c, doctables.c) -------------------------- */
/* Table spelling of a type / issuer code given in any case, with or without
 * marks ("qd" -> "QĐ"); static storage; NULL if not in the table. */
const char *tu_type_canon(const char *code, size_t n);
const char *tu_issuer_canon(const char *code, size_t n);

/* A document number starting exactly at P (a digit).  TEXT_MODE 1: in
 * running text (unknown issuers must be upper case); 0: typed by a user.
 * On success fills *OUT (owned by the caller: tracuu_ref_clear), sets *END
 * to the end of the number and of an issue date after it, *NUM_END to the
 * end of the number itself, and returns 1; 0 if none; -1 out of memory. */
int tu_ref_at(const char *s, size_t n, size_t p, int text_mode,
              tracuu_ref_t *out, size_t *num_end, size_t *end);
/* Next document number at or after *POS in running text: 1 found (*START,
 * *END as above; *POS advanced past it), 0 none left, -1 out of memory. */
int tu_ref_next(const char *s, size_t n, size_t *pos, tracuu_ref_t *out,
                size_t *start, size_t *end);

/* ---- models and abbreviations ------------------------------------------ */
/* Append the models named in S to M (de-duplicated by key). */
tracuu_status_t tu_models_extract(const char *s, size_t n, tracuu_meta_t *m);
/* Append the abbreviation pairs defined in S to M (de-duplicated). */
tracuu_status_t tu_abbr_extract(const char *s, size_t n, tracuu_meta_t *m);

typedef struct { const char *abbr; const char *expansion; } tu_abbr_entry_t;
extern const tu_abbr_entry_t tu_abbr_table[];   /* abbrev_table.c */
extern const size_t tu_abbr_table_n;

/* Limits: every list grown while extracting has a maximum size. */
#define TU_META_MAX_REFS   4096
#define TU_META_MAX_MODELS 4096
#define TU_META_MAX_PAIRS  1024

#endif
