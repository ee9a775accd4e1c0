/* cgi_config: where tracuu.cgi finds its database: $TRACUU_DB, else the
 * "db" key of the configuration file (include/tracuu/config.h:
 * /etc/tracuu.conf, or $TRACUU_CONF, for tests).  The path never comes
 * from a request parameter. */
#ifndef CGI_CONFIG_H
#define CGI_CONFIG_H

#include "tracuu/config.h"

/* The non-empty value of the "db" key of C, malloc'd (caller frees), or
 * NULL (none, or out of memory). */
char *cgi_conf_db(const tracuu_config_t *c);

/* The database path as described above: malloc'd (caller frees), or NULL
 * when none is configured (the reason goes to stderr). */
char *cgi_config_db_path(void);

#endif
