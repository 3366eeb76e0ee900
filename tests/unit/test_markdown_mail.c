/* Markdown bodies as e-mail (src/markdown/markdown_mail.c): wrapped plain text and
 * inline-styled HTML with absolute URLs. */
#include <criterion/criterion.h>
#include <string.h>

#include "markdown/markdown_mail.h"
#include "util/alloc.h"

/* Renders md as plain text (html false) or mail HTML; the caller frees the result. */
static char *render(const char *md, const char *link_root, bool html, int width, const char *base)
{
	sg_markdown_opts o = {.link_root = link_root, .keep_document = true}; /* the e-mail renderers need the document */
	sg_diags *d = sg_diags_new();
	sg_markdown *m = sg_markdown_parse(md, strlen(md), "brev.md", 1, &o, d);
	sg_buf b = SG_BUF_INIT;
	if (html)
		sg_markdown_render_mail_html(m, base, &b);
	else
		sg_markdown_render_text(m, width, base, &b);
	sg_markdown_free(m);
	sg_diags_free(d);
	return sg_buf_detach(&b);
}

static char *text(const char *md, int width, const char *base) { return render(md, NULL, false, width, base); }

/* Columns of a line: UTF-8 characters, not bytes. */
static size_t columns(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static const char NEWSLETTER[] =
	"## Nyheter från förbundet\n\n"
	"Under hösten startar vi två nya insatser för unga vuxna som står långt från arbetsmarknaden. "
	"Insatserna drivs *tillsammans* med [Arbetsförmedlingen](https://arbetsformedlingen.se/) och kommunerna.\n\n"
	"Vill du veta mer? Läs om insatserna på [vår webbplats](/insatser/) eller kontakta **Anna Åberg** direkt. "
	"Mer om stödet finns hos [Arbetsförmedlingen](https://arbetsformedlingen.se/) också.\n\n"
	"- Nätverksträff i Borås\n"
	"- Utbildningsdag för handläggare inom socialtjänst, hälso- och sjukvård och Försäkringskassan i oktober\n"
	"- Styrelsemöte\n\n"
	"1. Läs brevet\n"
	"2. Anmäl dig\n";

Test(markdown_mail, newsletter_as_plain_text)
{
	/* the site lives below /varend: markdown.c prefixes /insatser/ with it, and only
	 * the scheme and host of base are added */
	char *t = render(NEWSLETTER, "/varend", false, 72, "https://example.se/varend");
	cr_assert_str_eq(t, "Nyheter från förbundet\n"
	                    "======================\n"
	                    "\n"
	                    "Under hösten startar vi två nya insatser för unga vuxna som står långt\n"
	                    "från arbetsmarknaden. Insatserna drivs _tillsammans_ med\n"
	                    "Arbetsförmedlingen [1] och kommunerna.\n"
	                    "\n"
	                    "Vill du veta mer? Läs om insatserna på vår webbplats [2] eller kontakta\n"
	                    "*Anna Åberg* direkt. Mer om stödet finns hos Arbetsförmedlingen [1]\n"
	                    "också.\n"
	                    "\n"
	                    "- Nätverksträff i Borås\n"
	                    "- Utbildningsdag för handläggare inom socialtjänst, hälso- och sjukvård\n"
	                    "  och Försäkringskassan i oktober\n"
	                    "- Styrelsemöte\n"
	                    "\n"
	                    "1. Läs brevet\n"
	                    "2. Anmäl dig\n"
	                    "\n"
	                    "[1] https://arbetsformedlingen.se/\n"
	                    "[2] https://example.se/varend/insatser/\n");
	free(t);
}

Test(markdown_mail, site_at_the_root)
{
	char *t = render(NEWSLETTER, NULL, false, 72, "https://example.se");
	cr_assert_not_null(strstr(t, "\n[2] https://example.se/insatser/\n"));
	free(t);
}

Test(markdown_mail, wrapping_counts_characters_not_bytes)
{
	/* 23 characters but 38 bytes */
	char *t = text("ååååå äääää ööööö ååååå\n", 23, NULL);
	cr_assert_str_eq(t, "ååååå äääää ööööö ååååå\n");
	free(t);
	t = text("ååååå äääää ööööö ååååå\n", 22, NULL);
	cr_assert_str_eq(t, "ååååå äääää ööööö\nååååå\n");
	free(t);
	/* a decomposed å (a + combining ring) is one column too */
	t = text("aa\xcc\x8a" "aa bbbbb\n", 10, NULL);
	cr_assert_str_eq(t, "aa\xcc\x8a" "aa bbbbb\n");
	free(t);
}

Test(markdown_mail, no_line_is_wider_than_72_but_a_lone_url)
{
	const char *md =
		"## En rubrik som är ganska lång men ändå ryms på en rad i brevet\n\n"
		"Det här stycket är långt och innehåller ord som åtgärdsprogram, samordningsförbundet, "
		"försäkringsmedicinsk, arbetslivsinriktad och rehabiliteringskedjan, så att raderna måste brytas "
		"på flera ställen. Adressen https://example.se/en/mycket/lang/adress/som/inte/far/brytas/alls/eftersom/den/ska/fungera "
		"står mitt i texten. Ett orimligt långt ord: "
		"Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsfabrikarbeiterin.\n\n"
		"> Citatet är också långt och ska brytas med ett citattecken först på varje rad, även på den andra.\n\n"
		"- En punkt med [en länk vars adress är mycket lång](https://example.se/nyheter/2024/10/ett-mycket-langt-namn-pa-en-nyhet-om-insatser/) "
		"och mer text efteråt som fortsätter.\n"
		"  - En inre punkt som också är tillräckligt lång för att behöva brytas med hängande indrag.\n";
	char *t = text(md, 72, "https://example.se");
	size_t lines = 0;
	for (const char *p = t; *p;) {
		const char *nl = strchr(p, '\n');
		cr_assert_not_null(nl, "every line ends with a newline");
		size_t len = (size_t)(nl - p), cols = columns(p, len);
		if (cols > 72) {
			/* a lone URL, after the quote/list prefix or the "[n] " of the URL list */
			const char *s = p;
			while (*s == ' ' || *s == '>' || *s == '-')
				s++;
			if (*s == '[')
				s = strchr(s, ' ') + 1;
			char *line = strndup(s, (size_t)(nl - s));
			cr_assert(strstr(line, "://") && !strchr(line, ' '), "line wider than 72: %.*s", (int)len, p);
			free(line);
		}
		cr_assert(len == 0 || p[len - 1] != ' ', "trailing space: %.*s", (int)len, p);
		lines++;
		p = nl + 1;
	}
	cr_assert_gt(lines, 15);
	/* the long word is cut at the width, the URLs are not */
	cr_assert_not_null(strstr(t, "\nDonaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsfa\nbrikarbeiterin.\n"));
	cr_assert_not_null(strstr(t, "\nhttps://example.se/en/mycket/lang/adress/som/inte/far/brytas/alls/eftersom/den/ska/fungera\n"));
	cr_assert_not_null(strstr(t, "\n> Citatet är också långt och ska brytas med ett citattecken först på\n> varje rad"));
	cr_assert_not_null(strstr(t, "\n  - En inre punkt som också är tillräckligt lång för att behöva brytas\n    med hängande indrag.\n"));
	cr_assert_not_null(
		strstr(t, "\n[1] https://example.se/nyheter/2024/10/ett-mycket-langt-namn-pa-en-nyhet-om-insatser/\n"));
	free(t);
}

Test(markdown_mail, blocks_quotes_code_and_nesting)
{
	const char *md = "# Rubrik\n\n### Underrubrik\n\n> Ett citat.\n>\n> - i citatet\n\n"
	                 "    int x;  /* kod bryts aldrig, inte heller en mycket lång rad som denna här */\n\n    y\n\n"
	                 "1. ett\n\n   andra stycket\n2. två\n\n---\n\n"
	                 "3. tre\n   - inre\n4. fyra\n\nrad ett\\\nrad två\n";
	char *t = text(md, 40, NULL);
	cr_assert_str_eq(t, "Rubrik\n======\n\nUnderrubrik\n-----------\n\n"
	                    "> Ett citat.\n>\n> - i citatet\n\n"
	                    "    int x;  /* kod bryts aldrig, inte heller en mycket lång rad som denna här */\n\n    y\n\n"
	                    "1. ett\n\n   andra stycket\n\n2. två\n\n* * *\n\n"
	                    "3. tre\n   - inre\n4. fyra\n\nrad ett\nrad två\n");
	free(t);
}

Test(markdown_mail, same_url_same_number_and_unsafe_links_keep_their_text)
{
	char *t = text("[a](https://x.se/) [b](/sida/) [c](https://x.se/) [d](insats:okänd) ![bild](/b.png)\n", 72,
	               "https://example.se/");
	cr_assert_str_eq(t, "a [1] b [2] c [1] d bild [3]\n\n"
	                    "[1] https://x.se/\n[2] https://example.se/sida/\n[3] https://example.se/b.png\n");
	free(t);
}

Test(markdown_mail, url_rules)
{
	/* no link_root although base has a path: the whole base goes in front */
	char *t = text("[a](/kontakt/) [b](/varendx/) [c](/varend?q=1) [d](//cdn.se/x) [e](mailto:a@b.se) "
	               "[f](#del) [g](</s/å ö>)\n",
	               0, "https://example.se/varend");
	cr_assert_str_eq(t, "a [1] b [2] c [3] d [4] e [5] f [6] g [7]\n\n"
	                    "[1] https://example.se/varend/kontakt/\n"
	                    "[2] https://example.se/varend/varendx/\n"
	                    "[3] https://example.se/varend?q=1\n"
	                    "[4] https://cdn.se/x\n"
	                    "[5] mailto:a@b.se\n"
	                    "[6] #del\n"
	                    "[7] https://example.se/varend/s/%C3%A5%20%C3%B6\n");
	free(t);
	/* without base, addresses stay as they are */
	t = text("[a](/kontakt/)\n", 72, NULL);
	cr_assert_str_eq(t, "a [1]\n\n[1] /kontakt/\n");
	free(t);
}

#define FONT "font-family:Arial, Helvetica, sans-serif;"
#define BODY FONT "font-size:16px;line-height:24px;color:#222222;"
#define P "<p style=\"margin:0 0 16px 0;" BODY "\">"
#define LI "<li style=\"margin:0 0 8px 0;" BODY "\">"
#define A "style=\"color:#0a4f8a;text-decoration:underline;\""

Test(markdown_mail, mail_html)
{
	const char *md = "## Frågor & svar\n\n"
	                 "Skriv till [oss](/kontakt/?a=1&b=2) om *a < b* eller **c > d**.\n\n"
	                 "- ett\n- [två](https://x.se/)\n\n"
	                 "> Citat\n\n"
	                 "### Kod\n\n"
	                 "    <b>\n";
	char *h = render(md, "/varend", true, 0, "https://example.se/varend");
	cr_assert_str_eq(h, "<h2 style=\"margin:24px 0 12px 0;" FONT "font-size:22px;line-height:28px;font-weight:bold;"
	                    "color:#222222;\">Frågor &amp; svar</h2>\n"
	                    P "Skriv till <a href=\"https://example.se/varend/kontakt/?a=1&amp;b=2\" " A ">oss</a> om "
	                    "<em style=\"font-style:italic;\">a &lt; b</em> eller "
	                    "<strong style=\"font-weight:bold;\">c &gt; d</strong>.</p>\n"
	                    "<ul style=\"margin:0 0 16px 24px;padding:0;" BODY "\">\n"
	                    LI "ett</li>\n"
	                    LI "<a href=\"https://x.se/\" " A ">två</a></li>\n"
	                    "</ul>\n"
	                    "<blockquote style=\"margin:0 0 16px 0;padding:0 0 0 12px;border-left:4px solid #cccccc;" FONT "\">\n"
	                    P "Citat</p>\n"
	                    "</blockquote>\n"
	                    "<h3 style=\"margin:20px 0 8px 0;" FONT "font-size:18px;line-height:24px;font-weight:bold;"
	                    "color:#222222;\">Kod</h3>\n"
	                    "<pre style=\"margin:0 0 16px 0;padding:8px;background-color:#f4f4f4;"
	                    "font-family:'Courier New', Courier, monospace;font-size:14px;line-height:20px;"
	                    "color:#222222;white-space:pre-wrap;\">&lt;b&gt;\n</pre>\n");
	cr_assert_null(strstr(h, "class="));
	cr_assert_null(strstr(h, "<style"));
	free(h);
}

Test(markdown_mail, nothing_for_no_body)
{
	sg_buf b = SG_BUF_INIT;
	sg_markdown_render_text(NULL, 72, "https://example.se", &b);
	sg_markdown_render_mail_html(NULL, "https://example.se", &b);
	cr_assert_eq(b.len, 0);
	sg_buf_free(&b);
	char *t = text("", 72, "https://example.se");
	cr_assert_str_eq(t, "");
	free(t);
}

/* Issue 14, item 5: tables in the e-mail versions: a row per line in the text, a
 * styled table with header cells in the HTML. */
Test(markdown_mail, tables_in_text_and_html)
{
	static const char md[] = "| Kommun | Deltagare |\n|---|--:|\n| Borås | 12 |\n| Mark | ~~3~~ 4 |\n\nSlut.\n";
	char *t = text(md, 72, "https://example.se/");
	cr_assert_str_eq(t, "Kommun | Deltagare\nBorås | 12\nMark | 3 4\n\nSlut.\n");
	free(t);
	char *h = render(md, NULL, true, 72, "https://example.se/");
	cr_assert_not_null(strstr(h, "<table style=\""), "%s", h);
	cr_assert_not_null(strstr(h, "<tr><th scope=\"col\" style=\""), "%s", h);
	cr_assert_not_null(strstr(h, ">Deltagare</th></tr>\n<tr><td style=\""), "%s", h);
	cr_assert_not_null(strstr(h, "text-align:right;\">12</td></tr>"), "%s", h);
	cr_assert_not_null(strstr(h, "<del>3</del> 4</td></tr>\n</table>\n"), "%s", h);
	free(h);
}

/* An image of the site's text (sg_markdown_images' markup): the e-mail shows its
 * description as words, in the text and in the HTML, never the page's <picture>. */
static bool picture_markup(void *ctx, const char *src, const char *alt, const char *file, int line, int col,
                           char **before, char **after)
{
	(void)ctx, (void)src, (void)alt, (void)file, (void)line, (void)col;
	*before = sg_strdup("<picture><img alt=\"");
	*after = sg_strdup("\"></picture>");
	return true;
}

Test(mail, an_image_of_the_text_is_its_description)
{
	sg_diags *d = sg_diags_new();
	sg_markdown_opts o = {.keep_document = true};
	const char *src = "Se ![kartan över *länet*](karta.png) här.\n";
	sg_markdown *m = sg_markdown_parse(src, strlen(src), "brev.md", 1, &o, d);
	cr_assert_eq(sg_markdown_images(m, picture_markup, NULL), 1);
	sg_buf t = SG_BUF_INIT, h = SG_BUF_INIT;
	sg_markdown_render_text(m, 72, "https://example.se/", &t);
	sg_markdown_render_mail_html(m, "https://example.se/", &h);
	cr_expect_str_eq(t.ptr, "Se kartan över länet här.\n");
	cr_expect_null(strstr(h.ptr, "<picture"), "%s", h.ptr);
	cr_expect_not_null(strstr(h.ptr, "Se kartan över länet här."), "%s", h.ptr);
	free(t.ptr), free(h.ptr);
	sg_markdown_free(m);
	sg_diags_free(d);
}
