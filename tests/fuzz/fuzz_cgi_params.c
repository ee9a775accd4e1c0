/* Fuzz target: tracuu.cgi's parameters (QUERY_STRING) and the page built
 * from them: parse, then render the error page and the links with the
 * parsed values (HTML escaping, URL building).  The CGI modules are not in
 * libtracuu, so they are compiled in here. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../search/cgi/cgi_params.c"
#include "../../search/cgi/cgi_link.c"
#include "base/tu_buf.h"
#include "tracuu/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *qs = malloc(size + 1);
    if (!qs)
        return 0;
    memcpy(qs, data, size);
    qs[size] = '\0';
    cgi_params_t p;
    char err[160];
    if (cgi_params_parse(qs, &p, err, sizeof err) == 0) {
        if (p.q && !tracuu_utf8_valid(p.q, strlen(p.q)))
            abort();   /* the parser promises valid UTF-8 */
        cgi_link_t l = cgi_link_from(&p);
        tu_buf_t b;
        tu_buf_init(&b, 1 << 20);
        cgi_link_href(&b, &l);
        tu_buf_free(&b);
    }
    cgi_params_free(&p);
    free(qs);
    return 0;
}
