/* test_newsletter_signup.c — the footer's newsletter subscription (issue 17): site.yaml's
 * newsletter_signup gives either `action`, an https address that a small form POSTs the
 * e-mail address to (never GET: an address is personal data and stays out of web
 * addresses), or `url`, a link to the provider's page. The footer of every page shows it
 * with who receives the address, and the page "Behandling av personuppgifter" says the
 * same; without the block neither mentions a newsletter. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

#define SITE_WITH(block)                                                                                       \
	{"site.yaml", "title: Testportal\nbase_url: https://example.se/\nregion: Testlän\n"                        \
	              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n" \
	              block}

/* Builds the site of files into a fresh folder (*root, malloc'd); the build must exit 0. */
static void build(const fixture_file *files, size_t n, char **root, sg_buf *o)
{
	*root = fixture_make(files, n);
	cr_assert_eq(run(o, "build --content %s/content --out %s/out --now 2026-12-04", *root, *root), 0, "%s",
	             sg_buf_cstr(o));
}

/* The <footer> of a built page (malloc'd). */
static char *footer_of(const char *root, const char *page)
{
	char *html = fixture_read(root, page);
	const char *f = strstr(html, "<footer"), *end = f ? strstr(f, "</footer>") : NULL;
	cr_assert(f && end, "%s has a footer", page);
	char *out = sg_strndup(f, (size_t)(end - f));
	free(html);
	return out;
}

Test(newsletter_signup, a_form_that_posts_over_https_on_every_page)
{
	const fixture_file files[] = {
		SITE_WITH("newsletter_signup:\n  action: \"https://nyhetsbrev.example.se/prenumerera\"\n"
		          "  email_field: EMAIL\n  text: Få nyhetsbrevet.\n  receiver: Exempelbrev AB\n"),
		FIXTURE_FORBUND};
	char *root;
	sg_buf o = SG_BUF_INIT;
	build(files, 2, &root, &o);
	cr_expect_null(strstr(sg_buf_cstr(&o), "warning"), "%s", sg_buf_cstr(&o));
	static const char *const pages[] = {"out/index.html", "out/404.html", "out/kommun/boras/index.html",
	                                    "out/personuppgifter/index.html"};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		char *f = footer_of(root, pages[i]);
		cr_expect_not_null(
			strstr(f, "<section class=\"newsletter-signup\" aria-labelledby=\"sidfot-nyhetsbrev\">\n"
			          "<h2 id=\"sidfot-nyhetsbrev\">Nyhetsbrev</h2>\n<p>Få nyhetsbrevet.</p>\n"
			          "<form method=\"post\" action=\"https://nyhetsbrev.example.se/prenumerera\">\n"
			          "<label for=\"nyhetsbrev-epost\">E-postadress</label>\n"
			          "<input id=\"nyhetsbrev-epost\" type=\"email\" name=\"EMAIL\" autocomplete=\"email\" "
			          "spellcheck=\"false\" required>\n"
			          "<button class=\"button\" type=\"submit\">Prenumerera</button>\n</form>\n"
			          "<p class=\"note\">Adressen skickas krypterat till Exempelbrev AB på nyhetsbrev.example.se. "
			          "Läs om <a href=\"/personuppgifter/#nyhetsbrev\">hur personuppgifter behandlas</a>.</p>"),
			"%s: %s", pages[i], f);
		cr_expect_null(strstr(f, "method=\"get\""), "%s", pages[i]);
		free(f);
	}
	char *p = fixture_read(root, "out/personuppgifter/index.html");
	cr_expect_not_null(strstr(p, "<h2 id=\"nyhetsbrev\">Nyhetsbrev med e-post</h2>\n<p>Anmäler du dig till nyhetsbrevet "
	                             "i sidfoten skickas din e-postadress krypterat (https) med metoden POST direkt till "
	                             "Exempelbrev AB på nyhetsbrev.example.se (https://nyhetsbrev.example.se/prenumerera)"),
	                   "%s", p);
	free(p);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

Test(newsletter_signup, a_link_to_the_providers_page_and_a_query_kept_escaped)
{
	const fixture_file files[] = {
		SITE_WITH("newsletter_signup: {url: \"https://lista.example.net/anmal?u=4f&id=9a\"}\n"), FIXTURE_FORBUND};
	char *root;
	sg_buf o = SG_BUF_INIT;
	build(files, 2, &root, &o);
	char *f = footer_of(root, "out/index.html");
	cr_expect_not_null(strstr(f, "<p><a href=\"https://lista.example.net/anmal?u=4f&amp;id=9a\">Prenumerera på "
	                             "nyhetsbrevet</a></p>\n<p class=\"note\">Du anmäler dig på lista.example.net. Läs om "),
	                   "%s", f);
	cr_expect_null(strstr(f, "<form"), "a link, no form: %s", f);
	free(f);
	char *p = fixture_read(root, "out/personuppgifter/index.html");
	cr_expect_not_null(strstr(p, "<p>Nyhetsbrevet prenumererar du på hos lista.example.net "
	                             "(https://lista.example.net/anmal?u=4f&amp;id=9a). Den här webbplatsen tar inte emot "
	                             "och sparar inte din e-postadress.</p>"),
	                   "%s", p);
	free(p);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

Test(newsletter_signup, without_the_block_no_newsletter_is_mentioned)
{
	const fixture_file files[] = {FIXTURE_SITE, FIXTURE_FORBUND};
	char *root;
	sg_buf o = SG_BUF_INIT;
	build(files, 2, &root, &o);
	char *f = footer_of(root, "out/index.html");
	cr_expect_null(strstr(f, "newsletter-signup"), "%s", f);
	cr_expect_null(strstr(f, "<form"), "%s", f);
	free(f);
	char *p = fixture_read(root, "out/personuppgifter/index.html");
	cr_expect_null(strstr(p, "id=\"nyhetsbrev\""), "%s", p);
	free(p);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

Test(newsletter_signup, a_field_name_with_a_link_and_a_block_with_neither_address)
{
	const fixture_file warned[] = {
		SITE_WITH("newsletter_signup:\n  url: \"https://lista.example.net/anmal\"\n  email_field: EMAIL\n"),
		FIXTURE_FORBUND};
	char *root = fixture_make(warned, 2);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 0, "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o), "content/site.yaml:7:16: warning: newsletter_signup: 'email_field' names "
	                                           "the field of a form, and with 'url' the footer has a link, not a form; "
	                                           "remove it, or give 'action' instead of 'url'"),
	                   "%s", sg_buf_cstr(&o));
	sg_remove_tree(root);
	free(root);
	sg_buf_clear(&o);
	const fixture_file empty[] = {SITE_WITH("newsletter_signup:\n  text: Få nyhetsbrevet.\n"), FIXTURE_FORBUND};
	root = fixture_make(empty, 2);
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 1, "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o), "content/site.yaml:6:3: error: newsletter_signup: missing 'action' or "
	                                           "'url': the https:// address the footer's form posts the e-mail address "
	                                           "to, e.g. action: https://nyhetsbrev.example.se/prenumerera, or a link to "
	                                           "the provider's sign-up page as url: …"),
	                   "%s", sg_buf_cstr(&o));
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

/* A page with a printed form, or made for paper, holds no <form> at all (nothing on it can be
 * sent): the footer links the newsletter form on the front page instead. A form that is
 * sent (forms.action) is a <form> of its own, and the footer's form stays beside it. */
Test(newsletter_signup, pages_with_a_printed_form_or_for_paper_link_the_form)
{
	static const char *const newsletter = "newsletter_signup: {action: \"https://nyhetsbrev.example.se/p\"}\n";
	const fixture_file form = {"blanketter/anmalan.yaml", "title: Anmälan\nsend_to: \"Box 1, 501 10 Borås\"\nsections:\n"
	                                                      "  - title: Om dig\n    fields:\n      - {name: namn, label: Namn, type: text}\n"};
	for (int sent = 0; sent < 2; sent++) {
		char *site = sg_asprintf("title: Testportal\nbase_url: https://example.se/\n"
		                         "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"
		                         "%s%s",
		                         newsletter, sent ? "forms: {action: \"https://formular.example.se/in\"}\n" : "");
		const fixture_file files[] = {{"site.yaml", site}, FIXTURE_FORBUND, form};
		char *root;
		sg_buf o = SG_BUF_INIT;
		build(files, 3, &root, &o);
		char *page = fixture_read(root, "out/blanketter/anmalan/index.html");
		const char *link = "<p><a href=\"/#sidfot-nyhetsbrev\">Prenumerera på nyhetsbrevet</a> med formuläret längst ned "
		                   "på startsidan.</p>";
		const char *footer_form = "<form method=\"post\" action=\"https://nyhetsbrev.example.se/p\">";
		if (sent) {
			cr_expect_not_null(strstr(page, "<form class=\"blankett\" method=\"post\" action=\"https://formular.example.se/in\""),
			                   "%s", page);
			cr_expect_not_null(strstr(page, footer_form), "%s", page);
		} else {
			cr_expect_null(strstr(page, "<form"), "a printed form's page holds no <form>: %s", page);
			cr_expect_not_null(strstr(page, link), "%s", page);
		}
		free(page);
		char *paper = fixture_read(root, "out/kommun/boras/utskrift/index.html");
		cr_expect_null(strstr(paper, "<form"), "a page for paper holds no <form>: %s", paper);
		cr_expect_not_null(strstr(paper, link), "%s", paper);
		free(paper);
		char *home = fixture_read(root, "out/index.html");
		cr_expect_not_null(strstr(home, footer_form), "%s", home);
		free(home);
		sg_buf_free(&o);
		sg_remove_tree(root);
		free(root);
		free(site);
	}
}
