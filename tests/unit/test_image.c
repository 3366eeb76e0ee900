/* The image module (src/model/image.c): the widths and names of what is written, the
 * content folder of a content file, the hash that names the outputs, and the SVG check
 * that keeps scripts and outside links off the site. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "model/image.h"
#include "read/kinds.h"

/* An image of w × h pixels named foto.jpg, hash "0123456789abcdef". */
static sg_image image_of(int w, int h, bool alpha)
{
	sg_image img = {0};
	img.width = w;
	img.height = h;
	img.alpha = alpha;
	img.stem = "foto";
	memcpy(img.hash, "0123456789abcdef", 17);
	return img;
}

static void expect_widths(int w, const int *want, size_t n_want)
{
	sg_image img = image_of(w, 100, false);
	int got[SG_IMAGE_MAX_WIDTHS];
	size_t n = sg_image_widths(&img, got);
	cr_expect_eq(n, n_want, "an image %d wide: %zu widths, wanted %zu", w, n, n_want);
	for (size_t i = 0; i < n && i < n_want; i++)
		cr_expect_eq(got[i], want[i], "an image %d wide: width %zu is %d, wanted %d", w, i, got[i], want[i]);
}

Test(image, widths_are_never_upscaled_and_end_at_the_image_or_1600)
{
	expect_widths(300, (int[]){300}, 1);
	expect_widths(480, (int[]){480}, 1);
	expect_widths(700, (int[]){480, 700}, 2);
	expect_widths(960, (int[]){480, 960}, 2);
	expect_widths(1200, (int[]){480, 960, 1200}, 3);
	expect_widths(1600, (int[]){480, 960, 1600}, 3);
	expect_widths(4000, (int[]){480, 960, 1600}, 3);
}

Test(image, height_keeps_the_aspect_ratio)
{
	sg_image img = image_of(2000, 1000, false);
	cr_expect_eq(sg_image_height_at(&img, 480), 240);
	cr_expect_eq(sg_image_height_at(&img, 1600), 800);
	sg_image thin = image_of(3000, 1, false);
	cr_expect_eq(sg_image_height_at(&thin, 480), 1, "never 0 pixels high");
}

Test(image, outputs_are_named_by_stem_hash_width_and_format)
{
	sg_image img = image_of(2000, 1000, false);
	char *webp = sg_image_output(&img, 480, "webp");
	cr_expect_str_eq(webp, "bilder/foto-01234567-480.webp");
	free(webp);
	cr_expect_str_eq(sg_image_fallback_ext(&img), "jpg");
	sg_image clear = image_of(200, 100, true);
	cr_expect_str_eq(sg_image_fallback_ext(&clear), "png", "an image with alpha falls back to PNG");
	sg_image logo = image_of(64, 64, false);
	logo.stem = "logo";
	logo.format = SG_IMG_SVG;
	char *l = sg_logo_output(&logo);
	cr_expect_str_eq(l, "bilder/logo-01234567.svg");
	free(l);
}

Test(image, hash_covers_the_bytes)
{
	char a[17], b[17], c[17];
	sg_image_hash("abc", 3, a);
	sg_image_hash("abc", 3, b);
	sg_image_hash("abd", 3, c);
	cr_expect_str_eq(a, b);
	cr_expect_str_neq(a, c);
	cr_expect_eq(strlen(a), 16);
}

Test(image, content_dir_of_each_kind)
{
	char *d = sg_image_content_dir("content/sidor/om.md", SG_SRC_SIDA);
	cr_expect_str_eq(d, "content");
	free(d);
	d = sg_image_content_dir("x/content/insatser/sjuharad/a.md", SG_SRC_INSATS);
	cr_expect_str_eq(d, "x/content");
	free(d);
	d = sg_image_content_dir("content/site.yaml", SG_SRC_SITE);
	cr_expect_str_eq(d, "content");
	free(d);
}

/* sg_svg_unsafe on text: what it finds (NULL: clean) and where. */
static const char *unsafe(const char *svg, int *line, int *col)
{
	int l = 0, c = 0;
	const char *why = sg_svg_unsafe(svg, strlen(svg), &l, &c);
	if (line)
		*line = l;
	if (col)
		*col = c;
	return why;
}

Test(image, a_clean_svg_passes)
{
	const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
	                  "<defs><linearGradient id=\"g\"/></defs><title>Förbundet's logo</title>\n"
	                  "<rect fill=\"url(#g)\" width=\"10\" height=\"10\" data-one=\"x\"/>\n"
	                  "<style>rect{fill:url('#g')}</style></svg>\n";
	cr_expect_null(unsafe(svg, NULL, NULL), "%s", unsafe(svg, NULL, NULL));
}

Test(image, scripts_events_and_outside_links_are_found_where_they_are)
{
	int line, col;
	cr_expect_str_eq(unsafe("<svg>\n  <script>alert(1)</script></svg>", &line, &col), "a <script> element");
	cr_expect_eq(line, 2);
	cr_expect_eq(col, 3);
	cr_expect_str_eq(unsafe("<svg><SCRIPT>x</SCRIPT></svg>", NULL, NULL), "a <script> element", "any case");
	cr_expect_str_eq(unsafe("<svg><rect onload=\"alert(1)\"/></svg>", &line, &col),
	                 "an event attribute (on…), which runs a script");
	cr_expect_eq(col, 12);
	cr_expect_str_eq(unsafe("<svg><rect\tONCLICK = 'x'/></svg>", NULL, NULL),
	                 "an event attribute (on…), which runs a script");
	cr_expect_str_eq(unsafe("<svg><foreignObject><p>x</p></foreignObject></svg>", NULL, NULL),
	                 "a <foreignObject> element");
	cr_expect_str_eq(unsafe("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>", NULL, NULL),
	                 "a <!DOCTYPE> declaration");
	cr_expect_str_eq(unsafe("<svg><image href=\"https://evil.example/x.png\"/></svg>", NULL, NULL),
	                 "an <image> element");
	cr_expect_str_eq(unsafe("<svg><rect fill=\"url(https://evil.example/a)\"/></svg>", NULL, NULL),
	                 "a url() that is not a '#' inside the drawing");
	cr_expect_str_eq(unsafe("<svg><linearGradient xlink:href=\"data:x\"/></svg>", NULL, NULL),
	                 "a link (href) to something outside the drawing");
	cr_expect_str_eq(unsafe("<svg><style>@import 'x.css';</style></svg>", NULL, NULL), "an @import");
	/* an attribute's value is not read as markup, but a name starting with "on" inside a
	 * word is not an event attribute */
	cr_expect_null(unsafe("<svg><text>onto = the table</text><rect data-x=\"<script\"/></svg>", NULL, NULL));
	cr_expect_null(unsafe("<svg><linearGradient href=\"#g\"/></svg>", NULL, NULL), "a '#' link stays inside");
}
