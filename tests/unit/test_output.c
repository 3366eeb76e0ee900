/* Writing (src/write/output.c): the temporary folder, the atomic swap and the reuse of
 * unchanged files (--incremental). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/fs.h"
#include "write/output.h"

static char *tmp(void)
{
	char t[] = "/tmp/sofgen-out-XXXXXX";
	cr_assert_not_null(mkdtemp(t));
	return sg_strdup(t);
}

Test(output, commit_swaps_and_abort_keeps_the_old_site)
{
	char *dir = tmp();
	char *site = sg_path_join(dir, "site");
	sg_diags *d = sg_diags_new();
	sg_output *o = sg_output_begin(site, d);
	cr_assert_not_null(o);
	cr_assert_eq(sg_output_write(o, "a/b/index.html", "one", 3, d), 0);
	cr_assert_not(sg_exists(site), "nothing is visible before commit");
	cr_assert_eq(sg_output_commit(o, d), 0);
	char *file = sg_path_join(site, "a/b/index.html");
	size_t len;
	char *s = sg_read_file(file, &len, 100);
	cr_assert_str_eq(s, "one");
	free(s);

	o = sg_output_begin(site, d);
	cr_assert_not_null(o);
	sg_output_write(o, "a/b/index.html", "two", 3, d);
	sg_output_abort(o);
	s = sg_read_file(file, &len, 100);
	cr_assert_str_eq(s, "one", "an aborted build changes nothing");
	free(s);

	o = sg_output_begin(site, d);
	sg_output_write(o, "new.html", "x", 1, d);
	cr_assert_eq(sg_output_commit(o, d), 0);
	cr_assert_not(sg_exists(file), "the old tree is replaced whole");
	size_t n;
	char **names = sg_list_dir(dir, &n);
	cr_assert_eq(n, 1, "no temporary folder is left");
	sg_free_names(names, n);
	cr_assert_eq(sg_diags_len(d), 0);
	sg_diags_free(d);
	sg_remove_tree(dir);
	free(file);
	free(site);
	free(dir);
}

Test(output, refuses_a_foreign_folder)
{
	char *dir = tmp();
	char *keep = sg_path_join(dir, "thesis.txt");
	sg_write_file(keep, "x", 1);
	sg_diags *d = sg_diags_new();
	cr_assert_null(sg_output_begin(dir, d));
	cr_assert_eq(sg_diags_errors(d), 1);
	cr_assert(sg_is_file(keep));
	sg_diags_free(d);
	sg_remove_tree(dir);
	free(keep);
	free(dir);
}

/* ---- --incremental: files equal to the previous site's are linked from it ---- */

static ino_t inode(const char *dir, const char *rel)
{
	char *p = sg_path_join(dir, rel);
	struct stat st;
	cr_assert_eq(lstat(p, &st), 0, "missing %s", p);
	free(p);
	return st.st_ino;
}

static void expect_bytes(const char *dir, const char *rel, const char *want)
{
	char *p = sg_path_join(dir, rel);
	size_t len;
	char *s = sg_read_file(p, &len, 1000);
	cr_assert_not_null(s, "cannot read %s", p);
	cr_expect_str_eq(s, want, "%s", p);
	free(s);
	free(p);
}

/* One build of the three files, with or without reuse; returns how many were reused. */
static size_t build3(const char *site, bool reuse, const char *b, sg_diags *d)
{
	sg_output *o = sg_output_begin(site, d);
	cr_assert_not_null(o);
	if (reuse)
		sg_output_reuse_unchanged(o);
	cr_assert_eq(sg_output_write(o, "a/index.html", "same", 4, d), 0);
	cr_assert_eq(sg_output_write(o, "b/index.html", b, strlen(b), d), 0);
	cr_assert_eq(sg_output_write(o, "link.html", "target", 6, d), 0);
	size_t n = sg_output_reused(o);
	cr_assert_eq(sg_output_commit(o, d), 0);
	return n;
}

Test(output, reuse_links_unchanged_files_and_writes_changed_ones)
{
	char *dir = tmp();
	char *site = sg_path_join(dir, "site");
	sg_diags *d = sg_diags_new();
	cr_assert_eq(build3(site, true, "one", d), 0, "no previous site: nothing to reuse");
	/* link.html of the previous site is a symbolic link to a file with the right bytes */
	char *outside = sg_path_join(dir, "outside.html"), *link = sg_path_join(site, "link.html");
	sg_write_file(outside, "target", 6);
	cr_assert_eq(unlink(link), 0);
	cr_assert_eq(symlink(outside, link), 0);
	ino_t a = inode(site, "a/index.html"), b = inode(site, "b/index.html"), l = inode(site, "link.html");

	cr_expect_eq(build3(site, true, "two", d), 1, "only a/index.html is unchanged");
	cr_expect_eq(inode(site, "a/index.html"), a, "an unchanged file keeps its inode");
	cr_expect_neq(inode(site, "b/index.html"), b, "a changed file is a new file");
	expect_bytes(site, "a/index.html", "same");
	expect_bytes(site, "b/index.html", "two");
	struct stat st;
	cr_assert_eq(lstat(link, &st), 0);
	cr_expect(S_ISREG(st.st_mode), "a symbolic link is neither followed nor kept");
	cr_expect_neq(st.st_ino, l);
	expect_bytes(site, "link.html", "target");
	char *old = sg_path_join(site, "a/index.html");
	cr_assert_eq(stat(old, &st), 0);
	cr_expect_eq(st.st_nlink, 1, "the previous site is gone, its link with it");

	a = inode(site, "a/index.html");
	cr_expect_eq(build3(site, false, "two", d), 0);
	cr_expect_neq(inode(site, "a/index.html"), a, "without reuse every file is new");
	expect_bytes(site, "a/index.html", "same");
	size_t n;
	char **names = sg_list_dir(dir, &n);
	cr_expect_eq(n, 2, "only site/ and outside.html: no temporary folder is left");
	sg_free_names(names, n);
	expect_bytes(dir, "outside.html", "target");
	cr_assert_eq(sg_diags_len(d), 0);
	sg_diags_free(d);
	sg_remove_tree(dir);
	free(old);
	free(outside);
	free(link);
	free(site);
	free(dir);
}

Test(output, a_reused_file_is_never_written_through)
{
	/* a build that links a file and then writes the same path again (an asset over a
	 * page) must make a new file, not change the previous site's */
	char *dir = tmp();
	char *site = sg_path_join(dir, "site");
	sg_diags *d = sg_diags_new();
	sg_output *o = sg_output_begin(site, d);
	sg_output_write(o, "robots.txt", "old", 3, d);
	cr_assert_eq(sg_output_commit(o, d), 0);

	o = sg_output_begin(site, d);
	sg_output_reuse_unchanged(o);
	cr_assert_eq(sg_output_write(o, "robots.txt", "old", 3, d), 0);
	cr_assert_eq(sg_output_reused(o), 1);
	cr_assert_eq(sg_output_write(o, "robots.txt", "new!", 4, d), 0);
	expect_bytes(site, "robots.txt", "old");
	sg_output_abort(o);
	expect_bytes(site, "robots.txt", "old");
	cr_assert_eq(sg_diags_len(d), 0);
	sg_diags_free(d);
	sg_remove_tree(dir);
	free(site);
	free(dir);
}

Test(output, reuse_needs_the_marker_of_a_previous_site)
{
	char *dir = tmp();
	char *site = sg_path_join(dir, "site");
	sg_diags *d = sg_diags_new();
	cr_assert_eq(build3(site, false, "one", d), 0);
	/* the marker is gone (and the folder not empty): sofgen refuses it altogether */
	char *marker = sg_path_join(site, ".sofgen-output");
	cr_assert_eq(unlink(marker), 0);
	cr_expect_null(sg_output_begin(site, d));
	cr_expect_eq(sg_diags_errors(d), 1);
	/* the marker is a symbolic link to a file: begin accepts it, reuse does not */
	char *fake = sg_path_join(dir, "fake");
	sg_write_file(fake, "built by sofgen\n", 16);
	cr_assert_eq(symlink(fake, marker), 0);
	ino_t a = inode(site, "a/index.html");
	cr_expect_eq(build3(site, true, "one", d), 0, "no reuse without a real marker");
	cr_expect_neq(inode(site, "a/index.html"), a);
	sg_diags_free(d);
	sg_remove_tree(dir);
	free(fake);
	free(marker);
	free(site);
	free(dir);
}

Test(output, removes_a_tree_without_allocating)
{
	char tmpl[] = "/tmp/sofgen-test-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *dir = sg_path_join(tmpl, "site.tmp-1");
	const char *files[] = {"index.html", ".sofgen-output", "a/b/c/d.html", "a/e.css", "kommun/boras/index.html"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *p = sg_path_join(dir, files[i]);
		char *parent = sg_strdup(p);
		*strrchr(parent, '/') = '\0';
		cr_assert_eq(sg_mkdirs(parent), 0);
		cr_assert_eq(sg_write_file(p, "x", 1), 0);
		free(parent);
		free(p);
	}
	char *link = sg_path_join(dir, "a/link");
	cr_assert_eq(symlink(tmpl, link), 0); /* a link is removed, never followed */
	free(link);
	for (int i = 0; i < 300; i++) { /* more names than one read of the folder returns */
		char *p = sg_asprintf("%s/many/file-with-a-longer-name-%03d.html", dir, i);
		if (i == 0) {
			char *m = sg_path_join(dir, "many");
			cr_assert_eq(sg_mkdirs(m), 0);
			free(m);
		}
		cr_assert_eq(sg_write_file(p, "x", 1), 0);
		free(p);
	}
	cr_assert_eq(sg_remove_tree_noalloc(dir, ".sofgen-output"), 0);
	cr_expect_not(sg_exists(dir));
	cr_expect(sg_is_dir(tmpl), "the folder around it stays");
	cr_expect_eq(sg_remove_tree_noalloc(dir, NULL), 0, "a folder that is gone is fine");
	free(dir);
	sg_remove_tree(tmpl);
}
