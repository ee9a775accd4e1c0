/* The field table: the one place query fields map to term prefixes. */
#include <strings.h>
#include "tracuu/schema.h"

const tu_field_t tu_fields[] = {
    {"title", TU_PREFIX_TITLE, 0},
    {"so", TU_PREFIX_REF, 1},           /* own or cited */
    {"kyhieu", TU_PREFIX_OWNNUM, 1},    /* the document's own number */
    {"trichdan", TU_PREFIX_CITED, 1},   /* a number the document cites */
    {"loai", TU_PREFIX_OWNTYPE, 1},     /* the document's own type */
    {"coquan", TU_PREFIX_OWNISS, 1},    /* the document's own issuer */
    {"loaitd", TU_PREFIX_TYPE, 1},      /* a type the document cites */
    {"coquantd", TU_PREFIX_ISSUER, 1},  /* an issuer the document cites */
    {"nam", TU_PREFIX_YEAR, 1},
    {"mohinh", TU_PREFIX_MODEL, 1},
    {"dinhdang", TU_PREFIX_FORMAT, 1},
    {"mahoa", TU_PREFIX_ENC, 1},
    {"thumuc", TU_PREFIX_DIR, 3},
    {"ngay", "", 2},
};
const unsigned tu_n_fields = sizeof tu_fields / sizeof tu_fields[0];

const tu_field_t *tu_field_find(const char *name, unsigned n)
{
    for (unsigned i = 0; i < tu_n_fields; i++)
        if (strncasecmp(tu_fields[i].field, name, n) == 0 &&
            tu_fields[i].field[n] == '\0')
            return &tu_fields[i];
    return 0;
}
