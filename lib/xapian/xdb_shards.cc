/* Stub files of shards opened one shard at a time, so that a remote shard
 * that does not answer within the timeout is left out (and named) instead
 * of failing every search.  Lines understood: blank, "# comment",
 * "auto|glass|chert PATH" (relative to the stub's folder) and
 * "remote [HOST]:PORT".  Any other line (e.g. "remote PROGRAM ARGS") makes
 * us hand the whole file to Xapian as before. */
#include "xapian/tu_xdb.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace {

struct shard_t {
    bool remote;
    std::string where;   /* path, or host */
    unsigned port;
};

std::string trim(const std::string &s)
{
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
        b--;
    return s.substr(a, b - a);
}

/* Parse the stub at PATH into OUT: false if it is not a stub we handle. */
bool parse_stub(const std::string &path, std::vector<shard_t> &out)
{
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 65536)
        return false;
    FILE *f = fopen(path.c_str(), "rb");
    if (!f)
        return false;
    std::string text;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        text.append(buf, n);
    fclose(f);
    if (text.find('\0') != std::string::npos)
        return false;
    std::string dir = ".";
    size_t slash = path.rfind('/');
    if (slash != std::string::npos)
        dir = slash == 0 ? "/" : path.substr(0, slash);
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        std::string line = trim(text.substr(pos, nl == std::string::npos ? std::string::npos
                                                                          : nl - pos));
        pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
        if (line.empty() || line[0] == '#')
            continue;
        size_t sp = line.find_first_of(" \t");
        if (sp == std::string::npos)
            return false;
        std::string type = line.substr(0, sp), arg = trim(line.substr(sp));
        if (arg.empty())
            return false;
        shard_t s;
        if (type == "auto" || type == "glass" || type == "chert") {
            s.remote = false;
            s.where = arg[0] == '/' ? arg : dir + "/" + arg;
            s.port = 0;
        } else if (type == "remote") {
            size_t colon = arg.rfind(':');
            if (colon == std::string::npos || colon + 1 == arg.size() ||
                arg.find_first_not_of("0123456789", colon + 1) != std::string::npos)
                return false;
            unsigned long port = strtoul(arg.c_str() + colon + 1, NULL, 10);
            if (port == 0 || port > 65535)
                return false;
            s.remote = true;
            s.where = colon ? arg.substr(0, colon) : "127.0.0.1";
            s.port = static_cast<unsigned>(port);
        } else {
            return false;
        }
        out.push_back(s);
    }
    return !out.empty();
}

} // namespace

Xapian::Database *tu_xdb_open_stub(const std::string &path, unsigned timeout_ms,
                                   std::vector<std::string> &warnings)
{
    std::vector<shard_t> shards;
    if (!parse_stub(path, shards))
        return NULL;
    Xapian::Database *all = new Xapian::Database();
    size_t opened = 0;
    std::string last_error;
    for (const shard_t &s : shards) {
        try {
            if (s.remote) {
                Xapian::Database r = Xapian::Remote::open(s.where, s.port, timeout_ms,
                                                          timeout_ms);
                r.keep_alive();   /* a round trip: the shard answers */
                all->add_database(r);
            } else {
                all->add_database(Xapian::Database(s.where));
            }
            opened++;
        } catch (const Xapian::Error &e) {
            std::string name = s.remote ? s.where + ":" + std::to_string(s.port) : s.where;
            last_error = name + ": " + e.get_description();
            warnings.push_back("shard " + name + (s.remote ? " did not answer (" : " could not be opened (") +
                               e.get_description() + "): results are from the other shards");
            /* an empty stand-in keeps the other shards' document numbers
             * (Xapian interleaves them by shard count) */
            all->add_database(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
        }
    }
    if (opened == 0) {
        delete all;
        warnings.clear();
        throw Xapian::NetworkError("no shard answered; last: " + last_error);
    }
    return all;
}
