/* suggest.h — "did you mean": the closest candidate to a misspelt word. */
#ifndef SG_SUGGEST_H
#define SG_SUGGEST_H
#include <stddef.h>

/* Edit distance between two UTF-8 strings, counted in code points, compared
 * case-insensitively for ASCII and with å/ä/ö folded to a/a/o. */
size_t sg_edit_distance(const char *a, const char *b);
/* The candidate closest to word, or NULL when none is reasonably close (distance
 * more than a third of the word's length, at least 2). Borrowed from candidates. */
const char *sg_closest(const char *word, const char *const *candidates, size_t n);

#endif
