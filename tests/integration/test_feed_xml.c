/* Integration: control characters never reach the Atom feeds (issue 11, item 3).
 *
 * A newsletter with control characters in its title (YAML escapes), its summary and
 * its body (written into the file, and as character references) used to build, and
 * both feeds (/nyhetsbrev/feed.xml and /forbund/<slug>/nyhetsbrev.xml) were then not
 * XML. Now `check` and `build` refuse each character at its line and column, and no
 * site is written; the same newsletter without them builds, and both feeds parse with
 * a real XML parser (xmllint, from libxml2-utils). Run from the project root. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../support/fixture.h"
#include "../support/run.h"

static const char *const feeds[] = {"nyhetsbrev/feed.xml", "forbund/sjuharad/nyhetsbrev.xml"};

/* xmllint's exit status for the file (0: well-formed XML). */
static int xmllint(const char *path)
{
	char *cmd = sg_asprintf("xmllint --noout '%s' >/dev/null 2>&1", path);
	int st = system(cmd);
	free(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) != 127, "xmllint is missing (Debian package libxml2-utils)");
	return WEXITSTATUS(st);
}

/* Builds a site with FIXTURE_SITE, FIXTURE_FORBUND and a newsletter of the given
 * text into <root>/site; the exit status, with stdout and stderr in *log. */
static int build_with(const char *newsletter, char **root, sg_buf *log)
{
	fixture_file f[] = {FIXTURE_SITE, FIXTURE_FORBUND, {"nyhetsbrev/2015-02-brev.md", newsletter}};
	*root = fixture_make(f, 3);
	return run(log, "build --content %s/content --out %s/site --now 2020-06-01T12:00", *root, *root);
}

Test(feed_xml, xmllint_refuses_a_control_character)
{
	/* the parser the other tests rely on does tell a broken feed */
	char tmpl[] = "/tmp/sofgen-feed-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *bad = sg_asprintf("%s/bad.xml", tmpl), *good = sg_asprintf("%s/good.xml", tmpl);
	const char *b = "<?xml version=\"1.0\"?><feed><title>a\x07</title></feed>\n";
	const char *g = "<?xml version=\"1.0\"?><feed><title>a</title></feed>\n";
	cr_assert_eq(sg_write_file(bad, b, strlen(b)), 0);
	cr_assert_eq(sg_write_file(good, g, strlen(g)), 0);
	cr_expect_neq(xmllint(bad), 0);
	cr_expect_eq(xmllint(good), 0);
	sg_remove_tree(tmpl);
	free(bad);
	free(good);
}

Test(feed_xml, control_characters_are_refused_and_no_feed_is_written)
{
	char *root;
	sg_buf log = SG_BUF_INIT;
	int rc = build_with("---\ntitle: \"Brev\\u0007 ett\"\ndate: 2015-02-16\nforbund: sjuharad\n"
	                    "summary: \"Om \\x1b[31m och \\u0000 slut\"\n---\n"
	                    "Text med \x0c sidbrytning och &#27; en referens.\n",
	                    &root, &log);
	const char *l = sg_buf_cstr(&log);
	cr_expect_eq(rc, 1, "%s", l);
	cr_expect(has(l, "2015-02-brev.md:2:13: error: the escape '\\u0007' is the control character U+0007 (BEL), "
	                 "which cannot appear on a page, in a feed or in an e-mail; remove it"), "%s", l);
	cr_expect(has(l, "2015-02-brev.md:5:14: error: the escape '\\x1b' is the control character U+001B (ESC)"), "%s", l);
	cr_expect(has(l, "2015-02-brev.md:5:27: error: the escape '\\u0000' is the control character U+0000 (NUL)"), "%s", l);
	cr_expect(has(l, "2015-02-brev.md:7:10: error: the text holds the control character U+000C (FF)"), "%s", l);
	cr_expect(has(l, "2015-02-brev.md:7:28: error: the reference '&#27;' is the control character U+001B (ESC)"), "%s", l);
	char *site = sg_asprintf("%s/site", root);
	cr_expect_not(sg_exists(site), "a refused build wrote site/");
	/* had it been written, its feeds would have to be XML all the same */
	for (size_t i = 0; i < sizeof feeds / sizeof *feeds; i++) {
		char *p = sg_asprintf("%s/%s", site, feeds[i]);
		if (sg_exists(p))
			cr_expect_eq(xmllint(p), 0, "%s is not well-formed XML", feeds[i]);
		free(p);
	}
	free(site);
	sg_remove_tree(root);
	free(root);
	sg_buf_free(&log);
}

Test(feed_xml, valid_site_feeds_parse)
{
	char *root;
	sg_buf log = SG_BUF_INIT;
	int rc = build_with("---\ntitle: \"Brev\\t ett – \\u00e5\"\ndate: 2015-02-16\nforbund: sjuharad\n"
	                    "summary: \"Om <b> & \\\"citat\\\"\"\n---\n"
	                    "Text\tmed tabb, &amp; och &#229; en referens.\r\n",
	                    &root, &log);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	for (size_t i = 0; i < sizeof feeds / sizeof *feeds; i++) {
		char *p = sg_asprintf("%s/site/%s", root, feeds[i]);
		cr_assert(sg_is_file(p), "missing %s", feeds[i]);
		cr_expect_eq(xmllint(p), 0, "%s is not well-formed XML", feeds[i]);
		size_t len;
		char *xml = sg_read_file(p, &len, 1 << 20);
		cr_expect(has(xml, "Brev\t ett – å"), "%s: the title is kept whole", feeds[i]);
		free(xml);
		free(p);
	}
	sg_remove_tree(root);
	free(root);
	sg_buf_free(&log);
}
