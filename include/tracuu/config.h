/* tracuu: the one configuration file read by every program
 * (/etc/tracuu.conf, or $TRACUU_CONF, or --config FILE).
 *
 * Format, one setting a line:
 *     # a comment line (only whole lines: '#' after a value is part of it)
 *     key = value          blanks around key and value are ignored
 *     root = /srv/a        a key may repeat: every value is kept, in order
 *     [access]             a section: the keys after it are "access.KEY"
 *     allow = 10.0.0.0/8   ... this one is "access.allow"
 * Keys and section names: letters, digits, '_', '-', '.'.  A line that is
 * none of these is an error naming the file and the line.  Command-line
 * options override the file.  The keys the programs know are listed in
 * tracuu_config_known_keys; another key is a warning, never an error (an
 * older program may read a newer file). */
#ifndef TRACUU_CONFIG_H
#define TRACUU_CONFIG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TRACUU_CONF_DEFAULT "/etc/tracuu.conf"

typedef struct tracuu_config tracuu_config_t;

/* Parse TEXT (LEN bytes) read from NAME (used in messages) into a new
 * configuration *OUT.  0, or -1 with *ERR a malloc'd message
 * "NAME:LINE: what is wrong" (caller frees; NULL when out of memory). */
int tracuu_config_parse(const char *text, size_t len, const char *name,
                        tracuu_config_t **out, char **err);

/* Read and parse the file PATH (at most 1 MiB).  0, or -1 with *ERR as
 * above (a missing file: "PATH: No such file or directory"). */
int tracuu_config_load(const char *path, tracuu_config_t **out, char **err);

/* The file to read: EXPLICIT (--config) if not NULL, else $TRACUU_CONF if
 * set and not empty, else TRACUU_CONF_DEFAULT.  *REQUIRED is set to 1 when
 * the file was named (a missing file is then an error), 0 for the default
 * (a missing default file means "no configuration"). */
const char *tracuu_config_choose(const char *explicit_path, int *required);

/* tracuu_config_choose + load, as every program does: 0 with *OUT the
 * configuration (empty when the default file does not exist), or -1 with
 * *ERR the message. */
int tracuu_config_open(const char *explicit_path, tracuu_config_t **out,
                       char **err);

void tracuu_config_free(tracuu_config_t *c);

/* The name given to parse/load. */
const char *tracuu_config_name(const tracuu_config_t *c);

/* The value of KEY ("db", "access.allow"): the last line that sets it
 * wins; NULL if no line does. */
const char *tracuu_config_get(const tracuu_config_t *c, const char *key);

/* How many lines set KEY, and the value of the Ith of them (in file
 * order); NULL past the end. */
size_t tracuu_config_count(const tracuu_config_t *c, const char *key);
const char *tracuu_config_nth(const tracuu_config_t *c, const char *key,
                              size_t i);

/* Every setting in file order: the Ith key, value and line number; 0, or
 * -1 past the end. */
size_t tracuu_config_size(const tracuu_config_t *c);
int tracuu_config_entry(const tracuu_config_t *c, size_t i, const char **key,
                        const char **value, unsigned *line);

/* Typed values of KEY (the last line).  1 when KEY is absent (*OUT left
 * alone), 0 when read, -1 when the value is malformed (*ERR a malloc'd
 * "NAME:LINE: KEY: ..." message). */
int tracuu_config_long(const tracuu_config_t *c, const char *key, long lo,
                       long hi, long *out, char **err);
/* yes/no, true/false, on/off, 1/0. */
int tracuu_config_bool(const tracuu_config_t *c, const char *key, int *out,
                       char **err);

/* The keys tracuu's programs read, NULL-terminated.  An entry "SECTION.*"
 * stands for every key of that section. */
extern const char *const tracuu_config_known_keys[];

/* Print "PROG: NAME:LINE: unknown key 'KEY'" on stderr for each setting
 * whose key is not in tracuu_config_known_keys; returns how many. */
size_t tracuu_config_warn_unknown(const tracuu_config_t *c, const char *prog);

#ifdef __cplusplus
}
#endif
#endif
