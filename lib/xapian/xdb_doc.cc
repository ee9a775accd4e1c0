/* tracuu: the C wrapper over Xapian, part 3: building documents.
 * Documents have no error channel of their own: each call returns a status
 * (terms empty or over 240 bytes: TRACUU_ERR_INVALID_ARG). */
#include <stddef.h>
#include <stdint.h>

#include <string>
#include <xapian.h>

#include "xapian/tu_xdb.h"

/* -------------------------------------------------------------- documents */

extern "C" tracuu_doc_t *tracuu_doc_new(void)
{
    try {
        return new tracuu_doc();
    } catch (...) {
        return NULL;
    }
}

extern "C" void tracuu_doc_free(tracuu_doc_t *doc)
{
    delete doc;
}

namespace {

/* Run F on DOC's Xapian::Document, mapping exceptions to a status. */
template <typename F>
tracuu_status_t doc_call(F f) noexcept
{
    try {
        f();
        return TRACUU_OK;
    } catch (...) {
        std::string unused;
        return tu_xdb_caught(unused, NULL);
    }
}

} // namespace

extern "C" tracuu_status_t tracuu_doc_add_posting(tracuu_doc_t *doc,
                                                  const char *term,
                                                  size_t len, uint32_t pos,
                                                  uint32_t wdfinc)
{
    if (!doc || !tu_xdb_term_ok(term, len))
        return TRACUU_ERR_INVALID_ARG;
    return doc_call([&] {
        doc->doc.add_posting(std::string(term, len), pos, wdfinc);
    });
}

extern "C" tracuu_status_t tracuu_doc_add_term(tracuu_doc_t *doc,
                                               const char *term, size_t len,
                                               uint32_t wdfinc)
{
    if (!doc || !tu_xdb_term_ok(term, len))
        return TRACUU_ERR_INVALID_ARG;
    return doc_call([&] {
        doc->doc.add_term(std::string(term, len), wdfinc);
    });
}

extern "C" tracuu_status_t tracuu_doc_add_boolean_term(tracuu_doc_t *doc,
                                                       const char *term,
                                                       size_t len)
{
    if (!doc || !tu_xdb_term_ok(term, len))
        return TRACUU_ERR_INVALID_ARG;
    return doc_call([&] {
        doc->doc.add_boolean_term(std::string(term, len));
    });
}

extern "C" tracuu_status_t tracuu_doc_set_value(tracuu_doc_t *doc,
                                                unsigned slot,
                                                const char *val, size_t len)
{
    if (!doc || (!val && len > 0) || slot == Xapian::BAD_VALUENO)
        return TRACUU_ERR_INVALID_ARG;
    return doc_call([&] {
        doc->doc.add_value(slot, val ? std::string(val, len) : std::string());
    });
}

extern "C" tracuu_status_t tracuu_doc_set_data(tracuu_doc_t *doc,
                                               const char *data, size_t len)
{
    if (!doc || (!data && len > 0))
        return TRACUU_ERR_INVALID_ARG;
    return doc_call([&] {
        doc->doc.set_data(data ? std::string(data, len) : std::string());
    });
}
