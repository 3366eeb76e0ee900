/* utf8.h — UTF-8 validation with the position of the first bad byte; cutting text on
 * character boundaries; showing any bytes as safe, valid UTF-8 text. */
#ifndef SG_UTF8_H
#define SG_UTF8_H
#include <stdbool.h>
#include <stddef.h>

struct sg_buf;

/* True when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no NUL bytes).
 * Otherwise *line and *col (1-based, columns in characters) locate the bad byte. */
bool sg_utf8_valid(const char *s, size_t len, int *line, int *col);
/* The same, but NUL bytes count as valid (the character U+0000, refused later with a
 * better message than "not UTF-8" by sg_text_find_refused). */
bool sg_utf8_valid_nul(const char *s, size_t len, int *line, int *col);
/* Number of characters (code points) in valid UTF-8. */
size_t sg_utf8_length(const char *s, size_t len);
/* How many bytes the first max_chars characters of s[0..len) take: text is only ever
 * cut there, never inside a character (a byte that is not part of valid UTF-8 counts
 * as one character). Use it for every shortened quote, e.g. printf's "%.*s". */
size_t sg_utf8_prefix(const char *s, size_t len, size_t max_chars);
/* Appends s[0..len) to out as valid UTF-8 that cannot move a terminal's cursor: valid
 * UTF-8 is copied, except control characters; a newline, carriage return and tab
 * become \n, \r and \t, any other control character (U+0000–U+001F, U+007F–U+009F)
 * and every byte that is not part of valid UTF-8 become \xHH, one per byte, in
 * uppercase hex (a Latin-1 "ä" is \xE4, ESC is \x1B). A backslash is left as it is:
 * the notation is for people reading messages, not meant to be decoded. */
void sg_utf8_escape(struct sg_buf *out, const char *s, size_t len);
/* sg_utf8_escape of a C string into a new string (malloc'd; the caller frees it). */
char *sg_utf8_escaped(const char *s);

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
