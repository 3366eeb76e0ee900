/* open_data.h — site.yaml's `open_data:` block: who publishes the open data under /data/
 * and under which licence, for the DCAT-AP-SE catalogue (write/dcat.c). */
#ifndef SG_OPEN_DATA_H
#define SG_OPEN_DATA_H

#include "fields.h"
#include "model.h"

/* The ADMS publisher types DCAT-AP-SE allows for dcterms:type (NULL-terminated), as
 * editors write them (the choices of open_data.publisher_type in read/kinds.c); the URI
 * is http://purl.org/adms/publishertype/<name>. */
#define sg_publisher_types (sg_key_choices(sg_key_sub(sg_keys_of(SG_SRC_SITE), "open_data"), "publisher_type"))
/* CC0, the default licence of the data and the licence DCAT-AP-SE requires for the
 * catalogue itself. */
#define SG_LICENSE_CC0 "http://creativecommons.org/publicdomain/zero/1.0/"

/* Reads `open_data:` of site.yaml (meta) into *out, with defaults for what is absent;
 * errors go to f's diagnostics. Free with sg_open_data_clear. */
void sg_open_data_read(sg_open_data *out, const sg_fields *f, const sg_value *meta);
void sg_open_data_clear(sg_open_data *od);

#endif
