/* test_privacy.c — the page "Behandling av personuppgifter" (issue 17), made from
 * site.yaml's privacy: and from what sofgen knows of the site: who is responsible (by
 * default the only förbund), how forms travel (printed, or POSTed over https to the
 * address site.yaml gives), and what is not given shown as not given. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

static const fixture_file form = {"blanketter/remiss.yaml",
                                  "title: Remiss\nsend_to: \"Box 1, 501 10 Borås\"\nsections:\n  - title: Personen\n"
                                  "    fields:\n      - {name: namn, label: Namn, type: text, required: true}\n"};

static char *build_page(const fixture_file *files, size_t n, char **root)
{
	*root = fixture_make(files, n);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", *root, *root), 0, "%s",
	             sg_buf_cstr(&o));
	sg_buf_free(&o);
	return fixture_read(*root, "out/personuppgifter/index.html");
}

Test(privacy, without_a_privacy_block_the_page_says_what_is_known)
{
	const fixture_file files[] = {FIXTURE_SITE, FIXTURE_FORBUND, form};
	char *root;
	char *p = build_page(files, 3, &root);
	cr_expect_not_null(strstr(p, "<p><strong>Sjuhärads samordningsförbund</strong> är personuppgiftsansvarig.</p>"),
	                   "the only förbund: %s", p);
	cr_expect_not_null(strstr(p, "<h3>Dataskyddsombud</h3>\n<p><span class=\"missing\">Uppgift saknas.</span></p>"));
	cr_expect_not_null(strstr(p, "Blanketterna skickas inte över internet."), "forms are printed");
	cr_expect_not_null(strstr(p, "Hur länge de sparas: <span class=\"missing\">uppgift saknas</span>."));
	cr_expect_not_null(strstr(p, "Webbplatsen använder inga kakor (cookies) och ingen besöksstatistik"));
	char *home = fixture_read(root, "out/index.html");
	cr_expect_not_null(strstr(home, "<a href=\"/personuppgifter/\">Behandling av personuppgifter</a>"), "the footer links it");
	free(home);
	free(p);
	sg_remove_tree(root);
	free(root);
}

Test(privacy, the_privacy_block_and_a_forms_address_are_on_the_page)
{
	const fixture_file files[] = {
		{"site.yaml", "title: Testportal\nbase_url: https://example.se/\n"
		              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"
		              "forms: {action: \"https://formular.example.se/remiss\"}\n"
		              "privacy:\n  controller: Förbundet\n  dpo: {email: dso@example.se}\n"
		              "  retention: Två år.\n  server_logs: Loggar sparas i 30 dagar.\n  updated: 2026-11-24\n"},
		FIXTURE_FORBUND, form};
	char *root;
	char *p = build_page(files, 3, &root);
	cr_expect_not_null(strstr(p, "<p><strong>Förbundet</strong> är personuppgiftsansvarig.</p>"), "%s", p);
	cr_expect_not_null(strstr(p, "E-post <a href=\"mailto:dso@example.se\">dso@example.se</a>"));
	cr_expect_not_null(strstr(p, "skickas uppgifterna krypterat (https) direkt till https://formular.example.se/remiss. "
	                             "De skickas med metoden POST"));
	cr_expect_not_null(strstr(p, "Hur länge de sparas: Två år.</p>"));
	cr_expect_not_null(strstr(p, "<p>Loggar sparas i 30 dagar.</p>"));
	cr_expect_not_null(strstr(p, "Senast uppdaterad 24 november 2026."));
	free(p);
	sg_remove_tree(root);
	free(root);
}

Test(privacy, a_portal_without_a_controller_gets_a_warning)
{
	const fixture_file files[] = {FIXTURE_SITE, FIXTURE_FORBUND,
	                              {"forbund/mark.md", "---\ntitle: Marks förbund\nmembers: [Mark]\n---\n"}};
	char *root = fixture_make(files, 3);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 0, "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o), "site.yaml:1:1: warning: site.yaml names no personuppgiftsansvarig, and "
	                                           "with 2 förbund sofgen cannot tell which; the page Behandling av "
	                                           "personuppgifter says it is not known: add privacy: {controller: …, "
	                                           "contact: {email: …}}"),
	                   "%s", sg_buf_cstr(&o));
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}
