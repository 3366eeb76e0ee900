/* opendata.h — the catalogue as open data: /data/insatser.json (with a JSON Schema),
 * /data/insatser.csv (RFC 4180) and /data/catalog.jsonld and catalog.rdf (DCAT-AP-SE,
 * written by write/dcat.c), so anyone can
 * reuse it and it can be registered on Sveriges dataportal. JSON is made with jansson.
 * Contact persons are left out: the data describes insatser, not people. */
#ifndef SG_OPENDATA_H
#define SG_OPENDATA_H

#include "../model/model.h"
#include "../util/buf.h"

/* insatser.json and insatser.csv are put together from one piece per insats (see
 * write/catalog.h): what comes before the insatser, one insats, what comes after. */
void sg_opendata_json_begin(const sg_site *site, sg_buf *out);
void sg_opendata_json_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out);
void sg_opendata_json_end(sg_buf *out);
void sg_opendata_csv_begin(sg_buf *out);
void sg_opendata_csv_item(const sg_site *site, const sg_insats *x, const char *today, sg_buf *out); /* a row per place */
void sg_opendata_schema(const sg_site *site, sg_buf *out);
/* The DCAT-AP-SE catalogue as JSON-LD and as RDF/XML: the same graph (write/dcat.c). */
void sg_opendata_catalog(const sg_site *site, sg_buf *out);
void sg_opendata_catalog_rdf(const sg_site *site, sg_buf *out);

/* One CSV cell (no separator): text, with formulas neutralised (see docs/open-data.md),
 * and a number. */
void sg_opendata_csv_text(sg_buf *out, const char *s);
void sg_opendata_csv_number(sg_buf *out, double x);

/* Column names of the CSV, in order (documented in docs/open-data.md). */
extern const char *const sg_opendata_csv_columns[];

#endif
