/* escape.c — HTML/XML text escaping (see escape.h). */
#include "escape.h"

void sg_escape_html(sg_buf *out, const char *s, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		sg_buf_put(out, s + start, i - start);
		sg_buf_puts(out, rep);
		start = i + 1;
	}
	sg_buf_put(out, s + start, len - start);
}
