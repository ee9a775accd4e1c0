/* Status code descriptions. */
#include "tracuu/status.h"

static const char *const descriptions[TRACUU_STATUS_LAST] = {
    [TRACUU_OK] = "no error",
    [TRACUU_ERR_NOMEM] = "out of memory",
    [TRACUU_ERR_IO] = "input/output error",
    [TRACUU_ERR_INVALID_ARG] = "invalid argument",
    [TRACUU_ERR_DB_OPEN] = "cannot open database",
    [TRACUU_ERR_DB_LOCKED] = "database is locked by another writer",
    [TRACUU_ERR_DB_CORRUPT] = "database is corrupt",
    [TRACUU_ERR_DB_VERSION] = "unsupported database version",
    [TRACUU_ERR_DB_MODIFIED] = "database modified during read",
    [TRACUU_ERR_DB_READONLY] = "database opened read-only",
    [TRACUU_ERR_NETWORK] = "remote database unreachable",
    [TRACUU_ERR_XAPIAN] = "Xapian error",
    [TRACUU_ERR_QUERY] = "malformed query",
    [TRACUU_ERR_ENCODING] = "undecodable text",
    [TRACUU_ERR_NOT_FOUND] = "not found",
    [TRACUU_ERR_TIMEOUT] = "helper program timed out",
    [TRACUU_ERR_TOO_BIG] = "over the size limit",
    [TRACUU_ERR_UNSUPPORTED] = "unsupported file type",
    [TRACUU_ERR_HELPER_MISSING] = "helper program not installed",
    [TRACUU_ERR_HELPER_FAILED] = "helper program failed",
    [TRACUU_ERR_EMPTY] = "empty file",
    [TRACUU_ERR_INTERNAL] = "internal error",
};

const char *tracuu_status_to_string(tracuu_status_t status)
{
    if ((unsigned)status >= TRACUU_STATUS_LAST || !descriptions[status])
        return "unknown status";
    return descriptions[status];
}
