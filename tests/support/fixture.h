/* fixture.h — test helper: make a throw-away content folder from inline files, and
 * small assertions on diagnostics. Header-only so each test binary stays standalone. */
#ifndef SG_TEST_FIXTURE_H
#define SG_TEST_FIXTURE_H
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* Copies a file, or a folder with everything in it (symbolic links are skipped), to
 * `to`. Returns 0 or -1. */
static inline int fixture_copy_tree(const char *from, const char *to)
{
	struct stat st;
	if (lstat(from, &st) != 0)
		return -1;
	if (S_ISREG(st.st_mode)) {
		size_t len;
		char *data = sg_read_file(from, &len, (size_t)1 << 34);
		if (!data)
			return -1;
		int rc = sg_write_file(to, data, len);
		free(data);
		return rc;
	}
	if (!S_ISDIR(st.st_mode))
		return 0;
	if (sg_mkdirs(to) != 0)
		return -1;
	size_t n;
	char **names = sg_list_dir(from, &n);
	if (!names)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *a = sg_path_join(from, names[i]), *b = sg_path_join(to, names[i]);
		rc = fixture_copy_tree(a, b);
		free(a);
		free(b);
	}
	sg_free_names(names, n);
	return rc;
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

/* The file dir/rel of a built site (caller frees); the test fails when it is missing. */
static inline char *fixture_read(const char *dir, const char *rel)
{
	char *p = sg_asprintf("%s/%s", dir, rel);
	size_t len;
	char *s = sg_read_file(p, &len, (size_t)1 << 26);
	cr_assert_not_null(s, "missing %s", p);
	free(p);
	return s;
}

/* How often needle occurs in hay (not overlapping). */
static inline size_t fixture_count(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += len)
		n++;
	return n;
}

#endif
