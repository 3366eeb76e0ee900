/* Markdown bodies (src/render/markdown.c): CommonMark, raw HTML and unsafe links. */
#include <criterion/criterion.h>
#include <string.h>
#include <strings.h>

#include "render/markdown.h"

static char *render(const char *md, bool allow_html, sg_diags *d)
{
	sg_markdown_opts o = {.allow_html = allow_html};
	sg_markdown *m = sg_markdown_parse(md, strlen(md), "f.md", 10, &o, d);
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render(m, &b);
	sg_markdown_free(m);
	return sg_buf_detach(&b);
}

Test(markdown, renders_commonmark)
{
	sg_diags *d = sg_diags_new();
	char *h = render("## Målgrupp\n\n- unga\n- *vuxna*\n\n[FK](https://www.forsakringskassan.se/)\n", false, d);
	cr_assert_str_eq(h, "<h2>Målgrupp</h2>\n<ul>\n<li>unga</li>\n<li><em>vuxna</em></li>\n</ul>\n"
	                    "<p><a href=\"https://www.forsakringskassan.se/\">FK</a></p>\n");
	cr_assert_eq(sg_diags_len(d), 0);
	free(h);
	sg_diags_free(d);
}

Test(markdown, raw_html_is_dropped_with_a_warning_at_the_file_position)
{
	sg_diags *d = sg_diags_new();
	char *h = render("Text\n\n<script>alert(1)</script>\n\nmore <b>bold</b>\n", false, d);
	cr_assert_null(strstr(h, "<script"));
	cr_assert_null(strstr(h, "<b>"));
	cr_assert_not_null(strstr(h, "more bold"));
	cr_assert_eq(sg_diags_warnings(d), 3); /* the block and both inline tags */
	const sg_diag *w = sg_diags_at(d, 0);
	cr_assert_eq(w->line, 12);
	cr_assert_eq(w->col, 1);
	free(h);
	sg_diags_free(d);
}

Test(markdown, raw_html_is_kept_when_the_site_allows_it)
{
	sg_diags *d = sg_diags_new();
	char *h = render("<div class=\"x\">ok</div>\n", true, d);
	cr_assert_not_null(strstr(h, "<div class=\"x\">ok</div>"));
	cr_assert_eq(sg_diags_len(d), 0);
	free(h);
	sg_diags_free(d);
}

Test(markdown, unsafe_links_are_unwrapped)
{
	sg_diags *d = sg_diags_new();
	char *h = render("[klick](javascript:alert(1)) [m](mailto:a@b.se) [r](/kommun/boras/) [v](VBScript:x)\n", false, d);
	cr_assert_str_eq(h, "<p>klick <a href=\"mailto:a@b.se\">m</a> <a href=\"/kommun/boras/\">r</a> v</p>\n");
	cr_assert_eq(sg_diags_warnings(d), 2);
	free(h);
	sg_diags_free(d);
}

Test(markdown, h1_becomes_h2)
{
	sg_diags *d = sg_diags_new();
	char *h = render("# Rubrik\n", false, d);
	cr_assert_str_eq(h, "<h2>Rubrik</h2>\n");
	free(h);
	sg_diags_free(d);
}

Test(markdown, url_safety)
{
	cr_assert(sg_url_is_safe("https://x.se/"));
	cr_assert(sg_url_is_safe("HTTP://x.se/"));
	cr_assert(sg_url_is_safe("tel:+46101234567"));
	cr_assert(sg_url_is_safe("/a/b?c=d:e"));
	cr_assert(sg_url_is_safe("#top"));
	cr_assert(sg_url_is_safe("sida.html"));
	cr_assert_not(sg_url_is_safe("javascript:alert(1)"));
	cr_assert_not(sg_url_is_safe(" javascript:alert(1)"));
	cr_assert_not(sg_url_is_safe("data:text/html,x"));
	cr_assert_not(sg_url_is_safe("file:///etc/passwd"));
}

Test(markdown, site_relative_links_get_the_site_root)
{
	sg_diags *d = sg_diags_new();
	sg_markdown_opts o = {.link_root = "/varend"};
	const char *md = "[a](/kontakt/) [b](//cdn.example/x) [c](https://x.se/) [d](rel/)\n";
	sg_markdown *m = sg_markdown_parse(md, strlen(md), "f.md", 1, &o, d);
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render(m, &b);
	cr_assert_str_eq(sg_buf_cstr(&b), "<p><a href=\"/varend/kontakt/\">a</a> <a href=\"//cdn.example/x\">b</a> "
	                                  "<a href=\"https://x.se/\">c</a> <a href=\"rel/\">d</a></p>\n");
	sg_buf_free(&b);
	sg_markdown_free(m);
	sg_diags_free(d);
}

/* A form's text (in_form) may hold raw HTML, but no <form> tag: it would take the
 * fields of a printed form, and the browser could send them. */
Test(markdown, a_form_text_refuses_form_tags_in_raw_html)
{
	static const struct {
		const char *md;
		size_t errors;
	} cases[] = {
	    {"<form action=\"https://example.net/\">\n", 1},
	    {"Text <FORM\nmethod=post> more\n", 1},
	    {"Text </form> and <form/>\n", 2},
	    {"<formation>, <b>fet</b>, <forms> and `<form>` in code\n", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		for (int in_form = 0; in_form < 2; in_form++) {
			sg_diags *d = sg_diags_new();
			sg_markdown_opts o = {.allow_html = true, .in_form = in_form};
			sg_markdown *m = sg_markdown_parse(cases[i].md, strlen(cases[i].md), "f.yaml", 3, &o, d);
			sg_buf b = SG_BUF_INIT;
			sg_markdown_render(m, &b);
			size_t want = in_form ? cases[i].errors : 0;
			cr_expect_eq(sg_diags_errors(d), want, "%s (in_form %d)", cases[i].md, in_form);
			if (want) {
				cr_expect_null(strcasestr(b.ptr, "<form"), "%s: the tag is left out", cases[i].md);
				cr_expect_not_null(strstr(sg_diags_at(d, 0)->message, "cannot hold a <form> tag"));
			}
			sg_buf_free(&b);
			sg_markdown_free(m);
			sg_diags_free(d);
		}
	}
}
