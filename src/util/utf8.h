/* utf8.h — UTF-8 validation with the position of the first bad byte. */
#ifndef SG_UTF8_H
#define SG_UTF8_H
#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no NUL bytes).
 * Otherwise *line and *col (1-based, columns in characters) locate the bad byte. */
bool sg_utf8_valid(const char *s, size_t len, int *line, int *col);
/* Number of characters (code points) in valid UTF-8. */
size_t sg_utf8_length(const char *s, size_t len);

#endif
