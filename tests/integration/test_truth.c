/* test_truth.c — no page states a fact its content does not give (issue 13 §1). A list
 * item's missing field once showed another item's value ({{#list.0}} pushed the first
 * item, contexts leave out empty fields): "Utförare: Lernia" on every card, the first
 * place's kommun and participants on a whole-förbund row, one event's place and audience
 * on the next. Here: a site where only the first item of each list has those fields,
 * built, and each fact counted on every page; and every page of the example site and of
 * these fixtures rendered strictly (sg_tpl_render_strict), so no template relies on
 * another list item's field. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "model/model.h"
#include "plan/plan.h"
#include "read/content.h"
#include "render/context.h"
#include "template/mustache.h"
#include "util/alloc.h"
#include "util/fs.h"

/* Only the first card has provider, status and year; only the first place of each
 * insats has a kommun or participants; only the first event has location and audience. */
static const fixture_file leak_site[] = {
	FIXTURE_SITE,
	FIXTURE_FORBUND,
	{"insatser/sjuharad/alfa.md", "---\ntitle: Alfa\nyear: 2015\narea: individinriktad\ncategory: förberedande\n"
	                              "status: active\nprovider: {name: Lernia}\nplaces:\n"
	                              "  - {municipality: Borås, participants: 17}\n  - {funds: {forbund: 100}}\n"
	                              "---\nText.\n"},
	{"insatser/sjuharad/beta.md", "---\ntitle: Beta\narea: individinriktad\ncategory: förberedande\nplaces:\n"
	                              "  - {funds: {forbund: 200}}\n  - {municipality: Mark}\n---\nText.\n"},
	{"insatser/sjuharad/gamma.md", "---\ntitle: Gamma\narea: individinriktad\ncategory: förberedande\n---\nText.\n"},
	{"evenemang/2027-01-forsta.md", "---\ntitle: Första träffen\nstart: 2027-01-10T10:00\nforbund: sjuharad\n"
	                                "location: Folkets hus i Borås\naudience: Handläggare i Borås\n---\nText.\n"},
	{"evenemang/2027-02-andra.md", "---\ntitle: Andra träffen\nstart: 2027-02-10T10:00\nforbund: sjuharad\n---\nText.\n"},
	{"evenemang/2027-03-tredje.md", "---\ntitle: Tredje träffen\nstart: 2027-03-10T10:00\n---\nText.\n"},
};

/* How often needle occurs in hay (non-overlapping). */
static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += len)
		n++;
	return n;
}

/* The page out/rel/index.html (caller frees); the test fails when it is missing. */
static char *page(const char *out, const char *rel)
{
	char *path = sg_asprintf("%s/%sindex.html", out, rel);
	size_t len;
	char *text = sg_read_file(path, &len, (size_t)1 << 26);
	cr_assert_not_null(text, "no page %s", path);
	free(path);
	return text;
}

typedef struct {
	const char *page; /* under the output folder, "" for the front page */
	const char *fact;
	size_t times;
} fact_count;

Test(truth, each_fact_appears_as_often_as_the_content_gives_it)
{
	char *root = fixture_make(leak_site, sizeof leak_site / sizeof leak_site[0]);
	sg_buf o = SG_BUF_INIT;
	int rc = run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&o));
	char *out = sg_path_join(root, "out");

	/* the card lists: Alfa's card once on each, its facts once, nobody else's */
	static const char *const card_pages[] = {"forbund/sjuharad/", "kommun/boras/", "kategori/forberedande/"};
	static const char *const card_facts[] = {"Utförare: ", "Utförare: Lernia", " · Pågående", " · 2015</p>"};
	for (size_t i = 0; i < sizeof card_pages / sizeof card_pages[0]; i++) {
		/* the kommun page's cards show the provider, not status and year */
		size_t n_facts = strcmp(card_pages[i], "kommun/boras/") == 0 ? 2 : 4;
		char *text = page(out, card_pages[i]);
		cr_expect_eq(count(text, ">Alfa</a></h3>"), 1, "%s: Alfa's card", card_pages[i]);
		cr_expect_eq(count(text, ">Beta</a></h3>"), 1, "%s: Beta's card", card_pages[i]);
		cr_expect_eq(count(text, ">Gamma</a></h3>"), 1, "%s: Gamma's card", card_pages[i]);
		for (size_t f = 0; f < n_facts; f++)
			cr_expect_eq(count(text, card_facts[f]), 1, "%s: \"%s\" %zu times, the content gives it once",
			             card_pages[i], card_facts[f], count(text, card_facts[f]));
		free(text);
	}

	static const fact_count facts[] = {
		/* places: the whole-förbund rows have no kommun and no participants */
		{"insats/sjuharad/alfa/", "<tr><th scope=\"row\"><a href=\"/kommun/boras/\">Borås</a></th><td class=\"n\">17</td>", 1},
		{"insats/sjuharad/alfa/", "<tr><th scope=\"row\">Hela förbundet</th><td class=\"n\"></td>", 1},
		{"insats/sjuharad/alfa/", ">17<", 2}, /* the row and the sum */
		{"insats/sjuharad/beta/", "<tr><th scope=\"row\">Hela förbundet</th><td class=\"n\"></td>", 1},
		{"insats/sjuharad/beta/", "<tr><th scope=\"row\"><a href=\"/kommun/mark/\">Mark</a></th><td class=\"n\"></td>", 1},
		{"insats/sjuharad/beta/", "Borås</a></th>", 0},
		{"insats/sjuharad/beta/", ">17<", 0},
		{"insats/sjuharad/beta/", "Lernia", 0},
		{"insats/sjuharad/gamma/", "Lernia", 0},
		{"kommun/boras/", "Planerade deltagare i Borås: 17 · ", 1},
		{"kommun/boras/", "Planerade deltagare i", 1},
		{"kommun/mark/", "Planerade deltagare i", 0},
		{"kommun/mark/", "Utförare: Lernia", 1},
		{"kommun/svenljunga/", "Utförare: ", 1},
		{"insats/sjuharad/gamma/", "Pågående", 0},
		/* events: the place and audience of the first only */
		{"", "Folkets hus i Borås", 1},
		{"", "För: ", 1},
		{"evenemang/", "Folkets hus i Borås", 1},
		{"evenemang/", "För: Handläggare i Borås", 1},
		{"evenemang/", "För: ", 1},
		{"forbund/sjuharad/", "Folkets hus i Borås", 1},
		{"forbund/sjuharad/", "För: ", 1},
		{"evenemang/2027-02-andra/", "Folkets hus", 0},
		{"evenemang/2027-02-andra/", "Handläggare i Borås", 0},
		{"evenemang/2027-03-tredje/", "Folkets hus", 0},
	};
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
		char *text = page(out, facts[i].page);
		size_t n = count(text, facts[i].fact);
		cr_expect_eq(n, facts[i].times, "/%s: \"%s\" %zu times, the content gives it %zu", facts[i].page,
		             facts[i].fact, n, facts[i].times);
		free(text);
	}
	free(out);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

/* Renders every page of the site in content_dir (its templates: templates/) strictly
 * against `now`; returns the number of reports, printed to stderr. */
static size_t strict_site(const char *content_dir, const char *now, size_t *pages)
{
	sg_diags *d = sg_diags_new();
	sg_build_opts opts = {false};
	sg_site *site = sg_site_build(sg_sources_read(content_dir, d), &opts, d);
	if (sg_diags_errors(d))
		diags_dump(d);
	cr_assert_eq(sg_diags_errors(d), 0, "%s does not build", content_dir);
	sg_tpl_set *set = sg_tpl_set_new();
	cr_assert_eq(sg_tpl_set_load_dir(set, "templates", d), 0);
	sg_plan *plan = sg_plan_new(site, now);
	sg_contexts *c = sg_contexts_new(site, plan);
	sg_diags *strict = sg_diags_new();
	sg_buf out = SG_BUF_INIT;
	for (size_t i = 0; i < plan->n_pages; i++) {
		sg_value *ctx = sg_contexts_page(c, &plan->pages[i]);
		sg_buf_clear(&out);
		cr_assert_eq(sg_tpl_render_strict(set, plan->pages[i].template, ctx, &out, strict), 0);
		cr_assert_gt(out.len, 0, "%s rendered nothing", plan->pages[i].url);
		sg_value_unref(ctx);
	}
	*pages = plan->n_pages;
	size_t n = sg_diags_len(strict);
	if (n) {
		fprintf(stderr, "%s at %s:\n", content_dir, now);
		diags_dump(strict);
	}
	sg_buf_free(&out);
	sg_diags_free(strict);
	sg_contexts_free(c);
	sg_plan_free(plan);
	sg_tpl_set_free(set);
	sg_site_free(site);
	sg_diags_free(d);
	return n;
}

Test(truth, no_template_reads_another_list_items_field)
{
	static const char *const nows[] = {"2015-06-01", "2020-06-01T12:00", "2026-12-04"};
	size_t pages;
	for (size_t i = 0; i < sizeof nows / sizeof nows[0]; i++) {
		cr_expect_eq(strict_site("content", nows[i], &pages), 0, "the example site at %s: see above", nows[i]);
		cr_expect_gt(pages, 50, "the example site has %zu pages", pages);
	}
	cr_expect_eq(strict_site("tests/e2e/fixtures/one-field/content", "2020-06-01", &pages), 0);

	char *root = fixture_make(leak_site, sizeof leak_site / sizeof leak_site[0]);
	char *content = sg_path_join(root, "content");
	cr_expect_eq(strict_site(content, "2026-12-04", &pages), 0, "the leak fixture: see above");
	cr_expect_eq(pages, 17);
	free(content);
	sg_remove_tree(root);
	free(root);
}
