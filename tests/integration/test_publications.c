/* Integration: newsletters, feeds, events and calendars, documents and forms of the
 * example site, built with a fixed date. Run from the project root. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/utf8.h"

static char *root, *out;

static void build_example(void)
{
	char tmpl[] = "/tmp/sofgen-pub-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	root = sg_strdup(tmpl);
	out = sg_asprintf("%s/site", root);
	const char *bin = getenv("SOFGEN") && *getenv("SOFGEN") ? getenv("SOFGEN") : "build/release/sofgen";
	char *cmd = sg_asprintf("%s build --now 2020-06-01T12:00 --out %s >/dev/null 2>&1", bin, out);
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

static char *read_out(const char *rel)
{
	char *p = sg_asprintf("%s/%s", out, rel);
	size_t len;
	char *s = sg_read_file(p, &len, 1 << 26);
	cr_assert_not_null(s, "missing %s", p);
	free(p);
	return s;
}

/* The slugs of the files in content/<dir> that end in ext (malloc'd array). */
static char **slugs(const char *dir, const char *ext, size_t *n)
{
	size_t total;
	char **names = sg_list_dir(dir, &total);
	cr_assert_not_null(names, "%s", dir);
	*n = 0;
	for (size_t i = 0; i < total; i++) {
		size_t l = strlen(names[i]), e = strlen(ext);
		if (l > e && strcmp(names[i] + l - e, ext) == 0) {
			names[i][l - e] = '\0';
			names[(*n)++] = names[i];
		} else
			free(names[i]);
	}
	return names;
}

static bool xml_ok(const char *rel)
{
	char *cmd = sg_asprintf("xmllint --noout %s/%s", out, rel);
	int st = system(cmd);
	free(cmd);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

TestSuite(publications, .init = build_example, .fini = cleanup, .timeout = 60);

Test(publications, newsletters_have_pages_mail_versions_and_valid_feeds)
{
	size_t n;
	char **news = slugs("content/nyhetsbrev", ".md", &n);
	cr_assert_geq(n, 3, "three example newsletters");
	char *index = read_out("nyhetsbrev/index.html");
	for (size_t i = 0; i < n; i++) {
		char *rel = sg_asprintf("nyhetsbrev/%s/index.html", news[i]);
		char *pagetext = read_out(rel);
		/* the e-mail versions are the editor's, not offered to readers (issue 17) */
		cr_expect_null(strstr(pagetext, "epost.html"), "%s links its e-mail version", rel);
		cr_expect_null(strstr(pagetext, "epost.txt"), "%s links its e-mail version", rel);
		free(pagetext);
		free(rel);
		char *link = sg_asprintf("href=\"/nyhetsbrev/%s/\"", news[i]);
		cr_expect_not_null(strstr(index, link), "the list links %s", news[i]);
		free(link);
		/* e-mail HTML: self-contained, inline styles, absolute links */
		rel = sg_asprintf("nyhetsbrev/%s/epost.html", news[i]);
		char *html = read_out(rel);
		cr_expect_null(strstr(html, "<link"), "%s", rel);
		cr_expect_null(strstr(html, "<script"), "%s", rel);
		cr_expect_null(strstr(html, "class="), "%s: inline styles only", rel);
		cr_expect_not_null(strstr(html, "style=\""), "%s", rel);
		for (const char *p = html; (p = strstr(p, "href=\"")); p += 6)
			cr_expect(strncmp(p + 6, "https://", 8) == 0 || strncmp(p + 6, "http://", 7) == 0 ||
			              strncmp(p + 6, "mailto:", 7) == 0,
			          "%s: a relative link: %.60s", rel, p);
		free(html);
		free(rel);
		/* plain text: wrapped at 72 columns, links as footnotes */
		rel = sg_asprintf("nyhetsbrev/%s/epost.txt", news[i]);
		char *txt = read_out(rel);
		for (char *line = txt, *end; *line; line = end + (*end != '\0')) {
			end = strchr(line, '\n');
			if (!end)
				end = line + strlen(line);
			size_t cols = sg_utf8_length(line, (size_t)(end - line));
			bool url = memmem(line, (size_t)(end - line), "://", 3) != NULL;
			cr_expect(cols <= 72 || url, "%s: a line of %zu columns: %.*s", rel, cols, (int)(end - line), line);
		}
		cr_expect_not_null(strstr(txt, "[1] https://"), "%s: links listed as footnotes", rel);
		free(txt);
		free(rel);
		free(news[i]);
	}
	free(news);
	free(index);
	cr_expect(xml_ok("nyhetsbrev/feed.xml"), "the Atom feed is well-formed XML");
	cr_expect(xml_ok("forbund/sjuharad/nyhetsbrev.xml"));
	cr_expect(xml_ok("sitemap.xml"));
	char *feed = read_out("nyhetsbrev/feed.xml");
	cr_expect_not_null(strstr(feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
	cr_expect_not_null(strstr(feed, "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.se/nyhetsbrev/feed.xml\"/>"));
	cr_expect_not_null(strstr(feed, "<id>https://example.se/nyhetsbrev/"));
	size_t entries = 0;
	for (const char *p = feed; (p = strstr(p, "<entry>")); p++)
		entries++;
	cr_expect_eq(entries, n);
	free(feed);
}

/* RFC 5545 as strictly as a calendar program would read it. */
static void check_ics(const char *rel, size_t want_events)
{
	char *ics = read_out(rel);
	cr_assert(strncmp(ics, "BEGIN:VCALENDAR\r\n", 17) == 0, "%s", rel);
	size_t len = strlen(ics), events = 0;
	int depth = 0;
	cr_assert(len > 15 && strcmp(ics + len - 15, "END:VCALENDAR\r\n") == 0);
	for (char *line = ics; *line;) {
		char *crlf = strstr(line, "\r\n");
		cr_assert_not_null(crlf, "%s: every line ends in CRLF", rel);
		cr_expect_leq((size_t)(crlf - line), 75, "%s: a line over 75 octets", rel);
		cr_expect_null(memchr(line, '\n', (size_t)(crlf - line)), "%s: a bare LF", rel);
		if (strncmp(line, "BEGIN:", 6) == 0)
			depth++;
		if (strncmp(line, "END:", 4) == 0)
			depth--;
		if (strncmp(line, "BEGIN:VEVENT\r\n", 14) == 0)
			events++;
		cr_expect_geq(depth, 0);
		line = crlf + 2;
	}
	cr_expect_eq(depth, 0, "%s: BEGIN and END balance", rel);
	cr_expect_eq(events, want_events, "%s", rel);
	cr_expect_not_null(strstr(ics, "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n"), "%s", rel);
	size_t uids = 0, stamps = 0, starts = 0;
	for (const char *p = ics; (p = strstr(p, "\r\nUID:")); p++)
		uids++;
	for (const char *p = ics; (p = strstr(p, "\r\nDTSTAMP:")); p++)
		stamps++;
	for (const char *p = ics; (p = strstr(p, "\r\nDTSTART;")); p++)
		starts++;
	cr_expect_eq(uids, events);
	cr_expect_eq(stamps, events);
	cr_expect_geq(starts, events, "DTSTART of every event (the time zone's too)");
	free(ics);
}

Test(publications, events_are_split_by_the_build_date_and_in_calendars)
{
	size_t n;
	char **ev = slugs("content/evenemang", ".md", &n);
	cr_assert_geq(n, 4);
	check_ics("evenemang/kalender.ics", n);
	char *list = read_out("evenemang/index.html");
	char *archive = strstr(list, "id=\"arkiv\"");
	cr_assert_not_null(archive, "events before 2020-06-01 are in the archive");
	for (size_t i = 0; i < n; i++) {
		char *rel = sg_asprintf("evenemang/%s/index.html", ev[i]);
		free(read_out(rel));
		free(rel);
		/* the example events are named by month: 2014-…, 2020-03-… are past, 2020-09-… is not */
		char *link = sg_asprintf("href=\"/evenemang/%s/\"", ev[i]);
		char *at = strstr(list, link);
		cr_expect_not_null(at, "%s is listed", ev[i]);
		bool past = strncmp(ev[i], "2020-06", 7) < 0;
		cr_expect(past ? at > archive : at < archive, "%s in the %s list", ev[i], past ? "archive" : "upcoming");
		free(link);
		free(ev[i]);
	}
	free(ev);
	free(list);
}

Test(publications, documents_are_copied_and_listed)
{
	size_t n;
	char **docs = slugs("content/dokument", ".yaml", &n);
	cr_assert_geq(n, 2);
	char *page = read_out("dokument/index.html");
	for (size_t i = 0; i < n; i++) {
		char *yaml = sg_asprintf("content/dokument/%s.yaml", docs[i]);
		size_t len;
		char *text = sg_read_file(yaml, &len, 1 << 20);
		char *file = strstr(text, "file: ");
		cr_assert_not_null(file);
		file += 6;
		file[strcspn(file, "\r\n ")] = '\0';
		char *src = sg_asprintf("content/dokument/%s", file), *dst = sg_asprintf("dokument/%s", file);
		size_t a, b;
		char *x = sg_read_file(src, &a, 1 << 26), *y = read_out(dst);
		b = strlen(y);
		cr_expect(a == b && memcmp(x, y, a) == 0, "%s is copied as it is", file);
		char *link = sg_asprintf("href=\"/dokument/%s\"", file);
		cr_expect_not_null(strstr(page, link));
		free(link), free(x), free(y), free(src), free(dst), free(text), free(yaml), free(docs[i]);
	}
	cr_expect_not_null(strstr(page, " kB</span>"), "sizes are shown");
	free(docs);
	free(page);
}

/* Every <form> of the HTML files under dir posts (never GET, never mailto:), but for
 * the search form (role="search", GET to the site's /sok/: it carries filters, never
 * personal data) and the footer's newsletter form (POST over https); a page with a printed
 * form (data-print) has no <form> and no form= attribute at all, so nothing on it can be
 * submitted (the footer links the newsletter form there). Counts the four. */
static void check_forms_in(const char *dir, size_t *forms, size_t *printed, size_t *searches, size_t *newsletters)
{
	size_t n;
	char **names = sg_list_dir(dir, &n);
	for (size_t i = 0; names && i < n; i++) {
		char *p = sg_path_join(dir, names[i]);
		if (sg_is_dir(p))
			check_forms_in(p, forms, printed, searches, newsletters);
		else if (strstr(names[i], ".html")) {
			size_t len;
			char *html = sg_read_file(p, &len, 1 << 26);
			for (const char *f = html; (f = strcasestr(f, "<form")); f++) {
				const char *end = strchr(f, '>');
				char *tag = sg_strndup(f, (size_t)(end - f));
				/* the footer's newsletter subscription (site.yaml's newsletter_signup): POSTed over
				 * https, after the page's main part; counted apart */
				const char *footer = strstr(html, "<footer");
				if (footer && f > footer && strncmp(tag, "<form method=\"post\" action=\"https://", strlen("<form method=\"post\" action=\"https://")) == 0) {
					cr_expect_not_null(strstr(html, "<section class=\"newsletter-signup\""), "%s: %s", p, tag);
					(*newsletters)++;
					free(tag);
					continue;
				}
				if (strstr(tag, "role=\"search\"")) {
					cr_expect_not_null(strstr(tag, "action=\"/sok/\" method=\"get\""), "%s: %s", p, tag);
					cr_expect_null(strcasestr(tag, "post"), "%s: %s", p, tag);
					(*searches)++;
					free(tag);
					continue;
				}
				cr_expect_not_null(strcasestr(tag, "method=\"post\""), "%s: %s", p, tag);
				cr_expect_null(strcasestr(tag, "method=\"get\""), "%s: a GET form", p);
				cr_expect_null(strcasestr(tag, "mailto:"), "%s: a mailto: form", p);
				free(tag);
				(*forms)++;
			}
			if (strstr(html, " data-print>")) {
				(*printed)++;
				cr_expect_null(strcasestr(html, "<form"), "%s: a printed form inside a <form> can be submitted", p);
				cr_expect_null(strcasestr(html, " form="), "%s: a form= attribute ties fields to a form", p);
			}
			free(html);
		}
		free(p);
		free(names[i]);
	}
	free(names);
}

Test(publications, forms_never_get_never_mailto_and_are_prefilled)
{
	size_t forms = 0, printed = 0, searches = 0, newsletters = 0;
	check_forms_in(out, &forms, &printed, &searches, &newsletters);
	cr_expect_eq(forms, 0, "the example's forms are printed: no <form> anywhere but the search form and the newsletter's");
	cr_expect_geq(newsletters, 10, "the footer's newsletter form, on the pages not made for paper: %zu", newsletters);
	cr_expect_eq(searches, 2, "the search form: on the front page and /sok/");
	cr_expect_geq(printed, 2, "the example has forms");
	char *remiss = read_out("insats/sjuharad/aktiv-halsa/remiss/index.html");
	cr_expect_not_null(strstr(remiss, "<div class=\"blankett\" data-print>"));
	cr_expect_not_null(strstr(remiss, "name=\"insats\" type=\"text\" value=\"Aktiv hälsa\" readonly"));
	cr_expect_not_null(strstr(remiss, "<button type=\"button\" class=\"button\" data-print-button hidden>"));
	cr_expect_null(strstr(remiss, "type=\"submit\""), "a printed form has no submit control");
	cr_expect_not_null(strstr(remiss, "<p><a href=\"/#sidfot-nyhetsbrev\">Prenumerera på nyhetsbrevet</a> med formuläret "
	                                  "längst ned på startsidan.</p>"),
	                   "the footer links the newsletter form instead of holding it");
	cr_expect_not_null(strstr(remiss, "Inget skickas över internet."));
	cr_expect_not_null(strstr(remiss, "<legend>"));
	cr_expect_not_null(strstr(remiss, "aria-describedby=\"f-"), "hints are tied to their fields");
	free(remiss);
	char *insats = read_out("insats/sjuharad/aktiv-halsa/index.html");
	cr_expect_not_null(strstr(insats, "href=\"/insats/sjuharad/aktiv-halsa/remiss/\""), "the insats page links its form");
	free(insats);
}

/* With forms.action the form is a real <form>, posted over https with a submit button;
 * the same form without it is printed and has none. */
Test(forms, a_sent_form_posts_to_its_https_action_a_printed_one_is_no_form, .timeout = 60)
{
	const char *form = "title: Kort anmälan\nsections:\n  - title: Om dig\n    fields:\n"
	                   "      - {name: personnummer, label: Personnummer, type: personnummer}\n"
	                   "send_to: Box 1, 123 45 Exempelstad\n";
	for (int sent = 0; sent < 2; sent++) {
		fixture_file f[] = {
		    {"site.yaml", sent ? "title: T\nbase_url: https://example.se/\nforms: {action: https://example.se/ta-emot}\n"
		                         "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /k/}}\n"
		                       : "title: T\nbase_url: https://example.se/\n"
		                         "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /k/}}\n"},
		    FIXTURE_FORBUND,
		    {"blanketter/kort.yaml", form}};
		char *dir = fixture_make(f, 3);
		sg_buf o = SG_BUF_INIT;
		cr_assert_eq(run(&o, "build --content %s/content --out %s/site", dir, dir), 0, "%s", o.ptr);
		char *path = sg_asprintf("%s/site/blanketter/kort/index.html", dir);
		size_t len;
		char *html = sg_read_file(path, &len, 1 << 26);
		cr_assert_not_null(html, "%s", path);
		if (sent) {
			cr_expect(has(html, "<form class=\"blankett\" method=\"post\" action=\"https://example.se/ta-emot\" novalidate>"),
			          "%s", html);
			cr_expect(has(html, "<button type=\"submit\""));
			cr_expect(!has(html, "data-print"));
		} else {
			cr_expect(has(html, "<div class=\"blankett\" data-print>"), "%s", html);
			cr_expect(!has(html, "<form") && !has(html, " form="), "a printed form has no <form>");
			cr_expect(!has(html, "type=\"submit\""));
		}
		free(html), free(path), sg_buf_free(&o);
		sg_remove_tree(dir);
		free(dir);
	}
}
