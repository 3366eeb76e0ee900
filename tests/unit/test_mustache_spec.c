/* test_mustache_spec.c — the official Mustache spec run against src/template: every case
 * of the spec files below (lambdas excepted: sofgen's data has no code) is one
 * parameter of one criterion test, and a failure names its file and case. The files
 * are read from tests/spec/mustache/specs, a copy kept in the repository (its README
 * names the version and licence); tests run from the project root. If they cannot be
 * read, the tests fail. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/yaml_load.h"
#include "template/mustache.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/value.h"

#define SPEC_DIR "tests/spec/mustache/specs"
#define MAIN_NAME "<template>" /* cannot clash with a partial's name in the spec */

static const char *const spec_files[] = {
	"interpolation", "sections", "inverted", "comments", "partials", "delimiters", "~inheritance", "~dynamic-names",
};
#define N_FILES (sizeof spec_files / sizeof spec_files[0])

typedef struct {
	char *file;   /* e.g. "sections.yml" */
	char *name;   /* the case's name, or what went wrong reading the file */
	size_t index; /* in the file's `tests`, or SIZE_MAX if the file could not be read */
} spec_case;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	sg_buf b = SG_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sg_buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return sg_buf_detach(&b);
}

/* The `tests` list of a spec file (the whole document is returned in *root, to unref),
 * or NULL with the reason in why. */
static const sg_value *load_tests(const char *file, sg_value **root, sg_buf *why)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s.yml", SPEC_DIR, file);
	size_t len;
	char *text = slurp(path, &len);
	*root = NULL;
	if (!text) {
		sg_buf_printf(why, "cannot read %s (is the spec checked out next to the project?)", path);
		return NULL;
	}
	sg_diags *d = sg_diags_new();
	*root = sg_yaml_load(text, len, path, 0, d);
	free(text);
	if (!*root) {
		const sg_diag *x = sg_diags_at(d, 0);
		sg_buf_printf(why, "%s:%d: %s", path, x ? x->line : 0, x ? x->message : "unreadable");
		sg_diags_free(d);
		return NULL;
	}
	sg_diags_free(d);
	const sg_value *tests = sg_value_get(*root, "tests");
	if (sg_value_kind_of(tests) != SG_VAL_LIST || sg_value_count(tests) == 0) {
		sg_buf_printf(why, "%s has no tests list", path);
		return NULL;
	}
	return tests;
}

static char *param_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = cr_malloc(n);
	memcpy(p, s, n);
	return p;
}

static void free_cases(struct criterion_test_params *ctp)
{
	spec_case *c = ctp->params;
	for (size_t i = 0; i < ctp->length; i++) {
		cr_free(c[i].file);
		cr_free(c[i].name);
	}
	cr_free(c);
}

ParameterizedTestParameters(mustache_spec, cases)
{
	/* the cases as plain memory first; the parameters must live in criterion's memory */
	spec_case *tmp = NULL;
	size_t n = 0, cap = 0;
	for (size_t f = 0; f < N_FILES; f++) {
		sg_value *root;
		sg_buf why = SG_BUF_INIT;
		const sg_value *tests = load_tests(spec_files[f], &root, &why);
		size_t count = tests ? sg_value_count(tests) : 1;
		for (size_t i = 0; i < count; i++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				tmp = realloc(tmp, cap * sizeof *tmp);
			}
			const char *name = tests ? sg_value_as_string(sg_value_get(sg_value_item(tests, i), "name"), NULL) : NULL;
			tmp[n].file = (char *)spec_files[f];
			tmp[n].name = (char *)(tests ? (name ? name : "(no name)") : sg_buf_cstr(&why));
			tmp[n].index = tests ? i : SIZE_MAX;
			tmp[n].file = param_strdup(tmp[n].file);
			tmp[n].name = param_strdup(tmp[n].name);
			n++;
		}
		sg_buf_free(&why);
		sg_value_unref(root);
	}
	spec_case *cases = cr_malloc(n * sizeof *cases);
	memcpy(cases, tmp, n * sizeof *cases);
	free(tmp);
	return cr_make_param_array(spec_case, cases, n, free_cases);
}

/* s with control characters and backslashes written as C escapes, for messages. */
static void visible(sg_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\n': sg_buf_puts(out, "\\n"); break;
		case '\r': sg_buf_puts(out, "\\r"); break;
		case '\t': sg_buf_puts(out, "\\t"); break;
		case '\\': sg_buf_puts(out, "\\\\"); break;
		default: sg_buf_putc(out, *s);
		}
	}
}

/* Where sofgen departs from the spec on purpose, and what it renders instead. Only
 * one: a list item's missing field never comes from an outer list item (mustache.h,
 * "List items"), so an inner list cannot read an outer item's fields. */
static const struct {
	const char *file, *name, *ours;
} deviations[] = {
	{"sections", "List Contexts", "1.x.y."},
};

static const char *text_of(const sg_value *v)
{
	const char *s = sg_value_as_string(v, NULL);
	return s ? s : "";
}

ParameterizedTest(spec_case *c, mustache_spec, cases)
{
	cr_assert(c->index != SIZE_MAX, "%s.yml: %s", c->file, c->name);
	cr_log_info("%s.yml: %s", c->file, c->name); /* shown with --verbose */
	sg_value *root;
	sg_buf why = SG_BUF_INIT;
	const sg_value *tests = load_tests(c->file, &root, &why);
	cr_assert(tests, "%s.yml: %s", c->file, sg_buf_cstr(&why));
	const sg_value *test = sg_value_item(tests, c->index);
	cr_assert(test && strcmp(text_of(sg_value_get(test, "name")), c->name) == 0, "%s.yml: case %zu is not %s",
	          c->file, c->index, c->name);

	const char *tpl = text_of(sg_value_get(test, "template"));
	const char *expected = text_of(sg_value_get(test, "expected"));
	for (size_t k = 0; k < sizeof deviations / sizeof deviations[0]; k++)
		if (strcmp(c->file, deviations[k].file) == 0 && strcmp(c->name, deviations[k].name) == 0)
			expected = deviations[k].ours;
	const sg_value *partials = sg_value_get(test, "partials");

	sg_tpl_set *set = sg_tpl_set_new();
	sg_diags *d = sg_diags_new();
	int rc = sg_tpl_set_add(set, MAIN_NAME, tpl, strlen(tpl), "template", d);
	for (size_t i = 0; i < sg_value_count(partials); i++) {
		const char *p = text_of(sg_value_item(partials, i));
		rc |= sg_tpl_set_add(set, sg_value_key(partials, i), p, strlen(p), sg_value_key(partials, i), d);
	}
	sg_buf out = SG_BUF_INIT;
	if (rc == 0)
		rc = sg_tpl_render(set, MAIN_NAME, sg_value_get(test, "data"), &out);

	sg_buf msg = SG_BUF_INIT;
	if (rc != 0) {
		const sg_diag *x = sg_diags_at(d, 0);
		sg_buf_printf(&msg, "%s.yml: %s: parse failed: %s:%d:%d: %s", c->file, c->name, x ? x->file : "?",
		              x ? x->line : 0, x ? x->col : 0, x ? x->message : "(no message)");
	} else if (strcmp(sg_buf_cstr(&out), expected) != 0) {
		sg_buf_printf(&msg, "%s.yml: %s\n  template: \"", c->file, c->name);
		visible(&msg, tpl);
		sg_buf_puts(&msg, "\"\n  expected: \"");
		visible(&msg, expected);
		sg_buf_puts(&msg, "\"\n  got:      \"");
		visible(&msg, sg_buf_cstr(&out));
		sg_buf_puts(&msg, "\"");
	}
	cr_expect(msg.len == 0, "%s", sg_buf_cstr(&msg));

	sg_buf_free(&msg);
	sg_buf_free(&out);
	sg_buf_free(&why);
	sg_diags_free(d);
	sg_tpl_set_free(set);
	sg_value_unref(root);
}

/* Guards against the parameters silently coming out empty. */
Test(mustache_spec, files_are_there)
{
	size_t total = 0;
	for (size_t f = 0; f < N_FILES; f++) {
		sg_value *root;
		sg_buf why = SG_BUF_INIT;
		const sg_value *tests = load_tests(spec_files[f], &root, &why);
		cr_expect(tests, "%s.yml: %s", spec_files[f], sg_buf_cstr(&why));
		total += sg_value_count(tests);
		for (size_t k = 0; k < sizeof deviations / sizeof deviations[0]; k++)
			if (strcmp(deviations[k].file, spec_files[f]) == 0) {
				bool there = false;
				for (size_t i = 0; i < sg_value_count(tests); i++)
					there |= strcmp(text_of(sg_value_get(sg_value_item(tests, i), "name")), deviations[k].name) == 0;
				cr_expect(there, "%s.yml has no case \"%s\": remove it from the deviations", spec_files[f],
				          deviations[k].name);
			}
		sg_buf_free(&why);
		sg_value_unref(root);
	}
	cr_expect(total >= 150, "only %zu spec cases found under %s", total, SPEC_DIR);
}
