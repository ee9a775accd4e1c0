/* cgi_file: ?doc=N&file=1, the original file of an indexed document.
 * The path comes from the index (never from the request), so only files
 * of indexed documents are ever served; with the right type, a file name,
 * and the page's strict Content-Security-Policy (no script runs even in an
 * archived HTML page).  Off with "serve_files = no". */
#ifndef CGI_FILE_H
#define CGI_FILE_H

#include <stddef.h>

/* The Content-Type for a file of FORMAT ("pdf", "txt", ...; the indexer's
 * format name) in ENCODING (for text), and whether a browser shows it
 * (1) or should save it (0).  Static storage. */
const char *cgi_file_type(const char *format, const char *encoding,
                          int *inline_ok);

/* Send the file PATH (of FORMAT, ENCODING) to stdout, headers and body
 * (only headers if HEAD_ONLY).  Returns 0 when sent, 404 when the file is
 * gone or not a regular file (the caller sends the page), -1 on a write
 * error. */
int cgi_file_send(const char *path, const char *format, const char *encoding,
                  int head_only);

#endif
