/* Test tool: tu_docprops IN.doc OUT.doc TITLE AUTHOR: copies an OLE
 * compound file (a Word .doc) with its summary information replaced by
 * one holding TITLE and AUTHOR (libgsf), so the integration tests can
 * check that a .doc's title comes from its properties. */
#include <gsf/gsf.h>
#include <stdio.h>
#include <string.h>

static int copy(GsfInfile *in, GsfOutfile *out, const char *title,
                const char *author)
{
    int n = gsf_infile_num_children(in);
    for (int i = 0; i < n; i++) {
        const char *name = gsf_infile_name_by_index(in, i);
        GsfInput *child = gsf_infile_child_by_index(in, i);
        if (!child)
            return -1;
        if (name && strcmp(name, "\005SummaryInformation") == 0) {
            g_object_unref(child);
            continue;
        }
        int dir = GSF_IS_INFILE(child) &&
                  gsf_infile_num_children(GSF_INFILE(child)) >= 0;
        GsfOutput *o = gsf_outfile_new_child(out, name, dir);
        if (dir)
            copy(GSF_INFILE(child), GSF_OUTFILE(o), NULL, NULL);
        else
            gsf_input_copy(child, o);
        gsf_output_close(o);
        g_object_unref(o);
        g_object_unref(child);
    }
    if (title) {
        GsfDocMetaData *md = gsf_doc_meta_data_new();
        GValue v = G_VALUE_INIT;
        g_value_init(&v, G_TYPE_STRING);
        g_value_set_string(&v, title);
        gsf_doc_meta_data_insert(md, g_strdup(GSF_META_NAME_TITLE),
                                 g_boxed_copy(G_TYPE_VALUE, &v));
        g_value_set_string(&v, author);
        gsf_doc_meta_data_insert(md, g_strdup(GSF_META_NAME_CREATOR),
                                 g_boxed_copy(G_TYPE_VALUE, &v));
        g_value_unset(&v);
        GsfOutput *o = gsf_outfile_new_child(out, "\005SummaryInformation", FALSE);
        gsf_doc_meta_data_write_to_msole(md, o, FALSE);
        gsf_output_close(o);
        g_object_unref(o);
        g_object_unref(md);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: tu_docprops IN.doc OUT.doc TITLE AUTHOR\n");
        return 2;
    }
    gsf_init();
    GError *err = NULL;
    GsfInput *src = gsf_input_stdio_new(argv[1], &err);
    GsfInfile *in = src ? gsf_infile_msole_new(src, &err) : NULL;
    GsfOutput *dst = gsf_output_stdio_new(argv[2], &err);
    GsfOutfile *out = dst ? gsf_outfile_msole_new(dst) : NULL;
    if (!in || !out) {
        fprintf(stderr, "tu_docprops: %s\n", err ? err->message : "cannot open");
        return 1;
    }
    int rc = copy(in, out, argv[3], argv[4]);
    gsf_output_close(GSF_OUTPUT(out));
    g_object_unref(out);
    g_object_unref(dst);
    g_object_unref(in);
    g_object_unref(src);
    gsf_shutdown();
    return rc ? 1 : 0;
}
