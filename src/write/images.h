/* images.h — the image files of the site, made with libvips from the images the model
 * checked (model/image.h): each photo in the widths sg_image_widths gives, as WebP and as
 * JPEG (PNG when it has alpha), metadata stripped (no camera data or GPS position is
 * published); the logo (an SVG as checked, a PNG encoded again) and, from it, the favicon
 * (favicon.png, 32 px) and apple-touch-icon.png (180 px). A file whose name is already in
 * the previous site is linked from there and not made again: the names hold the hash of
 * the source file and the settings. */
#ifndef SG_WRITE_IMAGES_H
#define SG_WRITE_IMAGES_H
#include <stddef.h>

#include "../model/model.h"
#include "../util/diag.h"
#include "output.h"
#include "paths.h"

/* The site's paths of the icons made from site.yaml's logo. */
#define SG_FAVICON_PATH "favicon.png"
#define SG_TOUCH_ICON_PATH "apple-touch-icon.png"

/* Writes every image file of site into out. Returns the number of files written, or -1
 * after an error was added to d (an image libvips cannot decode: at the place that names
 * it). *made (when not NULL) is set to how many files were encoded rather than taken
 * from the previous site. */
long sg_write_images(sg_output *out, const sg_site *site, sg_diags *d, size_t *made);

/* The paths of the files sg_write_images writes, each once, added to out (write/paths.h
 * checks that nothing else writes them). */
void sg_images_paths(const sg_site *site, sg_out_paths *out);

#endif
