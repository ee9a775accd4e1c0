/* cgi_out: CGI responses (see cgi_out.h). */
#include "cgi_out.h"

const char *cgi_out_reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 503: return "Service Unavailable";
    default: return "Internal Server Error";
    }
}

int cgi_out_send(FILE *out, int status, const char *ctype, const char *cache,
                 const char *extra, const char *body, size_t len,
                 int head_only)
{
    fprintf(out,
            "Status: %d %s\r\n"
            "Content-Type: %s\r\n"
            "Content-Length: %zu\r\n"
            "Content-Security-Policy: " CGI_CSP "\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "X-Frame-Options: DENY\r\n"
            "Referrer-Policy: no-referrer\r\n"
            "Cache-Control: %s\r\n"
            "%s\r\n",
            status, cgi_out_reason(status), ctype, len,
            cache ? cache : "no-store", extra ? extra : "");
    if (!head_only && len)
        fwrite(body, 1, len, out);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
