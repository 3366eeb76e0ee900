/* Markdown bodies (src/markdown/markdown.c): CommonMark, raw HTML and unsafe links. */
#include <criterion/criterion.h>
#include <string.h>
#include <strings.h>

#include "../support/fixture.h"
#include "markdown/markdown.h"

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

/* Issue 11, item 3: a character reference to a control character is refused at the
 * reference, in characters (libcmark counts bytes), and never reaches the HTML. */
Test(markdown, references_to_control_characters_are_errors)
{
	sg_diags *d = sg_diags_new();
	char *h = render("Först\n\nÅäö &#7; och &#x1B;, `&#7;` &#229; [l](/x \"t&#8;\")\n", false, d);
	cr_expect_str_eq(h, "<p>Först</p>\n<p>Åäö  och , <code>&amp;#7;</code> å <a href=\"/x\" title=\"t\">l</a></p>\n");
	cr_expect_eq(sg_diags_errors(d), 3);
	cr_expect(diags_have(d, 12, 5,
	                     "the reference '&#7;' is the control character U+0007 (BEL), which cannot appear on a page, in "
	                     "a feed or in an e-mail; remove it"));
	cr_expect(diags_have(d, 12, 14,
	                     "the reference '&#x1B;' is the control character U+001B (ESC), which cannot appear on a page, "
	                     "in a feed or in an e-mail; remove it"));
	cr_expect(diags_have(d, 12, 36,
	                     "the link's title holds the control character U+0008 (BS), which cannot appear on a page, in a "
	                     "feed or in an e-mail; remove it"));
	free(h);
	sg_diags_free(d);
}

/* Issue 11, item 2: mailto: links take a plain address; tel: links the number a phone
 * dials. A link that is neither is an error and its text stays. */
Test(markdown, mailto_and_tel_links_are_checked_and_normalised)
{
	sg_diags *d = sg_diags_new();
	char *h = render("[a](mailto:a@b.se?bcc=x@y.se) [b](MAILTO:a@b.se%0ABcc:x@y.se) <c@d.se> [e](mailto:e@f.se)\n"
	                 "[ring](<tel:+46 (0)33-12 34 56>) [x](tel:033-12 34 56x12) [ö](tel:växeln)\n",
	                 false, d);
	cr_expect_str_eq(h, "<p>a b <a href=\"mailto:c@d.se\">c@d.se</a> <a href=\"mailto:e@f.se\">e</a>\n"
	                    "<a href=\"tel:+4633123456\">ring</a> [x](tel:033-12 34 56x12) ö</p>\n");
	cr_expect_eq(sg_diags_errors(d), 3);
	cr_expect(diags_have(d, 10, 1,
	                     "the e-mail link 'mailto:a@b.se?bcc=x@y.se' is removed: '?' and what follows would add mail "
	                     "headers such as bcc= to the message; write only the address: a@b.se"));
	cr_expect(diags_have(d, 10, 31,
	                     "the e-mail link 'MAILTO:a@b.se%0ABcc:x@y.se' is removed: percent-escapes such as %0A (a line "
	                     "break) cannot be used in an address; write only the address, e.g. namn@exempel.se"));
	cr_expect(diags_have(d, 11, 59,
	                     "the phone link 'tel:växeln' is removed: it holds letters: a phone number has only digits, "
	                     "spaces, '-' and '+'; write the number, e.g. 033-12 34 56 or +46 33 12 34 56 (an extension "
	                     "as 'ankn. 123')"));
	free(h);
	sg_diags_free(d);
}

Test(markdown, many_references_to_control_characters_are_counted)
{
	sg_diags *d = sg_diags_new();
	sg_buf t = SG_BUF_INIT;
	for (int i = 0; i < 30; i++)
		sg_buf_puts(&t, "&#x1F;");
	char *h = render(sg_buf_cstr(&t), false, d);
	cr_expect_str_eq(h, "<p></p>\n", "each is left out");
	cr_expect_eq(sg_diags_errors(d), 21);
	cr_expect(diags_have(d, 10, 121,
	                     "10 more references to control characters in this text (only the first 20 are listed); "
	                     "remove them"));
	free(h);
	sg_buf_free(&t);
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

/* References (issue 12): links with one of the caller's prefixes are kept at parse time,
 * resolved to a target the module does not look into, and given their address by
 * sg_markdown_link, which then freezes the text. */
static const char *const test_prefixes[] = {"brev:", "sida:", NULL};

static const void *test_resolve(void *ctx, size_t kind, const char *name, const char *ref, char **why)
{
	(void)ref;
	if (kind == 1 && strcmp(name, "om") == 0)
		return ctx;
	*why = sg_asprintf("no '%s' of kind %zu", name, kind);
	return NULL;
}

static char *test_url(void *ctx, size_t kind, const void *target)
{
	return sg_asprintf("/%s/%zu/", (const char *)target, kind + (ctx == NULL));
}

Test(markdown, references_are_resolved_then_linked)
{
	sg_diags *d = sg_diags_new();
	sg_markdown_opts o = {.ref_prefixes = test_prefixes};
	const char *md = "[a](sida:om) [b](brev:x) [c](annat:y)\n";
	sg_markdown *m = sg_markdown_parse(md, strlen(md), "f.md", 1, &o, d);
	cr_assert_eq(sg_diags_len(d), 1, "only the unknown scheme is warned about at parse time");
	char target[] = "sidor";
	sg_markdown_resolve(m, test_resolve, target, d);
	cr_assert(diags_have(d, 1, 14, "no 'x' of kind 0"));
	size_t kind = 9;
	cr_assert_eq(sg_markdown_n_refs(m), 1);
	cr_assert_eq(sg_markdown_ref(m, 0, &kind), target);
	cr_assert_eq(kind, 1);
	sg_markdown_link(m, test_url, NULL);
	cr_assert_eq(sg_markdown_n_refs(m), 0);
	cr_assert_null(sg_markdown_doc(m), "frozen once linked");
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render(m, &b);
	cr_assert_str_eq(sg_buf_cstr(&b), "<p><a href=\"/sidor/2/\">a</a> b c</p>\n");
	sg_buf_free(&b);
	sg_markdown_free(m);
	sg_diags_free(d);
}

Test(markdown, without_prefixes_a_reference_is_an_unsafe_link)
{
	sg_diags *d = sg_diags_new();
	char *h = render("[a](sida:om)\n", false, d);
	cr_assert_str_eq(h, "<p>a</p>\n");
	cr_assert_eq(sg_diags_warnings(d), 1);
	free(h);
	sg_diags_free(d);
}

/* Issue 14, item 5: GitHub-flavoured Markdown (libcmark-gfm): tables with header
 * cells and alignment as style, a "Tabell …" paragraph before a table as its caption,
 * strikethrough, autolinks; what is in a cell is escaped like any text. */
Test(markdown, gfm_tables_captions_strikethrough_and_autolinks)
{
	sg_diags *d = sg_diags_new();
	char *h = render("Tabell 2: Kostnader per kommun\n\n| Kommun | Kostnad (tkr) |\n|:--|--:|\n| Borås | 1 400 |\n"
	                 "| Mark & <Tranemo> | 250 |\n\nSe https://example.se/a och ~~gammalt~~.\n",
	                 false, d);
	cr_assert_str_eq(h, "<table>\n<caption>Tabell 2: Kostnader per kommun</caption>\n<thead>\n<tr>\n"
	                    "<th style=\"text-align: left\">Kommun</th>\n<th style=\"text-align: right\">Kostnad (tkr)</th>\n"
	                    "</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left\">Borås</td>\n"
	                    "<td style=\"text-align: right\">1 400</td>\n</tr>\n<tr>\n"
	                    "<td style=\"text-align: left\">Mark &amp; </td>\n<td style=\"text-align: right\">250</td>\n"
	                    "</tr>\n</tbody>\n</table>\n"
	                    "<p>Se <a href=\"https://example.se/a\">https://example.se/a</a> och <del>gammalt</del>.</p>\n");
	cr_assert_eq(sg_diags_warnings(d), 1, "the <Tranemo> tag is raw HTML, left out with a warning");
	free(h);
	sg_diags_free(d);
}

Test(markdown, only_a_tabell_paragraph_right_before_a_table_is_its_caption)
{
	sg_diags *d = sg_diags_new();
	char *h = render("Tabellen nedan *visar* allt.\n\n| A |\n|---|\n| 1 |\n\nTabell 3: efter\n", false, d);
	cr_assert_not_null(strstr(h, "<p>Tabellen nedan <em>visar</em> allt.</p>\n<table>\n<thead>"),
	                   "a paragraph with markup stays a paragraph: %s", h);
	cr_assert_null(strstr(h, "<caption>"));
	cr_assert_not_null(strstr(h, "<p>Tabell 3: efter</p>"));
	free(h);
	sg_diags_free(d);
}

/* libcmark-gfm pads every row to the header's columns: 80 kB of "|x" rows under a
 * header of 5 000 columns would be 100 million cells (minutes, gigabytes). Such
 * tables are refused before the parser sees them, at the header's line. */
Test(markdown, tables_beyond_the_limits_are_refused_at_their_header)
{
	sg_diags *d = sg_diags_new();
	sg_buf md = SG_BUF_INIT;
	sg_buf_puts(&md, "Inledning.\n\n");
	for (int i = 0; i < 65; i++)
		sg_buf_puts(&md, "|a");
	sg_buf_puts(&md, "|\n");
	for (int i = 0; i < 65; i++)
		sg_buf_puts(&md, "|:-");
	sg_buf_puts(&md, "|\n|x\n|y\n");
	sg_markdown_opts o = {0};
	sg_markdown *m = sg_markdown_parse(md.ptr, md.len, "f.md", 10, &o, d);
	cr_assert_eq(sg_diags_errors(d), 1);
	const sg_diag *e = sg_diags_at(d, 0);
	cr_expect_eq(e->line, 12);
	cr_expect_str_eq(e->message, "this table has 65 columns and, with the tables before it, 195 cells; the tables of a "
	                             "text may have at most 64 columns and 200000 cells in all: split it, or put the "
	                             "figures in a document");
	sg_markdown_free(m);
	sg_diags_free(d);
	/* 64 columns are fine; 3 200 rows of them are too many cells */
	d = sg_diags_new();
	sg_buf_clear(&md);
	for (int i = 0; i < 64; i++)
		sg_buf_puts(&md, "|a");
	sg_buf_puts(&md, "|\n");
	for (int i = 0; i < 64; i++)
		sg_buf_puts(&md, "|-");
	sg_buf_puts(&md, "|\n");
	m = sg_markdown_parse(md.ptr, md.len, "f.md", 1, &o, d);
	cr_expect_eq(sg_diags_len(d), 0);
	sg_markdown_free(m);
	for (int i = 0; i < 3200; i++)
		sg_buf_puts(&md, "|x\n");
	m = sg_markdown_parse(md.ptr, md.len, "f.md", 1, &o, d);
	cr_assert_eq(sg_diags_errors(d), 1);
	cr_expect_eq(sg_diags_at(d, 0)->line, 1);
	cr_expect(strstr(sg_diags_at(d, 0)->message, "64 columns and, with the tables before it, 204864 cells"), "%s",
	          sg_diags_at(d, 0)->message);
	sg_markdown_free(m);
	sg_diags_free(d);
	sg_buf_free(&md);
}

/* sg_markdown_images's resolver for the tests: "ok.jpg" gets markup, anything else is refused. */
static bool test_image_html(void *ctx, const char *src, const char *alt, const char *file, int line, int col,
                            char **before, char **after)
{
	sg_buf *seen = ctx;
	sg_buf_printf(seen, "%s|%s|%s:%d:%d;", src, alt, file, line, col);
	if (strcmp(src, "ok.jpg") != 0 && strcmp(src, "/bilder/ok.jpg") != 0)
		return false;
	*before = sg_strdup("<img src=\"/x.jpg\" alt=\"");
	*after = sg_strdup("\">");
	return true;
}

Test(markdown, images_naming_files_get_the_callers_markup_around_an_escaped_description)
{
	sg_diags *d = sg_diags_new();
	sg_markdown_opts o = {0};
	const char *text = "Före ![Två *personer* \"vid\" <ett> bord](ok.jpg) och ![saknas](nej.jpg)\n\n"
	                   "![Webbredaktören](/bilder/ok.jpg) ![Sajt](/logo.png)\n";
	sg_markdown *m = sg_markdown_parse(text, strlen(text), "f.md", 10, &o, d);
	sg_buf seen = SG_BUF_INIT;
	cr_assert_eq(sg_markdown_images(m, test_image_html, &seen), 2);
	/* the last first (an image may be in another's description) */
	cr_expect_str_eq(seen.ptr, "/bilder/ok.jpg|Webbredaktören|f.md:12:1;nej.jpg|saknas|f.md:10:53;"
	                           "ok.jpg|Två personer \"vid\"  bord|f.md:10:6;");
	sg_markdown_link(m, NULL, NULL);
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render(m, &b);
	cr_expect_str_eq(b.ptr, "<p>Före <img src=\"/x.jpg\" alt=\"Två personer &quot;vid&quot;  bord\"> och </p>\n"
	                        "<p><img src=\"/x.jpg\" alt=\"Webbredaktören\"> <img src=\"/logo.png\" alt=\"Sajt\" /></p>\n");
	free(b.ptr), free(seen.ptr);
	sg_markdown_free(m);
	sg_diags_free(d);
}

Test(markdown, images_from_other_sites_are_left_out_with_a_warning)
{
	sg_diags *d = sg_diags_new();
	char *h = render("![Karta](https://maps.example.com/k.png) ![Foto](//cdn.example.com/f.jpg) text\n", false, d);
	cr_expect_str_eq(h, "<p>  text</p>\n");
	cr_assert_eq(sg_diags_warnings(d), 2);
	cr_expect_str_eq(sg_diags_at(d, 0)->message,
	                 "the image 'https://maps.example.com/k.png' is left out: it is on another site, which the reader's "
	                 "browser would contact; save the file in content/bilder/ and write ![what it shows](name.jpg)");
	cr_expect_eq(sg_diags_at(d, 1)->col, 42);
	free(h);
	sg_diags_free(d);
}

Test(markdown, an_image_inside_another_images_description_is_safe)
{
	sg_diags *d = sg_diags_new();
	sg_markdown_opts o = {0};
	const char *text = "![ute ![inne](ok.jpg)](ok.jpg) ![bort ![inne](ok.jpg)](javascript:x) "
	                   "![bort ![inne](ok.jpg)](https://example.com/x.png)\n";
	sg_markdown *m = sg_markdown_parse(text, strlen(text), "f.md", 1, &o, d);
	sg_buf seen = SG_BUF_INIT;
	cr_assert_eq(sg_markdown_images(m, test_image_html, &seen), 2);
	cr_expect_str_eq(seen.ptr, "ok.jpg|inne|f.md:1:7;ok.jpg|ute inne|f.md:1:1;");
	sg_markdown_link(m, NULL, NULL);
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render(m, &b);
	cr_expect_str_eq(b.ptr, "<p><img src=\"/x.jpg\" alt=\"ute inne\">  </p>\n");
	free(b.ptr), free(seen.ptr);
	sg_markdown_free(m);
	sg_diags_free(d);
}

/* Nodes dropped inside other dropped nodes (raw HTML or a link in the description of an
 * image from another site, an image in one): each goes once, inner first, and the text
 * around them stays. These crashed (a double free) or hung before. */
Test(markdown, dropped_nodes_inside_dropped_images_are_freed_once)
{
	const char *texts[] = {
		"![Karta <br> över länet](https://kartor.example.com/lan.png) kvar\n",
		"![![inre](http://y.example/a.png)](http://x.example/b.png) kvar\n",
		"![se [här](javascript:x)](https://x.example/a.png) kvar\n",
		"![<b>x</b>](javascript:x) kvar\n",
		"![a ![b <i>c</i>](javascript:y)](//x.example/a.png) kvar\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		sg_diags *d = sg_diags_new();
		char *h = render(texts[i], false, d);
		cr_expect_not_null(strstr(h, "kvar"), "%s → %s", texts[i], h);
		cr_expect_null(strstr(h, "<img"), "%s → %s", texts[i], h);
		cr_expect_geq(sg_diags_warnings(d), 1);
		free(h);
		sg_diags_free(d);
	}
}

Test(markdown, an_image_in_a_table_is_an_error_not_lost_silently)
{
	sg_diags *d = sg_diags_new();
	sg_markdown_opts o = {0};
	const char *text = "| a | b |\n|---|---|\n| x | ![Två vid bord](ok.jpg) |\n";
	sg_markdown *m = sg_markdown_parse(text, strlen(text), "f.md", 1, &o, d);
	cr_assert_eq(sg_diags_errors(d), 1);
	cr_expect_str_eq(sg_diags_at(d, 0)->message, "an image cannot stand in a table: put ![…](ok.jpg) on a line of its "
	                                             "own before or after the table");
	cr_expect_eq(sg_diags_at(d, 0)->line, 3);
	cr_expect_eq(sg_diags_at(d, 0)->col, 7);
	sg_buf seen = SG_BUF_INIT;
	cr_expect_eq(sg_markdown_images(m, test_image_html, &seen), 0);
	free(seen.ptr);
	sg_markdown_free(m);
	sg_diags_free(d);
}
