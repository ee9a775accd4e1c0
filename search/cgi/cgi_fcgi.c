/* cgi_fcgi: FastCGI request loop over libfcgi's fcgiapp (see cgi_fcgi.h). */
#include "cgi_fcgi.h"

#include <fcgiapp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static volatile sig_atomic_t stopping, in_request;

/* SIGTERM (the server stopping its FastCGI processes): between requests
 * stop at once (libfcgi's accept() would retry after the signal); during
 * one, finish it first. */
static void on_term(int sig)
{
    (void)sig;
    if (!in_request)
        _exit(0);
    stopping = 1;
}

int cgi_fcgi_wanted(void)
{
    return !FCGX_IsCGI();
}

int cgi_fcgi_serve(cgi_fcgi_handler_t handler)
{
    if (FCGX_Init() != 0) {
        fprintf(stderr, "tracuu.cgi: FastCGI: cannot initialise libfcgi\n");
        return 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;  /* no SA_RESTART: accept() returns, we stop */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    FCGX_Request req;
    if (FCGX_InitRequest(&req, 0, 0) != 0)
        return 1;
    char **own_env = environ;
    while (!stopping && FCGX_Accept_r(&req) == 0) {
        in_request = 1;
        /* the response is built in memory, then sent in one piece */
        char *resp = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&resp, &len);
        /* getenv() sees this request's parameters, then the process's own
         * environment (the server's bin-environment, e.g. TRACUU_DB) */
        size_t nr = 0, no = 0;
        while (req.envp && req.envp[nr])
            nr++;
        while (own_env && own_env[no])
            no++;
        char **env = malloc((nr + no + 1) * sizeof *env);
        if (env) {
            if (nr)
                memcpy(env, req.envp, nr * sizeof *env);
            if (no)
                memcpy(env + nr, own_env, no * sizeof *env);
            env[nr + no] = NULL;
            environ = env;
        }
        if (out) {
            handler(out);
            fclose(out);
        }
        environ = own_env;
        free(env);
        if (!out || !resp) {
            static const char err[] = "Status: 500 Internal Server Error\r\n"
                                      "Content-Type: text/plain\r\n\r\n";
            FCGX_PutStr(err, (int)sizeof err - 1, req.out);
        } else {
            for (size_t off = 0; off < len;) {
                size_t n = len - off > (1u << 30) ? (1u << 30) : len - off;
                if (FCGX_PutStr(resp + off, (int)n, req.out) < 0)
                    break;  /* the client went away */
                off += n;
            }
        }
        free(resp);
        FCGX_Finish_r(&req);
        in_request = 0;
    }
    FCGX_Free(&req, 1);
    return 0;
}
