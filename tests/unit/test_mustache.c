/* test_mustache.c — sofgen's own expectations of src/template beyond the spec (which
 * test_mustache_spec.c runs): escaping, parse errors as file:line:col, missing
 * partials, runaway recursion, rendering from many threads, number formatting,
 * loading a folder, and staying linear on large templates. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/yaml_load.h"
#include "template/mustache.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/value.h"

/* YAML text → a value (the test fails on bad YAML). */
static sg_value *yaml(const char *text)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = sg_yaml_load(text, strlen(text), "data.yml", 0, d);
	cr_assert(v, "bad test data: %s", sg_diags_len(d) ? sg_diags_at(d, 0)->message : "?");
	sg_diags_free(d);
	return v;
}

/* Parses tpl as "main" (plus name/text pairs of partials), renders it against the
 * YAML data and returns the output (caller frees). */
static char *render_with(const char *tpl, const char *data, const char *const *partials)
{
	sg_tpl_set *set = sg_tpl_set_new();
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_tpl_set_add(set, "main", tpl, strlen(tpl), "main.mustache", d), 0, "parse failed: %s",
	             sg_diags_len(d) ? sg_diags_at(d, 0)->message : "?");
	for (; partials && partials[0]; partials += 2)
		cr_assert_eq(sg_tpl_set_add(set, partials[0], partials[1], strlen(partials[1]), NULL, d), 0);
	sg_value *ctx = yaml(data);
	sg_buf out = SG_BUF_INIT;
	cr_assert_eq(sg_tpl_render(set, "main", ctx, &out), 0);
	sg_value_unref(ctx);
	sg_diags_free(d);
	sg_tpl_set_free(set);
	return sg_buf_detach(&out);
}

static char *render(const char *tpl, const char *data) { return render_with(tpl, data, NULL); }

#define expect_render(tpl, data, want)                                                                   \
	do {                                                                                             \
		char *got_ = render((tpl), (data));                                                      \
		cr_expect_str_eq(got_, (want), "template %s", (tpl));                                    \
		free(got_);                                                                              \
	} while (0)

/* Parses tpl as "page.mustache" expecting exactly one error, and checks it. */
static void expect_error(const char *tpl, int line, int col, const char *message)
{
	sg_tpl_set *set = sg_tpl_set_new();
	sg_diags *d = sg_diags_new();
	cr_expect_eq(sg_tpl_set_add(set, "page", tpl, strlen(tpl), "templates/page.mustache", d), -1,
	             "no error for %s", tpl);
	cr_expect_not(sg_tpl_set_has(set, "page"), "a template with errors was stored");
	cr_expect_eq(sg_diags_errors(d), 1, "%zu errors for %s", sg_diags_errors(d), tpl);
	const sg_diag *x = sg_diags_at(d, 0);
	if (x) {
		cr_expect_str_eq(x->file, "templates/page.mustache");
		cr_expect_eq(x->line, line, "line %d, want %d for %s", x->line, line, tpl);
		cr_expect_eq(x->col, col, "column %d, want %d for %s", x->col, col, tpl);
		cr_expect_str_eq(x->message, message);
	}
	sg_diags_free(d);
	sg_tpl_set_free(set);
}

Test(mustache, escapes_html)
{
	expect_render("<p>{{x}}</p>", "x: \"<script>alert('hi & \\\"bye\\\"')</script>\"",
	              "<p>&lt;script&gt;alert(&#39;hi &amp; &quot;bye&quot;&#39;)&lt;/script&gt;</p>");
	expect_render("<a title=\"{{t}}\">", "t: 'say \"hi\"'", "<a title=\"say &quot;hi&quot;\">");
}

Test(mustache, triple_and_ampersand_are_raw)
{
	expect_render("{{{x}}}|{{&x}}|{{& x }}|{{{ x }}}", "x: '<b>\"&\"</b>'", "<b>\"&\"</b>|<b>\"&\"</b>|<b>\"&\"</b>|<b>\"&\"</b>");
}

Test(mustache, numbers_render_shortest)
{
	expect_render("{{price}} {{n}} {{x}} {{neg}} {{big}}", "price: 12.50\nn: 505\nx: 1.210\nneg: -0.5\nbig: 1e21",
	              "12.5 505 1.21 -0.5 1e+21");
	sg_value *ctx = sg_value_map();
	sg_value_put_num(ctx, "a", 12.5);
	sg_value_put_num(ctx, "b", 505);
	sg_value_put_num(ctx, "c", 0.1 + 0.2);
	sg_tpl_set *set = sg_tpl_set_new();
	const char *tpl = "{{a}}/{{b}}/{{c}}";
	cr_assert_eq(sg_tpl_set_add(set, "t", tpl, strlen(tpl), NULL, NULL), 0);
	sg_buf out = SG_BUF_INIT;
	sg_tpl_render(set, "t", ctx, &out);
	cr_expect_str_eq(sg_buf_cstr(&out), "12.5/505/0.30000000000000004");
	sg_buf_free(&out);
	sg_tpl_set_free(set);
	sg_value_unref(ctx);
}

Test(mustache, sections_lists_and_dotted_names)
{
	expect_render("{{#places}}{{name}} ({{town.name}}){{^last}}, {{/last}}{{/places}}",
	              "places:\n  - {name: A, town: {name: X}}\n  - {name: B, town: {name: Y}, last: true}",
	              "A (X), B (Y)");
	expect_render("{{#empty}}no{{/empty}}{{^empty}}none{{/empty}}", "empty: []", "none");
	expect_render("{{items.1.title}}", "items: [{title: a}, {title: b}]", "b"); /* list index */
	expect_render("{{a.b.c}}|{{#a}}{{b.x}}{{/a}}", "a: {b: {c: deep}}\nb: {x: outer}", "deep|");
}

Test(mustache, missing_partial_renders_empty)
{
	expect_render("a{{>nowhere}}b{{<gone}}{{$x}}y{{/x}}{{/gone}}c", "{}", "abc");
	char *got = render_with("[{{>*which}}]", "which: nowhere", NULL);
	cr_expect_str_eq(got, "[]");
	free(got);
}

Test(mustache, unknown_template_is_an_error)
{
	sg_tpl_set *set = sg_tpl_set_new();
	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(sg_tpl_render(set, "nope", NULL, &out), -1);
	cr_expect_eq(out.len, 0);
	cr_expect_not(sg_tpl_set_has(set, "nope"));
	sg_tpl_set_free(set);
}

Test(mustache, add_replaces)
{
	sg_tpl_set *set = sg_tpl_set_new();
	cr_assert_eq(sg_tpl_set_add(set, "t", "one", 3, NULL, NULL), 0);
	cr_assert_eq(sg_tpl_set_add(set, "t", "two", 3, NULL, NULL), 0);
	/* a failed replacement keeps the old one */
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_tpl_set_add(set, "t", "{{#x}}", 6, NULL, d), -1);
	/* many names: the table grows */
	for (int i = 0; i < 200; i++) {
		char name[16];
		snprintf(name, sizeof name, "p%d", i);
		cr_assert_eq(sg_tpl_set_add(set, name, name, strlen(name), NULL, NULL), 0);
	}
	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(sg_tpl_render(set, "t", NULL, &out), 0);
	cr_expect_str_eq(sg_buf_cstr(&out), "two");
	sg_buf_clear(&out);
	cr_expect_eq(sg_tpl_render(set, "p150", NULL, &out), 0);
	cr_expect_str_eq(sg_buf_cstr(&out), "p150");
	sg_buf_free(&out);
	sg_diags_free(d);
	sg_tpl_set_free(set);
}

Test(mustache, parse_errors_have_positions)
{
	expect_error("<ul>\n\n\n{{#places}}\n  <li>{{name}}</li>\n</ul>\n", 4, 1,
	             "section {{#places}} opened on line 4 is never closed (add {{/places}})");
	expect_error("a\nb\n  {{#bar}}\nc\nx {{/foo}}\n", 5, 3, "{{/foo}} closes {{#bar}} opened on line 3 (expected {{/bar}})");
	expect_error("<p>{{ name </p>\n", 1, 4, "unclosed tag: missing }}");
	expect_error("<p>{{{ name }}</p>\n", 1, 4, "unclosed tag: missing }}}");
	expect_error("line\n  {{=<% %>}}\n", 2, 3,
	             "invalid delimiter tag {{=<% %>}}: write the two new delimiters between '=' signs, separated by a space, "
	             "as in {{=<% %>=}}");
	expect_error("{{=<% %>=}}\n<% x\n", 2, 1, "unclosed tag: missing %>");
	expect_error("{{=<% %>=}}\n<%#a%>\n", 2, 1, "section <%#a%> opened on line 2 is never closed (add <%/a%>)");
	expect_error("x\n{{/stray}}", 2, 1, "{{/stray}} closes nothing: no {{#stray}} is open here (remove it, or add the opening tag)");
	expect_error("{{<layout}}{{$title}}Hi{{/layout}}", 1, 24,
	             "{{/layout}} closes {{$title}} opened on line 1 (expected {{/title}})");
	expect_error("{{<layout}}\n", 1, 1, "parent {{<layout}} opened on line 1 is never closed (add {{/layout}})");
	expect_error("{{#}}", 1, 1, "the tag {{#}} has no name: write one between {{ and }}");
	expect_error("{{first name}}", 1, 1, "the tag {{first name}} has a space in its name: names are single words like page.title");
	{
		sg_tpl_set *set = sg_tpl_set_new();
		sg_diags *d = sg_diags_new();
		cr_expect_eq(sg_tpl_set_add(set, "nul", "{{a\0b}}", 8, NULL, d), -1);
		cr_expect_str_eq(sg_diags_at(d, 0)->message, "the tag {{a has a NUL byte in its name");
		sg_diags_free(d);
		sg_tpl_set_free(set);
	}
	/* columns count characters, not bytes */
	expect_error("åäö {{x", 1, 5, "unclosed tag: missing }}");
}

Test(mustache, nesting_is_capped)
{
	sg_buf src = SG_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		sg_buf_puts(&src, "{{#a}}");
	sg_tpl_set *set = sg_tpl_set_new();
	sg_diags *d = sg_diags_new();
	cr_expect_eq(sg_tpl_set_add(set, "deep", src.ptr, src.len, "deep.mustache", d), -1);
	cr_expect_eq(sg_diags_errors(d), 1);
	cr_expect_eq(sg_diags_at(d, 0)->col, 601);
	cr_expect_str_eq(sg_diags_at(d, 0)->message, "sections, blocks and parents are nested more than 100 deep here");
	sg_diags_free(d);
	sg_tpl_set_free(set);
	sg_buf_free(&src);
}

Test(mustache, recursion_stops, .timeout = 60)
{
	/* a partial that includes itself: 100 levels, then nothing */
	sg_tpl_set *set = sg_tpl_set_new();
	static const char *const tpls[][2] = {
		{"self", "x{{>self}}"},
		/* a dynamic partial naming itself */
		{"dyn", "d{{>*name}}"},
		/* a parent of itself whose argument holds a block of the same name */
		{"loop", "{{<loop}}{{$a}}{{$a}}y{{/a}}{{/a}}{{/loop}}"},
		/* an argument that expands itself: the argument is its own override */
		{"blk", "{{<blk}}{{$b}}[{{$b}}z{{/b}}]{{/b}}{{/blk}}"},
		/* depth alone does not stop these: 2^100 expansions */
		{"twice", "{{>twice}}{{>twice}}"},
		{"wide", "ab{{>wide}}{{>wide}}"},
	};
	for (size_t i = 0; i < sizeof tpls / sizeof tpls[0]; i++)
		cr_assert_eq(sg_tpl_set_add(set, tpls[i][0], tpls[i][1], strlen(tpls[i][1]), NULL, NULL), 0);
	sg_value *ctx = yaml("name: dyn");

	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(sg_tpl_render(set, "self", ctx, &out), 0);
	cr_expect_eq(out.len, 101, "rendered %zu characters", out.len);
	sg_buf_clear(&out);
	cr_expect_eq(sg_tpl_render(set, "dyn", ctx, &out), 0);
	cr_expect_eq(out.len, 101, "rendered %zu characters", out.len);
	sg_buf_clear(&out);
	cr_expect_eq(sg_tpl_render(set, "loop", ctx, &out), 0); /* ends, whatever it renders */
	sg_buf_clear(&out);
	cr_expect_eq(sg_tpl_render(set, "blk", ctx, &out), 0);
	cr_expect(out.len < 1000);
	sg_buf_clear(&out);
	cr_expect_eq(sg_tpl_render(set, "twice", ctx, &out), 0); /* ends, in seconds */
	cr_expect_eq(out.len, 0);
	sg_buf_clear(&out);
	cr_expect_eq(sg_tpl_render(set, "wide", ctx, &out), 0);
	cr_expect_leq(out.len, (size_t)300 << 20);
	sg_buf_free(&out);
	sg_value_unref(ctx);
	sg_tpl_set_free(set);
}

Test(mustache, standalone_partial_indents_every_line)
{
	static const char *const partials[] = {"list", "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n", NULL};
	char *got = render_with("<body>\n  {{>list}}\n</body>\n", "items: [a, b]", partials);
	cr_expect_str_eq(got, "<body>\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n</body>\n");
	free(got);
}

Test(mustache, layout_with_blocks)
{
	static const char *const partials[] = {
		"layout",
		"<html>\n<head><title>{{$title}}Site{{/title}}</title></head>\n<body>\n  {{$body}}\n  {{/body}}\n</body>\n</html>\n",
		NULL,
	};
	char *got = render_with("{{<layout}}\n{{$title}}{{page.title}} – Site{{/title}}\n{{$body}}\n<h1>{{page.title}}</h1>\n"
	                        "<p>Hi</p>\n{{/body}}\n{{/layout}}\n",
	                        "page: {title: Om oss}", partials);
	cr_expect_str_eq(got, "<html>\n<head><title>Om oss – Site</title></head>\n<body>\n  <h1>Om oss</h1>\n  <p>Hi</p>\n"
	                      "</body>\n</html>\n");
	free(got);
}

Test(mustache, dynamic_parent)
{
	static const char *const partials[] = {"wide", "[{{$x}}w{{/x}}]", "narrow", "({{$x}}n{{/x}})", NULL};
	char *got = render_with("{{#pages}}{{<*layout}}{{$x}}{{title}}{{/x}}{{/layout}}{{<*layout}}{{/*layout}}{{/pages}}",
	                        "pages: [{layout: wide, title: A}, {layout: narrow, title: B}, {title: C}]", partials);
	cr_expect_str_eq(got, "[A][w](B)(n)");
	free(got);
}

typedef struct {
	const sg_tpl_set *set;
	const sg_value *ctx;
	const char *want;
	int mismatches;
} job;

static void *render_many(void *arg)
{
	job *j = arg;
	for (int i = 0; i < 300; i++) {
		sg_buf out = SG_BUF_INIT;
		if (sg_tpl_render(j->set, "page", j->ctx, &out) != 0 || strcmp(sg_buf_cstr(&out), j->want) != 0)
			j->mismatches++;
		sg_buf_free(&out);
	}
	return NULL;
}

Test(mustache, renders_from_four_threads)
{
	sg_tpl_set *set = sg_tpl_set_new();
	static const char *const tpls[][2] = {
		{"page", "{{<layout}}{{$main}}\n{{#people}}\n  {{>card}}\n{{/people}}\n{{/main}}{{/layout}}"},
		{"layout", "<main>\n  {{$main}}\n  {{/main}}\n</main>\n"},
		{"card", "<div class=\"card\">\n  <b>{{name}}</b> {{age}} {{{bio}}} {{>*extra}}\n</div>\n"},
		{"note", "<i>{{note}}</i>"},
	};
	for (size_t i = 0; i < sizeof tpls / sizeof tpls[0]; i++)
		cr_assert_eq(sg_tpl_set_add(set, tpls[i][0], tpls[i][1], strlen(tpls[i][1]), NULL, NULL), 0);
	sg_value *ctx = yaml("extra: note\nnote: \"<n>\"\npeople:\n"
	                     "  - {name: \"Åsa & Bo\", age: 41.50, bio: \"<em>hi</em>\"}\n"
	                     "  - {name: Eva, age: 7, extra: ''}\n"
	                     "  - {name: Per, age: 1e3, bio: x}\n");
	sg_buf want = SG_BUF_INIT;
	cr_assert_eq(sg_tpl_render(set, "page", ctx, &want), 0);
	/* the block is indented by 2 in the layout, the card by 2 more in the argument */
	cr_expect_str_eq(want.ptr, "<main>\n"
	                           "    <div class=\"card\">\n      <b>Åsa &amp; Bo</b> 41.5 <em>hi</em> <i>&lt;n&gt;</i>\n    </div>\n"
	                           "    <div class=\"card\">\n      <b>Eva</b> 7  \n    </div>\n"
	                           "    <div class=\"card\">\n      <b>Per</b> 1000 x <i>&lt;n&gt;</i>\n    </div>\n"
	                           "</main>\n");

	pthread_t th[4];
	job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (job){set, ctx, want.ptr, 0};
		cr_assert_eq(pthread_create(&th[i], NULL, render_many, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		cr_expect_eq(jobs[i].mismatches, 0, "thread %d: %d renders differed", i, jobs[i].mismatches);
	}
	sg_buf_free(&want);
	sg_value_unref(ctx);
	sg_tpl_set_free(set);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert(f, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

Test(mustache, load_dir)
{
	char dir[] = "/tmp/sofgen-tpl-XXXXXX";
	cr_assert(mkdtemp(dir));
	write_file(dir, "page.mustache", "{{>head}}<p>{{text}}</p>");
	write_file(dir, "head.mustache", "<h1>{{title}}</h1>");
	write_file(dir, "broken.mustache", "ok\n{{#open}}\n");
	write_file(dir, "notes.txt", "{{#not a template");

	sg_tpl_set *set = sg_tpl_set_new();
	sg_diags *d = sg_diags_new();
	cr_expect_eq(sg_tpl_set_load_dir(set, dir, d), -1);
	cr_expect(sg_tpl_set_has(set, "page"));
	cr_expect(sg_tpl_set_has(set, "head"));
	cr_expect_not(sg_tpl_set_has(set, "broken"));
	cr_expect_not(sg_tpl_set_has(set, "notes"));
	cr_assert_eq(sg_diags_errors(d), 1);
	char want[600];
	snprintf(want, sizeof want, "%s/broken.mustache", dir);
	cr_expect_str_eq(sg_diags_at(d, 0)->file, want);
	cr_expect_eq(sg_diags_at(d, 0)->line, 2);
	cr_expect_eq(sg_diags_at(d, 0)->col, 1);

	sg_value *ctx = yaml("title: T\ntext: x");
	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(sg_tpl_render(set, "page", ctx, &out), 0);
	cr_expect_str_eq(sg_buf_cstr(&out), "<h1>T</h1><p>x</p>");
	sg_buf_free(&out);
	sg_value_unref(ctx);

	sg_diags *d2 = sg_diags_new();
	cr_expect_eq(sg_tpl_set_load_dir(set, "/nonexistent/sofgen-templates", d2), -1);
	cr_expect_eq(sg_diags_errors(d2), 1);

	for (const char *const *f = (const char *const[]){"page", "head", "broken", NULL}; *f; f++) {
		char path[600];
		snprintf(path, sizeof path, "%s/%s.mustache", dir, *f);
		unlink(path);
	}
	char notes[600];
	snprintf(notes, sizeof notes, "%s/notes.txt", dir);
	unlink(notes);
	rmdir(dir);
	sg_diags_free(d2);
	sg_diags_free(d);
	sg_tpl_set_free(set);
}

/* Random templates made of tag fragments: whatever parses must render without a
 * memory error (this earns its keep under `make check-asan`). */
Test(mustache, random_templates_are_safe, .timeout = 60)
{
	static const char *const bits[] = {
		"{{", "}}", "{{{", "}}}", "#", "^", "/", ">", "<", "$", "&", "!", "=", "*", ".", "a", "b", "c",
		" ", "  ", "\t", "\n", "\r\n", "x", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{$c}}", "{{/c}}",
		"{{<a}}", "{{/a}}", "{{>b}}", "{{>*c}}", "{{<*c}}", "{{/*c}}", "{{=<% %>=}}", "<%", "%>", "{{.}}",
		"{{a.b}}", "{{! note }}", "é",
	};
	const size_t n_bits = sizeof bits / sizeof bits[0];
	sg_value *ctx = yaml("a: [{b: x, c: a}, {b: '', c: b}, 3]\nb: true\nc: a\n");
	unsigned long seed = 12345;
	size_t parsed = 0;
	for (int iter = 0; iter < 20000; iter++) {
		sg_tpl_set *set = sg_tpl_set_new();
		for (const char *const *name = (const char *const[]){"main", "a", "b", NULL}; *name; name++) {
			sg_buf src = SG_BUF_INIT;
			int len = (int)(seed >> 16) % 24;
			for (int i = 0; i < len; i++) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				sg_buf_puts(&src, bits[(seed >> 33) % n_bits]);
			}
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			sg_diags *d = sg_diags_new();
			if (sg_tpl_set_add(set, *name, sg_buf_cstr(&src), src.len, NULL, d) == 0)
				parsed++;
			else
				cr_assert_gt(sg_diags_errors(d), 0, "failed without an error: %s", sg_buf_cstr(&src));
			sg_diags_free(d);
			sg_buf_free(&src);
		}
		sg_buf out = SG_BUF_INIT;
		sg_tpl_render(set, "main", ctx, &out);
		sg_buf_free(&out);
		sg_tpl_set_free(set);
	}
	cr_expect_gt(parsed, 1000); /* the fragments do make valid templates too */
	sg_value_unref(ctx);
}

Test(mustache, large_templates_stay_linear, .timeout = 20)
{
	/* 200 000 tags on one line, and as many lines: parse and render in well under the
	 * timeout if nothing is quadratic */
	sg_buf src = SG_BUF_INIT;
	for (int i = 0; i < 200000; i++)
		sg_buf_puts(&src, "<b>{{x}}</b>{{#s}}[{{y}}]{{/s}} ");
	sg_buf_putc(&src, '\n');
	for (int i = 0; i < 200000; i++)
		sg_buf_puts(&src, "  {{#s}}\n  {{y}}\n  {{/s}}\n");
	sg_tpl_set *set = sg_tpl_set_new();
	cr_assert_eq(sg_tpl_set_add(set, "big", src.ptr, src.len, NULL, NULL), 0);
	cr_assert_eq(sg_tpl_set_add(set, "outer", "    {{>big}}\n", 13, NULL, NULL), 0);
	sg_value *ctx = yaml("x: '<'\ns: {y: 1}");
	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(sg_tpl_render(set, "outer", ctx, &out), 0);
	cr_expect_gt(out.len, 200000 * 10);
	sg_buf_free(&out);
	sg_value_unref(ctx);
	sg_tpl_set_free(set);
	sg_buf_free(&src);
}

/* A list item's missing field never comes from another list item (mustache.h, "List
 * items"): not from {{#list.0}}, not from an outer list's item; it does come from the
 * page root and from maps opened by sections. */
Test(mustache_items, a_missing_field_never_comes_from_another_item)
{
	const char *data = "title: Sidan\nlist:\n  - {name: A, provider: Lernia}\n  - {name: B}\n"
	                   "  - {name: C, provider: Arbetsförmedlingen}\n";
	/* the leak seen on real pages: B showed Lernia */
	expect_render("{{#list.0}}{{#list}}{{name}}:{{provider}};{{/list}}{{/list.0}}", data,
	              "A:Lernia;B:;C:Arbetsförmedlingen;");
	/* an index section is an item too, and the root still answers */
	expect_render("{{#list.1}}{{name}}/{{provider}}/{{title}}{{/list.1}}", data, "B//Sidan");
	/* the item's own fields, and the root's, through a map opened inside the item */
	expect_render("{{#list}}{{#m}}{{name}}-{{x}}-{{title}}{{/m}};{{/list}}",
	              "title: T\nlist:\n  - {name: A, m: {x: 1}}\n  - {name: B, m: {x: 2}}\n", "A-1-T;B-2-T;");
	/* a map opened by a section keeps answering inside a list inside it */
	expect_render("{{#forbund}}{{#cards}}{{name}}@{{title}};{{/cards}}{{/forbund}}",
	              "forbund:\n  title: Sjuhärad\n  cards: [{name: A}, {name: B, title: Egen}]\n", "A@Sjuhärad;B@Egen;");
}

Test(mustache_items, nested_lists_do_not_read_the_outer_item)
{
	const char *data = "cards:\n  - {title: Ett, status: Pågående, cats: [{name: x}, {name: y, status: Egen}]}\n"
	                   "  - {title: Två, cats: [{name: z}]}\n";
	/* the outer item's status is not seen from the inner item; an inner item's own is */
	expect_render("{{#cards}}{{title}}[{{#cats}}{{name}}{{status}},{{/cats}}]{{status}};{{/cards}}", data,
	              "Ett[x,yEgen,]Pågående;Två[z,];");
	/* inverted sections and dotted names follow the same rule */
	expect_render("{{#cards}}{{#cats}}{{^status}}-{{/status}}{{status.x}}{{/cats}}{{/cards}}", data, "--");
	/* `.` is always the innermost item */
	expect_render("{{#cards}}{{#cats}}{{#name}}{{.}}{{/name}}{{/cats}}{{/cards}}", data, "xyz");
}

/* Renders tpl strictly against data; returns the warnings (caller frees). */
static sg_diags *strict(const char *tpl, const char *data, char **out)
{
	sg_tpl_set *set = sg_tpl_set_new();
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_tpl_set_add(set, "main", tpl, strlen(tpl), "main.mustache", d), 0);
	sg_value *ctx = yaml(data);
	sg_buf b = SG_BUF_INIT;
	cr_assert_eq(sg_tpl_render_strict(set, "main", ctx, &b, d), 0);
	*out = sg_buf_detach(&b);
	sg_value_unref(ctx);
	sg_tpl_set_free(set);
	return d;
}

Test(mustache_items, strict_render_reports_each_reliance_on_another_item_once)
{
	char *out;
	/* {{#list.0}} testing the list it wraps is no reliance: it shows nothing of its own */
	sg_diags *d = strict("{{#list.0}}{{#list}}{{name}}: {{provider}};{{/list}}{{/list.0}}",
	                     "list:\n  - {name: A, provider: Lernia}\n  - {name: B}\n", &out);
	cr_expect_str_eq(out, "A: Lernia;B: ;");
	cr_expect_eq(sg_diags_len(d), 0);
	free(out);
	sg_diags_free(d);

	/* the first item of another list is */
	d = strict("<ul>\n{{#other.0}}\n{{#list}}<li>{{name}}: {{provider}}</li>\n{{/list}}\n{{/other.0}}\n</ul>\n",
	           "other: [{provider: Lernia}]\nlist:\n  - {name: A, provider: Samhall}\n  - {name: B}\n  - {name: C}\n",
	           &out);
	cr_expect_str_eq(out, "<ul>\n<li>A: Samhall</li>\n<li>B: </li>\n<li>C: </li>\n</ul>\n");
	cr_assert_eq(sg_diags_len(d), 1, "one tag, reported once for B and C");
	const sg_diag *x = sg_diags_at(d, 0);
	cr_expect_str_eq(x->file, "main.mustache");
	cr_expect_eq(x->line, 3);
	cr_expect_eq(x->col, 26, "at the name (col %d)", x->col);
	cr_expect_str_eq(x->message,
	                 "'provider' is not a field of this list item, and a plain Mustache renderer would show another "
	                 "item's 'provider' here (an item of an outer list section or of {{#list.0}}); give every item "
	                 "the field (empty where unknown), or read it before the list section opens");
	free(out);
	sg_diags_free(d);

	/* a field every item has, or that only the root has, is no reliance */
	d = strict("{{#list.0}}{{#list}}{{name}}{{title}}{{/list}}{{/list.0}}",
	           "title: T\nlist: [{name: A}, {name: B}]\n", &out);
	cr_expect_str_eq(out, "ATBT");
	cr_expect_eq(sg_diags_len(d), 0);
	free(out);
	sg_diags_free(d);

	/* an inner list reading the outer item's field, in a partial: the partial's tag */
	sg_tpl_set *set = sg_tpl_set_new();
	d = sg_diags_new();
	const char *main_t = "{{#cards}}{{>card}}{{/cards}}", *card = "{{#cats}}{{name}}/{{title}} {{/cats}}";
	cr_assert_eq(sg_tpl_set_add(set, "main", main_t, strlen(main_t), "main.mustache", d), 0);
	cr_assert_eq(sg_tpl_set_add(set, "card", card, strlen(card), "card.mustache", d), 0);
	sg_value *ctx = yaml("cards: [{title: Ett, cats: [{name: x}]}, {title: Två, cats: [{name: y}]}]\n");
	sg_buf b = SG_BUF_INIT;
	cr_assert_eq(sg_tpl_render_strict(set, "main", ctx, &b, d), 0);
	cr_expect_str_eq(sg_buf_cstr(&b), "x/ y/ ");
	cr_assert_eq(sg_diags_len(d), 1);
	cr_expect_str_eq(sg_diags_at(d, 0)->file, "card.mustache");
	cr_expect_eq(sg_diags_at(d, 0)->line, 1);
	cr_expect_eq(sg_diags_at(d, 0)->col, 21, "at the name (col %d)", sg_diags_at(d, 0)->col);
	sg_buf_free(&b);
	sg_value_unref(ctx);
	sg_tpl_set_free(set);
	sg_diags_free(d);
}
