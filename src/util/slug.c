/* slug.c — the slug rule (see slug.h). */
#include "slug.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

/* Latin-1 Supplement letters (U+00C0..U+00FF) to their ASCII base, lowercase;
 * 0 means "not a letter we map" (becomes a separator). */
static const char latin1[64] = {
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* C0 */
	'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   's', /* D0 */
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', /* E0 */
	'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y', /* F0 */
};

char *sg_slugify(const char *text)
{
	sg_buf out = SG_BUF_INIT;
	const unsigned char *s = (const unsigned char *)text;
	bool sep = false;
	while (*s) {
		char c = 0;
		if (*s < 0x80) {
			c = (char)*s;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				c = 0;
			s++;
		} else if (*s == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
			c = latin1[(s[1] | 0x40) - 0xC0];
			s += 2;
		} else if ((s[0] == 0xCC && s[1] >= 0x80 && s[1] <= 0xBF) || (s[0] == 0xCD && s[1] >= 0x80 && s[1] <= 0xAF)) {
			/* a combining accent (U+0300..U+036F): "a" + U+030A is the decomposed "å" that
			 * macOS uses in file names; the letter before it stands */
			s += 2;
			continue;
		} else {
			s++;
			while ((*s & 0xC0) == 0x80)
				s++;
		}
		if (!c) {
			sep = out.len > 0;
			continue;
		}
		if (sep)
			sg_buf_putc(&out, '-');
		sep = false;
		sg_buf_putc(&out, c);
	}
	return sg_buf_detach(&out);
}

bool sg_is_slug(const char *s)
{
	if (!*s)
		return false;
	char *t = sg_slugify(s);
	bool ok = strcmp(s, t) == 0;
	free(t);
	return ok;
}
