/* cgi_params: tracuu.cgi's parameters and their bounds.  The module lives
 * in search/cgi/ (it is not part of libtracuu), so it is compiled here. */
#include "tu_test.h"
#include "../../search/cgi/cgi_params.c"

static cgi_params_t p;
static char err[160];

static int parse(const char *qs)
{
    cgi_params_free(&p);
    return cgi_params_parse(qs, &p, err, sizeof err);
}

void tu_test_main(void)
{
    CHECK_INT(parse(NULL), 0);
    CHECK(p.q == NULL);
    CHECK_INT(p.page, 1);
    CHECK_INT(p.format, CGI_FMT_HTML);

    CHECK_INT(parse("q=dan+van+kheo&page=3&sort=date&type=NQ&issuer=TW"
                    "&year=2023&model=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o"
                    "&format=json"), 0);
    CHECK_STR(p.q, "dan van kheo");
    CHECK_INT(p.page, 3);
    CHECK_INT(p.sort_by_date, 1);
    CHECK_STR(p.type, "NQ");
    CHECK_STR(p.issuer, "TW");
    CHECK_INT(p.year, 2023);
    CHECK_STR(p.model, "Dân vận khéo");
    CHECK_INT(p.format, CGI_FMT_JSON);
    CHECK_INT(p.doc, 0);

    CHECK_INT(parse("doc=7&q=x"), 0);
    CHECK_INT(p.doc, 7);
    CHECK_INT(parse("like=9&dunggo=1"), 0);
    CHECK_INT(p.like, 9);
    CHECK_INT(p.as_typed, 1);
    CHECK_INT(parse("like=0"), -1);
    CHECK_STR(err, "like must be a document number");
    CHECK_INT(parse("dunggo=yes"), -1);
    CHECK_STR(err, "dunggo must be 1");
    CHECK_INT(parse("asset=css"), 0);
    CHECK_INT(p.asset_css, 1);
    CHECK_INT(parse("sort=relevance&format=html"), 0);
    CHECK_INT(p.sort_by_date, 0);

    /* empty values are absent (a form's empty fields) */
    CHECK_INT(parse("q=&type=&issuer=&year=&model=&page=&sort="), 0);
    CHECK(p.q == NULL && p.type == NULL && p.year == 0);
    CHECK_INT(p.page, 1);

    /* bounds and bad values */
    CHECK_INT(parse("page=0"), -1);
    CHECK_STR(err, "page must be a number from 1 to 1000");
    CHECK_INT(parse("page=1001"), -1);
    CHECK_INT(parse("page=1000"), 0);
    CHECK_INT(parse("page=-1"), -1);
    CHECK_INT(parse("page=2x"), -1);
    CHECK_INT(parse("page=+2"), -1);
    CHECK_INT(parse("page=99999999999999999999"), -1);
    CHECK_INT(parse("year=20233"), -1);
    CHECK_STR(err, "year must be a four-digit number");
    CHECK_INT(parse("doc=0"), -1);
    CHECK_INT(parse("doc=abc"), -1);
    CHECK_INT(parse("doc=4294967296"), -1);
    CHECK_INT(parse("sort=name"), -1);
    CHECK_STR(err, "sort must be relevance or date");
    CHECK_INT(parse("format=xml"), -1);
    CHECK_INT(parse("asset=..%2F..%2Fetc%2Fpasswd"), -1);
    CHECK_STR(err, "asset must be css");

    /* unknown and repeated parameters */
    CHECK_INT(parse("q=a&callback=x"), -1);
    CHECK_STR(err, "unknown parameter \"callback\"");
    CHECK_INT(parse("q=a&q=b"), -1);
    CHECK_STR(err, "parameter \"q\" given twice");
    CHECK_INT(parse("%3Cscript%3E=1"), -1);
    CHECK_STR(err, "unknown parameter \"<script>\"");

    /* encoding errors name the place */
    CHECK_INT(parse("q=a&type=%E1%BA"), -1);
    CHECK_STR(err, "invalid UTF-8 at byte 4 of the query string");
    CHECK_INT(parse("q=%zz"), -1);
    CHECK_STR(err, "bad percent-encoding at byte 0 of the query string");
    CHECK_INT(parse("q=a%00"), -1);
    CHECK_STR(err, "control character at byte 0 of the query string");

    /* lengths */
    static char qs[CGI_MAX_QS_BYTES + 64];
    memcpy(qs, "q=", 2);
    memset(qs + 2, 'a', TRACUU_MAX_QUERY_BYTES);
    qs[2 + TRACUU_MAX_QUERY_BYTES] = '\0';
    CHECK_INT(parse(qs), 0);
    CHECK_INT(strlen(p.q), TRACUU_MAX_QUERY_BYTES);
    qs[2 + TRACUU_MAX_QUERY_BYTES] = 'a';
    qs[3 + TRACUU_MAX_QUERY_BYTES] = '\0';
    CHECK_INT(parse(qs), -1);
    CHECK_STR(err, "q is longer than 2048 bytes");
    memset(qs, 'a', CGI_MAX_QS_BYTES + 1);
    qs[CGI_MAX_QS_BYTES + 1] = '\0';
    CHECK_INT(parse(qs), -1);
    CHECK_STR(err, "query string longer than 8192 bytes");
    memcpy(qs, "type=", 5);
    memset(qs + 5, 'A', CGI_MAX_FILTER_BYTES + 1);
    qs[6 + CGI_MAX_FILTER_BYTES] = '\0';
    CHECK_INT(parse(qs), -1);
    CHECK_STR(err, "type is longer than 64 bytes");
    qs[5 + CGI_MAX_FILTER_BYTES] = '\0';
    CHECK_INT(parse(qs), 0);
    cgi_params_free(&p);
}
