/* util/pdfinfo.c (issue 17): whether a PDF is tagged, asked of poppler-utils' pdfinfo. The
 * PDFs are made here (tests/support/pdf.h), and pdfinfo itself is asked first, so a test
 * shows that the file is what it claims before sofgen's answer is compared with it. Fake
 * pdfinfo scripts stand in for what a real one rarely does (hang, print a forged line, ask
 * for a password). */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../support/pdf.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/pdfinfo.h"

static char dir[] = "/tmp/sofgen-pdfinfo-XXXXXX";

static void make_dir(void)
{
	cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
	sg_remove_tree(dir);
}

TestSuite(pdfinfo, .init = make_dir, .fini = remove_dir);

/* Writes text to dir/name (mode 0755 when exec); returns the path (malloc'd). */
static char *put(const char *name, const char *text, bool exec)
{
	char *p = sg_path_join(dir, name);
	cr_assert_eq(sg_write_file(p, text, strlen(text)), 0);
	if (exec)
		cr_assert_eq(chmod(p, 0755), 0);
	return p;
}

/* The real pdfinfo, or the test is skipped. */
static char *real_pdfinfo(void)
{
	char *p = sg_pdfinfo_find();
	if (!p)
		cr_skip_test("poppler-utils is not installed (apt-get install poppler-utils): no pdfinfo to ask");
	return p;
}

/* The "Tagged:" line pdfinfo prints for path, as it prints it (malloc'd). */
static char *tagged_line(const char *pdfinfo, const char *path)
{
	sg_buf out = SG_BUF_INIT;
	char *cmd = sg_asprintf("'%s' '%s' 2>/dev/null", pdfinfo, path);
	run_shell(&out, cmd);
	free(cmd);
	const char *t = strstr(sg_buf_cstr(&out), "\nTagged:");
	char *line = t ? sg_strndup(t + 1, strcspn(t + 1, "\n")) : sg_strdup("(none)");
	sg_buf_free(&out);
	return line;
}

Test(pdfinfo, a_tagged_pdf_is_tagged)
{
	char *pdfinfo = real_pdfinfo(), *pdf = test_pdf(true), *path = put("taggad.pdf", pdf, false);
	char *line = tagged_line(pdfinfo, path);
	cr_assert_str_eq(line, "Tagged:          yes", "the test PDF is not what pdfinfo calls tagged");
	cr_expect_eq(sg_pdfinfo_tagging(pdfinfo, path, 10000), SG_PDF_TAGGED);
	free(line), free(path), free(pdf), free(pdfinfo);
}

Test(pdfinfo, an_untagged_pdf_is_not)
{
	char *pdfinfo = real_pdfinfo(), *pdf = test_pdf(false), *path = put("otaggad.pdf", pdf, false);
	char *line = tagged_line(pdfinfo, path);
	cr_assert_str_eq(line, "Tagged:          no", "the test PDF is not what pdfinfo calls untagged");
	cr_expect_eq(sg_pdfinfo_tagging(pdfinfo, path, 10000), SG_PDF_UNTAGGED);
	free(line), free(path), free(pdf), free(pdfinfo);
}

Test(pdfinfo, a_pdf_pdfinfo_cannot_read_is_broken)
{
	char *pdfinfo = real_pdfinfo();
	char *cut = test_pdf(true);
	cut[200] = '\0'; /* cut off before its cross-reference table */
	char *a = put("avklippt.pdf", cut, false), *b = put("text.pdf", "Det här är ingen PDF.\n", false);
	cr_expect_eq(sg_pdfinfo_tagging(pdfinfo, a, 10000), SG_PDF_BROKEN);
	cr_expect_eq(sg_pdfinfo_tagging(pdfinfo, b, 10000), SG_PDF_BROKEN);
	char *missing = sg_path_join(dir, "finns-inte.pdf");
	cr_expect_eq(sg_pdfinfo_tagging(pdfinfo, missing, 10000), SG_PDF_BROKEN);
	free(missing), free(a), free(b), free(cut), free(pdfinfo);
}

/* A relative path that starts with '-' is a file, not one of pdfinfo's options. */
Test(pdfinfo, a_file_named_like_an_option_is_read_as_a_file)
{
	char *pdfinfo = real_pdfinfo(), *pdf = test_pdf(true);
	free(put("-box.pdf", pdf, false));
	cr_assert_eq(chdir(dir), 0);
	cr_expect_eq(sg_pdfinfo_tagging(pdfinfo, "-box.pdf", 10000), SG_PDF_TAGGED);
	free(pdf), free(pdfinfo);
}

Test(pdfinfo, without_pdfinfo_nothing_is_run)
{
	char *pdf = test_pdf(false), *path = put("otaggad.pdf", pdf, false);
	cr_expect_eq(sg_pdfinfo_tagging(NULL, path, 10000), SG_PDF_NO_PDFINFO);
	cr_expect_eq(sg_pdfinfo_tagging("/nonexistent/pdfinfo", path, 10000), SG_PDF_NO_PDFINFO);
	char *not_exec = put("pdfinfo-ej-korbar", "#!/bin/sh\necho 'Tagged: yes'\n", false);
	cr_expect_eq(sg_pdfinfo_tagging(not_exec, path, 10000), SG_PDF_NO_PDFINFO);
	free(not_exec), free(path), free(pdf);
}

Test(pdfinfo, sofgen_pdfinfo_names_the_program)
{
	char *fake = put("min-pdfinfo", "#!/bin/sh\nexit 0\n", true);
	cr_assert_eq(setenv("SOFGEN_PDFINFO", fake, 1), 0);
	char *found = sg_pdfinfo_find();
	cr_expect_str_eq(found ? found : "(null)", fake);
	free(found);
	cr_assert_eq(setenv("SOFGEN_PDFINFO", "/nonexistent/pdfinfo", 1), 0);
	cr_expect_null(sg_pdfinfo_find(), "a named program that is not there is no pdfinfo: not one from PATH");
	unsetenv("SOFGEN_PDFINFO");
	cr_assert_eq(setenv("PATH", dir, 1), 0);
	cr_expect_null(sg_pdfinfo_find(), "no pdfinfo on PATH");
	char *on_path = put("pdfinfo", "#!/bin/sh\nexit 0\n", true);
	found = sg_pdfinfo_find();
	cr_expect_str_eq(found ? found : "(null)", on_path);
	free(found), free(on_path), free(fake);
}

/* The PDF's own strings come before "Tagged:" (Title, Subject, Keywords …): a title with a
 * line "Tagged: yes" in it does not make an untagged PDF tagged. */
Test(pdfinfo, a_forged_line_in_the_title_does_not_count)
{
	char *fake = put("pdfinfo", "#!/bin/sh\nprintf 'Title:           x\\nTagged: yes\\nTagged:          no\\n"
	                            "Pages:           1\\n'\n",
	                 true);
	char *pdf = test_pdf(false), *path = put("x.pdf", pdf, false);
	cr_expect_eq(sg_pdfinfo_tagging(fake, path, 10000), SG_PDF_UNTAGGED);
	free(path), free(pdf), free(fake);
}

/* A PDF that needs a password to be opened cannot be checked, and is not the editor's to fix. */
Test(pdfinfo, a_pdf_with_a_password_is_left_alone)
{
	char *fake = put("pdfinfo", "#!/bin/sh\necho 'Command Line Error: Incorrect password' >&2\nexit 1\n", true);
	char *pdf = test_pdf(false), *path = put("x.pdf", pdf, false);
	cr_expect_eq(sg_pdfinfo_tagging(fake, path, 10000), SG_PDF_ENCRYPTED);
	free(path), free(pdf), free(fake);
}

/* A pdfinfo that hangs (and a child of it that holds its output open) is killed at the
 * deadline, group and all. */
Test(pdfinfo, a_pdfinfo_that_hangs_is_stopped)
{
	char *fake = put("pdfinfo", "#!/bin/sh\nsleep 30 &\nsleep 30\n", true);
	char *pdf = test_pdf(true), *path = put("x.pdf", pdf, false);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	cr_expect_eq(sg_pdfinfo_tagging(fake, path, 300), SG_PDF_TIMEOUT);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	cr_expect(s >= 0.3 && s < 5, "stopped after %.2f s", s);
	free(path), free(pdf), free(fake);
}

/* serve's cache: a file that did not change is not given to pdfinfo again; one that changed
 * is; a missing pdfinfo is not remembered. The fake pdfinfo counts its runs. */
Test(pdfinfo, the_cache_asks_again_only_for_a_changed_file)
{
	char *count = sg_path_join(dir, "runs");
	char *script = sg_asprintf("#!/bin/sh\necho x >> '%s'\necho 'Tagged:          no'\n", count);
	char *fake = put("pdfinfo", script, true);
	char *pdf = test_pdf(false), *path = put("x.pdf", pdf, false);
	sg_pdf_cache *c = sg_pdf_cache_new();
	cr_expect_eq(sg_pdf_cache_tagging(c, NULL, path, 10000), SG_PDF_NO_PDFINFO);
	cr_expect_eq(sg_pdf_cache_tagging(c, fake, path, 10000), SG_PDF_UNTAGGED, "a missing pdfinfo is not kept");
	cr_expect_eq(sg_pdf_cache_tagging(c, fake, path, 10000), SG_PDF_UNTAGGED);
	size_t len = 0;
	char *runs = sg_read_file(count, &len, 1000);
	cr_expect_eq(len, 2, "pdfinfo ran once for two questions: %zu bytes", len);
	free(runs);
	struct timespec later[2] = {{0, UTIME_OMIT}, {1000000000, 0}}; /* a new modification time */
	cr_assert_eq(utimensat(AT_FDCWD, path, later, 0), 0);
	cr_expect_eq(sg_pdf_cache_tagging(c, fake, path, 10000), SG_PDF_UNTAGGED);
	runs = sg_read_file(count, &len, 1000);
	cr_expect_eq(len, 4, "a changed file is read again: %zu bytes", len);
	free(runs);
	sg_pdf_cache_free(c);
	free(path), free(pdf), free(fake), free(script), free(count);
}
