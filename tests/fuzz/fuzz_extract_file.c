/* Fuzz target: the in-process extractors over a file (an anonymous memory
 * file): plain text, HTML, the zip-XML formats (DOCX, ODT, XLSX, PPTX,
 * ODS, ODP, zip archives of documents), tar and other archives
 * (libarchive), e-mail and mbox (GMime), chosen by the first byte.  Helper programs
 * (PDF, DOC, RTF, OCR) are not run here. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "extract/tu_extractors.h"
#include "tracuu/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    int fd = memfd_create("fuzz", MFD_CLOEXEC);
    if (fd < 0)
        return 0;
    if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        close(fd);
        return 0;
    }
    tracuu_extract_opts_t o;
    memset(&o, 0, sizeof o);
    o.max_file_bytes = 1 << 20;
    o.max_text_bytes = 1 << 16;
    o.helper_timeout_s = 1;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    static const struct {
        tu_extractor_fn fn;
        const char *mime;
    } ex[] = {
        {tu_extract_text, "text/plain"},
        {tu_extract_html, "text/html"},
        {tu_extract_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {tu_extract_odt, "application/vnd.oasis.opendocument.text"},
        {tu_extract_zip, "application/zip"},
        {tu_extract_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {tu_extract_pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {tu_extract_ods, "application/vnd.oasis.opendocument.spreadsheet"},
        {tu_extract_odp, "application/vnd.oasis.opendocument.presentation"},
        {tu_extract_archive, "application/x-tar"},
        {tu_extract_mail, "message/rfc822"},
        {tu_extract_mbox, "application/mbox"},
    };
    unsigned k = data[0] % (sizeof ex / sizeof ex[0]);
    tu_extract_src_t src = {.path = path, .fd = fd, .size = size - 1,
                            .mime = ex[k].mime, .charset = NULL, .opts = &o};
    tracuu_extract_t x;
    memset(&x, 0, sizeof x);
    char *err = NULL;
    if (ex[k].fn(&src, &x, &err) == TRACUU_OK && x.text &&
        !tracuu_utf8_valid(x.text, x.len))
        abort();
    free(err);
    tracuu_extract_clear(&x);
    close(fd);
    return 0;
}
