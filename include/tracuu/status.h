/* tracuu: status codes shared by every module of libtracuu.
 *
 * Codes are stable: never renumber or reuse one; add new ones before
 * TRACUU_STATUS_LAST. */
#ifndef TRACUU_STATUS_H
#define TRACUU_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    TRACUU_OK = 0,
    TRACUU_ERR_NOMEM = 1,          /* out of memory */
    TRACUU_ERR_IO = 2,             /* file system error (errno in the message) */
    TRACUU_ERR_INVALID_ARG = 3,    /* bad argument from the caller */
    TRACUU_ERR_DB_OPEN = 4,        /* database missing or cannot be opened */
    TRACUU_ERR_DB_LOCKED = 5,      /* another writer holds the lock */
    TRACUU_ERR_DB_CORRUPT = 6,     /* database files damaged */
    TRACUU_ERR_DB_VERSION = 7,     /* database format not supported */
    TRACUU_ERR_DB_MODIFIED = 8,    /* changed under a reader: reopen and retry */
    TRACUU_ERR_DB_READONLY = 9,    /* write on a read-only handle */
    TRACUU_ERR_NETWORK = 10,       /* remote shard unreachable */
    TRACUU_ERR_XAPIAN = 11,        /* any other Xapian error */
    TRACUU_ERR_QUERY = 12,         /* malformed user query */
    TRACUU_ERR_ENCODING = 13,      /* text not decodable */
    TRACUU_ERR_NOT_FOUND = 14,     /* no such document / key / file */
    TRACUU_ERR_TIMEOUT = 15,       /* helper program ran out of time */
    TRACUU_ERR_TOO_BIG = 16,       /* over a configured size limit */
    TRACUU_ERR_UNSUPPORTED = 17,   /* file type not supported */
    TRACUU_ERR_HELPER_MISSING = 18,/* external helper program not installed */
    TRACUU_ERR_HELPER_FAILED = 19, /* external helper exited with an error */
    TRACUU_ERR_EMPTY = 20,         /* file or text is empty */
    TRACUU_ERR_INTERNAL = 21,      /* bug: unexpected exception or state */
    TRACUU_STATUS_LAST
} tracuu_status_t;

/* A short English description of STATUS; static storage, never NULL. */
const char *tracuu_status_to_string(tracuu_status_t status);

#ifdef __cplusplus
}
#endif
#endif
