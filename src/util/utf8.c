/* utf8.c — UTF-8 validation (see utf8.h). */
#include "utf8.h"

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
