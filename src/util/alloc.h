/* alloc.h — checked allocation. Out of memory is not a recoverable condition for a
 * build tool, so these end the process with a message (sg_out_of_memory) instead of
 * making every caller test for NULL. The libraries that allocate for sofgen (libcmark,
 * jansson) are given the same allocator, so they never see NULL either. */
#ifndef SG_ALLOC_H
#define SG_ALLOC_H
#include <stdbool.h>
#include <stddef.h>

void *sg_malloc(size_t n);
void *sg_calloc(size_t count, size_t size);
void *sg_realloc(void *p, size_t n);
char *sg_strdup(const char *s);
char *sg_strndup(const char *s, size_t n);
/* printf into a fresh string; the caller frees it. */
char *sg_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Ends sofgen when memory runs out, from any thread: the hook (if any) cleans up, then
 * "sofgen: out of memory; stopped without changing the site" goes to stderr and the
 * process exits with status 2 at once (_exit: no atexit handlers, no other thread runs
 * on; never abort() and its SIGABRT). A second thread that runs out meanwhile calls the
 * hook with first = false and waits for the exit. Never returns. */
_Noreturn void sg_out_of_memory(void);
/* The hook sg_out_of_memory calls before it exits: it must not allocate, and it runs in
 * the thread that ran out of memory (first = true), or in any other thread that runs out
 * while the first one cleans up (first = false: only release what this thread holds).
 * One hook per process: the output layer's (src/write/output.c), which removes the
 * temporary build folder so a half-written site is never left behind. */
void sg_set_out_of_memory_hook(void (*hook)(bool first));

#endif
