/* File type detection by content with libmagic.
 *
 * A magic_t must not be shared between threads, and creating one costs
 * about 0.3-4 ms per file (measured: 6.5 ms per call with open/load/close
 * against 2.6 ms reused on a 40 KB text), so each thread keeps its own in
 * a pthread key whose destructor closes it when the thread exits.
 * helgrind also reports a write race inside magic_descriptor (4 bytes of
 * libmagic's data, likely cdf.c's byte-order probe that writes the same
 * constant each time): benign. */
#include "extract/tu_filetype.h"
#include "tracuu/normalize.h"

#include <ctype.h>
#include <errno.h>
#include <strings.h>
#include <magic.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_key_t key;
/* magic_load keeps the default database path in a static variable
 * (magic_getpath frees and rebuilds it): never two loads at once. */
static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_ok;

static void close_cookie(void *p)
{
    if (p)
        magic_close((magic_t)p);
}

static void make_key(void)
{
    key_ok = pthread_key_create(&key, close_cookie) == 0;
}

static void set_err(char **errmsg, const char *fmt, ...)
{
    if (!errmsg)
        return;
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    *errmsg = strdup(tmp);
}

/* The calling thread's cookie, or NULL (message in *ERRMSG). */
static magic_t cookie(char **errmsg, tracuu_status_t *st)
{
    pthread_once(&key_once, make_key);
    if (!key_ok) {
        *st = TRACUU_ERR_INTERNAL;
        set_err(errmsg, "cannot create a thread key for libmagic");
        return NULL;
    }
    magic_t m = pthread_getspecific(key);
    if (m)
        return m;
    /* NO_CHECK_COMPRESS: do not look inside compressed files (we do not
     * index them; it cost 2 ms per DOCX). */
    pthread_mutex_lock(&load_lock);
    m = magic_open(MAGIC_MIME_TYPE | MAGIC_MIME_ENCODING | MAGIC_ERROR |
                   MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TOKENS |
                   MAGIC_NO_CHECK_APPTYPE | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_TAR |
                   MAGIC_NO_CHECK_JSON | MAGIC_NO_CHECK_CSV);
    if (!m) {
        pthread_mutex_unlock(&load_lock);
        *st = TRACUU_ERR_NOMEM;
        set_err(errmsg, "magic_open failed");
        return NULL;
    }
    if (magic_load(m, NULL) != 0) {
        pthread_mutex_unlock(&load_lock);
        *st = TRACUU_ERR_INTERNAL;
        set_err(errmsg, "cannot load the libmagic database: %s",
                magic_error(m) ? magic_error(m) : "unknown error");
        magic_close(m);
        return NULL;
    }
    pthread_mutex_unlock(&load_lock);
    /* libmagic allocates and scans bytes_max bytes (7 MiB by default) for
     * every file; the first MiB is enough to tell our formats apart. */
    size_t bytes_max = (size_t)1 << 20;
    magic_setparam(m, MAGIC_PARAM_BYTES_MAX, &bytes_max);
    if (pthread_setspecific(key, m) != 0) {
        *st = TRACUU_ERR_NOMEM;
        set_err(errmsg, "pthread_setspecific failed");
        magic_close(m);
        return NULL;
    }
    return m;
}

/* Copy the N bytes at S into DST (size CAP), NUL-terminated, truncated. */
static void copy_field(char *dst, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* A text that opens with RFC 5322 header lines (From: and another of
 * the usual ones, every line a header or its continuation up to the blank
 * line) is a mail; one that opens with "From " and then such headers is an
 * mbox.  libmagic knows mail only by a few first headers. */
static const char *mail_kind(const unsigned char *b, size_t len)
{
    size_t i = 0;
    const char *kind = "message/rfc822";
    if (len > 5 && memcmp(b, "From ", 5) == 0) {
        while (i < len && b[i] != '\n')
            i++;
        i++;
        kind = "application/mbox";
    }
    int from = 0, other = 0, lines = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && b[e] != '\n')
            e++;
        if (e == len)
            break;  /* the header block goes on past the sample */
        size_t l = e - i;
        if (l && b[e - 1] == '\r')
            l--;
        if (l == 0)
            return from && other && lines >= 2 ? kind : NULL;
        if (b[i] == ' ' || b[i] == '\t') {
            if (!lines)
                return NULL;
        } else {
            size_t k = i;
            while (k < i + l && (isalnum(b[k]) || b[k] == '-'))
                k++;
            if (k == i || k >= i + l || b[k] != ':')
                return NULL;
            size_t nl = k - i;
            const char *h = (const char *)b + i;
            if (nl == 4 && strncasecmp(h, "From", 4) == 0)
                from = 1;
            else if ((nl == 7 && strncasecmp(h, "Subject", 7) == 0) ||
                     (nl == 4 && strncasecmp(h, "Date", 4) == 0) ||
                     (nl == 10 && strncasecmp(h, "Message-ID", 10) == 0) ||
                     (nl == 12 && strncasecmp(h, "MIME-Version", 12) == 0) ||
                     (nl == 8 && strncasecmp(h, "Received", 8) == 0))
                other = 1;
            lines++;
        }
        i = e + 1;
    }
    return NULL;
}

/* The common case without libmagic: libmagic spends about 20 million
 * instructions on each small text file (its soft magic runs dozens of
 * regular expressions), most of an indexing run's CPU.  A file whose first
 * 8 KiB hold no NUL and no control byte but tab, line breaks and form feed,
 * and that does not open like markup or another format (<, {\rtf, %PDF,
 * %!), is plain text; libmagic would say text/plain too.  Everything else,
 * UTF-16 and VISCII (control bytes) included, goes to libmagic.  The
 * charset mirrors libmagic's: us-ascii, utf-8, or unknown-8bit. */
static int plain_text(int fd, tu_filetype_t *ft)
{
    unsigned char b[8192];
    ssize_t n = pread(fd, b, sizeof b, 0);
    if (n <= 0)
        return 0;
    size_t i = 0, len = (size_t)n;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3;  /* UTF-8 byte order mark */
    size_t start = i;
    while (start < len && (b[start] == ' ' || b[start] == '\t' || b[start] == '\r' ||
                           b[start] == '\n'))
        start++;
    if (start < len && (b[start] == '<' || b[start] == '{' || b[start] == '%'))
        return 0;  /* markup, RTF, PDF, PostScript: ask libmagic */
    int high = 0;
    for (; i < len; i++) {
        unsigned char c = b[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A)
            return 0;
        if (c == 0x7F)
            return 0;
        high |= c >= 0x80;
    }
    const char *mail = mail_kind(b, len);
    snprintf(ft->mime, sizeof ft->mime, "%s", mail ? mail : "text/plain");
    if (!high) {
        snprintf(ft->charset, sizeof ft->charset, "us-ascii");
    } else {
        /* a sequence cut by the end of a full sample is not an error */
        size_t check = len;
        if (len == sizeof b)
            for (size_t k = 0; k < 3 && check > 0 && (b[check - 1] & 0xC0) == 0x80; k++)
                check--;
        if (len == sizeof b && check > 0 && b[check - 1] >= 0xC0)
            check--;
        snprintf(ft->charset, sizeof ft->charset, "%s",
                 tracuu_utf8_valid((const char *)b, check) ? "utf-8" : "unknown-8bit");
    }
    return 1;
}

tracuu_status_t tu_filetype_detect_fd(int fd, tu_filetype_t *ft, char **errmsg)
{
    memset(ft, 0, sizeof *ft);
    if (plain_text(fd, ft))
        return TRACUU_OK;
    tracuu_status_t st = TRACUU_OK;
    memset(ft, 0, sizeof *ft);
    magic_t m = cookie(errmsg, &st);
    if (!m)
        return st;
    /* libmagic reads through FD; keep its offset at the start. */
    if (lseek(fd, 0, SEEK_SET) < 0) {
        set_err(errmsg, "lseek: %s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    const char *r = magic_descriptor(m, fd);
    if (!r) {
        const char *e = magic_error(m);
        set_err(errmsg, "cannot detect the file type: %s", e ? e : "unknown");
        return TRACUU_ERR_IO;
    }
    /* "type/subtype; charset=xxx" */
    const char *semi = strchr(r, ';');
    size_t tlen = semi ? (size_t)(semi - r) : strlen(r);
    copy_field(ft->mime, sizeof ft->mime, r, tlen);
    if (semi) {
        const char *cs = strstr(semi, "charset=");
        if (cs) {
            cs += strlen("charset=");
            copy_field(ft->charset, sizeof ft->charset, cs, strcspn(cs, "; "));
        }
    }
    return TRACUU_OK;
}

void tu_filetype_thread_cleanup(void)
{
    pthread_once(&key_once, make_key);
    if (!key_ok)
        return;
    magic_t m = pthread_getspecific(key);
    if (m) {
        magic_close(m);
        pthread_setspecific(key, NULL);
    }
}
