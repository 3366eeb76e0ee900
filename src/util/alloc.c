/* alloc.c — checked allocation (see alloc.h). */
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check(void *p)
{
	if (!p) {
		fputs("sofgen: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *sg_malloc(size_t n) { return check(malloc(n ? n : 1)); }
void *sg_calloc(size_t count, size_t size) { return check(calloc(count ? count : 1, size ? size : 1)); }
void *sg_realloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }

char *sg_strndup(const char *s, size_t n)
{
	char *d = sg_malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *sg_strdup(const char *s) { return sg_strndup(s, strlen(s)); }

char *sg_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return sg_strdup("");
	char *s = sg_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}
