/* slug.c — the slug rule (see slug.h). */
#include "slug.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "unicode.h"

/* Latin-1 Supplement letters (U+00C0..U+00FF) in ASCII, lowercase; NULL means "not a
 * letter" (× and ÷, which become separators). */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  /* C0 */
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss", /* D0 */
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  /* E0 */
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y", /* F0 */
};

char *sg_slugify(const char *text)
{
	sg_buf out = SG_BUF_INIT;
	const unsigned char *s = (const unsigned char *)text;
	bool sep = false;
	char ascii[8];
	while (*s) {
		const char *c = NULL;
		if (*s < 0x80) {
			ascii[0] = (char)*s;
			ascii[1] = '\0';
			if (ascii[0] >= 'A' && ascii[0] <= 'Z')
				ascii[0] = (char)(ascii[0] - 'A' + 'a');
			if ((ascii[0] >= 'a' && ascii[0] <= 'z') || (ascii[0] >= '0' && ascii[0] <= '9'))
				c = ascii;
			s++;
		} else if (*s == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
			c = latin1[(s[1] | 0x40) - 0xC0];
			s += 2;
		} else {
			uint32_t cp = sg_utf8_next(&s);
			/* a combining accent (U+0300..U+036F): "a" + U+030A is the decomposed "å" that
			 * macOS uses in file names; the letter before it stands. A soft hyphen or a
			 * zero-width character is not there either. */
			if ((cp >= 0x300 && cp <= 0x36F) || sg_is_invisible(cp))
				continue;
			if (cp >= 0x100) { /* Latin letters beyond Latin-1: "ł" → "l", "č" → "c" */
				sg_latin_ascii(cp, ascii);
				if (ascii[0])
					c = ascii;
			}
		}
		if (!c) {
			sep = out.len > 0;
			continue;
		}
		if (sep)
			sg_buf_putc(&out, '-');
		sep = false;
		sg_buf_puts(&out, c);
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
