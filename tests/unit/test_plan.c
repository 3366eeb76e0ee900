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
		if (p->pages[i].kind == SG_PAGE_INSATS && strcmp(((const sg_insats *)p->pages[i].subject)->slug, "lokal") == 0) {
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
