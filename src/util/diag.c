/* diag.c — diagnostics list (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "i18n.h"
#include "utf8.h"

#include <jansson.h>

struct sg_diags {
	sg_diag *items;
	size_t len, cap;
	size_t errors;
};

sg_diags *sg_diags_new(void) { return sg_calloc(1, sizeof(sg_diags)); }

void sg_diags_free(sg_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->len; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	free(d);
}

static void push(sg_diags *d, sg_diag item)
{
	if (d->len == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = sg_realloc(d->items, d->cap * sizeof *d->items);
	}
	d->items[d->len++] = item;
	if (item.severity == SG_DIAG_ERROR)
		d->errors++;
}

static void add(sg_diags *d, sg_severity sev, const char *file, int line, int col, const char *fmt, va_list ap)
{
	if (!d)
		return;
	sg_buf msg = SG_BUF_INIT, shown = SG_BUF_INIT;
	/* the message in the editor's language: the English format is the msgid, and
	 * `make pot` finds it as the format argument of sg_error, sg_warning and sg_diag_add */
	sg_buf_vprintf(&msg, _(fmt), ap);
	/* a file name or a quote that is not UTF-8, or holds a newline or an escape
	 * sequence, is kept as safe text here, once, for every output: the terminal, JSON
	 * (which cannot hold bytes that are not UTF-8) and serve's overlay */
	sg_utf8_escape(&shown, msg.ptr ? msg.ptr : "", msg.len);
	sg_buf_free(&msg);
	sg_diag item = {sev, file ? sg_utf8_escaped(file) : NULL, line, col, sg_buf_detach(&shown)};
	push(d, item);
}

void sg_diag_add(sg_diags *d, sg_severity sev, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, sev, file, line, col, fmt, ap);
	va_end(ap);
}

void sg_error(sg_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, SG_DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void sg_warning(sg_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, SG_DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

void sg_diags_move(sg_diags *dst, sg_diags *src)
{
	for (size_t i = 0; i < src->len; i++)
		push(dst, src->items[i]);
	src->len = 0;
	src->errors = 0;
}

void sg_diags_move_as_warnings(sg_diags *dst, sg_diags *src, const char *note)
{
	for (size_t i = 0; i < src->len; i++) {
		sg_diag x = src->items[i];
		if (x.severity == SG_DIAG_ERROR) {
			char *m = sg_asprintf("%s%s", x.message, _(note));
			free(x.message);
			x.message = m;
			x.severity = SG_DIAG_WARNING;
		}
		push(dst, x);
	}
	src->len = 0;
	src->errors = 0;
}

size_t sg_diags_len(const sg_diags *d) { return d ? d->len : 0; }
size_t sg_diags_errors(const sg_diags *d) { return d ? d->errors : 0; }
size_t sg_diags_warnings(const sg_diags *d) { return d ? d->len - d->errors : 0; }
const sg_diag *sg_diags_at(const sg_diags *d, size_t i) { return i < sg_diags_len(d) ? &d->items[i] : NULL; }

static int cmp(const sg_diag *a, const sg_diag *b)
{
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

typedef struct {
	sg_diag item;
	size_t seq;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	int c = cmp(&a->item, &b->item);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void sg_diags_sort(sg_diags *d)
{
	/* qsort is not stable: rank by insertion order as the last key */
	if (d->len < 2)
		return;
	ranked *r = sg_malloc(d->len * sizeof *r);
	for (size_t i = 0; i < d->len; i++)
		r[i] = (ranked){d->items[i], i};
	qsort(r, d->len, sizeof *r, cmp_ranked);
	for (size_t i = 0; i < d->len; i++)
		d->items[i] = r[i].item;
	free(r);
}

void sg_diags_print(const sg_diags *d, FILE *out)
{
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = &d->items[i];
		if (x->file) {
			fputs(x->file, out);
			if (x->line > 0) {
				fprintf(out, ":%d", x->line);
				if (x->col > 0)
					fprintf(out, ":%d", x->col);
			}
			fputs(": ", out);
		}
		fprintf(out, "%s: %s\n", x->severity == SG_DIAG_ERROR ? _("error") : _("warning"), x->message);
	}
}

void sg_diags_print_json(const sg_diags *d, FILE *out)
{
	json_t *list = json_array();
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = &d->items[i];
		json_array_append_new(list, json_pack("{s:o, s:i, s:i, s:s, s:s}", "file",
		                                      x->file ? json_string(x->file) : json_null(), "line", x->line, "column",
		                                      x->col, "severity", x->severity == SG_DIAG_ERROR ? "error" : "warning",
		                                      "message", x->message));
	}
	json_t *root = json_pack("{s:I, s:I, s:o}", "errors", (json_int_t)sg_diags_errors(d), "warnings",
	                         (json_int_t)sg_diags_warnings(d), "diagnostics", list);
	json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
}
