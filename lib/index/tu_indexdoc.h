/* From a file's extracted text and knowledge to a Xapian document, with the
 * schema of include/tracuu/schema.h (docs/design.md section 5).  This is the only
 * place that decides which terms a document gets. */
#ifndef TU_INDEXDOC_H
#define TU_INDEXDOC_H

#include <stddef.h>
#include <stdint.h>
#include "tracuu/meta.h"
#include "tracuu/xdb.h"

#define TU_UID_MAX 245

typedef struct {
    const char *path;        /* absolute */
    const char *text;        /* stored text: NFC UTF-8 */
    size_t len;
    const char *title;       /* from the format's metadata, or NULL */
    const char *format;      /* "txt", ... */
    const char *encoding;    /* canonical name or NULL */
    const tracuu_meta_t *meta;
    uint64_t size;
    const char *mtime;       /* "seconds.nanoseconds" */
    uint64_t hash;           /* tu_hash of the file's bytes */
} tu_docinput_t;

/* The unique-id term of PATH ("Q" + path; paths too long for a Xapian term
 * end in a hash of the whole path).  Returns its length. */
size_t tu_uid_term(const char *path, char out[TU_UID_MAX + 1]);

/* The title: IN->title if not blank, else the first non-blank line of the
 * text, at most 200 bytes, cut at a character.  Malloc'd. */
char *tu_doc_title(const char *title, const char *text, size_t len);

/* Build the document.  *OUT freed by the caller with tracuu_doc_free. */
tracuu_status_t tu_build_doc(const tu_docinput_t *in, tracuu_doc_t **out);

/* 64-bit FNV-1a style content hash, chunk by chunk: start with
 * TU_HASH_INIT. */
#define TU_HASH_INIT 0xcbf29ce484222325ULL
uint64_t tu_hash(uint64_t h, const void *data, size_t n);

#endif
