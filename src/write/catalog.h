/* catalog.h — the three files that list every insats: data/insatser.json,
 * data/insatser.csv and search-index.json. Each is put together from one piece per
 * insats (encoded by opendata.c and search_index.c) between a beginning and an end.
 * A one-off build encodes the pieces straight into the files; a kept build (sofgen
 * serve) keeps the pieces, so after an insats changes only its pieces are encoded
 * again. Either way the bytes are the same. */
#ifndef SG_CATALOG_H
#define SG_CATALOG_H
#include <stddef.h>

#include "../model/model.h"
#include "../util/buf.h"

typedef enum { SG_CATALOG_JSON, SG_CATALOG_CSV, SG_CATALOG_SEARCH, SG_CATALOG_COUNT } sg_catalog_file;

/* "data/insatser.json", … (relative to the site root) */
const char *sg_catalog_path(sg_catalog_file f);
/* The whole file, encoded from the site; the computed status against `today`. */
void sg_catalog_render_site(const sg_site *site, const char *today, sg_catalog_file f, sg_buf *out);

/* The pieces of every insats, kept (borrows site, which must outlive it); what
 * depends on the day (status, referrals) is computed against `today`, copied. A
 * kept catalogue is for one day: on another, make a new one. */
typedef struct sg_catalog sg_catalog;
sg_catalog *sg_catalog_new(const sg_site *site, const char *today);
void sg_catalog_free(sg_catalog *c);
/* After insatser were rebuilt in place: old_order[i] had index i before site->insatser
 * was sorted again; changed[0..n) are encoded again. */
void sg_catalog_update(sg_catalog *c, sg_insats *const *old_order, sg_insats *const *changed, size_t n);
/* The whole file, from the kept pieces. */
void sg_catalog_render(const sg_catalog *c, sg_catalog_file f, sg_buf *out);

#endif
