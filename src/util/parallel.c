/* parallel.c — chunks of work on several threads (see parallel.h). */
#include "parallel.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "alloc.h"

typedef struct {
	size_t n_items, chunk_size, n_chunks;
	size_t next; /* the next chunk to hand out (atomic) */
	sg_chunk_fn fn;
	void *ctx;
	sg_diags **diags; /* one per chunk */
} work;

static void *run(void *arg)
{
	work *w = arg;
	size_t c;
	while ((c = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n_chunks) {
		size_t begin = c * w->chunk_size;
		size_t end = w->n_items - begin < w->chunk_size ? w->n_items : begin + w->chunk_size;
		w->fn(w->ctx, begin, end, w->diags[c]);
	}
	return NULL;
}

int sg_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void sg_parallel_chunks(size_t n_items, size_t chunk_size, int jobs, sg_chunk_fn fn, void *ctx, sg_diags *d)
{
	if (chunk_size == 0)
		chunk_size = 1;
	size_t n_chunks = n_items / chunk_size + (n_items % chunk_size != 0);
	work w = {n_items, chunk_size, n_chunks, 0, fn, ctx, sg_calloc(n_chunks + 1, sizeof *w.diags)};
	for (size_t c = 0; c < n_chunks; c++)
		w.diags[c] = sg_diags_new();
	if (jobs <= 0)
		jobs = sg_cores();
	if ((size_t)jobs > n_chunks)
		jobs = n_chunks ? (int)n_chunks : 1;
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
	for (size_t c = 0; c < n_chunks; c++) {
		sg_diags_move(d, w.diags[c]);
		sg_diags_free(w.diags[c]);
	}
	free(w.diags);
}
