/* color.h — sRGB colours as site.yaml gives them ("#0b3d62") and the WCAG 2.1 contrast
 * ratio between two of them, so that a chosen palette can be refused when its text would
 * fall below AA. Pure functions, no allocation. */
#ifndef SG_COLOR_H
#define SG_COLOR_H

#include <stdbool.h>

typedef struct sg_rgb {
	unsigned char r, g, b;
} sg_rgb;

/* Reads "#rrggbb" or "#rgb" (hex digits in either case) into *out. False, *out
 * untouched, for anything else (names, rgb(), a missing '#', blanks). */
bool sg_color_parse(const char *s, sg_rgb *out);

/* Writes c as "#rrggbb" (lowercase) into out, which holds 8 bytes, and returns out. */
char *sg_color_hex(sg_rgb c, char out[8]);

/* WCAG 2.1's relative luminance of c (0 black … 1 white). */
double sg_color_luminance(sg_rgb c);

/* WCAG 2.1's contrast ratio of a and b, 1 … 21, in either order. */
double sg_color_contrast(sg_rgb a, sg_rgb b);

/* The lightest colour of c's hue (its channels scaled by one factor) that has a
 * contrast of at least `ratio` with `bg`, a light background; c itself when it already
 * has. Suggested to an editor whose colour is too light. */
sg_rgb sg_color_darken_to(sg_rgb c, sg_rgb bg, double ratio);

#endif
