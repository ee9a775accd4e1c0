/* Running an external helper: fork + execve with a pre-resolved path (no
 * shell), pipes for stdout and stderr, poll with a wall-clock deadline,
 * SIGKILL to the whole process group, waitpid always. */
#define _GNU_SOURCE /* pipe2: O_CLOEXEC without a race against other threads */
#include "extract/tu_subproc.h"
#include "base/tu_buf.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define ERR_MAX 4096
#define DEFAULT_OUT ((size_t)64 << 20)
#define DEFAULT_AS ((size_t)4 << 30)

static void set_err(char **errmsg, const char *fmt, ...)
{
    if (!errmsg)
        return;
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    free(*errmsg);
    *errmsg = strdup(tmp);
}

static int is_exec(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
           access(path, X_OK) == 0;
}

/* Resolve PROG through $PATH into BUF (CAP).  Returns 0 or -1. */
static int resolve(const char *prog, char *buf, size_t cap)
{
    if (strchr(prog, '/')) {
        if (strlen(prog) >= cap || !is_exec(prog))
            return -1;
        memcpy(buf, prog, strlen(prog) + 1);
        return 0;
    }
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t n = strcspn(path, ":");
        int w = n ? snprintf(buf, cap, "%.*s/%s", (int)n, path, prog)
                  : snprintf(buf, cap, "./%s", prog);
        if (w > 0 && (size_t)w < cap && is_exec(buf))
            return 0;
        path += n;
        if (*path == ':')
            path++;
    }
    return -1;
}

int tu_subproc_have(const char *prog)
{
    char buf[4096];
    return resolve(prog, buf, sizeof buf) == 0;
}

/* ENVIRON with ADD's entries added or replaced: a malloc'd array of
 * borrowed pointers (caller frees the array only), or NULL. */
static char **merge_env(const char *const *add)
{
    size_t ne = 0, na = 0;
    while (environ && environ[ne])
        ne++;
    while (add[na])
        na++;
    char **env = malloc((ne + na + 1) * sizeof *env);
    if (!env)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < ne; i++) {
        int replaced = 0;
        for (size_t j = 0; j < na && !replaced; j++) {
            size_t k = strcspn(add[j], "=");
            replaced = strncmp(environ[i], add[j], k) == 0 &&
                       environ[i][k] == '=';
        }
        if (!replaced)
            env[n++] = environ[i];
    }
    for (size_t j = 0; j < na; j++)
        env[n++] = (char *)add[j];
    env[n] = NULL;
    return env;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child, between fork and execve: async-signal-safe calls only. */
static void child(const char *path, char *const argv[], char *const envp[],
                  int outw, int errw, int xw, size_t max_as, unsigned max_cpu)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            sigaction(s, &dfl, NULL);
    setpgid(0, 0);
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = max_as;
    setrlimit(RLIMIT_AS, &rl);
    rl.rlim_cur = max_cpu;
    rl.rlim_max = max_cpu + 1;
    setrlimit(RLIMIT_CPU, &rl);
    /* Move everything above 3 first so the dup2 below cannot clash. */
    int nul = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int n = nul >= 0 ? fcntl(nul, F_DUPFD_CLOEXEC, 4) : -1;
    int o = fcntl(outw, F_DUPFD_CLOEXEC, 4);
    int e = fcntl(errw, F_DUPFD_CLOEXEC, 4);
    int x = fcntl(xw, F_DUPFD_CLOEXEC, 4);
    if (n < 0 || o < 0 || e < 0 || x < 0 || dup2(n, 0) < 0 ||
        dup2(o, 1) < 0 || dup2(e, 2) < 0 || dup2(x, 3) < 0 ||
        fcntl(3, F_SETFD, FD_CLOEXEC) < 0) {
        int err = errno;
        if (x >= 0 && write(x, &err, sizeof err) < 0)
            _exit(126);
        _exit(126);
    }
#ifdef SYS_close_range
    if (syscall(SYS_close_range, 4U, ~0U, 0U) != 0)
#endif
        for (int fd = 4; fd < 1024; fd++)
            close(fd);
    execve(path, argv, envp);
    int err = errno;
    if (write(3, &err, sizeof err) < 0)
        _exit(127);
    _exit(127);
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* First line of S (at most 200 bytes) into BUF. */
static const char *first_line(const char *s, char *buf, size_t cap)
{
    if (!s)
        s = "";
    while (*s == '\n' || *s == '\r' || *s == ' ')
        s++;
    size_t n = strcspn(s, "\r\n");
    if (n > 200)
        n = 200;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

tracuu_status_t tu_subproc_run(const tu_subproc_req_t *req,
                               tu_subproc_res_t *res, char **errmsg)
{
    if (!req || !req->argv || !req->argv[0] || !res) {
        set_err(errmsg, "tu_subproc_run: bad arguments");
        return TRACUU_ERR_INVALID_ARG;
    }
    memset(res, 0, sizeof *res);
    const char *prog = req->argv[0];
    char path[4096];
    if (resolve(prog, path, sizeof path) != 0) {
        if (req->package)
            set_err(errmsg, "%s not found: install %s", prog, req->package);
        else
            set_err(errmsg, "%s not found", prog);
        return TRACUU_ERR_HELPER_MISSING;
    }
    size_t max_out = req->max_out ? req->max_out : DEFAULT_OUT;
    unsigned timeout = req->timeout_ms ? req->timeout_ms : 60000;
    size_t max_as = req->max_as ? req->max_as : DEFAULT_AS;
    unsigned max_cpu = req->max_cpu_s ? req->max_cpu_s
                                      : (timeout + 999) / 1000 + 1;

    char **envp = req->env ? merge_env(req->env) : NULL;
    if (req->env && !envp) {
        set_err(errmsg, "out of memory");
        return TRACUU_ERR_NOMEM;
    }
    int outp[2] = {-1, -1}, errp[2] = {-1, -1}, xp[2] = {-1, -1};
    if (pipe2(outp, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0 ||
        pipe2(xp, O_CLOEXEC) != 0) {
        set_err(errmsg, "pipe: %s", strerror(errno));
        for (int i = 0; i < 2; i++) {
            close_fd(&outp[i]);
            close_fd(&errp[i]);
            close_fd(&xp[i]);
        }
        free(envp);
        return TRACUU_ERR_IO;
    }
    int64_t start = now_ms(), deadline = start + timeout;
    pid_t pid = fork();
    if (pid == 0)
        child(path, (char *const *)req->argv, envp ? envp : environ, outp[1],
              errp[1], xp[1], max_as, max_cpu);
    int fork_errno = errno;
    free(envp);
    close_fd(&outp[1]);
    close_fd(&errp[1]);
    close_fd(&xp[1]);
    if (pid < 0) {
        close_fd(&outp[0]);
        close_fd(&errp[0]);
        close_fd(&xp[0]);
        set_err(errmsg, "fork: %s", strerror(fork_errno));
        return TRACUU_ERR_IO;
    }
    /* Also from the parent, so a kill right away reaches the group. */
    setpgid(pid, pid);

    /* The exec-error pipe: EOF when execve succeeded, an errno if not. */
    int exec_err = 0;
    ssize_t r;
    do
        r = read(xp[0], &exec_err, sizeof exec_err);
    while (r < 0 && errno == EINTR);
    close_fd(&xp[0]);
    if (r != (ssize_t)sizeof exec_err)
        exec_err = 0;

    tu_buf_t out, err;
    tu_buf_init(&out, max_out);
    tu_buf_init(&err, ERR_MAX);
    int timed_out = 0, too_big = 0, oom = 0;
    struct pollfd pf[2] = {{outp[0], POLLIN, 0}, {errp[0], POLLIN, 0}};
    char chunk[16384];
    while (!exec_err && (pf[0].fd >= 0 || pf[1].fd >= 0)) {
        int64_t left = deadline - now_ms();
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        int pr = poll(pf, 2, left > 1000000 ? 1000000 : (int)left);
        if (pr < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t k = read(pf[i].fd, chunk, sizeof chunk);
            if (k < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (k <= 0) {
                close_fd(i == 0 ? &outp[0] : &errp[0]);
                pf[i].fd = -1;
                continue;
            }
            tu_buf_t *b = i == 0 ? &out : &err;
            if (tu_buf_add_cut(b, chunk, (size_t)k) != 0)
                oom = 1;
            if (i == 0 && out.truncated)
                too_big = 1;
        }
        if (too_big || oom)
            break;
    }
    close_fd(&outp[0]);
    close_fd(&errp[0]);

    int status = 0, killed = 0;
    if (timed_out || too_big || oom) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        killed = 1;
    }
    for (;;) {
        pid_t w = waitpid(pid, &status, killed ? 0 : WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR) {
            status = 0;
            break;
        }
        if (w == 0) {
            /* Pipes closed but still running (e.g. closed its stdout). */
            if (now_ms() >= deadline) {
                timed_out = 1;
                kill(-pid, SIGKILL);
                kill(pid, SIGKILL);
                killed = 1;
            } else {
                struct timespec ts = {0, 5 * 1000 * 1000};
                nanosleep(&ts, NULL);
            }
        }
    }

    res->out = tu_buf_take(&out, &res->out_len);
    res->err = tu_buf_take(&err, &res->err_len);
    res->truncated = too_big;
    if (WIFEXITED(status)) {
        res->exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        res->exit_code = -1;
        res->term_signal = WTERMSIG(status);
    }
    if (oom || !res->out || !res->err) {
        set_err(errmsg, "out of memory reading the output of %s", prog);
        return TRACUU_ERR_NOMEM;
    }
    if (exec_err) {
        if (exec_err == ENOENT || exec_err == EACCES || exec_err == ENOEXEC) {
            set_err(errmsg, "%s cannot be run (%s)%s%s", prog,
                    strerror(exec_err), req->package ? ": install " : "",
                    req->package ? req->package : "");
            return TRACUU_ERR_HELPER_MISSING;
        }
        set_err(errmsg, "%s cannot be run: %s", prog, strerror(exec_err));
        return TRACUU_ERR_HELPER_FAILED;
    }
    if (timed_out) {
        set_err(errmsg, "%s timed out after %.1f s", prog, timeout / 1000.0);
        return TRACUU_ERR_TIMEOUT;
    }
    if (too_big) {
        set_err(errmsg, "%s output over %zu bytes", prog, max_out);
        return TRACUU_ERR_TOO_BIG;
    }
    char line[256];
    if (res->term_signal) {
        set_err(errmsg, "%s killed by signal %d%s%s", prog, res->term_signal,
                res->err_len ? ": " : " (CPU or memory limit?)",
                first_line(res->err, line, sizeof line));
        return TRACUU_ERR_HELPER_FAILED;
    }
    if (res->exit_code != 0) {
        set_err(errmsg, "%s failed (exit %d)%s%s", prog, res->exit_code,
                res->err_len ? ": " : "",
                first_line(res->err, line, sizeof line));
        return TRACUU_ERR_HELPER_FAILED;
    }
    return TRACUU_OK;
}

void tu_subproc_res_clear(tu_subproc_res_t *res)
{
    if (!res)
        return;
    free(res->out);
    free(res->err);
    memset(res, 0, sizeof *res);
}
