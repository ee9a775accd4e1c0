/* Vietnamese typed with the input method switched off: Telex ("daan vaajn
 * khesso" for "dân vận khéo") and VNI ("da6n va65n khe1o").  A query word
 * that is not a Vietnamese syllable as typed, but is one once read as Telex
 * or VNI keystrokes, is turned back into the syllable for "did you mean". */
#ifndef TU_TELEX_H
#define TU_TELEX_H

#include <stddef.h>

/* Read word W (N bytes, ASCII letters and digits) as Telex or VNI
 * keystrokes.  On success writes the syllable (NFC, lower case, canonical
 * tone placement) to OUT (CAP bytes) and returns its length; returns 0 when
 * W is not such a word (not ASCII, no keystroke in it, or no valid
 * syllable results).  A word can be both ("coong" is a syllable and Telex
 * for "công"): the caller asks only for words its archive lacks. */
int tu_telex_word(const char *w, size_t n, char *out, size_t cap);

#endif
