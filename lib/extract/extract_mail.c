/* E-mail (GMime 3): a message (.eml) is a container.  Its own text: the
 * From, To, Date and Subject headers (encoded words decoded), then every
 * text part in its charset and transfer encoding (HTML parts through the
 * HTML extractor; of a multipart/alternative only the plain text when
 * there is one); the subject is the title, the date the date.  Each
 * attachment (and each attached message) is a member, extracted as a
 * document of its own by tracuu_extract_walk.  An mbox file is a container
 * of its messages.  Members count against the container's bounds. */
#include "extract/tu_extractors.h"
#include "base/tu_buf.h"
#include "tracuu/encoding.h"

#include <gmime/gmime.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    g_mime_init();
}

typedef struct {
    const tu_extract_src_t *src;
    tracuu_extract_t *x;
    tu_buf_t text;
    size_t bytes;        /* members' bytes so far */
    int n_att, over;
} mail_t;

/* The decoded content of PART (transfer encoding undone), malloc'd. */
static char *part_bytes(GMimePart *part, size_t max, size_t *len, int *over)
{
    GMimeDataWrapper *w = g_mime_part_get_content(part);
    *len = 0;
    *over = 0;
    if (!w)
        return strdup("");
    GMimeStream *ms = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(w, ms);
    GByteArray *a = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(ms));
    char *out = NULL;
    if (a && a->len > max) {
        *over = 1;
    } else {
        size_t n = a ? a->len : 0;
        out = malloc(n + 1);
        if (out) {
            if (n)
                memcpy(out, a->data, n);
            out[n] = '\0';
            *len = n;
        }
    }
    g_object_unref(ms);
    return out;
}

static void add_line(tu_buf_t *b, const char *label, const char *v)
{
    if (!v || !*v)
        return;
    tu_buf_adds(b, label);
    tu_buf_add_cut(b, v, strlen(v));
    tu_buf_add_cut(b, "\n", 1);
}

/* A text part of the body into M->text. */
static void body_part(mail_t *m, GMimePart *part, int html)
{
    size_t len;
    int over;
    char *raw = part_bytes(part, m->src->opts->max_text_bytes, &len, &over);
    if (!raw)
        return;
    const char *cs = g_mime_object_get_content_type_parameter(
        GMIME_OBJECT(part), "charset");
    if (html) {
        tracuu_extract_t hx;
        memset(&hx, 0, sizeof hx);
        char *err = NULL;
        if (tu_extract_html_bytes(raw, len, cs, m->src->opts, &hx, &err) ==
            TRACUU_OK && hx.text)
            tu_buf_add_cut(&m->text, hx.text, hx.len);
        free(err);
        tracuu_extract_clear(&hx);
    } else {
        char *s = NULL;
        size_t n = 0;
        if (tracuu_decode(raw, len, cs, NULL, &s, &n, NULL, NULL) == TRACUU_OK)
            tu_buf_add_cut(&m->text, s, n);
        free(s);
    }
    if (tu_buf_last(&m->text) != '\n')
        tu_buf_add_cut(&m->text, "\n", 1);
    free(raw);
}

static void add_member(mail_t *m, char *name, char *data, size_t len,
                       const char *why)
{
    if (tu_extract_member_add(m->x, name, data, len, why) == 0)
        m->bytes += len;
}

static int budget_left(mail_t *m)
{
    const tracuu_extract_opts_t *o = m->src->opts;
    if (o->list_only || m->x->n_members >= o->max_members ||
        m->bytes >= o->max_inflated) {
        m->over++;
        return 0;
    }
    return 1;
}

/* Is PART the HTML alternative of a multipart/alternative that also has
 * a plain text? */
static int html_alternative(GMimeObject *parent)
{
    if (!parent || !GMIME_IS_MULTIPART(parent))
        return 0;
    GMimeContentType *ct = g_mime_object_get_content_type(parent);
    if (!g_mime_content_type_is_type(ct, "multipart", "alternative"))
        return 0;
    GMimeMultipart *mp = GMIME_MULTIPART(parent);
    for (int i = 0; i < g_mime_multipart_get_count(mp); i++) {
        GMimeObject *o = g_mime_multipart_get_part(mp, i);
        if (g_mime_content_type_is_type(g_mime_object_get_content_type(o),
                                        "text", "plain"))
            return 1;
    }
    return 0;
}

static void visit(GMimeObject *parent, GMimeObject *obj, gpointer data)
{
    mail_t *m = data;
    if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage *inner = g_mime_message_part_get_message(
            GMIME_MESSAGE_PART(obj));
        m->n_att++;
        if (!inner || !budget_left(m))
            return;
        char *s = g_mime_object_to_string(GMIME_OBJECT(inner), NULL);
        const char *subj = g_mime_message_get_subject(inner);
        char name[300];
        snprintf(name, sizeof name, "%.200s.eml",
                 subj && *subj ? subj : "thu-dinh-kem");
        for (char *p = name; *p; p++)
            if (*p == '/' || *p == '#')
                *p = '_';
        size_t n = s ? strlen(s) : 0;
        char *copy = s ? malloc(n + 1) : NULL;
        if (copy)
            memcpy(copy, s, n + 1);
        g_free(s);
        if (copy)
            add_member(m, strdup(name), copy, n, NULL);
        return;
    }
    if (!GMIME_IS_PART(obj))
        return;
    GMimePart *part = GMIME_PART(obj);
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    const char *fname = g_mime_part_get_filename(part);
    int attachment = g_mime_part_is_attachment(part) || (fname && *fname);
    if (!attachment && g_mime_content_type_is_type(ct, "text", "plain")) {
        body_part(m, part, 0);
        return;
    }
    if (!attachment && g_mime_content_type_is_type(ct, "text", "html")) {
        if (!html_alternative(parent))
            body_part(m, part, 1);
        return;
    }
    if (!attachment && g_mime_content_type_is_type(ct, "text", "*")) {
        body_part(m, part, 0);
        return;
    }
    /* An attachment (or an inline non-text part with a name). */
    m->n_att++;
    if (!fname || !*fname) {
        if (g_mime_content_type_is_type(ct, "image", "*") ||
            g_mime_content_type_is_type(ct, "application", "pgp-signature") ||
            g_mime_content_type_is_type(ct, "application", "pkcs7-signature"))
            return;  /* unnamed pictures and signatures hold no text */
    }
    if (!budget_left(m))
        return;
    char name[300];
    snprintf(name, sizeof name, "%.250s",
             fname && *fname ? fname : "dinh-kem");
    for (char *p = name; *p; p++)
        if (*p == '/' || *p == '#')
            *p = '_';
    size_t left = m->src->opts->max_inflated - m->bytes;
    size_t max = m->src->opts->max_file_bytes < left
                     ? m->src->opts->max_file_bytes : left;
    size_t len;
    int over;
    char *bytes = part_bytes(part, max, &len, &over);
    add_member(m, strdup(name), bytes, len,
               bytes ? NULL : over ? "attachment over the size limit, skipped"
                                   : "out of memory");
}

static void headers(mail_t *m, GMimeMessage *msg)
{
    tracuu_extract_t *x = m->x;
    const char *subj = g_mime_message_get_subject(msg);
    if (subj && *subj)
        x->title = tu_extract_squeeze(strdup(subj));
    InternetAddressList *from = g_mime_message_get_from(msg);
    InternetAddressList *to = g_mime_message_get_to(msg);
    char *f = from ? internet_address_list_to_string(from, NULL, FALSE) : NULL;
    char *t = to ? internet_address_list_to_string(to, NULL, FALSE) : NULL;
    add_line(&m->text, "Từ: ", f);
    add_line(&m->text, "Đến: ", t);
    if (f && *f)
        x->author = strdup(f);
    g_free(f);
    g_free(t);
    GDateTime *d = g_mime_message_get_date(msg);
    if (d) {
        snprintf(x->date, sizeof x->date, "%04d-%02d-%02d",
                 g_date_time_get_year(d), g_date_time_get_month(d),
                 g_date_time_get_day_of_month(d));
        char line[64];
        snprintf(line, sizeof line, "%s", x->date);
        add_line(&m->text, "Ngày: ", line);
    }
    add_line(&m->text, "Tiêu đề: ", subj);
    tu_buf_add_cut(&m->text, "\n", 1);
}

static tracuu_status_t finish(mail_t *m, char **errmsg)
{
    if (m->over)
        tu_extract_warnf(m->x, "%d attachments over the limit of members "
                         "or bytes per container, or nested too deep: not "
                         "indexed", m->over);
    if (m->text.failed) {
        tu_buf_free(&m->text);
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    if (m->text.truncated)
        tu_extract_warnf(m->x, "text truncated to %zu bytes", m->text.len);
    m->x->text = tu_buf_take(&m->text, &m->x->len);
    if (!m->x->text) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    m->x->encoding = "UTF-8";
    return TRACUU_OK;
}

static GMimeParser *parser_for(const char *buf, size_t n, GMimeFormat fmt)
{
    GMimeStream *s = g_mime_stream_mem_new_with_buffer(buf, n);
    GMimeParser *p = g_mime_parser_new_with_stream(s);
    g_object_unref(s);
    g_mime_parser_set_format(p, fmt);
    return p;
}

tracuu_status_t tu_extract_mail(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    pthread_once(&once, init);
    char *buf = NULL;
    size_t n = 0;
    tracuu_status_t st = tu_extract_read_all(src, src->size, &buf, &n, errmsg);
    if (st != TRACUU_OK)
        return st;
    GMimeParser *p = parser_for(buf, n, GMIME_FORMAT_MESSAGE);
    GMimeMessage *msg = g_mime_parser_construct_message(p, NULL);
    g_object_unref(p);
    if (!msg) {
        free(buf);
        tu_extract_errf(errmsg, "not a readable e-mail message (%s)", src->mime);
        return TRACUU_ERR_UNSUPPORTED;
    }
    mail_t m = {.src = src, .x = x};
    tu_buf_init(&m.text, src->opts->max_text_bytes);
    x->container = 1;
    snprintf(x->format, sizeof x->format, "eml");
    headers(&m, msg);
    g_mime_message_foreach(msg, visit, &m);
    g_object_unref(msg);
    free(buf);
    return finish(&m, errmsg);
}

tracuu_status_t tu_extract_mbox(const tu_extract_src_t *src,
                                tracuu_extract_t *x, char **errmsg)
{
    pthread_once(&once, init);
    char *buf = NULL;
    size_t n = 0;
    tracuu_status_t st = tu_extract_read_all(src, src->size, &buf, &n, errmsg);
    if (st != TRACUU_OK)
        return st;
    GMimeParser *p = parser_for(buf, n, GMIME_FORMAT_MBOX);
    mail_t m = {.src = src, .x = x};
    tu_buf_init(&m.text, src->opts->max_text_bytes);
    x->container = 1;
    snprintf(x->format, sizeof x->format, "mbox");
    int k = 0;
    while (!g_mime_parser_eos(p)) {
        GMimeMessage *msg = g_mime_parser_construct_message(p, NULL);
        if (!msg)
            break;
        k++;
        const char *subj = g_mime_message_get_subject(msg);
        add_line(&m.text, "", subj && *subj ? subj : "(không tiêu đề)");
        if (budget_left(&m)) {
            char *s = g_mime_object_to_string(GMIME_OBJECT(msg), NULL);
            char name[32];
            snprintf(name, sizeof name, "%05d.eml", k);
            size_t sl = s ? strlen(s) : 0;
            char *copy = s ? malloc(sl + 1) : NULL;
            if (copy)
                memcpy(copy, s, sl + 1);
            g_free(s);
            if (copy)
                add_member(&m, strdup(name), copy, sl, NULL);
        }
        g_object_unref(msg);
    }
    g_object_unref(p);
    free(buf);
    if (k == 0) {
        tu_buf_free(&m.text);
        tu_extract_errf(errmsg, "mbox without a readable message");
        return TRACUU_ERR_UNSUPPORTED;
    }
    return finish(&m, errmsg);
}
