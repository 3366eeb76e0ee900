/* mustache_parse.c — template text → the flat node array of mustache_internal.h.
 * Three passes over the source, each linear:
 *   lex     splits it into text and tags, following set-delimiter tags, and pairs
 *           every section, inverted section, block and parent tag with its closing tag;
 *   layout  decides for each tag what whitespace around it is dropped (standalone
 *           lines), the intrinsic indentation of blocks and the indentation a
 *           standalone partial, parent or block passes on;
 *   build   emits the nodes and copies the text that is kept into the pool.
 * The first problem found is reported as file:line:col (1-based, columns counted in
 * characters) and parsing stops there. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/utf8.h"
#include "mustache_internal.h"
#include "../util/i18n.h"

#define NONE ((size_t)-1)
/* How much of a tag is quoted back in a message. */
#define QUOTE_MAX 60 /* characters */

typedef struct {
	char kind; /* 'T' text, 'v' {{x}}, '&' {{&x}} and {{{x}}}, or the sigil: # ^ / > < $ ! = */
	bool dynamic;        /* {{>*x}}, {{<*x}} */
	size_t start, end;   /* the text, or the whole tag with its delimiters */
	size_t name, name_len;
	size_t match;        /* the other tag of a pair */
	size_t encl;         /* the innermost open pair this tag is inside, or NONE */
	const char *otag, *ctag; /* the delimiters in effect, for messages */
	size_t olen, clen;
	/* layout */
	bool trim;           /* drop the whitespace before the tag, back to the line start */
	size_t skip;         /* the text resumes here (tag end, or past dropped whitespace) */
	bool standalone;     /* partial, parent, parameter block on a line of its own */
	bool pair;           /* parent, parameter block: the whole pair stands alone */
	size_t ind, ind_len; /* what a standalone tag indents its expansion by */
	size_t intr, intr_len; /* a block's intrinsic indentation, stripped from its lines */
} token;

typedef struct {
	const char *src;
	size_t len;
	const char *file;
	sg_diags *d;
	token *toks;
	size_t n_toks, cap_toks;
	sg_buf pool;
	mnode *nodes;
	size_t n_nodes, cap_nodes;
} parser;

static bool is_blank(char c) { return c == ' ' || c == '\t'; }
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

static void line_col(const char *s, size_t off, int *line, int *col)
{
	int l = 1;
	size_t ls = 0;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n')
			l++, ls = i + 1;
	int c = 1;
	for (size_t i = ls; i < off; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) /* not a UTF-8 continuation byte */
			c++;
	*line = l, *col = c;
}

static int line_of(const parser *P, size_t off)
{
	int line, col;
	line_col(P->src, off, &line, &col);
	return line;
}

static void error_at(parser *P, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void error_at(parser *P, size_t off, const char *fmt, ...)
{
	int line, col;
	line_col(P->src, off, &line, &col);
	sg_buf msg = SG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sg_buf_vprintf(&msg, _(fmt), ap); /* `make pot`: error_at is a keyword */
	va_end(ap);
	sg_error(P->d, P->file, line, col, "%s", sg_buf_cstr(&msg));
	sg_buf_free(&msg);
}

/* Length of a tag's source text as quoted in messages. */
/* How much of a tag a message quotes: at most QUOTE_MAX characters, never cut inside one. */
static int quote_len(const char *s, const token *t) { return (int)sg_utf8_prefix(s + t->start, t->end - t->start, QUOTE_MAX); }

static const char *pair_word(char kind)
{
	switch (kind) {
	case '^': return _("inverted section");
	case '$': return _("block");
	case '<': return _("parent");
	default: return _("section");
	}
}

static token *push_token(parser *P)
{
	if (P->n_toks == P->cap_toks) {
		P->cap_toks = P->cap_toks ? P->cap_toks * 2 : 64;
		P->toks = sg_realloc(P->toks, P->cap_toks * sizeof *P->toks);
	}
	token *t = &P->toks[P->n_toks++];
	memset(t, 0, sizeof *t);
	t->match = t->encl = NONE;
	return t;
}

/* The first needle[0, m) in hay[0, n), or NULL (m >= 1; delimiters are short). */
static const char *find(const char *hay, size_t n, const char *needle, size_t m)
{
	const char *end = hay + n;
	while (m <= (size_t)(end - hay)) {
		const char *p = memchr(hay, needle[0], (size_t)(end - hay) - m + 1);
		if (!p)
			return NULL;
		if (memcmp(p, needle, m) == 0)
			return p;
		hay = p + 1;
	}
	return NULL;
}

/* Parses the inside of {{=<% %>=}}: two words without blanks or '='. */
static bool parse_delims(const char *s, size_t a, size_t b, size_t *o, size_t *olen, size_t *c, size_t *clen)
{
	while (a < b && is_space(s[a]))
		a++;
	while (b > a && is_space(s[b - 1]))
		b--;
	size_t m = a;
	while (m < b && !is_space(s[m]))
		m++;
	size_t n = m;
	while (n < b && is_space(s[n]))
		n++;
	if (m == a || n == b)
		return false;
	for (size_t i = n; i < b; i++)
		if (is_space(s[i]))
			return false;
	for (size_t i = a; i < b; i++)
		if (s[i] == '=')
			return false;
	*o = a, *olen = m - a, *c = n, *clen = b - n;
	return true;
}

/* Pass 1: tokens, with the pairs matched. Returns false after reporting an error. */
static bool lex(parser *P)
{
	const char *s = P->src;
	size_t len = P->len;
	const char *otag = "{{", *ctag = "}}";
	size_t olen = 2, clen = 2;
	size_t open[SG_TPL_MAX_NESTING];
	size_t depth = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *o = find(s + pos, len - pos, otag, olen);
		size_t ts = o ? (size_t)(o - s) : len;
		if (ts > pos) {
			token *t = push_token(P);
			t->kind = 'T', t->start = pos, t->end = ts;
		}
		if (!o)
			break;

		size_t p = ts + olen; /* just past the opening delimiter */
		char sig = p < len ? s[p] : '\0';
		size_t cs, ce, end; /* content and tag end */
		char kind;
		if (sig == '!' || sig == '=') {
			/* comments may span lines; delimiter tags end with '=' + ctag */
			const char *q = find(s + p + 1, len - p - 1, ctag, clen);
			if (!q) {
				error_at(P, ts, "unclosed tag: missing %.*s", (int)clen, ctag);
				return false;
			}
			kind = sig, cs = p + 1, ce = (size_t)(q - s), end = ce + clen;
		} else {
			/* every other tag ends on its own line, before the next opening delimiter */
			bool triple = sig == '{';
			kind = triple ? '&' : strchr("#^/><$&", sig) && sig ? sig : 'v';
			cs = kind == 'v' ? p : p + 1;
			const char *q = NULL;
			for (size_t from = cs; from < len;) {
				q = find(s + from, len - from, ctag, clen);
				if (!q || !triple || ((size_t)(q - s) > cs && q[-1] == '}'))
					break;
				from = (size_t)(q - s) + 1;
				q = NULL;
			}
			if (!q || memchr(s + cs, '\n', (size_t)(q - s) - cs) || find(s + cs, (size_t)(q - s) - cs, otag, olen)) {
				error_at(P, ts, "unclosed tag: missing %s%.*s", triple ? "}" : "", (int)clen, ctag);
				return false;
			}
			ce = (size_t)(q - s) - (triple ? 1 : 0);
			end = (size_t)(q - s) + clen;
		}

		token *t = push_token(P);
		t->kind = kind, t->start = ts, t->end = end;
		t->otag = otag, t->olen = olen, t->ctag = ctag, t->clen = clen;
		t->encl = depth ? open[depth - 1] : NONE;
		size_t k = P->n_toks - 1;

		if (kind == '=') {
			size_t no, nol, nc, ncl;
			if (ce == cs || s[ce - 1] != '=' || !parse_delims(s, cs, ce - 1, &no, &nol, &nc, &ncl)) {
				error_at(P, ts,
				         "invalid delimiter tag %.*s: write the two new delimiters between '=' signs, "
				         "separated by a space, as in %.*s=<%% %%>=%.*s",
				         quote_len(s, t), s + ts, (int)olen, otag, (int)clen, ctag);
				return false;
			}
			otag = s + no, olen = nol, ctag = s + nc, clen = ncl;
		}
		if (kind == '!' || kind == '=') {
			pos = end;
			continue;
		}

		/* the name: trimmed, with a leading '*' (dynamic) for partials and parents */
		while (cs < ce && is_space(s[cs]))
			cs++;
		while (ce > cs && is_space(s[ce - 1]))
			ce--;
		if ((kind == '>' || kind == '<' || kind == '/') && cs < ce && s[cs] == '*') {
			t->dynamic = true;
			cs++;
			while (cs < ce && is_space(s[cs]))
				cs++;
		}
		t->name = cs, t->name_len = ce - cs;
		if (cs == ce) {
			error_at(P, ts, "the tag %.*s has no name: write one between %.*s and %.*s", quote_len(s, t), s + ts,
			         (int)olen, otag, (int)clen, ctag);
			return false;
		}
		if (memchr(s + cs, '\0', ce - cs)) {
			error_at(P, ts, "the tag %.*s has a NUL byte in its name", quote_len(s, t), s + ts);
			return false;
		}
		for (size_t i = cs; i < ce; i++)
			if (is_space(s[i])) {
				error_at(P, ts, "the tag %.*s has a space in its name: names are single words like page.title",
				         quote_len(s, t), s + ts);
				return false;
			}

		if (kind == '#' || kind == '^' || kind == '$' || kind == '<') {
			if (depth == SG_TPL_MAX_NESTING) {
				error_at(P, ts, "sections, blocks and parents are nested more than %d deep here",
				         SG_TPL_MAX_NESTING);
				return false;
			}
			open[depth++] = k;
		} else if (kind == '/') {
			if (!depth) {
				error_at(P, ts, "%.*s closes nothing: no %.*s#%.*s%.*s is open here (remove it, or add the opening tag)",
				         quote_len(s, t), s + ts, (int)olen, otag, (int)t->name_len, s + t->name, (int)clen, ctag);
				return false;
			}
			token *op = &P->toks[open[depth - 1]];
			if (op->name_len != t->name_len || memcmp(s + op->name, s + t->name, t->name_len) != 0) {
				error_at(P, ts, "%.*s closes %.*s opened on line %d (expected %.*s/%s%.*s%.*s)", quote_len(s, t), s + ts,
				         quote_len(s, op), s + op->start, line_of(P, op->start), (int)op->olen, op->otag,
				         op->dynamic ? "*" : "", (int)op->name_len, s + op->name, (int)op->clen, op->ctag);
				return false;
			}
			op->match = k, t->match = open[--depth];
			t->encl = op->encl;
		}
		pos = end;
	}
	if (depth) {
		/* report the innermost: closing it may well close the others */
		const token *op = &P->toks[open[depth - 1]];
		error_at(P, op->start, "%s %.*s opened on line %d is never closed (add %.*s/%s%.*s%.*s)", pair_word(op->kind),
		         quote_len(s, op), s + op->start, line_of(P, op->start), (int)op->olen, op->otag, op->dynamic ? "*" : "",
		         (int)op->name_len, s + op->name, (int)op->clen, op->ctag);
		return false;
	}
	return true;
}

/* Where the line holding pos starts, if only blanks come before pos on it; else NONE. */
static size_t blank_before(const char *s, size_t pos)
{
	size_t i = pos;
	while (i > 0 && is_blank(s[i - 1]))
		i--;
	return i == 0 || s[i - 1] == '\n' ? i : NONE;
}

/* If only blanks follow pos up to the end of its line: the position just past the
 * line end (\n, \r\n or the end of the text), with *eol where the line end starts.
 * Otherwise NONE. */
static size_t blank_after(const char *s, size_t len, size_t pos, size_t *eol)
{
	size_t i = pos;
	while (i < len && is_blank(s[i]))
		i++;
	*eol = i;
	if (i == len)
		return len;
	if (s[i] == '\n')
		return i + 1;
	if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
		return i + 2;
	return NONE;
}

static size_t blank_run(const char *s, size_t len, size_t pos)
{
	size_t i = pos;
	while (i < len && is_blank(s[i]))
		i++;
	return i - pos;
}

static bool is_argument(const parser *P, const token *t)
{
	return t->kind == '$' && t->encl != NONE && P->toks[t->encl].kind == '<';
}

/* Pass 2: the whitespace rules. A tag other than an interpolation that is alone on its
 * line (blanks aside) is standalone: the line's blanks and line end are dropped. On
 * top of that, after the inheritance spec:
 * - A parent pair whose opening tag starts its line and whose closing tag ends its
 *   line is standalone as a whole: the blanks before it become the indentation of the
 *   parent's lines and the blanks and line end after it are dropped.
 * - Such a parameter block pair (a block that is not an argument of a parent) is
 *   standalone too, but keeps the line end after its closing tag unless that tag is
 *   itself alone on its line.
 * - An argument block (inside a parent) whose opening tag ends its line owns that line
 *   end; a blank run before its closing tag on the closing tag's line is dropped.
 * - A block whose opening tag ends its line, if it is an argument or standalone, has
 *   an intrinsic indentation: the blanks starting the next line. They are dropped from
 *   each line of its content, and a standalone parameter block indents what it expands
 *   to by that much. */
static void layout(parser *P)
{
	const char *s = P->src;
	size_t len = P->len;
	for (size_t k = 0; k < P->n_toks; k++) {
		token *t = &P->toks[k];
		t->skip = t->end;
		if (t->kind == 'T' || t->kind == 'v' || t->kind == '&')
			continue;
		size_t eol;
		size_t ls = blank_before(s, t->start);
		size_t after = blank_after(s, len, t->end, &eol);
		bool alone = ls != NONE && after != NONE;
		if (alone)
			t->trim = true, t->skip = after;
		switch (t->kind) {
		case '>':
			if (alone)
				t->standalone = true, t->ind = ls, t->ind_len = t->start - ls;
			break;
		case '<': {
			size_t ceol;
			t->pair = ls != NONE && blank_after(s, len, P->toks[t->match].end, &ceol) != NONE;
			if (t->pair)
				t->trim = true, t->standalone = true, t->ind = ls, t->ind_len = t->start - ls;
			break;
		}
		case '$':
			if (is_argument(P, t)) {
				t->trim = false;
				t->skip = after != NONE ? after : t->end;
				if (after != NONE)
					t->intr = after, t->intr_len = blank_run(s, len, after);
				break;
			}
			{
				size_t ceol;
				t->pair = ls != NONE && blank_after(s, len, P->toks[t->match].end, &ceol) != NONE;
			}
			if (t->pair)
				t->trim = true;
			if (alone || t->pair) {
				t->standalone = true;
				if (after != NONE) {
					t->intr = after, t->intr_len = blank_run(s, len, after);
					t->ind = t->intr, t->ind_len = t->intr_len;
				} else {
					t->ind = ls, t->ind_len = t->start - ls;
				}
			}
			break;
		case '/': {
			const token *op = &P->toks[t->match];
			if (is_argument(P, op)) {
				t->trim = ls != NONE;
			} else if (op->kind == '$') {
				if (!alone && op->pair)
					t->skip = eol; /* drop the blanks, keep the line end */
			} else if (op->kind == '<') {
				if (op->pair)
					t->skip = after;
			}
			break;
		}
		default: /* # ^ ! = */
			break;
		}
	}
}

static size_t add_node(parser *P, mnode_kind kind, unsigned flags, size_t off, size_t len)
{
	if (P->n_nodes == P->cap_nodes) {
		P->cap_nodes = P->cap_nodes ? P->cap_nodes * 2 : 32;
		P->nodes = sg_realloc(P->nodes, P->cap_nodes * sizeof *P->nodes);
	}
	size_t i = P->n_nodes++;
	P->nodes[i] = (mnode){.kind = (unsigned char)kind, .flags = (unsigned char)flags, .end = i + 1, .off = off, .len = len};
	return i;
}

typedef struct {
	size_t node;
	size_t strip, strip_len; /* the indentation dropped from each line inside, in src */
} frame;

typedef struct {
	bool bol;   /* the next output starts a line: a node here gets MF_BOL */
	bool fresh; /* the source is at a line start: the strip prefix may be dropped here */
	size_t strip, strip_len;
} cursor;

/* Copies src[a, b) to the pool, dropping the strip prefix at each line start. */
static void emit_text(parser *P, size_t a, size_t b, cursor *c)
{
	const char *s = P->src;
	size_t start = P->pool.len;
	bool bol = c->bol;
	size_t i = a;
	bool fresh = c->fresh;
	while (i < b) {
		if (fresh && c->strip_len && b - i >= c->strip_len && memcmp(s + i, s + c->strip, c->strip_len) == 0)
			i += c->strip_len;
		const char *nl = memchr(s + i, '\n', b - i);
		size_t e = nl ? (size_t)(nl - s) + 1 : b;
		sg_buf_put(&P->pool, s + i, e - i);
		i = e;
		fresh = nl != NULL;
	}
	c->fresh = fresh;
	if (P->pool.len > start) {
		add_node(P, MN_TEXT, bol ? MF_BOL : 0, start, P->pool.len - start);
		c->bol = P->pool.ptr[P->pool.len - 1] == '\n';
	}
}

/* The indentation src[off, off+len) as seen inside a region whose lines lose strip. */
static void unstrip(const parser *P, const cursor *c, size_t *off, size_t *len)
{
	if (c->strip_len && *len >= c->strip_len && memcmp(P->src + *off, P->src + c->strip, c->strip_len) == 0)
		*off += c->strip_len, *len -= c->strip_len;
}

/* Pass 3: nodes and pool. */
static void build(parser *P)
{
	const char *s = P->src;
	frame stack[SG_TPL_MAX_NESTING];
	size_t depth = 0;
	size_t skip_to = 0;
	cursor c = {.bol = true, .fresh = true};

	for (size_t k = 0; k < P->n_toks; k++) {
		const token *t = &P->toks[k];
		if (t->kind == 'T') {
			size_t a = t->start > skip_to ? t->start : skip_to, b = t->end;
			if (k + 1 < P->n_toks && P->toks[k + 1].trim) {
				size_t ls = blank_before(s, P->toks[k + 1].start);
				if (ls != NONE && ls < b)
					b = ls > a ? ls : a;
			}
			if (a < b)
				emit_text(P, a, b, &c);
			continue;
		}
		unsigned bol = c.bol ? MF_BOL : 0;
		size_t n;
		switch (t->kind) {
		case 'v':
		case '&':
			add_node(P, MN_VAR, bol | (t->kind == 'v' ? MF_ESCAPE : 0), t->name, t->name_len);
			c.bol = c.fresh = false;
			break;
		case '!':
		case '=':
			if (!t->trim)
				c.fresh = false;
			break;
		case '#':
		case '^':
			n = add_node(P, t->kind == '#' ? MN_SECTION : MN_INVERTED, t->trim ? 0 : bol, t->name, t->name_len);
			stack[depth++] = (frame){n, c.strip, c.strip_len};
			if (!t->trim)
				c.bol = c.fresh = false;
			break;
		case '>':
		case '<': {
			unsigned dyn = t->dynamic ? MF_DYNAMIC : 0;
			mnode_kind kind = t->kind == '>' ? MN_PARTIAL : MN_PARENT;
			if (t->standalone) {
				n = add_node(P, kind, MF_STANDALONE | dyn, t->name, t->name_len);
				size_t off = t->ind, len = t->ind_len;
				unstrip(P, &c, &off, &len);
				P->nodes[n].ind_off = off, P->nodes[n].ind_len = len;
			} else {
				n = add_node(P, kind, bol | dyn, t->name, t->name_len);
				c.bol = c.fresh = false;
			}
			if (t->kind == '<')
				stack[depth++] = (frame){n, c.strip, c.strip_len};
			break;
		}
		case '$':
			if (is_argument(P, t)) {
				n = add_node(P, MN_BLOCK, MF_ARGUMENT, t->name, t->name_len);
				stack[depth++] = (frame){n, c.strip, c.strip_len};
				c.bol = true; /* an argument's content starts a line wherever it lands */
				c.fresh = false; /* (true below if the tag owns its line end) */
			} else if (t->standalone) {
				n = add_node(P, MN_BLOCK, MF_STANDALONE, t->name, t->name_len);
				size_t off = t->ind, len = t->ind_len;
				unstrip(P, &c, &off, &len);
				P->nodes[n].ind_off = off, P->nodes[n].ind_len = len;
				stack[depth++] = (frame){n, c.strip, c.strip_len};
				c.bol = true;
				c.fresh = false;
			} else {
				n = add_node(P, MN_BLOCK, bol, t->name, t->name_len);
				stack[depth++] = (frame){n, c.strip, c.strip_len};
				c.bol = c.fresh = false;
			}
			if (t->intr_len)
				c.strip = t->intr, c.strip_len = t->intr_len;
			break;
		case '/': {
			frame f = stack[--depth];
			P->nodes[f.node].end = P->n_nodes;
			c.strip = f.strip, c.strip_len = f.strip_len;
			if (t->skip == t->end)
				c.fresh = false;
			break;
		}
		default:
			break;
		}
		skip_to = t->skip;
		if (t->skip > t->end && s[t->skip - 1] == '\n')
			c.bol = c.fresh = true;
	}
}

sg_tpl *sg_tpl_parse(const char *name, const char *src, size_t len, const char *file, sg_diags *d)
{
	sg_tpl *t = sg_calloc(1, sizeof *t);
	t->name = sg_strdup(name);
	t->file = sg_strdup(file ? file : name);
	t->src = sg_strndup(src, len);
	t->src_len = len;

	parser P = {.src = t->src, .len = len, .file = t->file, .d = d, .pool = SG_BUF_INIT};
	bool ok = lex(&P);
	if (ok) {
		layout(&P);
		build(&P);
	}
	free(P.toks);
	if (!ok) {
		sg_buf_free(&P.pool);
		free(P.nodes);
		sg_tpl_free(t);
		return NULL;
	}
	t->pool_len = P.pool.len;
	t->pool = sg_buf_detach(&P.pool);
	t->nodes = P.nodes;
	t->n_nodes = P.n_nodes;
	return t;
}

void sg_tpl_free(sg_tpl *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->file);
	free(t->src);
	free(t->pool);
	free(t->nodes);
	free(t);
}
