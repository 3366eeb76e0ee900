/* unicode.h — Unicode rules for the text sofgen reads, with ICU: text is kept in NFC
 * (composed: "å" is one character however the editor's system wrote it), and names
 * must not hide invisible characters. */
#ifndef SG_UNICODE_H
#define SG_UNICODE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The NFC form of valid UTF-8 s[0..len): NULL when s is NFC already (checked without
 * ICU when no character is U+0300 or above, as in most Swedish text), otherwise a
 * malloc'd, NUL-terminated NFC copy whose length is in *out_len. */
char *sg_nfc(const char *s, size_t len, size_t *out_len);

/* The first invisible character in the UTF-8 name s that a name must not have: soft
 * hyphen U+00AD, zero-width space, non-joiner and joiner U+200B–U+200D, word joiner
 * U+2060, and U+FEFF (a byte order mark inside text). Returns its byte offset, or -1;
 * *cp is the character, *index its position in characters (1-based). */
long sg_invisible_in_name(const char *s, uint32_t *cp, size_t *index);
/* What the character that sg_invisible_in_name found is called, e.g. "zero-width space". */
const char *sg_invisible_name(uint32_t cp);
/* True for the characters sg_invisible_in_name looks for. */
bool sg_is_invisible(uint32_t cp);

/* Decodes the character at *s and moves *s past it; a byte that does not start a
 * complete UTF-8 sequence (a file name in Latin-1, a text cut short) is U+FFFD and one
 * byte long, so the reader never skips a letter or the end of the text. */
uint32_t sg_utf8_next(const unsigned char **s);

/* ASCII letters and digits for the character cp beyond Latin-1, lowercase, for slugs:
 * its letters without marks ("č" → "c", "İ" → "i", "ǆ" → "dz"), or a Latin letter
 * that has no decomposition ("ł" → "l", "œ" → "oe", "đ" → "d"); "" when there is none
 * (other scripts, symbols). out holds at least 8 bytes. */
void sg_latin_ascii(uint32_t cp, char out[8]);

#endif
