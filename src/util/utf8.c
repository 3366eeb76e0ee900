/* utf8.c — UTF-8 validation, cutting and escaping (see utf8.h). */
#include "utf8.h"

#include <string.h>

#include "buf.h"

/* Length of the valid sequence at s, or 0. */
static size_t seq_len(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];
	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (left < n)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

bool sg_utf8_valid(const char *str, size_t len, int *line, int *col)
{
	const unsigned char *s = (const unsigned char *)str;
	int ln = 1, cl = 1;
	size_t i = 0;
	while (i < len) {
		size_t n = seq_len(s + i, len - i);
		if (n == 0) {
			if (line)
				*line = ln;
			if (col)
				*col = cl;
			return false;
		}
		if (s[i] == '\n')
			ln++, cl = 1;
		else
			cl++;
		i += n;
	}
	return true;
}

size_t sg_utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t sg_utf8_prefix(const char *str, size_t len, size_t max_chars)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	for (size_t chars = 0; i < len && chars < max_chars; chars++) {
		size_t n = seq_len(s + i, len - i);
		i += n ? n : 1; /* a byte that is not UTF-8 is one character of its own */
	}
	return i;
}

void sg_utf8_escape(sg_buf *out, const char *str, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		size_t n = seq_len(s + i, len - i);
		/* C0 controls and DEL are one byte; C1 controls (U+0080–U+009F) are C2 80–C2 9F */
		bool control = n == 1 ? s[i] < 0x20 || s[i] == 0x7F : n == 2 && s[i] == 0xC2 && s[i + 1] <= 0x9F;
		if (n && !control) {
			sg_buf_put(out, s + i, n);
			i += n;
			continue;
		}
		size_t bytes = n ? n : 1;
		for (size_t k = 0; k < bytes; k++, i++) {
			unsigned char c = s[i];
			if (c == '\n')
				sg_buf_puts(out, "\\n");
			else if (c == '\r')
				sg_buf_puts(out, "\\r");
			else if (c == '\t')
				sg_buf_puts(out, "\\t");
			else {
				char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
				sg_buf_put(out, e, 4);
			}
		}
	}
}

char *sg_utf8_escaped(const char *s)
{
	sg_buf b = SG_BUF_INIT;
	sg_buf_grow(&b, strlen(s) + 1);
	sg_utf8_escape(&b, s, strlen(s));
	return sg_buf_detach(&b);
}
