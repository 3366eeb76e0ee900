/* mustache_internal.h — what the set (mustache.c), the parser (mustache_parse.c) and
 * the renderer (mustache_render.c) share: the parsed form of one template. Private to
 * src/template/.
 *
 * A parsed template is a flat array of nodes in document order: a node with content
 * (section, inverted section, block, parent) is followed by its descendants, and its
 * `end` is the index just past the last of them, so a walk over the direct children of
 * node i is `for (j = i + 1; j < nodes[i].end; j = nodes[j].end)`. All whitespace rules
 * (standalone lines, intrinsic block indentation) are applied while parsing; what is
 * left for rendering is the indentation a standalone partial, parent or block adds to
 * each line of what it expands to, and which nodes start a line (MF_BOL). */
#ifndef SG_MUSTACHE_INTERNAL_H
#define SG_MUSTACHE_INTERNAL_H
#include <stddef.h>

#include "mustache.h"

/* Partials, parents and overridden blocks expanded inside each other deeper than this
 * render as nothing (a template that includes itself stops here). */
#define SG_TPL_MAX_EXPANSION 100
/* Sections, blocks and parents nested inside each other in one template. */
#define SG_TPL_MAX_NESTING 100

typedef enum {
	MN_TEXT,     /* literal text: pool[off, off+len) */
	MN_VAR,      /* {{name}} (MF_ESCAPE), {{{name}}} and {{&name}} */
	MN_SECTION,  /* {{#name}}…{{/name}} */
	MN_INVERTED, /* {{^name}}…{{/name}} */
	MN_PARTIAL,  /* {{>name}}, {{>*name}} (MF_DYNAMIC) */
	MN_PARENT,   /* {{<name}}…{{/name}}: its direct MN_BLOCK children are the arguments */
	MN_BLOCK     /* {{$name}}…{{/name}}: the children are the default (or the argument) */
} mnode_kind;

enum {
	MF_ESCAPE = 1,     /* MN_VAR: HTML-escape the value */
	MF_BOL = 2,        /* the node's output starts a line of the template: indent it */
	MF_DYNAMIC = 4,    /* MN_PARTIAL, MN_PARENT: the name is looked up in the context */
	MF_STANDALONE = 8, /* MN_PARTIAL, MN_PARENT, MN_BLOCK: on a line of its own; what it
	                      expands to is indented by src[ind_off, ind_off+ind_len) */
	MF_ARGUMENT = 16   /* MN_BLOCK: a direct child of a parent (an argument) */
};

typedef struct {
	unsigned char kind, flags;
	size_t end;              /* index just past this node's descendants */
	size_t off, len;         /* MN_TEXT: text in pool; otherwise the name in src */
	size_t ind_off, ind_len; /* MF_STANDALONE: the indentation, in src */
} mnode;

/* One parsed template. Immutable once parsed, so any number of threads may render it. */
typedef struct sg_tpl {
	char *name; /* the key it is stored under in the set */
	char *file; /* for messages */
	char *src;  /* our copy of the source: names and indentation point into it */
	size_t src_len;
	char *pool; /* the literal text, whitespace rules applied */
	size_t pool_len;
	mnode *nodes;
	size_t n_nodes;
} sg_tpl;

/* Parses src into a new template (owned by the caller; free with sg_tpl_free), or
 * returns NULL after adding errors to `d`. */
sg_tpl *sg_tpl_parse(const char *name, const char *src, size_t len, const char *file, sg_diags *d);
void sg_tpl_free(sg_tpl *t);

/* The template stored under name[0, len) in the set, or NULL. */
const sg_tpl *sg_tpl_set_find(const sg_tpl_set *set, const char *name, size_t len);

#endif
