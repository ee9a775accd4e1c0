/* bare_index: the yardstick for tracuu-index's speed.  A plain Xapian
 * indexer of the kind every Xapian user writes first: walk the folders, read
 * each regular file as UTF-8 text, index it with Xapian::TermGenerator
 * (words with positions, no stemming), a unique-id term for the path, the
 * path and the first 300 bytes as document data; one thread, Xapian's own
 * batching (XAPIAN_FLUSH_THRESHOLD), one commit at the end.
 * usage: bare_index DB FOLDER... */
#include <xapian.h>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static unsigned long n_docs, n_bytes;

static void index_file(Xapian::WritableDatabase &db, Xapian::TermGenerator &tg,
                       const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(text);
    const std::string uid = "Q" + path.substr(0, 240);
    doc.add_boolean_term(uid);
    doc.set_data(path + "\n" + text.substr(0, 300));
    db.replace_document(uid, doc);
    n_docs++;
    n_bytes += text.size();
}

static void walk(Xapian::WritableDatabase &db, Xapian::TermGenerator &tg,
                 const std::string &dir)
{
    DIR *d = opendir(dir.c_str());
    if (!d) {
        std::perror(dir.c_str());
        return;
    }
    std::vector<std::string> names;
    while (struct dirent *e = readdir(d)) {
        std::string n = e->d_name;
        if (n != "." && n != "..")
            names.push_back(n);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string &n : names) {
        const std::string p = dir + "/" + n;
        struct stat st;
        if (lstat(p.c_str(), &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(db, tg, p);
        else if (S_ISREG(st.st_mode))
            index_file(db, tg, p);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::cerr << "usage: bare_index DB FOLDER...\n";
        return 2;
    }
    try {
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
        Xapian::TermGenerator tg;
        for (int i = 2; i < argc; i++)
            walk(db, tg, argv[i]);
        db.commit();
    } catch (const Xapian::Error &e) {
        std::cerr << "bare_index: " << e.get_description() << "\n";
        return 1;
    }
    std::printf("%lu documents, %lu bytes\n", n_docs, n_bytes);
    return 0;
}
