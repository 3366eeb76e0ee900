/* alloc.c — checked allocation (see alloc.h). */
#include "alloc.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The only process-wide state of sofgen besides the output layer's list of build
 * folders: what to do when memory runs out concerns the whole process. */
typedef void (*oom_fn)(bool first);
static _Atomic(oom_fn) oom_hook;
static atomic_flag oom_once = ATOMIC_FLAG_INIT;

void sg_set_out_of_memory_hook(void (*hook)(bool first)) { atomic_store(&oom_hook, hook); }

_Noreturn void sg_out_of_memory(void)
{
	oom_fn hook = atomic_load(&oom_hook);
	if (atomic_flag_test_and_set(&oom_once)) {
		/* another thread is cleaning up and will end the process */
		if (hook)
			hook(false);
		for (;;)
			pause();
	}
	if (hook)
		hook(true);
	static const char msg[] = "sofgen: out of memory; stopped without changing the site\n";
	size_t done = 0;
	while (done < sizeof msg - 1) {
		ssize_t w = write(STDERR_FILENO, msg + done, sizeof msg - 1 - done);
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	_exit(2);
}

static void *check(void *p)
{
	if (!p)
		sg_out_of_memory();
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
