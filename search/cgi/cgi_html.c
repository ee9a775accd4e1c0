/* cgi_html: the HTML pages of tracuu.cgi (see cgi_html.h). */
#include "cgi_html.h"
#include "cgi_link.h"
#include "cgi_mark.h"
#include "render/tu_html.h"
#include "tracuu/meta.h"

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
        hidden(b, "ctype", p->cited_type);
        hidden(b, "cissuer", p->cited_issuer);
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

/* The labels of a number's codes ("Chương trình phối hợp – Ban Dân vận
 * Huyện ủy") into OUT; "" if none known. */
static void ref_labels(const char *ref, char *out, size_t cap)
{
    tracuu_ref_t r;
    char lab[200];
    memset(&r, 0, sizeof r);
    out[0] = '\0';
    if (tracuu_ref_parse(ref, strlen(ref), &r) == TRACUU_OK) {
        const char *tn = r.type ? tracuu_type_label(r.type, lab, sizeof lab) : NULL;
        const char *in = r.issuer ? tracuu_issuer_name(r.issuer) : NULL;
        snprintf(out, cap, "%s%s%s", tn ? tn : "", tn && in ? " – " : "",
                 in ? in : "");
    }
    tracuu_ref_clear(&r);
}

/* The numbers a document gives: a link to the document of the archive
 * whose own number it is, the code labels as a tooltip. */
static void refs_list(tu_buf_t *b, char **refs, const tracuu_docid_t *ids,
                      size_t n, tracuu_docid_t self)
{
    for (size_t i = 0; i < n; i++) {
        char lab[400];
        ref_labels(refs[i], lab, sizeof lab);
        tracuu_docid_t id = ids ? ids[i] : 0;
        if (id && id != self) {
            cgi_link_t l;
            memset(&l, 0, sizeof l);
            l.doc = id;
            ADD("<a class=\"ref in\" href=\"");
            cgi_link_href(b, &l);
            ADD("\" title=\"");
            ESC(lab);
            ADD(*lab ? " – có trong kho\">" : "Có trong kho\">");
        } else {
            ADD(id && id == self ? "<span class=\"ref self\" title=\""
                                 : "<span class=\"ref\" title=\"");
            ESC(lab);
            ADD(id && id == self ? (*lab ? " – văn bản này\">" : "Văn bản này\">")
                                 : (*lab ? " – không có trong kho\">"
                                         : "Không có trong kho\">"));
        }
        ESC(refs[i]);
        ADD(id && id != self ? "</a> " : "</span> ");
    }
}

/* The link listing the documents that cite the own number KEY. */
static void cited_by(tu_buf_t *b, const tracuu_ident_t *o)
{
    if (!o->number || !o->number_key)
        return;
    char q[400];
    snprintf(q, sizeof q, "trichdan:%s", o->number_key);
    cgi_link_t l;
    memset(&l, 0, sizeof l);
    l.q = q;
    if (o->cited_by) {
        ADD("<a class=\"citedby\" href=\"");
        cgi_link_href(b, &l);
        tu_buf_printf(b, "\">Được dẫn chiếu bởi %u văn bản</a>",
                      (unsigned)o->cited_by);
    } else {
        ADD("<span class=\"citedby\">Chưa được văn bản nào trong kho dẫn chiếu</span>");
    }
}

/* "Báo cáo số 12-BC/HU của HUYỆN ỦY LÂM HÀ" */
static void own_line(tu_buf_t *b, const tracuu_ident_t *o)
{
    if (o->type) {
        ADD("<span class=\"own-type\" title=\"");
        ESC(o->type);
        ADD("\">");
        ESC(o->type_name ? o->type_name : o->type);
        ADD("</span>");
    }
    if (o->number) {
        ADD(o->type ? " số <span class=\"own-number\">" : "Số <span class=\"own-number\">");
        ESC(o->number);
        ADD("</span>");
    }
    if (o->issuer) {
        ADD(o->type || o->number ? " – <span class=\"own-issuer\">"
                                 : "<span class=\"own-issuer\">");
        ESC(o->issuer);
        ADD("</span>");
    }
}

/* ------------------------------------------------------------- results */

static const char *const facet_titles[TRACUU_N_FACETS] = {
    "Loại văn bản", "Cơ quan ban hành", "Năm", "Mô hình",
    "Loại văn bản được dẫn chiếu", "Cơ quan của văn bản được dẫn chiếu"
};

/* The label shown after a facet value's code, or NULL. */
static const char *facet_label(int f, const char *v, char *buf, size_t cap)
{
    if (f == TRACUU_FACET_TYPE || f == TRACUU_FACET_CITED_TYPE)
        return tracuu_type_label(v, buf, cap);
    if (f == TRACUU_FACET_CITED_ISSUER)
        return tracuu_issuer_name(v);
    return NULL;
}

/* The link state L with facet F set to VALUE (NULL: removed). */
static void set_facet(cgi_link_t *l, int f, const char *value)
{
    switch (f) {
    case TRACUU_FACET_TYPE: l->type = value; break;
    case TRACUU_FACET_ISSUER: l->issuer = value; break;
    case TRACUU_FACET_CITED_TYPE: l->cited_type = value; break;
    case TRACUU_FACET_CITED_ISSUER: l->cited_issuer = value; break;
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
    case TRACUU_FACET_CITED_TYPE: return p->cited_type;
    case TRACUU_FACET_CITED_ISSUER: return p->cited_issuer;
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
            char lab[200];
            const char *label = facet_label(f, it->value, lab, sizeof lab);
            if (label) {
                ADD(" <span class=\"label\">(");
                ESC(label);
                ADD(")</span>");
            }
            if (on)
                ADD("</strong> ✕");
            tu_buf_printf(b, "</a> <span class=\"n\">(%s%u)</span></li>\n",
                         r->facets_estimated ? "≈" : "", (unsigned)it->count);
        }
        ADD("</ul>\n</section>\n");
    }
    if (r->facets_estimated)
        ADD("<p class=\"approx\">≈ số lượng ước tính (đếm trên một phần các "
            "văn bản phù hợp)</p>\n");
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
    ADD("href=\"");
    cgi_link_href(b, &l);
    if (p->q && h->n_hl)
        ADD("#khop-dau");   /* the document opens at the first match */
    ADD("\">");
    if (h->title && *h->title)
        ESC(h->title);
    else
        ADD("(không có tiêu đề)");
    ADD("</a></h2>\n");
    if (h->partial)
        ADD("<p class=\"partial-hit\">Chứa một phần các từ đã gõ</p>\n");
    if (h->own.number || h->own.type || h->own.issuer) {
        ADD("<p class=\"own\">");
        own_line(b, &h->own);
        if (h->own.number) {
            ADD(" · ");
            cited_by(b, &h->own);
        }
        ADD("</p>\n");
    }
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
        refs_list(b, h->refs, h->ref_docids, h->n_refs, h->docid);
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
    ADD("</p>\n<p class=\"more\"><a class=\"like\" ");
    href(b, &sim);
    ADD(">Văn bản tương tự</a></p>\n</li>\n");
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
static void no_results_help(tu_buf_t *b, const cgi_params_t *p,
                            const tracuu_results_t *r);

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
        tu_buf_printf(b, "Tìm thấy %s%u văn bản phù hợp với “",
                      r->total_exact ? "" : "khoảng ", (unsigned)r->total);
        ESC(p->q);
        ADD("”");
        if (p->page > 1)
            tu_buf_printf(b, " – trang %u", (unsigned)p->page);
        ADD(".");
    } else {
        tu_buf_printf(b, "Có %s%u văn bản.", r->total_exact ? "" : "khoảng ",
                      (unsigned)r->total);
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
    } else {
        no_results_help(b, p, r);
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
    const tracuu_ident_t *o = &v->own;
    const struct { const char *dt, *dd; } own[] = {
        {"Số, ký hiệu", o->number}, {"Cơ quan ban hành", o->issuer},
        {"Cơ quan cấp trên", o->issuer_parent}, {"Nơi ban hành", o->place},
        {"Trích yếu", o->subject}, {"Người ký", o->signer}};
    if (o->type) {
        ADD("<dt>Loại văn bản</dt><dd>");
        ESC(o->type_name ? o->type_name : o->type);
        ADD(" (");
        ESC(o->type);
        ADD(")</dd>\n");
    }
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        if (!own[i].dd)
            continue;
        ADD("<dt>");
        ADD(own[i].dt);
        ADD("</dt><dd>");
        ESC(own[i].dd);
        if (i == 1 && o->issuer_code) {
            ADD(" (");
            ESC(o->issuer_code);
            if (o->issuer_name) {
                ADD(" = ");
                ESC(o->issuer_name);
            }
            ADD(")");
        }
        ADD("</dd>\n");
    }
    if (o->number) {
        ADD("<dt>Dẫn chiếu đến văn bản này</dt><dd>");
        cited_by(b, o);
        ADD("</dd>\n");
    }
    if (v->n_refs) {
        ADD("<dt>Số hiệu</dt><dd>");
        refs_list(b, v->refs, v->ref_docids, v->n_refs, v->docid);
        ADD("</dd>\n");
    }
    strings_dd(b, "Mô hình", v->models, v->n_models);
    ADD("<dt>Tệp</dt><dd class=\"path\">");
    ESC(v->path);
    if (!p->no_files) {
        cgi_link_t f;
        memset(&f, 0, sizeof f);
        f.doc = v->docid;
        f.file = 1;
        ADD(" <a class=\"original\" ");
        href(b, &f);
        ADD(">Mở tệp gốc</a>");
    }
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
        tu_buf_printf(b, "<dt>Số chỗ khớp</dt><dd>%zu "
                      "(<a href=\"#khop-dau\">đến chỗ khớp đầu tiên</a>)</dd>\n",
                      v->n_hl);
    ADD("</dl>\n");
    if (v->text_total > v->text_len)
        tu_buf_printf(b, "<p class=\"cut\" id=\"cut\">Văn bản dài %.1f MB: trang "
                      "này chỉ hiện %.1f MB đầu; mở tệp gốc để đọc hết.</p>\n",
                      v->text_total / 1048576.0, v->text_len / 1048576.0);
    ADD("<div class=\"doctext\">");
    if (v->text) {
        /* the first match gets the id the links jump to */
        tu_buf_t t;
        tu_buf_init(&t, b->max ? b->max : (size_t)-1);
        cgi_html_marked(&t, v->text, v->text_len, v->hl, v->n_hl);
        const char *m = t.p ? strstr(t.p, "<mark>") : NULL;
        if (m) {
            tu_buf_add(b, t.p, (size_t)(m - t.p));
            ADD("<mark id=\"khop-dau\">");
            tu_buf_add(b, m + 6, t.len - (size_t)(m + 6 - t.p));
        } else if (t.p) {
            tu_buf_add(b, t.p, t.len);
        }
        if (t.failed)
            b->failed = 1;
        tu_buf_free(&t);
    }
    ADD("</div>\n</main>\n");
    foot(b);
    return b->failed ? -1 : 0;
}

/* What to try when nothing matched: links that widen the search. */
static void no_results_help(tu_buf_t *b, const cgi_params_t *p,
                            const tracuu_results_t *r)
{
    ADD("<div class=\"help\" id=\"goi-y\">\n<p>Gợi ý:</p>\n<ul>\n");
    if (p->type || p->issuer || p->model || p->year) {
        cgi_link_t l = cgi_link_from(p);
        l.type = l.issuer = l.model = NULL;
        l.year = 0;
        ADD("<li>Bỏ bộ lọc (loại, cơ quan, năm, mô hình): <a ");
        href(b, &l);
        ADD(">tìm lại trong toàn bộ kho</a>.</li>\n");
    }
    if (r->suggestion && *r->suggestion) {
        cgi_link_t l = cgi_link_from(p);
        l.q = r->suggestion;
        ADD("<li>Thử <a ");
        href(b, &l);
        ADD(">");
        ESC(r->suggestion);
        ADD("</a>.</li>\n");
    }
    if (p->q && strchr(p->q, '"'))
        ADD("<li>Bỏ dấu ngoặc kép: các từ sẽ được tìm cả khi không đứng liền "
            "nhau.</li>\n");
    ADD("<li>Kiểm tra chính tả, hoặc gõ không dấu (<kbd>dan van kheo</kbd>): "
        "từ không dấu khớp với mọi cách bỏ dấu.</li>\n"
        "<li>Dùng ít từ hơn, hoặc từ chung hơn; mỗi từ thêm vào thu hẹp "
        "kết quả.</li>\n"
        "<li>Tìm theo số hiệu văn bản (<kbd>so:25-NQ/TW</kbd>), theo năm "
        "(<kbd>nam:2023</kbd>) hoặc theo mô hình "
        "(<kbd>mohinh:\"Dân vận khéo\"</kbd>).</li>\n");
    cgi_link_t all;
    memset(&all, 0, sizeof all);
    ADD("<li><a ");
    href(b, &all);
    ADD(">Xem mọi văn bản trong kho</a>.</li>\n</ul>\n</div>\n");
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
        ADD("<p class=\"detail\">");
        ESC(detail);
        ADD("</p>\n");
    }
    ADD("<p><a href=\"?\">Về trang tìm kiếm</a></p>\n</main>\n");
    foot(b);
    return b->failed ? -1 : 0;
}
