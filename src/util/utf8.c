/* utf8.c — UTF-8 validation, cutting and escaping (see utf8.h). */
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "i18n.h"

/* Length of the valid sequence at s, or 0 (a NUL byte is 0 unless nul_ok). */
static size_t seq_len(const unsigned char *s, size_t left, bool nul_ok)
{
	unsigned char c = s[0];
	if (c == 0)
		return nul_ok;
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

static bool valid(const char *str, size_t len, bool nul_ok, int *line, int *col)
{
	const unsigned char *s = (const unsigned char *)str;
	int ln = 1, cl = 1;
	size_t i = 0;
	while (i < len) {
		size_t n = seq_len(s + i, len - i, nul_ok);
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

bool sg_utf8_valid(const char *s, size_t len, int *line, int *col) { return valid(s, len, false, line, col); }
bool sg_utf8_valid_nul(const char *s, size_t len, int *line, int *col) { return valid(s, len, true, line, col); }

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
		size_t n = seq_len(s + i, len - i, true);
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
		size_t n = seq_len(s + i, len - i, false);
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

unsigned sg_utf8_decode(const char *str, size_t left, size_t *n)
{
	const unsigned char *s = (const unsigned char *)str;
	*n = left ? seq_len(s, left, true) : 0;
	if (*n <= 1) {
		*n = 1;
		return s[0];
	}
	unsigned cp = s[0] & (0xFF >> (*n + 1));
	for (size_t i = 1; i < *n; i++)
		cp = cp << 6 | (s[i] & 0x3F);
	return cp;
}

bool sg_char_refused(unsigned cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r';
	return (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* The bytes that can start a refused character: the C0 controls but tab, LF and CR, DEL,
 * and the lead bytes of C1 controls (C2) and of noncharacters (EF, F0–F4). Every other
 * byte is skipped with one load: this scan reads every content file and text. */
static const unsigned char may_refuse[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1,
    [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1,
    [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [0x7F] = 1, [0xC2] = 1, [0xEF] = 1,
    [0xF0] = 1, [0xF1] = 1, [0xF2] = 1, [0xF3] = 1, [0xF4] = 1,
};

size_t sg_text_find_refused(const char *str, size_t len, size_t from, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = from; i < len; i++) {
		if (!may_refuse[s[i]])
			continue;
		size_t n;
		unsigned x = sg_utf8_decode(str + i, len - i, &n);
		if (sg_char_refused(x)) {
			*cp = x;
			return i;
		}
		i += n - 1;
	}
	return len;
}

/* Names of the C0 controls, then DEL. */
static const char *const c0_names[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF",
                                       "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                       "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
/* What Windows-1252 has at 0x80–0x9F (NULL: nothing), the usual source of C1 controls:
 * text saved as Windows-1252, read as Latin-1 and saved as UTF-8. */
static const char *const cp1252[] = {"€", NULL, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", NULL, "Ž", NULL,
                                     NULL, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", NULL, "ž", "Ÿ"};

void sg_char_refusal(unsigned cp, char *buf, size_t len)
{
	const char *where = _("which cannot appear on a page, in a feed or in an e-mail");
	if (cp < 0x20 || cp == 0x7F)
		snprintf(buf, len, _("the control character U+%04X (%s), %s; remove it"), cp, cp == 0x7F ? "DEL" : c0_names[cp],
		         where);
	else if (cp >= 0x80 && cp <= 0x9F && cp1252[cp - 0x80])
		snprintf(buf, len, _("the control character U+%04X, %s; it is probably '%s' from text converted from "
		                             "Windows-1252: write '%s' instead"), cp, where, cp1252[cp - 0x80], cp1252[cp - 0x80]);
	else if (cp >= 0x80 && cp <= 0x9F)
		snprintf(buf, len, _("the control character U+%04X, %s; remove it"), cp, where);
	else
		snprintf(buf, len, _("U+%04X, which is not a character and cannot appear on a page, in a feed or in an e-mail; "
		                     "remove it"), cp);
}
