/* image.c — the images editors name, checked and measured (see image.h). libvips reads
 * only the header here (vips_image_new_from_file is lazy); the pixels are decoded by
 * the write stage (write/images.c). */
#include "image.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <vips/vips.h>

#include "../read/content.h"
#include "../read/kinds.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/escape.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/utf8.h"
#include "fields.h"

void sg_image_hash(const void *data, size_t len, char out[17])
{
	uint64_t h = 14695981039346656037ULL;
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	for (const char *s = SG_IMAGE_SETTINGS; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

void sg_image_free(sg_image *img)
{
	if (!img)
		return;
	free(img->src), free(img->path), free(img->alt), free(img->stem);
	free(img);
}

char *sg_image_content_dir(const char *path, int kind)
{
	int up = kind == SG_SRC_SITE ? 1 : kind == SG_SRC_INSATS ? 3 : 2;
	char *dir = sg_strdup(path);
	for (int i = 0; i < up; i++) {
		char *slash = strrchr(dir, '/');
		if (!slash) {
			free(dir);
			return sg_strdup(".");
		}
		*slash = '\0';
	}
	if (!*dir) { /* "/x.md": the root */
		free(dir);
		return sg_strdup("/");
	}
	return dir;
}

/* ---- the file ---------------------------------------------------------------- */

/* The format from the first bytes, or -1. */
static int sniff(const unsigned char *b, size_t len)
{
	if (len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		return SG_IMG_JPEG;
	if (len >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return SG_IMG_PNG;
	if (len >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
		return SG_IMG_WEBP;
	size_t i = 0;
	if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace(b[i]))
		i++;
	if (i < len && b[i] == '<') /* <?xml or <svg or a comment: an SVG at best */
		return SG_IMG_SVG;
	return -1;
}

/* Does the file end where its format says it does? A JPEG with its end marker (FF D9,
 * maybe followed by padding), a PNG with its IEND chunk, a WebP as long as its RIFF
 * header says. */
static bool whole(int format, const unsigned char *b, size_t len)
{
	switch (format) {
	case SG_IMG_JPEG:
		while (len > 2 && (b[len - 1] == 0 || b[len - 1] == 0xFF))
			len--; /* padding some cameras add after the end */
		for (size_t i = len; i >= 2 && i + 64 >= len; i--)
			if (b[i - 2] == 0xFF && b[i - 1] == 0xD9)
				return true;
		return false;
	case SG_IMG_PNG:
		return len >= 12 && memcmp(b + len - 8, "IEND", 4) == 0;
	case SG_IMG_WEBP: {
		if (len < 12)
			return false;
		unsigned long n = b[4] | (unsigned long)b[5] << 8 | (unsigned long)b[6] << 16 | (unsigned long)b[7] << 24;
		return n + 8 <= len;
	}
	default:
		return true;
	}
}

/* The names of the files in dir (and its folders, as "a/b.jpg"), for "did you mean". */
static void list_images(const char *dir, const char *prefix, char ***names, size_t *n, size_t *cap, int depth)
{
	size_t count;
	char **here = sg_list_dir(dir, &count);
	for (size_t i = 0; here && i < count; i++) {
		char *path = sg_path_join(dir, here[i]);
		char *rel = prefix ? sg_asprintf("%s/%s", prefix, here[i]) : sg_strdup(here[i]);
		if (sg_is_dir(path) && depth < 4) {
			list_images(path, rel, names, n, cap, depth + 1);
			free(rel);
		} else {
			if (*n == *cap)
				*names = sg_realloc(*names, (*cap = *cap ? *cap * 2 : 16) * sizeof **names);
			(*names)[(*n)++] = rel;
		}
		free(path);
	}
	sg_free_names(here, count);
}

/* The error for a file that is not there, with the closest name in content/bilder/. */
static void missing(const sg_fields *f, int line, int col, const char *src, const char *folder)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	list_images(folder, NULL, &names, &n, &cap, 0);
	const char *close = sg_closest(src, (const char *const *)names, n);
	if (close)
		sg_error(f->d, f->file, line, col, "the image '%s' is not in %s/; did you mean '%s'?", src, folder, close);
	else
		sg_error(f->d, f->file, line, col, "the image '%s' is not in %s/: put the file there, or correct the name", src,
		         folder);
	sg_free_names(names, n);
}

/* Is src a name below content/bilder/ (no '..', no absolute path, no backslash)? The web
 * editor writes "/bilder/x.jpg": that leading "/bilder/" is taken away first. */
static const char *relative_src(const char *src)
{
	if (strncmp(src, "/" SG_IMAGE_FOLDER "/", sizeof SG_IMAGE_FOLDER + 1) == 0)
		src += sizeof SG_IMAGE_FOLDER + 1;
	if (!*src || src[0] == '/' || strchr(src, '\\') || strstr(src, "://"))
		return NULL;
	for (const char *p = src; *p; p = strchr(p, '/') ? strchr(p, '/') + 1 : p + strlen(p))
		if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0'))
			return NULL;
	return src;
}

/* Reads and checks the file of img (img->src set): fills path, format, size, hash,
 * stem. `logo`: SVG and PNG are what it may be. False after an error at line:col. */
static bool load_file(const sg_fields *f, sg_image *img, const char *content_dir, bool logo)
{
	int line = img->line, col = img->col;
	const char *rel = relative_src(img->src);
	if (!rel) {
		sg_error(f->d, f->file, line, col,
		         "'%s' is not a file name in content/%s/: write the name of the file there, e.g. bild.jpg", img->src,
		         SG_IMAGE_FOLDER);
		return false;
	}
	char *folder = sg_path_join(content_dir, SG_IMAGE_FOLDER);
	img->path = sg_path_join(folder, rel);
	struct stat st;
	if (lstat(img->path, &st) != 0) {
		missing(f, line, col, rel, folder);
		free(folder);
		return false;
	}
	/* a folder inside content/bilder/ may be a link to somewhere else: only what really is
	 * below content/bilder/ is published (as the content folder's own check does) */
	char *real_folder = realpath(folder, NULL), *real = realpath(img->path, NULL);
	size_t fl = real_folder ? strlen(real_folder) : 0;
	bool inside = real_folder && real && strncmp(real, real_folder, fl) == 0 && real[fl] == '/';
	free(real_folder), free(real), free(folder);
	if (!inside) {
		sg_error(f->d, f->file, line, col,
		         "the image '%s' is reached through a link to outside content/%s/: copy the file itself there",
		         img->src, SG_IMAGE_FOLDER);
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		sg_error(f->d, f->file, line, col, "the image '%s' is %s, not a file: put the image file itself in content/%s/",
		         img->src, sg_mode_kind((unsigned)st.st_mode), SG_IMAGE_FOLDER);
		return false;
	}
	long max = SG_IMAGE_MAX_BYTES;
	if (st.st_size > max) {
		sg_error(f->d, f->file, line, col,
		         "the image '%s' is %.1f MB; at most %ld MB are accepted: make it smaller (a photo on the web needs at "
		         "most 1600 pixels' width)",
		         img->src, (double)st.st_size / (1024.0 * 1024.0), max / (1024 * 1024));
		return false;
	}
	size_t len;
	char *data = sg_read_regular(img->path, &len, (size_t)max, O_NOFOLLOW, NULL);
	if (!data) {
		sg_error(f->d, f->file, line, col, "cannot read the image '%s': %s", img->src, strerror(errno));
		return false;
	}
	int format = sniff((const unsigned char *)data, len);
	bool ok = true;
	if (format == SG_IMG_SVG && !logo) {
		sg_error(f->d, f->file, line, col,
		         "'%s' is an SVG drawing; images on pages must be JPEG, PNG or WebP (an SVG can hold scripts): save it "
		         "as PNG",
		         img->src);
		ok = false;
	} else if (format < 0 || (logo && format != SG_IMG_SVG && format != SG_IMG_PNG)) {
		if (logo)
			sg_error(f->d, f->file, line, col, "the logo '%s' is not an SVG or PNG image: save it as SVG or PNG",
			         img->src);
		else
			sg_error(f->d, f->file, line, col, "'%s' is not a JPEG, PNG or WebP image: save it as JPEG (a photo) or PNG",
			         img->src);
		ok = false;
	} else if (!whole(format, (const unsigned char *)data, len)) {
		sg_error(f->d, f->file, line, col,
		         "the image '%s' is cut short: the file ends before the image does; copy or save it again", img->src);
		ok = false;
	} else if (format == SG_IMG_SVG) {
		int at_line, at_col;
		if (len > SG_IMAGE_MAX_SVG_BYTES) {
			sg_error(f->d, f->file, line, col, "the logo '%s' is %zu KB; an SVG logo may be at most %ld KB", img->src,
			         len / 1024, SG_IMAGE_MAX_SVG_BYTES / 1024);
			ok = false;
		} else {
			const char *why = sg_svg_unsafe(data, len, &at_line, &at_col);
			if (why) {
				sg_error(f->d, img->path, at_line, at_col,
				         "this SVG holds %s, which could run or load something in a browser: remove it (the logo "
				         "named in %s is not published)",
				         _(why), f->file);
				ok = false;
			}
		}
	}
	if (ok) {
		img->format = (sg_image_format)format;
		sg_image_hash(data, len, img->hash);
	}
	free(data);
	if (!ok)
		return false;
	/* the header only: width, height, bands */
	VipsImage *im = vips_image_new_from_file(img->path, NULL);
	if (!im) {
		vips_error_clear();
		sg_error(f->d, f->file, line, col, "cannot read the image '%s': the file is damaged; save or copy it again",
		         img->src);
		return false;
	}
	img->width = vips_image_get_width(im);
	img->height = vips_image_get_height(im);
	img->alpha = vips_image_hasalpha(im);
	if (vips_image_get_orientation_swap(im)) { /* shown turned a quarter, as its EXIF says */
		int w = img->width;
		img->width = img->height;
		img->height = w;
	}
	g_object_unref(im);
	if ((long long)img->width * img->height > SG_IMAGE_MAX_PIXELS) {
		sg_error(f->d, f->file, line, col,
		         "the image '%s' is %d × %d pixels; at most %ld megapixels are accepted: make it smaller, e.g. 1600 "
		         "pixels wide",
		         img->src, img->width, img->height, SG_IMAGE_MAX_PIXELS / 1000000);
		return false;
	}
	if (img->width < 1 || img->height < 1) {
		sg_error(f->d, f->file, line, col, "cannot read the image '%s': the file is damaged; save or copy it again",
		         img->src);
		return false;
	}
	/* the stem, as a slug: the outputs' names */
	const char *base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	char *stem = sg_strdup(base);
	char *dot = strrchr(stem, '.');
	if (dot && dot != stem)
		*dot = '\0';
	img->stem = sg_slugify(stem);
	free(stem);
	if (!img->stem || !*img->stem) {
		free(img->stem);
		img->stem = sg_strdup("bild");
	}
	return true;
}

/* The file name of src without folders, and without its extension. */
static bool alt_is_name(const char *alt, const char *src)
{
	const char *base = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
	if (strcasecmp(alt, base) == 0)
		return true;
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return strlen(alt) == stem && strncasecmp(alt, base, stem) == 0;
}

sg_image *sg_image_field(const sg_fields *f, const sg_value *map, const char *key, const char *content_dir)
{
	const sg_value *v = sg_value_get(map, key);
	if (!v || sg_value_kind_of(v) == SG_VAL_NULL)
		return NULL;
	int line = sg_fields_line(f, v), col = sg_fields_col(v);
	if (sg_value_kind_of(v) != SG_VAL_MAP) {
		sg_error(f->d, f->file, line, col,
		         "'%s' is a block with the file and what it shows, on lines of their own below it: src: bild.jpg and "
		         "alt: a text saying what the image shows",
		         key);
		return NULL;
	}
	/* the web editor saves an image block it left empty as {decorative: false} (or with
	 * empty texts): no image */
	const sg_value *sv0 = sg_value_get(v, "src"), *av0 = sg_value_get(v, "alt"), *dv0 = sg_value_get(v, "decorative");
	const char *s0 = sg_value_kind_of(sv0) == SG_VAL_STRING ? sg_value_as_string(sv0, NULL) : NULL;
	const char *a0 = sg_value_kind_of(av0) == SG_VAL_STRING ? sg_value_as_string(av0, NULL) : NULL;
	if ((!sv0 || (s0 && !*s0)) && (!av0 || (a0 && !*a0)) && (!dv0 || !sg_value_as_bool(dv0)) &&
	    sg_value_count(v) == (size_t)(sv0 != NULL) + (av0 != NULL) + (dv0 != NULL))
		return NULL;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SIDA), "image");
	sg_fields at = *f;
	at.line = line;
	sg_fields_check_keys(&at, v, keys, "an image");
	sg_image *img = sg_calloc(1, sizeof *img);
	img->file = f->file;
	img->line = line;
	img->col = col;
	img->src = sg_field_text(&at, v, "src", true, "the name of the image file in content/bilder/, e.g. src: bild.jpg");
	img->decorative = sg_field_bool(&at, v, "decorative", false);
	const sg_value *av = sg_value_get(v, "alt");
	bool ok = img->src != NULL;
	if (!av || sg_value_kind_of(av) == SG_VAL_NULL) {
		if (!av)
			sg_error(f->d, f->file, line, col,
			         "the image needs 'alt': a text saying what it shows, for those who cannot see it (or alt: \"\" "
			         "with decorative: true for an image that only decorates)");
		else
			sg_error(f->d, f->file, sg_fields_line(f, av), sg_fields_col(av),
			         "'alt' is empty: write what the image shows, or write alt: \"\" and decorative: true if it only "
			         "decorates");
		ok = false;
	} else {
		const char *text = sg_value_kind_of(av) == SG_VAL_STRING ? sg_value_as_string(av, NULL) : NULL;
		img->alt = text ? sg_strdup(text) : sg_field_text(&at, v, "alt", false, NULL);
		if (!img->alt)
			ok = false;
		else if (!*img->alt && !img->decorative) {
			sg_error(f->d, f->file, sg_fields_line(f, av), sg_fields_col(av),
			         "'alt' is empty: write what the image shows, or set decorative: true if it only decorates (then "
			         "screen readers pass it by)");
			ok = false;
		} else if (*img->alt && img->decorative) {
			sg_error(f->d, f->file, sg_fields_line(f, av), sg_fields_col(av),
			         "a decorative image has alt: \"\" (screen readers pass it by); remove 'decorative: true' to keep "
			         "this alt text");
			ok = false;
		} else if (img->src && *img->alt && alt_is_name(img->alt, img->src)) {
			sg_error(f->d, f->file, sg_fields_line(f, av), sg_fields_col(av),
			         "'alt' is the file's name, which says nothing to those who cannot see the image: write what it "
			         "shows, e.g. alt: Två personer samtalar vid ett bord");
			ok = false;
		}
	}
	if (img->src) {
		const sg_value *sv = sg_value_get(v, "src");
		img->line = sg_fields_line(f, sv);
		img->col = sg_fields_col(sv);
		if (!load_file(&at, img, content_dir, false))
			ok = false;
	}
	if (!ok) {
		sg_image_free(img);
		return NULL;
	}
	return img;
}

sg_image *sg_logo_field(const sg_fields *f, const sg_value *map, const char *key, const char *content_dir)
{
	const sg_value *v = sg_value_get(map, key);
	if (!v || sg_value_kind_of(v) == SG_VAL_NULL)
		return NULL;
	char *src = sg_field_text(f, map, key, false, NULL);
	if (!src)
		return NULL;
	sg_image *img = sg_calloc(1, sizeof *img);
	img->file = f->file;
	img->src = src;
	img->alt = sg_strdup("");
	img->decorative = true;
	img->line = sg_fields_line(f, v);
	img->col = sg_fields_col(v);
	if (!load_file(f, img, content_dir, true)) {
		sg_image_free(img);
		return NULL;
	}
	return img;
}

sg_image *sg_image_of_source(const sg_fields *f, const sg_source *src, const char *key, bool logo)
{
	if (!sg_value_get(src->meta, key))
		return NULL;
	char *dir = sg_image_content_dir(src->path, (int)src->kind);
	sg_image *img = logo ? sg_logo_field(f, src->meta, key, dir) : sg_image_field(f, src->meta, key, dir);
	free(dir);
	return img;
}

/* ---- what is written ------------------------------------------------------------ */

static const int standard_widths[] = {480, 960, 1600};

size_t sg_image_widths(const sg_image *img, int widths[SG_IMAGE_MAX_WIDTHS])
{
	size_t n = 0;
	const int largest = standard_widths[sizeof standard_widths / sizeof *standard_widths - 1];
	for (size_t i = 0; i < sizeof standard_widths / sizeof *standard_widths; i++)
		if (standard_widths[i] < img->width)
			widths[n++] = standard_widths[i];
	int top = img->width < largest ? img->width : largest;
	if (n == 0 || widths[n - 1] != top)
		widths[n++] = top;
	return n;
}

int sg_image_height_at(const sg_image *img, int w)
{
	long h = ((long)img->height * w + img->width / 2) / img->width;
	return h < 1 ? 1 : (int)h;
}

const char *sg_image_fallback_ext(const sg_image *img) { return img->alpha ? "png" : "jpg"; }

char *sg_image_output(const sg_image *img, int w, const char *ext)
{
	return sg_asprintf(SG_IMAGE_FOLDER "/%s-%.8s-%d.%s", img->stem, img->hash, w, ext);
}

char *sg_logo_output(const sg_image *logo)
{
	return sg_asprintf(SG_IMAGE_FOLDER "/%s-%.8s.%s", logo->stem, logo->hash, logo->format == SG_IMG_SVG ? "svg" : "png");
}

/* ---- SVG ---------------------------------------------------------------------------- */

/* Case-insensitive: does s (of n bytes left) start with word? */
static bool starts(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	return n >= w && strncasecmp(s, word, w) == 0;
}

const char *sg_svg_unsafe(const char *text, size_t len, int *line, int *col)
{
	static const struct {
		const char *start, *what;
	} bad[] = {
		{"<script", N_("a <script> element")},
		{"<foreignobject", N_("a <foreignObject> element")},
		{"<!entity", N_("an <!ENTITY> declaration")},
		{"<!doctype", N_("a <!DOCTYPE> declaration")},
		{"<iframe", N_("an <iframe> element")},
		{"<embed", N_("an <embed> element")},
		{"<object", N_("an <object> element")},
		{"<image", N_("an <image> element")},
		{"<use", N_("a <use> element")},
		{"<a ", N_("a link (<a>)")},
		{"<a>", N_("a link (<a>)")},
		{"<?xml-stylesheet", N_("a style sheet")},
		{"javascript:", N_("a javascript: address")},
		{"@import", N_("an @import")},
		{"<set", N_("a <set> animation")},
		{"<animate", N_("an animation")},
		{"<handler", N_("a <handler> element")},
		{"<listener", N_("a <listener> element")},
	};
	int l = 1, c = 1;
	bool in_tag = false;
	char quote = 0;
	for (size_t i = 0; i < len; i++) {
		const char *s = text + i;
		size_t n = len - i;
		*line = l, *col = c;
		if (!quote)
			for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
				if (starts(s, n, bad[k].start))
					return bad[k].what;
		if (starts(s, n, "url(") && !(n > 4 && (s[4] == '#' || ((s[4] == '\'' || s[4] == '"') && n > 5 && s[5] == '#'))))
			return N_("a url() that is not a '#' inside the drawing");
		if (in_tag && !quote && (i == 0 || isspace((unsigned char)text[i - 1]))) {
			if (starts(s, n, "on") && n > 2 && isalpha((unsigned char)s[2])) {
				size_t j = 2;
				while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-'))
					j++;
				while (j < n && isspace((unsigned char)s[j]))
					j++;
				if (j < n && s[j] == '=')
					return N_("an event attribute (on…), which runs a script");
			}
			const char *h = starts(s, n, "href") ? s + 4 : starts(s, n, "xlink:href") ? s + 10 : NULL;
			if (h) {
				const char *e = text + len;
				while (h < e && isspace((unsigned char)*h))
					h++;
				if (h < e && *h == '=') {
					h++;
					while (h < e && isspace((unsigned char)*h))
						h++;
					if (h < e && (*h == '"' || *h == '\''))
						h++;
					if (h >= e || *h != '#')
						return N_("a link (href) to something outside the drawing");
				}
			}
		}
		char ch = *s;
		if (quote) {
			if (ch == quote)
				quote = 0;
		} else if (ch == '<') {
			in_tag = true;
		} else if (ch == '>') {
			in_tag = false;
		} else if (in_tag && (ch == '"' || ch == '\'')) {
			quote = ch;
		}
		if (ch == '\n')
			l++, c = 1;
		else if (((unsigned char)ch & 0xC0) != 0x80)
			c++;
	}
	return NULL;
}

/* ---- images in Markdown texts ------------------------------------------------------ */

/* Does s hold a character a reader sees: anything but spaces of any width (U+0020,
 * U+00A0, U+2000–U+200D, U+202F, U+205F, U+2060, U+3000, U+FEFF) and line breaks? */
static bool visible(const char *s)
{
	size_t len = strlen(s), n;
	for (size_t i = 0; i < len; i += n ? n : 1) {
		unsigned cp = sg_utf8_decode(s + i, len - i, &n);
		bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
		             (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
		             cp == 0x3000 || cp == 0xFEFF;
		if (!space)
			return true;
	}
	return false;
}

sg_image *sg_image_named(sg_diags *d, const char *file, int line, int col, const char *src, const char *alt,
                         const char *content_dir)
{
	sg_fields f = {.file = file, .d = d, .line = line};
	bool ok = true;
	if (!visible(alt)) {
		sg_error(d, file, line, col,
		         "the image '%s' has no description: write what it shows between the brackets, e.g. ![Två personer "
		         "samtalar vid ett bord](%s) (an image that only decorates belongs in the front matter's image: with "
		         "decorative: true)",
		         src, src);
		ok = false;
	} else if (alt_is_name(alt, src)) {
		sg_error(d, file, line, col,
		         "the image's description '%s' is its file's name, which says nothing to those who cannot see it: "
		         "write what it shows between the brackets, e.g. ![Två personer samtalar vid ett bord](%s)",
		         alt, src);
		ok = false;
	}
	sg_image *img = sg_calloc(1, sizeof *img);
	img->file = file;
	img->line = line;
	img->col = col;
	img->src = sg_strdup(src);
	img->alt = sg_strdup(alt);
	if (!load_file(&f, img, content_dir, false) || !ok) {
		sg_image_free(img);
		return NULL;
	}
	return img;
}

char *sg_image_srcset(const char *root, const sg_image *img, const char *ext)
{
	int widths[SG_IMAGE_MAX_WIDTHS];
	size_t n = sg_image_widths(img, widths);
	sg_buf b = SG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		char *rel = sg_image_output(img, widths[i], ext);
		sg_buf_printf(&b, "%s%s/%s %dw", i ? ", " : "", root, rel, widths[i]);
		free(rel);
	}
	return sg_buf_detach(&b);
}

char *sg_image_src(const char *root, const sg_image *img)
{
	int widths[SG_IMAGE_MAX_WIDTHS];
	size_t n = sg_image_widths(img, widths);
	int src_w = widths[0];
	for (size_t i = 0; i < n; i++)
		if (widths[i] <= 960)
			src_w = widths[i];
	char *rel = sg_image_output(img, src_w, sg_image_fallback_ext(img));
	char *src = sg_asprintf("%s/%s", root, rel);
	free(rel);
	return src;
}

/* Appends ` name="value"` with value escaped. */
static void attr(sg_buf *b, const char *name, const char *value)
{
	sg_buf_printf(b, " %s=\"", name);
	sg_escape_html(b, value, strlen(value));
	sg_buf_putc(b, '"');
}

void sg_image_picture(const sg_image *img, const char *root, bool lazy, char **before, char **after)
{
	const char *ext = sg_image_fallback_ext(img);
	int widths[SG_IMAGE_MAX_WIDTHS];
	int w = widths[sg_image_widths(img, widths) - 1];
	char *webp = sg_image_srcset(root, img, "webp"), *fallback = sg_image_srcset(root, img, ext);
	char *src = sg_image_src(root, img);
	sg_buf b = SG_BUF_INIT;
	sg_buf_puts(&b, "<picture class=\"bild-i-text\"><source type=\"image/webp\"");
	attr(&b, "srcset", webp);
	attr(&b, "sizes", SG_IMAGE_SIZES);
	sg_buf_puts(&b, "><img");
	attr(&b, "src", src);
	attr(&b, "srcset", fallback);
	attr(&b, "sizes", SG_IMAGE_SIZES);
	sg_buf_printf(&b, " width=\"%d\" height=\"%d\"%s decoding=\"async\" alt=\"", w, sg_image_height_at(img, w),
	              lazy ? " loading=\"lazy\"" : "");
	*before = sg_buf_detach(&b);
	*after = sg_strdup("\"></picture>");
	free(webp), free(fallback), free(src);
}
