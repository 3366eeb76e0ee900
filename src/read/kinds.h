/* kinds.h — the content kinds: one table of the content files a site has (folder, file
 * extension), what each is, and the keys its front matter may hold, nested maps and
 * lists of maps included. It drives reading (content.c: which folders and files are
 * content), the model's unknown-key warnings (model/fields.h: sg_fields_check_keys
 * reads these key tables), `sofgen new` (the folder a new file goes in) and, later,
 * the web editor's configuration and JSON Schemas. Plain data: read-only, shared. */
#ifndef SG_KINDS_H
#define SG_KINDS_H
#include <stdbool.h>
#include <stddef.h>

typedef enum {
	SG_SRC_SITE,
	SG_SRC_FORBUND,
	SG_SRC_INSATS,
	SG_SRC_SIDA,
	SG_SRC_NYHETSBREV,
	SG_SRC_EVENEMANG,
	SG_SRC_DOKUMENT, /* a .yaml description; the file it describes lies beside it */
	SG_SRC_BLANKETT  /* a form definition (.yaml) */
} sg_source_kind;

/* A key a map may hold. `keys`: the keys of the map under it, or of each map of the list
 * under it; NULL when its value is not a map. A table of keys ends with a NULL name; the
 * name "*" stands for any key (budget: one block per year). */
typedef struct sg_key {
	const char *name;
	const struct sg_key *keys;
} sg_key;

typedef struct sg_content_kind {
	sg_source_kind kind;
	const char *name;   /* "insats": how messages and `sofgen new` name one */
	const char *folder; /* "insatser", or NULL: site.yaml, the one file at the top */
	const char *ext;    /* ".md": front matter and a Markdown body; ".yaml": YAML only */
	bool per_forbund;   /* in a folder per förbund: insatser/<förbund>/<slug>.md */
	const char *what;   /* "an insats", as in "unknown key 'x' in an insats" */
	const sg_key *keys; /* the front matter's keys */
} sg_content_kind;

/* Every kind: site.yaml first, then the folders in the order messages list them. */
const sg_content_kind *sg_content_kinds(size_t *count);
const sg_content_kind *sg_content_kind_of(sg_source_kind kind);
/* The kind whose folder is `folder`, or NULL. */
const sg_content_kind *sg_content_kind_in(const char *folder);

/* The row of `name` in keys (a "*" row matches any name), or NULL. */
const sg_key *sg_key_find(const sg_key *keys, const char *name);
/* The keys under `name` (sg_key_find's row's keys); an empty table when there are none. */
const sg_key *sg_key_sub(const sg_key *keys, const char *name);

#endif
