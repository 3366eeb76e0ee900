/* output.c — temporary folder, atomic swap, and the reuse of unchanged files from the
 * previous site (see output.h). */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/fs.h"

#define MARKER ".sofgen-output"

/* ---- out of memory: never a half-written build folder ----
 *
 * Every build folder in use is listed in `live` (static storage, so the out-of-memory
 * hook, which must not allocate, never reads freed memory). When memory runs out in any
 * thread, sg_out_of_memory calls on_out_of_memory: each folder still being built is
 * marked DYING, the writes in flight into it are waited for (a write that starts later
 * sees DYING and waits for the exit instead), and the folder is removed without
 * allocating; a folder being swapped in is let finish first. The previous site is never
 * touched: only a finished build replaces it. This is the process-wide state the
 * out-of-memory path needs; everything else is per sg_output. */

enum { LIVE_FREE, LIVE_SETUP, LIVE_BUILDING, LIVE_COMMITTING, LIVE_CLEANING, LIVE_DYING, LIVE_OTHER };

typedef struct {
	_Atomic int state;
	_Atomic int writers; /* threads inside a write into the folder */
	char tmp[PATH_MAX];
} live_folder;

#define MAX_LIVE 8
static live_folder live[MAX_LIVE];

/* The folder this thread is writing into (guard depth > 0), for the hook. */
static _Thread_local live_folder *writing;
static _Thread_local int writing_depth;

struct sg_output {
	char *out;
	char *tmp;
	int old_fd;    /* the previous site's folder when its unchanged files are reused, else -1 */
	size_t reused; /* atomic: files linked from the previous site */
	live_folder *live; /* NULL when the list was full (or the path too long) */
};

/* Waits for the process to end: memory ran out in another thread, which is removing
 * the build folder. */
static _Noreturn void wait_for_exit(void)
{
	for (;;)
		pause();
}

static void sleep_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

static void on_out_of_memory(bool first)
{
	if (writing) { /* this thread's writes in flight end here */
		atomic_fetch_sub(&writing->writers, writing_depth);
		writing = NULL;
		writing_depth = 0;
	}
	if (!first)
		return;
	for (int i = 0; i < MAX_LIVE; i++) {
		live_folder *f = &live[i];
		int st = LIVE_BUILDING;
		/* a swap under way takes a few system calls: let it finish (at most 5 s) */
		for (int waited = 0; waited < 5000 && atomic_load(&f->state) == LIVE_COMMITTING; waited++)
			sleep_ms(1);
		if (atomic_compare_exchange_strong(&f->state, &st, LIVE_DYING)) {
			/* writes already under way finish (a file at a time: at most 10 s) */
			for (int waited = 0; waited < 10000 && atomic_load(&f->writers) > 0; waited++)
				sleep_ms(1);
			sg_remove_tree_noalloc(f->tmp, MARKER);
		} else if (st == LIVE_CLEANING) {
			sg_remove_tree_noalloc(f->tmp, MARKER); /* the old site, after a swap */
		}
	}
	for (int i = 0; i < MAX_LIVE; i++) /* then folders such as serve's, around build folders */
		if (atomic_load(&live[i].state) == LIVE_OTHER)
			sg_remove_tree_noalloc(live[i].tmp, NULL);
}

static live_folder *live_add(const char *tmp, int state)
{
	static atomic_flag hooked = ATOMIC_FLAG_INIT;
	if (!atomic_flag_test_and_set(&hooked))
		sg_set_out_of_memory_hook(on_out_of_memory);
	if (strlen(tmp) >= PATH_MAX)
		return NULL;
	for (int i = 0; i < MAX_LIVE; i++) {
		int st = LIVE_FREE;
		if (atomic_compare_exchange_strong(&live[i].state, &st, LIVE_SETUP)) {
			strcpy(live[i].tmp, tmp);
			atomic_store(&live[i].writers, 0);
			atomic_store(&live[i].state, state);
			return &live[i];
		}
	}
	return NULL;
}

/* BUILDING → to; waits for the exit when memory has run out (DYING). */
static void live_move(live_folder *f, int to)
{
	int st = LIVE_BUILDING;
	if (f && !atomic_compare_exchange_strong(&f->state, &st, to))
		wait_for_exit();
}

static void live_done(live_folder *f)
{
	if (f)
		atomic_store(&f->state, LIVE_FREE);
}

/* Around anything that creates files or folders in the build folder. */
static void write_begin(sg_output *o)
{
	live_folder *f = o->live;
	if (!f)
		return;
	atomic_fetch_add(&f->writers, 1);
	if (atomic_load(&f->state) == LIVE_DYING) {
		atomic_fetch_sub(&f->writers, 1);
		wait_for_exit();
	}
	writing = f;
	writing_depth++;
}

static void write_end(sg_output *o)
{
	live_folder *f = o->live;
	if (!f)
		return;
	if (--writing_depth == 0)
		writing = NULL;
	atomic_fetch_sub(&f->writers, 1);
}

static char *trimmed(const char *dir)
{
	char *s = sg_strdup(dir);
	size_t n = strlen(s);
	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

/* Removes a build folder with its marker last: a removal cut short (a killed build)
 * leaves a folder that still says sofgen made it, so the next build can finish it. */
static int remove_build_folder(const char *dir)
{
	size_t n;
	char **names = sg_list_dir(dir, &n);
	if (!names)
		return sg_remove_tree(dir);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(names[i], MARKER) == 0)
			continue;
		char *child = sg_path_join(dir, names[i]);
		rc |= sg_remove_tree(child);
		free(child);
	}
	sg_free_names(names, n);
	return rc == 0 ? sg_remove_tree(dir) : rc;
}

/* The build folders "<out>.tmp-<pid>" of builds that were killed (their process is
 * gone) are removed; sofgen's own only (with the marker, or empty). */
static void remove_stale(const char *out)
{
	const char *slash = strrchr(out, '/');
	char *parent = slash ? (slash == out ? sg_strdup("/") : sg_strndup(out, (size_t)(slash - out))) : sg_strdup(".");
	char *prefix = sg_asprintf("%s.tmp-", slash ? slash + 1 : out);
	size_t plen = strlen(prefix), n;
	char **names = sg_list_dir(parent, &n);
	for (size_t i = 0; names && i < n; i++) {
		const char *digits = names[i] + plen;
		if (strncmp(names[i], prefix, plen) != 0 || !*digits || strspn(digits, "0123456789") != strlen(digits) ||
		    strlen(digits) > 9)
			continue;
		pid_t pid = (pid_t)atol(digits);
		if (pid <= 0 || pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH)
			continue; /* a build that is still running (or this one: cleared below) */
		char *dir = sg_path_join(parent, names[i]);
		char *marker = sg_path_join(dir, MARKER);
		size_t count = 0;
		char **inside = sg_is_dir(dir) ? sg_list_dir(dir, &count) : NULL;
		if (inside && (count == 0 || sg_exists(marker)))
			remove_build_folder(dir);
		if (inside)
			sg_free_names(inside, count);
		free(marker);
		free(dir);
	}
	if (names)
		sg_free_names(names, n);
	free(prefix);
	free(parent);
}

sg_output *sg_output_begin(const char *out_dir, sg_diags *d)
{
	char *out = trimmed(out_dir);
	if (sg_exists(out)) {
		char *marker = sg_path_join(out, MARKER);
		size_t n = 0;
		char **names = sg_is_dir(out) ? sg_list_dir(out, &n) : NULL;
		bool ours = sg_exists(marker) || (names && n == 0);
		if (names)
			sg_free_names(names, n);
		free(marker);
		if (!ours) {
			sg_error(d, out, 0, 0,
			         "refusing to replace this folder: sofgen did not make it (it has no %s file); "
			         "choose another --out or empty it first",
			         MARKER);
			free(out);
			return NULL;
		}
	}
	sg_output *o = sg_calloc(1, sizeof *o);
	o->out = out;
	o->old_fd = -1;
	o->tmp = sg_asprintf("%s.tmp-%ld", out, (long)getpid());
	remove_stale(out);
	remove_build_folder(o->tmp);
	o->live = live_add(o->tmp, LIVE_BUILDING); /* from here on, running out of memory removes the folder */
	if (sg_mkdirs(o->tmp) != 0) {
		sg_error(d, o->tmp, 0, 0, "cannot create the build folder: %s", strerror(errno));
		live_done(o->live);
		free(o->out);
		free(o->tmp);
		free(o);
		return NULL;
	}
	/* without its marker a finished site could never be replaced again */
	char *marker = sg_path_join(o->tmp, MARKER);
	if (sg_write_file(marker, "built by sofgen\n", 16) != 0) {
		sg_error(d, marker, 0, 0, "cannot write: %s", strerror(errno));
		free(marker);
		sg_output_abort(o);
		return NULL;
	}
	free(marker);
	return o;
}

void sg_output_reuse_unchanged(sg_output *o)
{
	if (o->old_fd >= 0)
		return;
	/* only a folder sofgen made (with its marker); a symbolic link is not followed */
	int fd = open(o->out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return; /* no previous site: every file is new */
	struct stat st;
	if (fstatat(fd, MARKER, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return;
	}
	o->old_fd = fd;
}

size_t sg_output_reused(const sg_output *o) { return __atomic_load_n(&o->reused, __ATOMIC_RELAXED); }

/* Hard-links the previous site's file at rel to path when it is a regular file (no
 * symbolic link on the way) with exactly these bytes. False when it is not, or when it
 * cannot be linked (another file system, a file of another user, too many links …):
 * the caller then writes the file. The link is checked to be the very file compared,
 * in case the previous site changed meanwhile. */
static bool link_unchanged(sg_output *o, const char *rel, const char *path, const void *data, size_t len)
{
	int fd = sg_open_beneath(o->old_fd, rel, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	struct stat was, now;
	bool same = fstat(fd, &was) == 0 && sg_fd_holds(fd, data, len);
	close(fd);
	if (!same || linkat(o->old_fd, rel, AT_FDCWD, path, 0) != 0)
		return false;
	if (lstat(path, &now) != 0 || now.st_dev != was.st_dev || now.st_ino != was.st_ino) {
		unlink(path);
		return false;
	}
	__atomic_fetch_add(&o->reused, 1, __ATOMIC_RELAXED);
	return true;
}

int sg_output_write(sg_output *o, const char *rel_path, const void *data, size_t len, sg_diags *d)
{
	write_begin(o);
	char *path = sg_path_join(o->tmp, rel_path);
	char *slash = strrchr(path, '/');
	int rc = 0;
	*slash = '\0';
	if (sg_mkdirs(path) != 0)
		rc = -1;
	*slash = '/';
	/* a new file, never written through: the name may already be a link to the previous site's file */
	if (rc == 0 && !(o->old_fd >= 0 && link_unchanged(o, rel_path, path, data, len)))
		rc = sg_write_new_file(path, data, len);
	if (rc != 0)
		sg_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
	free(path);
	write_end(o);
	return rc;
}

/* Through sg_output_write, so that unchanged assets are linked too. A file that became
 * a link or a named pipe since it was listed is not read. */
long sg_output_copy_assets(sg_output *o, const sg_assets *assets, sg_diags *d)
{
	for (size_t i = 0; i < assets->n; i++) {
		size_t len;
		const char *what;
		char *data = sg_read_regular(assets->src[i], &len, (size_t)1 << 34, O_NOFOLLOW, &what);
		if (!data) {
			sg_error(d, assets->src[i], 0, 0, "cannot copy the assets: %s", what ? "it is no longer a file" : strerror(errno));
			return -1;
		}
		int rc = sg_output_write(o, assets->rel[i], data, len, d);
		free(data);
		if (rc != 0)
			return -1;
	}
	return (long)assets->n;
}

static void output_free(sg_output *o)
{
	if (o->old_fd >= 0)
		close(o->old_fd);
	free(o->out);
	free(o->tmp);
	free(o);
}

int sg_output_commit(sg_output *o, sg_diags *d)
{
	int rc;
	bool exists = sg_exists(o->out);
	/* nothing between here and CLEANING allocates, so memory cannot run out in this
	 * thread meanwhile; another thread that runs out waits for the swap to finish */
	live_move(o->live, LIVE_COMMITTING);
	if (exists) {
		/* one atomic step: readers see the old site or the new one, never a mix */
		rc = renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->out, RENAME_EXCHANGE);
	} else {
		rc = rename(o->tmp, o->out);
	}
	int err = errno;
	if (o->live)
		atomic_store(&o->live->state, LIVE_CLEANING); /* tmp is now the old site, or nothing */
	if (rc == 0 && exists)
		remove_build_folder(o->tmp);
	if (rc != 0) {
		sg_error(d, o->out, 0, 0, "cannot put the new site in place: %s", strerror(err));
		remove_build_folder(o->tmp);
	}
	live_done(o->live);
	output_free(o);
	return rc;
}

void sg_output_abort(sg_output *o)
{
	if (!o)
		return;
	live_move(o->live, LIVE_CLEANING);
	remove_build_folder(o->tmp);
	live_done(o->live);
	output_free(o);
}

void sg_output_remove_on_oom(const char *dir, bool on)
{
	if (on) {
		live_add(dir, LIVE_OTHER);
		return;
	}
	for (int i = 0; i < MAX_LIVE; i++) {
		int st = LIVE_OTHER;
		if (atomic_load(&live[i].state) == LIVE_OTHER && strcmp(live[i].tmp, dir) == 0 &&
		    atomic_compare_exchange_strong(&live[i].state, &st, LIVE_SETUP)) {
			live[i].tmp[0] = '\0';
			atomic_store(&live[i].state, LIVE_FREE);
		}
	}
}

/* The previous site's folder (with sofgen's marker) for sg_output_link_previous: the
 * one reuse_unchanged opened, or one opened here (*own then set). -1 when none. */
static int previous_site(const sg_output *o, bool *own)
{
	*own = false;
	if (o->old_fd >= 0)
		return o->old_fd;
	int fd = open(o->out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstatat(fd, MARKER, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	*own = true;
	return fd;
}

bool sg_output_link_previous(sg_output *o, const char *rel_path)
{
	bool own;
	int old = previous_site(o, &own);
	if (old < 0)
		return false;
	int fd = sg_open_beneath(old, rel_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
	struct stat was;
	bool ok = false;
	if (fd >= 0 && fstat(fd, &was) == 0 && S_ISREG(was.st_mode) && was.st_size > 0) {
		write_begin(o);
		char *path = sg_path_join(o->tmp, rel_path);
		char *slash = strrchr(path, '/');
		*slash = '\0';
		bool dir_ok = sg_mkdirs(path) == 0;
		*slash = '/';
		struct stat now;
		if (dir_ok && linkat(old, rel_path, AT_FDCWD, path, 0) == 0) {
			ok = lstat(path, &now) == 0 && now.st_dev == was.st_dev && now.st_ino == was.st_ino;
			if (!ok)
				unlink(path);
			else
				__atomic_fetch_add(&o->reused, 1, __ATOMIC_RELAXED);
		}
		free(path);
		write_end(o);
	}
	if (fd >= 0)
		close(fd);
	if (own)
		close(old);
	return ok;
}
