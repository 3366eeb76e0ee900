/* Atom feeds (src/write/atom.c): structure, absolute ids, escaping, order. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/model.h"
#include "render/links.h"
#include "write/atom.h"

Test(atom, feed_has_absolute_stable_ids_and_escaped_text)
{
	fixture_file f[] = {
		FIXTURE_SITE, FIXTURE_FORBUND,
		{"nyhetsbrev/a.md", "---\ntitle: \"Första <brevet> & mer\"\ndate: 2015-02-16\nforbund: sjuharad\nsummary: Kort.\n---\n"
		                    "Hej [Borås](kommun:boras).\n"},
		{"nyhetsbrev/b.md", "---\ntitle: Andra\ndate: 2015-09-07\n---\nText.\n"},
	};
	char *root = fixture_make(f, 4);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_links_write(s);
	sg_buf b = SG_BUF_INIT;
	sg_atom_render(s, "Informationsbrev", "/nyhetsbrev/feed.xml", "/nyhetsbrev/", s->nyhetsbrev, s->n_nyhetsbrev, &b);
	const char *x = sg_buf_cstr(&b);
	cr_assert(strncmp(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"sv\">", 94) == 0, "%s", x);
	cr_assert_not_null(strstr(x, "<id>https://example.se/nyhetsbrev/feed.xml</id>"));
	cr_assert_not_null(strstr(x, "<updated>2015-09-07T00:00:00Z</updated>\n<author><name>Testportal</name></author>"),
	                   "the feed is as new as its newest entry");
	/* newest first */
	const char *b_at = strstr(x, "<id>https://example.se/nyhetsbrev/b/</id>");
	const char *a_at = strstr(x, "<id>https://example.se/nyhetsbrev/a/</id>");
	cr_assert(b_at && a_at && b_at < a_at);
	cr_assert_not_null(strstr(x, "<title>Första &lt;brevet&gt; &amp; mer</title>"));
	cr_assert_not_null(strstr(x, "<published>2015-02-16T00:00:00Z</published>"));
	cr_assert_not_null(strstr(x, "<author><name>Sjuhärads samordningsförbund</name></author>"));
	cr_assert_not_null(strstr(x, "<summary>Kort.</summary>"));
	cr_assert_not_null(strstr(x, "&lt;a href=&quot;/kommun/boras/&quot;&gt;Borås&lt;/a&gt;"),
	                   "content is escaped HTML with references resolved");
	cr_assert_not_null(strstr(x, "</feed>\n"));
	sg_buf_free(&b);
	sg_site_free(s);
	sg_diags_free(d);
	sg_remove_tree(root);
	free(root);
	free(content);
}
