/* Legacy Office (.doc) properties: title, subject, author and creation
 * date from the OLE summary information (\005SummaryInformation), read
 * with libgsf.  Also tells an encrypted OOXML file (an OLE file holding
 * EncryptionInfo and EncryptedPackage) and a password-protected .doc
 * (the fEncrypted bit of the Word FIB) from a damaged one. */
#include "extract/tu_extractors.h"

#include <gsf/gsf.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    gsf_init();
}

static char *prop_string(GsfDocMetaData *md, const char *name)
{
    GsfDocProp *p = gsf_doc_meta_data_lookup(md, name);
    if (!p)
        return NULL;
    const GValue *v = gsf_doc_prop_get_val(p);
    if (!v || !G_VALUE_HOLDS_STRING(v))
        return NULL;
    const char *s = g_value_get_string(v);
    if (!s || !*s)
        return NULL;
    char *d = strdup(s);
    if (d && !*tu_extract_squeeze(d)) {
        free(d);
        d = NULL;
    }
    return d;
}

static void prop_date(GsfDocMetaData *md, const char *name, char out[11])
{
    GsfDocProp *p = gsf_doc_meta_data_lookup(md, name);
    const GValue *v = p ? gsf_doc_prop_get_val(p) : NULL;
    if (!v || !VAL_IS_GSF_TIMESTAMP(v))
        return;
    GsfTimestamp *ts = g_value_get_boxed(v);
    if (!ts)
        return;
    char *s = gsf_timestamp_as_string(ts);
    if (s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-' &&
        strncmp(s, "1601", 4) != 0)
        snprintf(out, 11, "%.10s", s);
    g_free(s);
}

int tu_ole_kind(const tu_extract_src_t *src, tracuu_extract_t *x)
{
    pthread_once(&once, init);
    GError *err = NULL;
    GsfInput *in = gsf_input_stdio_new(src->path, &err);
    if (!in) {
        if (err)
            g_error_free(err);
        return TU_OLE_UNKNOWN;
    }
    GsfInfile *ole = gsf_infile_msole_new(in, &err);
    g_object_unref(in);
    if (!ole) {
        if (err)
            g_error_free(err);
        return TU_OLE_UNKNOWN;
    }
    int kind = TU_OLE_UNKNOWN;
    GsfInput *enc = gsf_infile_child_by_name(ole, "EncryptedPackage");
    if (enc) {
        g_object_unref(enc);
        g_object_unref(ole);
        return TU_OLE_ENCRYPTED_OOXML;
    }
    GsfInput *wd = gsf_infile_child_by_name(ole, "WordDocument");
    if (wd) {
        kind = TU_OLE_DOC;
        guint8 const *fib = gsf_input_read(wd, 12, NULL);
        /* FIB: wIdent 0xA5EC, flags at offset 10, fEncrypted = bit 8 */
        if (fib && fib[0] == 0xEC && fib[1] == 0xA5 && (fib[11] & 0x01))
            kind = TU_OLE_ENCRYPTED_DOC;
        g_object_unref(wd);
    }
    GsfInput *si = gsf_infile_child_by_name(ole, "\005SummaryInformation");
    if (si && x) {
        GsfDocMetaData *md = gsf_doc_meta_data_new();
        GError *e2 = gsf_doc_meta_data_read_from_msole(md, si);
        if (!e2) {
            x->title = prop_string(md, GSF_META_NAME_TITLE);
            x->subject = prop_string(md, GSF_META_NAME_SUBJECT);
            x->author = prop_string(md, GSF_META_NAME_CREATOR);
            prop_date(md, GSF_META_NAME_DATE_CREATED, x->date);
        } else {
            g_error_free(e2);
        }
        g_object_unref(md);
    }
    if (si)
        g_object_unref(si);
    g_object_unref(ole);
    return kind;
}
