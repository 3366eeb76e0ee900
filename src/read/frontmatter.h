/* frontmatter.h — splitting a content file into YAML front matter and Markdown body,
 * after normalising its text (byte-order mark dropped, CRLF → LF). */
#ifndef SG_FRONTMATTER_H
#define SG_FRONTMATTER_H
#include <stddef.h>

typedef struct sg_fm_split {
	const char *yaml; /* front matter text (between the --- lines), borrowed */
	size_t yaml_len;
	int yaml_line; /* file line of the first front-matter line */
	const char *body; /* the rest, borrowed */
	size_t body_len;
	int body_line; /* file line where the body starts */
} sg_fm_split;

typedef enum {
	SG_FM_OK,
	SG_FM_NONE,     /* the file does not start with a '---' line */
	SG_FM_UNCLOSED, /* no closing '---' (or '...') line */
} sg_fm_result;

/* Drops a UTF-8 byte-order mark and turns CRLF and lone CR into LF, in place. */
void sg_text_normalize(char *text, size_t *len);
/* Splits normalised text. On SG_FM_NONE the whole text is the body. */
sg_fm_result sg_frontmatter_split(const char *text, size_t len, sg_fm_split *out);

#endif
