/* YAML → value tree (src/read/yaml_load.c): scalars, positions, errors. */
#include <criterion/criterion.h>
#include <string.h>

#include "../support/fixture.h"
#include "read/yaml_load.h"

static sg_value *load(const char *text, sg_diags *d) { return sg_yaml_load(text, strlen(text), "f.md", 1, d); }

Test(yaml_load, scalars_follow_the_core_schema)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("a: 12\nb: 12.5\nc: true\nd: ~\ne: '12'\nf: 2015-01-01\ng: yes\nh: -3\n", d);
	cr_assert_not_null(v);
	cr_assert_eq(sg_value_kind_of(sg_value_get(v, "a")), SG_VAL_NUMBER);
	cr_assert_float_eq(sg_value_as_number(sg_value_get(v, "b")), 12.5, 1e-12);
	cr_assert_eq(sg_value_kind_of(sg_value_get(v, "c")), SG_VAL_BOOL);
	cr_assert_eq(sg_value_kind_of(sg_value_get(v, "d")), SG_VAL_NULL);
	cr_assert_eq(sg_value_kind_of(sg_value_get(v, "e")), SG_VAL_STRING);
	cr_assert_str_eq(sg_value_as_string(sg_value_get(v, "f"), NULL), "2015-01-01");
	cr_assert_eq(sg_value_kind_of(sg_value_get(v, "g")), SG_VAL_STRING, "yes is text in YAML 1.2");
	cr_assert_float_eq(sg_value_as_number(sg_value_get(v, "h")), -3.0, 1e-12);
	cr_assert_eq(sg_diags_len(d), 0);
	sg_value_unref(v);
	sg_diags_free(d);
}

Test(yaml_load, positions_include_the_line_offset)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("title: A\nplaces:\n  - municipality: Borås\n", d);
	const sg_value *p = sg_value_item(sg_value_get(v, "places"), 0);
	const sg_value *m = sg_value_get(p, "municipality");
	cr_assert_eq(sg_value_line(m), 4); /* line 3 of the YAML + offset 1 */
	cr_assert_eq(sg_value_col(m), 19);
	sg_value_unref(v);
	sg_diags_free(d);
}

Test(yaml_load, duplicate_key_is_an_error_naming_both_lines)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("title: A\nyear: 1\ntitle: B\n", d);
	cr_assert_null(v);
	cr_assert_eq(sg_diags_errors(d), 1);
	const sg_diag *e = sg_diags_at(d, 0);
	cr_assert_eq(e->line, 4);
	cr_assert_str_eq(e->message, "the key 'title' appears twice (first on line 2); keep one");
	sg_diags_free(d);
}

Test(yaml_load, syntax_error_has_position_and_hint)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("title: A\n\tyear: 2015\n", d);
	cr_assert_null(v);
	const sg_diag *e = sg_diags_at(d, 0);
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 3);
	cr_assert_str_eq(e->message, "invalid YAML: found a tab character that violates indentation while scanning a plain scalar "
	                 "(YAML is indented with spaces, never tabs; replace the tab with spaces)");
	sg_diags_free(d);
}

Test(yaml_load, billion_laughs_is_refused)
{
	const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	                   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	                   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	                   "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	                   "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	                   "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	                   "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
	sg_diags *d = sg_diags_new();
	sg_value *v = load(bomb, d);
	cr_assert_null(v);
	cr_assert(strstr(sg_diags_at(d, 0)->message, "too many values") != NULL);
	sg_diags_free(d);
}

Test(yaml_load, small_aliases_work)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("a: &x {name: Borås}\nb: *x\n", d);
	cr_assert_not_null(v);
	cr_assert_str_eq(sg_value_as_string(sg_value_get(sg_value_get(v, "b"), "name"), NULL), "Borås");
	sg_value_unref(v);
	sg_diags_free(d);
}

Test(yaml_load, deep_nesting_is_refused)
{
	char deep[400];
	memset(deep, '[', 100);
	memset(deep + 100, ']', 100);
	deep[200] = '\0';
	sg_diags *d = sg_diags_new();
	sg_value *v = load(deep, d);
	cr_assert_null(v);
	cr_assert(strstr(sg_diags_at(d, 0)->message, "nested too deep") != NULL);
	sg_diags_free(d);
}

Test(yaml_load, huge_number_is_an_error)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("amount: 1e309\n", d);
	cr_assert_null(v);
	cr_assert(strstr(sg_diags_at(d, 0)->message, "too large") != NULL);
	sg_diags_free(d);
}

Test(yaml_load, json_is_accepted)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("{\"a\": [1, 2.5, \"x\"], \"b\": null, \"c\": false}", d);
	cr_assert_not_null(v);
	cr_assert_eq(sg_value_count(sg_value_get(v, "a")), 3);
	cr_assert_eq(sg_value_kind_of(sg_value_get(v, "c")), SG_VAL_BOOL);
	sg_value_unref(v);
	sg_diags_free(d);
}

/* Issue 11, item 3: control characters from escapes are refused at the escape. */
Test(yaml_load, escaped_control_characters_are_errors_at_the_escape)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("title: \"a\\u0000b\"\nb: \"x\\x1b[31m \\e \\a\\tok \\\n  \\U0000FFFF\"\nc: \"\\x96\"\n", d);
	cr_assert_not_null(v, "the rest of the document is still read");
	size_t len;
	const char *t = sg_value_as_string(sg_value_get(v, "title"), &len);
	cr_expect_eq(len, 2, "the NUL is left out, the text after it is kept");
	cr_expect_str_eq(t, "ab");
	cr_expect_str_eq(sg_value_as_string(sg_value_get(v, "b"), NULL), "x[31m  \tok ", "the tab stays");
	cr_expect_eq(sg_diags_errors(d), 6);
	const char *rest = "which cannot appear on a page, in a feed or in an e-mail; remove it";
	char want[300];
	snprintf(want, sizeof want, "the escape '\\u0000' is the control character U+0000 (NUL), %s", rest);
	cr_expect(diags_have(d, 2, 10, want), "NUL at line 2, col 10");
	snprintf(want, sizeof want, "the escape '\\x1b' is the control character U+001B (ESC), %s", rest);
	cr_expect(diags_have(d, 3, 6, want));
	snprintf(want, sizeof want, "the escape '\\e' is the control character U+001B (ESC), %s", rest);
	cr_expect(diags_have(d, 3, 15, want));
	snprintf(want, sizeof want, "the escape '\\a' is the control character U+0007 (BEL), %s", rest);
	cr_expect(diags_have(d, 3, 18, want));
	cr_expect(diags_have(d, 4, 3,
	                     "the escape '\\U0000FFFF' is U+FFFF, which is not a character and cannot appear on a page, "
	                     "in a feed or in an e-mail; remove it"), "after an escaped line break");
	cr_expect(diags_have(d, 5, 5,
	                     "the escape '\\x96' is the control character U+0096, which cannot appear on a page, in a feed "
	                     "or in an e-mail; it is probably '–' from text converted from Windows-1252: write '–' instead"));
	sg_value_unref(v);
	sg_diags_free(d);
}

Test(yaml_load, a_nul_title_is_an_error_and_never_an_empty_text)
{
	sg_diags *d = sg_diags_new();
	sg_value *v = load("title: \"\\0\"\n\"k\\u0001\": 1\n", d);
	cr_assert_not_null(v);
	cr_expect_eq(sg_diags_errors(d), 2);
	size_t len = 99;
	sg_value_as_string(sg_value_get(v, "title"), &len);
	cr_expect_eq(len, 0);
	cr_expect_not_null(sg_value_get(v, "k"), "the key without its control character");
	sg_value_unref(v);
	sg_diags_free(d);
}

Test(yaml_load, escapes_after_a_tag_are_found_and_many_are_counted)
{
	sg_diags *d = sg_diags_new();
	sg_buf t = SG_BUF_INIT;
	sg_buf_puts(&t, "a: !!str \"x\\a\"\nb: &k \"");
	for (int i = 0; i < 25; i++)
		sg_buf_puts(&t, "\\0");
	sg_buf_puts(&t, "\"\n");
	sg_value *v = load(sg_buf_cstr(&t), d);
	cr_assert_not_null(v);
	cr_expect_eq(sg_diags_errors(d), 21, "20 listed, then one error for the rest");
	cr_expect(diags_have(d, 2, 12,
	                     "the escape '\\a' is the control character U+0007 (BEL), which cannot appear on a page, in a "
	                     "feed or in an e-mail; remove it"), "after the tag");
	cr_expect(diags_have(d, 3, 46, "6 more control characters in this file (only the first 20 are listed); remove them"));
	sg_buf_free(&t);
	sg_value_unref(v);
	sg_diags_free(d);
}
