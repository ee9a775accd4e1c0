/* tracuu internal: code points for scanners that walk stored text (NFC
 * UTF-8) byte by byte: the knowledge parsers (lib/knowledge/).  Decoding
 * and encoding go through text/tu_utf8.h, case through utf8proc: this file
 * only adds the lenient stepping and the notion of a Vietnamese letter. */
#ifndef TU_CHARS_H
#define TU_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Code point at S[P] (N bytes in all); *LEN gets its byte length (>= 1).
 * An invalid sequence gives U+FFFD and length 1; P >= N gives 0. */
uint32_t tu_ch_dec(const char *s, size_t n, size_t p, size_t *len);
/* Code point ending just before S[P] (P > 0); *LEN its byte length. */
uint32_t tu_ch_prev(const char *s, size_t p, size_t *len);
/* Encode C into OUT (4 bytes room); returns its length. */
size_t tu_ch_enc(uint32_t c, char *out);
/* Letters of the Latin blocks Vietnamese uses (ASCII, Latin-1, Latin
 * Extended-A/B, Latin Extended Additional); anything else is "not a
 * letter" for the parsers, which is what they need. */
int tu_ch_isletter(uint32_t c);
int tu_ch_isupper(uint32_t c);
int tu_ch_islower(uint32_t c);
uint32_t tu_ch_tolower(uint32_t c);
uint32_t tu_ch_toupper(uint32_t c);

#endif
