/* escape.c — HTML/XML text escaping (see escape.h). */
#include "escape.h"

/* Which bytes HTML escaping replaces: most text has none, so runs without them are
 * found by table lookup and copied whole. */
static const unsigned char html_special[256] = {['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1};

void sg_escape_html(sg_buf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		if (!html_special[u[i]])
			continue;
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: rep = "&#39;"; break;
		}
		sg_buf_put(out, s + start, i - start);
		sg_buf_puts(out, rep);
		start = i + 1;
	}
	sg_buf_put(out, s + start, len - start);
}

int sg_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
