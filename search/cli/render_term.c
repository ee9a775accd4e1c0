/* Terminal rendering of results: rank, title, path, date, snippet with the
 * matched words in bold on a terminal (plain when piped). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "base/tu_path.h"

static void put_hl_n(FILE *out, const char *s, size_t len,
                     const tracuu_span_t *hl, size_t n, int bold)
{
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (hl[i].start < at || hl[i].start + hl[i].len > len)
            continue;
        fwrite(s + at, 1, hl[i].start - at, out);
        fputs(bold ? "\033[1m" : "", out);
        fwrite(s + hl[i].start, 1, hl[i].len, out);
        fputs(bold ? "\033[0m" : "", out);
        at = hl[i].start + hl[i].len;
    }
    fwrite(s + at, 1, len - at, out);
}

static void put_hl(FILE *out, const char *s, const tracuu_span_t *hl, size_t n,
                   int bold)
{
    put_hl_n(out, s, strlen(s), hl, n, bold);
}

void cli_render_results(FILE *out, const tracuu_results_t *r, int color)
{
    if (r->corrected)
        fprintf(out, "Đang hiện kết quả cho %s%s%s; tìm đúng như đã gõ: "
                "tracuu-search --as-typed %s\n\n", color ? "\033[1m" : "",
                r->corrected, color ? "\033[0m" : "", r->query);
    if (r->suggestion)
        fprintf(out, "Ý bạn là: %s%s%s\n\n", color ? "\033[1m" : "",
                r->suggestion, color ? "\033[0m" : "");
    if (r->n_hits == 0) {
        fprintf(out, "Không tìm thấy kết quả nào cho \"%s\" (no results).\n",
                r->query);
        return;
    }
    fprintf(out, "%u kết quả (results) %u-%zu:\n\n", r->total, r->offset + 1,
            r->offset + r->n_hits);
    if (r->partial)
        fputs("Các kết quả đánh dấu (một phần) chỉ chứa một phần các từ đã gõ "
              "(partial matches); để bắt buộc mọi từ: \"cụm từ\", AND, +từ.\n\n", out);
    for (size_t i = 0; i < r->n_hits; i++) {
        const tracuu_hit_t *h = &r->hits[i];
        fprintf(out, "%s%u. %s%s\n", color ? "\033[1;34m" : "", h->rank,
                h->title && *h->title ? h->title : "(không có tiêu đề)",
                color ? "\033[0m" : "");
        char *name = tu_name_escape(h->path);
        fprintf(out, "   %s%s%s%s%s\n", name ? name : "?", h->date[0] ? "  [" : "", h->date,
                h->date[0] ? "]" : "", h->partial ? "  (một phần)" : "");
        free(name);
        if (h->n_refs) {
            fputs("   Số hiệu:", out);
            for (size_t j = 0; j < h->n_refs && j < 8; j++)
                fprintf(out, " %s", h->refs[j]);
            fputs(h->n_refs > 8 ? " …\n" : "\n", out);
        }
        fputs("   ", out);
        put_hl(out, h->snippet ? h->snippet : "", h->hl, h->n_hl, color);
        fputs("\n\n", out);
    }
}

void cli_render_facets(FILE *out, const tracuu_results_t *r)
{
    static const char *const labels[TRACUU_N_FACETS] = {
        "Loại văn bản (type)", "Cơ quan (issuer)", "Năm (year)", "Mô hình (model)"};
    for (int f = 0; f < TRACUU_N_FACETS; f++) {
        if (!r->n_facets[f])
            continue;
        fprintf(out, "%s:", labels[f]);
        for (size_t j = 0; j < r->n_facets[f] && j < 20; j++)
            fprintf(out, "%s %s (%u)", j ? "," : "", r->facets[f][j].value,
                    r->facets[f][j].count);
        fputs("\n", out);
    }
}

void cli_render_listing(FILE *out, const tracuu_listing_t *l, int what)
{
    if (l->n == 0) {
        fputs(what == TRACUU_LIST_REFS ? "Không có số hiệu văn bản nào.\n"
                                       : "Không có mô hình nào.\n", out);
        return;
    }
    for (size_t i = 0; i < l->n; i++) {
        const tracuu_listing_item_t *it = &l->items[i];
        if (what == TRACUU_LIST_REFS) {
            fprintf(out, "%s  loại %s, cơ quan %s", it->name,
                    *it->type ? it->type : "?", *it->issuer ? it->issuer : "?");
            if (it->year)
                fprintf(out, ", năm %d", it->year);
        } else {
            fprintf(out, "%s", it->name);
        }
        fprintf(out, ": %u văn bản\n", it->documents);
        for (size_t j = 0; j < it->n_paths; j++) {
            char *name = tu_name_escape(it->paths[j]);
            fprintf(out, "    %s\n", name ? name : "?");
            free(name);
        }
    }
}

void cli_render_doc(FILE *out, const tracuu_docview_t *v, int color)
{
    fprintf(out, "%s%s%s\n", color ? "\033[1;34m" : "",
            v->title && *v->title ? v->title : "(không có tiêu đề)", color ? "\033[0m" : "");
    char *name = tu_name_escape(v->path);
    fprintf(out, "Tệp: %s\n", name ? name : "?");
    free(name);
    if (v->date[0])
        fprintf(out, "Ngày: %s\n", v->date);
    if (v->n_refs) {
        fputs("Số hiệu:", out);
        for (size_t j = 0; j < v->n_refs; j++)
            fprintf(out, " %s", v->refs[j]);
        fputs("\n", out);
    }
    for (size_t j = 0; j < v->n_models; j++)
        fprintf(out, "Mô hình: %s\n", v->models[j]);
    fprintf(out, "Định dạng: %s, bảng mã: %s, %zu chỗ khớp\n\n",
            v->format && *v->format ? v->format : "?",
            v->encoding && *v->encoding ? v->encoding : "?", v->n_hl);
    put_hl_n(out, v->text ? v->text : "", v->text ? v->text_len : 0, v->hl, v->n_hl, color);
    fputs("\n", out);
}
