/* Integration (issue 17): PDF documents in the archive. `check` and `build` warn, at the
 * document's 'file:', of a PDF that is not tagged (screen readers cannot read it: the
 * accessibility law) or that pdfinfo cannot read, once a run when pdfinfo is missing; the
 * archive (/dokument/) and the förbund page show each document's type and size after its
 * link, "PDF, 245 kB", as GOV.UK's attachments do. The PDFs are made here (support/pdf.h). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/pdf.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

#define DOC(slug, title, file) {"dokument/" slug ".yaml", "title: " title "\ntype: protokoll\nforbund: sjuharad\nfile: " file "\n"}

static const char untagged_msg[] =
    "content/dokument/%s.yaml:4:7: warning: the PDF '%s' is not tagged: screen readers cannot read it, and the "
    "accessibility law (lagen om tillgänglighet till digital offentlig service) requires documents on the site to be "
    "accessible; export it again as a tagged PDF (in Word: Save As, PDF, Options, tick 'Document structure tags for "
    "accessibility'), or ask its author for a tagged version\n";
static const char broken_msg[] =
    "content/dokument/%s.yaml:4:7: warning: pdfinfo cannot read the PDF '%s': the file is damaged or is not a PDF, so "
    "visitors may not be able to open it, and whether screen readers can read it is not known; open it in a PDF "
    "reader, and export it again from the original as a tagged PDF\n";

/* Runs `sofgen ARGS` in the folder dir (so messages name content/… as an editor's run does);
 * returns its exit status, and what it printed on stderr (stdout dropped) in *out. With env
 * (or ""), that first: "SOFGEN_PDFINFO=…". A build gets the project's templates and assets. */
static int run_in(const char *dir, sg_buf *out, const char *env, const char *args)
{
	char *bin = realpath(sofgen(), NULL);
	cr_assert_not_null(bin);
	char *here = getcwd(NULL, 0); /* the project's root: its templates and assets */
	bool build = strncmp(args, "build", 5) == 0;
	char *cmd = sg_asprintf("cd '%s' && %s '%s' %s%s%s%s%s%s 2>&1 >/dev/null", dir, env, bin, args,
	                        build ? " --templates " : "", build ? here : "", build ? "/templates --assets " : "",
	                        build ? here : "", build ? "/assets" : "");
	int st = run_shell(out, cmd);
	free(cmd), free(bin), free(here);
	return st;
}

static void skip_without_pdfinfo(void)
{
	sg_buf o = SG_BUF_INIT;
	if (run_shell(&o, "pdfinfo -v >/dev/null 2>&1") != 0)
		cr_skip_test("poppler-utils is not installed (apt-get install poppler-utils)");
	sg_buf_free(&o);
}

/* Tagged and untagged PDFs, one that is broken, a .pdf that is text, and a .doc that is an
 * (untagged) PDF: found by its first bytes, not its name. */
Test(documents, untagged_and_unreadable_pdfs_are_warnings_at_their_file)
{
	skip_without_pdfinfo();
	char *tagged = test_pdf(true), *untagged = test_pdf(false);
	fixture_file files[] = {FIXTURE_SITE,
	                        FIXTURE_FORBUND,
	                        DOC("a-taggad", "A taggad", "a-taggad.pdf"),
	                        {"dokument/a-taggad.pdf", tagged},
	                        DOC("b-otaggad", "B otaggad", "b-otaggad.pdf"),
	                        {"dokument/b-otaggad.pdf", untagged},
	                        DOC("c-trasig", "C trasig", "c-trasig.pdf"),
	                        {"dokument/c-trasig.pdf", "%PDF-1.4\n% avklippt\n"},
	                        DOC("d-text", "D text", "d-text.pdf"),
	                        {"dokument/d-text.pdf", "Protokoll fört vid sammanträdet.\n"},
	                        DOC("e-word", "E word", "e-word.doc"),
	                        {"dokument/e-word.doc", untagged},
	                        DOC("f-text", "F text", "f-text.txt"),
	                        {"dokument/f-text.txt", "Protokoll.\n"}};
	char *root = fixture_make(files, sizeof files / sizeof *files);
	sg_buf want = SG_BUF_INIT, o = SG_BUF_INIT;
	sg_buf_printf(&want, untagged_msg, "b-otaggad", "b-otaggad.pdf");
	sg_buf_printf(&want, broken_msg, "c-trasig", "c-trasig.pdf");
	sg_buf_printf(&want, broken_msg, "d-text", "d-text.pdf");
	sg_buf_printf(&want, untagged_msg, "e-word", "e-word.doc");
	cr_expect_eq(run_in(root, &o, "", "check --content content --now 2026-12-04"), 0, "%s", sg_buf_cstr(&o));
	sg_buf_puts(&want, "sofgen: content is valid (0 insatser, 3 kommuner, 1 förbund)\nsofgen: 0 errors, 4 warnings\n");
	cr_expect_str_eq(sg_buf_cstr(&o), sg_buf_cstr(&want));
	/* build checks the same model: the same warnings (before its own summary), and the site is built */
	cr_expect_eq(run_in(root, &o, "", "build --content content --out site --now 2026-12-04"), 0);
	const char *summary = strstr(sg_buf_cstr(&o), "sofgen: built ");
	cr_assert_not_null(summary, "%s", sg_buf_cstr(&o));
	size_t warnings = (size_t)(strstr(sg_buf_cstr(&want), "sofgen: content is valid") - sg_buf_cstr(&want));
	cr_expect((size_t)(summary - sg_buf_cstr(&o)) == warnings && strncmp(sg_buf_cstr(&o), sg_buf_cstr(&want), warnings) == 0,
	          "%s", sg_buf_cstr(&o));
	cr_expect(has(summary, "\nsofgen: 0 errors, 4 warnings\n"), "%s", summary);
	char *page = fixture_read(root, "site/dokument/index.html");
	cr_expect(has(page, ">E word</a> <span class=\"meta\">PDF, 329 byte</span>"), "a PDF by its bytes: %s", page);
	cr_expect(has(page, ">F text</a> <span class=\"meta\">Text, 11 byte</span>"), "%s", page);
	free(page);
	sg_buf_free(&want), sg_buf_free(&o);
	sg_remove_tree(root);
	free(root), free(tagged), free(untagged);
}

/* Without pdfinfo, one warning for the run (at the first PDF) with the line that installs it. */
Test(documents, a_missing_pdfinfo_is_one_warning_with_the_install_line)
{
	char *untagged = test_pdf(false);
	fixture_file files[] = {FIXTURE_SITE,
	                        FIXTURE_FORBUND,
	                        DOC("a", "A", "a.pdf"),
	                        {"dokument/a.pdf", untagged},
	                        DOC("b", "B", "b.pdf"),
	                        {"dokument/b.pdf", untagged},
	                        DOC("c", "C", "c.pdf"),
	                        {"dokument/c.pdf", untagged}};
	char *root = fixture_make(files, sizeof files / sizeof *files);
	sg_buf o = SG_BUF_INIT;
	cr_expect_eq(run_in(root, &o, "SOFGEN_PDFINFO=/nonexistent/pdfinfo", "check --content content --now 2026-12-04"),
	             0);
	cr_expect_str_eq(sg_buf_cstr(&o), "content/dokument/a.yaml:4:7: warning: whether the PDF 'a.pdf' and the site's other PDF "
	                         "documents are tagged for screen readers, as the accessibility law requires, is not checked: "
	                         "pdfinfo is not installed; install it with: sudo apt-get install poppler-utils\n"
	                         "sofgen: content is valid (0 insatser, 3 kommuner, 1 förbund)\n"
	                         "sofgen: 0 errors, 1 warning\n");
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root), free(untagged);
}

/* Type and size in Swedish, by GOV.UK's pattern: whole kB, one decimal below 10 kB and for MB. */
Test(documents, the_archive_shows_type_and_size_after_each_link)
{
	skip_without_pdfinfo();
	char *pdf = test_pdf_sized(true, 245 * 1024);
	struct {
		const char *slug, *file, *start;
		size_t size;
		const char *shown;
	} docs[] = {
	    {"a", "a.pdf", NULL, 245 * 1024, "PDF, 245 kB"},
	    {"b", "b.txt", "Text", 2458, "Text, 2,4 kB"}, /* 2,400 kB */
	    {"c", "c.docx", "PK", 1258291, "Word, 1,2 MB"},
	    {"d", "d.xlsx", "PK", 1048500, "Excel, 1 MB"},          /* 1023,9 kB is 1 MB, not 1024 kB */
	    {"e", "e.odt", "PK", 1048000, "OpenDocument-text, 1\u00a0023 kB"},
	    {"f", "f.csv", "a;b", 512, "CSV, 512 byte"},
	    {"g", "g.pptx", "PK", 10188, "PowerPoint, 9,9 kB"},
	    {"h", "h.ods", "PK", 10189, "OpenDocument-kalkylblad, 10 kB"},
	    {"i", "i.rtf", "{\\rtf1", 1023, "RTF, 1\u00a0023 byte"},
	    {"j", "j.odp", "PK", 1024, "OpenDocument-presentation, 1 kB"},
	};
	enum { N = sizeof docs / sizeof *docs };
	fixture_file files[2 + 2 * N] = {FIXTURE_SITE, FIXTURE_FORBUND};
	char *texts[2 * N];
	for (size_t i = 0; i < N; i++) {
		texts[2 * i] = sg_asprintf("title: Dokument %s\ntype: protokoll\nforbund: sjuharad\nfile: %s\n", docs[i].slug,
		                           docs[i].file);
		if (docs[i].start) {
			texts[2 * i + 1] = sg_malloc(docs[i].size + 1);
			memset(texts[2 * i + 1], 'x', docs[i].size);
			memcpy(texts[2 * i + 1], docs[i].start, strlen(docs[i].start));
			texts[2 * i + 1][docs[i].size] = '\0';
		} else {
			texts[2 * i + 1] = sg_strdup(pdf);
		}
		files[2 + 2 * i] = (fixture_file){sg_asprintf("dokument/%s.yaml", docs[i].slug), texts[2 * i]};
		files[3 + 2 * i] = (fixture_file){sg_asprintf("dokument/%s", docs[i].file), texts[2 * i + 1]};
	}
	char *root = fixture_make(files, 2 + 2 * N);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "build --content %s/content --out %s/site --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	cr_expect(!has(sg_buf_cstr(&o), "warning"), "a tagged PDF is no warning: %s", sg_buf_cstr(&o));
	char *page = fixture_read(root, "site/dokument/index.html"), *fb = fixture_read(root, "site/forbund/sjuharad/index.html");
	for (size_t i = 0; i < N; i++) {
		char *want = sg_asprintf("<a href=\"/dokument/%s\">Dokument %s</a> <span class=\"meta\">%s</span></li>",
		                         docs[i].file, docs[i].slug, docs[i].shown);
		cr_expect(has(page, want), "the archive has %s", want);
		cr_expect(has(fb, want), "the förbund page has %s", want);
		free(want);
	}
	free(page), free(fb);
	for (size_t i = 0; i < 2 * N; i++)
		free(texts[i]), free((char *)files[2 + i].path);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root), free(pdf);
}

/* The verksamhetsplan page links the adopted PDF among the documents with its size; the
 * förbund's minutes link theirs with type and size. */
Test(documents, the_plan_page_and_the_minutes_show_the_pdf_size)
{
	skip_without_pdfinfo();
	char *pdf = test_pdf_sized(true, 1258291);
	fixture_file files[] = {
	    FIXTURE_SITE,
	    {"forbund/sjuharad.md", "---\ntitle: Sjuhärads samordningsförbund\nmembers: [Borås, Mark]\n"
	                            "budget:\n  2026:\n    costs: [{item: Insatser, amount: 100}]\n    financing: [{party: Borås, amount: 100}]\n"
	                            "meetings:\n  - {date: 2026-02-12, protokoll: protokoll-2026-02}\n---\n"},
	    {"planer/sjuharad/2026.md", "---\ntitle: Verksamhetsplan 2026\n---\n\n## Vision\n\nText.\n"},
	    {"dokument/plan-2026.yaml", "title: Verksamhetsplan 2026\ntype: verksamhetsplan\nyear: 2026\nforbund: sjuharad\n"
	                                "file: plan-2026.pdf\n"},
	    {"dokument/plan-2026.pdf", pdf},
	    DOC("protokoll-2026-02", "Protokoll 12 februari 2026", "protokoll-2026-02.pdf"),
	    {"dokument/protokoll-2026-02.pdf", pdf}};
	char *root = fixture_make(files, sizeof files / sizeof *files);
	sg_buf o = SG_BUF_INIT;
	cr_assert_eq(run(&o, "build --content %s/content --out %s/site --now 2026-12-04", root, root), 0, "%s",
	             sg_buf_cstr(&o));
	char *plan = fixture_read(root, "site/forbund/sjuharad/verksamhetsplan/2026/index.html");
	cr_expect(has(plan, "<a href=\"/dokument/plan-2026.pdf\" type=\"application/pdf\">Verksamhetsplanen som PDF</a> "
	                    "<span class=\"meta\">(1,2 MB)</span>"),
	          "%s", plan);
	char *fb = fixture_read(root, "site/forbund/sjuharad/index.html");
	cr_expect(has(fb, "Protokoll<span class=\"visually-hidden\"> 12 februari 2026</span></a> "
	                  "<span class=\"meta\">(PDF, 1,2 MB)</span>"),
	          "%s", fb);
	free(plan), free(fb);
	sg_buf_free(&o);
	sg_remove_tree(root);
	free(root), free(pdf);
}
