/* cgi_config: the db line of /etc/tracuu.conf and $TRACUU_DB. */
#include "tu_test.h"
#include <stdlib.h>
#include <unistd.h>
#include "../../search/cgi/cgi_config.c"

static char *db_of(const char *text)
{
    tracuu_config_t *c = NULL;
    char *err = NULL;
    if (tracuu_config_parse(text, strlen(text), "t.conf", &c, &err) != 0) {
        free(err);
        return NULL;
    }
    char *db = cgi_conf_db(c);
    tracuu_config_free(c);
    return db;
}

#define CONF(text, want) do { char *got_ = db_of(text); \
    if (want) CHECK_STR(got_, want); else CHECK(got_ == NULL); \
    free(got_); } while (0)

void tu_test_main(void)
{
    CONF("db = /srv/tracuu.db\n", "/srv/tracuu.db");
    CONF("db=/a", "/a");
    CONF("  db\t=\t/path with space/x  \r\n", "/path with space/x");
    CONF("# db = /commented\ndb = /real\n", "/real");
    CONF("db = /first\ndb = /second\n", "/second");
    CONF("dbx = /no\nxdb = /no\n", (const char *)NULL);
    CONF("db =\n", (const char *)NULL);
    CONF("db\n", (const char *)NULL);           /* malformed: no db */
    CONF("", (const char *)NULL);
    CONF("other = 1\n\n db = /x # not a comment\n", "/x # not a comment");
    CONF("[access]\ndb = /in/a/section\n", (const char *)NULL);

    /* the environment first, then the file named by TRACUU_CONF */
    setenv("TRACUU_DB", "/from/env", 1);
    char *p = cgi_config_db_path();
    CHECK_STR(p, "/from/env");
    free(p);
    unsetenv("TRACUU_DB");
    char conf[512];
    snprintf(conf, sizeof conf, "/tmp/test_cgi_config.%d.conf", (int)getpid());
    FILE *f = fopen(conf, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("# tracuu\ndb = /from/conf\n", f);
        fclose(f);
    }
    setenv("TRACUU_CONF", conf, 1);
    p = cgi_config_db_path();
    CHECK_STR(p, "/from/conf");
    free(p);
    remove(conf);
    p = cgi_config_db_path();    /* missing file: NULL, message on stderr */
    CHECK(p == NULL);
    unsetenv("TRACUU_CONF");
}
