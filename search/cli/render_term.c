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
    /* past the documents Xapian checked, the total is its estimate */
    fprintf(out, "%s%u kết quả (%sresults) %u-%zu:\n\n", r->total_exact ? "" : "khoảng ",
            r->total, r->total_exact ? "" : "about ", r->offset + 1, r->offset + r->n_hits);
    if (r->partial)
        fputs("Các kết quả đánh dấu (một phần) chỉ chứa một phần các từ đã gõ "
              "(partial matches); để bắt buộc mọi từ: \"cụm từ\", AND, +từ.\n\n", out);
    for (size_t i = 0; i < r->n_hits; i++) {
        const tracuu_hit_t *h = &r->hits[i];
        fprintf(out, "%s%u. %s%s\n", color ? "\033[1;34m" : "", h->rank,
                h->title && *h->title ? h->title : "(không có tiêu đề)",
                color ? "\033[0m" : "");
        char *name = tu_name_escape(h->path);
        /* the id --doc takes */
        fprintf(out, "   %s%s%s%s%s  (--doc %u)\n", name ? name : "?",
                h->date[0] ? "  [" : "", h->date, h->date[0] ? "]" : "",
                h->partial ? "  (một phần)" : "", (unsigned)h->docid);
        free(name);
        if (h->own.number || h->own.type || h->own.issuer) {
            fputs("   Văn bản:", out);
            if (h->own.type_name || h->own.type)
                fprintf(out, " %s", h->own.type_name ? h->own.type_name : h->own.type);
            if (h->own.number)
                fprintf(out, " số %s", h->own.number);
            if (h->own.issuer)
                fprintf(out, " của %s", h->own.issuer);
            if (h->own.cited_by)
                fprintf(out, " — được dẫn chiếu bởi %u văn bản", h->own.cited_by);
            fputs("\n", out);
        }
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
        "Loại văn bản (type)", "Cơ quan ban hành (issuer)", "Năm (year)",
        "Mô hình (model)", "Loại văn bản được dẫn (cited_type)",
        "Cơ quan được dẫn (cited_issuer)"};
    for (int f = 0; f < TRACUU_N_FACETS; f++) {
        if (!r->n_facets[f])
            continue;
        fprintf(out, "%s:", labels[f]);
        for (size_t j = 0; j < r->n_facets[f] && j < 20; j++)
            fprintf(out, "%s %s (%s%u)", j ? "," : "", r->facets[f][j].value,
                    r->facets_estimated ? "≈" : "", r->facets[f][j].count);
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
            fprintf(out, "%s  loại %s", it->name, *it->type ? it->type : "?");
            if (it->type_name)
                fprintf(out, " (%s)", it->type_name);
            fprintf(out, ", cơ quan %s", *it->issuer ? it->issuer : "?");
            if (it->issuer_name)
                fprintf(out, " (%s)", it->issuer_name);
            if (it->year)
                fprintf(out, ", năm %d", it->year);
            if (it->in_archive)
                fprintf(out, ", có trong kho: văn bản %u", it->in_archive);
            else
                fputs(", không có trong kho", out);
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
    const tracuu_ident_t *o = &v->own;
    if (o->number)
        fprintf(out, "Số, ký hiệu: %s\n", o->number);
    if (o->type)
        fprintf(out, "Loại văn bản: %s%s%s%s\n", o->type, o->type_name ? " (" : "",
                o->type_name ? o->type_name : "", o->type_name ? ")" : "");
    if (o->issuer || o->issuer_code)
        fprintf(out, "Cơ quan ban hành: %s%s%s%s%s\n", o->issuer ? o->issuer : "",
                o->issuer_parent ? " — " : "", o->issuer_parent ? o->issuer_parent : "",
                o->issuer_name ? " — " : "", o->issuer_name ? o->issuer_name : "");
    if (o->place)
        fprintf(out, "Nơi ban hành: %s\n", o->place);
    if (o->subject)
        fprintf(out, "Trích yếu: %s\n", o->subject);
    if (o->signer)
        fprintf(out, "Người ký: %s\n", o->signer);
    if (o->number)
        fprintf(out, "Được dẫn chiếu bởi %u văn bản (trichdan:%s)\n", o->cited_by,
                o->number);
    for (size_t j = 0; j < v->n_refs; j++) {
        fprintf(out, "Dẫn chiếu: %s", v->refs[j]);
        if (v->ref_docids && v->ref_docids[j] == v->docid)
            fputs(" (văn bản này)", out);
        else if (v->ref_docids && v->ref_docids[j])
            fprintf(out, " -> văn bản %u (--doc %u)", v->ref_docids[j], v->ref_docids[j]);
        else
            fputs(" (không có trong kho)", out);
        fputs("\n", out);
    }
    for (size_t j = 0; j < v->n_models; j++)
        fprintf(out, "Mô hình: %s\n", v->models[j]);
    fprintf(out, "Định dạng: %s, bảng mã: %s, %zu chỗ khớp\n\n",
            v->format && *v->format ? v->format : "?",
            v->encoding && *v->encoding ? v->encoding : "?", v->n_hl);
    put_hl_n(out, v->text ? v->text : "", v->text ? v->text_len : 0, v->hl, v->n_hl, color);
    fputs("\n", out);
    if (v->text_total > v->text_len)
        fprintf(out, "\n[Văn bản dài %zu byte: chỉ hiện %zu byte đầu "
                "(text cut: %zu of %zu bytes shown)]\n", v->text_total,
                v->text_len, v->text_len, v->text_total);
}
