/* utf8.h — UTF-8 validation with the position of the first bad byte. */
#ifndef SG_UTF8_H
#define SG_UTF8_H
#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no NUL bytes).
 * Otherwise *line and *col (1-based, columns in characters) locate the bad byte. */
bool sg_utf8_valid(const char *s, size_t len, int *line, int *col);
/* The same, but NUL bytes count as valid (the character U+0000, refused later with a
 * better message than "not UTF-8" by sg_text_find_refused). */
bool sg_utf8_valid_nul(const char *s, size_t len, int *line, int *col);
/* Number of characters (code points) in valid UTF-8. */
size_t sg_utf8_length(const char *s, size_t len);

/* The code point of the UTF-8 sequence at s (at most `left` bytes) and, in *n, its
 * length; an invalid byte decodes as itself with length 1. */
unsigned sg_utf8_decode(const char *s, size_t left, size_t *n);

/* Characters that must never reach a page, a feed or an e-mail, and are refused when
 * content is read: the C0 controls except tab, line feed and carriage return
 * (U+0000–U+001F), DEL (U+007F), the C1 controls (U+0080–U+009F: XML 1.0 only
 * discourages them, but HTML counts them as errors and in practice they are Windows-1252
 * punctuation converted wrongly), and the noncharacters (U+FDD0–U+FDEF and U+xFFFE,
 * U+xFFFF; U+FFFE and U+FFFF are not XML characters at all). */
bool sg_char_refused(unsigned cp);
/* Offset of the first refused character of s[from..len), or len; its code point in *cp. */
size_t sg_text_find_refused(const char *s, size_t len, size_t from, unsigned *cp);
/* Says what the refused character cp is and what to do, for messages, into buf:
 * "the control character U+0007 (BEL), which cannot appear on a page, in a feed or in
 * an e-mail; remove it". */
void sg_char_refusal(unsigned cp, char *buf, size_t len);

#endif
