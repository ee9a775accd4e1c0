/* cgi_msg: the Vietnamese a visitor reads for an English message of the
 * query parser (libtracuu speaks English to programs; every word on the
 * search page is Vietnamese). */
#ifndef CGI_MSG_H
#define CGI_MSG_H

#include <stddef.h>

/* EN (a parser message, may be NULL) in Vietnamese into BUF (N bytes):
 * the known messages translated, "(at character K)" kept as "(ở ký tự
 * K)", anything else a general sentence.  Returns BUF. */
const char *cgi_msg_vi(const char *en, char *buf, size_t n);

#endif
