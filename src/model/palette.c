/* palette.c — `colors:` in site.yaml and in a förbund file: the colours the site's style
 * takes from them (style.css's custom properties --brand and --link), each checked
 * against what is drawn on it or beside it, so that no choice falls below WCAG 2.1 AA. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/color.h"
#include "../util/i18n.h"
#include "fields.h"
#include "builders.h"

/* Every pair the style puts a palette colour in: the colour, what is against it, the
 * ratio AA asks for (4.5:1 for text) and where a reader meets the pair. */
static const struct palette_check {
	const char *key;
	const char *against; /* style.css's colour, as #rrggbb */
	double min;
	const char *where; /* N_(): translated where it is shown */
} checks[] = {
	{"brand", "#ffffff", 4.5, N_("white text on it (the header, buttons, the menu)")},
	{"link", "#ffffff", 4.5, N_("the white page it is a link on")},
	{"link", "#f3f6f9", 4.5, N_("the light grey boxes it is a link in")},
};

/* The slot of p for a key of the table. */
static char *slot(sg_palette *p, const char *key)
{
	return strcmp(key, "brand") == 0 ? p->brand : p->link;
}

void sg_palette_read(sg_palette *p, const sg_fields *f, const sg_value *map, const sg_key *keys)
{
	memset(p, 0, sizeof *p);
	const sg_value *m = sg_field_map(f, map, "colors");
	if (!m)
		return;
	const sg_key *known = sg_key_sub(keys, "colors");
	sg_fields_check_keys(f, m, known, "colors");
	for (const sg_key *k = known; k && k->name; k++) {
		const sg_value *v = sg_value_get(m, k->name);
		if (!v)
			continue;
		int line = sg_fields_line(f, v), col = sg_fields_col(v);
		char *text = sg_field_text(f, m, k->name, false, NULL);
		if (!text) {
			/* `link: #0a4f8a` without quotes: YAML reads a comment and no value */
			sg_error(f->d, f->file, line, col,
			         "colors: '%s' has no value; a colour must be in quotes, e.g. %s: \"#0b3d62\" (without them "
			         "YAML takes everything after # as a comment)",
			         k->name, k->name);
			continue;
		}
		sg_rgb c;
		if (!sg_color_parse(text, &c)) {
			sg_error(f->d, f->file, line, col,
			         "colors: '%s' must be a colour written #rrggbb, e.g. \"#0b3d62\" (in quotes: YAML takes the "
			         "rest of a line after # as a comment), not '%s'",
			         k->name, text);
			free(text);
			continue;
		}
		free(text);
		/* the suggestion meets every pair of the key: darker only adds contrast on light grounds */
		sg_rgb better = c;
		const struct palette_check *failed = NULL;
		for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
			if (strcmp(checks[i].key, k->name) != 0)
				continue;
			sg_rgb bg;
			sg_color_parse(checks[i].against, &bg);
			if (!failed && sg_color_contrast(c, bg) < checks[i].min)
				failed = &checks[i];
			better = sg_color_darken_to(better, bg, checks[i].min);
		}
		if (failed) {
			sg_rgb bg;
			sg_color_parse(failed->against, &bg);
			char was[8], hex[8];
			sg_error(f->d, f->file, line, col,
			         "colors: '%s' %s has a contrast of %.1f:1 with %s; WCAG 2.1 AA asks for at least %.1f:1: "
			         "choose a darker colour, e.g. \"%s\"",
			         k->name, sg_color_hex(c, was), floor(sg_color_contrast(c, bg) * 10) / 10, _(failed->where), failed->min,
			         sg_color_hex(better, hex));
		}
		if (!failed)
			sg_color_hex(c, slot(p, k->name));
	}
}
