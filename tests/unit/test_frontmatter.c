/* Front-matter splitting and text normalisation (src/read/frontmatter.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "read/frontmatter.h"

Test(frontmatter, splits_yaml_and_body_with_line_numbers)
{
	const char *t = "---\ntitle: A\nyear: 2015\n---\n\n# Body\n";
	sg_fm_split s;
	cr_assert_eq(sg_frontmatter_split(t, strlen(t), &s), SG_FM_OK);
	cr_assert_eq(s.yaml_line, 2);
	cr_assert_eq(s.yaml_len, strlen("title: A\nyear: 2015\n"));
	cr_assert(strncmp(s.yaml, "title: A", 8) == 0);
	cr_assert_eq(s.body_line, 5);
	cr_assert_str_eq(s.body, "\n# Body\n");
}

Test(frontmatter, no_opening_fence_is_reported)
{
	const char *t = "title: A\n---\n";
	sg_fm_split s;
	cr_assert_eq(sg_frontmatter_split(t, strlen(t), &s), SG_FM_NONE);
	cr_assert_eq(s.body, t);
}

Test(frontmatter, unclosed_is_reported)
{
	const char *t = "---\ntitle: A\n";
	sg_fm_split s;
	cr_assert_eq(sg_frontmatter_split(t, strlen(t), &s), SG_FM_UNCLOSED);
}

Test(frontmatter, fence_must_be_alone_on_its_line)
{
	const char *t = "---\ntitle: A\n--- not a fence\n---\nbody";
	sg_fm_split s;
	cr_assert_eq(sg_frontmatter_split(t, strlen(t), &s), SG_FM_OK);
	cr_assert_str_eq(s.body, "body");
	cr_assert_eq(s.body_line, 5);
}

Test(frontmatter, empty_front_matter)
{
	const char *t = "---\n---\nx";
	sg_fm_split s;
	cr_assert_eq(sg_frontmatter_split(t, strlen(t), &s), SG_FM_OK);
	cr_assert_eq(s.yaml_len, 0);
	cr_assert_str_eq(s.body, "x");
}

Test(normalize, drops_bom_and_crlf)
{
	char t[] = "\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nbody\rend";
	size_t len = strlen(t);
	sg_text_normalize(t, &len);
	cr_assert_str_eq(t, "---\ntitle: A\n---\nbody\nend");
	cr_assert_eq(len, strlen(t));
}
