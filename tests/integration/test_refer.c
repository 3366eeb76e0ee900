/* test_refer.c — the route to refer (issue 13 §3), read from the built example site:
 * the box "Remittera hit" comes before the funding table, its phone and e-mail are
 * tel:/mailto: links to the right numbers, the kommun page has its contact at the top,
 * a printed form says where it goes, a place links to OpenStreetMap. Built with
 * --now 2015-06-01, when Sjuhärad's insatser take referrals, and --build-future: the
 * example's letters were written afterwards, and one links to a later one. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

static char *root, *out;

static void build_example(void)
{
	char tmpl[] = "/tmp/sofgen-refer-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	root = sg_strdup(tmpl);
	out = sg_asprintf("%s/site", root);
	char *cmd = sg_asprintf("%s build --now 2015-06-01 --build-future --out %s >/dev/null 2>&1", sofgen(), out);
	int st = system(cmd);
	free(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the example site must build");
}

static void cleanup(void)
{
	sg_remove_tree(root);
	free(root);
	free(out);
}

static char *page(const char *rel) { return fixture_read(out, rel); }

/* Where needle first is in hay (an offset), failing the test when it is not there. */
static size_t at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);
	cr_assert_not_null(p, "'%s' is not on the page", needle);
	return (size_t)(p - hay);
}


TestSuite(refer, .init = build_example, .fini = cleanup, .timeout = 60);

Test(refer, the_box_comes_under_the_lead_and_before_the_funding_table)
{
	char *h = page("insats/sjuharad/unga-vagval/index.html");
	size_t lead = at(h, "<p class=\"lead\">"), box = at(h, "<section class=\"refer\""),
	       facts = at(h, "<h2 id=\"fakta\">"), table = at(h, "<h2 id=\"platser\">");
	cr_expect(lead < box && box < facts && facts < table, "lead %zu < box %zu < facts %zu < funding %zu", lead, box,
	          facts, table);
	cr_expect(at(h, "<h2 id=\"remittera-rubrik\">Remittera hit</h2>") > box);
	cr_expect(at(h, "<p class=\"status open\">Tar emot remisser</p>") < facts);
	/* the one kommun where it has a place: its contact first, as links */
	cr_expect(at(h, "<p class=\"refer-contact\">Kontakt i Borås: Lokalt uppdragsteam Borås · Tel <a "
	                "href=\"tel:+46701740606\">070-174 06 06</a> · <a "
	                "href=\"mailto:team.boras@example.se\">team.boras@example.se</a></p>") < at(h, "<h3>Så gör du</h3>"));
	/* the förbund's contact, as the insats has none of its own */
	cr_expect(at(h, "Samordningsförbundet: Förbundskansliet, Sjuhärads samordningsförbund · Tel <a "
	                "href=\"tel:+46701740620\">070-174 06 20</a> · <a "
	                "href=\"mailto:kansliet.sjuharad@example.se\">kansliet.sjuharad@example.se</a>") < facts);
	/* the paper route: the form and where it goes */
	cr_expect(at(h, "href=\"/insats/sjuharad/unga-vagval/remiss/\">Fyll i remissblanketten</a>") < facts);
	cr_expect(at(h, "skicka den till: <span class=\"send-to\">Remissmottagningen (exempel)\nPåhittade gatan 1\n123 45 "
	                "Exempelstad</span>") < facts);
	cr_expect_eq(fixture_count(h, "id=\"remiss\""), 0, "the old section under the table is gone");
	free(h);
}

Test(refer, an_insats_in_every_kommun_lists_every_kommuns_contact)
{
	char *h = page("insats/sjuharad/aktiv-halsa/index.html");
	cr_expect_eq(fixture_count(h, "<li data-kommun=\""), 8);
	cr_expect(at(h, "<li data-kommun=\"boras\"><a href=\"/kommun/boras/\">Borås</a>: Lokalt uppdragsteam Borås, tel <a "
	                "href=\"tel:+46701740606\">070-174 06 06</a>, <a "
	                "href=\"mailto:team.boras@example.se\">team.boras@example.se</a></li>") > 0);
	cr_expect(at(h, "<summary>Kontakt i personens kommun (8 kommuner)</summary>") < at(h, "<h2 id=\"platser\">"));
	cr_expect(at(h, "<script src=\"/remiss-kommun.js\" defer></script>") > 0);
	free(h);
}

Test(refer, status_is_computed_and_unknown_is_not_closed)
{
	char *h = page("insats/alv-och-kust/vaxtverkstan-pa-tjorn/index.html");
	cr_expect(at(h, "<p class=\"status unknown\">Uppgift saknas om remisser") > 0);
	cr_expect_eq(fixture_count(h, "Tar inte emot remisser"), 0, "no referral block is not 'closed'");
	cr_expect_eq(fixture_count(h, "Tar emot remisser"), 0);
	free(h);
	/* a referral block without `open:` (issue 14: "not stated", not "closed"); the
	 * insats starts in 2020, which the page says */
	h = page("insats/alv-och-kust/traningsplatser-hos-privata-aktorer/index.html");
	cr_expect(at(h, "<p class=\"status unknown\">Uppgift saknas om remisser") > 0);
	cr_expect_eq(fixture_count(h, "Tar inte emot remisser"), 0);
	cr_expect(at(h, "Startar 1 januari 2020") > 0);
	free(h);
	/* an open block: known */
	h = page("insats/sjuharad/aktiv-halsa/index.html");
	cr_expect_eq(fixture_count(h, "Uppgift saknas om remisser"), 0);
	free(h);
}

Test(refer, the_place_links_to_openstreetmap)
{
	char *h = page("insats/sjuharad/unga-vagval/index.html");
	cr_expect(at(h, "<dt>Adress</dt><dd>Borås: Exempelgatan 40, Borås · <a "
	                "href=\"https://www.openstreetmap.org/?mlat=57.72101&amp;mlon=12.94012#map=17/57.72101/12.94012\">"
	                "Visa på karta (OpenStreetMap)</a></dd>") > 0);
	cr_expect_eq(fixture_count(h, "<iframe"), 0, "a link, never an embedded map");
	free(h);
}

Test(refer, the_kommun_page_has_its_contact_at_the_top_and_links_with_the_kommun)
{
	char *h = page("kommun/boras/index.html");
	size_t c = at(h, "<p class=\"kommun-contact\">Remisser och frågor i Borås: <strong>Lokalt uppdragsteam "
	                 "Borås</strong>, tel <a href=\"tel:+46701740606\">070-174 06 06</a>, <a "
	                 "href=\"mailto:team.boras@example.se\">team.boras@example.se</a><br>Adress: Exempelgatan 6, "
	                 "Borås</p>");
	cr_expect(at(h, "<h1>") < c && c < at(h, "<h2 id=\"i-kommunen\">"), "the contact is at the top");
	cr_expect(at(h, "href=\"/insats/sjuharad/unga-vagval/?kommun=boras\"") > c);
	free(h);
}

Test(refer, a_printed_form_says_where_it_goes_and_checkbox_groups_ask_for_one)
{
	const char *pages[] = {"blanketter/remiss/index.html", "insats/sjuharad/unga-vagval/remiss/index.html"};
	for (size_t i = 0; i < 2; i++) {
		char *h = page(pages[i]);
		cr_expect(at(h, "skicka den med post till:</p>\n<p class=\"send-to\">Remissmottagningen (exempel)\nPåhittade "
		                "gatan 1\n123 45 Exempelstad</p>") > 0,
		          "%s", pages[i]);
		cr_expect(at(h, "<div class=\"print-only send-address\"><p>Skickas till:</p><p class=\"send-to\">"
		                "Remissmottagningen (exempel)") > 0,
		          "%s: the print view has it too", pages[i]);
		cr_expect(at(h, "aria-describedby=\"f-aktuella_myndigheter-antal\">") > 0);
		cr_expect(at(h, "<p class=\"hint\" id=\"f-aktuella_myndigheter-antal\">Välj minst ett alternativ.</p>") > 0);
		free(h);
	}
}
