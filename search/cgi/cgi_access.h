/* cgi_access: who is asking and what they may see.  Reads the [access]
 * section of the configuration (include/tracuu/config.h), the user the web
 * server authenticated (REMOTE_USER) and their groups, and scopes the
 * database handle (include/tracuu/access.h). */
#ifndef CGI_ACCESS_H
#define CGI_ACCESS_H

#include "tracuu/access.h"
#include "tracuu/config.h"

/* Feed every "access.*" setting of C to a new mapping *OUT (free with
 * tracuu_access_free; empty when there is none).  0, or -1 with *ERR a
 * malloc'd message "FILE:LINE: what" (the page then fails closed). */
int cgi_access_from_config(const tracuu_config_t *c, tracuu_access_t **out,
                           char **err);

/* The same from the configuration file the CGI reads ($TRACUU_CONF, else
 * /etc/tracuu.conf; a missing default file: no access control; a named
 * or unreadable one: an error). */
int cgi_access_load(tracuu_access_t **out, char **err);

/* The shard_timeout_ms setting of the same file (0 if none or bad). */
unsigned cgi_shard_timeout_ms(void);

#endif
