/* Integration: images on pages (issue 17). A site with a photo on a page, a PNG with
 * alpha on an event and a PNG logo is built with the binary; the pages must hold a
 * <picture> whose srcset names files that exist with the widths claimed, width and
 * height for no layout shift, the alt text, no loading="lazy" on the page's first image;
 * the favicons are made from the logo; a second build takes every image file from the
 * first (same inode: not made again), and a changed image gets new files. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <vips/vips.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/alloc.h"
#include "util/fs.h"

/* Writes a w × h image with `bands` bands (4: with alpha), of the grey level `level`, to path. */
static void make_image(const char *path, int w, int h, int bands, double level)
{
	VipsImage *black = NULL, *grey = NULL, *u8 = NULL;
	cr_assert_eq(vips_black(&black, w, h, "bands", bands, NULL), 0);
	cr_assert_eq(vips_linear1(black, &grey, 1.0, level, NULL), 0);
	cr_assert_eq(vips_cast_uchar(grey, &u8, NULL), 0);
	u8->Type = bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W;
	cr_assert_eq(vips_image_write_to_file(u8, path, NULL), 0, "%s: %s", path, vips_error_buffer());
	g_object_unref(u8), g_object_unref(grey), g_object_unref(black);
}

static char *site(void)
{
	const fixture_file files[] = {
		{"site.yaml", "title: Testportal\nbase_url: https://example.se/\nregion: Testlän\nlogo: logo.png\n"
		              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"},
		FIXTURE_FORBUND,
		{"sidor/om.md", "---\ntitle: Om oss\nimage:\n  src: foto.jpg\n  alt: Två personer vid ett bord\n---\nText.\n"},
		{"evenemang/2020-05-traff.md", "---\ntitle: Träff\nstart: 2020-05-04T09:00\nimage:\n  src: /bilder/genom.png\n"
		                               "  alt: \"\"\n  decorative: true\n---\nText.\n"},
	};
	char *root = fixture_make(files, sizeof files / sizeof *files);
	char *dir = sg_asprintf("%s/content/bilder", root);
	cr_assert_eq(sg_mkdirs(dir), 0);
	char *p = sg_asprintf("%s/foto.jpg", dir);
	make_image(p, 2000, 1000, 3, 90);
	free(p);
	p = sg_asprintf("%s/genom.png", dir);
	make_image(p, 700, 300, 4, 200);
	free(p);
	p = sg_asprintf("%s/logo.png", dir);
	make_image(p, 200, 100, 3, 30);
	free(p);
	free(dir);
	return root;
}

static void build(const char *root, sg_buf *log)
{
	int rc = run(log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_assert_eq(rc, 0, "exit %d:\n%s", rc, log->ptr);
}

static char *page(const char *root, const char *rel)
{
	char *p = sg_asprintf("%s/site/%s", root, rel);
	size_t len;
	char *s = sg_read_file(p, &len, (size_t)1 << 26);
	cr_assert_not_null(s, "missing %s", p);
	free(p);
	return s;
}

/* The value of attribute `name` in the first tag starting with `tag` (malloc'd). */
static char *attr(const char *html, const char *tag, const char *name)
{
	const char *t = strstr(html, tag);
	cr_assert_not_null(t, "no %s in the page", tag);
	const char *end = strchr(t, '>');
	char *key = sg_asprintf(" %s=\"", name);
	const char *a = strstr(t, key);
	cr_assert(a && a < end, "%s has no %s", tag, name);
	a += strlen(key);
	free(key);
	return sg_strndup(a, strcspn(a, "\""));
}

/* Every "URL Ww" of srcset names a file of the site W pixels wide; returns how many. */
static size_t check_srcset(const char *root, const char *srcset)
{
	size_t n = 0;
	char *copy = sg_strdup(srcset), *save = NULL;
	for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char url[256];
		int w;
		cr_assert_eq(sscanf(item, " %255s %dw", url, &w), 2, "srcset item '%s'", item);
		char *path = sg_asprintf("%s/site%s", root, url);
		VipsImage *im = vips_image_new_from_file(path, NULL);
		cr_assert_not_null(im, "%s is not an image the site has", path);
		cr_expect_eq(vips_image_get_width(im), w, "%s is %d wide, srcset says %d", url, vips_image_get_width(im), w);
		g_object_unref(im);
		free(path);
		n++;
	}
	free(copy);
	return n;
}

static ino_t inode(const char *root, const char *url)
{
	char *path = sg_asprintf("%s/site%s", root, url);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0, "%s", path);
	free(path);
	return st.st_ino;
}

Test(images, pages_hold_pictures_of_files_that_exist_in_the_widths_claimed)
{
	char *root = site();
	sg_buf log = SG_BUF_INIT;
	build(root, &log);
	char *html = page(root, "sidor/om/index.html");
	char *webp = attr(html, "<source type=\"image/webp\"", "srcset");
	char *jpg = attr(html, "<img src=\"/bilder/foto-", "srcset");
	cr_expect_eq(check_srcset(root, webp), 3, "480, 960 and 1600: %s", webp);
	cr_expect_eq(check_srcset(root, jpg), 3, "%s", jpg);
	cr_expect(strstr(webp, ".webp 1600w") && strstr(jpg, ".jpg 480w"), "%s / %s", webp, jpg);
	char *w = attr(html, "<img src=\"/bilder/foto-", "width"), *h = attr(html, "<img src=\"/bilder/foto-", "height");
	cr_expect_str_eq(w, "1600");
	cr_expect_str_eq(h, "800");
	char *alt = attr(html, "<img src=\"/bilder/foto-", "alt");
	cr_expect_str_eq(alt, "Två personer vid ett bord");
	cr_expect_null(strstr(html, "loading=\"lazy\""), "the first image of the page is not lazy");
	cr_expect(has(html, "sizes=\"(min-width: 64rem) 62rem, 100vw\""));
	free(webp), free(jpg), free(w), free(h), free(alt);

	/* a PNG with alpha, narrower than 960: PNG fallback, its own width last; decorative: alt="" */
	char *ev = page(root, "evenemang/2020-05-traff/index.html");
	char *ev_png = attr(ev, "<img src=\"/bilder/genom-", "srcset");
	cr_expect_eq(check_srcset(root, ev_png), 2, "480 and 700: %s", ev_png);
	cr_expect(strstr(ev_png, ".png 700w") != NULL, "%s", ev_png);
	char *ev_alt = attr(ev, "<img src=\"/bilder/genom-", "alt");
	cr_expect_str_eq(ev_alt, "");
	free(ev_png), free(ev_alt), free(ev);

	/* the logo in the header beside the name, and the icons made from it */
	cr_expect(has(html, "<p class=\"logo\"><a href=\"/\"><img src=\"/bilder/logo-"), "header logo");
	cr_expect(has(html, "alt=\"\" width=\"96\" height=\"48\">Testportal</a>"), "the name beside the logo");
	cr_expect(has(html, "<link rel=\"icon\" type=\"image/png\" href=\"/favicon.png\">"));
	char *fav = sg_asprintf("%s/site/favicon.png", root), *touch = sg_asprintf("%s/site/apple-touch-icon.png", root);
	VipsImage *fi = vips_image_new_from_file(fav, NULL), *ti = vips_image_new_from_file(touch, NULL);
	cr_assert(fi && ti, "favicon.png and apple-touch-icon.png");
	cr_expect(vips_image_get_width(fi) == 32 && vips_image_get_height(fi) == 32);
	cr_expect(vips_image_get_width(ti) == 180 && vips_image_get_height(ti) == 180);
	g_object_unref(fi), g_object_unref(ti);
	free(fav), free(touch);

	/* a second build makes nothing again: every image file is the first build's */
	char *src = attr(html, "<img src=\"/bilder/foto-", "src");
	ino_t before = inode(root, src), fav_before = inode(root, "/favicon.png");
	build(root, &log);
	cr_expect_eq(inode(root, src), before, "%s was made again", src);
	cr_expect_eq(inode(root, "/favicon.png"), fav_before, "favicon.png was made again");

	/* a changed photo gets files of new names */
	char *foto = sg_asprintf("%s/content/bilder/foto.jpg", root);
	make_image(foto, 1200, 600, 3, 20);
	free(foto);
	build(root, &log);
	char *html2 = page(root, "sidor/om/index.html");
	char *src2 = attr(html2, "<img src=\"/bilder/foto-", "src");
	cr_expect_str_neq(src2, src, "a new photo, a new name");
	char *jpg2 = attr(html2, "<img src=\"/bilder/foto-", "srcset");
	cr_expect_eq(check_srcset(root, jpg2), 3, "480, 960 and 1200: %s", jpg2);
	char *old = sg_asprintf("%s/site%s", root, src);
	cr_expect_not(sg_exists(old), "the old photo's files are gone: %s", old);
	free(old), free(jpg2), free(src2), free(html2), free(src), free(html);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}

Test(images, a_photo_damaged_inside_is_an_error_at_its_name)
{
	char *root = site();
	char *foto = sg_asprintf("%s/content/bilder/foto.jpg", root);
	/* a PNG whose pixel data is garbage: the header and the end are whole */
	char *png = sg_asprintf("%s/content/bilder/foto.png", root);
	make_image(png, 300, 200, 3, 10);
	size_t len;
	char *data = sg_read_file(png, &len, 1 << 24);
	cr_assert_not_null(data);
	char *idat = memmem(data, len, "IDAT", 4);
	cr_assert_not_null(idat);
	for (char *p = idat + 6; p < data + len - 20; p++)
		*p = (char)0x5a;
	cr_assert_eq(sg_write_file(png, data, len), 0);
	free(data);
	char *md = sg_asprintf("%s/content/sidor/om.md", root);
	const char *text = "---\ntitle: Om oss\nimage:\n  src: foto.png\n  alt: Två personer vid ett bord\n---\nText.\n";
	cr_assert_eq(sg_write_file(md, text, strlen(text)), 0);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_expect_eq(rc, 1, "exit %d:\n%s", rc, log.ptr);
	cr_expect(has(log.ptr, "content/sidor/om.md:4:8: error: the image 'foto.png' is damaged and cannot be read to the "
	                       "end; save or copy it again"),
	          "%s", log.ptr);
	cr_expect(!has(log.ptr, "VIPS"), "libvips's own warnings are not printed: %s", log.ptr);
	free(md), free(png), free(foto);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}

/* An image in a page's text ("![…](genom.png)"): a <picture> in the paragraph with the
 * files of every width written, lazy (the page's first image is the front matter's), the
 * description as alt; the same file in two texts gets the same files. */
Test(images, images_in_texts_are_pictures_of_files_that_exist)
{
	char *root = site();
	char *md = sg_asprintf("%s/content/sidor/om.md", root);
	const char *text = "---\ntitle: Om oss\nimage:\n  src: foto.jpg\n  alt: Två personer vid ett bord\n---\n"
	                   "Text.\n\nSå här ser det ut: ![Kartan över *Sjuhärad* med kommunerna](genom.png)\n";
	cr_assert_eq(sg_write_file(md, text, strlen(text)), 0);
	free(md);
	char *other = sg_asprintf("%s/content/sidor/mer.md", root);
	const char *text2 = "---\ntitle: Mer\n---\n![Kartan igen](/bilder/genom.png)\n";
	cr_assert_eq(sg_write_file(other, text2, strlen(text2)), 0);
	free(other);
	sg_buf log = SG_BUF_INIT;
	build(root, &log);
	char *html = page(root, "sidor/om/index.html");
	cr_expect(has(html, "<p>Så här ser det ut: <picture class=\"bild-i-text\"><source type=\"image/webp\" srcset=\"/bilder/genom-"),
	          "%s", html);
	const char *pic = strstr(html, "bild-i-text");
	cr_assert_not_null(pic);
	char *webp = attr(pic, "<source", "srcset"), *png = attr(pic, "<img", "srcset");
	cr_expect_eq(check_srcset(root, webp), 2, "480 and 700: %s", webp);
	cr_expect_eq(check_srcset(root, png), 2, "%s", png);
	char *alt = attr(pic, "<img", "alt"), *w = attr(pic, "<img", "width"), *h = attr(pic, "<img", "height");
	cr_expect_str_eq(alt, "Kartan över Sjuhärad med kommunerna");
	cr_expect_str_eq(w, "700");
	cr_expect_str_eq(h, "300");
	cr_expect(has(pic, "loading=\"lazy\""), "an image in the text is lazy");
	char *mer = page(root, "sidor/mer/index.html");
	char *png2 = attr(strstr(mer, "bild-i-text"), "<img", "srcset");
	cr_expect_str_eq(png2, png, "the same file, the same outputs");
	free(webp), free(png), free(png2), free(alt), free(w), free(h), free(mer), free(html);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}

/* A folder inside content/bilder/ that is a link to elsewhere: its files are not
 * published (only what really is below content/bilder/ is read). */
Test(images, an_image_through_a_link_out_of_bilder_is_refused)
{
	char *root = site();
	char *outside = sg_asprintf("%s/outside", root), *link = sg_asprintf("%s/content/bilder/ut", root);
	cr_assert_eq(sg_mkdirs(outside), 0);
	char *secret = sg_asprintf("%s/hemlig.jpg", outside);
	make_image(secret, 600, 400, 3, 50);
	cr_assert_eq(symlink(outside, link), 0);
	char *md = sg_asprintf("%s/content/sidor/om.md", root);
	const char *text = "---\ntitle: Om oss\n---\nText ![Två personer](ut/hemlig.jpg)\n";
	cr_assert_eq(sg_write_file(md, text, strlen(text)), 0);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_expect_eq(rc, 1, "%s", log.ptr);
	cr_expect(has(log.ptr, "om.md:4:6: error: the image 'ut/hemlig.jpg' is reached through a link to outside "
	                       "content/bilder/: copy the file itself there"),
	          "%s", log.ptr);
	free(md), free(secret), free(link), free(outside);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}
