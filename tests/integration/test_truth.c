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


/* The page out/rel/index.html (caller frees); the test fails when it is missing. */
static char *page(const char *out, const char *rel)
{
	char *path = sg_asprintf("%sindex.html", rel);
	char *text = fixture_read(out, path);
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
	static const char *const card_facts[] = {"Utförare: ", "Utförare: Lernia", "<dt>Status</dt><dd>Pågående"};
	for (size_t i = 0; i < sizeof card_pages / sizeof card_pages[0]; i++) {
		/* every card list uses the same card (insats-card.mustache) */
		size_t n_facts = 3;
		char *text = page(out, card_pages[i]);
		cr_expect_eq(fixture_count(text, ">Alfa</a></h3>"), 1, "%s: Alfa's card", card_pages[i]);
		cr_expect_eq(fixture_count(text, ">Beta</a></h3>"), 1, "%s: Beta's card", card_pages[i]);
		cr_expect_eq(fixture_count(text, ">Gamma</a></h3>"), 1, "%s: Gamma's card", card_pages[i]);
		for (size_t f = 0; f < n_facts; f++)
			cr_expect_eq(fixture_count(text, card_facts[f]), 1, "%s: \"%s\" %zu times, the content gives it once",
			             card_pages[i], card_facts[f], fixture_count(text, card_facts[f]));
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
		{"kommun/boras/", "Planerade deltagare i", 0}, /* planned participants stay off cards */
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
		size_t n = fixture_count(text, facts[i].fact);
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
	cr_expect_eq(pages, 21, "18 and a print list per kommun");
	free(content);
	sg_remove_tree(root);
	free(root);
}

/* ---- issue 13 §2: what pages say about an insats follows --now ------------------ */

#include <jansson.h>

/* Calls fn(path, text, arg) for every *.html under dir. */
static void each_html(const char *dir, void (*fn)(const char *, const char *, void *), void *arg)
{
	size_t n;
	char **names = sg_list_dir(dir, &n);
	cr_assert_not_null(names, "cannot list %s", dir);
	for (size_t i = 0; i < n; i++) {
		char *path = sg_path_join(dir, names[i]);
		size_t l = strlen(names[i]);
		if (sg_is_dir(path))
			each_html(path, fn, arg);
		else if (l > 5 && strcmp(names[i] + l - 5, ".html") == 0) {
			size_t len;
			char *text = sg_read_file(path, &len, (size_t)1 << 26);
			cr_assert_not_null(text);
			fn(path, text, arg);
			free(text);
		}
		free(path);
	}
	sg_free_names(names, n);
}

/* The insatser of a build: page address, computed status in data/insatser.json, the
 * search index's "o" (takes referrals), and whether `slut` is before today. */
typedef struct {
	char url[256];
	char status[16];
	bool open, over;
} insats_fact;

typedef struct {
	insats_fact *x;
	size_t n;
	size_t cards_seen, pages_seen;
} site_facts;

/* Is the content date `date` (YYYY, YYYY-MM or YYYY-MM-DD) over on `today`? */
static bool date_over(const char *date, const char *today)
{
	size_t n = strlen(date);
	return strncmp(date, today, n > 10 ? 10 : n) < 0;
}

static site_facts read_facts(const char *out, const char *today)
{
	site_facts f = {0};
	char *path = sg_path_join(out, "data/insatser.json");
	json_error_t err;
	json_t *data = json_load_file(path, 0, &err);
	cr_assert_not_null(data, "%s: %s", path, err.text);
	free(path);
	path = sg_path_join(out, "search-index.json");
	json_t *index = json_load_file(path, 0, &err);
	cr_assert_not_null(index, "%s: %s", path, err.text);
	free(path);
	json_t *list = json_object_get(data, "insatser");
	f.n = json_array_size(list);
	cr_assert_gt(f.n, 0);
	cr_assert_eq(json_array_size(index), f.n, "one search entry per insats");
	f.x = sg_calloc(f.n, sizeof *f.x);
	for (size_t i = 0; i < f.n; i++) {
		json_t *o = json_array_get(list, i);
		const char *url = json_string_value(json_object_get(o, "url"));
		const char *slut = json_string_value(json_object_get(o, "slut"));
		const char *status = json_string_value(json_object_get(o, "status"));
		cr_assert(url && strncmp(url, "https://example.se/", 19) == 0, "url %s", url ? url : "(none)");
		snprintf(f.x[i].url, sizeof f.x[i].url, "%s", url + 18); /* "/insats/…/" */
		snprintf(f.x[i].status, sizeof f.x[i].status, "%s", status ? status : "");
		f.x[i].over = slut && date_over(slut, today);
		bool found = false;
		for (size_t k = 0; k < json_array_size(index); k++) {
			json_t *e = json_array_get(index, k);
			if (strcmp(json_string_value(json_object_get(e, "u")), f.x[i].url) == 0) {
				f.x[i].open = json_is_true(json_object_get(e, "o"));
				found = true;
			}
		}
		cr_assert(found, "%s is not in search-index.json", f.x[i].url);
	}
	json_decref(data);
	json_decref(index);
	return f;
}

/* Every card on the page whose insats is over says neither "Pågående" nor "Tar emot
 * remisser"; every insats page the same when its insats is over. */
static void check_page(const char *path, const char *text, void *arg)
{
	site_facts *f = arg;
	for (const char *c = strstr(text, "<li class=\"card\">"); c; c = strstr(c + 1, "<li class=\"card\">")) {
		const char *end = strstr(c, "</li>");
		cr_assert_not_null(end);
		const char *href = strstr(c, "href=\"");
		if (!href || href > end)
			continue;
		href += 6;
		for (size_t i = 0; i < f->n; i++) {
			size_t l = strlen(f->x[i].url);
			if (strncmp(href, f->x[i].url, l) != 0 || href[l] != '"')
				continue;
			f->cards_seen++;
			char *card = sg_strndup(c, (size_t)(end - c));
			if (f->x[i].over) {
				cr_expect(!strstr(card, "Pågående"), "%s: the card of %s, over, says Pågående", path, f->x[i].url);
				cr_expect(!strstr(card, "Tar emot remisser"), "%s: the card of %s, over, takes referrals", path,
				          f->x[i].url);
			}
			cr_expect_eq(strstr(card, "Tar emot remisser") != NULL, f->x[i].open,
			             "%s: the card of %s and the search index disagree on referrals", path, f->x[i].url);
			free(card);
		}
	}
	for (size_t i = 0; i < f->n; i++) {
		char *want = sg_asprintf("%sindex.html", f->x[i].url);
		size_t lp = strlen(path), lw = strlen(want);
		if (lp >= lw && strcmp(path + lp - lw, want) == 0) {
			f->pages_seen++;
			if (f->x[i].over) {
				cr_expect(!strstr(text, "Pågående"), "%s, over, says Pågående", path);
				cr_expect(!strstr(text, "Tar emot remisser"), "%s, over, says it takes referrals", path);
			}
			cr_expect_eq(strstr(text, "<p class=\"status open\">Tar emot remisser") != NULL, f->x[i].open,
			             "%s and the search index disagree on referrals", path);
		}
		free(want);
	}
}

Test(truth, pages_search_and_open_data_follow_now, .timeout = 60)
{
	char tmpl[] = "/tmp/sofgen-truth-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --now 2026-12-04 --out %s/late", tmpl), 0, "%s", sg_buf_cstr(&log));
	cr_assert_eq(run(&log, "build --now 2015-06-01 --build-future --out %s/early", tmpl), 0, "%s", sg_buf_cstr(&log));

	/* December 2026: every insats of the example has ended */
	char *late = sg_path_join(tmpl, "late");
	site_facts f = read_facts(late, "2026-12-04");
	size_t over = 0;
	for (size_t i = 0; i < f.n; i++) {
		over += f.x[i].over;
		if (f.x[i].over) {
			cr_expect_str_eq(f.x[i].status, "ended", "%s in data/insatser.json", f.x[i].url);
			cr_expect_not(f.x[i].open, "%s: \"o\" in search-index.json", f.x[i].url);
		}
	}
	cr_expect_eq(over, f.n, "the example's insatser all end by 2022");
	each_html(late, check_page, &f);
	cr_expect_eq(f.pages_seen, f.n, "every insats page checked");
	cr_expect_gt(f.cards_seen, f.n, "cards on kommun, förbund and kategori pages checked (%zu)", f.cards_seen);
	free(f.x);

	/* June 2015: the Sjuhärad insatser (2015-01-01 – 2015-12-31) are running, and those
	 * with open referral take referrals */
	char *early = sg_path_join(tmpl, "early");
	f = read_facts(early, "2015-06-01");
	size_t sjuharad = 0, open = 0;
	for (size_t i = 0; i < f.n; i++) {
		if (strncmp(f.x[i].url, "/insats/sjuharad/", 17) != 0)
			continue;
		sjuharad++;
		cr_expect_not(f.x[i].over);
		cr_expect_str_eq(f.x[i].status, "active", "%s in data/insatser.json", f.x[i].url);
		char *rel = sg_strdup(f.x[i].url + 1);
		char *text = page(early, rel);
		cr_expect(strstr(text, "<dt>Status</dt><dd>Pågående</dd>"), "%s says Pågående", f.x[i].url);
		if (f.x[i].open) {
			open++;
			cr_expect(strstr(text, "<p class=\"status open\">Tar emot remisser"), "%s", f.x[i].url);
		}
		free(text);
		free(rel);
	}
	cr_expect_eq(sjuharad, 21);
	cr_expect_gt(open, 10, "most Sjuhärad insatser take referrals in 2015 (%zu)", open);
	f.cards_seen = f.pages_seen = 0;
	each_html(early, check_page, &f);
	cr_expect_eq(f.pages_seen, f.n);
	char *boras = page(early, "kommun/boras/");
	cr_expect_gt(fixture_count(boras, "Tar emot remisser"), 5, "Borås' cards in 2015");
	free(boras);
	free(f.x);

	free(late);
	free(early);
	sg_buf_free(&log);
	sg_remove_tree(tmpl);
}

/* ---- issue 13 §2: reviewed and review_max_months ------------------------------- */

Test(truth, check_and_pages_say_when_the_facts_were_last_reviewed)
{
	fixture_file f[] = {
		{"site.yaml", "title: Testportal\nbase_url: https://example.se/\nreview_max_months: 6\n"
		              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"},
		FIXTURE_FORBUND,
		{"insatser/sjuharad/gammal.md", "---\ntitle: Gammal\nreviewed: 2026-01-10\nstart: 2026-01-01\n---\nText.\n"},
		{"insatser/sjuharad/ny.md", "---\ntitle: Ny\nreviewed: 2026-11-20\n---\nText.\n"},
		{"insatser/sjuharad/utan.md", "---\ntitle: Utan\nyear: 2026\n---\nText.\n"},
		{"insatser/sjuharad/slut.md", "---\ntitle: Slut\nend: 2020-12-31\n---\nText.\n"},
	};
	char *root = fixture_make(f, sizeof f / sizeof f[0]);
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "check --content %s/content --now 2026-12-04", root), 0, "%s", sg_buf_cstr(&log));
	const char *l = sg_buf_cstr(&log);
	cr_expect(has(l, "gammal.md:3:11: warning: the facts were last reviewed on 2026-01-10, more than 6 months before "
	                 "2026-12-04 (review_max_months), and the page says they may be out of date; set 'reviewed: "
	                 "2026-12-04' after checking the facts\n"),
	          "%s", l);
	cr_expect(has(l, "utan.md:2:1: warning: no 'reviewed' date: nobody has confirmed these facts, and the page says "
	                 "they may be out of date; set 'reviewed: 2026-12-04' after checking the facts\n"),
	          "%s", l);
	cr_expect(has(l, "0 errors, 2 warnings"), "ny.md is recent, slut.md has ended: %s", l);
	cr_expect_eq(run(&log, "check --content %s/content --now 2026-07-10", root), 0);
	cr_expect(has(sg_buf_cstr(&log), "0 errors, 1 warning"), "Gammal is exactly 6 months old: %s", sg_buf_cstr(&log));

	cr_assert_eq(run(&log, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&log));
	char *out = sg_path_join(root, "out");
	static const fact_count facts[] = {
		{"insats/sjuharad/gammal/", "<p>Uppgifterna granskades senast 10 januari 2026 och kan vara inaktuella. "
		                            "Kontrollera med kontaktpersonen innan du remitterar.</p>", 1},
		{"insats/sjuharad/gammal/", "<dt>Senast granskad</dt><dd>10 januari 2026</dd>", 1},
		{"insats/sjuharad/utan/", "<p>Uppgifterna har inte granskats och kan vara inaktuella. Kontrollera med "
		                          "kontaktpersonen innan du remitterar.</p>", 1},
		{"insats/sjuharad/utan/", "Senast granskad", 0},
		{"insats/sjuharad/ny/", "inaktuella", 0},
		{"insats/sjuharad/ny/", "<dt>Senast granskad</dt><dd>20 november 2026</dd>", 1},
		{"insats/sjuharad/slut/", "inaktuella", 0}, /* never for an ended insats */
		{"forbund/sjuharad/", "<dt>Granskad</dt><dd>2026-11-20</dd>", 1},
		{"forbund/sjuharad/", "<dt>Granskad</dt><dd>2026-01-10</dd>", 1},
		{"forbund/sjuharad/", "<dt>Granskad</dt>", 2},
		{"kommun/boras/", "<dt>Granskad</dt>", 2},
	};
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
		char *text = page(out, facts[i].page);
		size_t n = fixture_count(text, facts[i].fact);
		cr_expect_eq(n, facts[i].times, "/%s: \"%s\" %zu times, not %zu", facts[i].page, facts[i].fact, n,
		             facts[i].times);
		free(text);
	}
	free(out);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}

Test(truth, the_example_content_is_quiet_on_check)
{
	sg_buf log = SG_BUF_INIT;
	cr_expect_eq(run(&log, "check --now 2026-12-04"), 0);
	cr_expect_str_eq(sg_buf_cstr(&log), "sofgen: content is valid (39 insatser, 13 kommuner, 2 förbund)\n");
	sg_buf_free(&log);
}
