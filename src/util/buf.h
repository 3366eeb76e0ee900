/* buf.h — a growable byte buffer with a stable handle (in the style of cmark_strbuf).
 * The struct is public so it can live on the stack; `ptr` is always NUL-terminated
 * after any operation (or NULL while empty and never written). The buffer owns `ptr`. */
#ifndef SG_BUF_H
#define SG_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct sg_buf {
	char *ptr;
	size_t len;
	size_t cap;
} sg_buf;

#define SG_BUF_INIT {NULL, 0, 0}

void sg_buf_init(sg_buf *b);
void sg_buf_free(sg_buf *b);
void sg_buf_clear(sg_buf *b); /* len = 0, keeps capacity */
void sg_buf_grow(sg_buf *b, size_t extra);
void sg_buf_put(sg_buf *b, const void *data, size_t n);
void sg_buf_puts(sg_buf *b, const char *s);
void sg_buf_putc(sg_buf *b, char c);
void sg_buf_printf(sg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sg_buf_vprintf(sg_buf *b, const char *fmt, va_list ap);
void sg_buf_truncate(sg_buf *b, size_t len);
/* The contents as a C string ("" while empty); valid until the next write. */
const char *sg_buf_cstr(const sg_buf *b);
/* Hands the string to the caller (who frees it) and resets the buffer. */
char *sg_buf_detach(sg_buf *b);

#endif
