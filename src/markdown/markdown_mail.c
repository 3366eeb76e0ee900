/* markdown_mail.c — Markdown bodies as e-mail: wrapped plain text and inline-styled
 * HTML (see markdown_mail.h). Both walk the document with one cmark_iter, so deep
 * nesting costs heap, not stack; neither changes the document. */
#include "markdown_mail.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/escape.h"

/* ---- addresses ---------------------------------------------------------------- */

typedef struct url_base {
	const char *s;     /* base itself */
	size_t origin_len; /* "https://example.se" */
	size_t path_len;   /* "/varend" after the origin, without trailing '/'; may be 0 */
	size_t scheme_len; /* "https:" including the ':'; 0 when base has no "://" */
} url_base;

static url_base S_base(const char *base)
{
	url_base b = {"", 0, 0, 0};
	if (!base)
		return b;
	size_t n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	size_t host = 0;
	const char *sep = strstr(base, "://");
	if (sep && (size_t)(sep - base) < n) {
		b.scheme_len = (size_t)(sep - base) + 1;
		host = b.scheme_len + 2;
	}
	size_t p = host;
	while (p < n && base[p] != '/')
		p++;
	b.s = base;
	b.origin_len = p;
	b.path_len = n - p;
	return b;
}

/* Can this byte stand in a URL as it is? (cmark's href escaping keeps the same set.) */
static bool S_url_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr("-._~:/?#[]@!$&'()*+,;=%", ch));
}

/* Appends url made absolute against b (rules in markdown_mail.h), percent-encoded. */
static void S_absolute(const url_base *b, const char *url, sg_buf *out)
{
	if (url[0] == '/' && url[1] == '/') {
		sg_buf_put(out, b->s, b->scheme_len);
	} else if (url[0] == '/') {
		sg_buf_put(out, b->s, b->origin_len);
		const char *path = b->s + b->origin_len;
		size_t n = b->path_len;
		bool has_path = n == 0 || (strncmp(url, path, n) == 0 && strchr("/?#", url[n]));
		if (!has_path)
			sg_buf_put(out, path, n);
	}
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (S_url_byte(*p)) {
			sg_buf_putc(out, (char)*p);
		} else {
			char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			sg_buf_put(out, esc, 3);
		}
	}
}

/* The address of a link or image, or NULL when it should keep only its text. */
static const char *S_link_url(cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	return url && *url && sg_url_is_safe(url) ? url : NULL;
}

/* ---- columns -------------------------------------------------------------------- */

/* Decodes the character at s[0..len) (len > 0) into *cp; returns its byte length.
 * A malformed byte is one character of its own. */
static size_t S_decode(const char *str, size_t len, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : s[0] >= 0xE0 && s[0] < 0xF0 ? 3
	                                                      : s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : 0;
	if (n == 0 || n > len) {
		*cp = 0xFFFD;
		return 1;
	}
	unsigned c = n == 1 ? s[0] : n == 2 ? s[0] & 0x1Fu : n == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = c << 6 | (s[i] & 0x3Fu);
	}
	*cp = c;
	return n;
}

/* Combining marks, zero-width spaces and joiners, variation selectors take no column. */
static size_t S_cp_cols(unsigned cp)
{
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	    (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x2060)
		return 0;
	return 1;
}

static size_t S_cols(const char *s, size_t len)
{
	size_t cols = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		i += S_decode(s + i, len - i, &cp);
		cols += S_cp_cols(cp);
	}
	return cols;
}

/* ---- plain text --------------------------------------------------------------- */

/* How a word is joined to the one before it. Ordered: a stronger one wins. */
enum { SEP_NONE, SEP_GLUE /* a space that never breaks */, SEP_SPACE, SEP_HARD /* a line break */ };

typedef struct word {
	size_t off, len; /* in text_ctx.text */
	int sep;
} word;

/* One level of nesting: a block quote, a list (adds nothing) or a list item. */
typedef struct level {
	char first[24]; /* before the level's first line: "> ", "- ", "12. ", "" */
	char rest[24];  /* before its other lines: "> " or spaces as wide as `first` */
	bool pending;   /* the first line is still to come */
	bool tight, ordered;
	long number; /* a list's next item number */
} level;

typedef struct text_ctx {
	sg_buf *out;
	int width;
	url_base base;
	level *lv;
	size_t depth, lv_cap;
	bool blank;         /* a blank line goes before the next line */
	size_t blank_depth; /* … with the prefix of this many levels */
	size_t lines;       /* lines written */
	sg_buf text;        /* the words of the paragraph or heading being collected */
	word *words;
	size_t nwords, words_cap;
	int pend; /* separator before the next character */
	char **urls;
	size_t nurls, urls_cap;
	sg_buf line, prefix, url;
} text_ctx;

/* The widest prefix: deeper levels add nothing, so a line always has room. */
static size_t S_max_prefix(const text_ctx *c) { return c->width > 0 ? (size_t)c->width / 2 : 40; }

static size_t S_avail(const text_ctx *c)
{
	if (c->width <= 0)
		return SIZE_MAX / 4;
	size_t w = 0, max = S_max_prefix(c);
	for (size_t i = 0; i < c->depth; i++) {
		size_t n = strlen(c->lv[i].rest);
		if (w + n > max)
			break;
		w += n;
	}
	return (size_t)c->width - w;
}

/* Appends the prefix without its trailing spaces. */
static void S_put_trimmed(sg_buf *out, const sg_buf *prefix)
{
	size_t n = prefix->len;
	while (n > 0 && prefix->ptr[n - 1] == ' ')
		n--;
	sg_buf_put(out, prefix->ptr, n);
}

/* Writes one line of content (no newline in it) with the prefixes of all levels. */
static void S_emit(text_ctx *c, const char *s, size_t len)
{
	size_t max = S_max_prefix(c), w = 0;
	if (c->blank) {
		/* a blank line belongs to the innermost level holding the blocks on both sides */
		c->blank = false;
		bool drop = false;
		sg_buf_clear(&c->prefix);
		for (size_t i = 0; i < c->blank_depth && i < c->depth; i++) {
			size_t n = strlen(c->lv[i].rest);
			if (w + n > max)
				break;
			drop |= c->lv[i].pending; /* never between a list marker and its text */
			sg_buf_put(&c->prefix, c->lv[i].rest, n);
			w += n;
		}
		if (!drop) {
			S_put_trimmed(c->out, &c->prefix);
			sg_buf_putc(c->out, '\n');
		}
	}
	sg_buf_clear(&c->prefix);
	w = 0;
	bool full = false; /* from the first level that does not fit, levels add nothing */
	for (size_t i = 0; i < c->depth; i++) {
		level *l = &c->lv[i];
		const char *p = l->pending ? l->first : l->rest;
		size_t n = strlen(p);
		full = full || w + n > max;
		if (!full) {
			sg_buf_put(&c->prefix, p, n);
			w += n;
		}
		l->pending = false;
	}
	if (len == 0) {
		S_put_trimmed(c->out, &c->prefix);
	} else {
		sg_buf_put(c->out, c->prefix.ptr, c->prefix.len);
		sg_buf_put(c->out, s, len);
	}
	sg_buf_putc(c->out, '\n');
	c->lines++;
}

static void S_want_blank(text_ctx *c)
{
	if (!c->lines)
		return;
	if (!c->blank || c->depth < c->blank_depth)
		c->blank_depth = c->depth;
	c->blank = true;
}

/* Enters a level whose first line starts with `first`; the other lines start with the
 * same (a quote's "> ") or with as many spaces (a list item's hanging indentation). */
static level *S_push(text_ctx *c, const char *first, bool repeat)
{
	if (c->depth == c->lv_cap) {
		c->lv_cap = c->lv_cap ? 2 * c->lv_cap : 8;
		c->lv = sg_realloc(c->lv, c->lv_cap * sizeof *c->lv);
	}
	level *l = &c->lv[c->depth++];
	memset(l, 0, sizeof *l);
	size_t n = strlen(first);
	memcpy(l->first, first, n + 1);
	if (repeat)
		memcpy(l->rest, first, n + 1);
	else
		memset(l->rest, ' ', n);
	l->pending = n > 0;
	return l;
}

static void S_pop(text_ctx *c)
{
	c->depth--;
	if (c->blank && c->blank_depth > c->depth)
		c->blank_depth = c->depth;
}

/* Adds text to the words being collected: runs of spaces separate words. */
static void S_add(text_ctx *c, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			if (c->pend < SEP_SPACE)
				c->pend = SEP_SPACE;
			continue;
		}
		if (c->nwords == 0 || c->pend != SEP_NONE) {
			if (c->nwords == c->words_cap) {
				c->words_cap = c->words_cap ? 2 * c->words_cap : 64;
				c->words = sg_realloc(c->words, c->words_cap * sizeof *c->words);
			}
			c->words[c->nwords++] = (word){c->text.len, 0, c->pend};
			c->pend = SEP_NONE;
		}
		sg_buf_putc(&c->text, ch);
		c->words[c->nwords - 1].len++;
	}
}

static void S_adds(text_ctx *c, const char *s) { S_add(c, s, strlen(s)); }

static void S_sep(text_ctx *c, int sep)
{
	if (c->pend < sep)
		c->pend = sep;
}

/* The number of an absolute URL in the list at the end, adding it when new. */
static size_t S_link_number(text_ctx *c, const char *url)
{
	sg_buf_clear(&c->url);
	S_absolute(&c->base, url, &c->url);
	const char *abs = sg_buf_cstr(&c->url);
	for (size_t i = 0; i < c->nurls; i++)
		if (strcmp(c->urls[i], abs) == 0)
			return i + 1;
	if (c->nurls == c->urls_cap) {
		c->urls_cap = c->urls_cap ? 2 * c->urls_cap : 8;
		c->urls = sg_realloc(c->urls, c->urls_cap * sizeof *c->urls);
	}
	c->urls[c->nurls++] = sg_strdup(abs);
	return c->nurls;
}

/* Is this a word never cut: a URL or an e-mail address? */
static bool S_uncuttable(const char *s, size_t len)
{
	if (len >= 4 && memcmp(s, "www.", 4) == 0)
		return true;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '@' || (s[i] == ':' && i + 2 < len && s[i + 1] == '/' && s[i + 2] == '/'))
			return true;
	return false;
}

/* The line being filled while words are wrapped. */
typedef struct wrap {
	text_ctx *c;
	size_t avail, col, widest;
	bool open; /* the line has a word */
} wrap;

static void S_wrap_newline(wrap *w)
{
	S_emit(w->c, w->c->line.ptr, w->c->line.len);
	if (w->col > w->widest)
		w->widest = w->col;
	sg_buf_clear(&w->c->line);
	w->col = 0;
	w->open = false;
}

static void S_wrap_put(wrap *w, const word *wd, size_t cols)
{
	if (w->open) {
		sg_buf_putc(&w->c->line, ' ');
		w->col++;
	}
	sg_buf_put(&w->c->line, w->c->text.ptr + wd->off, wd->len);
	w->col += cols;
	w->open = true;
}

/* Places one word where it fits; one wider than a whole line is cut at the width. */
static void S_wrap_word(wrap *w, const word *wd)
{
	const char *s = w->c->text.ptr + wd->off;
	size_t cols = S_cols(s, wd->len);
	if (w->open && w->col + 1 + cols <= w->avail) {
		S_wrap_put(w, wd, cols);
		return;
	}
	if (w->open)
		S_wrap_newline(w);
	if (cols <= w->avail || S_uncuttable(s, wd->len)) {
		S_wrap_put(w, wd, cols);
		return;
	}
	for (size_t i = 0; i < wd->len;) {
		unsigned cp;
		size_t n = S_decode(s + i, wd->len - i, &cp), cw = S_cp_cols(cp);
		if (w->col + cw > w->avail)
			S_wrap_newline(w);
		sg_buf_put(&w->c->line, s + i, n);
		w->col += cw;
		w->open = true;
		i += n;
	}
}

/* Writes the collected words as wrapped lines; returns the widest line's columns. */
static size_t S_flush(text_ctx *c)
{
	wrap w = {c, S_avail(c), 0, 0, false};
	sg_buf_clear(&c->line);
	for (size_t i = 0; i < c->nwords;) {
		/* a group: words joined by spaces that never break (a link's text and its [n]) */
		size_t j = i + 1, gw = S_cols(c->text.ptr + c->words[i].off, c->words[i].len);
		for (; j < c->nwords && c->words[j].sep == SEP_GLUE; j++)
			gw += 1 + S_cols(c->text.ptr + c->words[j].off, c->words[j].len);
		if (c->words[i].sep == SEP_HARD && w.open)
			S_wrap_newline(&w);
		if (w.open && w.col + 1 + gw > w.avail && gw <= w.avail)
			S_wrap_newline(&w);
		if ((w.open ? w.col + 1 : 0) + gw <= w.avail) {
			for (size_t k = i; k < j; k++)
				S_wrap_put(&w, &c->words[k], S_cols(c->text.ptr + c->words[k].off, c->words[k].len));
		} else {
			for (size_t k = i; k < j; k++)
				S_wrap_word(&w, &c->words[k]);
		}
		i = j;
	}
	if (w.open)
		S_wrap_newline(&w);
	c->nwords = 0;
	c->pend = SEP_NONE;
	sg_buf_clear(&c->text);
	return w.widest;
}

/* Is this paragraph directly in an item of a tight list? */
static bool S_in_tight_item(cmark_node *node)
{
	cmark_node *item = cmark_node_parent(node);
	if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return false;
	cmark_node *list = cmark_node_parent(item);
	return list && cmark_node_get_list_tight(list);
}

static void S_code_block(text_ctx *c, const char *code)
{
	while (*code) {
		const char *nl = strchr(code, '\n');
		size_t n = nl ? (size_t)(nl - code) : strlen(code);
		sg_buf_clear(&c->line);
		if (n > 0) {
			sg_buf_puts(&c->line, "    ");
			sg_buf_put(&c->line, code, n);
		}
		S_emit(c, c->line.ptr, c->line.len);
		code += nl ? n + 1 : n;
	}
}

/* A link whose text is its address (an autolink, "https://…" in the text): the
 * text already shows it, so it gets no number in the list of links. */
static bool S_shows_its_url(cmark_node *node, const char *url)
{
	cmark_node *child = cmark_node_first_child(node);
	if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT)
		return false;
	const char *text = cmark_node_get_literal(child);
	return text && (strcmp(text, url) == 0 ||
	                (strncmp(url, "mailto:", 7) == 0 && strcmp(text, url + 7) == 0));
}

/* The GFM extensions' nodes, whose types libcmark-gfm numbers at run time. */
typedef enum { GFM_NONE, GFM_TABLE, GFM_ROW, GFM_CELL, GFM_STRIKE } gfm_kind;
static gfm_kind S_gfm(cmark_node *node)
{
	const char *t = cmark_node_get_type_string(node);
	if (!t || strncmp(t, "table", 5) != 0)
		return t && strcmp(t, "strikethrough") == 0 ? GFM_STRIKE : GFM_NONE;
	if (strcmp(t, "table") == 0)
		return GFM_TABLE;
	return strcmp(t, "table_cell") == 0 ? GFM_CELL : GFM_ROW; /* "table_row", "table_header" */
}

/* A table as text: a line per row, the cells apart by " | ", a blank line around. */
static void S_text_table(text_ctx *c, cmark_node *node, bool enter, gfm_kind k)
{
	switch (k) {
	case GFM_TABLE:
		if (!enter)
			S_want_blank(c);
		break;
	case GFM_ROW:
		if (!enter)
			S_flush(c);
		break;
	case GFM_CELL:
		if (enter && cmark_node_previous(node)) {
			S_sep(c, SEP_SPACE);
			S_adds(c, "|");
			S_sep(c, SEP_SPACE);
		}
		break;
	default: break;
	}
}

static void S_text_node(text_ctx *c, cmark_node *node, bool enter, size_t *block_start)
{
	cmark_node_type t = cmark_node_get_type(node);
	switch (t) {
	case CMARK_NODE_BLOCK_QUOTE:
		if (enter) {
			S_push(c, "> ", true);
		} else {
			S_pop(c);
			S_want_blank(c);
		}
		break;
	case CMARK_NODE_LIST:
		if (enter) {
			level *l = S_push(c, "", false);
			l->tight = cmark_node_get_list_tight(node);
			l->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
			l->number = cmark_node_get_list_start(node);
		} else {
			S_pop(c);
			S_want_blank(c);
		}
		break;
	case CMARK_NODE_ITEM:
		if (enter) {
			level *list = c->depth ? &c->lv[c->depth - 1] : NULL;
			char mark[24] = "- ";
			if (list && list->tight && cmark_node_previous(node))
				c->blank = false;
			if (list && list->ordered)
				snprintf(mark, sizeof mark, "%ld. ", list->number++);
			S_push(c, mark, false);
		} else {
			if (c->lv[c->depth - 1].pending)
				S_emit(c, "", 0); /* an empty item still shows its marker */
			S_pop(c);
		}
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING: {
		if (enter) {
			*block_start = c->lines;
			break;
		}
		size_t widest = S_flush(c);
		if (t == CMARK_NODE_HEADING && widest > 0) {
			char ch = cmark_node_get_heading_level(node) <= 2 ? '=' : '-';
			sg_buf_clear(&c->line);
			for (size_t i = 0; i < widest; i++)
				sg_buf_putc(&c->line, ch);
			S_emit(c, c->line.ptr, c->line.len);
		}
		if (c->lines > *block_start && (t == CMARK_NODE_HEADING || !S_in_tight_item(node)))
			S_want_blank(c);
		break;
	}
	case CMARK_NODE_CODE_BLOCK:
		S_code_block(c, cmark_node_get_literal(node));
		S_want_blank(c);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		S_emit(c, "* * *", 5);
		S_want_blank(c);
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		S_adds(c, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
		S_sep(c, SEP_SPACE);
		break;
	case CMARK_NODE_LINEBREAK:
		S_sep(c, SEP_HARD);
		break;
	case CMARK_NODE_EMPH:
		S_adds(c, "_");
		break;
	case CMARK_NODE_STRONG:
		S_adds(c, "*");
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		if (!enter) {
			const char *url = S_link_url(node);
			if (!url || S_shows_its_url(node, url))
				break;
			char mark[32];
			snprintf(mark, sizeof mark, "[%zu]", S_link_number(c, url));
			if (c->pend == SEP_NONE && c->nwords > 0)
				c->pend = SEP_GLUE;
			S_adds(c, mark);
		}
		break;
	default: /* document, raw HTML, custom nodes, the GFM extensions' */
		S_text_table(c, node, enter, S_gfm(node));
		break;
	}
}

void sg_markdown_render_text(const sg_markdown *md, int width, const char *base, sg_buf *out)
{
	cmark_node *doc = (cmark_node *)sg_markdown_doc(md); /* only read */
	if (!doc)
		return;
	text_ctx c;
	memset(&c, 0, sizeof c);
	c.out = out;
	c.width = width;
	c.base = S_base(base);
	sg_buf_init(&c.text);
	sg_buf_init(&c.line);
	sg_buf_init(&c.prefix);
	sg_buf_init(&c.url);

	size_t block_start = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		S_text_node(&c, cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER, &block_start);
	cmark_iter_free(it);

	if (c.nurls && c.lines)
		sg_buf_putc(out, '\n');
	for (size_t i = 0; i < c.nurls; i++) {
		sg_buf_printf(out, "[%zu] %s\n", i + 1, c.urls[i]);
		free(c.urls[i]);
	}
	free(c.urls);
	free(c.words);
	free(c.lv);
	sg_buf_free(&c.text);
	sg_buf_free(&c.line);
	sg_buf_free(&c.prefix);
	sg_buf_free(&c.url);
}

/* ---- HTML for mail ------------------------------------------------------------- */

#define FONT "font-family:Arial, Helvetica, sans-serif;"
#define BODY FONT "font-size:16px;line-height:24px;color:#222222;"
#define MONO "font-family:'Courier New', Courier, monospace;"

static const char ST_P[] = "margin:0 0 16px 0;" BODY;
static const char ST_H2[] = "margin:24px 0 12px 0;" FONT "font-size:22px;line-height:28px;font-weight:bold;"
                            "color:#222222;";
static const char ST_H3[] = "margin:20px 0 8px 0;" FONT "font-size:18px;line-height:24px;font-weight:bold;"
                            "color:#222222;";
static const char ST_LIST[] = "margin:0 0 16px 24px;padding:0;" BODY;
static const char ST_LI[] = "margin:0 0 8px 0;" BODY;
static const char ST_QUOTE[] = "margin:0 0 16px 0;padding:0 0 0 12px;border-left:4px solid #cccccc;" FONT;
static const char ST_PRE[] = "margin:0 0 16px 0;padding:8px;background-color:#f4f4f4;" MONO
                             "font-size:14px;line-height:20px;color:#222222;white-space:pre-wrap;";
static const char ST_CODE[] = MONO "font-size:15px;";
static const char ST_A[] = "color:#0a4f8a;text-decoration:underline;";
static const char ST_STRONG[] = "font-weight:bold;";
static const char ST_EM[] = "font-style:italic;";
static const char ST_HR[] = "border:0;border-top:1px solid #cccccc;height:1px;margin:24px 0;";
static const char ST_TABLE[] = "border-collapse:collapse;margin:0 0 16px 0;font-size:16px;line-height:24px;";
static const char ST_TH[] = "border:1px solid #cccccc;padding:4px 8px;text-align:left;font-weight:bold;";
static const char ST_TD[] = "border:1px solid #cccccc;padding:4px 8px;text-align:left;";
static const char ST_TD_RIGHT[] = "border:1px solid #cccccc;padding:4px 8px;text-align:right;";
static const char ST_IMG[] = "display:block;max-width:100%;height:auto;border:0;";

static void S_esc(sg_buf *out, const char *s) { sg_escape_html(out, s, strlen(s)); }

/* Starts a block on a line of its own (cmark's "cr"). */
static void S_cr(sg_buf *out)
{
	if (out->len && out->ptr[out->len - 1] != '\n')
		sg_buf_putc(out, '\n');
}

static void S_open(sg_buf *out, const char *tag, const char *style)
{
	sg_buf_printf(out, "<%s style=\"%s\">", tag, style);
}

static void S_href(sg_buf *out, const url_base *b, const char *url, sg_buf *tmp)
{
	sg_buf_clear(tmp);
	S_absolute(b, url, tmp);
	sg_escape_html(out, tmp->ptr, tmp->len);
}

typedef struct html_ctx {
	sg_buf *out;
	url_base base;
	sg_buf tmp;
	cmark_node *image; /* inside an image: only its text, as the alt attribute */
} html_ctx;

/* Tables with header cells (scope="col") and strikethrough, styled inline. */
static void S_html_gfm(html_ctx *h, cmark_node *node, bool enter)
{
	sg_buf *out = h->out;
	switch (S_gfm(node)) {
	case GFM_TABLE:
		S_cr(out);
		if (enter)
			sg_buf_printf(out, "<table style=\"%s\">\n", ST_TABLE);
		else
			sg_buf_puts(out, "</table>\n");
		break;
	case GFM_ROW:
		if (enter)
			S_cr(out);
		sg_buf_puts(out, enter ? "<tr>" : "</tr>\n");
		break;
	case GFM_CELL: {
		cmark_node *row = cmark_node_parent(node);
		bool header = row && cmark_gfm_extensions_get_table_row_is_header(row);
		if (!enter) {
			sg_buf_puts(out, header ? "</th>" : "</td>");
			break;
		}
		size_t col = 0;
		for (cmark_node *p = cmark_node_previous(node); p; p = cmark_node_previous(p))
			col++;
		cmark_node *table = row ? cmark_node_parent(row) : NULL;
		uint8_t *align = table ? cmark_gfm_extensions_get_table_alignments(table) : NULL;
		bool right = align && col < cmark_gfm_extensions_get_table_columns(table) && align[col] == 'r';
		if (header)
			sg_buf_printf(out, "<th scope=\"col\" style=\"%s\">", ST_TH);
		else
			sg_buf_printf(out, "<td style=\"%s\">", right ? ST_TD_RIGHT : ST_TD);
		break;
	}
	case GFM_STRIKE:
		sg_buf_puts(out, enter ? "<del>" : "</del>");
		break;
	case GFM_NONE: break;
	}
}

static void S_html_node(html_ctx *h, cmark_node *node, bool enter)
{
	sg_buf *out = h->out;
	cmark_node_type t = cmark_node_get_type(node);
	if (h->image && node != h->image) {
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			S_esc(out, cmark_node_get_literal(node));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			sg_buf_putc(out, ' ');
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
		if (!cmark_node_first_child(node) || S_in_tight_item(node))
			break;
		if (enter) {
			S_cr(out);
			S_open(out, "p", ST_P);
		} else {
			sg_buf_puts(out, "</p>\n");
		}
		break;
	case CMARK_NODE_HEADING: {
		const char *tag = cmark_node_get_heading_level(node) <= 2 ? "h2" : "h3";
		if (enter) {
			S_cr(out);
			S_open(out, tag, tag[1] == '2' ? ST_H2 : ST_H3);
		} else {
			sg_buf_printf(out, "</%s>\n", tag);
		}
		break;
	}
	case CMARK_NODE_BLOCK_QUOTE:
		S_cr(out);
		if (enter) {
			S_open(out, "blockquote", ST_QUOTE);
			sg_buf_putc(out, '\n');
		} else {
			sg_buf_puts(out, "</blockquote>\n");
		}
		break;
	case CMARK_NODE_LIST: {
		bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
		S_cr(out);
		if (!enter) {
			sg_buf_puts(out, ordered ? "</ol>\n" : "</ul>\n");
			break;
		}
		int start = cmark_node_get_list_start(node);
		if (ordered && start != 1)
			sg_buf_printf(out, "<ol start=\"%d\" style=\"%s\">\n", start, ST_LIST);
		else
			sg_buf_printf(out, "<%s style=\"%s\">\n", ordered ? "ol" : "ul", ST_LIST);
		break;
	}
	case CMARK_NODE_ITEM:
		if (enter) {
			S_cr(out);
			S_open(out, "li", ST_LI);
		} else {
			sg_buf_puts(out, "</li>\n");
		}
		break;
	case CMARK_NODE_CODE_BLOCK:
		S_cr(out);
		S_open(out, "pre", ST_PRE);
		S_esc(out, cmark_node_get_literal(node));
		sg_buf_puts(out, "</pre>\n");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		S_cr(out);
		sg_buf_printf(out, "<hr style=\"%s\">\n", ST_HR);
		break;
	case CMARK_NODE_TEXT:
		S_esc(out, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_CODE:
		S_open(out, "code", ST_CODE);
		S_esc(out, cmark_node_get_literal(node));
		sg_buf_puts(out, "</code>");
		break;
	case CMARK_NODE_SOFTBREAK:
		sg_buf_putc(out, '\n');
		break;
	case CMARK_NODE_LINEBREAK:
		sg_buf_puts(out, "<br>\n");
		break;
	case CMARK_NODE_EMPH:
		if (enter)
			S_open(out, "em", ST_EM);
		else
			sg_buf_puts(out, "</em>");
		break;
	case CMARK_NODE_STRONG:
		if (enter)
			S_open(out, "strong", ST_STRONG);
		else
			sg_buf_puts(out, "</strong>");
		break;
	case CMARK_NODE_LINK: {
		const char *url = S_link_url(node);
		if (!url)
			break;
		if (!enter) {
			sg_buf_puts(out, "</a>");
			break;
		}
		sg_buf_puts(out, "<a href=\"");
		S_href(out, &h->base, url, &h->tmp);
		const char *title = cmark_node_get_title(node);
		if (title && *title) {
			sg_buf_puts(out, "\" title=\"");
			S_esc(out, title);
		}
		sg_buf_printf(out, "\" style=\"%s\">", ST_A);
		break;
	}
	case CMARK_NODE_IMAGE: {
		const char *url = S_link_url(node);
		if (enter) {
			h->image = node;
			if (url) {
				sg_buf_puts(out, "<img src=\"");
				S_href(out, &h->base, url, &h->tmp);
				sg_buf_puts(out, "\" alt=\"");
			}
		} else {
			h->image = NULL;
			if (url)
				sg_buf_printf(out, "\" style=\"%s\">", ST_IMG);
		}
		break;
	}
	default: /* document, raw HTML, custom nodes, the GFM extensions' */
		S_html_gfm(h, node, enter);
		break;
	}
}

void sg_markdown_render_mail_html(const sg_markdown *md, const char *base, sg_buf *out)
{
	cmark_node *doc = (cmark_node *)sg_markdown_doc(md); /* only read */
	if (!doc)
		return;
	html_ctx h = {out, S_base(base), SG_BUF_INIT, NULL};
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		S_html_node(&h, cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER);
	cmark_iter_free(it);
	sg_buf_free(&h.tmp);
}
