/* fuzz_frontmatter.c — libFuzzer harness for reading a content file's text: the input
 * bytes are normalised (sg_text_normalize), split into front matter and body
 * (sg_frontmatter_split), and the front matter, then the whole text as a plain YAML
 * file (site.yaml, forms), are loaded with sg_yaml_load. Every value tree that loads is
 * walked as templates read it. Besides the sanitizers it checks the documented
 * contracts: no CR or byte-order mark survives normalising, the split's parts lie in
 * the text with the right line numbers, and sg_yaml_load returns NULL exactly when it
 * added an error, every diagnostic with a position at or after the text's first line.
 *
 * Built by `make fuzz` (mk/fuzz.mk). tests/unit/test_fuzz_regressions.c includes this
 * file with SG_FUZZ_NO_MAIN defined and calls fm_run, the code path the fuzzer runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/frontmatter.h"
#include "read/yaml_load.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/value.h"

/* A broken contract: report it and abort, so libFuzzer keeps the input as a crash. */
#define FM_CHECK(cond)                                                                                       \
	do {                                                                                                     \
		if (!(cond)) {                                                                                       \
			fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #cond);                    \
			abort();                                                                                         \
		}                                                                                                    \
	} while (0)

/* A tree with aliases may stand for a million values: look at this many at most. */
#define FM_MAX_VISITS 20000

/* Reads every key, item and scalar as a template would; checks that each key of a map
 * finds its own entry (the loader rejects duplicate keys). */
static void fm_walk(const sg_value *v, sg_buf *text, size_t *visits)
{
	if (++*visits > FM_MAX_VISITS)
		return;
	sg_value_kind k = sg_value_kind_of(v);
	(void)sg_value_truthy(v);
	(void)sg_value_kind_name(k);
	FM_CHECK(sg_value_line(v) >= 0 && sg_value_col(v) >= 0);
	if (k == SG_VAL_MAP) {
		for (size_t i = 0; i < sg_value_count(v); i++) {
			const char *key = sg_value_key(v, i);
			FM_CHECK(key != NULL);
			FM_CHECK(sg_value_getn(v, key, strlen(key)) == sg_value_item(v, i));
			fm_walk(sg_value_item(v, i), text, visits);
		}
	} else if (k == SG_VAL_LIST) {
		for (size_t i = 0; i < sg_value_count(v); i++)
			fm_walk(sg_value_item(v, i), text, visits);
		FM_CHECK(sg_value_item(v, sg_value_count(v)) == NULL);
	} else {
		size_t len = 0;
		const char *s = sg_value_as_string(v, &len);
		FM_CHECK(k == SG_VAL_NULL ? s == NULL : s != NULL);
		(void)sg_value_as_number(v);
		(void)sg_value_as_bool(v);
		sg_buf_clear(text);
		sg_value_to_text(v, text);
	}
}

/* Loads text[0, len) as YAML starting on file line `first_line`, checks the result and
 * appends a one-line summary to log (NULL: no log). */
static void fm_load(const char *text, size_t len, int first_line, sg_buf *log)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = sg_yaml_load(text, len, "fuzz.md", first_line - 1, d);
	/* NULL after errors; a value may come with errors too, but only for refused
	 * characters ("\u0000" and the like), which are left out of it */
	size_t refused = 0;
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = sg_diags_at(d, i);
		refused += x->severity == SG_DIAG_ERROR && x->message &&
		           (strncmp(x->message, "the text holds ", 15) == 0 || strncmp(x->message, "the escape '", 12) == 0 ||
		            strstr(x->message, "control characters in"));
	}
	FM_CHECK(v == NULL ? sg_diags_errors(d) > 0 : sg_diags_errors(d) == refused);
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = sg_diags_at(d, i);
		FM_CHECK(x->message && x->file && strcmp(x->file, "fuzz.md") == 0);
		FM_CHECK(x->line >= first_line && x->col >= 1);
		if (log)
			sg_buf_printf(log, "%d:%d: %s: %s\n", x->line, x->col, x->severity == SG_DIAG_ERROR ? "error" : "warning",
			              x->message);
	}
	if (v) {
		sg_buf text_buf = SG_BUF_INIT;
		size_t visits = 0;
		fm_walk(v, &text_buf, &visits);
		sg_buf_free(&text_buf);
		if (log)
			sg_buf_printf(log, "loaded: %s with %zu entries\n", sg_value_kind_name(sg_value_kind_of(v)),
			              sg_value_count(v));
	}
	sg_value_unref(v);
	sg_diags_free(d);
}

static int fm_count_lines(const char *from, const char *to)
{
	int n = 0;
	for (const char *p = from; p < to; p++)
		n += *p == '\n';
	return n;
}

/* The code path under test. `log` (may be NULL) receives what happened, for the
 * regression tests: the split's result, each diagnostic, what loaded. */
static int fm_run(const uint8_t *data, size_t size, sg_buf *log)
{
	/* sg_text_normalize writes a NUL after the text, as content.c's file buffers allow */
	char *text = sg_malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	size_t len = size;
	sg_text_normalize(text, &len);
	FM_CHECK(len <= size && text[len] == '\0');
	FM_CHECK(memchr(text, '\r', len) == NULL);
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) /* one mark is dropped, not more */
		FM_CHECK(len + 3 <= size);

	sg_fm_split sp;
	sg_fm_result r = sg_frontmatter_split(text, len, &sp);
	const char *end = text + len;
	if (r != SG_FM_UNCLOSED) /* unclosed: there is no body */
		FM_CHECK(sp.body >= text && sp.body + sp.body_len == end);
	if (r == SG_FM_NONE) {
		FM_CHECK(sp.body == text && sp.body_len == len && sp.body_line == 1);
		if (log)
			sg_buf_puts(log, "split: none\n");
	} else {
		FM_CHECK(r == SG_FM_OK || r == SG_FM_UNCLOSED);
		FM_CHECK(sp.yaml > text && sp.yaml + sp.yaml_len <= end && sp.yaml_line == 2);
		FM_CHECK(fm_count_lines(text, sp.yaml) == 1 || (sp.yaml == end && sp.yaml_len == 0)); /* "---" alone */
		if (r == SG_FM_OK) {
			FM_CHECK(sp.yaml + sp.yaml_len <= sp.body);
			FM_CHECK(sp.body_line == 1 + fm_count_lines(text, sp.body) || (sp.body == end && end[-1] != '\n'));
		} else {
			FM_CHECK(sp.yaml + sp.yaml_len == end && sp.body == NULL && sp.body_len == 0);
		}
		if (log)
			sg_buf_printf(log, "split: %s, yaml %zu bytes from line %d, body %zu bytes from line %d\n",
			              r == SG_FM_OK ? "ok" : "unclosed", sp.yaml_len, sp.yaml_line, sp.body_len, sp.body_line);
		fm_load(sp.yaml, sp.yaml_len, sp.yaml_line, log);
	}
	/* the same text as a plain YAML file (site.yaml, dokument, blanketter) */
	if (log)
		sg_buf_puts(log, "whole:\n");
	fm_load(text, len, 1, log);
	free(text);
	return 0;
}

#ifndef SG_FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return fm_run(data, size, NULL); }
#endif
