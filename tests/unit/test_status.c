/* Every status has its own description. */
#include "tu_test.h"
#include "tracuu/status.h"

void tu_test_main(void)
{
    for (int s = 0; s < TRACUU_STATUS_LAST; s++) {
        const char *d = tracuu_status_to_string((tracuu_status_t)s);
        CHECK(d && *d && strcmp(d, "unknown status") != 0);
        for (int t = 0; t < s; t++)
            CHECK(strcmp(d, tracuu_status_to_string((tracuu_status_t)t)) != 0);
    }
    CHECK_STR(tracuu_status_to_string(TRACUU_STATUS_LAST), "unknown status");
    CHECK_STR(tracuu_status_to_string((tracuu_status_t)-1), "unknown status");
}
