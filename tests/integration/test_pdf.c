/* Integration (issue 18): `sofgen pdf` prints the verksamhetsplan to a tagged PDF with
 * headless chromium; poppler-utils (pdfinfo, pdftotext) read it back. Skipped, saying why,
 * when chromium or poppler-utils are missing (scripts/deps.sh test installs both). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../support/run.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"

/* Is `name` a program on $PATH? */
static bool on_path(const char *name)
{
	sg_buf out = SG_BUF_INIT;
	char *cmd = sg_asprintf("command -v %s >/dev/null 2>&1", name);
	int st = run_shell(&out, cmd);
	free(cmd);
	sg_buf_free(&out);
	return st == 0;
}

static void need_tools(void)
{
	if (!on_path("chromium") && !getenv("SOFGEN_CHROMIUM"))
		cr_skip_test("chromium is not installed (apt-get install chromium): no PDF to test");
	if (!on_path("pdfinfo") || !on_path("pdftotext"))
		cr_skip_test("poppler-utils is not installed (apt-get install poppler-utils): cannot read the PDF");
}

/* What a command printed on stdout, no-break spaces as plain ones (malloc'd). */
static char *output_of(const char *cmd)
{
	sg_buf out = SG_BUF_INIT;
	int st = run_shell(&out, cmd);
	cr_assert_eq(st, 0, "%s failed", cmd);
	sg_buf plain = SG_BUF_INIT;
	const char *s = sg_buf_cstr(&out);
	for (size_t i = 0; i < out.len; i++)
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			sg_buf_putc(&plain, ' ');
			i++;
		} else
			sg_buf_putc(&plain, s[i]);
	sg_buf_free(&out);
	return sg_buf_detach(&plain);
}

/* pdfinfo's value of `field` ("Pages"), malloc'd. */
static char *info(const char *pdf, const char *field)
{
	char *cmd = sg_asprintf("pdfinfo '%s'", pdf);
	char *out = output_of(cmd);
	free(cmd);
	char *all = sg_asprintf("\n%s", out); /* every field after a newline, the first too */
	free(out);
	char *key = sg_asprintf("\n%s:", field);
	char *at = strstr(all, key);
	cr_assert_not_null(at, "pdfinfo shows no %s:\n%s", field, all);
	at += strlen(key);
	while (*at == ' ')
		at++;
	char *v = sg_strndup(at, strcspn(at, "\n"));
	free(key);
	free(all);
	return v;
}

static char *make_pdf(const char *dir, const char *name)
{
	char *pdf = sg_asprintf("%s/%s", dir, name);
	sg_buf out = SG_BUF_INIT;
	int st = run(&out, "pdf sjuharad 2015 --now 2026-12-04 --out '%s'", pdf);
	cr_assert_eq(st, 0, "sofgen pdf failed:\n%s", sg_buf_cstr(&out));
	cr_expect(has(sg_buf_cstr(&out), "sofgen pdf: wrote "), "%s", sg_buf_cstr(&out));
	sg_buf_free(&out);
	return pdf;
}

Test(pdf, the_plan_as_a_tagged_pdf_with_every_amount_of_the_summary, .timeout = 240)
{
	need_tools();
	char dir[] = "/tmp/sofgen-pdftest-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char *a = make_pdf(dir, "a.pdf"), *b = make_pdf(dir, "b.pdf");

	/* pdfinfo: tagged (PDF/UA's structure tree), A4, the page's title */
	char *tagged = info(a, "Tagged"), *size = info(a, "Page size"), *title = info(a, "Title");
	cr_expect_str_eq(tagged, "yes");
	cr_expect(has(size, "(A4)"), "%s", size);
	cr_expect(strncmp(title, "Verksamhetsplan 2015 – Sjuhärads samordningsförbund", strlen("Verksamhetsplan 2015 – Sjuhärads samordningsförbund")) == 0,
	          "%s", title);
	/* the document's language: pdfinfo does not show the catalogue's /Lang, chromium writes it
	 * uncompressed, so read it from the file */
	size_t len;
	char *raw = sg_read_file(a, &len, 1 << 26);
	cr_assert_not_null(raw);
	cr_expect_not_null(memmem(raw, len, "/Lang (sv)", 10), "the PDF has no /Lang (sv)");
	free(raw);
	/* the same number of pages in two runs */
	char *pa = info(a, "Pages"), *pb = info(b, "Pages");
	cr_expect_str_eq(pa, pb, "two runs, %s and %s pages", pa, pb);
	cr_expect(atoi(pa) >= 4, "title page, contents, text, tables: %s pages", pa);

	/* pdftotext -layout: each row of the ekonomisk sammanställning (seed 001, section 6) on one
	 * line with its amounts as the page prints them: a row split across pages would put the
	 * label and the amounts on different lines (and pages) */
	char *cmd = sg_asprintf("pdftotext -layout '%s' -", a);
	char *text = output_of(cmd);
	free(cmd);
	static const struct {
		const char *label, *amount;
	} rows[] = {
		{"Bollebygd", "505"},       {"Borås", "6 117"},    {"Herrljunga", "546"},  {"Mark", "2 076"},
		{"Svenljunga", "607"},      {"Tranemo", "682"},    {"Ulricehamn", "1 361"}, {"Vårgårda", "653"},
		{"Hela förbundet (individinriktade)", "400"},      {"Strukturövergripande", "500"},
		/* long labels wrap in their cell: their first words */
		{"Overheadkostnader styrning", "2 205"}, {"Presumtiva projekt", "1 000"},
		{"Summa", "16 652"},        {"Ianspråktaget eget kapital", "1 382"}, {"Summa finansiering", "16 652"},
	};
	const char *summary = strstr(text, "Ekonomisk sammanställning 2015\n");
	summary = summary ? strstr(summary + 1, "Ekonomisk sammanställning 2015") : NULL; /* past the contents */
	cr_assert_not_null(summary, "no ekonomisk sammanställning in the text:\n%s", text);
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		bool found = false;
		for (const char *l = summary; l && *l && !found; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
			size_t n = strcspn(l, "\n");
			char *line = sg_strndup(l, n);
			char *lab = strstr(line, rows[i].label);
			if (lab && (lab == line || lab[-1] == ' ')) {
				char *want = sg_asprintf(" %s ", rows[i].amount);
				char *padded = sg_asprintf("%s ", lab + strlen(rows[i].label));
				found = strstr(padded, want) != NULL;
				free(want);
				free(padded);
			}
			free(line);
		}
		cr_expect(found, "no line with '%s' and %s in the summary", rows[i].label, rows[i].amount);
	}
	free(text);
	free(tagged);
	free(size);
	free(title);
	free(pa);
	free(pb);
	free(a);
	free(b);
	sg_remove_tree(dir);
}

Test(pdf, says_what_to_install_without_chromium, .timeout = 60)
{
	sg_buf out = SG_BUF_INIT;
	char *cmd = sg_asprintf("SOFGEN_CHROMIUM=/nonexistent/chromium %s pdf sjuharad 2015 --out /tmp/sofgen-never.pdf 2>&1",
	                        sofgen());
	int st = run_shell(&out, cmd);
	free(cmd);
	cr_expect_eq(st, 2);
	cr_expect_str_eq(sg_buf_cstr(&out), "sofgen pdf: chromium is not installed; install it with: apt-get install "
	                                    "chromium (or set SOFGEN_CHROMIUM to the browser's path)\n");
	cr_expect(access("/tmp/sofgen-never.pdf", F_OK) != 0 || remove("/tmp/sofgen-never.pdf") == 0);
	sg_buf_free(&out);
}

Test(pdf, a_year_without_a_plan_is_an_error, .timeout = 60)
{
	need_tools();
	sg_buf out = SG_BUF_INIT;
	int st = run(&out, "pdf sjuharad 1999 --now 2026-12-04 --out /tmp/sofgen-never.pdf");
	cr_expect_eq(st, 1);
	cr_expect(has(sg_buf_cstr(&out), "sofgen pdf: sjuharad has no verksamhetsplan for 1999: there is one for each "
	                                 "year the förbund has a budget (content/forbund/sjuharad.md, budget:) or a plan "
	                                 "text (content/planer/sjuharad/1999.md)\n"),
	          "%s", sg_buf_cstr(&out));
	sg_buf_free(&out);
}
