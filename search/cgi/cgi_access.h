/* cgi_access: who is asking and what they may see.  Reads the [access]
 * section of the configuration (include/tracuu/config.h: $TRACUU_CONF or
 * /etc/tracuu.conf), the user the web server authenticated (REMOTE_USER)
 * and their groups, and scopes the database handle
 * (include/tracuu/access.h). */
#ifndef CGI_ACCESS_H
#define CGI_ACCESS_H

#include "tracuu/access.h"
#include "tracuu/config.h"

/* Feed every "access.KEY" setting of C to A.  0, or -1 with *ERR a
 * malloc'd message naming the file and line. */
int cgi_access_from_config(const tracuu_config_t *c, tracuu_access_t *a,
                           char **err);

/* The mapping of the configuration file: *OUT (free with
 * tracuu_access_free; empty when the file is absent or has no [access]).
 * 0, or -1 with *ERR (an unreadable file or a broken [access] section: the
 * page then fails closed). */
int cgi_access_load(tracuu_access_t **out, char **err);

#endif
