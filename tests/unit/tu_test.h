/* A tiny test harness: CHECK records a failure and goes on; the program's
 * exit status is the number of failures (capped).  Each check prints the
 * expression and the values on failure. */
#ifndef TU_TEST_H
#define TU_TEST_H

#include <stdio.h>
#include <string.h>

extern int tu_test_failures;
extern int tu_test_checks;
extern const char *tu_test_srcdir;   /* argv[1]: the source tree */

#define CHECK(cond) do { tu_test_checks++; if (!(cond)) { \
    tu_test_failures++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
  } } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
    tu_test_checks++; \
    if (!g_ || !w_ || strcmp(g_, w_) != 0) { tu_test_failures++; \
      fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, \
              __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
  } while (0)

#define CHECK_INT(got, want) do { long long g_ = (long long)(got), \
    w_ = (long long)(want); tu_test_checks++; \
    if (g_ != w_) { tu_test_failures++; \
      fprintf(stderr, "%s:%d: %s: got %lld, want %lld\n", __FILE__, \
              __LINE__, #got, g_, w_); } } while (0)

/* Index TEXT as the plain-text document PATH into DB, as the indexer
 * builds it (tu_build_doc); its knowledge goes to *M when M is not NULL
 * (the caller clears it with tracuu_meta_clear). */
#include "tracuu/xdb.h"
#include "tracuu/meta.h"
void tu_test_add_text(tracuu_db_t *db, const char *path, const char *text, tracuu_meta_t *m);

/* The count of VALUE in the facet I of M (0 when it is not there). */
uint32_t tu_test_facet_count(const tracuu_mset_t *m, size_t i, const char *value);

/* Each test file defines this; main() in tu_test.c calls it. */
void tu_test_main(void);

#endif
