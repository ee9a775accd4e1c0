/* tracuu internal: run an external helper program safely.
 *
 * No shell: ARGV is executed directly (argv[0] searched in $PATH by the
 * parent before forking).  The child gets stdin from /dev/null, its own
 * process group, RLIMIT_AS and RLIMIT_CPU, and no inherited descriptors
 * other than 0, 1, 2.  Stdout is captured up to MAX_OUT bytes, stderr up to
 * 4 KiB.  At the wall-clock limit the whole process group gets SIGKILL.
 * The child is always reaped: no zombies.
 *
 * Output over the limit: the group is killed, the first MAX_OUT bytes are
 * kept in the result with `truncated` set and TRACUU_ERR_TOO_BIG is
 * returned; the caller chooses to fail or to keep the truncated text (the
 * extractors keep it, with a warning). */
#ifndef TU_SUBPROC_H
#define TU_SUBPROC_H

#include <stddef.h>
#include "tracuu/status.h"

typedef struct {
    const char *const *argv;  /* NULL-terminated; argv[0] is the program */
    const char *package;      /* Debian package providing argv[0], named in
                               * the HELPER_MISSING message; may be NULL */
    size_t max_out;           /* stdout cap in bytes (0 = 64 MiB) */
    unsigned timeout_ms;      /* wall-clock limit (0 = 60 s) */
    size_t max_as;            /* RLIMIT_AS of the child (0 = 4 GiB) */
    unsigned max_cpu_s;       /* RLIMIT_CPU (0 = timeout rounded up + 1) */
    const char *const *env;   /* NULL-terminated "NAME=VALUE" strings added
                               * to (or replacing in) the environment; may
                               * be NULL */
} tu_subproc_req_t;

typedef struct {
    char *out;          /* malloc'd stdout, NUL-terminated (never NULL after
                         * tu_subproc_run returned OK/TOO_BIG/HELPER_FAILED) */
    size_t out_len;
    int truncated;      /* stdout went over max_out */
    char *err;          /* malloc'd stderr (at most 4 KiB), NUL-terminated */
    size_t err_len;
    int exit_code;      /* exit status, or -1 if killed by a signal */
    int term_signal;    /* the signal that ended it, or 0 */
} tu_subproc_res_t;

/* Run REQ; *RES must be zeroed and is cleared with tu_subproc_res_clear
 * (also after failure).  On failure *ERRMSG (if not NULL) gets a malloc'd
 * message: "pdftotext not found: install poppler-utils", "pdftotext timed
 * out after 60 s", "pdftotext failed (exit 1): <first line of stderr>".
 * Returns TRACUU_OK (exit status 0), TRACUU_ERR_HELPER_MISSING,
 * TRACUU_ERR_HELPER_FAILED (non-zero exit or signal), TRACUU_ERR_TIMEOUT,
 * TRACUU_ERR_TOO_BIG (output over max_out, see above), TRACUU_ERR_NOMEM,
 * TRACUU_ERR_IO (pipe/fork failed), TRACUU_ERR_INVALID_ARG. */
tracuu_status_t tu_subproc_run(const tu_subproc_req_t *req,
                               tu_subproc_res_t *res, char **errmsg);

/* Free what RES holds and zero it. */
void tu_subproc_res_clear(tu_subproc_res_t *res);

/* 1 if PROG (a bare name) is found executable in $PATH, else 0. */
int tu_subproc_have(const char *prog);

#endif
