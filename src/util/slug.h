/* slug.h — the URL slug rule of the content format: lowercase ASCII letters and
 * digits joined by single hyphens; å ä → a, ö → o, é → e (and other Latin letters
 * with marks to their base letter: č → c, ł → l, ź → z), æ → ae, ß → ss, þ → th;
 * soft hyphens and zero-width characters are left out; anything else (other
 * scripts, punctuation) → '-'. */
#ifndef SG_SLUG_H
#define SG_SLUG_H
#include <stdbool.h>

/* The slug of UTF-8 text (malloc'd; "" when nothing is left). */
char *sg_slugify(const char *text);
/* True when s is already a slug (non-empty, and sg_slugify(s) equals s). */
bool sg_is_slug(const char *s);

#endif
