/* fuzz_mustache.c — libFuzzer harness for the Mustache engine (src/template). The
 * input is parts separated by two NUL bytes (one NUL stays in its part, so templates
 * and names with NUL bytes are tried too):
 *
 *     template \0\0 data \0\0 partial \0\0 partial …
 *
 * The template is stored as "main"; the data is YAML loaded with sg_yaml_load (when
 * it is missing, empty or invalid, a fixed context with lists, nested maps, HTML and
 * falsy values is used); each partial is "name\ntext" (no line end: the name is "p")
 * and is stored under its name, at most MU_MAX_PARTIALS of them. Then "main" and every
 * partial are rendered, "main" twice: both renders must give the same bytes (rendering
 * only reads the set and the data). Parse errors must come with a position inside the
 * template, and sg_tpl_set_add must return -1 exactly when it added an error.
 *
 * Built by `make fuzz` (mk/fuzz.mk). tests/unit/test_fuzz_regressions.c includes this
 * file with SG_FUZZ_NO_MAIN defined and calls mu_run, the code path the fuzzer runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/yaml_load.h"
#include "template/mustache.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/utf8.h"
#include "util/utf8.h"
#include "util/value.h"

#define MU_CHECK(cond)                                                                                       \
	do {                                                                                                     \
		if (!(cond)) {                                                                                       \
			fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #cond);                    \
			abort();                                                                                         \
		}                                                                                                    \
	} while (0)

#define MU_MAX_PARTIALS 8
#define MU_MAX_NAME 64
/* Render caps, a tenth of a build's (10 million steps, 16 MiB): the caps' code is the
 * same, and a runaway input (partials that include themselves twice, each step writing
 * an indentation) then costs about a second under the sanitizers, not the 14 s that
 * made libFuzzer report a timeout. */
#define MU_MAX_STEPS 1000000
#define MU_MAX_OUTPUT ((size_t)1 << 20)

/* The data used when the input brings none that loads. */
static const char mu_default_data[] =
	"title: \"Tom & <Jerry> \\\"quoted\\\" 'single'\"\n"
	"name: p\n"
	"partial: main\n"
	"list: [1, two, {name: three, title: Tre}, [4, 5], ~, false, \"\"]\n"
	"items:\n"
	"  - {title: Första, url: /a/, tags: [x, y]}\n"
	"  - {title: Andra, url: \"javascript:alert(1)\", tags: []}\n"
	"map: {a: {b: {c: djup, list: [ett, två]}}, empty: [], f: false, t: true, n: ~, z: 0, s: \"\"}\n"
	"number: 12.50\n"
	"big: 1e308\n"
	"html: \"<b>fet</b> & </script>\"\n"
	"å: ö\n";

/* Splits off the part of [*p, end) up to the next "\0\0" (or the end) and moves *p past it. */
static void mu_next_part(const char **p, const char *end, const char **part, size_t *len)
{
	const char *sep = memmem(*p, (size_t)(end - *p), "\0\0", 2);
	*part = *p;
	*len = (size_t)((sep ? sep : end) - *p);
	*p = sep ? sep + 2 : end;
}

/* Adds src under name; checks the contract of sg_tpl_set_add and logs what happened. */
static bool mu_add(sg_tpl_set *set, const char *name, const char *src, size_t len, sg_buf *log)
{
	sg_diags *d = sg_diags_new();
	int rc = sg_tpl_set_add(set, name, src, len, name, d);
	MU_CHECK(rc == 0 || rc == -1);
	MU_CHECK((rc == -1) == (sg_diags_errors(d) > 0));
	int lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += src[i] == '\n';
	char *shown = sg_utf8_escaped(name); /* as diagnostics show file names: control bytes escaped */
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = sg_diags_at(d, i);
		MU_CHECK(x->file && strcmp(x->file, shown) == 0 && x->message);
		MU_CHECK(x->line >= 1 && x->line <= lines && x->col >= 1 && (size_t)x->col <= len + 1);
		if (log)
			sg_buf_printf(log, "%s:%d:%d: %s\n", name, x->line, x->col, x->message);
	}
	free(shown);
	if (rc == 0)
		MU_CHECK(sg_tpl_set_has(set, name));
	sg_diags_free(d);
	return rc == 0;
}

/* Renders name twice; the two outputs must be equal. Logs the output. */
static void mu_render(const sg_tpl_set *set, const char *name, const sg_value *ctx, sg_buf *log)
{
	sg_buf a = SG_BUF_INIT, b = SG_BUF_INIT;
	bool cut_a, cut_b;
	MU_CHECK(sg_tpl_render_checked(set, name, ctx, &a, MU_MAX_STEPS, MU_MAX_OUTPUT, &cut_a) == 0);
	MU_CHECK(sg_tpl_render_checked(set, name, ctx, &b, MU_MAX_STEPS, MU_MAX_OUTPUT, &cut_b) == 0);
	MU_CHECK(a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0) && cut_a == cut_b);
	if (log)
		sg_buf_printf(log, "render %s: [%s]\n", name, sg_buf_cstr(&a));
	sg_buf_free(&a);
	sg_buf_free(&b);
}

/* The code path under test. `log` (may be NULL) receives errors and outputs. */
static int mu_run(const uint8_t *data, size_t size, sg_buf *log)
{
	const char *p = (const char *)data, *end = p + size;
	const char *tpl, *yaml;
	size_t tpl_len, yaml_len;
	mu_next_part(&p, end, &tpl, &tpl_len);
	mu_next_part(&p, end, &yaml, &yaml_len);

	sg_value *ctx = NULL;
	if (yaml_len) {
		sg_diags *d = sg_diags_new();
		ctx = sg_yaml_load(yaml, yaml_len, "data.yml", 0, d);
		sg_diags_free(d);
	}
	if (!ctx) {
		sg_diags *d = sg_diags_new();
		ctx = sg_yaml_load(mu_default_data, sizeof mu_default_data - 1, "default", 0, d);
		MU_CHECK(ctx && sg_diags_len(d) == 0);
		sg_diags_free(d);
	}

	sg_tpl_set *set = sg_tpl_set_new();
	char *names[MU_MAX_PARTIALS];
	size_t n_names = 0;
	while (p < end && n_names < MU_MAX_PARTIALS) {
		const char *part;
		size_t len;
		mu_next_part(&p, end, &part, &len);
		const char *nl = memchr(part, '\n', len);
		char *name;
		if (nl && (size_t)(nl - part) <= MU_MAX_NAME) {
			name = sg_strndup(part, (size_t)(nl - part));
			len -= (size_t)(nl - part) + 1;
			part = nl + 1;
		} else {
			name = sg_strdup("p");
		}
		if (mu_add(set, name, part, len, log))
			names[n_names++] = name;
		else
			free(name);
	}
	bool have_main = mu_add(set, "main", tpl, tpl_len, log);

	if (have_main)
		mu_render(set, "main", ctx, log);
	for (size_t i = 0; i < n_names; i++) {
		if (strcmp(names[i], "main") != 0 && sg_tpl_set_has(set, names[i]))
			mu_render(set, names[i], ctx, log);
		free(names[i]);
	}
	sg_buf unknown = SG_BUF_INIT;
	MU_CHECK(sg_tpl_render(set, "no such template", ctx, &unknown) == -1 && unknown.len == 0);
	sg_buf_free(&unknown);

	sg_tpl_set_free(set);
	sg_value_unref(ctx);
	return 0;
}

#ifndef SG_FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return mu_run(data, size, NULL); }
#endif
