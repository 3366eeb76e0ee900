/* image.h — the images editors name: a photo or illustration in front matter
 * (`image: {src, alt, decorative}` on insatser, newsletters, events, pages and förbund)
 * and the logo (`logo:` in site.yaml and a förbund file). The model checks the file
 * (it exists in content/bilder/, is a whole JPEG, PNG or WebP image — an SVG only as a
 * logo, and without scripts — within the size limits) and the alt text, and records
 * its size from the header (libvips reads only the header here). What is written for
 * it — the widths, WebP and JPEG/PNG files and their names — is decided here too, so
 * the render stage (which writes <picture>) and the write stage (write/images.c, which
 * makes the files) agree. */
#ifndef SG_IMAGE_H
#define SG_IMAGE_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/diag.h"
#include "../util/value.h"

/* Limits checked before an image is decoded. */
#define SG_IMAGE_MAX_BYTES (20L * 1024 * 1024) /* a file over 20 MB is refused */
#define SG_IMAGE_MAX_PIXELS 100000000L         /* and one over 100 megapixels */
#define SG_IMAGE_MAX_SVG_BYTES (512L * 1024)   /* an SVG logo */
#define SG_IMAGE_MAX_WIDTHS 4
/* The folder in the content folder where images are, and in the site where they go. */
#define SG_IMAGE_FOLDER "bilder"
/* The settings the files are made with; in each file's name, through its hash, so a
 * change here makes new files (the old ones are never taken for new). */
#define SG_IMAGE_SETTINGS "v1 webp q75 jpeg q82 480 960 1600"

typedef enum { SG_IMG_JPEG, SG_IMG_PNG, SG_IMG_WEBP, SG_IMG_SVG } sg_image_format;

/* One image file and what it shows. Owned by whoever holds it (sg_image_free). */
typedef struct sg_image {
	char *src;         /* as written, e.g. "fika.jpg" */
	char *path;        /* the file: "<content dir>/bilder/fika.jpg" */
	char *alt;         /* "" for a decorative image (and a logo, which names nothing new) */
	bool decorative;   /* `decorative: true` */
	sg_image_format format;
	int width, height; /* pixels, from the header */
	bool alpha;        /* it has an alpha channel: the fallback is PNG, not JPEG */
	char hash[17];     /* 16 hex digits over the file's bytes and SG_IMAGE_SETTINGS */
	char *stem;        /* the file name without its extension, as a slug */
	const char *file;  /* the content file that names it (owned by the sources) */
	int line, col;     /* where it is named */
} sg_image;

/* Reads `key` of map (`image:`) as {src, alt, decorative}: NULL when absent, or after
 * errors (added to f's diagnostics: a missing file, naming the closest one there is; no
 * alt, an empty alt without decorative, an alt that is the file name; a file over the
 * limits, cut short or damaged; an SVG). content_dir: the content folder. The caller
 * owns the result. `fields` is a `const sg_fields *` (model/fields.h). */
struct sg_fields;
sg_image *sg_image_field(const struct sg_fields *f, const sg_value *map, const char *key, const char *content_dir);
/* Reads `key` (`logo:`) as the name of an SVG or PNG file in content/bilder/: NULL when
 * absent or after errors. An SVG that holds a script, an event attribute (on…), a
 * foreignObject, an entity, an external style sheet or a link to anything outside itself is
 * refused, at its line in the SVG file. */
sg_image *sg_logo_field(const struct sg_fields *f, const sg_value *map, const char *key, const char *content_dir);
void sg_image_free(sg_image *img);

/* `key` of src's front matter, read with sg_image_field (logo: sg_logo_field) from the
 * content folder src lies in. */
struct sg_source;
sg_image *sg_image_of_source(const struct sg_fields *f, const struct sg_source *src, const char *key, bool logo);

/* The content folder of a content file at `path` of this kind (e.g. "content" for
 * "content/sidor/x.md"); malloc'd. */
char *sg_image_content_dir(const char *path, int kind);

/* The widths written for img, ascending: 480, 960 and 1600 pixels where the image is
 * at least as wide, and its own width when it is narrower than 1600 (never upscaled). */
size_t sg_image_widths(const sg_image *img, int widths[SG_IMAGE_MAX_WIDTHS]);
/* The height at width w (rounded, at least 1). */
int sg_image_height_at(const sg_image *img, int w);
/* The fallback format's extension: "png" for an image with alpha, else "jpg". */
const char *sg_image_fallback_ext(const sg_image *img);
/* The path in the site of img at width w in format ext ("webp", "jpg", "png"):
 * "bilder/<stem>-<hash>-<w>.<ext>" (malloc'd). */
char *sg_image_output(const sg_image *img, int w, const char *ext);
/* The logo's path in the site: "bilder/<stem>-<hash>.svg" or ".png" (malloc'd). */
char *sg_logo_output(const sg_image *logo);

/* The image a Markdown text names ("![alt](src)", markdown.h's sg_markdown_images) at
 * file:line:col, checked like sg_image_field: the file (in content_dir's bilder/) and
 * the description, which must say what the image shows (not be empty, nor the file's
 * name; a decorative image is one of the front matter). NULL after errors added to d.
 * The caller owns the result. */
sg_image *sg_image_named(sg_diags *d, const char *file, int line, int col, const char *src, const char *alt,
                         const char *content_dir);

/* The `sizes` of a photo: the layout's text column is at most 62rem (992 px) wide. */
#define SG_IMAGE_SIZES "(min-width: 64rem) 62rem, 100vw"
/* "<root>/bilder/x-…-480.webp 480w, …": every width written in format ext (malloc'd). */
char *sg_image_srcset(const char *root, const sg_image *img, const char *ext);
/* "<root>/bilder/x-…-960.jpg": the fallback at the width nearest 960 not above it (or
 * the smallest), for the src of an <img> (malloc'd). */
char *sg_image_src(const char *root, const sg_image *img);
/* The <picture> of an image in a Markdown text, around its description: *before ends
 * inside the <img>'s alt attribute, *after closes it (both malloc'd). templates/bild.mustache
 * writes the same for the front matter's image, from render/context_image.c's map. */
void sg_image_picture(const sg_image *img, const char *root, bool lazy, char **before, char **after);

/* Checks an SVG's text for what could run or load something: a script, an event
 * attribute (on…), foreignObject, an entity or DOCTYPE, a style sheet it links, an external
 * href or url(). Returns NULL when clean, or a static description (English; _() gives
 * the editor's language) of the first one found with *line and *col (1-based) its place. */
const char *sg_svg_unsafe(const char *text, size_t len, int *line, int *col);
/* The 16 hex digits (and NUL) of FNV-1a 64 over data and SG_IMAGE_SETTINGS. */
void sg_image_hash(const void *data, size_t len, char out[17]);

#endif
