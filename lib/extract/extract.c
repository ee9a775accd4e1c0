/* From a file on disk to its text: stat, detect the type by content,
 * dispatch through one table of extractors, enforce the limits.
 *
 * Adding a format: write `tracuu_status_t tu_extract_FMT(src, x, errmsg)`
 * in its own lib/extract/extract_*.c (declared in tu_extractors.h), add a row to
 * `table` below (before the catch-all row for text if it is a text type),
 * and a case to tests/unit/test_extract.c.  External programs go through
 * tu_subproc_run only (no shell, time and memory limits). */
#include "tracuu/extract.h"
#include "tracuu/encoding.h"
#include "extract/tu_extract_util.h"
#include "extract/tu_extractors.h"
#include "extract/tu_filetype.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/tu_utf8.h"

#define DEFAULT_MAX_FILE ((size_t)100 << 20)
#define DEFAULT_MAX_TEXT ((size_t)64 << 20)
#define DEFAULT_TIMEOUT 60
#define DEFAULT_MAX_INFLATED ((size_t)512 << 20)
#define DEFAULT_MAX_MEMBERS 5000
#define DEFAULT_MAX_DEPTH 4
#define DEFAULT_CONTAINER_TIMEOUT 600
#define SNIFF_BYTES 65536
#define MIN_VN_SCORE 0.5

static tracuu_status_t extract_xml(const tu_extract_src_t *,
                                   tracuu_extract_t *, char **);

/* The dispatch table: the first MIME pattern (fnmatch) that matches wins. */
static const struct {
    const char *mime;
    tu_extractor_fn fn;
    const char *format;
} table[] = {
    {"message/rfc822", tu_extract_mail, "eml"},
    {"application/mbox", tu_extract_mbox, "mbox"},
    {"text/html", tu_extract_html, "html"},
    {"application/xhtml+xml", tu_extract_html, "html"},
    {"text/xml", extract_xml, "txt"},
    {"application/xml", extract_xml, "txt"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     tu_extract_docx, "docx"},
    {"application/vnd.oasis.opendocument.text", tu_extract_odt, "odt"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     tu_extract_xlsx, "xlsx"},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation",
     tu_extract_pptx, "pptx"},
    {"application/vnd.oasis.opendocument.spreadsheet", tu_extract_ods, "ods"},
    {"application/vnd.oasis.opendocument.presentation", tu_extract_odp, "odp"},
    {"application/zip", tu_extract_zip, "zip"},
    {"application/x-7z-compressed", tu_extract_archive, "7z"},
    {"application/x-tar", tu_extract_archive, "tar"},
    {"application/gzip", tu_extract_archive, "tar"},
    {"application/x-gzip", tu_extract_archive, "tar"},
    {"application/x-bzip2", tu_extract_archive, "tar"},
    {"application/x-xz", tu_extract_archive, "tar"},
    {"application/x-rar", tu_extract_archive, "rar"},
    {"application/vnd.rar", tu_extract_archive, "rar"},
    {"application/vnd.ms-cab-compressed", tu_extract_archive, "cab"},
    {"application/pdf", tu_extract_pdf, "pdf"},
    {"application/msword", tu_extract_doc, "doc"},
    {"application/vnd.ms-office", tu_extract_doc, "doc"},
    {"application/CDFV2", tu_extract_doc, "doc"},
    {"application/encrypted", tu_extract_doc, "doc"},
    {"application/x-ole-storage", tu_extract_doc, "doc"},
    {"text/rtf", tu_extract_rtf, "rtf"},
    {"application/rtf", tu_extract_rtf, "rtf"},
    {"image/png", tu_extract_image, "ocr"},
    {"image/jpeg", tu_extract_image, "ocr"},
    {"image/tiff", tu_extract_image, "ocr"},
    {"text/*", tu_extract_text, "txt"},
};

/* XML: XHTML goes to the HTML extractor, any other XML is kept as text. */
static tracuu_status_t extract_xml(const tu_extract_src_t *src,
                                   tracuu_extract_t *x, char **errmsg)
{
    char head[4097];
    ssize_t n = pread(src->fd, head, sizeof head - 1, 0);
    if (n < 0) {
        tu_extract_errf(errmsg, "read: %s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    head[n] = '\0';
    for (char *p = head; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    if (strstr(head, "<html")) {
        snprintf(x->format, sizeof x->format, "html");
        return tu_extract_html(src, x, errmsg);
    }
    return tu_extract_text(src, x, errmsg);
}

/* libmagic said application/octet-stream: accept it as text only if its
 * NUL bytes fit 8-bit text or UTF-16 and it decodes to plausible
 * Vietnamese; a garbage file named .pdf or .txt is reported, not indexed. */
static tracuu_status_t sniff_binary(const tu_extract_src_t *src,
                                    tracuu_extract_t *x, char **errmsg)
{
    char head[SNIFF_BYTES];
    ssize_t n = pread(src->fd, head, sizeof head, 0);
    /* NUL bytes: none (8-bit text), or only at even or only at odd offsets
     * and many (UTF-16 without a BOM, which libmagic does not know). */
    size_t nul[2] = {0, 0};
    for (ssize_t i = 0; i < n; i++)
        if (!head[i])
            nul[i & 1]++;
    size_t most = nul[0] > nul[1] ? nul[0] : nul[1];
    int texty = (nul[0] == 0 && nul[1] == 0) ||
                ((nul[0] == 0) != (nul[1] == 0) && most >= (size_t)n / 8);
    if (n > 0 && texty) {
        tracuu_status_t st = tu_extract_text(src, x, errmsg);
        if (st == TRACUU_OK) {
            size_t k = x->len < SNIFF_BYTES ? x->len : SNIFF_BYTES;
            if (tracuu_vn_score(x->text, k) >= MIN_VN_SCORE) {
                snprintf(x->format, sizeof x->format, "txt");
                /* VISCII puts six letters (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ) on control
                 * bytes, so libmagic never calls it text: no problem. */
                if (!x->encoding || strcmp(x->encoding, "VISCII") != 0)
                    tu_extract_warnf(x, "read as text: libmagic said %s",
                                     src->mime);
                return TRACUU_OK;
            }
        }
        free(x->text);
        x->text = NULL;
        x->len = 0;
        free(x->warning);
        x->warning = NULL;
        x->encoding = NULL;
        x->n_invalid = 0;
        if (errmsg) {
            free(*errmsg);
            *errmsg = NULL;
        }
    }
    tu_extract_errf(errmsg, "binary file (%s), skipped", src->mime);
    return TRACUU_ERR_UNSUPPORTED;
}

/* Cut X->text to at most MAX bytes at a UTF-8 character boundary. */
static void truncate_text(tracuu_extract_t *x, size_t max)
{
    size_t n = tu_utf8_floor(x->text, x->len, max);
    x->text[n] = '\0';
    x->len = n;
    tu_extract_warnf(x, "text truncated to %zu bytes", n);
}

static int has_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
            c != '\v')
            return 1;
    }
    return 0;
}

static void human(char *buf, size_t cap, size_t n)
{
    if (n >= (size_t)1 << 20)
        snprintf(buf, cap, "%.1f MiB", n / 1048576.0);
    else if (n >= 1024)
        snprintf(buf, cap, "%.1f KiB", n / 1024.0);
    else
        snprintf(buf, cap, "%zu bytes", n);
}

static tracuu_status_t run(const char *path, const tracuu_extract_opts_t *o,
                           tracuu_extract_t *x, char **errmsg, int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        tu_extract_errf(errmsg, "stat: %s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        tu_extract_errf(errmsg, "not a regular file");
        return TRACUU_ERR_UNSUPPORTED;
    }
    if (st.st_size == 0) {
        tu_extract_errf(errmsg, "empty file");
        return TRACUU_ERR_EMPTY;
    }
    if ((unsigned long long)st.st_size > o->max_file_bytes) {
        char a[32], b[32];
        human(a, sizeof a, (size_t)st.st_size);
        human(b, sizeof b, o->max_file_bytes);
        tu_extract_errf(errmsg, "file is %s, over the limit of %s", a, b);
        return TRACUU_ERR_TOO_BIG;
    }
    tu_filetype_t ft;
    tracuu_status_t rc = tu_filetype_detect_fd(fd, &ft, errmsg);
    if (rc != TRACUU_OK)
        return rc;
    snprintf(x->mime, sizeof x->mime, "%s", ft.mime);

    /* Helpers must never take the path for an option. */
    char *safe = NULL;
    if (path[0] == '-') {
        size_t n = strlen(path);
        safe = malloc(n + 3);
        if (!safe) {
            tu_extract_errf(errmsg, "out of memory");
            return TRACUU_ERR_NOMEM;
        }
        memcpy(safe, "./", 2);
        memcpy(safe + 2, path, n + 1);
    }
    tu_extract_src_t src = {
        .path = safe ? safe : path,
        .fd = fd,
        .size = (size_t)st.st_size,
        .mime = ft.mime,
        .charset = ft.charset[0] && strcmp(ft.charset, "binary") != 0 &&
                           strcmp(ft.charset, "unknown-8bit") != 0
                       ? ft.charset : NULL,
        .opts = o,
    };
    rc = TRACUU_ERR_UNSUPPORTED;
    size_t i, n = sizeof table / sizeof table[0];
    for (i = 0; i < n; i++)
        if (fnmatch(table[i].mime, ft.mime, 0) == 0)
            break;
    if (i < n) {
        snprintf(x->format, sizeof x->format, "%s", table[i].format);
        rc = table[i].fn(&src, x, errmsg);
    } else if (strcmp(ft.mime, "application/octet-stream") == 0) {
        rc = sniff_binary(&src, x, errmsg);
    } else if (strncmp(ft.mime, "image/", 6) == 0 ||
               strncmp(ft.mime, "audio/", 6) == 0 ||
               strncmp(ft.mime, "video/", 6) == 0) {
        tu_extract_errf(errmsg, "unsupported type (%s), skipped", ft.mime);
    } else {
        tu_extract_errf(errmsg, "binary file (%s), skipped", ft.mime);
    }
    free(safe);
    if (rc != TRACUU_OK)
        return rc;
    if (!x->text) {
        tu_extract_errf(errmsg, "no text extracted");
        return TRACUU_ERR_INTERNAL;
    }
    if (x->len > o->max_text_bytes)
        truncate_text(x, o->max_text_bytes);
    if (!has_text(x->text, x->len) && !(x->container && x->n_members)) {
        tu_extract_errf(errmsg, x->container ? "empty archive"
                                             : "no text in the file");
        return TRACUU_ERR_EMPTY;
    }
    return TRACUU_OK;
}

void tu_extract_defaults(tracuu_extract_opts_t *o,
                         const tracuu_extract_opts_t *given)
{
    memset(o, 0, sizeof *o);
    if (given)
        *o = *given;
    if (!o->max_file_bytes)
        o->max_file_bytes = DEFAULT_MAX_FILE;
    if (!o->max_text_bytes)
        o->max_text_bytes = DEFAULT_MAX_TEXT;
    if (!o->helper_timeout_s)
        o->helper_timeout_s = DEFAULT_TIMEOUT;
    if (!o->max_inflated)
        o->max_inflated = DEFAULT_MAX_INFLATED;
    if (!o->max_members)
        o->max_members = DEFAULT_MAX_MEMBERS;
    if (!o->max_depth)
        o->max_depth = DEFAULT_MAX_DEPTH;
    if (!o->container_timeout_s)
        o->container_timeout_s = DEFAULT_CONTAINER_TIMEOUT;
}

/* Keep mime and format for the caller's report; free the rest. */
static void failed(tracuu_extract_t *x)
{
    free(x->text);
    free(x->title);
    free(x->author);
    free(x->subject);
    x->text = x->title = x->author = x->subject = NULL;
    x->len = 0;
    tu_extract_members_free(x);
}

tracuu_status_t tracuu_extract_file(const char *path,
                                    const tracuu_extract_opts_t *opts,
                                    tracuu_extract_t *out, char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    if (!path || !*path || !out) {
        tu_extract_errf(errmsg, "no file given");
        return TRACUU_ERR_INVALID_ARG;
    }
    tracuu_extract_opts_t o;
    tu_extract_defaults(&o, opts);

    /* O_NONBLOCK: a FIFO must not hang us before fstat says what it is. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        tu_extract_errf(errmsg, "%s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    tracuu_status_t rc = run(path, &o, out, errmsg, fd);
    close(fd);
    if (rc != TRACUU_OK)
        failed(out);
    return rc;
}

/* A member goes through a temporary file: helpers (pdftotext, antiword)
 * read files, and libmagic and the extractors then see it as any file. */
tracuu_status_t tracuu_extract_mem(const char *name, const char *data,
                                   size_t len,
                                   const tracuu_extract_opts_t *opts,
                                   tracuu_extract_t *out, char **errmsg)
{
    (void)name;
    if (errmsg)
        *errmsg = NULL;
    if (!out || (!data && len)) {
        tu_extract_errf(errmsg, "no data given");
        return TRACUU_ERR_INVALID_ARG;
    }
    tracuu_extract_opts_t o;
    tu_extract_defaults(&o, opts);
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    if (snprintf(path, sizeof path, "%s/tracuu-member-XXXXXX",
                 tmp && *tmp ? tmp : "/tmp") >= (int)sizeof path) {
        tu_extract_errf(errmsg, "TMPDIR is too long");
        return TRACUU_ERR_IO;
    }
    int fd = mkstemp(path);
    if (fd >= 0)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (fd < 0) {
        tu_extract_errf(errmsg, "cannot make a temporary file: %s",
                        strerror(errno));
        return TRACUU_ERR_IO;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            tu_extract_errf(errmsg, "cannot write a temporary file: %s",
                            w < 0 ? strerror(errno) : "disk full");
            close(fd);
            unlink(path);
            return TRACUU_ERR_IO;
        }
        done += (size_t)w;
    }
    tracuu_status_t rc = run(path, &o, out, errmsg, fd);
    close(fd);
    unlink(path);
    if (rc != TRACUU_OK)
        failed(out);
    return rc;
}

void tu_extract_members_free(tracuu_extract_t *x)
{
    for (size_t i = 0; i < x->n_members; i++) {
        free(x->members[i].name);
        free(x->members[i].data);
        free(x->members[i].error);
    }
    free(x->members);
    x->members = NULL;
    x->n_members = 0;
}

void tracuu_extract_clear(tracuu_extract_t *x)
{
    if (!x)
        return;
    free(x->text);
    free(x->title);
    free(x->warning);
    free(x->author);
    free(x->subject);
    tu_extract_members_free(x);
    memset(x, 0, sizeof *x);
}

void tracuu_extract_thread_cleanup(void)
{
    tu_filetype_thread_cleanup();
}
