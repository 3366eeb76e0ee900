/* Colours (issue 17): the WCAG 2.1 contrast arithmetic against published figures; every
 * text colour pair of assets/style.css's own palette at AA; `colors:` in site.yaml and a
 * förbund file refused below AA with a suggestion that itself passes; and a chosen
 * palette reaching the pages (the site's on :root, a förbund's on its pages' class). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/color.h"
#include "util/fs.h"

static sg_rgb rgb(const char *s)
{
	sg_rgb c;
	cr_assert(sg_color_parse(s, &c), "'%s' is not a colour", s);
	return c;
}

static double ratio(const char *a, const char *b)
{
	return sg_color_contrast(rgb(a), rgb(b));
}

Test(color, parses_hex_and_refuses_the_rest)
{
	sg_rgb c;
	cr_expect(sg_color_parse("#0B3d62", &c));
	cr_expect(c.r == 0x0b && c.g == 0x3d && c.b == 0x62);
	cr_expect(sg_color_parse("#fff", &c));
	cr_expect(c.r == 255 && c.g == 255 && c.b == 255);
	const char *bad[] = {"0b3d62", "#0b3d6", "#0b3d622", "navy", "rgb(0,0,0)", "#ggg", " #fff", "#fff ", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_not(sg_color_parse(bad[i], &c), "'%s' read as a colour", bad[i]);
	char hex[8];
	cr_expect_str_eq(sg_color_hex(rgb("#ABC"), hex), "#aabbcc");
}

/* Figures from WCAG 2.1's definitions: black on white is 21:1, a colour on itself 1:1,
 * #767676 on white the well-known lightest grey at AA (4.54:1), #777777 just below. */
Test(color, contrast_matches_wcag)
{
	cr_expect_float_eq(ratio("#000000", "#ffffff"), 21.0, 1e-9);
	cr_expect_float_eq(ratio("#ffffff", "#000000"), 21.0, 1e-9);
	cr_expect_float_eq(ratio("#0b3d62", "#0b3d62"), 1.0, 1e-9);
	cr_expect_float_eq(ratio("#767676", "#ffffff"), 4.54, 0.005);
	cr_expect_lt(ratio("#777777", "#ffffff"), 4.5);
	cr_expect_float_eq(sg_color_luminance(rgb("#ffffff")), 1.0, 1e-9);
	cr_expect_float_eq(sg_color_luminance(rgb("#ff0000")), 0.2126, 1e-4);
}

Test(color, the_suggestion_passes_and_keeps_the_hue)
{
	const char *light[] = {"#6fa8dc", "#ffcc00", "#9e9e9e", "#ff6666", "#ffffff"};
	sg_rgb white = rgb("#ffffff"), soft = rgb("#f3f6f9");
	for (size_t i = 0; i < sizeof light / sizeof *light; i++) {
		sg_rgb c = rgb(light[i]);
		sg_rgb d = sg_color_darken_to(sg_color_darken_to(c, white, 4.5), soft, 4.5);
		cr_expect_geq(sg_color_contrast(d, white), 4.5, "%s", light[i]);
		cr_expect_geq(sg_color_contrast(d, soft), 4.5, "%s", light[i]);
		/* the lightest that passes: one step lighter would not */
		cr_expect_lt(sg_color_contrast(d, soft), 4.9, "%s darkened further than needed", light[i]);
		if (c.r >= c.g && c.g >= c.b)
			cr_expect(d.r >= d.g && d.g >= d.b, "%s changed hue", light[i]);
	}
	sg_rgb dark = rgb("#0b3d62");
	sg_rgb same = sg_color_darken_to(dark, white, 4.5);
	cr_expect(same.r == dark.r && same.g == dark.g && same.b == dark.b, "a colour that passes is kept");
}

/* The value of custom property `name` in style.css's :root (malloc'd). */
static char *css_var(const char *css, const char *name)
{
	char *key = sg_asprintf("--%s:", name);
	const char *p = strstr(css, key);
	cr_assert_not_null(p, "style.css has no %s", key);
	p += strlen(key);
	size_t n = strcspn(p, ";}");
	free(key);
	return sg_strndup(p, n);
}

/* Every pair of text and ground the stylesheet draws, at 4.5:1 (normal text). The
 * fixed colours are read from the stylesheet too, so that a change there is tested. */
Test(color, the_default_palette_meets_aa)
{
	size_t len;
	char *css = sg_read_file("assets/style.css", &len, 1 << 20);
	cr_assert_not_null(css);
	struct {
		const char *fg, *bg;
	} pairs[] = {
		{"ink", "bg"},   {"muted", "bg"}, {"muted", "soft"}, {"link", "bg"}, {"link", "soft"},
		{"ok", "bg"},    {"ok", "soft"},  {"no", "bg"},      {"no", "soft"}, {"brand", "bg"},
		{"#fff", "brand"}, /* the header */
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		char *fg = pairs[i].fg[0] == '#' ? sg_strdup(pairs[i].fg) : css_var(css, pairs[i].fg);
		char *bg = css_var(css, pairs[i].bg);
		cr_expect_geq(ratio(fg, bg), 4.5, "%s (%s) on %s (%s): %.2f:1", pairs[i].fg, fg, pairs[i].bg, bg,
		              ratio(fg, bg));
		free(fg), free(bg);
	}
	/* the buttons and the error messages, whose colours are written out */
	const char *fixed[][2] = {{"#fff", "#00703c"}, {"#fff", "#005a30"}, {"#b10e1e", "#fff"}};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		const char *used = fixed[i][0][4] ? fixed[i][0] : fixed[i][1];
		cr_expect_not_null(strstr(css, used), "style.css no longer uses %s: update this test", used);
		cr_expect_geq(ratio(fixed[i][0], fixed[i][1]), 4.5, "%s on %s", fixed[i][0], fixed[i][1]);
	}
	free(css);
}

static char *site_with(const char *site_colors, const char *forbund_colors)
{
	char *site = sg_asprintf("title: Testportal\nbase_url: https://example.se/\nregion: Testlän\n"
	                         "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: "
	                         "/kontakt/}}\n%s",
	                         site_colors);
	char *fb = sg_asprintf("---\ntitle: Sjuhärads samordningsförbund\norgnr: \"222000-2105\"\n%smembers:\n"
	                       "  - {name: Borås, code: \"1490\"}\n---\nOm förbundet.\n",
	                       forbund_colors);
	const fixture_file files[] = {
		{"site.yaml", site},
		{"forbund/sjuharad.md", fb},
		{"insatser/sjuharad/steget.md", "---\ntitle: Steget\nreviewed: 2020-05-01\n---\nText.\n"},
	};
	char *root = fixture_make(files, sizeof files / sizeof *files);
	free(site), free(fb);
	return root;
}

Test(palette, chosen_colours_reach_the_pages)
{
	char *root = site_with("colors: {brand: \"#5a2d82\", link: \"#1d5c96\"}\n", "colors:\n  brand: \"#7a1f1f\"\n");
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_assert_eq(rc, 0, "exit %d:\n%s", rc, log.ptr);
	char *home = fixture_read(root, "site/index.html");
	cr_expect_not_null(strstr(home, "<style>:root{--brand:#5a2d82;--link:#1d5c96;}.fb-sjuharad{--brand:#7a1f1f;}</style>"),
	                   "%s", home);
	cr_expect_null(strstr(home, "<body class="), "the home page is the site's, not a förbund's");
	char *fb = fixture_read(root, "site/forbund/sjuharad/index.html");
	cr_expect_not_null(strstr(fb, "<body class=\"fb-sjuharad\">"));
	char *ins = fixture_read(root, "site/insats/sjuharad/steget/index.html");
	cr_expect_not_null(strstr(ins, "<body class=\"fb-sjuharad\">"));
	char *other = fixture_read(root, "site/kommun/boras/index.html");
	cr_expect_not_null(strstr(other, "<body>"), "a kommun page is the site's");
	free(other);
	free(home), free(fb), free(ins), free(log.ptr), free(root);
}

Test(palette, a_site_without_colours_has_no_inline_style)
{
	char *root = site_with("", "");
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_assert_eq(rc, 0, "exit %d:\n%s", rc, log.ptr);
	char *home = fixture_read(root, "site/index.html");
	cr_expect_null(strstr(home, "<style>"));
	cr_expect_not_null(strstr(home, "<body>"));
	free(home), free(log.ptr), free(root);
}

Test(palette, colours_below_aa_are_refused_with_a_colour_that_passes)
{
	char *root = site_with("colors: {brand: \"#6fa8dc\", link: blue}\n", "colors:\n  link: \"#8ab4f8\"\n  logo: x\n"
	                       "  brand: \"#777777\"\n");
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "check --content %s/content --now 2020-06-01", root);
	cr_expect_eq(rc, 1, "exit %d:\n%s", rc, log.ptr);
	cr_expect_not_null(strstr(log.ptr, "site.yaml:5:17: error: colors: 'brand' #6fa8dc has a contrast of 2.5:1 with "
	                                   "white text on it (the header, buttons, the menu); WCAG 2.1 AA asks for at "
	                                   "least 4.5:1: choose a darker colour, e.g. \"#"),
	                   "%s", log.ptr);
	cr_expect_not_null(strstr(log.ptr, "colors: 'link' must be a colour written #rrggbb"), "%s", log.ptr);
	cr_expect_not_null(strstr(log.ptr, "forbund/sjuharad.md:5:9: error: colors: 'link' #8ab4f8"), "%s", log.ptr);
	/* #777777 on white is 4.48:1: shown rounded down, 4.4, never as the 4.5 it misses */
	cr_expect_not_null(strstr(log.ptr, "forbund/sjuharad.md:7:10: error: colors: 'brand' #777777 has a contrast of "
	                                   "4.4:1 with white text on it"),
	                   "%s", log.ptr);
	/* the suggested colour passes every pair */
	cr_expect_null(strstr(log.ptr, "of 4.5:1"), "a failing ratio is never shown as the one asked for");
	const char *e = strstr(log.ptr, "e.g. \"#");
	cr_assert_not_null(e);
	char hex[8];
	memcpy(hex, e + 6, 7);
	hex[7] = '\0';
	cr_expect_geq(ratio(hex, "#ffffff"), 4.5, "%s", hex);
	free(log.ptr), free(root);
}
