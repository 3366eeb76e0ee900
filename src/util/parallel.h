/* parallel.h — running a function over chunks of numbered work items on several
 * threads. Chunks are handed out in order from an atomic counter, so threads that
 * finish early take more. Each chunk gets diagnostics of its own, merged in chunk
 * order at the end; with results kept per item, the outcome is then the same for any
 * number of threads. */
#ifndef SG_PARALLEL_H
#define SG_PARALLEL_H
#include <stddef.h>

#include "diag.h"

/* Does items [begin, end), adding problems to d (the chunk's own). Called on any thread. */
typedef void (*sg_chunk_fn)(void *ctx, size_t begin, size_t end, sg_diags *d);

/* Online cores, 1 to 64. */
int sg_cores(void);
/* Runs fn over items [0, n_items) in chunks of chunk_size on `jobs` threads (0: one
 * per core), the calling thread being one of them, then moves every chunk's
 * diagnostics to d in chunk order. A thread that cannot be started leaves its share
 * to the others. */
void sg_parallel_chunks(size_t n_items, size_t chunk_size, int jobs, sg_chunk_fn fn, void *ctx, sg_diags *d);

#endif
