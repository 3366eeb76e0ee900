/* schema.h — JSON Schemas (draft-07) of the content files, one per content kind, made
 * from the key tables in read/kinds.c: the same tables the model checks content
 * against, so a schema and `sofgen check` never disagree about which keys exist, their
 * types and choices. Editors' tools (VS Code's YAML extension) use them for completion
 * and checks while typing; `sofgen check` stays the judge (it also checks what a
 * schema cannot say: that a kommun is a member of *this* förbund, sums, dates). */
#ifndef SG_SCHEMA_H
#define SG_SCHEMA_H
#include <stddef.h>

#include "../model/model.h"
#include "../read/kinds.h"

/* The site's own names a schema offers as choices; from a built site (may be NULL:
 * no lists, any text). */
typedef struct sg_schema_names {
	const sg_site *site;
} sg_schema_names;

/* The schema of one content kind as JSON text (malloc'd, ends with a newline).
 * `base_id` is the folder URL or path the schemas are published under ("" for none);
 * the schema's $id is base_id + sg_schema_file_name(kind). */
char *sg_schema_json(const sg_content_kind *kind, const sg_schema_names *names, const char *base_id);
/* "insats.schema.json" (malloc'd). */
char *sg_schema_file_name(const sg_content_kind *kind);

#endif
