/* Planning (src/plan): page URLs and what each kommun page lists. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/model.h"
#include "plan/plan.h"

static sg_site *site_of(const fixture_file *extra, size_t n, char **root)
{
	fixture_file files[12] = {FIXTURE_SITE, FIXTURE_FORBUND};
	for (size_t i = 0; i < n; i++)
		files[2 + i] = extra[i];
	*root = fixture_make(files, n + 2);
	char *content = sg_path_join(*root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_diags_free(d);
	free(content);
	return s;
}

static bool lists(const sg_insats_list *l, const char *slug)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i]->slug, slug) == 0)
			return true;
	return false;
}

Test(plan, kommun_pages_separate_local_shared_other_and_structural)
{
	fixture_file f[] = {
		{"insatser/sjuharad/lokal.md", "---\ntitle: L\narea: individinriktad\nplaces: [{municipality: Borås}]\n"
		                               "referral: {open: true}\n---\n"},
		{"insatser/sjuharad/gemensam.md", "---\ntitle: G\narea: individinriktad\nplaces: [{participants: 4}]\n---\n"},
		{"insatser/sjuharad/stangd.md", "---\ntitle: S\nplaces: [{municipality: Mark}]\nreferral: {open: false}\n---\n"},
		{"insatser/sjuharad/dialog.md", "---\ntitle: D\narea: strukturövergripande\ncategory: dialog\n---\n"},
	};
	char *root;
	sg_site *s = site_of(f, 4, &root);
	sg_plan *p = sg_plan_new(s, "2015-06-01");
	const sg_kommun_index *boras = NULL, *mark = NULL;
	for (size_t i = 0; i < p->n_kommuner; i++) {
		if (strcmp(p->kommuner[i].kommun->slug, "boras") == 0)
			boras = &p->kommuner[i];
		if (strcmp(p->kommuner[i].kommun->slug, "mark") == 0)
			mark = &p->kommuner[i];
	}
	cr_assert(boras && mark);
	cr_assert(lists(&boras->local, "lokal"));
	cr_assert(lists(&boras->shared, "gemensam"));
	cr_assert_not(lists(&boras->other, "stangd"), "closed for referral elsewhere: not listed");
	cr_assert(lists(&mark->local, "stangd"));
	cr_assert(lists(&mark->other, "lokal"), "open for referral, placed in another member kommun");
	cr_assert(lists(&mark->structural, "dialog"));
	cr_assert_not(lists(&mark->shared, "dialog"));

	/* pages: home, 3 kommuner, 1 förbund, 4 insatser, categories with insatser, 404 */
	size_t insats_pages = 0, not_found = 0;
	for (size_t i = 0; i < p->n_pages; i++) {
		insats_pages += p->pages[i].kind == SG_PAGE_INSATS;
		not_found += p->pages[i].kind == SG_PAGE_NOT_FOUND;
		if (p->pages[i].kind == SG_PAGE_INSATS && strcmp(p->pages[i].subject.insats->slug, "lokal") == 0) {
			cr_assert_str_eq(p->pages[i].url, "/insats/sjuharad/lokal/");
			cr_assert_str_eq(p->pages[i].out_path, "insats/sjuharad/lokal/index.html");
		}
	}
	cr_assert_eq(insats_pages, 4);
	cr_assert_eq(not_found, 1);
	cr_assert_eq(p->n_categories, 1, "only categories that have insatser get a page");
	sg_plan_free(p);
	sg_site_free(s);
	sg_remove_tree(root);
	free(root);
}

/* The page-kind table is complete: every built-in kind has a name, a template, a URL,
 * a way to make its pages and a stated dependency on insatser (what serve re-renders
 * after an insats changes). A kind added to the enum without its row fails here. */
Test(plan, every_page_kind_has_a_complete_row)
{
	for (size_t k = 0; k < SG_PAGE_KIND_COUNT; k++) {
		const sg_page_kind_def *d = &sg_page_kinds[k];
		cr_assert_not_null(d->name, "page kind %zu has no row in sg_page_kinds", k);
		cr_assert_not_null(d->template, "page kind %s has no template", d->name);
		cr_assert_not_null(d->url, "page kind %s has no URL", d->name);
		cr_assert_not_null(d->shows_insats, "page kind %s does not say which insatser it shows", d->name);
		cr_assert(d->pages || k == SG_PAGE_NYHETSBREV_EPOST, "page kind %s makes no pages", d->name);
		for (size_t j = 0; j < k; j++)
			cr_assert_str_neq(sg_page_kinds[j].name, d->name);
	}
}

/* Every page's subject is of its kind's subject type, and the URL a reference's target
 * gets is the one its page has. */
Test(plan, subjects_are_typed_and_urls_come_from_the_plan)
{
	fixture_file f[] = {
		{"insatser/sjuharad/lokal.md", "---\ntitle: L\nplaces: [{municipality: Borås}]\n---\n"},
	};
	char *root;
	sg_site *s = site_of(f, 1, &root);
	sg_plan *p = sg_plan_new(s, "2026-01-01");
	for (size_t i = 0; i < p->n_pages; i++) {
		const sg_page *pg = &p->pages[i];
		cr_assert_eq(pg->subject.kind, sg_page_kinds[pg->kind].subject, "%s", pg->url);
		cr_assert_str_eq(pg->template, sg_page_kinds[pg->kind].template);
		if (pg->kind == SG_PAGE_INSATS) {
			char *url = sg_plan_url_of(p, SG_SUBJECT_INSATS, pg->subject.insats);
			cr_assert_str_eq(url, pg->url);
			free(url);
		}
		if (pg->kind == SG_PAGE_KOMMUN) {
			char *url = sg_plan_url_of(p, SG_SUBJECT_KOMMUN, pg->subject.kommun->kommun);
			cr_assert_str_eq(url, pg->url);
			free(url);
		}
	}
	char *out = sg_url_out_path("/nyhetsbrev/x/epost.html");
	cr_assert_str_eq(out, "nyhetsbrev/x/epost.html");
	free(out);
	out = sg_url_out_path("/kommun/boras/");
	cr_assert_str_eq(out, "kommun/boras/index.html");
	free(out);
	sg_plan_free(p);
	sg_site_free(s);
	sg_remove_tree(root);
	free(root);
}
