/* content.h — reading the content folder: which files exist, what kind each is, and
 * each file's front matter (as a value tree) and Markdown body. Problems with single
 * files (not UTF-8, no front matter, bad YAML, bad file names, symlinks leaving the
 * folder) are added to the diagnostics; the file is then left out and reading goes on. */
#ifndef SG_CONTENT_H
#define SG_CONTENT_H
#include <stddef.h>

#include "../util/diag.h"
#include "../util/value.h"
#include "kinds.h" /* sg_source_kind: the content kinds */


/* One content file. Owned by its sg_sources. */
typedef struct sg_source {
	sg_source_kind kind;
	char *path;   /* for messages: "<content dir>/insatser/sjuharad/x.md" */
	char *slug;   /* file name without extension */
	char *folder; /* insatser: the förbund folder; dokument: the folder path; otherwise NULL */
	sg_value *meta; /* front matter: a map (never NULL for a listed source) */
	char *body;   /* Markdown (NUL-terminated) */
	size_t body_len;
	int body_line; /* line of the file the body starts on */
} sg_source;

typedef struct sg_sources sg_sources;

/* Reads everything under `dir`. Returns NULL only when `dir` itself cannot be read
 * (an error is added); otherwise the files that could be read. */
sg_sources *sg_sources_read(const char *dir, sg_diags *d);
/* The same, parsing the files on `jobs` threads (0: one per core). The result and the
 * diagnostics are the same for any number. */
sg_sources *sg_sources_read_on(const char *dir, int jobs, sg_diags *d);
/* One file of the content folder `dir` alone, `rel` its path inside (e.g.
 * "forbund/sjuharad.md"), read as sg_sources_read reads a file of that kind, with the
 * same checks: for `sofgen new`, which builds a förbund with the model's own readers.
 * NULL when dir cannot be read; otherwise the file, or none after errors. */
sg_sources *sg_sources_read_one(const char *dir, sg_source_kind kind, const char *rel, sg_diags *d);
void sg_sources_free(sg_sources *s);
/* Frees every source's front matter and body, keeping paths (which the model and
 * its messages refer to): once the model is built they are not needed. */
void sg_sources_drop_content(sg_sources *s);
/* The same for source i alone, once it has been built into the model. */
void sg_sources_drop_one(sg_sources *s, size_t i);
/* Reads the file at `path` again (one of the sources, named as sg_sources_read named
 * it), with the same checks. Returns its index, or -1 when it is not a source or can
 * no longer be read (errors added); the source's path keeps its address. */
/* The index of the source read from `path`, or -1. */
long sg_sources_find(const sg_sources *s, const char *path);
long sg_sources_reread(sg_sources *s, const char *path, sg_diags *d);
size_t sg_sources_count(const sg_sources *s);
const sg_source *sg_sources_at(const sg_sources *s, size_t i);

/* Reads one content file's text into `src` (exposed for tests and fuzzing):
 * validates UTF-8, normalises line ends and the text to NFC, splits and loads the
 * front matter.
 * `want_frontmatter` false means a plain YAML file (site.yaml). Returns 0, or -1
 * after adding errors. `src->path` must be set; the rest is filled in. */
int sg_source_parse(sg_source *src, char *text, size_t len, int want_frontmatter, sg_diags *d);
void sg_source_clear(sg_source *src);

#endif
