/* cgi_out: writing a CGI response (status line, security headers, body). */
#ifndef CGI_OUT_H
#define CGI_OUT_H

#include <stddef.h>
#include <stdio.h>

/* The Content-Security-Policy of every page: nothing but our own style
 * sheet (?asset=css), forms to ourselves, no scripts, no framing. */
#define CGI_CSP "default-src 'none'; style-src 'self'; img-src 'self'; " \
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/* The English reason phrase of STATUS; static storage. */
const char *cgi_out_reason(int status);

/* Write to OUT the headers (Status, Content-Type CTYPE, Content-Length,
 * CSP and the other security headers, Cache-Control CACHE or "no-store" if
 * NULL, EXTRA: further "Name: value\r\n" lines or NULL) and, unless
 * HEAD_ONLY, the LEN bytes of BODY.  Returns 0, or -1 on a write error. */
int cgi_out_send(FILE *out, int status, const char *ctype, const char *cache,
                 const char *extra, const char *body, size_t len,
                 int head_only);

#endif
