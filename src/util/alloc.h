/* alloc.h — checked allocation. Out of memory is not a recoverable condition for a
 * build tool, so these abort with a message (as cmark's default allocator does)
 * instead of making every caller test for NULL. */
#ifndef SG_ALLOC_H
#define SG_ALLOC_H
#include <stddef.h>

void *sg_malloc(size_t n);
void *sg_calloc(size_t count, size_t size);
void *sg_realloc(void *p, size_t n);
char *sg_strdup(const char *s);
char *sg_strndup(const char *s, size_t n);
/* printf into a fresh string; the caller frees it. */
char *sg_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
