/* cgi_fcgi: the persistent mode of tracuu.cgi.  Started by a web server as
 * a FastCGI application (standard input a listening socket, e.g. lighttpd's
 * fastcgi.server with bin-path), the same program answers request after
 * request in one process: the database stays open (reopened to the latest
 * revision before each request) and the tables stay built.  Started as a
 * plain CGI it answers one request, as before. */
#ifndef CGI_FCGI_H
#define CGI_FCGI_H

#include <stdio.h>

/* Nonzero if standard input is a FastCGI listening socket. */
int cgi_fcgi_wanted(void);

/* One request: its parameters are in the environment (getenv), the whole
 * response goes to OUT.  Returns the process exit status of a CGI run. */
typedef int (*cgi_fcgi_handler_t)(FILE *out);

/* Accept requests until the server closes the socket or sends SIGTERM;
 * each runs HANDLER with the request's parameters as the environment.
 * Returns the exit status. */
int cgi_fcgi_serve(cgi_fcgi_handler_t handler);

#endif
