/* chart.c — inline SVG bar charts (see chart.h). */
#include "chart.h"

#include <string.h>

#include "../util/escape.h"
#include "../util/numfmt.h"

#define LABEL_W 150
#define BAR_W 380
#define ROW_H 26
#define VALUE_W 110

static void esc(sg_buf *out, const char *s) { sg_escape_html(out, s, strlen(s)); }

void sg_chart_bars(sg_buf *out, const char *id, const char *title, const char *unit, const sg_bar *bars, size_t n)
{
	double max = 0;
	for (size_t i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	int width = LABEL_W + BAR_W + VALUE_W, height = (int)n * ROW_H + 8;
	sg_buf_printf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	                   "aria-labelledby=\"%s-t %s-d\" xmlns=\"http://www.w3.org/2000/svg\">\n",
	              width, height, width, height, id, id);
	sg_buf_printf(out, "<title id=\"%s-t\">", id);
	esc(out, title);
	sg_buf_printf(out, "</title>\n<desc id=\"%s-d\">", id);
	char num[48];
	for (size_t i = 0; i < n; i++) {
		sg_buf_puts(out, i ? "; " : "");
		esc(out, bars[i].label);
		sg_buf_printf(out, ": %s %s", sg_format_sv(bars[i].value, num), unit);
	}
	sg_buf_puts(out, "</desc>\n");
	for (size_t i = 0; i < n; i++) {
		int y = 4 + (int)i * ROW_H;
		double w = max > 0 ? bars[i].value / max * BAR_W : 0;
		sg_buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">", LABEL_W - 8, y + 17);
		esc(out, bars[i].label);
		sg_buf_printf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"bar\"/>", LABEL_W, y + 3,
		              w, ROW_H - 8);
		sg_buf_printf(out, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s %s</text>\n", LABEL_W + w + 6, y + 17,
		              sg_format_sv(bars[i].value, num), unit);
	}
	sg_buf_puts(out, "</svg>\n");
}
