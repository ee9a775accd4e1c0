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

/* Line helpers for the header reader (header.c, issue 11), which takes the
 * subject without its heading or marker for the document's own identity.
 * Two readers of the same lines for now: to be made one (issue 11's
 * report). */
/* 1 if the line S[0..N) opens a "V/v" subject ("V/v", "V/V", "V.v" and a
 * blank or ":"); *BODY gets the offset of its text after the marker. */
int tu_subject_vv(const char *s, size_t n, size_t *body);
/* 1 if the line S[0..N) starts the body of the document rather than going
 * on with a subject: "Căn cứ", "Kính gửi", "Thực hiện", "Phần", "Điều",
 * "I.", "1.", "-", "+", a rule of dashes or stars. */
int tu_subject_body_start(const char *s, size_t n);
/* 1 if the line S[0..N) (INDENT blanks before it in the text) goes on a
 * subject whose last line was P[0..PN): a line starting in lower case, with
 * "(" or a quote or a digit; or, in a centred layout (INDENT >= 8), any line
 * when the previous one does not end a sentence. */
int tu_subject_continues(const char *p, size_t pn, const char *s, size_t n,
                         size_t indent);


#endif
