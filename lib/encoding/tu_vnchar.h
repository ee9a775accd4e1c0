/* tracuu internal: Vietnamese letters as (vowel, tone, case),
 * shared by the legacy-encoding converters and the detection score.
 *
 * Vowels are numbered TU_V_A .. TU_V_Y (the 12 Vietnamese vowel letters);
 * tones TU_T_NONE .. TU_T_DOT.  The table of precomposed letters is in
 * enc_vnchar.c (from the Unicode code charts, Latin-1 Supplement, Latin
 * Extended-A/B and Latin Extended Additional). */
#ifndef TU_VNCHAR_H
#define TU_VNCHAR_H

#include <stddef.h>
#include <stdint.h>

enum { TU_V_A, TU_V_AW, TU_V_AA, TU_V_E, TU_V_EE, TU_V_I, TU_V_O, TU_V_OO,
       TU_V_OW, TU_V_U, TU_V_UW, TU_V_Y, TU_V_COUNT };
enum { TU_T_NONE, TU_T_GRAVE, TU_T_HOOK, TU_T_TILDE, TU_T_ACUTE, TU_T_DOT,
       TU_T_COUNT };

/* The precomposed letter for VOWEL with TONE, upper case if UPPER. */
uint32_t tu_vn_compose(int vowel, int tone, int upper);

/* If CP is one of the 144 Vietnamese vowel letters (with or without tone,
 * either case), set *VOWEL, *TONE, *UPPER and return 1; else return 0. */
int tu_vn_decompose(uint32_t cp, int *vowel, int *tone, int *upper);

/* The base vowel obtained by adding circumflex / breve / horn to VOWEL, or
 * -1 if that mark does not go on it. */
int tu_vn_add_circumflex(int vowel);
int tu_vn_add_breve(int vowel);
int tu_vn_add_horn(int vowel);

/* Detection statistics over UTF-8 TEXT (N bytes): words are runs of
 * letters (combining marks attach to the letter before). */
typedef struct {
    size_t words;         /* all words */
    size_t valid;         /* words that are Vietnamese syllables */
    size_t marked;        /* words with a Vietnamese-specific letter or tone */
    size_t marked_valid;  /* ... that are syllables */
    size_t foreign;       /* words with a non-ASCII letter that is not Vietnamese */
    size_t common;        /* marked syllables among the most frequent ones */
} tu_vn_stats;

void tu_vn_stats_text(const char *text, size_t n, tu_vn_stats *st);

/* The weighted score (0..1) of ST: see tracuu_vn_score. */
double tu_vn_stats_score(const tu_vn_stats *st);

/* 1 if the UTF-8 word W (N bytes, letters only, NFC or NFD, any case) is a
 * plausible Vietnamese syllable (initial, vowel cluster, final, one tone
 * that the final allows).  Our own check, independent of the normaliser. */
int tu_vn_syllable_utf8(const char *w, size_t n);

#endif
