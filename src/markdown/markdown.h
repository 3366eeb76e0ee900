/* markdown.h — Markdown bodies: parsed once with libcmark (CommonMark), checked, and
 * rendered to HTML. A leaf module (it uses util/ only): the model parses and resolves
 * with it, render and write render with it (also as e-mail and text: markdown_mail.h).
 * Checking happens at parse time so `sofgen check` reports the same problems as a
 * build: raw HTML is dropped unless the site allows it, and links whose
 * scheme is not http, https, mailto or tel (javascript:, data:, …) are removed, each
 * with a warning at the editor's file:line:col. A mailto: link must hold a plain address
 * and a tel: link a phone number (rewritten to the number a phone dials, see
 * sg_phone_uri): otherwise an error, and the link is removed. A character reference to
 * a control character (&#7;) is an error at the reference. */
#ifndef SG_MARKDOWN_H
#define SG_MARKDOWN_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "../util/diag.h"

typedef struct sg_markdown sg_markdown;

typedef struct sg_markdown_opts {
	bool allow_html;       /* keep raw HTML (site.yaml allow_raw_html) */
	const char *link_root; /* prefixed to links starting with one '/' (a site below a path) */
	bool keep_document;    /* false: a text without references is frozen at once (see sg_markdown_freeze) */
	bool in_form;          /* a form's text: raw HTML that opens or closes a <form> is an error (a
	                          <form> there would take the fields of a printed form and send them) */
	const char *const *ref_prefixes; /* NULL-terminated ("insats:", …) or NULL: links whose address starts
	                                    with one name other content, kept for sg_markdown_resolve.
	                                    Borrowed by each text: it must outlive them (a static table) */
} sg_markdown_opts;

/* `first_line` is the file line the text starts on. Never fails. */
sg_markdown *sg_markdown_parse(const char *text, size_t len, const char *file, int first_line,
                               const sg_markdown_opts *opts, sg_diags *d);
void sg_markdown_free(sg_markdown *md);
bool sg_markdown_is_empty(const sg_markdown *md);
/* Renders the HTML once, keeps it and frees the parsed document: a big catalogue
 * then holds a few kB of HTML per insats instead of the whole tree. Afterwards only
 * sg_markdown_render works (sg_markdown_doc returns NULL, so the e-mail and text
 * renderers need an unfrozen document). sg_markdown_link calls it. */
void sg_markdown_freeze(sg_markdown *md);
/* Appends the HTML. Only reads the document: safe from many threads. */
void sg_markdown_render(const sg_markdown *md, sg_buf *out);
/* The parsed document (after the checks above), for other renderers such as
 * markdown_mail.c. Owned by md; read it only (NULL when md is NULL). */
typedef struct cmark_node cmark_node;
const cmark_node *sg_markdown_doc(const sg_markdown *md);

/* Images in a text. "![Två personer vid ett bord](samtal.jpg)": an image whose address
 * has no scheme and is not a path on the site (or is /bilder/…, as the web editor writes
 * it) names a file in content/bilder/, and its text keeps its document until
 * sg_markdown_images has put the caller's markup in its place. An image on another site
 * (http:, https:, //) is removed at parse time with a warning: the reader's browser
 * would fetch it from there. */

/* The markup of the image `src` described by `alt` (its text, without emphasis), named at
 * file:line:col: sets *before and *after (malloc'd), the HTML put around the description,
 * which the HTML renderer writes escaped between them (e.g. before = "<img src=\"…\"
 * alt=\"", after = "\">"), and returns true; or returns false after adding an error
 * (the image is removed). */
typedef bool (*sg_image_html)(void *ctx, const char *src, const char *alt, const char *file, int line, int col,
                              char **before, char **after);
/* Replaces each image of md that names a file with html_of's markup; returns how many
 * were replaced. Call once per text, before sg_markdown_link. The e-mail and plain text
 * renderers show the description as words. */
size_t sg_markdown_images(sg_markdown *md, sg_image_html html_of, void *ctx);

/* Is this URL one sofgen may put in an href: http(s), mailto, tel, or relative? */
bool sg_url_is_safe(const char *url);

/* References to other content. A link whose address starts with one of the parse
 * options' ref_prefixes ("[Aktiv hälsa](insats:sjuharad/aktiv-halsa)") names a piece
 * of content rather than an address. Once the whole site is known, sg_markdown_resolve
 * finds what each names (through the caller's resolver); once every page's URL is
 * known, sg_markdown_link writes the addresses. Until then such a text keeps its
 * parsed document. */

/* Finds what a reference names: `kind` is the index of its prefix in ref_prefixes,
 * `name` the text after the prefix, `ref` the whole address. Returns the target (not
 * looked into here; it must outlive md) or NULL and sets *why (malloc'd) to say what
 * is wrong. */
typedef const void *(*sg_ref_resolver)(void *ctx, size_t kind, const char *name, const char *ref, char **why);
/* Resolves every reference link of md and keeps each one's kind and target; an
 * unresolvable one is an error at its file:line:col and the link is removed (its text
 * stays). Call once, after the whole site is known, before sg_markdown_link. */
void sg_markdown_resolve(sg_markdown *md, sg_ref_resolver resolve, void *ctx, sg_diags *d);
/* The resolved references of md, in the order they are written (until it is linked). */
size_t sg_markdown_n_refs(const sg_markdown *md);
const void *sg_markdown_ref(const sg_markdown *md, size_t i, size_t *kind);
/* The address of a resolved reference (malloc'd), as it goes into the href. */
typedef char *(*sg_ref_url)(void *ctx, size_t kind, const void *target);
/* Writes the address of each resolved reference into its link, then freezes md unless
 * it was parsed with keep_document (sg_markdown_freeze). Call once per text, before
 * rendering it; a text without references only needs it to be frozen. */
void sg_markdown_link(sg_markdown *md, sg_ref_url url_of, void *ctx);

#endif
