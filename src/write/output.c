/* output.c — temporary folder, atomic swap, and the reuse of unchanged files from the
 * previous site (see output.h). */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/fs.h"

#define MARKER ".sofgen-output"

struct sg_output {
	char *out;
	char *tmp;
	int old_fd;    /* the previous site's folder when its unchanged files are reused, else -1 */
	size_t reused; /* atomic: files linked from the previous site */
};

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
	if (sg_mkdirs(o->tmp) != 0) {
		sg_error(d, o->tmp, 0, 0, "cannot create the build folder: %s", strerror(errno));
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
	if (sg_exists(o->out)) {
		/* one atomic step: readers see the old site or the new one, never a mix */
		rc = renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->out, RENAME_EXCHANGE);
		if (rc == 0)
			remove_build_folder(o->tmp); /* now the old site */
	} else {
		rc = rename(o->tmp, o->out);
	}
	if (rc != 0) {
		sg_error(d, o->out, 0, 0, "cannot put the new site in place: %s", strerror(errno));
		remove_build_folder(o->tmp);
	}
	output_free(o);
	return rc;
}

void sg_output_abort(sg_output *o)
{
	if (!o)
		return;
	remove_build_folder(o->tmp);
	output_free(o);
}
