/* parallel.c — chunks of work on several threads (see parallel.h). */
#include "parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdbool.h>
#include <unistd.h>

#include "alloc.h"

typedef struct {
	size_t n_items, chunk_size, n_chunks;
	size_t next; /* the next chunk to hand out (atomic) */
	sg_chunk_fn fn;
	void *ctx;
} work;

static void *run(void *arg)
{
	work *w = arg;
	size_t c;
	while ((c = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n_chunks) {
		size_t begin = c * w->chunk_size;
		size_t end = w->n_items - begin < w->chunk_size ? w->n_items : begin + w->chunk_size;
		w->fn(w->ctx, c, begin, end);
	}
	return NULL;
}

int sg_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

size_t sg_chunk_count(size_t n_items, size_t chunk_size)
{
	return chunk_size ? n_items / chunk_size + (n_items % chunk_size != 0) : 0;
}

void sg_parallel_chunks(size_t n_items, size_t chunk_size, int jobs, sg_chunk_fn fn, void *ctx)
{
	work w = {n_items, chunk_size ? chunk_size : 1, sg_chunk_count(n_items, chunk_size ? chunk_size : 1), 0, fn, ctx};
	if (jobs <= 0)
		jobs = sg_cores();
	if ((size_t)jobs > w.n_chunks)
		jobs = w.n_chunks ? (int)w.n_chunks : 1;
	pthread_t *threads = sg_calloc((size_t)jobs, sizeof *threads);
	bool *started = sg_calloc((size_t)jobs, sizeof *started);
	for (int t = 1; t < jobs; t++)
		started[t] = pthread_create(&threads[t], NULL, run, &w) == 0;
	run(&w);
	for (int t = 1; t < jobs; t++)
		if (started[t])
			pthread_join(threads[t], NULL);
	free(threads);
	free(started);
}
