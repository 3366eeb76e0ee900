/* Writing (src/write/output.c): the temporary folder and the atomic swap. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

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
