/* frontmatter.c — front matter splitting (see frontmatter.h). */
#include "frontmatter.h"

#include <string.h>

void sg_text_normalize(char *text, size_t *len)
{
	size_t n = *len, i = 0, o = 0;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		if (text[i] == '\r') {
			text[o++] = '\n';
			if (i + 1 < n && text[i + 1] == '\n')
				i++;
		} else {
			text[o++] = text[i];
		}
	}
	text[o] = '\0';
	*len = o;
}

/* Is the line at p (ending at '\n' or end) exactly `mark` plus trailing blanks? */
static size_t fence(const char *p, const char *end, const char *mark)
{
	size_t m = strlen(mark);
	if ((size_t)(end - p) < m || memcmp(p, mark, m) != 0)
		return 0;
	const char *q = p + m;
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (q < end && *q != '\n')
		return 0;
	return (size_t)(q - p) + (q < end ? 1 : 0);
}

sg_fm_result sg_frontmatter_split(const char *text, size_t len, sg_fm_split *out)
{
	const char *end = text + len;
	memset(out, 0, sizeof *out);
	size_t open = fence(text, end, "---");
	if (!open) {
		out->body = text, out->body_len = len, out->body_line = 1;
		return SG_FM_NONE;
	}
	const char *p = text + open;
	int line = 2;
	out->yaml = p, out->yaml_line = 2;
	while (p < end) {
		size_t close = fence(p, end, "---");
		if (!close)
			close = fence(p, end, "...");
		if (close) {
			out->yaml_len = (size_t)(p - out->yaml);
			out->body = p + close;
			out->body_len = (size_t)(end - out->body);
			out->body_line = line + 1;
			return SG_FM_OK;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		line++;
	}
	out->yaml_len = (size_t)(end - out->yaml);
	return SG_FM_UNCLOSED;
}
