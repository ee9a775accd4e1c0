/* tracuu internal: a document's subject line (subject.c): "V/v ...",
 * "Về việc ...", or the lines under the type heading ("BÁO CÁO", "KẾ
 * HOẠCH", ...).  Used by header.c for the document's own identity; the
 * lines come trimmed (no leading or trailing blanks). */
#ifndef TU_SUBJECT_H
#define TU_SUBJECT_H

#include <stddef.h>

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
