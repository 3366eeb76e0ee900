/* test_organisation.c — a förbund's board, staff and meetings (issue 17): the förbund
 * page lists them as the file gives them, links each meeting's minutes (a document) and
 * marks the meetings still ahead against --now; a meeting whose minutes name no
 * document is an error naming the closest. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/pdf.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

#define ORG_FORBUND(meetings)                                                                                      \
	{"forbund/sjuharad.md",                                                                                        \
	 "---\ntitle: Sjuhärads samordningsförbund\nmembers: [Borås, Mark]\n"                                         \
	 "board:\n  - {name: Anna Andersson, role: ordförande, organisation: Borås stad}\n"                          \
	 "  - {name: Bo Berg, organisation: Försäkringskassan}\n"                                                     \
	 "staff:\n  - {name: Cecilia Ek, role: förbundschef, phone: \"070-174 06 05\", email: cecilia@example.se}\n"  \
	 "meetings:\n" meetings "---\n"}

static const fixture_file dokument[] = {
	{"dokument/protokoll-2026-02.yaml", "title: Protokoll 12 februari 2026\ntype: protokoll\nyear: 2026\n"
	                                    "forbund: sjuharad\nfile: protokoll-2026-02.pdf\n"},
	{"dokument/protokoll-2026-02.pdf", NULL}, /* test_pdf(true), made in each test */
};

Test(organisation, the_forbund_page_lists_board_staff_and_meetings)
{
	char *pdf = test_pdf(true);
	fixture_file files[] = {FIXTURE_SITE,
	                        ORG_FORBUND("  - {date: 2027-03-10}\n  - {date: 2026-02-12, protokoll: protokoll-2026-02}\n"),
	                        dokument[0], {dokument[1].path, pdf}};
	char *root = fixture_make(files, 4);
	free(pdf);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	char *f = fixture_read(root, "out/forbund/sjuharad/index.html");
	cr_expect_not_null(strstr(f, "<li><a href=\"#organisation\">Styrelse och kansli</a></li>"), "%s", f);
	cr_expect_not_null(strstr(f, "<tr><th scope=\"row\">Anna Andersson</th><td>ordförande</td><td>Borås stad</td></tr>"));
	cr_expect_not_null(strstr(f, "<tr><th scope=\"row\">Bo Berg</th><td></td><td>Försäkringskassan</td></tr>"),
	                   "no role: an empty cell");
	cr_expect_not_null(strstr(f, "<li><strong>Cecilia Ek</strong>, förbundschef<br>Tel <a href=\"tel:+46701740605\">"
	                             "070-174 06 05</a><br><a href=\"mailto:cecilia@example.se\">cecilia@example.se</a></li>"));
	/* by date; the one ahead marked, the past one with its minutes */
	const char *feb = strstr(f, "<time datetime=\"2026-02-12\">12 februari 2026</time> – <a "
	                            "href=\"/dokument/protokoll-2026-02.pdf\">Protokoll<span class=\"visually-hidden\"> 12 "
	                            "februari 2026</span></a> <span class=\"meta\">(PDF, 358 byte)</span>");
	const char *mar = strstr(f, "<time datetime=\"2027-03-10\">10 mars 2027</time> (kommande)</li>");
	cr_expect(feb && mar && feb < mar, "%s", f);
	free(f);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

Test(organisation, minutes_that_name_no_document_are_an_error)
{
	char *pdf = test_pdf(true);
	fixture_file files[] = {FIXTURE_SITE, ORG_FORBUND("  - {date: 2026-02-12, protokoll: protokol-2026-02}\n"
	                                                  "  - {date: 2026-05}\n"),
	                        dokument[0], {dokument[1].path, pdf}};
	char *root = fixture_make(files, 4);
	free(pdf);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "check --content %s/content --now 2026-12-04", root), 1, "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o), "sjuharad.md:10:35: error: there is no document 'protokol-2026-02'; did "
	                                           "you mean 'protokoll-2026-02'?"),
	                   "%s", sg_buf_cstr(&o));
	cr_expect_not_null(strstr(sg_buf_cstr(&o), "sjuharad.md:11:12: error: 'date': '2026-05' is not a date; write YYYY-MM-DD, e.g. 2015-03-01"),
	                   "%s", sg_buf_cstr(&o));
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}

Test(organisation, a_past_meeting_without_minutes_says_they_are_not_published)
{
	char *pdf = test_pdf(true);
	fixture_file files[] = {FIXTURE_SITE, ORG_FORBUND("  - {date: 2026-11-19}\n  - {date: 2026-12-04}\n"
	                                                  "  - {date: 2026-02-12, protokoll: protokoll-2026-02}\n"),
	                        dokument[0], {dokument[1].path, pdf}};
	char *root = fixture_make(files, 4);
	free(pdf);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "build --content %s/content --out %s/out --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	char *f = fixture_read(root, "out/forbund/sjuharad/index.html");
	cr_expect_not_null(strstr(f, "<li><time datetime=\"2026-11-19\">19 november 2026</time> – <span class=\"missing\">"
	                             "protokollet är inte publicerat</span></li>"),
	                   "%s", f);
	/* the build's own day is still ahead (kommande), and has no minutes to miss */
	cr_expect_not_null(strstr(f, "<li><time datetime=\"2026-12-04\">4 december 2026</time> (kommande)</li>"), "%s", f);
	cr_expect_eq(strstr(strstr(f, "protokollet är inte publicerat") + 1, "protokollet är inte publicerat"), NULL,
	             "only the one past meeting without minutes");
	free(f);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root);
}
