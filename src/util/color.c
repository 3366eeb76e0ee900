/* color.c — see color.h. The formulas are WCAG 2.1's (Understanding SC 1.4.3: relative
 * luminance and contrast ratio); no Debian library computes them for sRGB hex colours,
 * so they are written here, in a few lines. */
#include "color.h"
#include "escape.h"

#include <math.h>
#include <stdio.h>
#include <string.h>


bool sg_color_parse(const char *s, sg_rgb *out)
{
	if (!s || s[0] != '#')
		return false;
	size_t n = strlen(s + 1);
	if (n != 3 && n != 6)
		return false;
	int d[6];
	for (size_t i = 0; i < n; i++)
		if ((d[i] = sg_hex_digit(s[1 + i])) < 0)
			return false;
	if (n == 3)
		*out = (sg_rgb){(unsigned char)(d[0] * 17), (unsigned char)(d[1] * 17), (unsigned char)(d[2] * 17)};
	else
		*out = (sg_rgb){(unsigned char)(d[0] * 16 + d[1]), (unsigned char)(d[2] * 16 + d[3]),
		                (unsigned char)(d[4] * 16 + d[5])};
	return true;
}

char *sg_color_hex(sg_rgb c, char out[8])
{
	snprintf(out, 8, "#%02x%02x%02x", c.r, c.g, c.b);
	return out;
}

/* One sRGB channel (0–255) as linear light, WCAG 2.1's formula. */
static double linear(unsigned char v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double sg_color_luminance(sg_rgb c)
{
	return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double sg_color_contrast(sg_rgb a, sg_rgb b)
{
	double la = sg_color_luminance(a), lb = sg_color_luminance(b);
	double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
	return (hi + 0.05) / (lo + 0.05);
}

/* c with every channel multiplied by k (0–1), rounded down. */
static sg_rgb scaled(sg_rgb c, double k)
{
	return (sg_rgb){(unsigned char)(c.r * k), (unsigned char)(c.g * k), (unsigned char)(c.b * k)};
}

sg_rgb sg_color_darken_to(sg_rgb c, sg_rgb bg, double ratio)
{
	if (sg_color_contrast(c, bg) >= ratio)
		return c;
	/* contrast against a light background grows as k shrinks: bisect for the largest k */
	double lo = 0, hi = 1;
	for (int i = 0; i < 30; i++) {
		double mid = (lo + hi) / 2;
		if (sg_color_contrast(scaled(c, mid), bg) >= ratio)
			lo = mid;
		else
			hi = mid;
	}
	return scaled(c, lo);
}
