/* Integration: what a referrer uses (issue 13 §4): cards that show ages, target
 * groups, length, the computed status, free places and where; the search index's
 * target-group keys and word-start words; a kommun's printable list of what takes
 * referrals; one .ics per event. The example site built at 2015-06-01 (when
 * Sjuhärad's insatser are open) and at 2026-12-04 (when nothing is), and a small
 * fixture with a target-group vocabulary. Run from the project root. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"

static char *root;

/* Builds content (the example's when NULL) at now into <root>/<name>; asserts it built. */
static char *build(const char *content, const char *now, const char *name)
{
	char *out = sg_asprintf("%s/%s", root, name);
	sg_buf o = SG_BUF_INIT;
	/* --build-future: the example's letters were written afterwards, and one links to a
	 * later one, which an earlier --now would not publish yet (issue 15) */
	int rc = content ? run(&o, "build --now %s --build-future --content %s --out %s", now, content, out)
	                 : run(&o, "build --now %s --build-future --out %s", now, out);
	cr_assert_eq(rc, 0, "%s", o.ptr);
	sg_buf_free(&o);
	return out;
}



static void setup(void)
{
	char tmpl[] = "/tmp/sofgen-referrer-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	root = sg_strdup(tmpl);
}

static void teardown(void)
{
	sg_remove_tree(root);
	free(root);
}

TestSuite(referrer, .init = setup, .fini = teardown, .timeout = 120);

/* The print page of Borås lists exactly the insatser that the search index says take
 * referrals and are not strukturövergripande, of the förbund Borås is a member of (in
 * Borås, for the whole förbund, or in another kommun that takes Borås residents as
 * the kommun page's "Andra insatser" says); no form, no money. */
Test(referrer, the_print_list_has_only_what_takes_referrals_and_no_form_or_funding)
{
	char *site = build(NULL, "2015-06-01T12:00", "site-2015");
	char *page = fixture_read(site, "kommun/boras/utskrift/index.html");
	char *index = fixture_read(site, "search-index.json");
	json_error_t err;
	json_t *items = json_loads(index, 0, &err);
	cr_assert_not_null(items, "%s", err.text);
	size_t listed = 0, left_out = 0;
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		bool in_boras = strcmp(json_string_value(json_object_get(x, "f")), "Sjuhärads samordningsförbund") == 0;
		bool expected = in_boras && json_is_true(json_object_get(x, "o")) && !json_is_true(json_object_get(x, "x"));
		const char *u = json_string_value(json_object_get(x, "u"));
		char *h = sg_asprintf("<dt>Mer information</dt><dd><a href=\"%s\">https://example.se%s</a></dd>", u, u);
		cr_expect_eq(strstr(page, h) != NULL, expected, "%s %s on the print page", h, expected ? "missing" : "wrongly");
		listed += expected;
		left_out += !expected;
		free(h);
	}
	cr_expect_geq(listed, 10, "Sjuhärad's insatser are open in 2015");
	cr_expect_geq(left_out, 10);
	char *count = sg_asprintf("<p class=\"meta\">%zu insatser tar emot remisser 1 juni 2015.", listed);
	cr_expect_not_null(strstr(page, count), "the page counts them");
	free(count);
	cr_expect_null(strstr(page, "<form"), "no search form on paper");
	cr_expect_null(strstr(page, "role=\"search\""));
	cr_expect_null(strstr(page, "sok.js"));
	cr_expect_null(strstr(page, "tkr"), "no funding");
	cr_expect_null(strstr(page, "medel"), "no funding");
	cr_expect_null(strstr(page, "Planerade deltagare"), "no planned participants");
	cr_expect_null(strstr(page, "<table"), "no tables");
	/* each insats with its ages, target group and how to refer (said once when shared) */
	const char *first = strstr(page, "<h2>Första steget</h2>");
	cr_assert_not_null(first);
	const char *end = strstr(first, "</li>");
	char *item = sg_strndup(first, (size_t)(end - first));
	cr_expect_not_null(strstr(item, "<dt>Ålder</dt><dd>16–64 år</dd>"), "%s", item);
	cr_expect_not_null(strstr(item, "<dt>Målgrupp</dt><dd>sjukskrivna, försörjningsstöd</dd>"), "%s", item);
	cr_expect_not_null(strstr(item, "<h3>Så remitterar du</h3>"), "%s", item);
	cr_expect_not_null(strstr(item, "https://example.se/insats/sjuharad/forsta-steget/remiss/"), "%s", item);
	free(item);
	cr_expect_eq(fixture_count(page, "<h3>Så remitterar du</h3>"), listed);
	cr_expect_eq(fixture_count(page, "Remiss görs i första hand via det lokala uppdragsteamet"), 1,
	             "the same steps are printed once, then 'Som för … ovan'");
	/* the kommun page links it; its cards show no planned participants */
	char *kommun = fixture_read(site, "kommun/boras/index.html");
	cr_expect_not_null(strstr(kommun, "href=\"/kommun/boras/utskrift/\""));
	cr_expect_not_null(strstr(kommun, "href=\"/sok/?kommun=boras\""));
	cr_expect_null(strstr(kommun, "Planerade deltagare i Borås:"), "participants are off cards");
	cr_expect_null(strstr(kommun, "role=\"search\""), "no form before the first insats");
	json_decref(items);
	free(kommun), free(index), free(page), free(site);
}

Test(referrer, in_2026_nothing_of_the_example_is_on_the_print_list)
{
	char *site = build(NULL, "2026-12-04", "site-2026");
	char *page = fixture_read(site, "kommun/boras/utskrift/index.html");
	cr_expect_not_null(strstr(page, "<p class=\"meta\">0 insatser tar emot remisser 4 december 2026."));
	cr_expect_not_null(strstr(page, "Just nu tar ingen insats emot remisser för den som bor i Borås."));
	cr_expect_null(strstr(page, "<ol class=\"utskrift\">"));
	/* the cards say what the dates say */
	char *kat = fixture_read(site, "kategori/forberedande/index.html");
	cr_expect_null(strstr(kat, "Tar emot remisser"));
	cr_expect_null(strstr(kat, "Pågående"));
	cr_expect_not_null(strstr(kat, "<div><dt>Status</dt><dd>Avslutad 31 december 2015</dd></div>"));
	free(kat), free(page), free(site);
}

/* One calendar file per event, valid as the whole calendar is, linked from its page. */
Test(referrer, each_event_has_its_own_ics)
{
	char *site = build(NULL, "2020-06-01T12:00", "site-2020");
	char *ics = fixture_read(site, "evenemang/2020-09-far-natverket/2020-09-far-natverket.ics");
	cr_expect_eq(strncmp(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sofgen//sofgen//SV\r\n", 56), 0);
	cr_expect_eq(fixture_count(ics, "BEGIN:VEVENT\r\n"), 1);
	cr_expect_eq(fixture_count(ics, "END:VEVENT\r\n"), 1);
	cr_expect_eq(fixture_count(ics, "BEGIN:VTIMEZONE\r\n"), 1);
	cr_expect_not_null(strstr(ics, "\r\nX-WR-CALNAME:FaR-nätverken: föreläsning och nätverksträff\r\n"));
	cr_expect_not_null(strstr(ics, "\r\nUID:evenemang-2020-09-far-natverket@example.se\r\n"));
	cr_expect_not_null(strstr(ics, "\r\nDTSTART;TZID=Europe/Stockholm:20200917T130000\r\n"));
	cr_expect_not_null(strstr(ics, "\r\nDTEND;TZID=Europe/Stockholm:20200917T160000\r\n"));
	cr_expect_not_null(strstr(ics, "\r\nURL:https://example.se/evenemang/2020-09-far-natverket/\r\n"));
	size_t len = strlen(ics);
	cr_expect_eq(strcmp(ics + len - 15, "END:VCALENDAR\r\n"), 0);
	/* every line ends in CRLF and is at most 75 octets */
	for (const char *l = ics; *l;) {
		const char *e = strstr(l, "\r\n");
		cr_assert_not_null(e, "a line without CRLF");
		cr_expect_leq((size_t)(e - l), 75);
		cr_expect_null(memchr(l, '\n', (size_t)(e - l)), "a bare LF");
		l = e + 2;
	}
	/* the same VEVENT as in the whole calendar */
	char *all = fixture_read(site, "evenemang/kalender.ics");
	const char *a = strstr(strstr(ics, "BEGIN:VEVENT"), "DTSTART;"), *b = strstr(ics, "END:VEVENT"); /* DTSTAMP is the file's */
	char *event = sg_strndup(a, (size_t)(b - a));
	cr_expect_not_null(strstr(all, event), "the event as the whole calendar has it");
	char *page = fixture_read(site, "evenemang/2020-09-far-natverket/index.html");
	cr_expect_not_null(
		strstr(page, "<a href=\"/evenemang/2020-09-far-natverket/2020-09-far-natverket.ics\">Lägg till evenemanget i "
	                 "din kalender (iCalendar)</a>"));
	cr_expect_not_null(strstr(page, "<a href=\"/evenemang/kalender.ics\">Alla evenemang"));
	free(page), free(event), free(all), free(ics), free(site);
}

static const char *const vocab_site =
	"title: Testportal\nbase_url: https://example.se/\nregion: Testlän\n"
	"accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"
	"target_groups:\n  - {name: Unga vuxna, synonyms: [unga, ungdomar]}\n"
	"  - {name: Försörjningsstöd, synonyms: [ekonomiskt bistånd]}\n";

/* Cards show the facts at a glance (free places only while open); the index gives
 * each insats its target-group keys and the words a search matches from their start. */
Test(referrer, cards_and_search_index_with_a_vocabulary)
{
	fixture_file f[] = {
		{"site.yaml", vocab_site},
		FIXTURE_FORBUND,
		{"insatser/sjuharad/steget.md",
	     "---\ntitle: Steget\ncategory: förberedande\narea: individinriktad\nage: {min: 18, max: 29}\n"
	     "duration: 3 månader\nplaces:\n  - {municipality: Svenljunga}\ntarget_groups: [ekonomiskt bistånd]\n"
	     "referral: {open: true, vacancies: 3}\nstart: 2026-01-01\nend: 2027-12-31\nreviewed: 2026-11-20\n---\nText.\n"},
		{"insatser/sjuharad/stangd.md",
	     "---\ntitle: Stängd\ncategory: förberedande\narea: individinriktad\nplaces:\n  - {municipality: Mark}\n"
	     "target_groups: [Unga]\nreferral: {open: false, vacancies: 2}\nstart: 2026-01-01\nend: 2027-12-31\n"
	     "reviewed: 2026-11-20\n---\nText.\n"},
		{"insatser/sjuharad/natverk.md",
	     "---\ntitle: Nätverk\ncategory: kartläggning\narea: strukturövergripande\ntarget_groups: [ungdomar]\n"
	     "start: 2026-01-01\nend: 2027-12-31\nreviewed: 2026-11-20\n---\nText.\n"},
	};
	char *dir = fixture_make(f, sizeof f / sizeof *f);
	char *content = sg_asprintf("%s/content", dir);
	sg_buf o = SG_BUF_INIT;
	cr_expect_eq(run(&o, "check --now 2026-12-04 --content %s", content), 0);
	cr_expect_not_null(strstr(o.ptr, "/content is valid (3 insatser, 3 kommuner, 1 förbund)\n"), "%s", o.ptr);
	cr_expect_null(strstr(o.ptr, "warning"), "the vocabulary's terms and synonyms, in any case, are quiet: %s", o.ptr);
	char *site = build(content, "2026-12-04", "fixture");

	char *kat = fixture_read(site, "kategori/forberedande/index.html");
	const char *steget = strstr(kat, ">Steget</a></h3>"), *stangd = strstr(kat, ">Stängd</a></h3>");
	cr_assert(steget && stangd);
	char *card = sg_strndup(steget, (size_t)(strstr(steget, "</li>") - steget));
	cr_expect_not_null(strstr(card, "<div><dt>Status</dt><dd>Pågående · <strong class=\"open\">Tar emot remisser</strong></dd></div>\n"
	                                "<div><dt>Lediga platser</dt><dd>3</dd></div>\n"
	                                "<div><dt>Ålder</dt><dd>18–29 år</dd></div>\n"
	                                "<div><dt>Målgrupp</dt><dd>ekonomiskt bistånd</dd></div>\n"
	                                "<div><dt>Längd</dt><dd>3 månader</dd></div>\n"
	                                "<div><dt>Var</dt><dd>Svenljunga</dd></div>\n<div><dt>Granskad</dt><dd>2026-11-20</dd></div>\n</dl>"),
	                   "%s", card);
	free(card);
	card = sg_strndup(stangd, (size_t)(strstr(stangd, "</li>") - stangd));
	cr_expect_null(strstr(card, "Lediga platser"), "no free places shown while closed: %s", card);
	cr_expect_null(strstr(card, "Ålder"), "no age given, none shown (nor another card's): %s", card);
	cr_expect_null(strstr(card, "Längd"), "%s", card);
	cr_expect_not_null(strstr(card, "<div><dt>Var</dt><dd>Mark</dd></div>"), "%s", card);
	free(card);
	cr_expect_eq(fixture_count(kat, "Lediga platser"), 1);

	char *index = fixture_read(site, "search-index.json");
	json_error_t err;
	json_t *items = json_loads(index, 0, &err);
	cr_assert_not_null(items, "%s", err.text);
	cr_assert_eq(json_array_size(items), 3);
	for (size_t i = 0; i < 3; i++) {
		json_t *x = json_array_get(items, i);
		const char *t = json_string_value(json_object_get(x, "t"));
		char *m = json_dumps(json_object_get(x, "m"), JSON_COMPACT);
		const char *w = json_string_value(json_object_get(x, "w"));
		char *dashed = sg_asprintf("-%s", w);
		if (strcmp(t, "Steget") == 0) {
			cr_expect_str_eq(m, "[\"forsorjningsstod\"]", "a synonym's key is its term's");
			cr_expect_str_eq(w, "steget-sjuharads-samordningsforbund-ekonomiskt-bistand-forsorjningsstod-svenljunga");
			cr_expect_null(strstr(dashed, "-unga"), "'unga' must not match Svenljunga");
			cr_expect_not_null(strstr(dashed, "-forsorj"), "a word's start matches");
			cr_expect_null(json_object_get(x, "x"));
		} else if (strcmp(t, "Nätverk") == 0) {
			cr_expect_str_eq(m, "[\"unga-vuxna\"]");
			cr_expect(json_is_true(json_object_get(x, "x")), "strukturövergripande is marked");
			cr_expect_not_null(strstr(dashed, "-ungdomar-unga-vuxna-boras"), "%s", w);
		} else {
			cr_expect_str_eq(t, "Stängd");
			cr_expect_str_eq(m, "[\"unga-vuxna\"]", "case does not matter");
		}
		free(dashed);
		free(m);
	}
	json_decref(items);
	/* the filter: one choice per term used, the URL may name any of its words */
	char *sok = fixture_read(site, "sok/index.html");
	cr_expect_not_null(strstr(sok, "<form class=\"filters\" role=\"search\" action=\"/sok/\" method=\"get\" hidden>"));
	cr_expect_not_null(strstr(sok, "<input id=\"sok-malgrupp-unga-vuxna\" name=\"malgrupp\" type=\"checkbox\" "
	                               "value=\"unga-vuxna\" data-terms=\"unga-vuxna unga ungdomar\"><label "
	                               "for=\"sok-malgrupp-unga-vuxna\">Unga vuxna</label>"));
	cr_expect_eq(fixture_count(sok, "name=\"malgrupp\""), 2);
	cr_expect_not_null(strstr(sok, "<input id=\"sok-struktur\" name=\"struktur\" type=\"checkbox\" value=\"1\">"));
	free(sok), free(index), free(kat), free(site);
	sg_buf_free(&o);
	sg_remove_tree(dir);
	free(content), free(dir);
}
