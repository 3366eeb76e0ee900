/* mustache_render.c — rendering: walks a parsed template's nodes against a stack of
 * contexts, expanding partials, parents and blocks. Everything it keeps is on the C
 * stack or in the render call's own buffers; the set, its templates and the values are
 * only read, so any number of threads may render from one set at once. Expansion
 * (partials, parents, overridden blocks) and overall nesting are capped, so a template
 * that includes itself ends instead of exhausting the stack, and so are the nodes one
 * render visits and the bytes it writes, so one that includes itself twice ends too. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/escape.h"
#include "mustache_internal.h"

/* Sections and expansions inside each other during one render; deeper renders nothing. */
#define MAX_DEPTH 1000
/* Depth caps do not stop breadth: a partial that includes itself twice is 2^100
 * expansions deep down. One render takes at most this many steps (a node visited, a
 * context searched for a name, a key compared) and writes at most this many bytes,
 * then stops (a real page needs a small fraction of either: the example site's largest
 * takes about 11,000 steps and writes 23 KB). A step costs a few nanoseconds, so the
 * caps bound any render to a fraction of a second. */
#define MAX_STEPS 10000000
#define MAX_OUTPUT ((size_t)16 << 20)
/* A site build renders with much larger caps (a catalogue of 100 000 insatser has list
 * pages of tens of MB), and reports a page that reaches them instead of cutting it. */

/* The context stack: innermost first. An item frame holds one item of a list: pushed
 * while a section iterates a list, or by a section whose name ends in an index
 * (`{{#list.0}}`). A name the innermost item does not define is never taken from an
 * item frame further out (see lookup). */
typedef struct cframe {
	const sg_value *v;
	const struct cframe *up;
	bool item;
	const sg_value *list; /* strict renders: the list an item frame is an item of */
} cframe;

/* The parents being expanded, innermost first: where to look for block arguments. */
typedef struct oframe {
	const sg_tpl *t;
	size_t parent; /* index of the MN_PARENT node in t */
	const struct oframe *up;
} oframe;

typedef struct {
	const sg_tpl_set *set;
	sg_buf *out;
	sg_buf indent;    /* the indentation in effect is indent[ind_start, indent.len) */
	size_t ind_start;
	int expansions;   /* partials, parents and overridden blocks we are inside */
	int depth;        /* render_range calls we are inside */
	size_t steps;     /* nodes visited */
	size_t out_start; /* out->len when the render began */
	size_t max_steps, max_output;
	/* strict renders only (sg_tpl_render_strict): where a name skipped an item frame
	 * that has it; each tag is reported once (seen holds node indexes per template) */
	sg_diags *strict;
	const sg_tpl **seen_t;
	size_t *seen_i, n_seen, cap_seen;
	const sg_tpl *cur_t; /* the template and node being looked up for, for messages */
	size_t cur_i;
} rstate;

static bool all_digits(const char *s, size_t len)
{
	if (len == 0 || len > 9)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* v's entry for key k: a map's value, or a list's item for a number ("items.0"). */
static const sg_value *child(const sg_value *v, const char *k, size_t len)
{
	switch (sg_value_kind_of(v)) {
	case SG_VAL_MAP: return sg_value_getn(v, k, len);
	case SG_VAL_LIST: {
		if (!all_digits(k, len))
			return NULL;
		size_t i = 0;
		for (size_t j = 0; j < len; j++)
			i = i * 10 + (size_t)(k[j] - '0');
		return sg_value_item(v, i);
	}
	default: return NULL;
	}
}

/* What searching v for a name costs, in steps: maps are searched key by key. */
static size_t search_cost(const sg_value *v)
{
	return 1 + (sg_value_kind_of(v) == SG_VAL_MAP ? sg_value_count(v) : 0);
}

static void note_leak(rstate *st, const char *name, size_t len);

/* `.` is the innermost context; `a.b.c` finds `a` in the innermost context that has
 * it, then descends without looking further out (a broken chain is a miss). Of the
 * item frames (list items) only the innermost is searched: a field one list item
 * lacks never comes from another item, outer or `{{#list.0}}`; the search goes on in
 * the other frames (the page root, maps opened by sections). Searching is counted in
 * the render's steps: with a thousand contexts open, or maps with a thousand keys,
 * one name can cost thousands. */
static const sg_value *lookup(rstate *st, const cframe *cx, const char *name, size_t len)
{
	if (len == 1 && name[0] == '.')
		return cx ? cx->v : NULL;
	const char *dot = memchr(name, '.', len);
	size_t part = dot ? (size_t)(dot - name) : len;
	const sg_value *v = NULL;
	const cframe *inner_item = NULL; /* the innermost item frame, the only one searched */
	bool leaked = false;
	for (; cx && !v && st->steps <= st->max_steps; cx = cx->up) {
		st->steps += search_cost(cx->v);
		if (cx->item && inner_item) {
			/* strict: another item has the name, and is not merely the {{#list.0}} test
			 * of the very list being iterated (which shows nothing of its own here) */
			if (st->strict && !leaked && !(cx->list && cx->list == inner_item->list) && child(cx->v, name, part))
				leaked = true;
			continue;
		}
		if (cx->item)
			inner_item = cx;
		v = child(cx->v, name, part);
	}
	if (leaked)
		note_leak(st, name, len);
	while (v && dot && st->steps <= st->max_steps) {
		st->steps += search_cost(v);
		len -= part + 1;
		name = dot + 1;
		dot = memchr(name, '.', len);
		part = dot ? (size_t)(dot - name) : len;
		v = child(v, name, part);
	}
	return v;
}

static void put_indent(rstate *st)
{
	if (st->indent.len > st->ind_start)
		sg_buf_put(st->out, st->indent.ptr + st->ind_start, st->indent.len - st->ind_start);
}

/* Literal text, with the indentation in effect before each line that has something on it. */
static void put_text(rstate *st, const char *s, size_t len, bool bol)
{
	if (st->indent.len == st->ind_start) {
		sg_buf_put(st->out, s, len);
		return;
	}
	size_t i = 0;
	bool line_start = bol;
	/* every line may add up to 100 indentations: check the cap line by line */
	while (i < len && st->out->len - st->out_start <= st->max_output) {
		if (line_start && s[i] != '\n' && !(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
			put_indent(st);
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) + 1 : len;
		sg_buf_put(st->out, s + i, e - i);
		i = e;
		line_start = true;
	}
}

static void put_value(rstate *st, const sg_value *v, bool escape)
{
	if (escape && sg_value_kind_of(v) == SG_VAL_STRING) {
		size_t len;
		const char *s = sg_value_as_string(v, &len);
		sg_escape_html(st->out, s, len);
	} else {
		/* numbers, true and false have nothing to escape */
		sg_value_to_text(v, st->out);
	}
}

/* Saves the indentation in effect, then makes it the old one plus src[off, off+len)
 * (standalone), or nothing (inline: what lands mid-line is not indented). */
typedef struct {
	size_t start, len;
} saved_indent;

static saved_indent push_indent(rstate *st, const sg_tpl *t, const mnode *n)
{
	saved_indent s = {st->ind_start, st->indent.len};
	if (n->flags & MF_STANDALONE)
		sg_buf_put(&st->indent, t->src + n->ind_off, n->ind_len);
	else
		st->ind_start = st->indent.len;
	return s;
}

static void pop_indent(rstate *st, saved_indent s)
{
	sg_buf_truncate(&st->indent, s.len);
	st->ind_start = s.start;
}

/* The argument for block name[0, len) given by the outermost parent that has one. Each
 * parent searched and each child compared is a step: nested parents that include each
 * other otherwise make this search the whole cost of a render, uncounted. */
static bool find_argument(rstate *st, const oframe *ov, const char *name, size_t len, const sg_tpl **at, size_t *ai)
{
	bool found = false;
	for (; ov && st->steps <= st->max_steps; ov = ov->up) {
		const sg_tpl *t = ov->t;
		size_t end = t->nodes[ov->parent].end;
		st->steps++;
		for (size_t j = ov->parent + 1; j < end; j = t->nodes[j].end) {
			const mnode *b = &t->nodes[j];
			st->steps++;
			if (b->kind == MN_BLOCK && b->len == len && memcmp(t->src + b->off, name, len) == 0) {
				*at = t, *ai = j, found = true;
				break;
			}
		}
	}
	return found;
}

static void render_range(rstate *st, const sg_tpl *t, size_t i, size_t end, const cframe *cx, const oframe *ov);

/* Whether a section name's last dotted segment is an index (`list.0`): the section
 * opens one list item, an item frame like those of a list section. */
static bool ends_in_index(const char *name, size_t len)
{
	size_t k = len;
	while (k > 0 && name[k - 1] != '.')
		k--;
	return k > 0 && all_digits(name + k, len - k);
}

/* Strict renders: the list that section name[0, len) (`a.b.0`) opens an item of. */
static const sg_value *list_of_index(rstate *st, const cframe *cx, const char *name, size_t len)
{
	size_t k = len;
	while (k > 0 && name[k - 1] != '.')
		k--;
	sg_diags *strict = st->strict;
	st->strict = NULL; /* this lookup is ours, not the template's */
	const sg_value *list = lookup(st, cx, name, k - 1);
	st->strict = strict;
	return list;
}

/* Strict renders: reports, once per tag, that the name looked up at st->cur_t's node
 * st->cur_i was not defined by the innermost list item but an outer item frame has it:
 * a plain Mustache renderer would show another item's value there. */
static void note_leak(rstate *st, const char *name, size_t len)
{
	const sg_tpl *t = st->cur_t;
	if (!t)
		return; /* no tag to point at (every lookup sets one; kept as a guard) */
	for (size_t k = 0; k < st->n_seen; k++)
		if (st->seen_t[k] == t && st->seen_i[k] == st->cur_i)
			return;
	if (st->n_seen == st->cap_seen) {
		st->cap_seen = st->cap_seen ? st->cap_seen * 2 : 16;
		st->seen_t = sg_realloc(st->seen_t, st->cap_seen * sizeof *st->seen_t);
		st->seen_i = sg_realloc(st->seen_i, st->cap_seen * sizeof *st->seen_i);
	}
	st->seen_t[st->n_seen] = t;
	st->seen_i[st->n_seen++] = st->cur_i;
	/* line and column of the name (columns count characters, as the parser's do) */
	size_t off = t->nodes[st->cur_i].off;
	int line = 1, col = 1;
	for (size_t k = 0; k < off && k < t->src_len; k++) {
		if (t->src[k] == '\n')
			line++, col = 1;
		else if (((unsigned char)t->src[k] & 0xC0) != 0x80)
			col++;
	}
	sg_warning(st->strict, t->file, line, col,
	           "'%.*s' is not a field of this list item, and a plain Mustache renderer would show another "
	           "item's '%.*s' here (an item of an outer list section or of {{#list.0}}); give every item the "
	           "field (empty where unknown), or read it before the list section opens",
	           (int)len, name, (int)len, name);
}

/* {{>name}} and {{<name}}…{{/name}}: renders the named template in place. */
static void expand(rstate *st, const sg_tpl *t, const mnode *n, const cframe *cx, const oframe *ov)
{
	if (st->expansions >= SG_TPL_MAX_EXPANSION)
		return;
	const char *name = t->src + n->off;
	size_t len = n->len;
	if (n->flags & MF_DYNAMIC) {
		st->cur_t = t, st->cur_i = (size_t)(n - t->nodes);
		name = sg_value_as_string(lookup(st, cx, name, len), &len);
		if (!name)
			return;
	}
	const sg_tpl *p = sg_tpl_set_find(st->set, name, len);
	if (!p)
		return;
	saved_indent s = push_indent(st, t, n);
	st->expansions++;
	render_range(st, p, 0, p->n_nodes, cx, ov);
	st->expansions--;
	pop_indent(st, s);
}

/* {{$name}}…{{/name}} outside a parent: the argument a parent passed, or the default. */
static void render_block(rstate *st, const sg_tpl *t, size_t i, const cframe *cx, const oframe *ov)
{
	const mnode *n = &t->nodes[i];
	const sg_tpl *at;
	size_t ai;
	if (find_argument(st, ov, t->src + n->off, n->len, &at, &ai)) {
		if (st->expansions >= SG_TPL_MAX_EXPANSION)
			return;
		saved_indent s = push_indent(st, t, n);
		st->expansions++;
		render_range(st, at, ai + 1, at->nodes[ai].end, cx, ov);
		st->expansions--;
		pop_indent(st, s);
	} else if (n->flags & MF_STANDALONE) {
		saved_indent s = push_indent(st, t, n);
		render_range(st, t, i + 1, n->end, cx, ov);
		pop_indent(st, s);
	} else {
		render_range(st, t, i + 1, n->end, cx, ov);
	}
}

static void render_range(rstate *st, const sg_tpl *t, size_t i, size_t end, const cframe *cx, const oframe *ov)
{
	if (st->depth >= MAX_DEPTH)
		return;
	st->depth++;
	while (i < end) {
		if (++st->steps > st->max_steps || st->out->len - st->out_start > st->max_output)
			break; /* runaway: stop everything */
		const mnode *n = &t->nodes[i];
		if (n->kind != MN_TEXT && (n->flags & MF_BOL))
			put_indent(st);
		switch ((mnode_kind)n->kind) {
		case MN_TEXT:
			put_text(st, t->pool + n->off, n->len, n->flags & MF_BOL);
			break;
		case MN_VAR:
			st->cur_t = t, st->cur_i = i;
			put_value(st, lookup(st, cx, t->src + n->off, n->len), n->flags & MF_ESCAPE);
			break;
		case MN_SECTION: {
			st->cur_t = t, st->cur_i = i;
			const sg_value *v = lookup(st, cx, t->src + n->off, n->len);
			if (sg_value_kind_of(v) == SG_VAL_LIST) {
				size_t count = sg_value_count(v);
				for (size_t k = 0; k < count; k++) {
					cframe f = {sg_value_item(v, k), cx, true, v};
					render_range(st, t, i + 1, n->end, &f, ov);
				}
			} else if (sg_value_truthy(v)) {
				cframe f = {v, cx, ends_in_index(t->src + n->off, n->len), NULL};
				if (f.item && st->strict)
					f.list = list_of_index(st, cx, t->src + n->off, n->len);
				render_range(st, t, i + 1, n->end, &f, ov);
			}
			break;
		}
		case MN_INVERTED:
			st->cur_t = t, st->cur_i = i;
			if (!sg_value_truthy(lookup(st, cx, t->src + n->off, n->len)))
				render_range(st, t, i + 1, n->end, cx, ov);
			break;
		case MN_PARTIAL:
			expand(st, t, n, cx, ov);
			break;
		case MN_PARENT: {
			oframe f = {t, i, ov};
			expand(st, t, n, cx, &f);
			break;
		}
		case MN_BLOCK:
			if (!(n->flags & MF_ARGUMENT))
				render_block(st, t, i, cx, ov);
			break;
		}
		i = n->end;
	}
	st->depth--;
}

/* The render behind the public entry points; strict (may be NULL) collects the
 * reports of sg_tpl_render_strict. */
static int render_with(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out,
                       size_t max_steps, size_t max_output, bool *cut, sg_diags *strict)
{
	const sg_tpl *t = sg_tpl_set_find(set, name, strlen(name));
	if (cut)
		*cut = false;
	if (!t)
		return -1;
	rstate st = {.set = set, .out = out, .indent = SG_BUF_INIT, .out_start = out->len,
	             .max_steps = max_steps, .max_output = max_output, .strict = strict};
	cframe root = {ctx, NULL, false, NULL};
	render_range(&st, t, 0, t->n_nodes, &root, NULL);
	sg_buf_free(&st.indent);
	free(st.seen_t);
	free(st.seen_i);
	if (cut)
		*cut = st.steps > max_steps || out->len - st.out_start > max_output;
	return 0;
}

int sg_tpl_render_checked(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out,
                          size_t max_steps, size_t max_output, bool *cut)
{
	return render_with(set, name, ctx, out, max_steps, max_output, cut, NULL);
}

int sg_tpl_render_strict(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out, sg_diags *d)
{
	return render_with(set, name, ctx, out, MAX_STEPS, MAX_OUTPUT, NULL, d);
}

int sg_tpl_render(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *out)
{
	return sg_tpl_render_checked(set, name, ctx, out, MAX_STEPS, MAX_OUTPUT, NULL);
}
