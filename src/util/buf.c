/* buf.c — growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void sg_buf_init(sg_buf *b) { b->ptr = NULL, b->len = 0, b->cap = 0; }

void sg_buf_free(sg_buf *b)
{
	free(b->ptr);
	sg_buf_init(b);
}

void sg_buf_clear(sg_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void sg_buf_grow(sg_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap += cap / 2 + 64;
	b->ptr = sg_realloc(b->ptr, cap);
	b->cap = cap;
	b->ptr[b->len] = '\0'; /* the text is always terminated, also while still empty */
}

void sg_buf_put(sg_buf *b, const void *data, size_t n)
{
	sg_buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void sg_buf_puts(sg_buf *b, const char *s) { sg_buf_put(b, s, strlen(s)); }

void sg_buf_putc(sg_buf *b, char c)
{
	sg_buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void sg_buf_vprintf(sg_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0)
		return;
	sg_buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void sg_buf_printf(sg_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void sg_buf_truncate(sg_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

const char *sg_buf_cstr(const sg_buf *b) { return b->ptr ? b->ptr : ""; }

char *sg_buf_detach(sg_buf *b)
{
	char *s = b->ptr ? b->ptr : sg_strdup("");
	sg_buf_init(b);
	return s;
}
