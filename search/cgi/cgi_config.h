/* cgi_config: where tracuu.cgi finds its database: $TRACUU_DB, else the
 * line "db = /path" of /etc/tracuu.conf (or $TRACUU_CONF, for tests).  The
 * path never comes from a request parameter. */
#ifndef CGI_CONFIG_H
#define CGI_CONFIG_H

#include <stddef.h>

#define CGI_CONF_DEFAULT "/etc/tracuu.conf"

/* The value of the "db" key in the configuration text TEXT (LEN bytes):
 * lines "key = value", '#' starts a comment line, blanks around key and
 * value ignored.  Returns a malloc'd string (caller frees), or NULL if
 * there is no non-empty db line (or out of memory). */
char *cgi_conf_db_from_text(const char *text, size_t len);

/* The database path as described above: malloc'd (caller frees), or NULL
 * when none is configured (the reason goes to stderr). */
char *cgi_config_db_path(void);

#endif
