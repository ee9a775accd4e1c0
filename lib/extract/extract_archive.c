/* Archives (libarchive): .zip, .7z, .tar (also .tar.gz, .tar.bz2,
 * .tar.xz), .rar, .cab, .iso.  The archive's own text is the list of its
 * member names; each regular member is read into memory as a member of X
 * (tracuu_extract_walk then extracts it as a document of its own).
 *
 * Bounds: a member over max_file_bytes uncompressed, or over what is left
 * of max_inflated, is refused (zip bombs: the count is of bytes really
 * inflated, never of what a header claims); past max_members the rest are
 * only named; encrypted members are reported by name; a damaged member
 * never loses the ones read before it. */
#include "extract/tu_extractors.h"
#include "base/tu_buf.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK 65536

static void human(char *buf, size_t cap, size_t n)
{
    if (n >= (size_t)1 << 20)
        snprintf(buf, cap, "%.0f MiB", n / 1048576.0);
    else
        snprintf(buf, cap, "%zu bytes", n);
}

/* The member's name without leading "./" or "/". */
static const char *clean_name(struct archive_entry *e)
{
    const char *n = archive_entry_pathname_utf8(e);
    if (!n)
        n = archive_entry_pathname(e);
    if (!n)
        return NULL;
    while (*n == '/' || (n[0] == '.' && n[1] == '/'))
        n += *n == '/' ? 1 : 2;
    return *n ? n : NULL;
}

/* Read the current member's data, at most MAX bytes.  *DATA malloc'd or
 * NULL with *ERR set (static or formatted into ERRBUF). */
static void read_member(struct archive *a, size_t max, char **data,
                        size_t *len, char *errbuf, size_t errcap)
{
    tu_buf_t b;
    tu_buf_init(&b, max);
    char chunk[BLOCK];
    *data = NULL;
    *len = 0;
    for (;;) {
        la_ssize_t r = archive_read_data(a, chunk, sizeof chunk);
        if (r == 0)
            break;
        if (r < 0) {
            const char *why = archive_error_string(a);
            snprintf(errbuf, errcap, "damaged member: %s",
                     why ? why : "read error");
            tu_buf_free(&b);
            return;
        }
        if ((size_t)r > max - b.len) {
            char h[32];
            human(h, sizeof h, max);
            snprintf(errbuf, errcap, "over %s uncompressed (a zip bomb?)", h);
            tu_buf_free(&b);
            return;
        }
        if (tu_buf_add_cut(&b, chunk, (size_t)r) != 0) {
            snprintf(errbuf, errcap, "out of memory");
            tu_buf_free(&b);
            return;
        }
    }
    *data = tu_buf_take(&b, len);
    if (!*data)
        snprintf(errbuf, errcap, "out of memory");
}

tracuu_status_t tu_extract_archive(const tu_extract_src_t *src,
                                   tracuu_extract_t *x, char **errmsg)
{
    const tracuu_extract_opts_t *o = src->opts;
    if (lseek(src->fd, 0, SEEK_SET) < 0) {
        tu_extract_errf(errmsg, "lseek: %s", strerror(errno));
        return TRACUU_ERR_IO;
    }
    struct archive *a = archive_read_new();
    if (!a) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    archive_read_support_filter_all(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_7zip(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_rar(a);
    archive_read_support_format_rar5(a);
    archive_read_support_format_cab(a);
    archive_read_support_format_iso9660(a);
    archive_read_support_format_cpio(a);
    if (archive_read_open_fd(a, src->fd, BLOCK) != ARCHIVE_OK) {
        tu_extract_errf(errmsg, "not a readable archive (%s): %s", src->mime,
                        archive_error_string(a) ? archive_error_string(a)
                                                : "unknown format");
        archive_read_free(a);
        return TRACUU_ERR_UNSUPPORTED;
    }
    x->container = 1;
    x->encoding = "UTF-8";
    tu_buf_t names;
    tu_buf_init(&names, o->max_text_bytes);
    size_t n = 0, skipped = 0, bytes = 0, encrypted = 0;
    size_t per_member = o->max_file_bytes;
    int spent = o->list_only != 0, damaged = 0;
    tracuu_status_t st = TRACUU_OK;
    for (;;) {
        struct archive_entry *e;
        int r = archive_read_next_header(a, &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r == ARCHIVE_FATAL || r == ARCHIVE_RETRY) {
            const char *why = archive_error_string(a);
            if (n == 0 && skipped == 0) {
                tu_extract_errf(errmsg, "damaged archive (%s): %s", src->mime,
                                why ? why : "unreadable");
                st = TRACUU_ERR_UNSUPPORTED;
            } else {
                tu_extract_warnf(x, "archive damaged after %zu members: %s",
                                 n + skipped, why ? why : "unreadable");
            }
            damaged = 1;
            break;
        }
        if (archive_entry_filetype(e) != AE_IFREG)
            continue;
        const char *name = clean_name(e);
        if (!name)
            continue;
        tu_buf_add_cut(&names, name, strlen(name));
        tu_buf_add_cut(&names, "\n", 1);
        if (spent || n >= o->max_members) {
            skipped++;
            continue;
        }
        char *copy = strdup(name);
        char *data = NULL;
        size_t len = 0;
        char why[200] = "";
        if (archive_entry_is_encrypted(e)) {
            snprintf(why, sizeof why, "encrypted (a password is needed)");
            encrypted++;
        } else {
            size_t left = o->max_inflated > bytes ? o->max_inflated - bytes : 0;
            size_t max = per_member < left ? per_member : left;
            /* A size the header declares over the bound is refused
             * unread; a header that lies is caught while inflating. */
            if (archive_entry_size_is_set(e) &&
                (uint64_t)archive_entry_size(e) > (uint64_t)max) {
                char h[32];
                human(h, sizeof h, max);
                snprintf(why, sizeof why, "over %s uncompressed (a zip "
                         "bomb?)", h);
            } else {
                read_member(a, max, &data, &len, why, sizeof why);
            }
            if (!data && per_member >= left && strstr(why, "uncompressed")) {
                char h[32];
                human(h, sizeof h, o->max_inflated);
                snprintf(why, sizeof why, "the container's members are over "
                         "%s uncompressed in all (a zip bomb?)", h);
                spent = 1;
            }
            if (!data && strstr(why, "Encrypt")) {
                snprintf(why, sizeof why, "encrypted (a password is "
                         "needed)");
                encrypted++;
            }
            bytes += len;
        }
        if (tu_extract_member_add(x, copy, data, len, data ? NULL : why) != 0) {
            tu_extract_errf(errmsg, "out of memory");
            st = TRACUU_ERR_NOMEM;
            break;
        }
        n++;
    }
    archive_read_free(a);
    if (st != TRACUU_OK) {
        tu_buf_free(&names);
        return st;
    }
    if (skipped && o->list_only == TRACUU_LIST_DEPTH)
        tu_extract_warnf(x, "archive nested too deep: its %zu members are "
                         "named, not indexed", skipped);
    else if (skipped)
        tu_extract_warnf(x, "%zu members over the limit of members or bytes "
                         "per container: named, not indexed", skipped);
    if (encrypted && encrypted == n && !skipped)
        tu_extract_warnf(x, "encrypted archive: a password is needed");
    (void)damaged;
    if (names.failed) {
        tu_buf_free(&names);
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    /* member names are bytes in whatever encoding the archiver used:
     * decoded like any text (a fuzzed zip gave invalid UTF-8 here) */
    size_t nl = 0;
    char *raw = tu_buf_take(&names, &nl);
    if (!raw) {
        tu_extract_errf(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    tracuu_status_t dst = tu_extract_decode_into(raw, nl, NULL, o, x, errmsg);
    free(raw);
    return dst;
}
