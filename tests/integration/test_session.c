/* test_session.c — incremental rebuilds (src/session.c, what `sofgen serve` runs)
 * must give exactly the site a full build gives. Each test copies the example content,
 * builds it once in a kept session, edits insatser files the way an editor would, lets
 * the session update its folder, and compares that folder byte for byte (diff -r) with
 * a fresh full build of the edited content. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pipeline.h"
#include "plan/plan.h"
#include "session.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/fs.h"

#define NOW "2026-11-24T12:00"
#define AKTIV "insatser/sjuharad/aktiv-halsa.md"

typedef struct {
	char *root, *content, *kept, *fresh;
	const char *templates;
	const sg_plan_kinds *kinds; /* page kinds beyond sofgen's, or NULL */
	sg_session *session;
} fixture;

static char *run_out(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	char *text = sg_calloc(1, 65536);
	size_t n = fread(text, 1, 65535, p);
	text[n] = '\0';
	pclose(p);
	return text;
}

/* templates: NULL for the project's; kinds: page kinds added in this test build */
static fixture start_with(const char *templates, const sg_plan_kinds *kinds)
{
	fixture f = {.templates = templates ? templates : "templates", .kinds = kinds};
	char tmpl[] = "/tmp/sofgen-session-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	f.root = sg_strdup(tmpl);
	f.content = sg_path_join(f.root, "content");
	f.kept = sg_path_join(f.root, "kept");
	f.fresh = sg_path_join(f.root, "fresh");
	char *cmd = sg_asprintf("cp -r content %s", f.content);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	sg_pipeline_opts o = {.content_dir = f.content,
	                      .templates_dir = f.templates,
	                      .assets_dir = "assets",
	                      .out_dir = f.kept,
	                      .write = true,
	                      .now = NOW,
	                      .build_future = true, /* the example's letters link to later ones (issue 15) */
	                      .jobs = 2,
	                      .page_kinds = kinds};
	f.session = sg_session_new(&o, true);
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_session_build(f.session, d, NULL), SG_RUN_OK);
	sg_diags_free(d);
	return f;
}

static fixture start(void) { return start_with(NULL, NULL); }

static void finish(fixture *f)
{
	sg_session_free(f->session);
	char *cmd = sg_asprintf("rm -rf %s", f->root);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(f->root);
	free(f->content);
	free(f->kept);
	free(f->fresh);
}

static char *content_path(const fixture *f, const char *rel) { return sg_path_join(f->content, rel); }

/* Replaces the first occurrence of `from` in the file by `to`. */
static void edit(const fixture *f, const char *rel, const char *from, const char *to)
{
	char *path = content_path(f, rel);
	size_t len;
	char *text = sg_read_file(path, &len, 1 << 20);
	cr_assert_not_null(text);
	char *at = strstr(text, from);
	cr_assert_not_null(at, "%s has no '%s'", rel, from);
	char *edited = sg_asprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	cr_assert_eq(sg_write_file(path, edited, strlen(edited)), 0);
	free(edited);
	free(text);
	free(path);
}

/* The session's update after rel changed: its result, whether it was incremental. */
static sg_run_result update(fixture *f, const char *rel, sg_build_stats *stats, bool *incremental, sg_diags *d)
{
	char *path = content_path(f, rel);
	const char *changed[] = {path};
	sg_run_result r = sg_session_update(f->session, changed, 1, d, stats, incremental);
	free(path);
	return r;
}

/* The kept folder equals a full build of the content as it is now. */
static void assert_same_as_full_build(fixture *f)
{
	sg_pipeline_opts o = {.content_dir = f->content,
	                      .templates_dir = f->templates,
	                      .assets_dir = "assets",
	                      .out_dir = f->fresh,
	                      .write = true,
	                      .now = NOW,
	                      .build_future = true, /* the example's letters link to later ones (issue 15) */
	                      .jobs = 1,
	                      .page_kinds = f->kinds};
	sg_diags *d = sg_diags_new();
	sg_run_result r = sg_pipeline_run(&o, d, NULL);
	if (r != SG_RUN_OK)
		sg_diags_print(d, stderr);
	cr_assert_eq(r, SG_RUN_OK);
	sg_diags_free(d);
	char *cmd = sg_asprintf("diff -r %s %s 2>&1 | head -c 2000", f->kept, f->fresh);
	char *diff = run_out(cmd);
	cr_assert_str_empty(diff, "the incrementally updated site differs from a full build:\n%s", diff);
	free(diff);
	free(cmd);
}

static sg_run_result update_ok(fixture *f, const char *rel, sg_build_stats *stats)
{
	bool incremental = false;
	sg_diags *d = sg_diags_new();
	sg_run_result r = update(f, rel, stats, &incremental, d);
	if (r != SG_RUN_OK)
		sg_diags_print(d, stderr);
	cr_assert_eq(r, SG_RUN_OK);
	cr_assert(incremental, "an edited insats is rebuilt incrementally");
	sg_diags_free(d);
	return r;
}

Test(session, a_new_title_reorders_the_lists_and_renders_few_pages)
{
	fixture f = start();
	edit(&f, AKTIV, "title: Aktiv hälsa", "title: Öppen hälsa");
	sg_build_stats stats;
	update_ok(&f, AKTIV, &stats);
	cr_assert_gt(stats.rendered, 3);
	cr_assert_lt(stats.rendered * 3, stats.pages, "rendered %zu of %zu pages", stats.rendered, stats.pages);
	assert_same_as_full_build(&f);
	finish(&f);
}

Test(session, places_funds_and_categories)
{
	fixture f = start();
	/* a place leaves (kommun lists and economy), funds change, a category changes */
	edit(&f, AKTIV, "  - municipality: Vårgårda\n    participants: 20\n    funds: {forbund: 75, cofunding: 0, esf: 0}\n",
	     "");
	edit(&f, AKTIV, "funds: {forbund: 300,", "funds: {forbund: 310,");
	edit(&f, AKTIV, "category: förberedande", "category: rehabilitering");
	update_ok(&f, AKTIV, NULL);
	assert_same_as_full_build(&f);
	finish(&f);
}

Test(session, body_with_a_reference_and_two_files_at_once)
{
	fixture f = start();
	edit(&f, AKTIV, "title: Aktiv hälsa", "title: Aktiv hälsa i Sjuhärad");
	char *path = content_path(&f, AKTIV);
	size_t len;
	char *text = sg_read_file(path, &len, 1 << 20);
	char *more = sg_asprintf("%s\nSe även [Atlas](insats:sjuharad/atlas) och [Borås](kommun:boras).\n", text);
	cr_assert_eq(sg_write_file(path, more, strlen(more)), 0);
	edit(&f, "insatser/sjuharad/atlas.md", "title: ", "title: Nya ");
	char *atlas = content_path(&f, "insatser/sjuharad/atlas.md");
	const char *changed[] = {path, atlas};
	bool incremental = false;
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_session_update(f.session, changed, 2, d, NULL, &incremental), SG_RUN_OK);
	cr_assert(incremental);
	sg_diags_free(d);
	assert_same_as_full_build(&f);
	free(atlas);
	free(more);
	free(text);
	free(path);
	finish(&f);
}

Test(session, an_error_keeps_the_site_and_the_fix_is_built)
{
	fixture f = start();
	char *page = sg_path_join(f.kept, "insats/sjuharad/aktiv-halsa/index.html");
	struct stat before, after;
	cr_assert_eq(stat(page, &before), 0);
	edit(&f, AKTIV, "municipality: Borås", "municipality: Boras stad");
	bool incremental = false;
	sg_diags *d = sg_diags_new();
	cr_assert_eq(update(&f, AKTIV, NULL, &incremental, d), SG_RUN_CONTENT_ERRORS);
	cr_assert(incremental);
	cr_assert_eq(sg_diags_errors(d), 1);
	const sg_diag *e = sg_diags_at(d, 0);
	cr_assert(strstr(e->file, AKTIV) != NULL);
	cr_assert_gt(e->line, 1);
	cr_assert(strstr(e->message, "Borås") != NULL, "the closest kommun is suggested: %s", e->message);
	sg_diags_free(d);
	cr_assert_eq(stat(page, &after), 0);
	cr_assert_eq(before.st_ino, after.st_ino, "nothing is written while the content has errors");
	cr_assert_eq(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);

	/* an edit elsewhere does not forget the broken file: it is still pending */
	edit(&f, "insatser/sjuharad/atlas.md", "title: ", "title: Nya ");
	d = sg_diags_new();
	cr_assert_eq(update(&f, "insatser/sjuharad/atlas.md", NULL, &incremental, d), SG_RUN_CONTENT_ERRORS);
	cr_assert_eq(sg_diags_errors(d), 1);
	sg_diags_free(d);

	edit(&f, AKTIV, "municipality: Boras stad", "municipality: Borås");
	edit(&f, AKTIV, "title: Aktiv hälsa", "title: Aktiv hälsa 2");
	update_ok(&f, AKTIV, NULL);
	assert_same_as_full_build(&f);
	free(page);
	finish(&f);
}

Test(session, a_budget_that_no_longer_adds_up_is_undone)
{
	fixture f = start();
	edit(&f, AKTIV, "funds: {forbund: 300,", "funds: {forbund: 300000,");
	bool incremental = false;
	sg_diags *d = sg_diags_new();
	cr_assert_eq(update(&f, AKTIV, NULL, &incremental, d), SG_RUN_CONTENT_ERRORS);
	cr_assert_geq(sg_diags_errors(d), 1);
	cr_assert(strstr(sg_diags_at(d, 0)->message, "does not cover") != NULL, "%s", sg_diags_at(d, 0)->message);
	sg_diags_free(d);
	edit(&f, AKTIV, "funds: {forbund: 300000,", "funds: {forbund: 300,");
	update_ok(&f, AKTIV, NULL);
	assert_same_as_full_build(&f);
	finish(&f);
}

Test(session, a_draft_a_new_file_and_a_template_are_full_builds)
{
	fixture f = start();
	/* an insats no other text links to */
	edit(&f, "insatser/sjuharad/grona-vagen.md", "title: ", "draft: true\ntitle: ");
	bool incremental = true;
	sg_diags *d = sg_diags_new();
	cr_assert_eq(update(&f, "insatser/sjuharad/grona-vagen.md", NULL, &incremental, d), SG_RUN_OK);
	cr_assert_not(incremental, "an insats that leaves the site needs a full build");
	assert_same_as_full_build(&f);

	char *added = content_path(&f, "insatser/sjuharad/ny-insats.md");
	const char *text = "---\ntitle: Ny insats\narea: individinriktad\ncategory: förberedande\n---\nText.\n";
	cr_assert_eq(sg_write_file(added, text, strlen(text)), 0);
	cr_assert_eq(update(&f, "insatser/sjuharad/ny-insats.md", NULL, &incremental, d), SG_RUN_OK);
	cr_assert_not(incremental);
	assert_same_as_full_build(&f);

	/* a file that came and went (sed -i's temporary file) changes nothing */
	cr_assert_eq(update(&f, "insatser/sjuharad/sedXYZ123", NULL, &incremental, d), SG_RUN_OK);
	cr_assert(incremental);
	sg_diags_free(d);
	free(added);
	finish(&f);
}

/* ---- a page kind sofgen does not have ------------------------------------------ */

/* Added in this test build through the plan's hook (sg_pipeline_opts.page_kinds): one
 * page per insats, /test-kind/<förbund>/<insats>/, that shows the insats' title. Its
 * row in the page-kind table must say which insatser it shows, and serve re-renders
 * what the row says: the trap of a new kind left stale is closed by construction. */
static char *test_kind_url(sg_subject s)
{
	return sg_asprintf("/test-kind/%s/%s/", s.insats->forbund->slug, s.insats->slug);
}

static void test_kind_pages(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_insatser; i++)
		sg_plan_add_page(p, kind, (sg_subject){.kind = SG_SUBJECT_INSATS, .insats = site->insatser[i]});
}

static const sg_page_kind_def test_kind = {"test-kind", "test-kind", SG_SUBJECT_INSATS, test_kind_pages,
                                           test_kind_url,  sg_shows_its_insats, true, NULL};
/* the same kind, its dependency stated wrongly ("shows no insats") */
static const sg_page_kind_def test_kind_wrong = {"test-kind", "test-kind", SG_SUBJECT_INSATS, test_kind_pages,
                                                 test_kind_url,  sg_shows_no_insats, true, NULL};

/* The project's templates and the test kind's, in the fixture's folder. */
static char *templates_with_test_kind(void)
{
	char tmpl[] = "/tmp/sofgen-session-tpl-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *cmd = sg_asprintf("cp -r templates/. %s/", tmpl);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	char *path = sg_path_join(tmpl, "test-kind.mustache");
	const char *text = "<h1>{{insats.title}}</h1> {{page.url}} {{page.title}}\n";
	cr_assert_eq(sg_write_file(path, text, strlen(text)), 0);
	free(path);
	return sg_strdup(tmpl);
}

static char *read_page(const char *dir, const char *rel)
{
	char *path = sg_path_join(dir, rel);
	size_t len;
	char *text = sg_read_file(path, &len, 1 << 20);
	cr_assert_not_null(text, "%s was not written", path);
	free(path);
	return text;
}

Test(session, a_page_kind_added_in_a_test_build_is_rendered_again_after_an_insats_edit)
{
	char *templates = templates_with_test_kind();
	sg_plan_kinds kinds = {&test_kind, 1};
	fixture f = start_with(templates, &kinds);
	char *before = read_page(f.kept, "test-kind/sjuharad/aktiv-halsa/index.html");
	cr_assert(strstr(before, "<h1>Aktiv hälsa</h1>"), "%s", before);
	free(before);
	edit(&f, AKTIV, "title: Aktiv hälsa", "title: Öppen hälsa");
	update_ok(&f, AKTIV, NULL);
	char *after = read_page(f.kept, "test-kind/sjuharad/aktiv-halsa/index.html");
	cr_assert(strstr(after, "<h1>Öppen hälsa</h1>"), "%s", after);
	free(after);
	assert_same_as_full_build(&f);
	finish(&f);
	sg_remove_tree(templates);
	free(templates);
}

/* The other side: what serve re-renders is what the row says, so a row that says "no
 * insats" leaves the page stale. (This is why every row must state it: test_plan.c.) */
Test(session, the_rows_dependency_decides_what_is_rendered_again)
{
	char *templates = templates_with_test_kind();
	sg_plan_kinds kinds = {&test_kind_wrong, 1};
	fixture f = start_with(templates, &kinds);
	edit(&f, AKTIV, "title: Aktiv hälsa", "title: Öppen hälsa");
	update_ok(&f, AKTIV, NULL);
	char *after = read_page(f.kept, "test-kind/sjuharad/aktiv-halsa/index.html");
	cr_assert(strstr(after, "<h1>Aktiv hälsa</h1>"), "not rendered again: still the old title\n%s", after);
	free(after);
	finish(&f);
	sg_remove_tree(templates);
	free(templates);
}

/* Issue 13: what pages say about an insats depends on the day. On a new day (sofgen
 * serve looks at the clock when idle) the session builds everything again, with or
 * without a changed file, and the pages follow the new day. */
Test(session, a_new_day_builds_everything_again)
{
	fixture f = start();
	char *page = sg_path_join(f.kept, "insats/sjuharad/aktiv-halsa/index.html");
	size_t len;
	char *text = sg_read_file(page, &len, 1 << 22);
	cr_assert_not_null(text);
	cr_expect_null(strstr(text, "Tar emot remisser"), "ended by 2026");
	free(text);

	sg_session_set_now(f.session, "2015-06-01T12:00");
	sg_diags *d = sg_diags_new();
	bool incremental = true;
	cr_assert_eq(sg_session_update(f.session, NULL, 0, d, NULL, &incremental), SG_RUN_OK);
	cr_expect_not(incremental, "a new day is a full build");
	text = sg_read_file(page, &len, 1 << 22);
	cr_assert_not_null(text);
	cr_expect_not_null(strstr(text, "Tar emot remisser"), "running and open on 2015-06-01");
	free(text);

	/* the same day again: an edit is incremental */
	sg_session_set_now(f.session, "2015-06-01T18:00");
	edit(&f, AKTIV, "title: Aktiv hälsa", "title: Aktiv hälsa i Sjuhärad");
	incremental = false;
	cr_assert_eq(update(&f, AKTIV, NULL, &incremental, d), SG_RUN_OK);
	cr_expect(incremental, "later the same day, an edit is rebuilt incrementally");
	sg_diags_free(d);
	free(page);
	finish(&f);
}
