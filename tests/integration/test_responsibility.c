/* test_responsibility.c — who, why and how sure (issue 14, item 4): huvudman apart
 * from utförare (several allowed), goals with indicators, the board's decision beside
 * the status (a proposal never takes referrals), whom an insats is open to apart from
 * whether it takes referrals now, and a referral block without `open:` as "not stated". */
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
	{"insatser/sjuharad/jobbcoacher.md",
	 "---\ntitle: Jobbcoacher\narea: individinriktad\ncategory: förberedande\nreviewed: 2026-11-20\n"
	 "owner: [Arbetsförmedlingen, Borås stad]\nprovider: {name: Lernia}\ndecision: inriktningsbeslut\n"
	 "goals:\n  - Fler i arbete eller studier\n  - goal: Kortare tid i försörjningsstöd\n    indicators:\n"
	 "      - {name: Andel i arbete eller studier efter avslut, target: 40 %}\n      - {name: Antal deltagare}\n"
	 "open_to: [Mark]\nplaces: [{municipality: Borås}]\nreferral: {open: true}\nstart: 2026-01-01\n---\nText.\n"},
	{"insatser/sjuharad/forslag.md",
	 "---\ntitle: Förslaget\narea: individinriktad\ncategory: förberedande\nreviewed: 2026-11-20\n"
	 "decision: förslag\nplaces: [{municipality: Mark}]\nreferral: {open: true}\nstart: 2026-01-01\n---\nText.\n"},
	{"insatser/sjuharad/tyst.md",
	 "---\ntitle: Tyst\narea: individinriktad\ncategory: förberedande\nreviewed: 2026-11-20\n"
	 "places: [{municipality: Svenljunga}]\nreferral: {referrers: [Försäkringskassan]}\nstart: 2026-01-01\n---\n"
	 "Text.\n"},
};

static char *page(const char *root, const char *rel)
{
	char *path = sg_asprintf("out/%sindex.html", rel);
	char *text = fixture_read(root, path);
	free(path);
	return text;
}

Test(responsibility, owner_decision_goals_open_to_and_unstated_referrals_on_the_pages)
{
	char *root = fixture_make(site, sizeof site / sizeof *site);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 0, "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o),
	                          "forslag.md:6:11: warning: decision is förslag (a proposal), so pages never say it takes "
	                          "referrals, but its referral block says open: true; set the decision the board has "
	                          "taken, or 'open: false'"),
	                   "%s", sg_buf_cstr(&o));
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));

	char *j = page(root, "insats/sjuharad/jobbcoacher/");
	cr_expect_not_null(strstr(j, "<dt>Huvudman</dt><dd>Arbetsförmedlingen, Borås stad</dd>"), "%s", j);
	cr_expect_not_null(strstr(j, "<dt>Utförare</dt><dd>Lernia</dd>"));
	cr_expect_not_null(strstr(j, "<dt>Beslut</dt><dd>Inriktningsbeslut</dd>"));
	cr_expect_not_null(strstr(j, "<dt>Öppen för boende i</dt><dd>Mark</dd>"));
	cr_expect_not_null(strstr(j, "<h2 id=\"mal\">Mål</h2>\n<ul class=\"goals\">\n<li>Fler i arbete eller studier</li>\n"
	                             "<li>Kortare tid i försörjningsstöd\n<ul>\n"
	                             "<li>Andel i arbete eller studier efter avslut: <strong>40 %</strong></li>\n"
	                             "<li>Antal deltagare</li>\n</ul>\n</li>\n</ul>"),
	                   "%s", j);
	free(j);

	char *f = page(root, "insats/sjuharad/forslag/");
	cr_expect_not_null(strstr(f, "<dt>Beslut</dt><dd>Förslag – styrelsen har inte beslutat om insatsen</dd>"));
	cr_expect_null(strstr(f, "Tar emot remisser"), "a proposal never takes referrals");
	cr_expect_null(strstr(f, "<h2 id=\"mal\">"), "no goals, no heading");
	free(f);

	char *t = page(root, "insats/sjuharad/tyst/");
	cr_expect_not_null(strstr(t, "Uppgift saknas om remisser"), "a block without open: is not stated");
	cr_expect_null(strstr(t, "Tar inte emot remisser"), "not stated is not closed");
	free(t);

	/* open_to: residents of Mark may come to Jobbcoacher (placed in Borås); Svenljunga's may not */
	char *mark = page(root, "kommun/mark/");
	cr_expect_not_null(strstr(mark, ">Jobbcoacher</a></h3>"), "Mark's page lists it");
	free(mark);
	char *sv = page(root, "kommun/svenljunga/");
	cr_expect_null(strstr(sv, ">Jobbcoacher</a></h3>"), "Svenljunga's page does not");
	cr_expect_null(strstr(sv, "Tar inte emot remisser"), "Tyst's card is not called closed");
	free(sv);

	char *json = sg_asprintf("%s/out/data/insatser.json", root);
	size_t len;
	char *data = sg_read_file(json, &len, (size_t)1 << 24);
	cr_assert_not_null(data);
	cr_expect_not_null(strstr(data, "\"beslut\":\"inriktningsbeslut\",\"huvudman\":[\"Arbetsförmedlingen\",\"Borås stad\"]"),
	                   "%s", data);
	free(data);
	free(json);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

Test(responsibility, wrong_values_name_the_fix)
{
	fixture_file f[] = {
		FIXTURE_SITE,
		FIXTURE_FORBUND,
		{"insatser/sjuharad/fel.md", "---\ntitle: Fel\nreviewed: 2026-11-20\ndecision: beslutat\nopen_to: [Borås, Kinna]\n"
		                             "goals:\n  - {indicators: [{target: 40 %}]}\n  - 12\n---\nText.\n"},
	};
	char *root = fixture_make(f, sizeof f / sizeof *f);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 1);
	const char *l = sg_buf_cstr(&o);
	cr_expect_not_null(strstr(l, "fel.md:4:11: error: 'decision' cannot be 'beslutat'; did you mean 'beslutad'? (one of "
	                             "förslag, inriktningsbeslut or beslutad)"),
	                   "%s", l);
	cr_expect_not_null(strstr(l, "fel.md:5:18: error: 'Kinna' is not a member kommun of Sjuhärads samordningsförbund "
	                             "(members: Borås, Mark, Svenljunga); open_to lists member kommuner"),
	                   "%s", l);
	cr_expect_not_null(strstr(l, "fel.md:7:1: error: missing 'goal': write the goal, e.g. 'goal: Fler i arbete eller "
	                             "studier'"),
	                   "%s", l);
	cr_expect_not_null(strstr(l, "fel.md:8:5: error: a goal is a text, or {goal: …, indicators: [{name: …, "
	                             "target: …}]}"),
	                   "%s", l);
	cr_expect_not_null(strstr(l, "sofgen: 4 errors, 0 warnings"), "%s", l);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

/* Issue 14, item 2: a kommun belongs to one samordningsförbund; when two list it,
 * check says what the site does with it. */
Test(responsibility, a_kommun_in_two_forbund_is_a_warning_that_says_what_happens)
{
	fixture_file f[] = {
		FIXTURE_SITE,
		FIXTURE_FORBUND,
		{"forbund/ost.md", "---\ntitle: Samordningsförbundet Öst\nmembers:\n  - {name: Mark, code: \"1463\"}\n---\nText.\n"},
	};
	char *root = fixture_make(f, sizeof f / sizeof *f);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 0);
	cr_expect_not_null(strstr(sg_buf_cstr(&o),
	                          "/content/forbund/sjuharad.md:6:12: warning: Mark is a member of Samordningsförbundet Öst "
	                          "("
	                          ),
	                   "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o),
	                          "/content/forbund/ost.md:4) and of Sjuhärads samordningsförbund; a kommun belongs to one "
	                          "samordningsförbund. Its page lists the insatser of both and shows Samordningsförbundet "
	                          "Öst's referral contact first; remove it from the förbund it does not belong to\n"),
	                   "%s", sg_buf_cstr(&o));
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

/* Issue 14, item 1: participants as plans write them, "ca 60" and "40 per år", said so
 * on the page and in the sums. */
Test(responsibility, approximate_and_yearly_participants_say_so)
{
	fixture_file f[] = {
		FIXTURE_SITE,
		FIXTURE_FORBUND,
		{"insatser/sjuharad/orvar.md", "---\ntitle: Orvar\nyear: 2015\nreviewed: 2026-11-20\nplaces:\n"
		                               "  - {municipality: Borås, participants: ca 60, funds: {forbund: 100}}\n"
		                               "  - {municipality: Mark, participants: 40 per år, funds: {forbund: 50}}\n---\nText.\n"},
		{"insatser/sjuharad/fel.md", "---\ntitle: Fel\nreviewed: 2026-11-20\nplaces:\n"
		                             "  - {municipality: Borås, participants: många}\n---\nText.\n"},
	};
	char *root = fixture_make(f, sizeof f / sizeof *f);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 1);
	cr_expect_not_null(strstr(sg_buf_cstr(&o), "fel.md:5:41: error: 'participants' is 'många'; write a number (60), an "
	                                           "estimate ('ca 60') or a number per year ('40 per år')"),
	                   "%s", sg_buf_cstr(&o));
	char *bad = sg_asprintf("%s/content/insatser/sjuharad/fel.md", root);
	cr_assert_eq(remove(bad), 0);
	free(bad);
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	char *x = page(root, "insats/sjuharad/orvar/");
	cr_expect_not_null(strstr(x, "<td class=\"n\">ca 60</td>"), "%s", x);
	cr_expect_not_null(strstr(x, "<td class=\"n\">40 per år</td>"), "%s", x);
	cr_expect_not_null(strstr(x, "<td class=\"n\">ca 100</td>"), "the sum of an estimate is an estimate: %s", x);
	free(x);
	char *e = page(root, "forbund/sjuharad/ekonomi/2015/");
	cr_expect_not_null(strstr(e, ">Borås</a></th><td class=\"n\">ca 60</td>"), "%s", e);
	cr_expect_not_null(strstr(e, ">Mark</a></th><td class=\"n\">40</td>"), "%s", e);
	free(e);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

/* Issue 14, item 2: a kommun's own text and prioritised target groups, first on its page. */
Test(responsibility, a_kommun_page_shows_its_priorities_and_text_first)
{
	fixture_file f[] = {
		FIXTURE_SITE,
		{"forbund/sjuharad.md",
		 "---\ntitle: Sjuhärads samordningsförbund\nmembers:\n"
		 "  - name: Borås\n    code: \"1490\"\n    about: Många unga vuxna står långt från arbetsmarknaden.\n"
		 "    priorities:\n      - {group: Unga vuxna 16–24 år, priority: 1}\n      - {group: Personer äldre än 55 år, "
		 "priority: 2}\n      - Nyanlända\n"
		 "  - {name: Mark, code: \"1463\", priorities: [{group: Unga, priority: 10}, {priority: 1}]}\n---\nText.\n"},
		{"insatser/sjuharad/a.md", "---\ntitle: A\nreviewed: 2026-11-20\nplaces: [{municipality: Borås}]\n---\nText.\n"},
	};
	char *root = fixture_make(f, sizeof f / sizeof *f);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 1);
	const char *l = sg_buf_cstr(&o);
	cr_expect_not_null(strstr(l, "sjuharad.md:11:1: error: missing 'group': name the target group, e.g. 'group: Unga "
	                             "vuxna 16–24 år'"),
	                   "%s", l);
	cr_expect_not_null(strstr(l, "sjuharad.md:11:69: error: 'priority' must be between 1 and 9, not 10"), "%s", l);
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 1);
	/* fixed: Mark without the broken priority */
	char *path = sg_asprintf("%s/content/forbund/sjuharad.md", root);
	size_t len;
	char *text = sg_read_file(path, &len, 1 << 20);
	static const char broken[] = ", priorities: [{group: Unga, priority: 10}, {priority: 1}]";
	char *at = strstr(text, broken);
	cr_assert_not_null(at);
	memmove(at, at + strlen(broken), strlen(at + strlen(broken)) + 1);
	cr_assert_eq(sg_write_file(path, text, strlen(text)), 0);
	free(text);
	free(path);
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	char *p = page(root, "kommun/boras/");
	const char *prio = strstr(p, "<h2 id=\"prioriteringar\">Prioriterade målgrupper i Borås</h2>\n<ul>\n"
	                             "<li>Unga vuxna 16–24 år <span class=\"prio\">(prioritet 1)</span></li>\n"
	                             "<li>Personer äldre än 55 år <span class=\"prio\">(prioritet 2)</span></li>\n"
	                             "<li>Nyanlända</li>\n</ul>");
	cr_expect_not_null(prio, "%s", p);
	cr_expect_not_null(strstr(p, "<p class=\"kommun-about\">Många unga vuxna står långt från arbetsmarknaden.</p>"));
	const char *list = strstr(p, "<h2 id=\"i-kommunen\">");
	cr_expect(prio && list && prio < list, "the priorities come before the insatser");
	free(p);
	char *m = page(root, "kommun/mark/");
	cr_expect_null(strstr(m, "prioriteringar"), "no priorities, no heading");
	free(m);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}
