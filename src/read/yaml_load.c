/* yaml_load.c — YAML text → sg_value tree (see yaml_load.h). A loop over libyaml
 * events with an explicit stack of open containers. */
#include "yaml_load.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/i18n.h"
#include "../util/utf8.h"

#define MAX_DEPTH 64
/* Aliases share the anchored subtree; what limits a "billion laughs" document is
 * the number of nodes the document stands for once every alias is expanded. */
#define MAX_EXPANDED_NODES 1000000
/* Refused characters (control characters) listed per document; the rest are counted. */
#define MAX_REFUSED 20

typedef struct {
	sg_value *v;
	char *pending_key; /* maps: key read, value not yet */
	int key_line, key_col;
	size_t nodes; /* expanded size of this subtree so far */
	long anchor_idx; /* index in the anchor table, or -1 */
} frame;

typedef struct {
	char *name;
	sg_value *v;
	size_t nodes;
} anchor;

typedef struct {
	const char *file;
	const char *text; /* the YAML text, for positions inside a scalar */
	size_t len;
	int line_offset;
	sg_diags *d;
	frame stack[MAX_DEPTH];
	int depth;
	anchor *anchors;
	size_t n_anchors, cap_anchors;
	size_t total_nodes;
	size_t refused; /* refused characters found so far; only the first MAX_REFUSED are listed */
	int more_line, more_col; /* where the first one not listed is */
	bool aliased; /* an alias was used: the size counts what the aliases stand for */
	sg_value *root;
	bool failed;
} loader;

static bool match_all(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

static bool is_int(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool is_float(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	bool digits = false;
	while (*s >= '0' && *s <= '9')
		s++, digits = true;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++, digits = true;
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static void error_at(loader *L, int line, int col, const char *msg, const char *arg)
{
	/* error_at(…, "%s", "text"): the text is the message, in the editor's language
	 * (sg_error translates a format, and `make pot` takes both arguments) */
	if (strcmp(msg, "%s") == 0)
		arg = _(arg);
	sg_error(L->d, L->file, line, col, msg, arg);
	L->failed = true;
}

/* The byte offset in text of libyaml's mark (line and column count characters from
 * 0), or len when it is past the text. */
static size_t offset_of(const char *text, size_t len, size_t line, size_t column)
{
	size_t i = 0;
	for (; line > 0 && i < len; i++)
		if (text[i] == '\n')
			line--;
	for (; column > 0 && i < len && text[i] != '\n'; column--) {
		i++;
		while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

static int hex_value(const char *p, int digits)
{
	int v = 0;
	for (int i = 0; i < digits; i++) {
		char c = p[i];
		int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (x < 0)
			return -1;
		v = v * 16 + x;
	}
	return v;
}

/* Reports each escape of the double-quoted scalar at `at` in the text ("\u0007",
 * "\x1b", "\0", "\e", …) that stands for a character sg_char_refused refuses, at the
 * escape's own line and column. Returns how many. */
static size_t refuse_escapes(loader *L, const yaml_mark_t *mark)
{
	const char *t = L->text;
	size_t i = offset_of(t, L->len, mark->line, mark->column), found = 0;
	int line = (int)mark->line + 1 + L->line_offset, col = (int)mark->column + 1;
	while (i < L->len && (t[i] == '&' || t[i] == '!')) { /* an anchor or a tag before the text */
		while (i < L->len && t[i] != ' ' && t[i] != '\n')
			i++, col++;
		while (i < L->len && t[i] == ' ')
			i++, col++;
	}
	if (i >= L->len || t[i] != '"')
		return 0;
	col++;
	for (i++; i < L->len && t[i] != '"';) {
		if (t[i] == '\n') {
			line++, col = 1, i++;
			continue;
		}
		if (t[i] != '\\' || i + 1 >= L->len) {
			size_t n;
			sg_utf8_decode(t + i, L->len - i, &n);
			i += n, col++;
			continue;
		}
		static const char simple[] = "0abtvfreN", codes[] = {0, 7, 8, 9, 11, 12, 13, 0x1B, 0};
		char e = t[i + 1];
		long cp = -1;
		int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
		const char *k = e ? strchr(simple, e) : NULL;
		if (k)
			cp = e == 'N' ? 0x85 : codes[k - simple];
		else if (digits && i + 2 + (size_t)digits <= L->len)
			cp = hex_value(t + i + 2, digits);
		size_t n = 2 + (cp >= 0 ? (size_t)digits : 0);
		if (cp >= 0 && sg_char_refused((unsigned)cp)) {
			char why[300];
			sg_char_refusal((unsigned)cp, why, sizeof why);
			if (L->refused < MAX_REFUSED)
				sg_error(L->d, L->file, line, col, "the escape '%.*s' is %s", (int)n, t + i, why);
			else if (L->refused == MAX_REFUSED)
				L->more_line = line, L->more_col = col;
			L->refused++;
			found++;
		}
		if (e == '\n') /* an escaped line break continues the line */
			line++, col = 1, n = 2;
		else
			col += (int)n;
		i += n;
	}
	return found;
}

/* A plain scalar resolved by the core schema; quoted ones are always text. A refused
 * character (a control character, from an escape such as "\u0007") is an error at
 * the escape and is left out of the value, so nothing after the reader sees one and a
 * NUL never cuts a text short. */
static sg_value *scalar(loader *L, const yaml_event_t *ev, int line, int col)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	unsigned cp;
	size_t at = sg_text_find_refused(s, len, 0, &cp);
	if (at < len) {
		if (!refuse_escapes(L, &ev->start_mark)) {
			char why[300];
			sg_char_refusal(cp, why, sizeof why);
			if (L->refused < MAX_REFUSED)
				sg_error(L->d, L->file, line, col, "the text holds %s", why);
			else if (L->refused == MAX_REFUSED)
				L->more_line = line, L->more_col = col;
			L->refused++;
		}
		sg_buf clean = SG_BUF_INIT;
		for (size_t i = 0; i < len; at = sg_text_find_refused(s, len, i, &cp)) {
			sg_buf_put(&clean, s + i, at - i);
			size_t n = 0;
			if (at < len)
				sg_utf8_decode(s + at, len - at, &n);
			i = at + n;
		}
		sg_value *v = sg_value_string(sg_buf_cstr(&clean), clean.len);
		sg_buf_free(&clean);
		return v;
	}
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || ev->data.scalar.tag)
		return sg_value_string(s, len);
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
	static const char *const trues[] = {"true", "True", "TRUE", NULL};
	static const char *const falses[] = {"false", "False", "FALSE", NULL};
	if (match_all(s, nulls))
		return sg_value_null();
	if (match_all(s, trues))
		return sg_value_bool(true);
	if (match_all(s, falses))
		return sg_value_bool(false);
	if (is_int(s) || is_float(s)) {
		errno = 0;
		double d = strtod(s, NULL);
		if (errno == ERANGE && isinf(d)) {
			error_at(L, line, col, "the number %s is too large; write it as text in quotes if it is not a number", s);
			return sg_value_null();
		}
		return sg_value_number_text(d, s, len);
	}
	return sg_value_string(s, len);
}

static long remember_anchor(loader *L, const yaml_char_t *name, sg_value *v, size_t nodes)
{
	if (!name || !v)
		return -1;
	if (L->n_anchors == L->cap_anchors) {
		L->cap_anchors = L->cap_anchors ? L->cap_anchors * 2 : 8;
		L->anchors = sg_realloc(L->anchors, L->cap_anchors * sizeof *L->anchors);
	}
	L->anchors[L->n_anchors] = (anchor){sg_strdup((const char *)name), sg_value_ref(v), nodes};
	return (long)L->n_anchors++;
}

/* Adds a finished node to the innermost open container (or makes it the root). */
static void attach(loader *L, sg_value *v, size_t nodes, int line, int col)
{
	sg_value_set_pos(v, sg_value_line(v) ? sg_value_line(v) : line, sg_value_col(v) ? sg_value_col(v) : col);
	L->total_nodes += nodes;
	if (L->total_nodes > MAX_EXPANDED_NODES) {
		if (!L->failed)
			error_at(L, line, col, "%s",
			         L->aliased ? N_("this document expands to too many values (aliases nested too deep); remove the aliases")
			                    : N_("this document has too many values (over 1000000); split it into smaller files"));
		sg_value_unref(v);
		return;
	}
	if (L->depth == 0) {
		sg_value_unref(L->root);
		L->root = v;
		return;
	}
	frame *f = &L->stack[L->depth - 1];
	f->nodes += nodes;
	if (sg_value_kind_of(f->v) == SG_VAL_LIST) {
		sg_value_push(f->v, v);
		return;
	}
	if (!f->pending_key) { /* v is a key */
		size_t klen;
		const char *k = sg_value_as_string(v, &klen);
		if (sg_value_kind_of(v) == SG_VAL_NULL)
			k = "", klen = 0;
		if (!k || sg_value_kind_of(v) == SG_VAL_LIST || sg_value_kind_of(v) == SG_VAL_MAP) {
			error_at(L, line, col, "%s", "a key must be a plain word, not a list or map");
			f->pending_key = sg_strdup("");
		} else {
			f->pending_key = sg_strndup(k, klen);
		}
		f->key_line = line, f->key_col = col;
		sg_value_unref(v);
		return;
	}
	sg_value *old = sg_value_get(f->v, f->pending_key);
	if (old) {
		sg_error(L->d, L->file, f->key_line, f->key_col, "the key '%s' appears twice (first on line %d); keep one",
		         f->pending_key, sg_value_line(old));
		L->failed = true;
		sg_value_unref(v);
	} else {
		/* an empty value has no text of its own to point at: point at its key */
		if (sg_value_kind_of(v) == SG_VAL_NULL)
			sg_value_set_pos(v, f->key_line, f->key_col);
		sg_value_put(f->v, f->pending_key, v);
	}
	free(f->pending_key);
	f->pending_key = NULL;
}

/* Returns false when the document nests too deep (parsing then stops). */
static bool open_container(loader *L, sg_value *v, const yaml_char_t *anchor_name, int line, int col)
{
	sg_value_set_pos(v, line, col);
	if (L->depth >= MAX_DEPTH) {
		error_at(L, line, col, "%s", "lists and maps are nested too deep (over 64 levels)");
		sg_value_unref(v);
		return false;
	}
	L->stack[L->depth].v = v;
	L->stack[L->depth].pending_key = NULL;
	L->stack[L->depth].nodes = 1;
	L->stack[L->depth].anchor_idx = remember_anchor(L, anchor_name, v, 1);
	L->depth++;
	return true;
}

/* The character libyaml's mark points at, or 0 when the mark is past the text. */
static char char_at(const char *text, size_t len, size_t line, size_t column)
{
	size_t i = offset_of(text, len, line, column);
	return i < len ? text[i] : 0;
}

static const char *hint_for(const char *problem, char at)
{
	if (!problem)
		return "";
	if (at == '\t' || strstr(problem, "tab"))
		return " (YAML is indented with spaces, never tabs; replace the tab with spaces)";
	if (strstr(problem, "cannot start any token"))
		return " (a tab or a character like @ or ` at the start of a value? indent with spaces and quote such values)";
	if (strstr(problem, "mapping values are not allowed"))
		return " (a value containing ': ' must be in quotes; otherwise check this line's indentation)";
	if (strstr(problem, "could not find expected ':'"))
		return " (each line must be 'key: value'; is a quote or bracket left open?)";
	if (strstr(problem, "expected ',' or ']'") || strstr(problem, "expected ',' or '}'"))
		return " (a [ or { is left open, or a comma is missing between entries)";
	if (strstr(problem, "expected '-' indicator"))
		return " (every item of a list starts with '- ' at the same indentation)";
	if (strstr(problem, "end of stream while scanning a quoted"))
		return " (a quote \" or ' is opened and never closed)";
	if (strstr(problem, "did not find expected key"))
		return " (check the indentation of this line)";
	return "";
}

sg_value *sg_yaml_load(const char *text, size_t len, const char *file, int line_offset, sg_diags *d)
{
	loader L;
	memset(&L, 0, sizeof L);
	L.file = file, L.line_offset = line_offset, L.d = d;
	L.text = text, L.len = len;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		sg_out_of_memory(); /* its only failure */
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	bool done = false, seen_doc = false;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_MEMORY_ERROR)
				sg_out_of_memory(); /* not "invalid YAML" */
			const char *problem = parser.problem ? parser.problem : "unreadable YAML";
			int line = (int)parser.problem_mark.line + 1 + line_offset;
			int col = (int)parser.problem_mark.column + 1;
			sg_error(d, file, line, col, "invalid YAML: %s%s%s%s", problem,
			         parser.context ? " " : "", parser.context ? parser.context : "",
			         hint_for(problem, char_at(text, len, parser.problem_mark.line, parser.problem_mark.column)));
			L.failed = true;
			break;
		}
		int line = (int)ev.start_mark.line + 1 + line_offset;
		int col = (int)ev.start_mark.column + 1;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (seen_doc) {
				error_at(&L, line, col, "%s", "only one YAML document is allowed here (a second '---' ends the front matter)");
				done = true;
			}
			seen_doc = true;
			break;
		case YAML_SCALAR_EVENT: {
			sg_value *v = scalar(&L, &ev, line, col);
			remember_anchor(&L, ev.data.scalar.anchor, v, 1);
			attach(&L, v, 1, line, col);
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
			done = !open_container(&L, sg_value_list(), ev.data.sequence_start.anchor, line, col);
			break;
		case YAML_MAPPING_START_EVENT:
			done = !open_container(&L, sg_value_map(), ev.data.mapping_start.anchor, line, col);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT: {
			if (L.depth == 0)
				break;
			frame f = L.stack[--L.depth];
			free(f.pending_key);
			if (f.anchor_idx >= 0) /* an alias read from now on stands for all of it */
				L.anchors[f.anchor_idx].nodes = f.nodes;
			if (f.v) {
				int fl = sg_value_line(f.v), fc = sg_value_col(f.v);
				attach(&L, f.v, f.nodes, fl, fc);
			}
			break;
		}
		case YAML_ALIAS_EVENT: {
			const char *name = (const char *)ev.data.alias.anchor;
			anchor *a = NULL;
			for (size_t i = L.n_anchors; i-- > 0;)
				if (strcmp(L.anchors[i].name, name) == 0) {
					a = &L.anchors[i];
					break;
				}
			bool inside = false;
			for (int i = 0; a && i < L.depth; i++)
				inside |= L.stack[i].v == a->v;
			if (!a)
				error_at(&L, line, col, "the alias *%s has no anchor before it", name);
			else if (inside)
				error_at(&L, line, col, "the alias *%s refers to the list or map it is inside", name);
			else {
				L.aliased = true;
				attach(&L, sg_value_ref(a->v), a->nodes, line, col);
			}
			break;
		}
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (L.refused > MAX_REFUSED)
		sg_error(d, file, L.more_line, L.more_col,
		         "%zu more control characters in this file (only the first %d are listed); remove them",
		         L.refused - MAX_REFUSED, MAX_REFUSED);

	while (L.depth > 0) {
		frame f = L.stack[--L.depth];
		free(f.pending_key);
		sg_value_unref(f.v);
	}
	for (size_t i = 0; i < L.n_anchors; i++) {
		free(L.anchors[i].name);
		sg_value_unref(L.anchors[i].v);
	}
	free(L.anchors);
	if (L.failed) {
		sg_value_unref(L.root);
		return NULL;
	}
	return L.root ? L.root : sg_value_null();
}
