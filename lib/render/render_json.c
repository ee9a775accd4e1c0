/* JSON renderings of results, listings and documents (docs/design.md section 4). */
#include <stdio.h>
#include <stdlib.h>
#include "tracuu/render.h"
#include "base/tu_buf.h"
#include "render/tu_json.h"

#define JSON_MAX ((size_t)256 << 20)

const char *const tracuu_facet_names[TRACUU_N_FACETS] = {
    "type", "issuer", "year", "model"};

static void str_list(tu_buf_t *b, char **items, size_t n)
{
    tu_buf_addc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            tu_buf_addc(b, ',');
        tu_json_str(b, items[i]);
    }
    tu_buf_addc(b, ']');
}

static void spans(tu_buf_t *b, const tracuu_span_t *hl, size_t n)
{
    tu_buf_addc(b, '[');
    for (size_t i = 0; i < n; i++)
        tu_buf_printf(b, "%s[%zu,%zu]", i ? "," : "", hl[i].start, hl[i].len);
    tu_buf_addc(b, ']');
}

static void date_or_null(tu_buf_t *b, const char *date)
{
    tu_json_str(b, date && *date ? date : NULL);
}

char *tracuu_results_json(const tracuu_results_t *r, int with_facets)
{
    tu_buf_t b;
    tu_buf_init(&b, JSON_MAX);
    tu_buf_adds(&b, "{\"query\":");
    tu_json_str(&b, r->query ? r->query : "");
    tu_buf_printf(&b, ",\"total\":%u,\"offset\":%u,\"suggestion\":",
                  r->total, r->offset);
    tu_json_str(&b, r->suggestion);
    tu_buf_adds(&b, ",\"corrected\":");
    tu_json_str(&b, r->corrected);
    tu_buf_adds(&b, r->partial ? ",\"partial\":true" : ",\"partial\":false");
    tu_buf_adds(&b, ",\"results\":[");
    for (size_t i = 0; i < r->n_hits; i++) {
        const tracuu_hit_t *h = &r->hits[i];
        tu_buf_printf(&b, "%s{\"rank\":%u,\"docid\":%u,\"path\":", i ? "," : "",
                      h->rank, h->docid);
        tu_json_str(&b, h->path);
        tu_buf_adds(&b, ",\"title\":");
        tu_json_str(&b, h->title);
        tu_buf_adds(&b, ",\"date\":");
        date_or_null(&b, h->date);
        tu_buf_printf(&b, ",\"score\":%.4f,\"snippet\":", h->score);
        tu_json_str(&b, h->snippet);
        tu_buf_adds(&b, ",\"highlights\":");
        spans(&b, h->hl, h->n_hl);
        tu_buf_adds(&b, ",\"refs\":");
        str_list(&b, h->refs, h->n_refs);
        tu_buf_adds(&b, ",\"models\":");
        str_list(&b, h->models, h->n_models);
        tu_buf_adds(&b, ",\"format\":");
        tu_json_str(&b, h->format);
        tu_buf_adds(&b, ",\"encoding\":");
        tu_json_str(&b, h->encoding);
        tu_buf_adds(&b, h->partial ? ",\"partial\":true}" : ",\"partial\":false}");
    }
    tu_buf_addc(&b, ']');
    if (with_facets) {
        tu_buf_adds(&b, ",\"facets\":{");
        for (int f = 0; f < TRACUU_N_FACETS; f++) {
            tu_buf_printf(&b, "%s\"%s\":[", f ? "," : "", tracuu_facet_names[f]);
            for (size_t j = 0; j < r->n_facets[f]; j++) {
                tu_buf_adds(&b, j ? ",{\"value\":" : "{\"value\":");
                tu_json_str(&b, r->facets[f][j].value);
                tu_buf_printf(&b, ",\"count\":%u}", r->facets[f][j].count);
            }
            tu_buf_addc(&b, ']');
        }
        tu_buf_addc(&b, '}');
    }
    tu_buf_adds(&b, ",\"warnings\":");
    str_list(&b, r->warnings, r->n_warnings);
    tu_buf_adds(&b, "}\n");
    return tu_buf_take(&b, NULL);
}

char *tracuu_listing_json(const tracuu_listing_t *l, int what)
{
    tu_buf_t b;
    tu_buf_init(&b, JSON_MAX);
    tu_buf_adds(&b, what == TRACUU_LIST_REFS ? "{\"refs\":[" : "{\"models\":[");
    for (size_t i = 0; i < l->n; i++) {
        const tracuu_listing_item_t *it = &l->items[i];
        tu_buf_adds(&b, i ? "," : "");
        if (what == TRACUU_LIST_REFS) {
            tu_buf_adds(&b, "{\"ref\":");
            tu_json_str(&b, it->name);
            tu_buf_adds(&b, ",\"type\":");
            tu_json_str(&b, it->type);
            tu_buf_adds(&b, ",\"issuer\":");
            tu_json_str(&b, it->issuer);
            if (it->year)
                tu_buf_printf(&b, ",\"year\":%d", it->year);
            else
                tu_buf_adds(&b, ",\"year\":null");
        } else {
            tu_buf_adds(&b, "{\"name\":");
            tu_json_str(&b, it->name);
        }
        tu_buf_printf(&b, ",\"documents\":%u,\"paths\":", it->documents);
        str_list(&b, it->paths, it->n_paths);
        tu_buf_addc(&b, '}');
    }
    tu_buf_adds(&b, "],\"warnings\":");
    str_list(&b, l->warnings, l->n_warnings);
    tu_buf_adds(&b, "}\n");
    return tu_buf_take(&b, NULL);
}

char *tracuu_docview_json(const tracuu_docview_t *v)
{
    tu_buf_t b;
    tu_buf_init(&b, JSON_MAX);
    tu_buf_printf(&b, "{\"docid\":%u,\"path\":", v->docid);
    tu_json_str(&b, v->path);
    tu_buf_adds(&b, ",\"title\":");
    tu_json_str(&b, v->title);
    tu_buf_adds(&b, ",\"date\":");
    date_or_null(&b, v->date);
    tu_buf_adds(&b, ",\"refs\":");
    str_list(&b, v->refs, v->n_refs);
    tu_buf_adds(&b, ",\"models\":");
    str_list(&b, v->models, v->n_models);
    tu_buf_adds(&b, ",\"format\":");
    tu_json_str(&b, v->format);
    tu_buf_adds(&b, ",\"encoding\":");
    tu_json_str(&b, v->encoding);
    tu_buf_adds(&b, ",\"text\":");
    tu_json_string(&b, v->text ? v->text : "", v->text ? v->text_len : 0);
    tu_buf_adds(&b, ",\"highlights\":");
    spans(&b, v->hl, v->n_hl);
    tu_buf_adds(&b, "}\n");
    return tu_buf_take(&b, NULL);
}
