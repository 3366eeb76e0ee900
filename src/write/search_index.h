/* search_index.h — /search-index.json: what the search page's script filters (every
 * published insats with its kommuner, categories, target groups, ages and whether it
 * takes referrals), made with jansson. Compact keys keep it small for big catalogues. */
#ifndef SG_SEARCH_INDEX_H
#define SG_SEARCH_INDEX_H

#include "../model/model.h"
#include "../util/buf.h"

void sg_search_index(const sg_site *site, sg_buf *out);

#endif
