/* tracuu-search: renderers of the command-line program. */
#ifndef TRACUU_CLI_H
#define TRACUU_CLI_H

#include <stdio.h>
#include "tracuu/search.h"

void cli_render_results(FILE *out, const tracuu_results_t *r, int color);
void cli_render_facets(FILE *out, const tracuu_results_t *r);
void cli_render_listing(FILE *out, const tracuu_listing_t *l, int what);
void cli_render_doc(FILE *out, const tracuu_docview_t *v, int color);

#endif
