/* Integration: the footer links a bounded set of sidor, so a site's size grows
 * linearly with its number of sidor (every footer used to list every sida: 4 000 sidor
 * gave 847 MB). The rule (docs/content-format.md): `footer: true` pages, at most
 * SG_FOOTER_MAX_SIDOR; without any, every sida of a site that has at most that many
 * (but those with `footer: false`); whenever one is left out, /sidor/ lists them all. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "model/model.h"
#include "util/buf.h"

/* A site with n sidor s0001…, titled "Sida 0001"…; `footer(i)` gives the footer: line of
 * sida i ("" for none). Returns the temporary folder (malloc'd). */
static char *site_with_sidor(size_t n, const char *(*footer)(size_t))
{
	const fixture_file base[] = {FIXTURE_SITE, FIXTURE_FORBUND};
	char *root = fixture_make(base, 2);
	char *dir = sg_asprintf("%s/content/sidor", root);
	cr_assert_eq(sg_mkdirs(dir), 0);
	for (size_t i = 1; i <= n; i++) {
		char *path = sg_asprintf("%s/s%04zu.md", dir, i);
		char *text = sg_asprintf("---\ntitle: Sida %04zu\nsummary: Om sak %zu.\n%s---\nText %zu.\n", i, i,
		                         footer ? footer(i) : "", i);
		cr_assert_eq(sg_write_file(path, text, strlen(text)), 0);
		free(path), free(text);
	}
	free(dir);
	return root;
}

static void build(const char *root, int want, sg_buf *log)
{
	int rc = run(log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_assert_eq(rc, want, "exit %d, wanted %d:\n%s", rc, want, log->ptr);
}

static char *read_site(const char *root, const char *rel, size_t *len)
{
	char *p = sg_asprintf("%s/site/%s", root, rel);
	size_t l;
	char *s = sg_read_file(p, &l, (size_t)1 << 30);
	cr_assert_not_null(s, "missing %s", p);
	free(p);
	if (len)
		*len = l;
	return s;
}

/* How many times `needle` occurs in the page's <footer>. */
static size_t in_footer(const char *html, const char *needle)
{
	const char *f = strstr(html, "<footer");
	const char *end = f ? strstr(f, "</footer>") : NULL;
	cr_assert(f && end, "the page has a footer");
	size_t n = 0;
	for (const char *p = f; (p = strstr(p, needle)) && p < end; p++)
		n++;
	return n;
}

/* Counts the bytes of every file under dir and the index.html pages among them. */
static void measure(const char *dir, size_t *bytes, size_t *pages)
{
	size_t n;
	char **names = sg_list_dir(dir, &n);
	cr_assert_not_null(names, "%s", dir);
	for (size_t i = 0; i < n; i++) {
		char *p = sg_path_join(dir, names[i]);
		if (sg_is_dir(p))
			measure(p, bytes, pages);
		else {
			size_t len;
			char *s = sg_read_file(p, &len, (size_t)1 << 30);
			cr_assert_not_null(s, "%s", p);
			*bytes += len;
			*pages += strcmp(names[i], "index.html") == 0;
			free(s);
		}
		free(p);
		free(names[i]);
	}
	free(names);
}

Test(footer, many_sidor_the_site_grows_linearly, .timeout = 120)
{
	sg_buf log = SG_BUF_INIT;
	char *small = site_with_sidor(100, NULL), *big = site_with_sidor(2000, NULL);
	build(small, 0, &log);
	build(big, 0, &log);
	/* a page does not depend on how many sidor there are */
	static const char *const same[] = {"index.html", "sidor/s0001/index.html", "kommun/boras/index.html", "404.html"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		size_t a, b;
		char *x = read_site(small, same[i], &a), *y = read_site(big, same[i], &b);
		cr_expect(a == b && memcmp(x, y, a) == 0, "%s is the same with 100 and 2000 sidor (%zu and %zu bytes)", same[i],
		          a, b);
		cr_expect_leq(in_footer(y, "href=\"/sidor/"), SG_FOOTER_MAX_SIDOR + 1, "%s: a bounded footer", same[i]);
		cr_expect_eq(in_footer(y, "href=\"/sidor/\""), 1, "%s: the footer links /sidor/", same[i]);
		free(x), free(y);
	}
	/* every sida is still reachable: /sidor/ lists them all, once */
	char *index = read_site(big, "sidor/index.html", NULL);
	size_t links = 0;
	for (const char *p = index; (p = strstr(p, "<h2><a href=\"/sidor/s")); p++)
		links++;
	cr_expect_eq(links, 2000, "/sidor/ links every sida");
	cr_expect(has(index, "<h2><a href=\"/sidor/s2000/\">Sida 2000</a></h2>\n<p>Om sak 2000.</p>"));
	free(index);
	char *sitemap = read_site(big, "sitemap.xml", NULL);
	cr_expect(has(sitemap, "<loc>https://example.se/sidor/</loc>"));
	free(sitemap);
	/* the whole site: bytes per page bounded (every footer listing every sida gave
	 * 2000 links, about 130 kB, per page) */
	char *out = sg_asprintf("%s/site", big);
	size_t bytes = 0, pages = 0;
	measure(out, &bytes, &pages);
	cr_expect_geq(pages, 2000);
	cr_expect_leq(bytes / pages, 8 * 1024, "%zu bytes in %zu pages", bytes, pages);
	free(out);
	sg_remove_tree(small), sg_remove_tree(big);
	free(small), free(big), sg_buf_free(&log);
}

static const char *every_sixth(size_t i) { return i % 6 == 0 ? "footer: true\n" : ""; }

Test(footer, footer_true_chooses_the_pages, .timeout = 60)
{
	sg_buf log = SG_BUF_INIT;
	char *root = site_with_sidor(12, every_sixth);
	build(root, 0, &log);
	char *home = read_site(root, "index.html", NULL);
	cr_expect_eq(in_footer(home, "href=\"/sidor/s"), 2, "only the two with footer: true");
	cr_expect(has(home, "<li><a href=\"/sidor/s0006/\">Sida 0006</a></li>\n"
	                    "<li><a href=\"/sidor/s0012/\">Sida 0012</a></li>\n"
	                    "<li><a href=\"/sidor/\">Alla sidor</a></li>"),
	          "in title order, then the index");
	free(home);
	free(read_site(root, "sidor/index.html", NULL));
	sg_remove_tree(root), free(root), sg_buf_free(&log);
}

static const char *second_false(size_t i) { return i == 2 ? "footer: false\n" : ""; }

Test(footer, a_small_site_lists_every_page_but_footer_false, .timeout = 60)
{
	sg_buf log = SG_BUF_INIT;
	for (int leave_out = 0; leave_out < 2; leave_out++) {
		char *root = site_with_sidor(SG_FOOTER_MAX_SIDOR, leave_out ? second_false : NULL);
		build(root, 0, &log);
		char *home = read_site(root, "index.html", NULL);
		cr_expect_eq(in_footer(home, "href=\"/sidor/s"), SG_FOOTER_MAX_SIDOR - (size_t)leave_out);
		cr_expect_eq(!has(home, "href=\"/sidor/s0002/\""), leave_out);
		cr_expect_eq(in_footer(home, "href=\"/sidor/\""), (size_t)leave_out, "/sidor/ only when a page is left out");
		char *p = sg_asprintf("%s/site/sidor/index.html", root);
		cr_expect_eq(sg_is_file(p), leave_out);
		free(p), free(home);
		sg_remove_tree(root), free(root);
	}
	sg_buf_free(&log);
}

static const char *all_true(size_t i) { return (void)i, "footer: true\n"; }

Test(footer, more_than_the_cap_with_footer_true_is_an_error, .timeout = 60)
{
	sg_buf log = SG_BUF_INIT;
	char *root = site_with_sidor(SG_FOOTER_MAX_SIDOR + 2, all_true);
	int rc = run(&log, "check --content %s/content", root);
	cr_expect_eq(rc, 1, "%s", log.ptr);
	char *want = sg_asprintf("content/sidor/s%04d.md:4:9: error: at most %d pages can have 'footer: true' (every page "
	                         "of the site links them); this is number %d in title order: remove 'footer: true' from this "
	                         "page or another one (the page /sidor/ lists every page)",
	                         SG_FOOTER_MAX_SIDOR + 1, SG_FOOTER_MAX_SIDOR, SG_FOOTER_MAX_SIDOR + 1);
	cr_expect(has(log.ptr, want), "%s\nnot in:\n%s", want, log.ptr);
	cr_expect(has(log.ptr, "s0012.md:4:9: error: at most"), "%s", log.ptr);
	cr_expect(!has(log.ptr, "s0010.md:4:9: error"), "%s", log.ptr);
	free(want);
	sg_remove_tree(root), free(root), sg_buf_free(&log);
}

/* Every page's footer says who runs the site and how to reach them (issue 17): the
 * förbund's address, phone, e-mail and organisation number as its file gives them, and
 * nothing it does not give. */
Test(footer, the_footer_gives_the_forbunds_contact_and_orgnr, .timeout = 60)
{
	const fixture_file files[] = {
		FIXTURE_SITE,
		{"forbund/sjuharad.md", "---\ntitle: Sjuhärads samordningsförbund\norgnr: \"222000-2105\"\nmembers: [Borås]\n"
		                        "contact: {phone: \"033-17 17 17\", email: kansli@example.se, address: \"Box 1, 501 10 "
		                        "Borås\"}\n---\n"},
		{"forbund/mark.md", "---\ntitle: Förbundet utan kontakt\nmembers: [Mark]\n---\n"},
	};
	char *root = fixture_make(files, 3);
	sg_buf log = SG_BUF_INIT;
	build(root, 0, &log);
	char *html = read_site(root, "index.html", NULL);
	cr_expect_eq(in_footer(html, "<p>Box 1, 501 10 Borås</p>"), 1, "%s", html);
	cr_expect_eq(in_footer(html, "<p>Telefon: <a href=\"tel:+4633171717\">033-17 17 17</a></p>"), 1);
	cr_expect_eq(in_footer(html, "<p>E-post: <a href=\"mailto:kansli@example.se\">kansli@example.se</a></p>"), 1);
	cr_expect_eq(in_footer(html, "<p>Organisationsnummer: 222000-2105</p>"), 1);
	cr_expect_eq(in_footer(html, "<p><strong>Förbundet utan kontakt</strong></p>\n\n</div>"), 1,
	             "a förbund without contact or orgnr: its name only");
	cr_expect_eq(in_footer(html, "Organisationsnummer"), 1);
	free(html);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}

/* The front page names the site once, in the header, and its heading says what the
 * site is for (issue 17: the title was there twice). */
Test(footer, the_front_page_names_the_site_once, .timeout = 60)
{
	const fixture_file files[] = {FIXTURE_SITE, FIXTURE_FORBUND};
	char *root = fixture_make(files, 2);
	sg_buf log = SG_BUF_INIT;
	build(root, 0, &log);
	char *html = read_site(root, "index.html", NULL);
	const char *main_start = strstr(html, "<main");
	const char *main_end = strstr(html, "</main>");
	cr_assert(main_start && main_end);
	cr_expect_eq(fixture_count(html, "<p class=\"logo\"><a href=\"/\">Testportal</a></p>"), 1, "%s", html);
	size_t in_main = 0;
	for (const char *p = main_start; (p = strstr(p, "Testportal")) && p < main_end; p++)
		in_main++;
	cr_expect_eq(in_main, 0, "the site's name is not repeated in the page");
	cr_expect_not_null(strstr(html, "<h1>Insatser för arbetslivsinriktad rehabilitering i Testlän</h1>"), "%s", html);
	free(html);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}
