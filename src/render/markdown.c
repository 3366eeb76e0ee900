/* markdown.c — Markdown through libcmark with link and raw-HTML checks (see markdown.h). */
#include "markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"

struct sg_markdown {
	cmark_node *doc;
	bool allow_html;
	const char *file; /* borrowed: for messages while resolving references */
	int first_line;
};

static const char *const ref_schemes[] = {"insats:", "kommun:", "forbund:", "nyhetsbrev:", "evenemang:", "sida:"};

bool sg_url_is_reference(const char *url)
{
	for (size_t i = 0; i < sizeof ref_schemes / sizeof *ref_schemes; i++)
		if (strncmp(url, ref_schemes[i], strlen(ref_schemes[i])) == 0)
			return true;
	return false;
}

bool sg_url_is_safe(const char *url)
{
	/* a scheme is letters/digits/+.- up to the first ':' that comes before any / ? # */
	size_t i = 0;
	while (url[i] == ' ' || url[i] == '\t')
		i++;
	size_t start = i;
	while (url[i] && url[i] != ':' && url[i] != '/' && url[i] != '?' && url[i] != '#')
		i++;
	if (url[i] != ':')
		return true; /* relative */
	size_t n = i - start;
	const char *s = url + start;
	static const char *const ok[] = {"http", "https", "mailto", "tel"};
	for (size_t k = 0; k < sizeof ok / sizeof *ok; k++)
		if (n == strlen(ok[k]) && strncasecmp(s, ok[k], n) == 0)
			return true;
	return false;
}

/* Replaces a node by its children (keeps a link's text, drops the link). */
static void unwrap(cmark_node *node)
{
	cmark_node *child;
	while ((child = cmark_node_first_child(node)))
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

sg_markdown *sg_markdown_parse(const char *text, size_t len, const char *file, int first_line,
                               const sg_markdown_opts *opts, sg_diags *d)
{
	bool allow_html = opts && opts->allow_html;
	const char *root = opts && opts->link_root ? opts->link_root : "";
	sg_markdown *md = sg_calloc(1, sizeof *md);
	md->allow_html = allow_html;
	md->file = file;
	md->first_line = first_line;
	md->doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);

	/* collect first: the tree must not change while it is iterated */
	size_t n = 0, cap = 16;
	cmark_node **bad = sg_malloc(cap * sizeof *bad);
	cmark_iter *it = cmark_iter_new(md->doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		int line = cmark_node_get_start_line(node) + first_line - 1;
		int col = cmark_node_get_start_column(node);
		bool drop = false;
		if ((t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) && !allow_html) {
			sg_warning(d, file, line, col,
			           "raw HTML is left out of the page; write it as Markdown (or set allow_raw_html: true in site.yaml)");
			drop = true;
		} else if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			const char *url = cmark_node_get_url(node);
			if (url && sg_url_is_reference(url)) {
				/* resolved later, when the whole site is known */
			} else if (url && !sg_url_is_safe(url)) {
				sg_warning(d, file, line, col,
				           "the %s to '%.40s' is removed: addresses must start with https://, http://, mailto:, tel: or /",
				           t == CMARK_NODE_LINK ? "link" : "image", url);
				drop = true;
			} else if (url && *root && url[0] == '/' && url[1] != '/') {
				char *full = sg_asprintf("%s%s", root, url);
				cmark_node_set_url(node, full);
				free(full);
			}
		} else if (t == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 1) {
			/* the page title is the only h1 on a page */
			cmark_node_set_heading_level(node, 2);
		}
		if (drop) {
			if (n == cap)
				bad = sg_realloc(bad, (cap *= 2) * sizeof *bad);
			bad[n++] = node;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++) {
		cmark_node_type t = cmark_node_get_type(bad[i]);
		if (t == CMARK_NODE_LINK)
			unwrap(bad[i]);
		else
			cmark_node_free(bad[i]);
	}
	free(bad);
	return md;
}

void sg_markdown_resolve(sg_markdown *md, sg_ref_resolver resolve, void *ctx, sg_diags *d)
{
	if (!md)
		return;
	size_t n = 0, cap = 8;
	cmark_node **bad = sg_malloc(cap * sizeof *bad);
	cmark_iter *it = cmark_iter_new(md->doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
			continue;
		const char *url = cmark_node_get_url(node);
		if (!url || !sg_url_is_reference(url))
			continue;
		char *why = NULL;
		char *target = resolve(ctx, url, &why);
		if (target) {
			cmark_node_set_url(node, target);
			free(target);
			continue;
		}
		sg_error(d, md->file, cmark_node_get_start_line(node) + md->first_line - 1, cmark_node_get_start_column(node),
		         "%s", why ? why : "unknown reference");
		free(why);
		if (n == cap)
			bad = sg_realloc(bad, (cap *= 2) * sizeof *bad);
		bad[n++] = node;
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++)
		unwrap(bad[i]);
	free(bad);
}

void sg_markdown_free(sg_markdown *md)
{
	if (!md)
		return;
	cmark_node_free(md->doc);
	free(md);
}

const cmark_node *sg_markdown_doc(const sg_markdown *md) { return md ? md->doc : NULL; }

bool sg_markdown_is_empty(const sg_markdown *md) { return !md || !cmark_node_first_child(md->doc); }

void sg_markdown_render(const sg_markdown *md, sg_buf *out)
{
	if (!md)
		return;
	char *html = cmark_render_html(md->doc, md->allow_html ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT);
	sg_buf_puts(out, html);
	free(html);
}
