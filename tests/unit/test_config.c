/* The configuration file reader (include/tracuu/config.h). */
#include "tu_test.h"
#include <stdlib.h>
#include <unistd.h>
#include "tracuu/config.h"

static tracuu_config_t *parse(const char *text)
{
    tracuu_config_t *c = NULL;
    char *err = NULL;
    int rc = tracuu_config_parse(text, strlen(text), "my.conf", &c, &err);
    CHECK_INT(rc, 0);
    if (err)
        fprintf(stderr, "unexpected: %s\n", err);
    free(err);
    return c;
}

/* TEXT must be rejected with a message starting WANT. */
static void bad(const char *text, const char *want)
{
    tracuu_config_t *c = NULL;
    char *err = NULL;
    CHECK_INT(tracuu_config_parse(text, strlen(text), "my.conf", &c, &err), -1);
    CHECK(c == NULL);
    CHECK(err != NULL);
    if (err && strncmp(err, want, strlen(want)) != 0)
        CHECK_STR(err, want);
    free(err);
}

void tu_test_main(void)
{
    tracuu_config_t *c = parse(
        "\xEF\xBB\xBF# tracuu\n"
        "db = /var/lib/tracuu/db\n"
        "root = /srv/a\n"
        "  root\t=  /srv/b c  \r\n"
        "; also a comment\n"
        "\n"
        "ocr = yes\n"
        "max_size_mb = 50\n"
        "exclude = *.tmp\n"
        "[access]\n"
        "allow = 10.0.0.0/8\n"
        "allow = 127.0.0.1\n"
        "[watch.x-y_z]\n"
        "empty =\n");
    if (!c)
        return;
    CHECK_STR(tracuu_config_name(c), "my.conf");
    CHECK_STR(tracuu_config_get(c, "db"), "/var/lib/tracuu/db");
    CHECK_STR(tracuu_config_get(c, "root"), "/srv/b c");   /* the last wins */
    CHECK_INT(tracuu_config_count(c, "root"), 2);
    CHECK_STR(tracuu_config_nth(c, "root", 0), "/srv/a");
    CHECK_STR(tracuu_config_nth(c, "root", 1), "/srv/b c");
    CHECK(tracuu_config_nth(c, "root", 2) == NULL);
    CHECK(tracuu_config_get(c, "allow") == NULL);          /* only in [access] */
    CHECK_INT(tracuu_config_count(c, "access.allow"), 2);
    CHECK_STR(tracuu_config_nth(c, "access.allow", 1), "127.0.0.1");
    CHECK_STR(tracuu_config_get(c, "watch.x-y_z.empty"), "");
    CHECK(tracuu_config_get(c, "nothing") == NULL);
    CHECK_INT(tracuu_config_count(c, "nothing"), 0);

    /* every entry in order, with its line */
    CHECK_INT(tracuu_config_size(c), 9);
    const char *k, *v;
    unsigned line;
    CHECK_INT(tracuu_config_entry(c, 2, &k, &v, &line), 0);
    CHECK_STR(k, "root");
    CHECK_STR(v, "/srv/b c");
    CHECK_INT(line, 4);
    CHECK_INT(tracuu_config_entry(c, 6, &k, &v, &line), 0);
    CHECK_STR(k, "access.allow");
    CHECK_INT(line, 11);
    CHECK_INT(tracuu_config_entry(c, 9, &k, &v, &line), -1);

    /* typed values */
    long n = -1;
    int b = -1;
    char *err = NULL;
    CHECK_INT(tracuu_config_long(c, "max_size_mb", 1, 1024, &n, &err), 0);
    CHECK_INT(n, 50);
    CHECK_INT(tracuu_config_long(c, "max_size_mb", 1, 10, &n, &err), -1);
    CHECK_STR(err, "my.conf:8: max_size_mb: '50' is not a whole number in 1..10");
    free(err);
    CHECK_INT(tracuu_config_long(c, "jobs", 1, 64, &n, &err), 1);   /* absent */
    CHECK_INT(n, 50);
    CHECK_INT(tracuu_config_bool(c, "ocr", &b, &err), 0);
    CHECK_INT(b, 1);
    CHECK_INT(tracuu_config_bool(c, "db", &b, &err), -1);
    CHECK_STR(err, "my.conf:2: db: '/var/lib/tracuu/db' is not yes or no");
    free(err);
    CHECK_INT(tracuu_config_bool(c, "serve_files", &b, &err), 1);

    /* unknown keys: warned about, counted ([access] is known: access.*) */
    CHECK_INT(tracuu_config_warn_unknown(c, "test_config"), 1);
    tracuu_config_free(c);

    c = parse("[a]\nx = 1\n[b]\nx = 2\n");
    if (c) {
        CHECK_STR(tracuu_config_get(c, "a.x"), "1");
        CHECK_STR(tracuu_config_get(c, "b.x"), "2");
        tracuu_config_free(c);
    }
    c = parse("");
    CHECK_INT(tracuu_config_size(c), 0);
    tracuu_config_free(c);

    /* malformed lines name the file and the line */
    bad("db = /x\njust words\n", "my.conf:2: 'just words' is not a setting");
    bad("\n\n[access\n", "my.conf:3: malformed section header '[access'");
    bad("[]\n", "my.conf:1: malformed section header");
    bad("[a b]\n", "my.conf:1: malformed section header");
    bad("= value\n", "my.conf:1: bad key ''");
    bad("my key = v\n", "my.conf:1: bad key 'my key'");
    err = NULL;
    CHECK_INT(tracuu_config_parse("x = 1\ndb = a\0b\n", 14, "my.conf", &c, &err), -1);
    CHECK_STR(err, "my.conf:2: a NUL byte: not a text file");
    free(err);

    /* files: missing, given by TRACUU_CONF, the default */
    char path[256];
    snprintf(path, sizeof path, "/tmp/test_config.%d.conf", (int)getpid());
    remove(path);
    err = NULL;
    CHECK_INT(tracuu_config_load(path, &c, &err), -1);
    CHECK(err && strstr(err, "No such file"));
    free(err);
    int req = -1;
    setenv("TRACUU_CONF", path, 1);
    CHECK_STR(tracuu_config_choose(NULL, &req), path);
    CHECK_INT(req, 1);
    CHECK_INT(tracuu_config_open(NULL, &c, &err), -1);    /* named: must exist */
    free(err);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("db = /d\nroot = /r\n\nbroken line\n", f);
        fclose(f);
    }
    CHECK_INT(tracuu_config_open(NULL, &c, &err), -1);
    char want[600];
    snprintf(want, sizeof want, "%s:4: 'broken line' is not a setting "
             "(want key = value)", path);
    CHECK_STR(err, want);
    free(err);
    f = fopen(path, "w");
    if (f) {
        fputs("db = /d\n", f);
        fclose(f);
    }
    CHECK_INT(tracuu_config_open("/nonexistent/x.conf", &c, &err), -1);
    free(err);
    CHECK_INT(tracuu_config_open(NULL, &c, &err), 0);
    CHECK_STR(tracuu_config_get(c, "db"), "/d");
    tracuu_config_free(c);
    unsetenv("TRACUU_CONF");
    CHECK_STR(tracuu_config_choose(NULL, &req), TRACUU_CONF_DEFAULT);
    CHECK_INT(req, 0);
    CHECK_STR(tracuu_config_choose("/x", &req), "/x");
    CHECK_INT(req, 1);
    remove(path);
}
