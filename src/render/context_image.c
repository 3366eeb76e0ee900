/* context_image.c — what templates/bild.mustache needs for an image (a <picture> with
 * WebP and JPEG/PNG sources in every width written), and the logo in the header. The
 * files are made by the write stage (write/images.c) under the same names
 * (model/image.h: sg_image_output). */
#include <stdlib.h>
#include <string.h>

#include "../model/image.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "context_internal.h"

/* The logo's height in the header, in CSS pixels. */
#define LOGO_HEIGHT 48

sg_value *sg_ctx_image(const char *root, const sg_image *img, bool lazy)
{
	if (!img)
		return NULL;
	int widths[SG_IMAGE_MAX_WIDTHS];
	size_t n = sg_image_widths(img, widths);
	sg_value *v = sg_value_map();
	sg_ctx_put_take(v, "webp_srcset", sg_image_srcset(root, img, "webp"));
	sg_ctx_put_take(v, "srcset", sg_image_srcset(root, img, sg_image_fallback_ext(img)));
	sg_ctx_put_take(v, "src", sg_image_src(root, img));
	sg_value_put_str(v, "sizes", SG_IMAGE_SIZES);
	int w = widths[n - 1];
	sg_value_put_num(v, "width", (double)w);
	sg_value_put_num(v, "height", (double)sg_image_height_at(img, w));
	sg_value_put_str(v, "alt", img->alt);
	sg_value_put_bool(v, "lazy", lazy);
	return v;
}

void sg_ctx_put_image(const sg_contexts *c, sg_value *v, const sg_image *img)
{
	if (img)
		sg_value_put(v, "image", sg_ctx_image(c->site->info.root, img, false));
}

/* {src, width, height} of a logo shown LOGO_HEIGHT pixels high. */
static sg_value *logo_value(const char *root, const sg_image *logo)
{
	sg_value *l = sg_value_map();
	char *rel = sg_logo_output(logo);
	sg_ctx_put_take(l, "src", sg_asprintf("%s/%s", root, rel));
	free(rel);
	long w = ((long)logo->width * LOGO_HEIGHT + logo->height / 2) / logo->height;
	sg_value_put_num(l, "width", (double)(w < 1 ? 1 : w));
	sg_value_put_num(l, "height", LOGO_HEIGHT);
	return l;
}

void sg_ctx_site_logo(const sg_site *site, sg_value *v)
{
	if (!site->info.logo)
		return;
	sg_value_put(v, "logo", logo_value(site->info.root, site->info.logo));
	sg_value_put_bool(v, "favicon", true);
}

void sg_ctx_forbund_logo(const sg_contexts *c, sg_value *v, const sg_image *logo)
{
	if (logo)
		sg_value_put(v, "logo", logo_value(c->site->info.root, logo));
}
