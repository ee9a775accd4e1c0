/* cgi_html: the HTML pages of tracuu.cgi (see cgi_html.h). */
#include "cgi_html.h"
#include "cgi_link.h"
#include "cgi_mark.h"
#include "render/tu_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADD(s) tu_buf_adds(b, (s))
#define ESC(s) tu_html_escapes(b, (s))

/* -------------------------------------------------------------- layout */

static void href(tu_buf_t *b, const cgi_link_t *l)
{
    ADD("href=\"");
    cgi_link_href(b, l);
    ADD("\"");
}

static void hidden(tu_buf_t *b, const char *name, const char *v)
{
    if (!v || !*v)
        return;
    ADD("<input type=\"hidden\" name=\"");
    ADD(name);
    ADD("\" value=\"");
    ESC(v);
    ADD("\">");
}

/* Doctype to the end of the header with the search form. */
static void head(tu_buf_t *b, const char *title, const cgi_params_t *p)
{
    ADD("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    if (title && *title) {
        ESC(title);
        ADD(" – ");
    }
    ADD("Tra cứu văn bản</title>\n"
        "<link rel=\"stylesheet\" href=\"?asset=css\">\n</head>\n<body>\n"
        "<header class=\"top\">\n<a class=\"home\" href=\"?\">Tra cứu văn bản"
        "</a>\n<form class=\"search\" method=\"get\" action=\"\" "
        "role=\"search\">\n<input type=\"search\" name=\"q\" value=\"");
    if (p)
        ESC(p->q);
    ADD("\" maxlength=\"" );
    tu_buf_printf(b, "%d", TRACUU_MAX_QUERY_BYTES);
    ADD("\" placeholder=\"Nhập từ khóa, số hiệu văn bản…\" "
        "aria-label=\"Từ khóa\" autofocus>");
    if (p && !p->doc) {
        if (p->sort_by_date)
            hidden(b, "sort", "date");
        hidden(b, "type", p->type);
        hidden(b, "issuer", p->issuer);
        if (p->year) {
            char y[16];
            snprintf(y, sizeof y, "%d", p->year);
            hidden(b, "year", y);
        }
        hidden(b, "model", p->model);
    }
    ADD("\n<button type=\"submit\">Tìm kiếm</button>\n</form>\n</header>\n");
}

static void foot(tu_buf_t *b)
{
    ADD("<footer>tracuu – tìm kiếm toàn văn tài liệu lưu trữ</footer>\n"
        "</body>\n</html>\n");
}

/* "2023-12-21" -> "21/12/2023"; anything else as is. */
static void date_vi(tu_buf_t *b, const char *iso)
{
    if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-') {
        tu_buf_add(b, iso + 8, 2);
        ADD("/");
        tu_buf_add(b, iso + 5, 2);
        ADD("/");
        tu_buf_add(b, iso, 4);
    } else {
        ESC(iso);
    }
}

static void refs_list(tu_buf_t *b, char **refs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ADD("<span class=\"ref\">");
        ESC(refs[i]);
        ADD("</span>");
    }
}

/* ------------------------------------------------------------- results */

static const char *const facet_titles[TRACUU_N_FACETS] = {
    "Loại văn bản", "Cơ quan ban hành", "Năm", "Mô hình"
};

/* The link state L with facet F set to VALUE (NULL: removed). */
static void set_facet(cgi_link_t *l, int f, const char *value)
{
    switch (f) {
    case TRACUU_FACET_TYPE: l->type = value; break;
    case TRACUU_FACET_ISSUER: l->issuer = value; break;
    case TRACUU_FACET_YEAR: {
        long y = value ? strtol(value, NULL, 10) : 0;
        l->year = (y >= 1000 && y <= 9999) ? (int)y : 0;
        break;
    }
    default: l->model = value; break;
    }
}

/* The active value of facet F in P, or NULL; YBUF holds a year's text. */
static const char *active_facet(const cgi_params_t *p, int f, char *ybuf,
                                size_t ysz)
{
    switch (f) {
    case TRACUU_FACET_TYPE: return p->type;
    case TRACUU_FACET_ISSUER: return p->issuer;
    case TRACUU_FACET_YEAR:
        if (!p->year)
            return NULL;
        snprintf(ybuf, ysz, "%d", p->year);
        return ybuf;
    default: return p->model;
    }
}

static void active_filters(tu_buf_t *b, const cgi_params_t *p)
{
    int any = 0;
    char y[16];
    for (int f = 0; f < TRACUU_N_FACETS; f++) {
        const char *v = active_facet(p, f, y, sizeof y);
        if (!v)
            continue;
        if (!any)
            ADD("<p class=\"active\">Đang lọc: ");
        any = 1;
        cgi_link_t l = cgi_link_from(p);
        set_facet(&l, f, NULL);
        ADD("<a ");
        href(b, &l);
        ADD(" title=\"Bỏ bộ lọc này\">");
        ADD(facet_titles[f]);
        ADD(": ");
        ESC(v);
        ADD(" ✕</a>");
    }
    if (any)
        ADD("</p>\n");
}

static void facets(tu_buf_t *b, const cgi_params_t *p,
                   const tracuu_results_t *r)
{
    ADD("<aside class=\"facets\" aria-label=\"Bộ lọc\">\n");
    for (int f = 0; f < TRACUU_N_FACETS; f++) {
        char y[16];
        const char *act = active_facet(p, f, y, sizeof y);
        if (r->n_facets[f] == 0)
            continue;
        ADD("<section class=\"facet\" data-facet=\"");
        ADD(tracuu_facet_names[f]);
        ADD("\"><h3>");
        ADD(facet_titles[f]);
        ADD("</h3>\n<ul>\n");
        for (size_t i = 0; i < r->n_facets[f] && i < 30; i++) {
            const tracuu_facet_item_t *it = &r->facets[f][i];
            cgi_link_t l = cgi_link_from(p);
            int on = act && strcmp(act, it->value) == 0;
            set_facet(&l, f, on ? NULL : it->value);
            ADD("<li><a ");
            href(b, &l);
            ADD(on ? " class=\"on\" title=\"Bỏ bộ lọc này\">" : ">");
            if (on)
                ADD("<strong>");
            ESC(it->value);
            if (on)
                ADD("</strong> ✕");
            tu_buf_printf(b, "</a> <span class=\"n\">(%u)</span></li>\n",
                         (unsigned)it->count);
        }
        ADD("</ul>\n</section>\n");
    }
    ADD("</aside>\n");
}

static void sort_links(tu_buf_t *b, const cgi_params_t *p)
{
    cgi_link_t l = cgi_link_from(p);
    ADD("<p class=\"sort\">Sắp xếp: ");
    if (!p->sort_by_date) {
        ADD("<strong>Liên quan nhất</strong>");
        l.sort_by_date = 1;
        ADD("<a ");
        href(b, &l);
        ADD(">Mới nhất</a>");
    } else {
        l.sort_by_date = 0;
        ADD("<a ");
        href(b, &l);
        ADD(">Liên quan nhất</a><strong>Mới nhất</strong>");
    }
    l = cgi_link_from(p);
    l.page = p->page;
    l.json = 1;
    ADD(" · <a ");
    href(b, &l);
    ADD(" type=\"application/json\">JSON</a></p>\n");
}

static void hit(tu_buf_t *b, const cgi_params_t *p, const tracuu_hit_t *h)
{
    cgi_link_t l;
    memset(&l, 0, sizeof l);
    l.doc = h->docid;
    l.q = p->q;
    tu_buf_printf(b, "<li value=\"%u\" data-docid=\"%u\">\n<h2><a ",
                 (unsigned)h->rank, (unsigned)h->docid);
    href(b, &l);
    ADD(">");
    if (h->title && *h->title)
        ESC(h->title);
    else
        ADD("(không có tiêu đề)");
    ADD("</a></h2>\n");
    if (h->partial)
        ADD("<p class=\"partial-hit\">Chứa một phần các từ đã gõ</p>\n");
    if (h->date[0] || h->n_refs) {
        ADD("<p class=\"meta\">");
        if (h->date[0]) {
            ADD("<time datetime=\"");
            ESC(h->date);
            ADD("\">");
            date_vi(b, h->date);
            ADD("</time>");
            if (h->n_refs)
                ADD(" · ");
        }
        refs_list(b, h->refs, h->n_refs);
        ADD("</p>\n");
    }
    if (h->snippet && *h->snippet) {
        ADD("<p class=\"snippet\">");
        cgi_html_marked(b, h->snippet, strlen(h->snippet), h->hl, h->n_hl);
        ADD("</p>\n");
    }
    ADD("<p class=\"path\">");
    ESC(h->path);
    cgi_link_t sim;
    memset(&sim, 0, sizeof sim);
    sim.like = h->docid;
    ADD(" · <a class=\"like\" ");
    href(b, &sim);
    ADD(">Văn bản tương tự</a>");
    ADD("</p>\n</li>\n");
}

static void pages(tu_buf_t *b, const cgi_params_t *p, uint32_t total)
{
    uint32_t last = (total + CGI_PAGE_SIZE - 1) / CGI_PAGE_SIZE;
    if (last > CGI_MAX_PAGE)
        last = CGI_MAX_PAGE;
    if (last <= 1 && p->page <= 1)
        return;
    cgi_link_t l = cgi_link_from(p);
    ADD("<nav class=\"pages\" aria-label=\"Trang\">\n");
    if (p->page > 1) {
        l.page = p->page - 1;
        ADD("<a rel=\"prev\" ");
        href(b, &l);
        ADD(">« Trang trước</a>\n");
    }
    uint32_t from = p->page > 4 ? p->page - 4 : 1;
    uint32_t to = from + 8 < last ? from + 8 : last;
    for (uint32_t i = from; i <= to; i++) {
        if (i == p->page) {
            tu_buf_printf(b, "<strong aria-current=\"page\">%u</strong>\n",
                         (unsigned)i);
            continue;
        }
        l.page = i;
        ADD("<a ");
        href(b, &l);
        tu_buf_printf(b, ">%u</a>\n", (unsigned)i);
    }
    if (p->page < last) {
        l.page = p->page + 1;
        ADD("<a rel=\"next\" ");
        href(b, &l);
        ADD(">Trang sau »</a>\n");
    }
    ADD("</nav>\n");
}

/* Partial results: which shard did not answer (the name only; the error
 * itself goes to the server's log). */
static void shard_notice(tu_buf_t *b, char **warnings, size_t n)
{
    if (!n)
        return;
    ADD("<p class=\"notice\" id=\"partial\" role=\"status\">Kết quả chưa đầy đủ: ");
    for (size_t i = 0; i < n; i++) {
        const char *w = warnings[i];
        if (strncmp(w, "shard ", 6) == 0)
            w += 6;
        const char *e = strchr(w, ' ');
        size_t l = e ? (size_t)(e - w) : strlen(w);
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(l < 255 ? l : 255), w);
        ADD(i ? ", " : "phần kho ");
        ESC(name);
    }
    ADD(" không trả lời; đây là kết quả từ các phần còn lại.</p>\n");
}

int cgi_html_results(tu_buf_t *b, const cgi_params_t *p,
                     const tracuu_results_t *r)
{
    head(b, p->q, p);
    ADD("<main>\n");
    shard_notice(b, r->warnings, r->n_warnings);
    if (r->corrected && *r->corrected) {
        cgi_link_t l = cgi_link_from(p);
        l.as_typed = 1;
        ADD("<p class=\"corrected\">Đang hiện kết quả cho <em>");
        ESC(r->corrected);
        ADD("</em>; tìm đúng như đã gõ: <a ");
        href(b, &l);
        ADD(">");
        ESC(p->q ? p->q : "");
        ADD("</a></p>\n");
    }
    if (p->like)
        tu_buf_printf(b, "<p class=\"like\">Văn bản tương tự văn bản %u.</p>\n",
                      (unsigned)p->like);
    if (r->suggestion && *r->suggestion) {
        cgi_link_t l = cgi_link_from(p);
        l.q = r->suggestion;
        ADD("<p class=\"suggest\">Ý bạn là: <a ");
        href(b, &l);
        ADD("><em>");
        ESC(r->suggestion);
        ADD("</em></a></p>\n");
    }
    ADD("<p class=\"summary\" id=\"total\" data-total=\"");
    tu_buf_printf(b, "%u\">", (unsigned)r->total);
    if (r->total == 0) {
        ADD("Không tìm thấy văn bản nào");
        if (p->q) {
            ADD(" phù hợp với “");
            ESC(p->q);
            ADD("”");
        }
        ADD(".");
    } else if (p->q) {
        tu_buf_printf(b, "Tìm thấy %u văn bản phù hợp với “", (unsigned)r->total);
        ESC(p->q);
        ADD("”");
        if (p->page > 1)
            tu_buf_printf(b, " – trang %u", (unsigned)p->page);
        ADD(".");
    } else {
        tu_buf_printf(b, "Có %u văn bản.", (unsigned)r->total);
        if (p->page > 1)
            tu_buf_printf(b, " Trang %u.", (unsigned)p->page);
    }
    ADD("</p>\n");
    if (r->partial)
        ADD("<p class=\"partial\" id=\"partial\">Không phải kết quả nào cũng chứa "
            "đủ các từ đã gõ: văn bản chứa nhiều từ hơn, từ hiếm hơn, đứng gần "
            "nhau hơn được xếp trước. Để bắt buộc mọi từ: đặt cụm từ trong "
            "ngoặc kép, nối bằng AND hoặc viết +từ.</p>\n");
    active_filters(b, p);
    ADD("<div class=\"cols\">\n<section class=\"results\">\n");
    if (r->total)
        sort_links(b, p);
    if (r->n_hits) {
        ADD("<ol class=\"hits\">\n");
        for (size_t i = 0; i < r->n_hits; i++)
            hit(b, p, &r->hits[i]);
        ADD("</ol>\n");
    } else if (r->total) {
        ADD("<p>Trang này không có kết quả.</p>\n");
    }
    pages(b, p, r->total);
    ADD("</section>\n");
    facets(b, p, r);
    ADD("</div>\n</main>\n");
    foot(b);
    return b->failed ? -1 : 0;
}

/* ------------------------------------------------------------ document */

static void strings_dd(tu_buf_t *b, const char *dt, char **v, size_t n)
{
    if (!n)
        return;
    ADD("<dt>");
    ADD(dt);
    ADD("</dt><dd>");
    for (size_t i = 0; i < n; i++) {
        if (i)
            ADD("; ");
        ESC(v[i]);
    }
    ADD("</dd>\n");
}

int cgi_html_docview(tu_buf_t *b, const cgi_params_t *p,
                     const tracuu_docview_t *v)
{
    const char *title = v->title && *v->title ? v->title
                                              : "(không có tiêu đề)";
    cgi_link_t l = cgi_link_from(p);
    head(b, title, p);
    ADD("<main class=\"doc\">\n<p><a ");
    href(b, &l);
    ADD(">← Quay lại kết quả tìm kiếm</a></p>\n<h1>");
    ESC(title);
    ADD("</h1>\n<dl>\n");
    tu_buf_printf(b, "<dt>Mã văn bản</dt><dd>%u</dd>\n", (unsigned)v->docid);
    if (v->date[0]) {
        ADD("<dt>Ngày</dt><dd><time datetime=\"");
        ESC(v->date);
        ADD("\">");
        date_vi(b, v->date);
        ADD("</time></dd>\n");
    }
    if (v->n_refs) {
        ADD("<dt>Số hiệu</dt><dd>");
        refs_list(b, v->refs, v->n_refs);
        ADD("</dd>\n");
    }
    strings_dd(b, "Mô hình", v->models, v->n_models);
    ADD("<dt>Tệp</dt><dd class=\"path\">");
    ESC(v->path);
    ADD("</dd>\n");
    if (v->format && *v->format) {
        ADD("<dt>Định dạng</dt><dd>");
        ESC(v->format);
        ADD("</dd>\n");
    }
    if (v->encoding && *v->encoding) {
        ADD("<dt>Bảng mã gốc</dt><dd>");
        ESC(v->encoding);
        ADD("</dd>\n");
    }
    if (p->q && v->n_hl)
        tu_buf_printf(b, "<dt>Số chỗ khớp</dt><dd>%zu</dd>\n", v->n_hl);
    ADD("</dl>\n<div class=\"doctext\">");
    if (v->text)
        cgi_html_marked(b, v->text, v->text_len, v->hl, v->n_hl);
    ADD("</div>\n</main>\n");
    foot(b);
    return b->failed ? -1 : 0;
}

/* --------------------------------------------------------------- errors */

const char *cgi_html_status_title(int status)
{
    switch (status) {
    case 400: return "Yêu cầu không hợp lệ";
    case 403: return "Không có quyền xem";
    case 404: return "Không tìm thấy văn bản";
    case 405: return "Phương thức không được hỗ trợ";
    case 503: return "Không mở được cơ sở dữ liệu";
    default: return "Lỗi máy chủ";
    }
}

static const char *status_text(int status)
{
    switch (status) {
    case 400: return "Vui lòng kiểm tra lại từ khóa hoặc địa chỉ trang.";
    case 403: return "Tài khoản của bạn chưa được cấp quyền xem thư mục nào "
                     "của kho văn bản. Vui lòng liên hệ người quản trị.";
    case 404: return "Văn bản này không có trong kho (có thể đã bị xóa).";
    case 405: return "Trang tìm kiếm chỉ nhận yêu cầu GET.";
    case 503: return "Không mở được cơ sở dữ liệu. Vui lòng thử lại sau "
                     "hoặc báo cho người quản trị.";
    default: return "Đã xảy ra lỗi khi tìm kiếm. Vui lòng thử lại sau.";
    }
}

int cgi_html_error(tu_buf_t *b, int status, const char *detail,
                   const cgi_params_t *p)
{
    head(b, cgi_html_status_title(status), p);
    tu_buf_printf(b, "<main class=\"error\" data-status=\"%d\">\n<h1>", status);
    ADD(cgi_html_status_title(status));
    ADD("</h1>\n<p>");
    ADD(status_text(status));
    ADD("</p>\n");
    if (detail && *detail) {
        ADD("<p class=\"detail\" lang=\"en\">");
        ESC(detail);
        ADD("</p>\n");
    }
    ADD("<p><a href=\"?\">Về trang tìm kiếm</a></p>\n</main>\n");
    foot(b);
    return b->failed ? -1 : 0;
}
