/* search_index.h — /search-index.json: what the search page's script filters (every
 * published insats with its kommuner, categories, target groups, ages and whether it
 * takes referrals), made with jansson. Compact keys keep it small for big catalogues. */
#ifndef SG_SEARCH_INDEX_H
#define SG_SEARCH_INDEX_H

#include "../model/model.h"
#include "../util/buf.h"

/* One insats' entry (a JSON object); the file is a list of them (write/catalog.h). */
void sg_search_index_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out);

/* The words a free-text search finds x by, for its entry's "w": its title, summary,
 * förbund, target groups (with their vocabulary term's name and synonyms, so
 * "ekonomiskt bistånd" finds "försörjningsstöd") and kommun names, as slugs
 * (lowercase, å/ä → a, ö → o) joined by '-', each word once. The search matches a
 * typed word against the start of these words: "unga" finds "unga vuxna", never
 * "Svenljunga". malloc'd. */
char *sg_search_words(const sg_site *site, const sg_insats *x);

#endif
