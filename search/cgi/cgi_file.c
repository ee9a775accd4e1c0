/* cgi_file: see cgi_file.h. */
#include "cgi_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/tu_buf.h"
#include "cgi_out.h"

static const struct {
    const char *format, *type;
    int show;
} types[] = {
    {"pdf", "application/pdf", 1},
    {"html", "text/html; charset=utf-8", 1},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 0},
    {"odt", "application/vnd.oasis.opendocument.text", 0},
    {"doc", "application/msword", 0},
    {"rtf", "application/rtf", 0},
    {"png", "image/png", 1},
    {"jpeg", "image/jpeg", 1},
    {"jpg", "image/jpeg", 1},
    {"tiff", "image/tiff", 0},
    {"gif", "image/gif", 1},
};

const char *cgi_file_type(const char *format, const char *encoding,
                          int *inline_ok)
{
    *inline_ok = 0;
    if (format && strcmp(format, "txt") == 0) {
        /* a browser reads the Unicode ones; TCVN3, VNI... only tracuu */
        if (!encoding || strcmp(encoding, "UTF-8") == 0 || !*encoding) {
            *inline_ok = 1;
            return "text/plain; charset=utf-8";
        }
        if (strcmp(encoding, "UTF-16LE") == 0 || strcmp(encoding, "UTF-16BE") == 0) {
            *inline_ok = 1;
            return strcmp(encoding, "UTF-16LE") == 0 ? "text/plain; charset=utf-16le"
                                                     : "text/plain; charset=utf-16be";
        }
        if (strcmp(encoding, "WINDOWS-1258") == 0) {
            *inline_ok = 1;
            return "text/plain; charset=windows-1258";
        }
        return "text/plain";
    }
    for (size_t i = 0; format && i < sizeof types / sizeof *types; i++)
        if (strcmp(format, types[i].format) == 0) {
            *inline_ok = types[i].show;
            return types[i].type;
        }
    return "application/octet-stream";
}

int cgi_file_send(const char *path, const char *format, const char *encoding,
                  int head_only)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "tracuu.cgi: original file %s: not readable\n", path);
        if (fd >= 0)
            close(fd);
        return 404;
    }
    int show;
    const char *type = cgi_file_type(format, encoding, &show);
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    /* filename*: RFC 6266 / 5987, UTF-8 percent-encoded */
    tu_buf_t h;
    tu_buf_init(&h, 8192);
    tu_buf_printf(&h, "Content-Disposition: %s; filename*=UTF-8''",
                  show ? "inline" : "attachment");
    for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
            (*c >= '0' && *c <= '9') || strchr("!#$&+.^_`|~-", *c))
            tu_buf_addc(&h, (char)*c);
        else
            tu_buf_printf(&h, "%%%02X", *c);
    }
    tu_buf_adds(&h, "\r\n");
    int rc = cgi_out_send(stdout, 200, type, "private, no-cache",
                          h.failed ? NULL : h.p, NULL, (size_t)st.st_size, 1);
    tu_buf_free(&h);
    if (rc == 0 && !head_only) {
        char buf[65536];
        ssize_t n;
        off_t left = st.st_size;   /* exactly Content-Length bytes */
        while (left > 0 && (n = read(fd, buf, sizeof buf)) > 0) {
            size_t k = (size_t)(n > left ? left : n);
            if (fwrite(buf, 1, k, stdout) != k) {
                rc = -1;
                break;
            }
            left -= (off_t)k;
        }
        if (left > 0)   /* shrank while sent: the length was promised */
            rc = -1;
        if (fflush(stdout) != 0)
            rc = -1;
    }
    close(fd);
    return rc;
}
