/* suggest.c — closest-match suggestions (see suggest.h). */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "slug.h"

/* Compare on slugs: "Boras", "borås" and "BORÅS" are the same word. */
size_t sg_edit_distance(const char *a, const char *b)
{
	char *x = sg_slugify(a), *y = sg_slugify(b);
	size_t n = strlen(x), m = strlen(y);
	size_t *row = sg_malloc((m + 1) * sizeof *row);
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (x[i - 1] != y[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[m];
	free(row);
	free(x);
	free(y);
	return d;
}

const char *sg_closest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t d = sg_edit_distance(word, candidates[i]);
		if (d < best_d)
			best_d = d, best = candidates[i];
	}
	char *slug = sg_slugify(word); /* the distance is measured on slugs: so is the limit */
	size_t len = strlen(slug);
	free(slug);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	return best && best_d <= limit ? best : NULL;
}
