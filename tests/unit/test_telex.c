/* Telex and VNI keystrokes typed with the input method off. */
#include "tu_test.h"
#include "search/tu_telex.h"

static const char *conv(const char *w)
{
    static char out[64];
    int n = tu_telex_word(w, strlen(w), out, sizeof out);
    return n > 0 ? out : "";
}

void tu_test_main(void)
{
    /* Telex */
    CHECK_STR(conv("daan"), "dân");
    CHECK_STR(conv("vaajn"), "vận");
    CHECK_STR(conv("khesso"), "khéo");     /* tone key anywhere after the vowel */
    CHECK_STR(conv("kheos"), "khéo");
    CHECK_STR(conv("ddangr"), "đảng");
    CHECK_STR(conv("uyr"), "ủy");
    CHECK_STR(conv("huyeejn"), "huyện");
    CHECK_STR(conv("nghij"), "nghị");
    CHECK_STR(conv("quyeets"), "quyết");
    CHECK_STR(conv("nguwowif"), "người");
    CHECK_STR(conv("nguoiwf"), "người");
    CHECK_STR(conv("dduwowcj"), "được");
    CHECK_STR(conv("hoaf"), "hòa");        /* canonical (old style) placement */
    CHECK_STR(conv("thuyr"), "thủy");
    CHECK_STR(conv("tw"), "tư");
    CHECK_STR(conv("DDAANG"), "đâng");
    CHECK_STR(conv("coong"), "công");      /* also a syllable: the caller decides */
    /* VNI */
    CHECK_STR(conv("da6n"), "dân");
    CHECK_STR(conv("va65n"), "vận");
    CHECK_STR(conv("khe1o"), "khéo");
    CHECK_STR(conv("d9a3ng"), "đảng");
    CHECK_STR(conv("ngu7o72i"), "người");
    CHECK_STR(conv("nguo72i"), "người");
    /* not keystrokes: left alone */
    CHECK_STR(conv("dan"), "");            /* already a syllable */
    CHECK_STR(conv("kheo"), "");
    CHECK_STR(conv("ubnd"), "");           /* no syllable comes out */
    CHECK_STR(conv("25"), "");
    CHECK_STR(conv("xyzzy"), "");
    CHECK_STR(conv("dân"), "");            /* not ASCII keystrokes */
    CHECK_STR(conv(""), "");
    CHECK_STR(conv("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "");
}
