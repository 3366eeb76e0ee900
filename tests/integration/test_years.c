/* test_years.c — an insats that runs over several years (issue 14, item 1): its page
 * shows a table by year, each year's economy page sums that year's figures, the
 * förbund's summary lists every year, and open data gives a row per place and year.
 * The figures are seed 004's (the 2008 plan of Ale, Kungälv, Stenungsund och Tjörn):
 * Utgångspunkten 1400 / 1442 / 1485 tkr, Jobbcoacher 700 / 2500 / 2500 and Orvar 350 /
 * 690 / 0 for 2008–2010, placed here in the fixture's kommuner. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

static const fixture_file site[] = {
	FIXTURE_SITE,
	FIXTURE_FORBUND,
	{"insatser/sjuharad/utgangspunkten.md",
	 "---\ntitle: Utgångspunkten\narea: individinriktad\ncategory: förberedande\nreviewed: 2026-11-20\n"
	 "start: 2008-01\nend: 2010\nplaces:\n  - municipality: Borås\n    years:\n"
	 "      2008: {participants: \"ca 60\", funds: {forbund: 1400}}\n"
	 "      2009: {participants: 60, funds: {forbund: 1442}}\n"
	 "      2010: {funds: {forbund: 1485, cofunding: 300}}\n---\nText.\n"},
	{"insatser/sjuharad/jobbcoacher.md",
	 "---\ntitle: Jobbcoacher\narea: individinriktad\ncategory: förberedande\nreviewed: 2026-11-20\n"
	 "start: 2008-07\nend: 2010-12\nplaces:\n"
	 "  - municipality: Mark\n    years:\n      2008: {funds: {forbund: 300}}\n      2009: {funds: {forbund: 1000}}\n"
	 "      2010: {funds: {forbund: 1000}}\n"
	 "  - municipality: Svenljunga\n    years:\n      2008: {funds: {forbund: 400}}\n"
	 "      2009: {funds: {forbund: 1500}}\n      2010: {funds: {forbund: 1500}}\n---\nText.\n"},
	{"insatser/sjuharad/orvar.md",
	 "---\ntitle: Orvar\narea: strukturövergripande\ncategory: kartläggning\nreviewed: 2026-11-20\n"
	 "start: 2008\nend: 2009\nplaces:\n  - years:\n      2008: {funds: {forbund: 350}}\n"
	 "      2009: {funds: {forbund: 690}}\n---\nText.\n"},
};

static char *page(const char *root, const char *rel)
{
	char *path = sg_asprintf("out/%sindex.html", rel);
	char *text = fixture_read(root, path);
	free(path);
	return text;
}

static char *root;

static void build(void)
{
	root = fixture_make(site, sizeof site / sizeof *site);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 0, "%s", sg_buf_cstr(&o));
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	sg_buf_free(&o);
}

static void clean(void)
{
	sg_remove_tree(root);
	free(root);
}

Test(years, the_insats_page_has_a_table_by_year, .init = build, .fini = clean)
{
	char *u = page(root, "insats/sjuharad/utgangspunkten/");
	cr_expect_not_null(strstr(u, "<dt>Verksamhetsår</dt><dd>2008–2010</dd>"), "%s", u);
	cr_expect_not_null(strstr(u, "<dt>Period</dt><dd><time datetime=\"2008-01\">januari 2008</time> – "
	                             "<time datetime=\"2010\">2010</time></dd>"));
	cr_expect_not_null(strstr(u, "<h2 id=\"platser\">Deltagare och medel per år</h2>"));
	cr_expect_not_null(strstr(u, "<tr><th scope=\"rowgroup\" rowspan=\"1\">2008</th><th scope=\"row\"><a "
	                             "href=\"/kommun/boras/\">Borås</a></th><td class=\"n\">ca 60</td><td class=\"n\">1\u00a0"
	                             "400</td><td class=\"n\">uppgift saknas</td><td class=\"n\">1" "\u00a0" "400</td><td class=\"n\">uppgift "
	                             "saknas</td></tr>"),
	                   "%s", u);
	cr_expect_not_null(strstr(u, "<th scope=\"row\"><a href=\"/kommun/boras/\">Borås</a></th><td class=\"n\"></td>"
	                             "<td class=\"n\">1" "\u00a0" "485</td><td class=\"n\">uppgift saknas</td><td class=\"n\">1" "\u00a0" "485</td><td "
	                             "class=\"n\">300</td></tr>"),
	                   "2010 gives no participants: the cell is empty, not 0; no ESF: missing, not 0");
	cr_expect_not_null(strstr(u, "<tfoot><tr><th scope=\"row\" colspan=\"2\">Summa 2008–2010</th><td class=\"n\"></td>"
	                             "<td class=\"n\">4" "\u00a0" "327</td><td class=\"n\">uppgift saknas</td><td class=\"n\">4" "\u00a0" "327</td><td "
	                             "class=\"n\">300</td></tr></tfoot>"),
	                   "1400 + 1442 + 1485");
	cr_expect_null(strstr(u, "Platser, deltagare och medel"), "not the one-year table as well");
	free(u);

	/* two places: a subtotal per year */
	char *j = page(root, "insats/sjuharad/jobbcoacher/");
	cr_expect_not_null(strstr(j, "<tr><th scope=\"rowgroup\" rowspan=\"3\">2009</th>"), "%s", j);
	cr_expect_not_null(strstr(j, "<tr class=\"sum\"><th scope=\"row\">Summa 2009</th><td class=\"n\"></td><td "
	                             "class=\"n\">2" "\u00a0" "500</td>"),
	                   "%s", j);
	cr_expect_eq(fixture_count(j, "class=\"sum\""), 3, "one subtotal per year");
	free(j);
}

/* The per-year summary: a cell of the row whose header is `label`, from the summary table. */
static char *cell_after(const char *html, const char *label, int n)
{
	const char *at = strstr(html, label);
	cr_assert_not_null(at, "no row %s", label);
	for (int i = 0; i <= n; i++) {
		at = strstr(at, "<td class=\"n\">");
		cr_assert_not_null(at);
		at += strlen("<td class=\"n\">");
	}
	const char *end = strstr(at, "</td>");
	return sg_strndup(at, (size_t)(end - at));
}

Test(years, each_years_economy_page_sums_that_year, .init = build, .fini = clean)
{
	/* förbundsmedel per kommun (column 1) and the total (column 3: förbundsmedel + ESF) */
	static const struct {
		const char *year, *boras, *mark, *svenljunga, *structural, *sum;
	} want[] = {
		{"2008", "1" "\u00a0" "400", "300", "400", "350", "2" "\u00a0" "450"},
		{"2009", "1" "\u00a0" "442", "1" "\u00a0" "000", "1" "\u00a0" "500", "690", "4" "\u00a0" "632"},
		{"2010", "1" "\u00a0" "485", "1" "\u00a0" "000", "1" "\u00a0" "500", "0", "3" "\u00a0" "985"},
	};
	for (size_t i = 0; i < 3; i++) {
		char *rel = sg_asprintf("forbund/sjuharad/ekonomi/%s/", want[i].year);
		char *e = page(root, rel);
		char *c;
		cr_expect_str_eq(c = cell_after(e, ">Borås</a></th>", 1), want[i].boras, "%s", want[i].year);
		free(c);
		cr_expect_str_eq(c = cell_after(e, ">Mark</a></th>", 1), want[i].mark, "%s", want[i].year);
		free(c);
		cr_expect_str_eq(c = cell_after(e, ">Svenljunga</a></th>", 1), want[i].svenljunga, "%s", want[i].year);
		free(c);
		cr_expect_str_eq(c = cell_after(e, ">Strukturövergripande</th>", 1), want[i].structural, "%s", want[i].year);
		free(c);
		cr_expect_str_eq(c = cell_after(e, "<tfoot><tr><th scope=\"row\">Summa</th>", 3), want[i].sum, "%s",
		                 want[i].year);
		free(c);
		free(rel);
		free(e);
	}
	char *e2010 = page(root, "forbund/sjuharad/ekonomi/2010/");
	cr_expect_not_null(strstr(e2010, "2 insatser och förbundets egna kostnader 2010"), "Orvar ends in 2009");
	cr_expect_null(strstr(e2010, ">Orvar</a>"));
	cr_expect_not_null(strstr(e2010, "<tr><th scope=\"row\"><a href=\"/insats/sjuharad/jobbcoacher/\">Jobbcoacher</a>"
	                                 "</th><td>Individinriktad</td><td>Mark, Svenljunga</td><td class=\"n\"></td><td "
	                                 "class=\"n\">2" "\u00a0" "500</td>"),
	                   "%s", e2010);
	free(e2010);
	char *f = page(root, "forbund/sjuharad/");
	for (int y = 2008; y <= 2010; y++) {
		char *link = sg_asprintf("<a href=\"/forbund/sjuharad/ekonomi/%d/\">%d</a>", y, y);
		cr_expect_not_null(strstr(f, link), "%s", link);
		free(link);
	}
	free(f);
}

Test(years, open_data_gives_a_row_per_place_and_year, .init = build, .fini = clean)
{
	char *csv = fixture_read(root, "out/data/insatser.csv");
	cr_expect_eq(fixture_count(csv, "sjuharad/utgangspunkten,"), 3);
	cr_expect_eq(fixture_count(csv, "sjuharad/jobbcoacher,"), 6, "two places × three years");
	cr_expect_not_null(strstr(csv, "sjuharad/orvar,Orvar,Sjuhärads samordningsförbund,2009,"), "%s", csv);
	free(csv);
	char *json = fixture_read(root, "out/data/insatser.json");
	cr_expect_not_null(strstr(json, "\"ar_fran\":2008"), "%s", json);
	cr_expect_not_null(strstr(json, "\"ar_till\":2010"));
	cr_expect_not_null(strstr(json, "\"granskad\":\"2026-11-20\""));
	cr_expect_not_null(strstr(json, "\"ar\":2009"));
	free(json);
}
