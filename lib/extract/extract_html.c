/* HTML and XHTML: decode the bytes ourselves (tracuu_decode, with the
 * page's declared charset as the hint, so TCVN3 and VNI pages work too),
 * then give libxml2's HTML parser UTF-8 and walk the tree: no script,
 * style, noscript, template or head; block elements end lines. */
#include "extract/tu_extractors.h"
#include "base/tu_buf.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEAD_SCAN 8192
#define MAX_DEPTH 1000

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

void tu_xml_init(void)
{
    pthread_once(&xml_once, xml_init);
}

/* The charset the page declares (<meta charset>, http-equiv content or the
 * XML declaration) into OUT (CAP), or "" if none. */
static void declared_charset(const char *s, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    if (n > HEAD_SCAN)
        n = HEAD_SCAN;
    static const char *const keys[] = {"charset", "encoding"};
    for (size_t k = 0; k < 2; k++) {
        size_t klen = strlen(keys[k]);
        for (size_t i = 0; i + klen < n; i++) {
            if (strncasecmp(s + i, keys[k], klen) != 0)
                continue;
            /* "encoding" only in the XML declaration at the start. */
            if (k == 1 && (n < 5 || strncmp(s, "<?xml", 5) != 0 ||
                           memchr(s, '>', i) != NULL))
                break;
            size_t j = i + klen;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j >= n || s[j] != '=')
                continue;
            j++;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '"' ||
                             s[j] == '\''))
                j++;
            size_t m = 0;
            while (j < n && m + 1 < cap &&
                   (((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') ||
                    (s[j] >= '0' && s[j] <= '9') || s[j] == '-' ||
                    s[j] == '_' || s[j] == '.' || s[j] == ':'))
                out[m++] = s[j++];
            out[m] = '\0';
            if (m)
                return;
        }
    }
}

static int name_in(const xmlChar *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp((const char *)name, *list) == 0)
            return 1;
    return 0;
}

static const char *const skipped[] = {"script", "style", "noscript",
                                      "template", "head", "title", NULL};
static const char *const blocks[] = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "dl", "dt", "dd", "table", "caption", "blockquote",
    "pre", "hr", "section", "article", "header", "footer", "nav", "aside",
    "main", "figure", "figcaption", "address", "form", "fieldset", "body",
    NULL};

static void newline(tu_buf_t *b)
{
    /* Drop a trailing space, then end the line once. */
    if (tu_buf_last(b) == ' ')
        b->len--;
    if (b->len && tu_buf_last(b) != '\n')
        tu_buf_add_cut(b, "\n", 1);
}

static void text(tu_buf_t *b, const char *s, int pre)
{
    if (pre) {
        tu_buf_add_cut(b, s, strlen(s));
        return;
    }
    while (*s) {
        size_t run = strcspn(s, " \t\r\n\f\v");
        if (run) {
            tu_buf_add_cut(b, s, run);
            s += run;
        }
        size_t sp = strspn(s, " \t\r\n\f\v");
        if (sp) {
            char last = tu_buf_last(b);
            if (b->len && last != ' ' && last != '\n')
                tu_buf_add_cut(b, " ", 1);
            s += sp;
        }
    }
}

/* The text of the tree under N; elements nested deeper than MAX_DEPTH are
 * left out (*TOO_DEEP set), the text around them kept. */
static void walk(xmlNode *n, tu_buf_t *b, int pre, int depth, int *too_deep)
{
    for (; n && !b->truncated && !b->failed; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                text(b, (const char *)n->content, pre);
        } else if (n->type == XML_ELEMENT_NODE && n->name) {
            if (depth > MAX_DEPTH) {
                *too_deep = 1;
                continue;
            }
            if (name_in(n->name, skipped))
                continue;
            int block = name_in(n->name, blocks);
            if (block)
                newline(b);
            walk(n->children, b, pre || !strcasecmp((const char *)n->name, "pre"),
                 depth + 1, too_deep);
            if (block)
                newline(b);
        }
    }
}

static xmlNode *find(xmlNode *n, const char *name, int depth)
{
    for (; n && depth < MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (n->name && strcasecmp((const char *)n->name, name) == 0)
            return n;
        xmlNode *f = find(n->children, name, depth + 1);
        if (f)
            return f;
    }
    return NULL;
}

tracuu_status_t tu_extract_html_bytes(const char *bytes, size_t n,
                                      const char *hint,
                                      const tracuu_extract_opts_t *opts,
                                      tracuu_extract_t *x, char **errmsg)
{
    char declared[40];
    declared_charset(bytes, n, declared, sizeof declared);
    if (!hint && declared[0])
        hint = declared;
    tracuu_status_t st = tu_extract_decode_into(bytes, n, hint, opts, x,
                                                errmsg);
    if (st != TRACUU_OK)
        return st;
    /* x->text now holds the page in UTF-8: parse that, then replace it. */
    char *html = x->text;
    size_t hlen = x->len;
    x->text = NULL;
    x->len = 0;
    if (hlen > (size_t)0x7fffffff) {
        free(html);
        tu_extract_errf(errmsg, "page too large to parse");
        return TRACUU_ERR_TOO_BIG;
    }
    tu_xml_init();
    /* XML_PARSE_HUGE: libxml2 otherwise stops at nesting depth 256 and
     * drops the rest of the page without a word; our walk has its own
     * limit (MAX_DEPTH) and says so */
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    htmlDocPtr doc = ctxt ? htmlCtxtReadMemory(ctxt, html, (int)hlen, NULL, "UTF-8",
                                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                                   HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                                                   HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)
                          : NULL;
    xmlErrorPtr perr = ctxt ? xmlCtxtGetLastError(ctxt) : NULL;
    int parser_depth = perr && perr->message && strstr(perr->message, "Excessive depth");
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    free(html);
    if (!doc) {
        tu_extract_errf(errmsg, "cannot parse the HTML");
        return TRACUU_ERR_UNSUPPORTED;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *t = find(root, "title", 0);
    if (t) {
        xmlChar *c = xmlNodeGetContent(t);
        if (c) {
            tu_extract_squeeze((char *)c);
            if (*c) {
                free(x->title);
                x->title = strdup((const char *)c);
            }
            xmlFree(c);
        }
    }
    tu_buf_t b;
    tu_buf_init(&b, opts->max_text_bytes);
    int too_deep = parser_depth;
    walk(root, &b, 0, 0, &too_deep);
    xmlFreeDoc(doc);
    newline(&b);
    if (b.len && tu_buf_last(&b) == '\n')
        b.len--;
    if (b.failed) {
        tu_buf_free(&b);
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    if (b.truncated)
        tu_extract_warnf(x, "text truncated to %zu bytes", b.len);
    else if (too_deep)
        tu_extract_warnf(x, "HTML nested deeper than %d elements: the text "
                         "up to that depth kept, the deeper text left out", MAX_DEPTH);
    x->text = tu_buf_take(&b, &x->len);
    if (!x->text) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    return TRACUU_OK;
}

tracuu_status_t tu_extract_html(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    char *buf = NULL;
    size_t n = 0;
    tracuu_status_t st = tu_extract_read_all(src, src->size, &buf, &n, errmsg);
    if (st != TRACUU_OK)
        return st;
    st = tu_extract_html_bytes(buf, n, NULL, src->opts, x, errmsg);
    free(buf);
    return st;
}
