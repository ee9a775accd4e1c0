/* tracuu internal: file type detection by content, with libmagic.
 * The only user of libmagic in libtracuu. */
#ifndef TU_FILETYPE_H
#define TU_FILETYPE_H

#include "tracuu/status.h"

typedef struct {
    char mime[80];     /* "text/plain", "application/pdf", ... */
    char charset[40];  /* libmagic's guess ("utf-8", "iso-8859-1",
                        * "binary", "unknown-8bit") or "" */
} tu_filetype_t;

/* Detect the type of the open file FD by its content (the file offset may
 * move; read it with pread).  Thread-safe: each thread uses its own magic
 * cookie, created on first use and freed when the thread exits or calls
 * tu_filetype_thread_cleanup().  On failure *ERRMSG (if not NULL) gets a
 * malloc'd message.  Returns TRACUU_OK, TRACUU_ERR_INTERNAL (no magic
 * database), TRACUU_ERR_IO, TRACUU_ERR_NOMEM. */
tracuu_status_t tu_filetype_detect_fd(int fd, tu_filetype_t *ft, char **errmsg);

/* Free the calling thread's magic cookie (harmless if it has none). */
void tu_filetype_thread_cleanup(void);

#endif
