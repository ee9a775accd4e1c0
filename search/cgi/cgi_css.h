/* cgi_css: the one style sheet of tracuu.cgi, served by the program itself
 * at ?asset=css so that the Content-Security-Policy can say
 * style-src 'self' with no inline style at all. */
#ifndef CGI_CSS_H
#define CGI_CSS_H

#include <stddef.h>

extern const char cgi_css[];     /* static storage */
extern const size_t cgi_css_len;

#endif
