/* The subject line of an official document, read from its header: the
 * "V/v …" or "Về việc …" line of a letter, or the line(s) under the
 * document-type heading of a report, plan, decision ("BÁO CÁO" / "Kết quả
 * thực hiện …").  The indexer gives it title weight and shows it as the
 * title when the file has no title of its own.
 *
 * Kept in its own file so that the document's identity (own number, type,
 * issuer, subject) can build on it. */
#ifndef TU_SUBJECT_H
#define TU_SUBJECT_H

#include <stddef.h>

/* Lines of the header looked at, and the longest subject kept (bytes). */
#define TU_SUBJECT_LINES 40
#define TU_SUBJECT_MAX 400

/* The subject of TEXT (LEN bytes, NFC UTF-8), whitespace collapsed:
 * "V/v tăng cường …", "Về việc …", or the heading and the line(s) under it
 * ("BÁO CÁO Kết quả công tác dân vận năm 2023").  Malloc'd, or NULL if the
 * header has none (or no memory). */
char *tu_subject_line(const char *text, size_t len);

#endif
