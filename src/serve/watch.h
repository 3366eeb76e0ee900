/* watch.h — watching the source folders (content, templates, assets) for changes with
 * inotify, recursively: folders created later are watched as soon as they appear.
 * Editors' scratch files (foo~, .foo.swp, .#foo, vim's 4913) are not changes.
 *
 * A folder that does not exist yet when watching starts is picked up at the next
 * change elsewhere (each batch of changes rescans the roots). */
#ifndef SG_WATCH_H
#define SG_WATCH_H
#include <stdbool.h>
#include <stddef.h>

typedef struct sg_watch sg_watch;

/* Starts watching the folders roots[0..n) and everything below them. Returns NULL with
 * errno set when inotify is not available (a root that does not exist is not an
 * error). */
sg_watch *sg_watch_new(const char *const *roots, size_t n);
void sg_watch_free(sg_watch *w);

typedef enum { SG_WATCH_CHANGED, SG_WATCH_STOP, SG_WATCH_ERROR, SG_WATCH_IDLE } sg_watch_result;

/* Sleeps until something changes below a root, then until nothing more has changed for
 * quiet_ms (a save that touches several files is one change; a steady stream of writes
 * is cut off after 2 s). Returns SG_WATCH_STOP as soon as stop_fd becomes readable
 * (without reading it), SG_WATCH_ERROR (errno set) if watching fails, and SG_WATCH_IDLE
 * when nothing changed for idle_ms (-1: never), so that the caller can look at the
 * clock (pages depend on the day). */
sg_watch_result sg_watch_wait(sg_watch *w, int stop_fd, int quiet_ms, int idle_ms);
/* The files that changed in the last batch sg_watch_wait returned (paths as root +
 * '/' + …), valid until the next wait. *everything is true when the batch cannot be
 * told file by file (folders created, moved or removed; the event queue overflowed). */
const char *const *sg_watch_changes(const sg_watch *w, size_t *n, bool *everything);

#endif
