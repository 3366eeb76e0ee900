/* fixture.h — test helper: make a throw-away content folder from inline files, and
 * small assertions on diagnostics. Header-only so each test binary stays standalone. */
#ifndef SG_TEST_FIXTURE_H
#define SG_TEST_FIXTURE_H
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/fs.h"

typedef struct {
	const char *path; /* relative to the content folder */
	const char *text;
} fixture_file;

/* A valid little site; tests add or replace files. */
#define FIXTURE_SITE                                                                                           \
	{"site.yaml", "title: Testportal\nbase_url: https://example.se/\nregion: Testlän\n"                          \
	              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"}
#define FIXTURE_FORBUND                                                                                        \
	{"forbund/sjuharad.md", "---\ntitle: Sjuhärads samordningsförbund\norgnr: \"222000-2105\"\nmembers:\n"     \
	                        "  - {name: Borås, code: \"1490\"}\n  - {name: Mark, code: \"1463\"}\n"           \
	                        "  - {name: Svenljunga, code: \"1465\"}\n---\nOm förbundet.\n"}

/* Writes the files under a fresh temporary folder; returns its path (malloc'd). */
static inline char *fixture_make(const fixture_file *files, size_t n)
{
	char tmpl[] = "/tmp/sofgen-test-XXXXXX";
	char *root = mkdtemp(tmpl);
	cr_assert_not_null(root);
	char *content = sg_path_join(root, "content");
	for (size_t i = 0; i < n; i++) {
		char *path = sg_path_join(content, files[i].path);
		char *dir = sg_strdup(path);
		*strrchr(dir, '/') = '\0';
		cr_assert_eq(sg_mkdirs(dir), 0);
		cr_assert_eq(sg_write_file(path, files[i].text, strlen(files[i].text)), 0);
		free(dir);
		free(path);
	}
	free(content);
	return sg_strdup(root);
}

/* True when some diagnostic's "line:col: message" tail matches exactly. */
static inline bool diags_have(const sg_diags *d, int line, int col, const char *message)
{
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = sg_diags_at(d, i);
		if (x->line == line && x->col == col && strcmp(x->message, message) == 0)
			return true;
	}
	return false;
}

static inline void diags_dump(const sg_diags *d)
{
	sg_diags_print(d, stderr);
}

#endif
