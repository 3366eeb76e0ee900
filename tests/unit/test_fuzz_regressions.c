/* test_fuzz_regressions.c — what the libFuzzer harnesses (tests/fuzz/) found, and the
 * hostile seeds they start from, fed through the harnesses' own code paths: the three
 * harness files are compiled in here (SG_FUZZ_NO_MAIN leaves out libFuzzer's entry
 * point) and fm_run, mu_run and ct_run are called with a log of what happened, whose
 * exact lines are asserted. A broken contract in a harness aborts, which fails the test.
 *
 * Inputs that made a harness fail are files in tests/fuzz/regressions/<harness>/ (see
 * the README there); the seeds are in tests/fuzz/corpus/<harness>/. Tests run from the
 * project root (fuzz_content reads templates/). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <pthread.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
/* LeakSanitizer now, not at exit, where criterion would not see its verdict */
#define LEAKS_FOUND() __lsan_do_recoverable_leak_check()
#else
#define LEAKS_FOUND() 0
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SG_FUZZ_NO_MAIN
#include "../fuzz/fuzz_content.c"
#include "../fuzz/fuzz_frontmatter.c"
#include "../fuzz/fuzz_mustache.c"

#define CORPUS "tests/fuzz/corpus"
#define REGRESSIONS "tests/fuzz/regressions"

typedef int (*harness_fn)(const uint8_t *data, size_t size, sg_buf *log);

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	sg_buf b = SG_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sg_buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	sg_buf_putc(&b, '\0'); /* an empty file still gives a buffer */
	return sg_buf_detach(&b);
}

/* Runs the harness on a file; returns its log (malloc'd). */
static char *run_file(harness_fn run, const char *path)
{
	size_t len;
	char *data = slurp(path, &len);
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run((const uint8_t *)data, len, &log), 0);
	free(data);
	sg_buf_putc(&log, '\0');
	return sg_buf_detach(&log);
}

static char *run_text(harness_fn run, const char *text, size_t len)
{
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run((const uint8_t *)text, len, &log), 0);
	sg_buf_putc(&log, '\0');
	return sg_buf_detach(&log);
}
#define RUN_LITERAL(run, lit) run_text(run, lit, sizeof lit - 1)

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Is `line` one whole line of log? */
static bool has_line(const char *log, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = log; (p = strstr(p, line)); p++)
		if ((p == log || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

/* Every file of a folder through a harness: none may break a contract or crash. */
static size_t run_folder(harness_fn run, const char *dir)
{
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot open %s", dir);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		char *path = sg_path_join(dir, e->d_name);
		free(run_file(run, path));
		free(path);
		n++;
	}
	closedir(d);
	return n;
}

/* ---- what fuzzing found ---------------------------------------------------- */

/* A partial that includes itself once per list item: the step cap stops it. It used
 * to be 50 million nodes, 1.4 s a render (51 s for this input under the sanitizers). */
Test(fuzz_regressions, self_including_partial_in_a_list_stops_quickly, .timeout = 10)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *log = run_file(mu_run, REGRESSIONS "/mustache/step-limit");
	cr_expect_str_eq(log, "render main: []\nrender p: []\n");
	cr_expect_lt(seconds_since(&t0), 5.0);
	free(log);
}

/* Lookups through a thousand open contexts count as steps: this took 9 s a render. */
Test(fuzz_regressions, lookups_through_deep_contexts_are_capped, .timeout = 10)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *log = run_file(mu_run, REGRESSIONS "/mustache/lookup-bomb");
	cr_expect_str_eq(log, "render main: []\n");
	cr_expect_lt(seconds_since(&t0), 5.0);
	free(log);
}

/* Partials that include themselves twice, one of them indented: 2^100 expansions,
 * stopped by the step cap; the harness renders with a tenth of a build's caps, so
 * this took 14 s under the sanitizers before (a libFuzzer timeout). */
Test(fuzz_regressions, doubly_self_including_indented_partials_stop_quickly, .timeout = 10)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *log = run_file(mu_run, REGRESSIONS "/mustache/self-partial-twice-indented");
	cr_expect(has_line(log, "main:1:7: {{/a.b.c}} closes nothing: no {{#a.b.c}} is open here (remove it, or add the "
	                        "opening tag)"));
	cr_expect_not_null(strstr(log, "render p: [    "), "p is rendered as far as the caps allow");
	cr_expect_lt(seconds_since(&t0), 5.0);
	free(log);
}

/* Searching maps key by key counts too: over a map of 600 keys this took 1.4 s a
 * render (31 s under the sanitizers). */
Test(fuzz_regressions, lookups_through_wide_maps_are_capped, .timeout = 10)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *log = run_file(mu_run, REGRESSIONS "/mustache/wide-map");
	cr_expect_str_eq(log, "render main: []\n");
	cr_expect_lt(seconds_since(&t0), 5.0);
	free(log);
}

/* A growing indentation that multiplies one text node's lines: the output cap (16 MiB)
 * holds within a line; this wrote 570 MB in one node, past the cap (then 256 MiB). The
 * same calls as mu_run, without logging the output twice. */
Test(fuzz_regressions, indentation_cannot_write_past_the_output_cap, .timeout = 10)
{
	size_t len;
	char *data = slurp(REGRESSIONS "/mustache/indent-bomb", &len);
	const char *sep = memmem(data, len, "\0\0\0\0p\n", 6); /* "{{>p}}\0\0\0\0p\n<partial>" */
	cr_assert_not_null(sep);
	const char *partial = sep + 6;
	sg_tpl_set *set = sg_tpl_set_new();
	cr_assert_eq(sg_tpl_set_add(set, "main", data, (size_t)(sep - data), NULL, NULL), 0);
	cr_assert_eq(sg_tpl_set_add(set, "p", partial, len - (size_t)(partial - data), NULL, NULL), 0);
	sg_buf out = SG_BUF_INIT;
	cr_assert_eq(sg_tpl_render(set, "main", NULL, &out), 0);
	cr_expect_geq(out.len, (size_t)16 << 20, "the cap is reached: %zu bytes", out.len);
	cr_expect_leq(out.len, ((size_t)16 << 20) + (1 << 20), "past the cap by one line at most: %zu bytes", out.len);
	sg_buf_free(&out);
	sg_tpl_set_free(set);
	free(data);
}

static const char member_md[] = "---\n"
                                "title: Förbund utan namn på en medlem\n"
                                "members:\n"
                                "  - code: \"1440\"\n"
                                "    contact: {name: Kansliet}\n"
                                "---\n";

/* On its own thread, without criterion's assertions (they may only fail on the test's). */
static void *member_run(void *log)
{
	ct_run((const uint8_t *)member_md, sizeof member_md - 1, log);
	return NULL;
}

/* A förbund member with a code and a contact but no name was left out without
 * freeing them (found by fuzz_content as a leak). Under `make check-asan`
 * LeakSanitizer looks for it right after the run, which is on a thread of its own so
 * that no allocation has criterion on its stack (tests/lsan.supp hides those). */
Test(fuzz_regressions, member_without_name_is_an_error_and_frees_the_rest)
{
	sg_buf buf = SG_BUF_INIT;
	pthread_t th;
	cr_assert_eq(pthread_create(&th, NULL, member_run, &buf), 0);
	cr_assert_eq(pthread_join(th, NULL), 0);
	char *log = sg_buf_detach(&buf);
	cr_expect_eq(LEAKS_FOUND(), 0, "LeakSanitizer found a leak (reported above)");
	cr_expect(has_line(log, "  content/forbund/beta.md:4:1: missing 'name': each member needs the kommun's name, "
	                        "e.g. 'name: Borås'"),
	          "%s", log);
	cr_expect(has_line(log, "  content/forbund/beta.md:2:1: missing 'members': list the member kommuner, e.g. "
	                        "members: [{name: Borås, code: \"1490\"}]"),
	          "%s", log);
	free(log);
}

Test(fuzz_regressions, every_regression_input_passes_its_harness, .timeout = 60)
{
	cr_expect_eq(run_folder(mu_run, REGRESSIONS "/mustache"), 8);
	cr_expect_eq(run_folder(ct_run, REGRESSIONS "/content"), 5);
	cr_expect_eq(run_folder(fm_run, REGRESSIONS "/frontmatter"), 1);
}

/* ---- the seeds: every one passes its harness -------------------------------- */

Test(fuzz_seeds, frontmatter, .timeout = 60) { cr_expect_gt(run_folder(fm_run, CORPUS "/frontmatter"), 40); }
Test(fuzz_seeds, mustache, .timeout = 60) { cr_expect_gt(run_folder(mu_run, CORPUS "/mustache"), 200); }
Test(fuzz_seeds, content, .timeout = 120) { cr_expect_gt(run_folder(ct_run, CORPUS "/content"), 90); }

/* ---- hostile front matter and YAML ------------------------------------------ */

Test(fuzz_hostile, alias_bomb_is_an_error_not_a_billion_values, .timeout = 10)
{
	char *log = run_file(fm_run, CORPUS "/frontmatter/alias-bomb.md");
	cr_expect_str_eq(log, "split: ok, yaml 378 bytes from line 2, body 6 bytes from line 12\n"
	                      "7:4: error: this document expands to too many values (aliases nested too deep); "
	                      "remove the aliases\n"
	                      "whole:\n"
	                      "7:4: error: this document expands to too many values (aliases nested too deep); "
	                      "remove the aliases\n"
	                      "11:1: error: only one YAML document is allowed here (a second '---' ends the front "
	                      "matter)\n");
	free(log);
}

Test(fuzz_hostile, alias_to_its_own_map_is_an_error)
{
	char *log = run_file(fm_run, CORPUS "/frontmatter/alias-self.md");
	cr_expect(has_line(log, "2:11: error: the alias *a refers to the list or map it is inside"), "%s", log);
	free(log);
}

Test(fuzz_hostile, nesting_200_deep_stops_at_64)
{
	static const char *const cases[][2] = {
		{CORPUS "/frontmatter/deep-list.md", "3:67: error: lists and maps are nested too deep (over 64 levels)"},
		{CORPUS "/frontmatter/deep-map.md", "3:256: error: lists and maps are nested too deep (over 64 levels)"},
		{CORPUS "/frontmatter/deep-block.md", "67:129: error: lists and maps are nested too deep (over 64 levels)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *log = run_file(fm_run, cases[i][0]);
		cr_expect(has_line(log, cases[i][1]), "%s:\n%s", cases[i][0], log);
		free(log);
	}
}

Test(fuzz_hostile, bom_crlf_and_lone_cr_are_normalised)
{
	char *log = run_file(fm_run, CORPUS "/frontmatter/bom.md");
	cr_expect(has_line(log, "split: ok, yaml 15 bytes from line 2, body 6 bytes from line 4"), "%s", log);
	free(log);
	log = run_file(fm_run, CORPUS "/frontmatter/crlf.md");
	cr_expect(has_line(log, "split: ok, yaml 23 bytes from line 2, body 17 bytes from line 5"), "%s", log);
	cr_expect(has_line(log, "loaded: a map of keys with 2 entries"), "%s", log);
	free(log);
	log = run_file(fm_run, CORPUS "/frontmatter/lone-cr.md");
	cr_expect(has_line(log, "split: ok, yaml 21 bytes from line 2, body 14 bytes from line 5"), "%s", log);
	free(log);
}

Test(fuzz_hostile, a_lone_fence_is_unclosed_front_matter)
{
	char *log = RUN_LITERAL(fm_run, "---");
	cr_expect_str_eq(log, "split: unclosed, yaml 0 bytes from line 2, body 0 bytes from line 0\n"
	                      "loaded: nothing with 0 entries\n"
	                      "whole:\n"
	                      "loaded: nothing with 0 entries\n");
	free(log);
}

Test(fuzz_hostile, tab_indentation_is_explained)
{
	char *log = run_file(fm_run, CORPUS "/frontmatter/tabs.md");
	cr_expect(has_line(log, "4:1: error: invalid YAML: found character that cannot start any token while scanning "
	                        "for the next token (YAML is indented with spaces, never tabs; replace the tab with "
	                        "spaces)"),
	          "%s", log);
	free(log);
}

/* ---- hostile content files (the whole path) --------------------------------- */

Test(fuzz_hostile, invalid_utf8_is_reported_at_its_line_and_column)
{
	char *log = run_file(ct_run, CORPUS "/content/invalid-utf8.md");
	cr_expect_str_eq(log, "markdown file: 2:8: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)\n"
	                      "yaml file: 2:8: the file is not valid UTF-8 text; save it as UTF-8 (Unicode)\n");
	free(log);
	/* a NUL is not "not UTF-8" but a control character (issue 11, item 3): refused at its
	 * place, and the text after it is kept */
	log = run_file(ct_run, CORPUS "/content/nul.md");
	cr_expect(has_line(log, "yaml file: 2:9: the text holds the control character U+0000 (NUL), which cannot appear "
	                        "on a page, in a feed or in an e-mail; remove it"), "%s", log);
	cr_expect(strstr(log, "html: [<p>x y</p>\n]") != NULL, "%s", log);
	free(log);
}

Test(fuzz_hostile, crlf_content_file_builds_and_renders)
{
	char *log = run_file(ct_run, CORPUS "/content/crlf.md");
	cr_expect(strstr(log, "html: [<p>Rad ett\nRad två</p>\n]\n") != NULL, "%s", log);
	cr_expect(strstr(log, "\nas content/insatser/alfa/fuzz.md: 0 errors,") != NULL, "%s", log);
	cr_expect(has_line(log, "  content/evenemang/fuzz.md:2:1: missing 'start': when the event begins, e.g. start: "
	                        "2015-03-12T08:30"),
	          "%s", log);
	free(log);
}

Test(fuzz_hostile, unclosed_front_matter_is_an_error)
{
	char *log = run_file(ct_run, CORPUS "/content/unclosed.md");
	cr_expect(has_line(log, "markdown file: 1:1: the front matter is never closed: add a line '---' after the last "
	                        "'key: value' line"),
	          "%s", log);
	free(log);
}

/* ---- hostile templates ------------------------------------------------------ */

Test(fuzz_hostile, unclosed_sections_and_tags)
{
	static const char *const cases[][2] = {
		{"unclosed-section", "main:1:1: section {{#items}} opened on line 1 is never closed (add {{/items}})\n"},
		{"unclosed-tag", "main:1:5: unclosed tag: missing }}\n"},
		{"unclosed-triple", "main:1:5: unclosed tag: missing }}}\n"},
		{"comment-unclosed", "main:1:1: unclosed tag: missing }}\n"},
		{"close-nothing",
		 "main:1:1: {{/items}} closes nothing: no {{#items}} is open here (remove it, or add the opening tag)\n"},
		{"mismatched", "main:1:13: {{/a}} closes {{#b}} opened on line 1 (expected {{/b}})\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, CORPUS "/mustache/%s", cases[i][0]);
		char *log = run_file(mu_run, path);
		cr_expect_str_eq(log, cases[i][1], "%s", cases[i][0]);
		free(log);
	}
}

Test(fuzz_hostile, sections_200_deep_are_a_parse_error)
{
	char *log = run_file(mu_run, CORPUS "/mustache/deep-200");
	cr_expect_str_eq(log, "main:1:901: sections, blocks and parents are nested more than 100 deep here\n");
	free(log);
}

#define TITLE "Tom &amp; &lt;Jerry&gt; &quot;quoted&quot; &#39;single&#39;"

Test(fuzz_hostile, delimiters_changed_to_odd_strings)
{
	static const char *const cases[][2] = {
		{"delims-odd", "render main: [" TITLE "  " TITLE " 1twofalse]\n"},
		{"delims-one", "render main: [" TITLE TITLE "]\n"},
		{"delims-long", "render main: [" TITLE "]\n"},
		{"delims-same", "render main: [" TITLE " 1twofalse]\n"},
		{"delims-utf8", "render main: [" TITLE " FörstaAndra]\n"},
		{"delims-bad", "main:1:1: invalid delimiter tag {{=x=}}: write the two new delimiters between '=' signs, "
		               "separated by a space, as in {{=<% %>=}}\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, CORPUS "/mustache/%s", cases[i][0]);
		char *log = run_file(mu_run, path);
		cr_expect_str_eq(log, cases[i][1], "%s", cases[i][0]);
		free(log);
	}
	/* a delimiter that overlaps the name after it ("%title" is no key), and one with a
	 * NUL byte */
	char *log = RUN_LITERAL(mu_run, "{{=%% %%=}}%%%title%%%");
	cr_expect_str_eq(log, "render main: [%]\n");
	free(log);
	log = RUN_LITERAL(mu_run, "{{=a\0 b=}}a\0titleb");
	cr_expect_str_eq(log, "render main: [" TITLE "]\n");
	free(log);
}

Test(fuzz_hostile, nul_bytes_in_names)
{
	char *log = run_file(mu_run, CORPUS "/mustache/nul-name");
	cr_expect_str_eq(log, "p:1:1: the tag {{>a has a NUL byte in its name\nrender main: []\n");
	free(log);
	/* a dynamic name with a NUL byte finds no template named by its first part */
	log = run_file(mu_run, CORPUS "/mustache/dynamic-nul");
	cr_expect_str_eq(log, "render main: []\nrender a: [NUL]\n");
	free(log);
}

Test(fuzz_hostile, invalid_utf8_passes_through_templates)
{
	char *log = run_file(mu_run, CORPUS "/mustache/invalid-utf8");
	cr_expect_str_eq(log, "render main: [\xff" TITLE "\xc3]\n");
	free(log);
}

Test(fuzz_hostile, self_including_partial_stops_after_100_levels)
{
	char *log = run_file(mu_run, CORPUS "/mustache/self-partial");
	sg_buf w = SG_BUF_INIT;
	sg_buf_puts(&w, "render main: [");
	for (int i = 0; i < 101; i++) /* the template, then 100 expansions */
		sg_buf_putc(&w, 'a');
	for (int i = 0; i < 101; i++)
		sg_buf_putc(&w, 'b');
	sg_buf_puts(&w, "]\n");
	cr_expect_str_eq(log, sg_buf_cstr(&w));
	sg_buf_free(&w);
	free(log);
}
