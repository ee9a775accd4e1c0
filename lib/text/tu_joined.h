/* Joined forms of compounds, the one rule shared by the indexer and the
 * query parser so that a number or a name is found however it is typed.
 *
 *  - A number written with thousands dots and an optional decimal comma
 *    ("2.450", "1.250,5", "12.345.678") has the joined form without the
 *    dots ("2450", "1250,5", "12345678").
 *  - A name or loanword whose parts are joined by an apostrophe or a hyphen
 *    ("H'Drai", "M’Drắk", "Ê-đê", "Xơ-đăng", "KT-XH") has the folded parts
 *    run together ("hdrai", "mdrak", "ede", "xodang", "ktxh").
 *
 * The indexer adds the joined form at the compound's position (beside the
 * whole and its parts); the parser searches it beside the compound typed,
 * and a plain word typed joined ("hdrai", "2450") matches it as it is. */
#ifndef TU_JOINED_H
#define TU_JOINED_H

#include <stddef.h>

/* The folded joined form of the compound S (N bytes, NFC UTF-8) in OUT (at
 * most CAP bytes and a NUL).  Returns its length, or 0 if S has none (not
 * one of the two shapes above, a part too long, or CAP too small). */
int tu_joined_form(const char *s, size_t n, char *out, size_t cap);

#endif
