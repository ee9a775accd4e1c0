/* The live progress line: files, MB, rate, ETA. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "indexer.h"

double ix_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ix_progress_init(ix_progress_t *p, int on, size_t files, uint64_t bytes)
{
    p->on = on;
    p->tty = isatty(2);
    p->start = p->last = ix_now();
    p->total_files = files;
    p->total_bytes = bytes;
}

void ix_progress_update(ix_progress_t *p, size_t files, uint64_t bytes, int force)
{
    if (!p->on)
        return;
    double now = ix_now();
    /* a terminal gets 5 updates a second; a log one line every 5 s */
    if (!force && now - p->last < (p->tty ? 0.2 : 5.0))
        return;
    p->last = now;
    double el = now - p->start, mb = (double)bytes / 1e6;
    double rate = el > 0 ? mb / el : 0;
    double left = p->total_bytes > bytes ? (double)(p->total_bytes - bytes) / 1e6 : 0;
    char eta[32] = "?";
    if (rate > 0)
        snprintf(eta, sizeof eta, "%.0f s", left / rate);
    fprintf(stderr, "%s%zu/%zu files, %.1f/%.1f MB, %.2f MB/s, ETA %s%s",
            p->tty ? "\r\033[K" : "", files, p->total_files, mb,
            (double)p->total_bytes / 1e6, rate, eta, p->tty ? "" : "\n");
}

void ix_progress_done(ix_progress_t *p)
{
    if (p->on && p->tty)
        fputs("\r\033[K", stderr);
}
