/* Joined forms (text/joined.c): the numbers and names that get one, and
 * those that must not. */
#include <string.h>
#include "tu_test.h"
#include "text/tu_joined.h"

static void joined(const char *s, const char *want)
{
    char out[128];
    int n = tu_joined_form(s, strlen(s), out, sizeof out);
    if (!want) {
        CHECK_INT(n, 0);
        return;
    }
    CHECK_INT(n, (long long)strlen(want));
    if (n > 0)
        CHECK_STR(out, want);
}

void tu_test_main(void)
{
    joined("2.450", "2450");
    joined("1.250,5", "1250,5");
    joined("12.345.678", "12345678");
    joined("H'Drai", "hdrai");
    joined("M\xE2\x80\x99" "Drắk", "mdrak");   /* M’Drắk, curly apostrophe */
    joined("Ê-đê", "ede");
    joined("Xơ-đăng", "xodang");
    joined("KT-XH", "ktxh");
    /* not thousands groups, or not a name */
    joined("50,68", NULL);
    joined("2.45", NULL);
    joined("1234.567", NULL);
    joined("25-NQ/TW", NULL);
    joined("61/2018/NĐ-CP", NULL);
    joined("2021-2022", NULL);
    joined("a.b", NULL);
    joined("x", NULL);
    char small[4];
    CHECK_INT(tu_joined_form("12.345.678", 10, small, sizeof small), 0);
}
