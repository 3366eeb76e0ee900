/* Economy (src/model/economy.c, budget.c): sums per kommun and year, budget checks. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/economy.h"
#include "model/model.h"

static sg_site *site_of(const fixture_file *extra, size_t n, char **root, sg_diags *d)
{
	fixture_file files[12] = {FIXTURE_SITE, FIXTURE_FORBUND};
	for (size_t i = 0; i < n; i++)
		files[2 + i] = extra[i];
	*root = fixture_make(files, n + 2);
	char *content = sg_path_join(*root, "content");
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	free(content);
	return s;
}

static void cleanup(sg_site *s, char *root, sg_diags *d)
{
	sg_site_free(s);
	sg_remove_tree(root);
	free(root);
	sg_diags_free(d);
}

static const fixture_file insatser[] = {
	{"insatser/sjuharad/a.md", "---\ntitle: A\nyear: 2015\narea: individinriktad\nplaces:\n"
	                           "  - {municipality: Borås, participants: 10, funds: {forbund: 100.1, esf: 0.2, cofunding: 5}}\n"
	                           "  - {municipality: Mark, participants: 3, funds: {forbund: 0.7}}\n"
	                           "  - {participants: 4, funds: {forbund: 50}}\n---\n"},
	{"insatser/sjuharad/b.md", "---\ntitle: B\nyear: 2015\nplaces:\n  - {municipality: Borås, participants: 2, funds: {forbund: 1}}\n"
	                           "  - {municipality: Svenljunga}\n---\n"},
	{"insatser/sjuharad/c.md", "---\ntitle: C\nyear: 2015\narea: strukturövergripande\ncategory: dialog\n"
	                           "places: [{municipality: Mark, funds: {forbund: 20}}]\n---\n"},
	{"insatser/sjuharad/d.md", "---\ntitle: D\nyear: 2016\nplaces: [{municipality: Mark, funds: {forbund: 999}}]\n---\n"},
};

Test(economy, sums_per_kommun_whole_forbund_and_structural)
{
	char *root;
	sg_diags *d = sg_diags_new();
	sg_site *s = site_of(insatser, 4, &root, d);
	const sg_forbund *f = s->forbund[0];
	sg_economy *e = sg_economy_new(s, f, 2015);
	/* members: Borås, Mark, Svenljunga (in file order) */
	cr_assert_float_eq(e->kommuner[0].forbund, 101.1, 1e-9, "100.1 + 1 (B's Borås place)");
	cr_assert_float_eq(e->kommuner[0].esf, 0.2, 1e-9);
	cr_assert_float_eq(e->kommuner[0].cofunding, 5, 1e-9);
	cr_assert_eq(e->kommuner[0].participants, 12, "missing participants add nothing");
	cr_assert_float_eq(e->kommuner[1].forbund, 0.7, 1e-9);
	cr_assert_eq(e->kommuner[2].places, 1, "a place without figures still counts as a place");
	cr_assert_float_eq(e->kommuner[2].forbund, 0, 1e-9);
	cr_assert_float_eq(e->individ_whole.forbund, 50, 1e-9);
	cr_assert_eq(e->individ_whole.participants, 4);
	cr_assert_float_eq(e->struktur.forbund, 20, 1e-9, "structural work is not counted per kommun");
	cr_assert_float_eq(e->insats_costs, 101.1 + 0.2 + 0.7 + 50 + 20, 1e-9); /* 172 */
	cr_assert_eq(e->n_insatser, 3, "D is 2016");
	cr_assert_null(e->budget);
	sg_economy_free(e);
	size_t n;
	int *years = sg_economy_years(s, f, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(years[0], 2015);
	cr_assert_eq(years[1], 2016);
	free(years);
	cleanup(s, root, d);
}

#define BUDGET_FORBUND(budget)                                                                                 \
	{"forbund/sjuharad.md", "---\ntitle: Sjuhärads samordningsförbund\nmembers: [Borås, Mark, Svenljunga]\n"   \
	                        "budget:\n  2015:\n" budget "---\n"}

Test(economy, a_balanced_budget_is_accepted)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: https://example.se/\n"},
	                    BUDGET_FORBUND("    costs: [{item: Kansli, amount: 28}]\n"
	                                   "    financing:\n      - {party: Staten, share: 0.5, amount: 100}\n"
	                                   "      - {party: Regionen, share: 0.25, amount: 50}\n"
	                                   "      - {party: Kommunerna, share: 0.25, amount: 50}\n"
	                                   "    equity_use: 0.2\n"),
	                    insatser[0], insatser[1], insatser[2]};
	char *root = fixture_make(f, 5);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_economy *e = sg_economy_new(s, s->forbund[0], 2015);
	cr_assert_float_eq(e->own_costs, 28, 1e-9);
	cr_assert_float_eq(e->total_costs, 200, 1e-9);
	cr_assert_float_eq(e->financing + e->equity_use, 200.2, 1e-9, "a surplus is fine");
	sg_economy_free(e);
	free(content);
	cleanup(s, root, d);
}

Test(economy, shares_and_gaps_are_errors_naming_the_gap)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: https://example.se/\n"},
	                    BUDGET_FORBUND("    costs: [{item: Kansli, amount: 28}]\n"
	                                   "    financing:\n      - {party: Staten, share: 0.5, amount: 100}\n"
	                                   "      - {party: Regionen, share: 0.2, amount: 50}\n"
	                                   "    equity_use: 10\n"),
	                    insatser[0], insatser[1], insatser[2]};
	char *root = fixture_make(f, 5);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 2);
	cr_assert(diags_have(d, 8, 1, "the financing shares for 2015 add up to 0.7, not 1 (even allowing for rounding); check each party's share"));
	cr_assert(diags_have(d, 8, 1,
	                     "the financing for 2015 does not cover the planned costs: 40 tkr is missing (costs 200 tkr "
	                     "= insatser 172 + own cost lines 28; financing 150 + eget kapital 10)"));
	free(content);
	cleanup(s, root, d);
}

Test(economy, budget_year_keys_must_be_years)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: https://example.se/\n"},
	                    {"forbund/sjuharad.md", "---\ntitle: S\nmembers: [Borås]\nbudget:\n  tjugo: {equity_use: 1}\n---\n"}};
	char *root = fixture_make(f, 2);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert(diags_have(d, 5, 10, "'tjugo' is not a year: budget: takes one block per year, e.g. '2015:'"));
	free(content);
	cleanup(s, root, d);
}

/* Issue 14, item 3: a budget as plans write it: cost groups with their lines, a
 * financing frame without shares, a preliminary budget for part of a year, and the
 * year's result (financing + eget kapital − costs). */
Test(economy, groups_frames_without_shares_part_years_and_the_result)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: https://example.se/\n"},
	                    BUDGET_FORBUND("    preliminary: true\n    from: 2015-07\n    to: 2015-12\n"
	                                   "    costs:\n      - item: Adm. inkl styrelse\n        lines:\n"
	                                   "          - {item: Styrelse, amount: 10}\n          - {item: Kansli, amount: 18}\n"
	                                   "    financing:\n      - {party: Finansiell ram, amount: 250}\n"),
	                    insatser[0], insatser[1], insatser[2]};
	char *root = fixture_make(f, 5);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	const sg_budget *b = &s->forbund[0]->budgets[0];
	cr_expect(b->preliminary);
	cr_expect_eq(b->from_month, 7);
	cr_expect_eq(b->to_month, 12);
	cr_expect_not(b->has_shares, "a frame without a split");
	cr_assert_eq(b->n_costs, 1);
	cr_expect_eq(b->costs[0].n_lines, 2);
	cr_expect_float_eq(b->costs[0].amount, 28, 1e-9, "a group is the sum of its lines");
	sg_economy *e = sg_economy_new(s, s->forbund[0], 2015);
	cr_expect_float_eq(e->own_costs, 28, 1e-9);
	cr_expect_float_eq(e->insats_costs, 172, 1e-9);
	cr_expect(e->has_result);
	cr_expect_float_eq(e->result, 250 - 200, 1e-9, "financing 250 − (insatser 172 + own 28)");
	sg_economy_free(e);
	free(content);
	cleanup(s, root, d);
}

Test(economy, a_group_amount_must_be_its_sum_and_shares_all_or_none)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: https://example.se/\n"},
	                    BUDGET_FORBUND("    to: 2015-13\n"
	                                   "    costs:\n      - item: Adm\n        amount: 30\n        lines:\n"
	                                   "          - {item: Styrelse, amount: 10}\n          - {item: Kansli, amount: 18}\n"
	                                   "    financing:\n      - {party: Staten, share: 0.5, amount: 150}\n"
	                                   "      - {party: Regionen, amount: 150}\n")};
	char *root = fixture_make(f, 2);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_expect(diags_have(d, 6, 9, "'to' is the first or last month the budget for 2015 covers; write it as 2015-MM, "
	                               "e.g. to: 2015-12"));
	cr_expect(diags_have(d, 9, 17, "the group 'Adm' has amount 30 tkr, but its lines add up to 28 tkr; correct a line, "
	                               "or leave out the group's amount (it is the sum of its lines)"));
	cr_expect_eq(sg_diags_errors(d), 3, "no sum of shares when some are missing");
	cr_expect(diags_have(d, 14, 1, "1 of the 2 financing lines for 2015 give a share and the others do not; give every "
	                               "line its share, or leave shares out of all of them (a frame without a split)"));
	free(content);
	cleanup(s, root, d);
}

/* An insats that runs over several years (issue 14: seed 004's Utgångspunkten 1400 /
 * 1442 / 1485 tkr for 2008–2010) counts in each year's summary with that year's figures,
 * beside insatser written for one year. */
static const fixture_file by_year[] = {
	{"insatser/sjuharad/u.md", "---\ntitle: U\narea: individinriktad\nstart: 2008-01\nend: 2010\nplaces:\n"
	                           "  - municipality: Borås\n    years:\n"
	                           "      2010: {participants: 40, funds: {forbund: 1485}}\n"
	                           "      2008: {participants: \"ca 30\", funds: {forbund: 1400, esf: 10}}\n"
	                           "      2009: {funds: {forbund: 1442}}\n"
	                           "  - years:\n      2009: {participants: 5, funds: {forbund: 7, cofunding: 2}}\n---\n"},
	{"insatser/sjuharad/o.md", "---\ntitle: O\nyear: 2009\nplaces: [{municipality: Mark, participants: 3, "
	                           "funds: {forbund: 100}}]\n---\n"},
};

Test(economy, an_insats_by_year_counts_in_each_year_with_that_years_figures)
{
	char *root;
	sg_diags *d = sg_diags_new();
	sg_site *s = site_of(by_year, 2, &root, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	cr_assert_eq(s->n_insatser, 2);
	const sg_insats *u = strcmp(s->insatser[0]->slug, "u") == 0 ? s->insatser[0] : s->insatser[1];
	cr_assert(u->by_year);
	cr_assert_eq(u->year, 0);
	cr_assert_eq(u->year_from, 2008);
	cr_assert_eq(u->year_to, 2010);
	cr_assert_eq(u->places[0].n_years, 3);
	cr_assert_eq(u->places[0].years[0].year, 2008, "sorted by year, whatever the file's order");
	cr_assert(u->places[0].years[0].fig.participants_approx);
	cr_assert_eq(u->places[0].years[1].fig.participants, -1, "2009 gives no participants");
	cr_assert_null(sg_place_figures(u, &u->places[1], 2008), "the whole förbund plans nothing in 2008");
	cr_assert(sg_insats_in_year(u, 2009));
	cr_assert_not(sg_insats_in_year(u, 2011));

	sg_economy *e = sg_economy_new(s, s->forbund[0], 2008);
	cr_assert_eq(e->n_insatser, 1);
	cr_assert_float_eq(e->kommuner[0].forbund, 1400, 1e-9);
	cr_assert_float_eq(e->insats_costs, 1410, 1e-9);
	cr_assert_eq(e->insatser.participants, 30);
	cr_assert(e->insatser.approx);
	sg_economy_free(e);
	e = sg_economy_new(s, s->forbund[0], 2009);
	cr_assert_eq(e->n_insatser, 2, "U and O");
	cr_assert_float_eq(e->kommuner[0].forbund, 1442, 1e-9);
	cr_assert_float_eq(e->kommuner[1].forbund, 100, 1e-9, "O in Mark");
	cr_assert_float_eq(e->individ_whole.forbund, 7, 1e-9);
	cr_assert_float_eq(e->individ_whole.cofunding, 2, 1e-9);
	cr_assert_float_eq(e->insats_costs, 1442 + 100 + 7, 1e-9);
	cr_assert_eq(e->insatser.participants, 8, "3 in Mark, 5 for the whole förbund; Borås gives none in 2009");
	sg_economy_free(e);
	e = sg_economy_new(s, s->forbund[0], 2010);
	cr_assert_float_eq(e->insats_costs, 1485, 1e-9);
	sg_economy_free(e);
	size_t n;
	int *years = sg_economy_years(s, s->forbund[0], &n);
	cr_assert_eq(n, 3);
	cr_assert_eq(years[0], 2008);
	cr_assert_eq(years[2], 2010);
	free(years);
	cleanup(s, root, d);
}

/* A finansieringsplan for a later year that the plan gives no costs for (seed 001: 2016
 * and 2017): no result (it would be a surplus of the whole frame). A year with insatser and
 * no own cost lines still has one. */
Test(economy, a_year_with_financing_and_no_costs_has_no_result)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: https://example.se/\n"},
	                    {"forbund/sjuharad.md", "---\ntitle: Sjuhärads samordningsförbund\nmembers: [Borås, Mark, Svenljunga]\n"
	                                            "budget:\n  2016:\n    financing: [{party: Ram, amount: 15270}]\n"
	                                            "  2017:\n    financing: [{party: Ram, amount: 15270}]\n    equity_use: 0\n---\n"},
	                    insatser[3]};
	char *root = fixture_make(f, 3);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_economy *e = sg_economy_new(s, s->forbund[0], 2017);
	cr_expect_not(e->has_costs);
	cr_expect_not(e->has_result, "no costs: no result, not a surplus of 15 270");
	cr_expect_float_eq(e->financing, 15270, 1e-9, "the financing is still there");
	sg_economy_free(e);
	e = sg_economy_new(s, s->forbund[0], 2016);
	cr_expect(e->has_costs, "D plans 999 in Mark");
	cr_expect_eq(e->kommuner[1].places, 1);
	cr_expect_not(e->kommuner[1].has_participants, "D gives no participants: unknown, not 0");
	cr_expect_not(e->insatser.has_participants);
	cr_expect(e->has_result);
	cr_expect_float_eq(e->result, 15270 - 999, 1e-9);
	sg_economy_free(e);
	free(content);
	cleanup(s, root, d);
}
