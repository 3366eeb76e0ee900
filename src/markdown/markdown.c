/* markdown.c — GitHub-flavoured Markdown through libcmark-gfm (tables,
 * strikethrough, autolinks) with link and raw-HTML checks (see markdown.h). */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/address.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include "../util/i18n.h"

/* libcmark's own allocator prints a message and calls abort() when memory runs out;
 * with sofgen's, the tree and its HTML (allocated with the tree's allocator) end the
 * process the way the rest of sofgen does (sg_out_of_memory). */
static cmark_mem checked_mem = {sg_calloc, sg_realloc, free};

/* The GFM extensions sofgen turns on. libcmark-gfm keeps its extensions in a
 * registry of its own, filled once for the process (pthread_once: parsing runs on
 * several threads); after that it is only read. */
static const char *const gfm_extensions[] = {"table", "strikethrough", "autolink"};
static pthread_once_t gfm_once = PTHREAD_ONCE_INIT;
static void gfm_register(void) { cmark_gfm_core_extensions_ensure_registered(); }

static cmark_parser *gfm_parser(void)
{
	pthread_once(&gfm_once, gfm_register);
	cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &checked_mem);
	for (size_t i = 0; i < sizeof gfm_extensions / sizeof *gfm_extensions; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(gfm_extensions[i]);
		if (e)
			cmark_parser_attach_syntax_extension(parser, e);
	}
	return parser;
}

/* A paragraph right before a table that starts with "Tabell" ("Tabell 2: Kostnader
 * per kommun") is the table's caption: "<p>Tabell …</p>\n<table>\n<thead>" becomes
 * "<table>\n<caption>Tabell …</caption>\n<thead>", so that screen readers name the
 * table. libcmark-gfm writes the table itself, hence the rewrite of its output. */
static char *with_captions(char *html)
{
	static const char tail[] = "</p>\n<table>\n<thead>";
	if (!strstr(html, tail))
		return html;
	sg_buf b = SG_BUF_INIT;
	const char *s = html, *hit;
	while ((hit = strstr(s, tail))) {
		const char *p = hit;
		while (p > s && strncmp(p, "<p>", 3) != 0)
			p--;
		bool caption = strncmp(p, "<p>Tabell", 9) == 0 && (p == html || p[-1] == '\n') &&
		               !memchr(p + 3, '<', (size_t)(hit - p - 3)) && hit - p - 3 < 400;
		if (!caption) {
			sg_buf_put(&b, s, (size_t)(hit - s) + 4);
			s = hit + 4;
			continue;
		}
		sg_buf_put(&b, s, (size_t)(p - s));
		sg_buf_puts(&b, "<table>\n<caption>");
		sg_buf_put(&b, p + 3, (size_t)(hit - p - 3));
		sg_buf_puts(&b, "</caption>\n<thead>");
		s = hit + sizeof tail - 1;
	}
	sg_buf_puts(&b, s);
	free(html);
	return sg_buf_detach(&b);
}

static char *render_html(const sg_markdown *md, cmark_node *doc);

/* A reference link, once resolved: sg_markdown_link writes its address. */
typedef struct {
	cmark_node *node;
	size_t kind;
	const void *target;
} resolved_ref;

struct sg_markdown {
	cmark_node *doc; /* NULL once frozen */
	char *html;      /* the rendered HTML, once frozen */
	bool allow_html;
	bool keep_document; /* not frozen by sg_markdown_link */
	const char *file; /* borrowed: for messages while resolving references */
	int first_line;
	const char *const *ref_prefixes; /* borrowed, from the parse options */
	resolved_ref *refs; /* after sg_markdown_resolve, until sg_markdown_link */
	size_t n_refs;
	struct image_at { /* images that name a file (sg_markdown_images), until they are replaced */
		cmark_node *node;
		int col; /* in characters, for messages */
	} *images;
	size_t n_images;
};

/* The index of the prefix in `prefixes` (NULL-terminated, may be NULL) that url starts
 * with, or -1: a reference to other content. */
static long ref_kind(const char *const *prefixes, const char *url)
{
	for (size_t i = 0; prefixes && prefixes[i]; i++)
		if (strncmp(url, prefixes[i], strlen(prefixes[i])) == 0)
			return (long)i;
	return -1;
}

/* Does url name another site: http:, https: or "//host/…"? */
static bool is_remote(const char *url)
{
	return strncasecmp(url, "http:", 5) == 0 || strncasecmp(url, "https:", 6) == 0 || strncmp(url, "//", 2) == 0;
}

/* Is node inside a table (GitHub's extension, whose cells hold only text and inline
 * nodes it knows: a picture's custom node cannot go there)? */
static bool in_table(cmark_node *node)
{
	for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
		const char *t = cmark_node_get_type_string(p);
		if (t && strncmp(t, "table", 5) == 0)
			return true;
	}
	return false;
}

/* Does an image's url name a file of the content (no scheme, and not a path on the site
 * other than /bilder/…, the folder the web editor writes)? */
static bool names_file(const char *url)
{
	size_t i = strcspn(url, ":/?#");
	if (url[i] == ':' || !*url)
		return false;
	return url[0] != '/' || strncmp(url, "/bilder/", 8) == 0;
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

/* s without the characters sg_char_refused refuses (malloc'd), or NULL when it has none;
 * *cp set to the first one. */
static char *without_refused(const char *s, unsigned *cp)
{
	size_t len = s ? strlen(s) : 0, at = sg_text_find_refused(s, len, 0, cp);
	if (at == len)
		return NULL;
	sg_buf b = SG_BUF_INIT;
	unsigned other;
	for (size_t i = 0; i < len; at = sg_text_find_refused(s, len, i, &other)) {
		sg_buf_put(&b, s + i, at - i);
		size_t n = 0;
		if (at < len)
			sg_utf8_decode(s + at, len - at, &n);
		i = at + n;
	}
	return sg_buf_detach(&b);
}

/* The column in characters of byte column `col` (from 1, as libcmark counts) on line
 * `line` of text. */
static int char_column(const char *text, size_t len, int line, int col)
{
	size_t i = 0;
	for (int l = 1; l < line && i < len; i++)
		if (text[i] == '\n')
			l++;
	int chars = 1;
	for (size_t k = i; k < len && k < i + (size_t)(col - 1) && text[k] != '\n'; k++)
		chars += ((unsigned char)text[k] & 0xC0) != 0x80;
	return chars;
}

/* Reports each character reference ("&#7;", "&#x1B;") for a refused character in the
 * text from line `line`, byte column `col` (both from 1, as libcmark counts) to line
 * `end_line`, byte column `end_col`, at its line and column (in characters). Returns
 * how many. */
#define MAX_REFUSED 20 /* references to refused characters listed per text; the rest are counted */

typedef struct {
	size_t count;
	int more_line, more_col; /* the first one not listed */
} refused_count;

static size_t refuse_references(const char *text, size_t len, int line, int col, int end_line, int end_col,
                                const char *file, int first_line, refused_count *rc, sg_diags *d)
{
	size_t i = 0, found = 0;
	for (int l = 1; l < line && i < len; i++)
		if (text[i] == '\n')
			l++;
	size_t line_start = i;
	int chars = char_column(text, len, line, col); /* the column of text[i] in characters */
	i = line_start + (size_t)(col - 1);
	for (int l = line; i < len && (l < end_line || (l == end_line && i < line_start + (size_t)end_col));) {
		if (text[i] == '\n') {
			l++, i++, line_start = i, chars = 1;
			continue;
		}
		if (text[i] == '&' && i + 2 < len && text[i + 1] == '#') {
			bool hex = text[i + 2] == 'x' || text[i + 2] == 'X';
			size_t k = i + 2 + hex, digits = 0;
			unsigned long cp = 0;
			for (; k < len && digits < 8; k++, digits++) {
				char c = text[k];
				int v = c >= '0' && c <= '9' ? c - '0' : !hex ? -1 : c >= 'a' && c <= 'f' ? c - 'a' + 10
				        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
				if (v < 0)
					break;
				cp = cp * (hex ? 16 : 10) + (unsigned long)v;
			}
			if (digits && k < len && text[k] == ';' && cp > 0 && cp <= 0x10FFFF && sg_char_refused((unsigned)cp)) {
				char why[300];
				sg_char_refusal((unsigned)cp, why, sizeof why);
				if (rc->count < MAX_REFUSED)
					sg_error(d, file, first_line + l - 1, chars, "the reference '%.*s' is %s", (int)(k + 1 - i),
					         text + i, why);
				else if (rc->count == MAX_REFUSED)
					rc->more_line = first_line + l - 1, rc->more_col = chars;
				rc->count++;
				found++;
			}
		}
		chars += ((unsigned char)text[i] & 0xC0) != 0x80;
		i++;
	}
	return found;
}

/* Replaces a node by its children (keeps a link's text, drops the link). */
static void unwrap(cmark_node *node)
{
	cmark_node *child;
	while ((child = cmark_node_first_child(node)))
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

/* libcmark 0.30.2 (Debian 12) walks from a node up to the document each time it moves
 * a node into an emphasis, so emphasis nested thousands of lists or block quotes deep
 * takes time proportional to depth times length: minutes for a few hundred kB. Real
 * text nests a few levels; text deeper than this never reaches cmark. */
#define MAX_NESTING 100

/* A thematic break (---, * * *, ___) ends a line from the positions [*lo, *hi] on:
 * they hold its character, after them only it, spaces and tabs, with three of it
 * from *hi. Sets *lo > *hi when the line ends in none. */
static void thematic_break(const char *p, const char *eol, const char **lo, const char **hi)
{
	*lo = eol, *hi = p;
	const char *q = eol;
	while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if (q == p || (q[-1] != '-' && q[-1] != '*' && q[-1] != '_'))
		return;
	char c = q[-1];
	size_t n = 0;
	const char *third = NULL;
	for (; q > p && (q[-1] == c || q[-1] == ' ' || q[-1] == '\t'); q--)
		if (q[-1] == c && ++n == 3)
			third = q - 1;
	if (!third)
		return;
	while (*q != c)
		q++;
	*lo = q, *hi = third;
}

/* The first line (from 1) where lists and block quotes could nest deeper than
 * MAX_NESTING, or 0. An upper bound, line by line: a container a line continues
 * costs it a '>' or (a list item) two columns of indentation, and there are no more
 * of those than containers open after the lines before; a container it opens costs a
 * '>' or a list marker. */
/* libcmark-gfm pads every row of a table to the columns of its header row, so a
 * header of 5 000 '|' over 20 000 rows of "|x" (80 kB) becomes 100 million cells:
 * minutes and gigabytes. Before the parser sees the text, each delimiter row ("|--|:-:|")
 * is found and its columns times the lines below it (up to a blank line) are counted.
 * Returns the 1-based line of the header of the first table over the limits, or 0. */
#define MAX_TABLE_COLUMNS 64
#define MAX_TABLE_CELLS 200000
static int table_too_big(const char *text, size_t len, size_t *columns, size_t *cells)
{
	const char *p = text, *end = text + len;
	size_t total = 0;
	int line = 1;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t pipes = 0, dashes = 0, runs = 0; /* runs: the cells, "-", ":--", "--:" */
		bool delimiter = true, in_run = false;
		for (const char *q = p; q < eol && delimiter; q++) {
			pipes += *q == '|';
			dashes += *q == '-';
			bool cell = *q == '-' || *q == ':';
			runs += cell && !in_run;
			in_run = cell;
			delimiter = *q == '|' || *q == '-' || *q == ':' || *q == ' ' || *q == '\t' || *q == '\r';
		}
		if (delimiter && dashes && pipes && line > 1) {
			size_t cols = runs, rows = 1; /* and the header row */
			const char *r = eol < end ? eol + 1 : end;
			int lines = 0;
			while (r < end) {
				const char *e = memchr(r, '\n', (size_t)(end - r));
				if (!e)
					e = end;
				const char *t = r;
				while (t < e && (*t == ' ' || *t == '\t' || *t == '\r'))
					t++;
				if (t == e)
					break;
				rows++, lines++;
				r = e < end ? e + 1 : end;
			}
			total += cols * rows;
			if (cols > MAX_TABLE_COLUMNS || total > MAX_TABLE_CELLS) {
				*columns = cols;
				*cells = total;
				return line - 1;
			}
			line += lines;
			p = r;
			continue;
		}
		line++;
		p = eol < end ? eol + 1 : end;
	}
	return 0;
}

static int nesting_too_deep(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t open = 0;
	for (int line = 1; p < end; line++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t markers = 0, ws = 0, col = 0;
		const char *q = p, *hr_lo, *hr_hi;
		thematic_break(p, eol, &hr_lo, &hr_hi);
		while (q < eol) {
			size_t digits = 0;
			while (q + digits < eol && digits < 10 && q[digits] >= '0' && q[digits] <= '9')
				digits++;
			if (*q == ' ' || *q == '\t') {
				size_t w = *q == ' ' ? 1 : 4 - col % 4;
				ws += w, col += w, q++;
				continue;
			}
			size_t m = 0; /* the marker's length */
			if (*q == '>')
				m = 1;
			else if (q >= hr_lo && q <= hr_hi)
				break;
			else if ((*q == '-' || *q == '+' || *q == '*') && (q + 1 == eol || q[1] == ' ' || q[1] == '\t'))
				m = 1;
			else if (digits >= 1 && digits <= 9 && q + digits < eol && (q[digits] == '.' || q[digits] == ')') &&
			         (q + digits + 1 == eol || q[digits + 1] == ' ' || q[digits + 1] == '\t'))
				m = digits + 1;
			if (!m)
				break;
			markers++, col += m, q += m;
			if (q < eol && *q == ' ') /* the space after a marker is part of it */
				col++, q++;
		}
		size_t depth = markers + (ws / 2 < open ? ws / 2 : open);
		if (depth > MAX_NESTING)
			return line;
		if (depth > open)
			open = depth;
		p = eol + 1;
	}
	return 0;
}

/* Does raw HTML hold a <form …> or </form> tag (in any case)? */
static bool has_form_tag(const char *html)
{
	for (const char *p = html ? strchr(html, '<') : NULL; p; p = strchr(p + 1, '<')) {
		const char *q = p + 1 + (p[1] == '/');
		if (strncasecmp(q, "form", 4) == 0 && (q[4] == '\0' || q[4] == '>' || q[4] == '/' || isspace((unsigned char)q[4])))
			return true;
	}
	return false;
}

sg_markdown *sg_markdown_parse(const char *text, size_t len, const char *file, int first_line,
                               const sg_markdown_opts *opts, sg_diags *d)
{
	bool allow_html = opts && opts->allow_html;
	const char *root = opts && opts->link_root ? opts->link_root : "";
	sg_markdown *md = sg_calloc(1, sizeof *md);
	md->allow_html = allow_html;
	md->keep_document = opts && opts->keep_document;
	md->ref_prefixes = opts ? opts->ref_prefixes : NULL;
	md->file = file;
	md->first_line = first_line;
	size_t tcols = 0, tcells = 0;
	int big = table_too_big(text, len, &tcols, &tcells);
	if (big) {
		sg_error(d, file, first_line + big - 1, 1,
		         "this table has %zu columns and, with the tables before it, %zu cells; the tables of a text may "
		         "have at most %d columns and %d cells in all: split it, or put the figures in a document",
		         tcols, tcells, MAX_TABLE_COLUMNS, MAX_TABLE_CELLS);
		md->doc = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, &checked_mem);
		return md;
	}
	int deep = nesting_too_deep(text, len);
	if (deep) {
		sg_error(d, file, first_line + deep - 1, 1,
		         "lists and quotes nest more than %d levels deep here; remove some of the '-', '>' or the "
		         "indentation at the start of the line",
		         MAX_NESTING);
		md->doc = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, &checked_mem);
		return md;
	}
	cmark_parser *parser = gfm_parser();
	cmark_parser_feed(parser, text, len);
	md->doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);

	/* collect first: the tree must not change while it is iterated */
	size_t n = 0, cap = 16, references = 0;
	refused_count refused = {0, 0, 0};
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
		} else if ((t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) && opts && opts->in_form &&
		           has_form_tag(cmark_node_get_literal(node))) {
			sg_error(d, file, line, col,
			         "a form's text cannot hold a <form> tag: the browser would send the fields of the form with it; "
			         "remove the tag");
			drop = true;
		} else if (t == CMARK_NODE_TEXT) {
			/* a character reference such as &#7; makes a control character, which
			 * would break the feeds: refused like one written into the file */
			unsigned cp;
			char *clean = without_refused(cmark_node_get_literal(node), &cp);
			if (clean) {
				if (!refuse_references(text, len, cmark_node_get_start_line(node), col, cmark_node_get_end_line(node),
				                       cmark_node_get_end_column(node), file, first_line, &refused, d)) {
					char why[300];
					sg_char_refusal(cp, why, sizeof why);
					sg_error(d, file, line, char_column(text, len, cmark_node_get_start_line(node), col),
					         "the text holds %s", why);
				}
				cmark_node_set_literal(node, clean);
				free(clean);
			}
		}
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			unsigned cp;
			for (int part = 0; part < 2; part++) {
				const char *s = part ? cmark_node_get_title(node) : cmark_node_get_url(node);
				char *clean = without_refused(s, &cp);
				if (!clean)
					continue;
				char why[300];
				sg_char_refusal(cp, why, sizeof why);
				sg_error(d, file, line, char_column(text, len, cmark_node_get_start_line(node), col),
				         "the %s's %s holds %s", t == CMARK_NODE_LINK ? _("link") : _("image"),
				         part ? _("title") : _("address"), why);
				if (part)
					cmark_node_set_title(node, clean);
				else
					cmark_node_set_url(node, clean);
				free(clean);
			}
			const char *url = cmark_node_get_url(node);
			if (url && ref_kind(md->ref_prefixes, url) >= 0) {
				references++; /* resolved later, when the whole site is known */
			} else if (t == CMARK_NODE_IMAGE && url && is_remote(url)) {
				size_t url_len = strlen(url), cut = sg_utf8_prefix(url, url_len, 40);
				sg_warning(d, file, line, char_column(text, len, cmark_node_get_start_line(node), col),
				           "the image '%.*s%s' is left out: it is on another site, which the reader's browser would "
				           "contact; save the file in content/bilder/ and write ![what it shows](name.jpg)",
				           (int)cut, url, cut < url_len ? "…" : "");
				drop = true;
			} else if (t == CMARK_NODE_IMAGE && url && names_file(url) && in_table(node)) {
				sg_error(d, file, line, char_column(text, len, cmark_node_get_start_line(node), col),
				         "an image cannot stand in a table: put ![…](%s) on a line of its own before or after the "
				         "table",
				         url);
				drop = true;
			} else if (t == CMARK_NODE_IMAGE && url && names_file(url)) {
				/* replaced later by the caller's <picture> (sg_markdown_images) */
				md->images = sg_realloc(md->images, (md->n_images + 1) * sizeof *md->images);
				md->images[md->n_images++] =
				    (struct image_at){node, char_column(text, len, cmark_node_get_start_line(node), col)};
			} else if (url && !sg_url_is_safe(url)) {
				/* a long address is quoted by its first 40 characters, never cut inside one */
				size_t url_len = strlen(url), cut = sg_utf8_prefix(url, url_len, 40);
				sg_warning(d, file, line, col,
				           "the %s to '%.*s%s' is removed: addresses must start with https://, http://, mailto:, tel: or /",
				           t == CMARK_NODE_LINK ? _("link") : _("image"), (int)cut, url, cut < url_len ? "…" : "");
				drop = true;
			} else if (url && strncasecmp(url, "mailto:", 7) == 0) {
				/* only a plain address: '?bcc=…' or '%0A' would add mail headers */
				char why[400];
				if (!sg_email_valid(url + 7, why, sizeof why)) {
					sg_buf shown = SG_BUF_INIT;
					sg_shown(&shown, url);
					sg_error(d, file, line, char_column(text, len, cmark_node_get_start_line(node), col),
					         "the e-mail link '%s' is removed: %s", sg_buf_cstr(&shown), why);
					sg_buf_free(&shown);
					drop = true;
				}
			} else if (url && strncasecmp(url, "tel:", 4) == 0) {
				/* the number as a phone dials it: tel:+4633123456, no extension */
				char why[400];
				char *number = sg_phone_uri(url + 4, NULL, why, sizeof why);
				if (number) {
					char *tel = sg_asprintf("tel:%s", number);
					cmark_node_set_url(node, tel);
					free(tel);
					free(number);
				} else {
					sg_buf shown = SG_BUF_INIT;
					sg_shown(&shown, url);
					sg_error(d, file, line, char_column(text, len, cmark_node_get_start_line(node), col),
					         "the phone link '%s' is removed: %s", sg_buf_cstr(&shown), why);
					sg_buf_free(&shown);
					drop = true;
				}
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
	if (refused.count > MAX_REFUSED)
		sg_error(d, file, refused.more_line, refused.more_col,
		         "%zu more references to control characters in this text (only the first %d are listed); remove them",
		         refused.count - MAX_REFUSED, MAX_REFUSED);
	/* the last first: a node dropped inside another dropped one (a link or raw HTML in an
	 * image's description) goes before the one that holds it, which is then whole */
	for (size_t i = n; i-- > 0;) {
		cmark_node_type t = cmark_node_get_type(bad[i]);
		if (t == CMARK_NODE_LINK) {
			unwrap(bad[i]);
			continue;
		}
		/* an image in the description of an image removed goes with it */
		size_t kept = 0;
		for (size_t k = 0; k < md->n_images; k++) {
			cmark_node *p = md->images[k].node;
			while (p && p != bad[i])
				p = cmark_node_parent(p);
			if (!p)
				md->images[kept++] = md->images[k];
		}
		md->n_images = kept;
		cmark_node_free(bad[i]);
	}
	free(bad);
	/* nothing left to resolve: keep only the HTML (a big catalogue's memory is its texts) */
	if (!references && !md->n_images && opts && !opts->keep_document)
		sg_markdown_freeze(md);
	return md;
}

/* The text of node's children, as an image's description is read: the words without
 * their emphasis, a line break as a space (malloc'd). */
static char *plain_text(cmark_node *node)
{
	sg_buf b = SG_BUF_INIT;
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || n == node)
			continue;
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			sg_buf_puts(&b, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			sg_buf_putc(&b, ' ');
	}
	cmark_iter_free(it);
	return sg_buf_detach(&b);
}

size_t sg_markdown_images(sg_markdown *md, sg_image_html html_of, void *ctx)
{
	if (!md || !md->doc || !md->n_images)
		return 0;
	size_t count = 0;
	/* the last first: an image in another's description is replaced before the other
	 * (and its node freed) */
	for (size_t i = md->n_images; i-- > 0;) {
		cmark_node *img = md->images[i].node;
		char *alt = plain_text(img), *before = NULL, *after = NULL;
		int line = cmark_node_get_start_line(img) + md->first_line - 1;
		if (html_of(ctx, cmark_node_get_url(img), alt, md->file, line, md->images[i].col, &before, &after)) {
			/* the caller's markup around the description, which the renderers escape
			 * (HTML) or show as words (the e-mail's text) */
			cmark_node *custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, &checked_mem);
			cmark_node_set_on_enter(custom, before);
			cmark_node_set_on_exit(custom, after);
			cmark_node *text = cmark_node_new_with_mem(CMARK_NODE_TEXT, &checked_mem);
			cmark_node_set_literal(text, alt);
			cmark_node_append_child(custom, text);
			if (!cmark_node_insert_before(img, custom)) {
				/* a parent that takes no custom node (parse refuses images in tables): the
				 * image stays as cmark writes it rather than vanish */
				cmark_node_free(custom);
				free(alt), free(before), free(after);
				continue;
			}
			count++;
		}
		cmark_node_free(img);
		free(alt), free(before), free(after);
	}
	free(md->images);
	md->images = NULL;
	md->n_images = 0;
	return count;
}

void sg_markdown_resolve(sg_markdown *md, sg_ref_resolver resolve, void *ctx, sg_diags *d)
{
	if (!md || !md->doc) /* frozen: it had no references */
		return;
	size_t n = 0, cap = 8, cap_refs = 0;
	cmark_node **bad = sg_malloc(cap * sizeof *bad);
	cmark_iter *it = cmark_iter_new(md->doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
			continue;
		const char *url = cmark_node_get_url(node);
		long kind = url ? ref_kind(md->ref_prefixes, url) : -1;
		if (kind < 0)
			continue;
		char *why = NULL;
		const void *target = resolve(ctx, (size_t)kind, url + strlen(md->ref_prefixes[kind]), url, &why);
		if (target) {
			if (md->n_refs == cap_refs)
				md->refs = sg_realloc(md->refs, (cap_refs = cap_refs ? cap_refs * 2 : 4) * sizeof *md->refs);
			md->refs[md->n_refs++] = (resolved_ref){node, (size_t)kind, target};
			continue;
		}
		sg_error(d, md->file, cmark_node_get_start_line(node) + md->first_line - 1, cmark_node_get_start_column(node),
		         "%s", why ? why : _("unknown reference"));
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

size_t sg_markdown_n_refs(const sg_markdown *md) { return md ? md->n_refs : 0; }

const void *sg_markdown_ref(const sg_markdown *md, size_t i, size_t *kind)
{
	if (!md || i >= md->n_refs)
		return NULL;
	if (kind)
		*kind = md->refs[i].kind;
	return md->refs[i].target;
}

void sg_markdown_link(sg_markdown *md, sg_ref_url url_of, void *ctx)
{
	if (!md)
		return;
	for (size_t i = 0; i < md->n_refs; i++) {
		char *url = url_of(ctx, md->refs[i].kind, md->refs[i].target);
		cmark_node_set_url(md->refs[i].node, url);
		free(url);
	}
	free(md->refs);
	md->refs = NULL;
	md->n_refs = 0;
	if (!md->keep_document)
		sg_markdown_freeze(md);
}

void sg_markdown_free(sg_markdown *md)
{
	if (!md)
		return;
	if (md->doc) /* cmark_node_free does not take NULL */
		cmark_node_free(md->doc);
	free(md->html);
	free(md->refs);
	free(md->images);
	free(md);
}

const cmark_node *sg_markdown_doc(const sg_markdown *md) { return md ? md->doc : NULL; }

bool sg_markdown_is_empty(const sg_markdown *md)
{
	if (!md)
		return true;
	return md->doc ? !cmark_node_first_child(md->doc) : !*md->html;
}

void sg_markdown_freeze(sg_markdown *md)
{
	if (!md || !md->doc)
		return;
	free(md->refs); /* their nodes go with the document: links not written stay as they are */
	md->refs = NULL;
	md->n_refs = 0;
	free(md->images); /* likewise: an image not replaced stays an <img> */
	md->images = NULL;
	md->n_images = 0;
	md->html = render_html(md, md->doc);
	cmark_node_free(md->doc);
	md->doc = NULL;
}

void sg_markdown_render(const sg_markdown *md, sg_buf *out)
{
	if (!md)
		return;
	if (md->html) {
		sg_buf_puts(out, md->html);
		return;
	}
	char *html = render_html(md, md->doc);
	sg_buf_puts(out, html);
	free(html);
}

/* The page HTML of doc; its memory is sofgen's (checked_mem), freed with free(). */
static char *render_html(const sg_markdown *md, cmark_node *doc)
{
	/* alignment as style="text-align: …", not the obsolete align attribute */
	int opts = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (md->allow_html ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT);
	char *html = cmark_render_html_with_mem(doc, opts, NULL,
	                                        &checked_mem);
	return with_captions(html);
}
