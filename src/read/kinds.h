/* kinds.h — the content kinds: one table of the content files a site has (folder, file
 * extension), what each is, and the keys its front matter may hold, nested maps and
 * lists of maps included. It drives reading (content.c: which folders and files are
 * content), the model's unknown-key warnings (model/fields.h: sg_fields_check_keys
 * reads these key tables and their choices), `sofgen new` (the folder a new file goes
 * in) and `sofgen schema` (JSON Schemas for editors). Plain data: read-only, shared. */
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
	SG_SRC_BLANKETT, /* a form definition (.yaml) */
	SG_SRC_PLAN      /* a förbund's own text of its verksamhetsplan for one year (planer/<förbund>/<år>.md) */
} sg_source_kind;

/* What a key's value is: how `sofgen schema` describes it (and the web editor's widget). */
typedef enum {
	SG_KEY_ANY,          /* not described */
	SG_KEY_TEXT,         /* one line of text */
	SG_KEY_MARKDOWN,     /* text over several lines, Markdown */
	SG_KEY_INT,          /* a whole number (a quoted one too) */
	SG_KEY_AMOUNT,       /* tkr, ≥ 0, at most three decimals */
	SG_KEY_FRACTION,     /* 0..1 */
	SG_KEY_NUMBER,       /* a decimal number, maybe negative (degrees) */
	SG_KEY_PARTICIPANTS, /* a number, "ca 60" or "40 per år" */
	SG_KEY_BOOL,
	SG_KEY_DATE,         /* YYYY-MM-DD (YYYY-MM and YYYY where the model allows) */
	SG_KEY_PERIOD,       /* YYYY, YYYY-MM or YYYY-MM-DD */
	SG_KEY_DATETIME,     /* YYYY-MM-DD or YYYY-MM-DDTHH:MM */
	SG_KEY_URL,
	SG_KEY_EMAIL,
	SG_KEY_PHONE,
	SG_KEY_CHOICE,       /* one of `choices` */
	SG_KEY_TEXTS,        /* a text, or a list of texts */
	SG_KEY_MAP,          /* a map of `keys` (a single "*" row: any key, e.g. one per year) */
	SG_KEY_MAPS,         /* a list of maps of `keys` */
	SG_KEY_MIXED,        /* a list whose items are a text or a map of `keys` */
	SG_KEY_IMAGE         /* the name of an image file in content/bilder/ (model/image.h) */
} sg_key_type;

/* Which of the site's own lists a text value names (for select lists in editors). */
typedef enum {
	SG_VOCAB_NONE,
	SG_VOCAB_KOMMUN,       /* a member kommun of the förbund */
	SG_VOCAB_CATEGORY,     /* a SUS category */
	SG_VOCAB_TARGET_GROUP, /* site.yaml's target_groups */
	SG_VOCAB_FORBUND,      /* a förbund's slug */
	SG_VOCAB_FORM          /* a form's slug */
} sg_key_vocab;

/* A key a map may hold. `keys`: the keys of the map under it, or of each map of the list
 * under it; NULL when its value is not a map. A table of keys ends with a NULL name; the
 * name "*" stands for any key (budget: one block per year). The rest describes the value
 * for `sofgen schema` and editors: its type, a Swedish label, the choices, whether it is
 * required and which vocabulary it names. */
typedef struct sg_key {
	const char *name;
	const struct sg_key *keys;
	sg_key_type type;
	const char *label;          /* Swedish */
	const char *const *choices; /* SG_KEY_CHOICE: NULL-terminated */
	bool required;
	sg_key_vocab vocab;
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
/* The choices of `name` (an SG_KEY_CHOICE row), NULL-terminated; an empty list when it
 * has none. The model reads values against these, so a schema never disagrees. */
const char *const *sg_key_choices(const sg_key *keys, const char *name);

#endif
