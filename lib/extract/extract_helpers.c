/* Formats read by external helper programs (tu_subproc_run):
 *   PDF   pdftotext -enc UTF-8 FILE -  (poppler-utils), title from pdfinfo;
 *         no text layer: OCR with pdftoppm + tesseract -l vie if opts->ocr
 *   DOC   antiword -w 0 -m UTF-8.txt FILE, else catdoc -w -d utf-8 FILE
 *   RTF   catdoc -w -d utf-8 FILE.  Not unrtf: 0.21.10 prints "?" for every
 *         \uN character with --text and drops the character after it
 *         with --html (tested with Vietnamese).
 *   image tesseract FILE - -l vie, only if opts->ocr.
 * No wrapping (-w 0, -w): one paragraph per line, since a line end is a
 * sentence end to the tokenizer and phrases would not match across it.
 * Output over max_text_bytes is kept, truncated, with a warning. */
#include "extract/tu_extractors.h"
#include "extract/tu_subproc.h"
#include "base/tu_buf.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Run ARGV under the limits of SRC->opts.  On TOO_BIG the truncated
 * output is kept and TRACUU_OK returned with *TRUNCATED set. */
static tracuu_status_t run(const tu_extract_src_t *src,
                           const char *const *argv, const char *package,
                           tu_subproc_res_t *res, int *truncated,
                           char **errmsg)
{
    /* tesseract's OpenMP threads would fight the indexer's own workers. */
    static const char *const env[] = {"OMP_THREAD_LIMIT=1", NULL};
    tu_subproc_req_t req = {
        .argv = argv,
        .package = package,
        .max_out = src->opts->max_text_bytes,
        .timeout_ms = src->opts->helper_timeout_s * 1000u,
        .env = env,
    };
    *truncated = 0;
    tracuu_status_t st = tu_subproc_run(&req, res, errmsg);
    if (st == TRACUU_ERR_TOO_BIG && res->out) {
        *truncated = 1;
        if (errmsg) {
            free(*errmsg);
            *errmsg = NULL;
        }
        return TRACUU_OK;
    }
    return st;
}

/* Helper output is UTF-8: decode it as such (invalid bytes become U+FFFD,
 * counted), never with the user's forced encoding, which is for files. */
static tracuu_status_t take_output(tu_subproc_res_t *res, int truncated,
                                   const tu_extract_src_t *src,
                                   tracuu_extract_t *x, char **errmsg)
{
    tracuu_extract_opts_t o = *src->opts;
    o.force_encoding = NULL;
    for (size_t i = 0; i < res->out_len; i++)
        if (res->out[i] == '\f')
            res->out[i] = '\n';
    tracuu_status_t st = tu_extract_decode_into(res->out, res->out_len,
                                                "UTF-8", &o, x, errmsg);
    if (st == TRACUU_OK && truncated)
        tu_extract_warnf(x, "text truncated to %zu bytes", res->out_len);
    return st;
}

/* OCR text gathered in B, handed on as a helper's output would be. */
static tracuu_status_t take_buffer(tu_buf_t *b, const tu_extract_src_t *src,
                                   tracuu_extract_t *x, char **errmsg)
{
    tu_subproc_res_t page = {0};
    int truncated = b->truncated;
    page.out = tu_buf_take(b, &page.out_len);
    tracuu_status_t st = page.out ? take_output(&page, truncated, src, x, errmsg)
                                  : TRACUU_ERR_NOMEM;
    free(page.out);
    return st;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]))
            return 0;
    return 1;
}

/* The Title: line of pdfinfo, or NULL (pdfinfo missing or failing is not
 * an error: the title is optional). */
static char *pdf_title(const tu_extract_src_t *src)
{
    const char *argv[] = {"pdfinfo", "-enc", "UTF-8", src->path, NULL};
    tu_subproc_res_t res = {0};
    char *err = NULL;
    int trunc;
    char *title = NULL;
    if (run(src, argv, "poppler-utils", &res, &trunc, &err) == TRACUU_OK) {
        for (char *line = res.out; line && *line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            if (strncmp(line, "Title:", 6) == 0) {
                title = strdup(line + 6);
                tu_extract_squeeze(title);
                if (title && !*title) {
                    free(title);
                    title = NULL;
                }
                break;
            }
            line = nl ? nl + 1 : NULL;
        }
    }
    free(err);
    tu_subproc_res_clear(&res);
    return title;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Remove the page images in DIR and DIR itself. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        char p[4200];
        while ((e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            if (snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < (int)sizeof p)
                unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* OCR one image file into B. */
static tracuu_status_t ocr_file(const tu_extract_src_t *src, const char *file,
                                tu_buf_t *b, char **errmsg)
{
    const char *argv[] = {"tesseract", file, "-", "-l", "vie", NULL};
    tu_subproc_res_t res = {0};
    int trunc;
    tracuu_status_t st = run(src, argv, "tesseract-ocr and tesseract-ocr-vie",
                             &res, &trunc, errmsg);
    if (st == TRACUU_OK && tu_buf_add_cut(b, res.out, res.out_len) != 0)
        st = TRACUU_ERR_NOMEM;
    tu_subproc_res_clear(&res);
    return st;
}

/* Scanned PDF: pdftoppm -r 300 -png into a temporary folder, then
 * tesseract page by page. */
static tracuu_status_t ocr_pdf(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    if (!tu_subproc_have("tesseract")) {
        tu_extract_errf(errmsg, "tesseract not found: install tesseract-ocr "
                        "and tesseract-ocr-vie");
        return TRACUU_ERR_HELPER_MISSING;
    }
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s/tracuu-ocr-XXXXXX",
                 tmp && *tmp ? tmp : "/tmp") >= (int)sizeof dir ||
        !mkdtemp(dir)) {
        tu_extract_errf(errmsg, "cannot make a temporary folder: %s",
                        strerror(errno));
        return TRACUU_ERR_IO;
    }
    char prefix[4200];
    snprintf(prefix, sizeof prefix, "%s/p", dir);
    const char *argv[] = {"pdftoppm", "-r", "300", "-png", src->path, prefix,
                          NULL};
    tu_subproc_res_t res = {0};
    int trunc;
    tracuu_status_t st = run(src, argv, "poppler-utils", &res, &trunc, errmsg);
    tu_subproc_res_clear(&res);

    char **names = NULL;
    size_t n = 0, cap = 0;
    DIR *d = st == TRACUU_OK ? opendir(dir) : NULL;
    if (st == TRACUU_OK && !d) {
        tu_extract_errf(errmsg, "opendir: %s", strerror(errno));
        st = TRACUU_ERR_IO;
    }
    for (struct dirent *e; d && st == TRACUU_OK && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **p = realloc(names, nc * sizeof *p);
            if (!p) {
                st = TRACUU_ERR_NOMEM;
                break;
            }
            names = p;
            cap = nc;
        }
        if (!(names[n] = strdup(e->d_name))) {
            st = TRACUU_ERR_NOMEM;
            break;
        }
        n++;
    }
    if (d)
        closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    tu_buf_t b;
    tu_buf_init(&b, src->opts->max_text_bytes);
    char file[8400];
    for (size_t i = 0; i < n && st == TRACUU_OK && !b.truncated; i++) {
        snprintf(file, sizeof file, "%s/%s", dir, names[i]);
        st = ocr_file(src, file, &b, errmsg);
        if (st == TRACUU_OK && tu_buf_last(&b) != '\n')
            tu_buf_add_cut(&b, "\n", 1);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    remove_dir(dir);
    if (st == TRACUU_ERR_NOMEM)
        tu_extract_errf(errmsg, "out of memory");
    if (st == TRACUU_OK && b.failed) {
        tu_extract_errf(errmsg, "out of memory");
        st = TRACUU_ERR_NOMEM;
    }
    st = st == TRACUU_OK ? take_buffer(&b, src, x, errmsg) : st;
    tu_buf_free(&b);
    snprintf(x->format, sizeof x->format, "ocr");
    return st;
}

tracuu_status_t tu_extract_pdf(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    const char *argv[] = {"pdftotext", "-enc", "UTF-8", src->path, "-", NULL};
    tu_subproc_res_t res = {0};
    int trunc;
    tracuu_status_t st = run(src, argv, "poppler-utils", &res, &trunc, errmsg);
    if (st == TRACUU_OK && blank(res.out, res.out_len)) {
        tu_subproc_res_clear(&res);
        if (!src->opts->ocr) {
            tu_extract_errf(errmsg, "scanned PDF without a text layer: "
                            "use --ocr");
            return TRACUU_ERR_UNSUPPORTED;
        }
        st = ocr_pdf(src, x, errmsg);
    } else if (st == TRACUU_OK) {
        st = take_output(&res, trunc, src, x, errmsg);
        tu_subproc_res_clear(&res);
    } else {
        tu_subproc_res_clear(&res);
    }
    if (st == TRACUU_OK)
        x->title = pdf_title(src);
    return st;
}

tracuu_status_t tu_extract_doc(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    const char *anti[] = {"antiword", "-w", "0", "-m", "UTF-8.txt", src->path,
                          NULL};
    const char *cat[] = {"catdoc", "-w", "-d", "utf-8", src->path, NULL};
    tu_subproc_res_t res = {0};
    int trunc;
    char *first = NULL;
    tracuu_status_t st = run(src, anti, "antiword", &res, &trunc, &first);
    if (st != TRACUU_OK && st != TRACUU_ERR_TIMEOUT) {
        /* antiword refuses some files catdoc reads (and may be missing). */
        tu_subproc_res_clear(&res);
        char *second = NULL;
        tracuu_status_t st2 = run(src, cat, "catdoc", &res, &trunc, &second);
        if (st2 == TRACUU_OK) {
            st = TRACUU_OK;
        } else if (st == TRACUU_ERR_HELPER_MISSING) {
            /* Report catdoc's reason unless it is missing too. */
            if (st2 == TRACUU_ERR_HELPER_MISSING)
                tu_extract_errf(errmsg, "antiword and catdoc not found: "
                                "install antiword or catdoc");
            else
                tu_extract_errf(errmsg, "%s", second ? second : "catdoc failed");
            st = st2;
        } else {
            tu_extract_errf(errmsg, "%s", first ? first : "antiword failed");
        }
        free(second);
    } else if (st != TRACUU_OK) {
        tu_extract_errf(errmsg, "%s", first ? first : "antiword timed out");
    }
    free(first);
    if (st == TRACUU_OK)
        st = take_output(&res, trunc, src, x, errmsg);
    tu_subproc_res_clear(&res);
    return st;
}

tracuu_status_t tu_extract_rtf(const tu_extract_src_t *src,
                               tracuu_extract_t *x, char **errmsg)
{
    const char *argv[] = {"catdoc", "-w", "-d", "utf-8", src->path, NULL};
    tu_subproc_res_t res = {0};
    int trunc;
    tracuu_status_t st = run(src, argv, "catdoc", &res, &trunc, errmsg);
    if (st == TRACUU_OK)
        st = take_output(&res, trunc, src, x, errmsg);
    tu_subproc_res_clear(&res);
    return st;
}

tracuu_status_t tu_extract_image(const tu_extract_src_t *src,
                                 tracuu_extract_t *x, char **errmsg)
{
    if (!src->opts->ocr) {
        tu_extract_errf(errmsg, "image (%s): use --ocr", src->mime);
        return TRACUU_ERR_UNSUPPORTED;
    }
    tu_buf_t b;
    tu_buf_init(&b, src->opts->max_text_bytes);
    tracuu_status_t st = ocr_file(src, src->path, &b, errmsg);
    st = st == TRACUU_OK ? take_buffer(&b, src, x, errmsg) : st;
    tu_buf_free(&b);
    return st;
}
