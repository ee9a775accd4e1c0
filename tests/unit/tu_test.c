/* main() for unit tests: see tu_test.h. */
#include "tu_test.h"

int tu_test_failures;
int tu_test_checks;
const char *tu_test_srcdir = ".";

int main(int argc, char **argv)
{
    if (argc > 1)
        tu_test_srcdir = argv[1];
    tu_test_main();
    printf("%d checks, %d failed\n", tu_test_checks, tu_test_failures);
    return tu_test_failures > 100 ? 100 : tu_test_failures;
}
