/* search_index.h — /search-index.json: what the search page's script filters (every
 * published insats with its kommuner, categories, target groups, ages and whether it
 * takes referrals), made with jansson. Compact keys keep it small for big catalogues. */
#ifndef SG_SEARCH_INDEX_H
#define SG_SEARCH_INDEX_H

#include "../model/model.h"
#include "../util/buf.h"

/* One insats' entry (a JSON object); the file is a list of them (write/catalog.h). */
void sg_search_index_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out);

#endif
