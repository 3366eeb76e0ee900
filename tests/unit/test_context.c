/* The template contract (src/render/context.c, documented in docs/templates.md): the
 * keys each page kind's context gives its template. A documented key that disappears
 * (or a page kind whose context is not listed here) fails this test. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/model.h"
#include "plan/plan.h"
#include "render/context.h"
#include "util/alloc.h"
#include "util/fs.h"

/* The keys (dotted paths; "a.0.b" is item 0 of list a) that are always present on a
 * page of each kind of the example site. Optional keys (docs: "optional") only where
 * the example content has them. */
static const char *const contract[SG_PAGE_KIND_COUNT] = {
	[SG_PAGE_HOME] = "site page page.url page.canonical page.description page.is_home",
	[SG_PAGE_KOMMUN] = "page.title kommun.name kommun.slug kommun.forbund.0.title kommun.forbund.0.url "
	                   "kommun.forbund.0.contact kommun.forbund.0.forbund_contact kommun.local kommun.shared "
	                   "kommun.other kommun.structural kommun.local_count kommun.shared_count kommun.other_count "
	                   "kommun.structural_count kommun.economy",
	[SG_PAGE_FORBUND] = "page.title forbund.title forbund.members.0.name forbund.members.0.url "
	                    "forbund.members.0.contact forbund.contact forbund.individinriktade "
	                    "forbund.strukturovergripande forbund.utan_omrade forbund.insats_count forbund.nyhetsbrev "
	                    "forbund.feed_url forbund.ics_url forbund.evenemang.upcoming forbund.evenemang.past "
	                    "forbund.dokument forbund.economy",
	[SG_PAGE_INSATS] = "page.title insats.title insats.url insats.forbund_title insats.forbund_url "
	                   "insats.categories insats.kommuner insats.open insats.contact insats.places insats.has_funds "
	                   "insats.review_due",
	[SG_PAGE_KATEGORI] = "page.title kategori.name kategori.individ kategori.struktur kategori.insatser "
	                     "kategori.insats_count kategori.insatser.0.title kategori.insatser.0.url "
	                     "kategori.insatser.0.age kategori.insatser.0.target_groups kategori.insatser.0.duration "
	                     "kategori.insatser.0.status kategori.insatser.0.vacancies kategori.insatser.0.kommuner "
	                     "kategori.insatser.0.summary kategori.insatser.0.provider",
	[SG_PAGE_EKONOMI] = "page.title ekonomi.forbund_title ekonomi.forbund_url ekonomi.year ekonomi.insats_count "
	                    "ekonomi.kommuner ekonomi.individ_whole ekonomi.struktur ekonomi.insatser ekonomi.own_costs "
	                    "ekonomi.own_total ekonomi.insats_costs ekonomi.total_costs ekonomi.total_forbund "
	                    "ekonomi.categories ekonomi.chart_kommuner_html ekonomi.chart_kategorier_html ekonomi.years",
	[SG_PAGE_NYHETSBREV_LISTA] = "page.title nyhetsbrev_lista.0.year nyhetsbrev_lista.0.items.0.title "
	                             "nyhetsbrev_lista.0.items.0.url nyhetsbrev_lista.0.items.0.date "
	                             "nyhetsbrev_lista.0.items.0.date_text",
	[SG_PAGE_NYHETSBREV] = "page.title nyhetsbrev.title nyhetsbrev.url nyhetsbrev.date nyhetsbrev.date_text "
	                       "nyhetsbrev.body_html nyhetsbrev.epost_url nyhetsbrev.text_url nyhetsbrev.base",
	[SG_PAGE_NYHETSBREV_EPOST] = "page.title nyhetsbrev.title nyhetsbrev.url nyhetsbrev.body_mail_html "
	                             "nyhetsbrev.web_url nyhetsbrev.base",
	[SG_PAGE_EVENEMANG_LISTA] = "page.title evenemang_lista.upcoming evenemang_lista.past",
	[SG_PAGE_EVENEMANG] = "page.title evenemang.title evenemang.url evenemang.start evenemang.when "
	                      "evenemang.is_past evenemang.body_html evenemang.ics_url",
	[SG_PAGE_DOKUMENT] = "page.title dokument.0.forbund_title dokument.0.types.0.items.0.title "
	                     "dokument.0.types.0.items.0.url dokument.0.types.0.items.0.size "
	                     "dokument.0.types.0.items.0.format",
	[SG_PAGE_BLANKETT] = "page.title blankett.title blankett.sections.0.title blankett.sections.0.fields.0",
	[SG_PAGE_REMISS] = "page.title blankett.title blankett.sections blankett.insats.title blankett.insats.url "
	                   "blankett.insats.forbund_title blankett.insats.kommuner blankett.insats.choose_kommun",
	[SG_PAGE_SIDA] = "page.title sida.title sida.body_html",
	[SG_PAGE_SIDOR] = "page.title sidor.0.title sidor.0.url",
	[SG_PAGE_SOK] = "page.title site.kommuner site.categories site.target_groups site.target_groups.0.name "
	                "site.target_groups.0.slug site.target_groups.0.terms site.root",
	[SG_PAGE_TILLGANGLIGHET] = "page.title tillganglighet.organisation tillganglighet.gaps",
	[SG_PAGE_NOT_FOUND] = "page.title page.url",
	[SG_PAGE_PERSONUPPGIFTER] = "page.title personuppgifter.controller personuppgifter.contact "
	                            "personuppgifter.retention personuppgifter.server_logs personuppgifter.updated_text "
	                            "personuppgifter.has_forms personuppgifter.forms_action",
	[SG_PAGE_KOMMUN_UTSKRIFT] = "page.title utskrift.kommun_name utskrift.kommun_url utskrift.date_text "
	                            "utskrift.contacts utskrift.has_contacts utskrift.insatser utskrift.has_insatser "
	                            "utskrift.count",
	[SG_PAGE_VERKSAMHETSPLAN] = "page.title verksamhetsplan.forbund_title verksamhetsplan.forbund_url "
	                            "verksamhetsplan.year verksamhetsplan.title verksamhetsplan.css_running "
	                            "verksamhetsplan.sections verksamhetsplan.groups.0.area verksamhetsplan.groups.0.id "
	                            "verksamhetsplan.groups.0.categories.0.category "
	                            "verksamhetsplan.groups.0.categories.0.insatser.0.rows.0.place "
	                            "verksamhetsplan.has_insatser verksamhetsplan.years ekonomi.kommuner ekonomi.financing",
};

/* every page has these */
static const char *const everywhere = "site.title site.base_url site.root site.language site.portal "
                                      "site.insats_count site.kommun_count site.forbund.0.title site.forbund.0.url "
                                      "site.forbund.0.members site.forbund.0.insats_count site.kommuner.0.name "
                                      "site.kommuner.0.slug site.kommuner.0.url site.kommuner.0.insats_count "
                                      "site.categories.0.name site.categories.0.slug site.categories.0.url "
                                      "site.categories.0.insats_count site.target_groups site.sidor "
                                      "site.has_sidor_index site.has_nyhetsbrev site.has_evenemang site.has_dokument "
                                      "site.latest_nyhetsbrev site.upcoming_evenemang site.blanketter "
                                      "page.url page.canonical";

/* The value at a dotted path, or NULL. */
static const sg_value *at(const sg_value *v, const char *path)
{
	while (v && *path) {
		size_t n = strcspn(path, ".");
		if (sg_value_kind_of(v) == SG_VAL_LIST) {
			char *end;
			unsigned long i = strtoul(path, &end, 10);
			v = end == path + n && i < sg_value_count(v) ? sg_value_item(v, i) : NULL;
		} else {
			v = sg_value_getn(v, path, n);
		}
		path += n;
		if (*path == '.')
			path++;
	}
	return v;
}

static void assert_keys(const sg_value *ctx, const sg_page *p, const char *keys)
{
	char *copy = sg_strdup(keys), *save = NULL;
	for (char *k = strtok_r(copy, " ", &save); k; k = strtok_r(NULL, " ", &save))
		cr_expect_not_null(at(ctx, k), "the context of %s (%s) has no '%s' (docs/templates.md)", p->url,
		                   sg_page_kinds[p->kind].name, k);
	free(copy);
}

Test(context, every_page_kind_gives_its_template_the_documented_keys)
{
	/* the example site, plus a sida left out of the footer (so /sidor/ exists) */
	char tmpl[] = "/tmp/sofgen-context-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *content = sg_path_join(tmpl, "content");
	cr_assert_eq(fixture_copy_tree("content", content), 0);
	char *extra = sg_path_join(content, "sidor/ovrigt.md");
	const char *text = "---\ntitle: Övrigt\nfooter: false\n---\nText.\n";
	cr_assert_eq(sg_write_file(extra, text, strlen(text)), 0);
	free(extra);

	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *site = sg_site_build(sg_sources_read(content, d), &o, d);
	if (sg_diags_errors(d))
		diags_dump(d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_plan *plan = sg_plan_new(site, "2020-06-01T12:00");
	sg_contexts *c = sg_contexts_new(site, plan);

	bool seen[SG_PAGE_KIND_COUNT] = {false};
	for (size_t i = 0; i < plan->n_pages; i++) {
		const sg_page *p = &plan->pages[i];
		cr_assert_not_null(contract[p->kind], "page kind %s: add its keys to this test", sg_page_kinds[p->kind].name);
		if (seen[p->kind])
			continue; /* the first page of each kind */
		seen[p->kind] = true;
		sg_value *ctx = sg_contexts_page(c, p);
		assert_keys(ctx, p, everywhere);
		assert_keys(ctx, p, contract[p->kind]);
		sg_value_unref(ctx);
	}
	for (size_t k = 0; k < SG_PAGE_KIND_COUNT; k++)
		cr_expect(seen[k], "the example site has no %s page: the test does not see its context",
		          sg_page_kinds[k].name);

	/* absent where the docs say so */
	for (size_t i = 0; i < plan->n_pages; i++) {
		const sg_page *p = &plan->pages[i];
		sg_value *ctx = sg_contexts_page(c, p);
		if (p->kind == SG_PAGE_HOME)
			cr_expect_null(at(ctx, "page.title"), "no page.title on the home page");
		else
			cr_expect_null(at(ctx, "page.is_home"), "page.is_home only on the home page (%s)", p->url);
		if (p->kind == SG_PAGE_NYHETSBREV_EPOST)
			cr_expect_null(at(ctx, "nyhetsbrev.body_html"), "no body_html on the e-mail page");
		if (p->kind == SG_PAGE_BLANKETT)
			cr_expect_null(at(ctx, "blankett.insats"), "blankett.insats only on remiss/ pages");
		sg_value_unref(ctx);
	}

	sg_contexts_free(c);
	sg_plan_free(plan);
	sg_site_free(site);
	sg_diags_free(d);
	sg_remove_tree(tmpl);
	free(content);
}
