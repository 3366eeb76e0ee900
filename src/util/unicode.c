/* unicode.c — NFC, invisible characters and Latin letters as ASCII (see unicode.h). */
#include "unicode.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "i18n.h"

uint32_t sg_utf8_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = p[0];
	size_t n = 1;
	if (c >= 0xF0)
		c &= 0x07, n = 4;
	else if (c >= 0xE0)
		c &= 0x0F, n = 3;
	else if (c >= 0xC0)
		c &= 0x1F, n = 2;
	else if (c >= 0x80) { /* a continuation byte with no lead */
		*s = p + 1;
		return 0xFFFD;
	}
	size_t i = 1;
	for (; i < n && (p[i] & 0xC0) == 0x80; i++)
		c = (c << 6) | (p[i] & 0x3F);
	if (i < n) { /* cut short (a byte that is not UTF-8, or the end of the text): one byte only */
		*s = p + 1;
		return 0xFFFD;
	}
	*s = p + n;
	return c;
}

char *sg_nfc(const char *s, size_t len, size_t *out_len)
{
	/* Every character below U+0300 is NFC and never combines with what follows; their
	 * UTF-8 bytes are all below 0xCC. */
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0xCC)
		i++;
	if (i == len || len > INT32_MAX / 4)
		return NULL;
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
	if (U_FAILURE(e))
		return NULL;
	/* from the start of the line before the first such character: a character that
	 * combines with it stands before it on its line */
	size_t from = i;
	while (from > 0 && s[from - 1] != '\n')
		from--;
	int32_t ulen = 0;
	UChar *u = sg_malloc((len - from + 1) * sizeof *u);
	u_strFromUTF8(u, (int32_t)(len - from + 1), &ulen, s + from, (int32_t)(len - from), &e);
	char *out = NULL;
	if (U_SUCCESS(e) && unorm2_spanQuickCheckYes(nfc, u, ulen, &e) < ulen && U_SUCCESS(e)) {
		int32_t cap = ulen * 3 + 16, n;
		UChar *v = sg_malloc((size_t)cap * sizeof *v);
		n = unorm2_normalize(nfc, u, ulen, v, cap, &e);
		if (e == U_BUFFER_OVERFLOW_ERROR) {
			e = U_ZERO_ERROR;
			free(v);
			cap = n + 1;
			v = sg_malloc((size_t)cap * sizeof *v);
			n = unorm2_normalize(nfc, u, ulen, v, cap, &e);
		}
		int32_t blen = 0;
		if (U_SUCCESS(e)) {
			UErrorCode e2 = U_ZERO_ERROR;
			u_strToUTF8(NULL, 0, &blen, v, n, &e2); /* the length only */
			out = sg_malloc(from + (size_t)blen + 1);
			memcpy(out, s, from);
			u_strToUTF8(out + from, blen + 1, &blen, v, n, &e);
			if (U_FAILURE(e)) {
				free(out);
				out = NULL;
			} else {
				*out_len = from + (size_t)blen;
				out[*out_len] = '\0';
			}
		}
		free(v);
	}
	free(u);
	return out;
}

bool sg_is_invisible(uint32_t cp)
{
	return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

const char *sg_invisible_name(uint32_t cp)
{
	switch (cp) {
	case 0xAD: return _("soft hyphen");
	case 0x200B: return _("zero-width space");
	case 0x200C: return _("zero-width non-joiner");
	case 0x200D: return _("zero-width joiner");
	case 0x2060: return _("word joiner");
	case 0xFEFF: return _("zero-width no-break space");
	default: return _("invisible character");
	}
}

long sg_invisible_in_name(const char *s, uint32_t *cp, size_t *index)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	while (*p) {
		const unsigned char *at = p;
		uint32_t c = *p < 0x80 ? *p++ : sg_utf8_next(&p);
		n++;
		if (sg_is_invisible(c)) {
			*cp = c;
			*index = n;
			return (long)(at - (const unsigned char *)s);
		}
	}
	return -1;
}

/* Latin letters that do not decompose to an ASCII letter and a mark */
static const struct {
	uint32_t cp;
	const char *ascii;
} special[] = {
	{0x0110, "d"},  {0x0111, "d"},  {0x0126, "h"},  {0x0127, "h"},  {0x0131, "i"},  {0x0132, "ij"}, {0x0133, "ij"},
	{0x0138, "k"},  {0x013F, "l"},  {0x0140, "l"},  {0x0141, "l"},  {0x0142, "l"},  {0x0149, "n"},  {0x014A, "n"},
	{0x014B, "n"},  {0x0152, "oe"}, {0x0153, "oe"}, {0x0166, "t"},  {0x0167, "t"},  {0x017F, "s"},  {0x0180, "b"},
	{0x0181, "b"},  {0x0187, "c"},  {0x0188, "c"},  {0x0189, "d"},  {0x018A, "d"},  {0x0191, "f"},  {0x0192, "f"},
	{0x0193, "g"},  {0x0197, "i"},  {0x0198, "k"},  {0x0199, "k"},  {0x019A, "l"},  {0x019D, "n"},  {0x019E, "n"},
	{0x01A4, "p"},  {0x01A5, "p"},  {0x01AB, "t"},  {0x01AC, "t"},  {0x01AD, "t"},  {0x01AE, "t"},  {0x01B2, "v"},
	{0x01B3, "y"},  {0x01B4, "y"},  {0x01B5, "z"},  {0x01B6, "z"},  {0x01E4, "g"},  {0x01E5, "g"},  {0x0221, "d"},
	{0x0234, "l"},  {0x0235, "n"},  {0x0236, "t"},  {0x0237, "j"},  {0x023A, "a"},  {0x023B, "c"},  {0x023C, "c"},
	{0x023D, "l"},  {0x023E, "t"},  {0x023F, "s"},  {0x0240, "z"},  {0x0243, "b"},  {0x0244, "u"},  {0x0246, "e"},
	{0x0247, "e"},  {0x0248, "j"},  {0x0249, "j"},  {0x024C, "r"},  {0x024D, "r"},  {0x024E, "y"},  {0x024F, "y"},
	{0x1E9E, "ss"},
};

void sg_latin_ascii(uint32_t cp, char out[8])
{
	out[0] = '\0';
	size_t lo = 0, hi = sizeof special / sizeof *special;
	while (lo < hi) { /* the table is sorted */
		size_t mid = (lo + hi) / 2;
		if (special[mid].cp == cp) {
			strcpy(out, special[mid].ascii);
			return;
		}
		if (special[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&e);
	if (U_FAILURE(e))
		return;
	UChar d[16];
	int32_t n = unorm2_getDecomposition(nfkd, (UChar32)cp, d, 16, &e);
	if (U_FAILURE(e) || n <= 0)
		return;
	/* only a decomposition into ASCII letters and digits and marks counts: "č" is
	 * "c" + caron, "ǆ" is "dz" + caron; "½" (1, fraction slash, 2) is no letter */
	size_t o = 0;
	for (int32_t i = 0; i < n; i++) {
		UChar c = d[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			if (o + 1 >= 8)
				break;
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		} else if (!(c >= 0x300 && c <= 0x36F)) {
			o = 0;
			break;
		}
	}
	out[o] = '\0';
}
