/* images.c — the site's image files, made with libvips (see images.h). Every VipsImage
 * made here is unreferenced before the function returns; libvips's own state is the
 * process's (main.c starts and stops it). */
#include "images.h"

#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

#include "../model/image.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/i18n.h"

/* Quality of the files made; in SG_IMAGE_SETTINGS, which their names hash. */
#define WEBP_Q 75
#define JPEG_Q 82

typedef struct {
	sg_output *out;
	sg_diags *d;
	long written;
	size_t made;
	char **done; /* output names written already (an image on two pages is made once) */
	size_t n_done, cap_done;
} images_job;

/* Has name been written by this build already? Adds it when not. */
static bool seen(images_job *j, const char *name)
{
	for (size_t i = 0; i < j->n_done; i++)
		if (strcmp(j->done[i], name) == 0)
			return true;
	if (j->n_done == j->cap_done)
		j->done = sg_realloc(j->done, (j->cap_done = j->cap_done ? j->cap_done * 2 : 16) * sizeof *j->done);
	j->done[j->n_done++] = sg_strdup(name);
	return false;
}

/* The error for an image libvips could not decode, at the place that names it. */
static void damaged(images_job *j, const sg_image *img)
{
	vips_error_clear();
	sg_error(j->d, img->file, img->line, img->col,
	         "the image '%s' is damaged and cannot be read to the end; save or copy it again", img->src);
}

/* Saves im as ext ("webp", "jpg", "png") at rel. 0, or -1 (an error added). */
static int save(images_job *j, VipsImage *im, const char *ext, const char *rel, const sg_image *img)
{
	void *buf = NULL;
	size_t len = 0;
	int rc;
	if (strcmp(ext, "webp") == 0)
		rc = vips_webpsave_buffer(im, &buf, &len, "Q", WEBP_Q, "strip", TRUE, NULL);
	else if (strcmp(ext, "jpg") == 0)
		rc = vips_jpegsave_buffer(im, &buf, &len, "Q", JPEG_Q, "strip", TRUE, "interlace", TRUE, "optimize_coding",
		                          TRUE, NULL);
	else
		rc = vips_pngsave_buffer(im, &buf, &len, "compression", 9, "strip", TRUE, NULL);
	if (rc != 0) {
		g_free(buf);
		damaged(j, img);
		return -1;
	}
	rc = sg_output_write(j->out, rel, buf, len, j->d);
	g_free(buf);
	if (rc == 0) {
		j->written++;
		j->made++;
	}
	return rc;
}

/* An image of `width` pixels' width made from the file (turned as its EXIF says), in
 * sRGB, in memory; NULL after the error. */
static VipsImage *scaled(images_job *j, const sg_image *img, int width, int height)
{
	VipsImage *t = NULL, *c = NULL;
	if (vips_thumbnail(img->path, &t, width, "height", height, "size", VIPS_SIZE_DOWN, "fail_on",
	                   VIPS_FAIL_ON_TRUNCATED, NULL) != 0) {
		damaged(j, img);
		return NULL;
	}
	if (vips_colourspace(t, &c, VIPS_INTERPRETATION_sRGB, NULL) != 0) {
		g_object_unref(t);
		damaged(j, img);
		return NULL;
	}
	g_object_unref(t);
	/* decoded once into memory: it is saved twice (WebP and the fallback), and the file
	 * is read in order only */
	VipsImage *m = vips_image_copy_memory(c);
	g_object_unref(c);
	if (!m)
		damaged(j, img);
	return m;
}

/* Every width and format of one photo. */
static int photo(images_job *j, const sg_image *img)
{
	int widths[SG_IMAGE_MAX_WIDTHS];
	size_t n = sg_image_widths(img, widths);
	const char *exts[] = {"webp", sg_image_fallback_ext(img)};
	for (size_t i = 0; i < n; i++) {
		VipsImage *im = NULL;
		for (int e = 0; e < 2; e++) {
			char *rel = sg_image_output(img, widths[i], exts[e]);
			int rc = 0;
			if (!seen(j, rel)) {
				if (sg_output_link_previous(j->out, rel))
					j->written++;
				else if (!im && !(im = scaled(j, img, widths[i], sg_image_height_at(img, widths[i]) + 1)))
					rc = -1;
				else
					rc = save(j, im, exts[e], rel, img);
			}
			free(rel);
			if (rc != 0) {
				if (im)
					g_object_unref(im);
				return -1;
			}
		}
		if (im)
			g_object_unref(im);
	}
	return 0;
}

/* A square icon of size pixels from the logo: the logo fitted in, centred, on a
 * transparent background (opaque: on white, for apple-touch-icon). */
static int icon(images_job *j, const sg_image *logo, const char *rel, int size, int inner, bool opaque)
{
	VipsImage *t = NULL, *c = NULL, *a = NULL, *sq = NULL;
	int rc = -1;
	if (vips_thumbnail(logo->path, &t, inner, "height", inner, NULL) != 0 ||
	    vips_colourspace(t, &c, VIPS_INTERPRETATION_sRGB, NULL) != 0)
		goto done;
	if (opaque) {
		VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
		int r = vips_image_hasalpha(c) ? vips_flatten(c, &a, "background", white, NULL) : vips_copy(c, &a, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (r != 0)
			goto done;
		VipsArrayDouble *bg = vips_array_double_newv(3, 255.0, 255.0, 255.0);
		r = vips_gravity(a, &sq, VIPS_COMPASS_DIRECTION_CENTRE, size, size, "extend", VIPS_EXTEND_BACKGROUND,
		                 "background", bg, NULL);
		vips_area_unref(VIPS_AREA(bg));
		if (r != 0)
			goto done;
	} else {
		if ((vips_image_hasalpha(c) ? vips_copy(c, &a, NULL) : vips_bandjoin_const1(c, &a, 255.0, NULL)) != 0)
			goto done;
		VipsArrayDouble *bg = vips_array_double_newv(4, 0.0, 0.0, 0.0, 0.0);
		int r = vips_gravity(a, &sq, VIPS_COMPASS_DIRECTION_CENTRE, size, size, "extend", VIPS_EXTEND_BACKGROUND,
		                     "background", bg, NULL);
		vips_area_unref(VIPS_AREA(bg));
		if (r != 0)
			goto done;
	}
	rc = save(j, sq, "png", rel, logo);
done:
	if (rc != 0 && !sg_diags_errors(j->d))
		damaged(j, logo);
	if (sq)
		g_object_unref(sq);
	if (a)
		g_object_unref(a);
	if (c)
		g_object_unref(c);
	if (t)
		g_object_unref(t);
	return rc;
}

/* The logo (svg: as checked; png: encoded again) at its path. */
static int write_logo(images_job *j, const sg_image *logo)
{
	char *rel = sg_logo_output(logo);
	int rc = 0;
	if (!seen(j, rel)) {
		if (sg_output_link_previous(j->out, rel)) {
			j->written++;
		} else if (logo->format == SG_IMG_SVG) {
			size_t len;
			char *data = sg_read_file(logo->path, &len, SG_IMAGE_MAX_SVG_BYTES);
			int at_line, at_col;
			char hash[17];
			if (data)
				sg_image_hash(data, len, hash);
			/* the file must still be the one checked (not changed since) */
			if (!data || strcmp(hash, logo->hash) != 0 || sg_svg_unsafe(data, len, &at_line, &at_col)) {
				sg_error(j->d, logo->file, logo->line, logo->col,
				         "the logo '%s' changed while the site was built; build again", logo->src);
				rc = -1;
			} else if ((rc = sg_output_write(j->out, rel, data, len, j->d)) == 0) {
				j->written++;
				j->made++;
			}
			free(data);
		} else {
			VipsImage *im = NULL;
			if (!(im = vips_image_new_from_file(logo->path, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL))) {
				damaged(j, logo);
				rc = -1;
			} else {
				rc = save(j, im, "png", rel, logo);
				g_object_unref(im);
			}
		}
	}
	free(rel);
	return rc;
}

long sg_write_images(sg_output *out, const sg_site *site, sg_diags *d, size_t *made)
{
	images_job j = {.out = out, .d = d};
	int rc = 0;
	const sg_image *logo = site->info.logo;
	if (logo) {
		rc |= write_logo(&j, logo);
		if (rc == 0 && !sg_output_link_previous(out, SG_FAVICON_PATH))
			rc |= icon(&j, logo, SG_FAVICON_PATH, 32, 32, false);
		else if (rc == 0)
			j.written++;
		if (rc == 0 && !sg_output_link_previous(out, SG_TOUCH_ICON_PATH))
			rc |= icon(&j, logo, SG_TOUCH_ICON_PATH, 180, 150, true);
		else if (rc == 0)
			j.written++;
	}
	for (size_t i = 0; i < site->n_forbund && rc == 0; i++) {
		if (site->forbund[i]->logo)
			rc |= write_logo(&j, site->forbund[i]->logo);
		if (site->forbund[i]->image)
			rc |= photo(&j, site->forbund[i]->image);
	}
	for (size_t i = 0; i < site->n_insatser && rc == 0; i++)
		if (site->insatser[i]->image)
			rc |= photo(&j, site->insatser[i]->image);
	for (size_t i = 0; i < site->n_sidor && rc == 0; i++)
		if (site->sidor[i]->image)
			rc |= photo(&j, site->sidor[i]->image);
	for (size_t i = 0; i < site->n_nyhetsbrev && rc == 0; i++)
		if (site->nyhetsbrev[i]->image)
			rc |= photo(&j, site->nyhetsbrev[i]->image);
	for (size_t i = 0; i < site->n_evenemang && rc == 0; i++)
		if (site->evenemang[i]->image)
			rc |= photo(&j, site->evenemang[i]->image);
	for (size_t i = 0; i < site->n_body_images && rc == 0; i++)
		rc |= photo(&j, site->body_images[i]);
	for (size_t i = 0; i < j.n_done; i++)
		free(j.done[i]);
	free(j.done);
	if (made)
		*made = j.made;
	return rc == 0 ? j.written : -1;
}

/* Adds path (taken over) for img unless it is listed already since item `from` (an image
 * on two pages). */
static void add_path(sg_out_paths *out, size_t from, char *path, const sg_image *img)
{
	for (size_t i = from; i < out->n; i++)
		if (strcmp(out->items[i].path, path) == 0) {
			free(path);
			return;
		}
	char *what = sg_asprintf(_("the image /%s that sofgen makes (from %s)"), path, img->path);
	sg_out_paths_add(out, path, SG_OUT_SOFGEN, what, img->file, img->line, img->col);
}

/* The files of one photo. */
static void photo_paths(sg_out_paths *out, size_t from, const sg_image *img)
{
	if (!img)
		return;
	int widths[SG_IMAGE_MAX_WIDTHS];
	size_t n = sg_image_widths(img, widths);
	for (size_t i = 0; i < n; i++) {
		add_path(out, from, sg_image_output(img, widths[i], "webp"), img);
		add_path(out, from, sg_image_output(img, widths[i], sg_image_fallback_ext(img)), img);
	}
}

void sg_images_paths(const sg_site *site, sg_out_paths *out)
{
	size_t from = out->n;
	const sg_image *logo = site->info.logo;
	if (logo) {
		add_path(out, from, sg_logo_output(logo), logo);
		add_path(out, from, sg_strdup(SG_FAVICON_PATH), logo);
		add_path(out, from, sg_strdup(SG_TOUCH_ICON_PATH), logo);
	}
	for (size_t i = 0; i < site->n_forbund; i++) {
		if (site->forbund[i]->logo)
			add_path(out, from, sg_logo_output(site->forbund[i]->logo), site->forbund[i]->logo);
		photo_paths(out, from, site->forbund[i]->image);
	}
	for (size_t i = 0; i < site->n_insatser; i++)
		photo_paths(out, from, site->insatser[i]->image);
	for (size_t i = 0; i < site->n_sidor; i++)
		photo_paths(out, from, site->sidor[i]->image);
	for (size_t i = 0; i < site->n_nyhetsbrev; i++)
		photo_paths(out, from, site->nyhetsbrev[i]->image);
	for (size_t i = 0; i < site->n_evenemang; i++)
		photo_paths(out, from, site->evenemang[i]->image);
	for (size_t i = 0; i < site->n_body_images; i++)
		photo_paths(out, from, site->body_images[i]);
}
