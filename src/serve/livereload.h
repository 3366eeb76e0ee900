/* livereload.h — what `sofgen serve` adds to the site it serves, and the state that
 * feeds it: the generation of the site being served (bumped after every successful
 * build), the errors of the last failed build, Server-Sent Event streams that tell open
 * pages to reload or to show the errors, the injected <script> tag and the script itself.
 *
 * Nothing here touches files on disk: the tag is added to HTML responses only, so built
 * sites (sofgen build, and the folder serve builds into) never contain it.
 *
 * Thread safety: an sg_livereload is shared by the build thread (sg_livereload_built,
 * sg_livereload_failed, sg_livereload_stop) and the HTTP threads (everything else); a
 * mutex guards it, and a condition variable wakes the streams. An sg_sse_stream belongs
 * to one connection's thread. */
#ifndef SG_LIVERELOAD_H
#define SG_LIVERELOAD_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "../util/buf.h"
#include "../util/diag.h"

/* The paths the server answers itself, outside the site. */
#define SG_LR_PREFIX "/__sofgen/"
#define SG_LR_EVENTS_PATH "/__sofgen/events"
#define SG_LR_ERRORS_PATH "/__sofgen/errors"
#define SG_LR_SCRIPT_PATH "/__sofgen/livereload.js"

typedef struct sg_livereload sg_livereload;

sg_livereload *sg_livereload_new(void);
/* Call only once no stream is open any more (after the HTTP server has stopped). */
void sg_livereload_free(sg_livereload *lr);

/* A new site is in place: clears the errors, bumps the generation, and every open
 * stream sends `reload`. */
void sg_livereload_built(sg_livereload *lr);
/* The same, with the build's warnings (the warnings of d; d may be NULL) as the current
 * warnings, which the overlay shows apart from errors. d is only read. */
void sg_livereload_built_warned(sg_livereload *lr, const sg_diags *d);
/* A build failed: the site in place (if any) stays, the errors of d become the current
 * errors and its warnings the current warnings, and every open stream sends `errors`. */
void sg_livereload_failed(sg_livereload *lr, const sg_diags *d);
/* Ends every open stream and every stream opened later (for shutdown). */
void sg_livereload_stop(sg_livereload *lr);

/* The current generation: 0 while no build has succeeded yet. */
unsigned long sg_livereload_generation(sg_livereload *lr);
/* The current errors as JSON, malloc'd (the caller frees it):
 * {"generation": N, "ok": bool, "errors": [{"file", "line", "col", "message", "text"}],
 *  "warnings": [the same]}
 * where text is the terminal's `file:line:col: error: message` (`warning:` for warnings). */
char *sg_livereload_errors_json(sg_livereload *lr);

/* Appends the <script> tag that loads the live-reload script, for a page of the given
 * generation, to out. */
void sg_livereload_tag(sg_buf *out, unsigned long generation);
/* Returns html (len bytes) with the tag inserted before the last </body> (matched
 * without regard to case), or appended when there is none; malloc'd, *out_len set. */
char *sg_livereload_inject(const char *html, size_t len, unsigned long generation, size_t *out_len);
/* A small HTML page for when there is no site yet (the first build failed). */
char *sg_livereload_placeholder_page(size_t *out_len);

/* The live-reload script (JavaScript, UTF-8). */
extern const char sg_livereload_js[];

/* At most this many streams are open at once: a new one makes the oldest send `bye`
 * and end (its page stops listening until the tab is shown again). Each stream holds a
 * connection and a thread, and pages must always find both. */
#define SG_LR_MAX_STREAMS 32

/* One Server-Sent Events stream. `since` is the generation of the page that opened it
 * (from its `?since=`), or -1 when unknown: when it differs from the current generation
 * the page is stale and the stream starts with `reload`. */
typedef struct sg_sse_stream sg_sse_stream;
sg_sse_stream *sg_sse_stream_new(sg_livereload *lr, long long since);
void sg_sse_stream_free(sg_sse_stream *s);
/* How many streams are open (not counting those ending after `bye`). */
size_t sg_livereload_streams(sg_livereload *lr);
/* Blocks until there is something to send (at most keepalive_ms, after which it sends a
 * comment line), then writes at most max bytes of events to buf. Returns the number of
 * bytes written, or -1 when the stream is over (sg_livereload_stop). */
ssize_t sg_sse_stream_read(sg_sse_stream *s, char *buf, size_t max, int keepalive_ms);

#endif
