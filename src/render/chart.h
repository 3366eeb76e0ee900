/* chart.h — small bar charts as inline SVG, drawn at build time: no JavaScript and no
 * library. Each chart carries its own text alternative (<title> and <desc> listing
 * every value), and pages show the same numbers in a table beside it. */
#ifndef SG_CHART_H
#define SG_CHART_H
#include <stddef.h>

#include "../util/buf.h"

typedef struct sg_bar {
	const char *label;
	double value;
} sg_bar;

/* Appends a horizontal bar chart. `id` must be unique on the page; `unit` follows
 * each value ("tkr", "deltagare"). */
void sg_chart_bars(sg_buf *out, const char *id, const char *title, const char *unit, const sg_bar *bars, size_t n);

#endif
