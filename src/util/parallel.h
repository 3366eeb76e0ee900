/* parallel.h — running a function over numbered chunks of work on several threads.
 * Chunks are handed out in order from an atomic counter, so threads that finish
 * early take more. Whatever a chunk produces (results, diagnostics) the caller keeps
 * per item or per chunk and combines in order afterwards: the result is then the
 * same for any number of threads. */
#ifndef SG_PARALLEL_H
#define SG_PARALLEL_H
#include <stddef.h>

/* Does items [begin, end), which make up chunk number `chunk`. Called on any thread. */
typedef void (*sg_chunk_fn)(void *ctx, size_t chunk, size_t begin, size_t end);

/* Online cores, 1 to 64. */
int sg_cores(void);
/* Chunks of n_items / chunk_size, rounded up. */
size_t sg_chunk_count(size_t n_items, size_t chunk_size);
/* Runs fn over every chunk on `jobs` threads (0: one per core), the calling thread
 * being one of them; returns when all are done. A thread that cannot be started
 * leaves its share to the others. */
void sg_parallel_chunks(size_t n_items, size_t chunk_size, int jobs, sg_chunk_fn fn, void *ctx);

#endif
