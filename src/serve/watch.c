/* watch.c — recursive inotify watches (see watch.h).
 *
 * inotify watches one folder at a time, so every folder below a root gets its own watch,
 * kept in a table from watch descriptor to path (to name the new folder when
 * IN_CREATE | IN_ISDIR arrives). When folders move or vanish, or the kernel's event queue
 * overflows, the table can no longer be trusted: every watch is dropped and the roots
 * are walked again. That is cheap for a site's source folders (tens of folders). */
#include "watch.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/fs.h"

#define WATCH_MASK                                                                                                \
	(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | \
	 IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)
#define MAX_BATCH_MS 2000
/* quiet time after a file was closed or moved into place: what is left of a save (an
 * editor's rename dance) comes within microseconds */
#define SETTLED_MS 5
/* more changed files in one batch than this are not listed one by one */
#define MAX_LISTED 256

typedef struct {
	int wd;
	char *path;
} watched;

struct sg_watch {
	int fd;
	char **roots;
	size_t n_roots;
	watched *dirs;
	size_t n_dirs, cap_dirs;
	/* the last batch */
	char **changed;
	size_t n_changed;
	bool everything;
	bool settled; /* the last event closed a written file: the batch is likely complete */
};

static void note_change(sg_watch *w, const char *dir, const char *name)
{
	if (w->everything)
		return;
	if (w->n_changed == MAX_LISTED) { /* a checkout or a copy: a full build anyway */
		w->everything = true;
		return;
	}
	char *path = sg_path_join(dir, name);
	for (size_t i = 0; i < w->n_changed; i++)
		if (strcmp(w->changed[i], path) == 0) {
			free(path);
			return;
		}
	w->changed = sg_realloc(w->changed, (w->n_changed + 1) * sizeof *w->changed);
	w->changed[w->n_changed++] = path;
}

static void clear_changes(sg_watch *w)
{
	for (size_t i = 0; i < w->n_changed; i++)
		free(w->changed[i]);
	free(w->changed);
	w->changed = NULL;
	w->n_changed = 0;
	w->everything = false;
}

const char *const *sg_watch_changes(const sg_watch *w, size_t *n, bool *everything)
{
	*n = w->n_changed;
	*everything = w->everything;
	return (const char *const *)w->changed;
}

static watched *find(sg_watch *w, int wd)
{
	for (size_t i = 0; i < w->n_dirs; i++)
		if (w->dirs[i].wd == wd)
			return &w->dirs[i];
	return NULL;
}

static void forget(sg_watch *w, int wd)
{
	watched *d = find(w, wd);
	if (!d)
		return;
	free(d->path);
	*d = w->dirs[--w->n_dirs];
}

/* Watches dir and every folder below it (symbolic links are not followed). Folders that
 * vanish meanwhile are skipped; -1 only when inotify refuses (e.g. ENOSPC: too many). */
static int add_tree(sg_watch *w, const char *dir)
{
	struct stat st;
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	int wd = inotify_add_watch(w->fd, dir, WATCH_MASK);
	if (wd < 0)
		return errno == ENOENT || errno == ENOTDIR || errno == EACCES ? 0 : -1;
	watched *d = find(w, wd);
	if (d) { /* already watched (the same folder reached again) */
		free(d->path);
		d->path = sg_strdup(dir);
	} else {
		if (w->n_dirs == w->cap_dirs) {
			w->cap_dirs = w->cap_dirs ? 2 * w->cap_dirs : 32;
			w->dirs = sg_realloc(w->dirs, w->cap_dirs * sizeof *w->dirs);
		}
		w->dirs[w->n_dirs++] = (watched){wd, sg_strdup(dir)};
	}
	size_t n;
	char **names = sg_list_dir(dir, &n);
	if (!names)
		return 0;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *sub = sg_path_join(dir, names[i]);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			rc = add_tree(w, sub);
		free(sub);
	}
	sg_free_names(names, n);
	return rc;
}

/* Walks the roots again (adding a watch to a watched folder changes nothing); with
 * drop, every watch is removed first, for when folders moved and paths are stale. */
static int rescan(sg_watch *w, bool drop)
{
	if (drop) {
		for (size_t i = 0; i < w->n_dirs; i++) {
			inotify_rm_watch(w->fd, w->dirs[i].wd);
			free(w->dirs[i].path);
		}
		w->n_dirs = 0;
	}
	for (size_t i = 0; i < w->n_roots; i++)
		if (add_tree(w, w->roots[i]) != 0)
			return -1;
	return 0;
}

sg_watch *sg_watch_new(const char *const *roots, size_t n)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return NULL;
	sg_watch *w = sg_calloc(1, sizeof *w);
	w->fd = fd;
	w->roots = sg_calloc(n ? n : 1, sizeof *w->roots);
	w->n_roots = n;
	for (size_t i = 0; i < n; i++)
		w->roots[i] = sg_strdup(roots[i]);
	if (rescan(w, false) != 0) {
		int e = errno;
		sg_watch_free(w);
		errno = e;
		return NULL;
	}
	return w;
}

void sg_watch_free(sg_watch *w)
{
	if (!w)
		return;
	close(w->fd);
	clear_changes(w);
	for (size_t i = 0; i < w->n_dirs; i++)
		free(w->dirs[i].path);
	free(w->dirs);
	for (size_t i = 0; i < w->n_roots; i++)
		free(w->roots[i]);
	free(w->roots);
	free(w);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* editors' backup, swap and lock files, and vim's probe file */
static bool scratch_name(const char *name)
{
	return ends_with(name, "~") || ends_with(name, ".swp") || ends_with(name, ".swx") || ends_with(name, ".swo") ||
	       strncmp(name, ".#", 2) == 0 || strcmp(name, "4913") == 0 || strncmp(name, ".goutputstream-", 15) == 0;
}

/* Reads every pending event. Returns 1 when something relevant changed, 0 when not,
 * -1 on error; *reset when the watch table must be rebuilt. */
static int drain(sg_watch *w, bool *reset)
{
	_Alignas(struct inotify_event) char buf[8192];
	int changed = 0;
	for (;;) {
		ssize_t len = read(w->fd, buf, sizeof buf);
		if (len < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return changed;
			return -1;
		}
		if (len == 0)
			return changed;
		for (char *p = buf; p < buf + len;) {
			const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
			p += sizeof *ev + ev->len;
			if (ev->mask & IN_Q_OVERFLOW) {
				*reset = true;
				w->everything = true;
				changed = 1;
				continue;
			}
			if (ev->mask & IN_IGNORED) {
				forget(w, ev->wd);
				continue;
			}
			watched *d = find(w, ev->wd);
			if (!d)
				continue; /* a watch dropped by rescan() whose events were still queued */
			if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
				*reset = true;
				w->everything = true;
				changed = 1;
				continue;
			}
			if (ev->mask & IN_ISDIR) {
				if (ev->mask & (IN_MOVED_FROM | IN_DELETE))
					*reset = true; /* paths below it are stale */
				else if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && ev->len) {
					char *sub = sg_path_join(d->path, ev->name);
					int rc = add_tree(w, sub);
					free(sub);
					if (rc != 0)
						return -1;
				}
				w->everything = true;
				changed = 1;
				continue;
			}
			if (ev->len && scratch_name(ev->name))
				continue;
			if (ev->len)
				note_change(w, d->path, ev->name);
			else
				w->everything = true;
			w->settled = (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) != 0;
			changed = 1;
		}
	}
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* 1: the watch fd is readable, 0: timeout, 2: stop_fd is readable, -1: error */
static int wait_for(const sg_watch *w, int stop_fd, int timeout_ms)
{
	struct pollfd fds[2] = {{.fd = stop_fd, .events = POLLIN}, {.fd = w->fd, .events = POLLIN}};
	for (;;) {
		int n = poll(fds, 2, timeout_ms);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (fds[0].revents)
			return 2;
		return 1;
	}
}

sg_watch_result sg_watch_wait(sg_watch *w, int stop_fd, int quiet_ms, int idle_ms)
{
	bool reset = false;
	clear_changes(w);
	for (;;) { /* until a relevant change */
		int r = wait_for(w, stop_fd, idle_ms);
		if (r == 2)
			return SG_WATCH_STOP;
		if (r < 0)
			return SG_WATCH_ERROR;
		if (r == 0)
			return SG_WATCH_IDLE;
		int c = drain(w, &reset);
		if (c < 0)
			return SG_WATCH_ERROR;
		if (c > 0)
			break;
	}
	long long give_up = now_ms() + MAX_BATCH_MS;
	for (;;) { /* until quiet; soon when the last event finished writing a file */
		int r = wait_for(w, stop_fd, w->settled ? SETTLED_MS : quiet_ms);
		if (r == 2)
			return SG_WATCH_STOP;
		if (r < 0)
			return SG_WATCH_ERROR;
		if (r == 0)
			break;
		if (drain(w, &reset) < 0)
			return SG_WATCH_ERROR;
		if (now_ms() >= give_up)
			break;
	}
	/* a root that was missing may exist now, and folders may have moved; the build
	 * comes after this, so nothing that changes meanwhile is missed */
	return rescan(w, reset) == 0 ? SG_WATCH_CHANGED : SG_WATCH_ERROR;
}
