/* fs.c — file-system helpers (see fs.h). */
#include "fs.h"

#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"

const char *sg_mode_kind(unsigned mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return NULL;
	case S_IFDIR: return _("a folder");
	case S_IFIFO: return _("a named pipe (FIFO)");
	case S_IFSOCK: return _("a socket");
	case S_IFLNK: return _("a symbolic link");
	default: return _("a device");
	}
}

char *sg_read_file(const char *path, size_t *len, size_t max_bytes)
{
	return sg_read_regular(path, len, max_bytes, 0, NULL);
}

/* O_NONBLOCK: opening a named pipe would wait for a writer; a socket cannot be opened
 * (ENXIO). Neither is read: fstat says what the file is first. */
char *sg_read_regular(const char *path, size_t *len, size_t max_bytes, int flags, const char **kind)
{
	if (kind)
		*kind = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | flags);
	if (fd < 0) {
		int e = errno;
		struct stat st;
		if (kind && (e == ELOOP || e == ENXIO) && lstat(path, &st) == 0)
			*kind = sg_mode_kind(st.st_mode);
		errno = e;
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (kind)
			*kind = sg_mode_kind(st.st_mode);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return NULL;
	}
	if ((size_t)st.st_size > max_bytes) {
		close(fd);
		errno = EFBIG;
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *data = sg_malloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > max_bytes) {
				free(data);
				close(fd);
				errno = EFBIG;
				return NULL;
			}
			cap *= 2;
			data = sg_realloc(data, cap);
		}
		ssize_t r = read(fd, data + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(data);
			close(fd);
			errno = e;
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		p += w, len -= (size_t)w;
	}
	return close(fd);
}

int sg_write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	return write_all(fd, data, len);
}

/* O_EXCL first: in the usual case (nothing there yet) this costs no more than
 * sg_write_file; only a file that is already there is unlinked. */
int sg_write_new_file(const char *path, const void *data, size_t len)
{
	for (int tries = 0;; tries++) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd >= 0)
			return write_all(fd, data, len);
		if (errno != EEXIST || tries == 2 || (unlink(path) != 0 && errno != ENOENT))
			return -1;
	}
}

bool sg_fd_holds(int fd, const void *data, size_t len)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		return false;
	char chunk[16384];
	const char *p = data;
	size_t done = 0;
	while (done < len) {
		size_t want = len - done < sizeof chunk ? len - done : sizeof chunk;
		ssize_t r = read(fd, chunk, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || memcmp(chunk, p + done, (size_t)r) != 0)
			return false;
		done += (size_t)r;
	}
	return true;
}

int sg_open_beneath(int dirfd, const char *rel, int flags)
{
#ifdef SYS_openat2
	struct open_how how = {.flags = (uint64_t)flags,
	                       .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS};
	long fd = syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
	if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
		return (int)fd;
#endif
	return openat(dirfd, rel, flags | O_NOFOLLOW);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

char **sg_list_dir(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d && errno == ENOMEM)
		sg_out_of_memory(); /* not "cannot read the folder": that would be a wrong error */
	if (!d)
		return NULL;
	size_t n = 0, cap = 16;
	char **names = sg_malloc(cap * sizeof *names);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap)
			names = sg_realloc(names, (cap *= 2) * sizeof *names);
		names[n++] = sg_strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	*count = n;
	return names;
}

void sg_free_names(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

bool sg_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool sg_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool sg_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* mkdir -p from the bottom: writing a site, the parent nearly always exists already, so
 * one mkdir() does it; only on ENOENT do we walk up. (Walking down from the root
 * instead costs a failed mkdir per level, per file, which ext4 pays for in lookups.) */
int sg_mkdirs(const char *path)
{
	if (mkdir(path, 0755) == 0)
		return 0;
	if (errno == EEXIST)
		return sg_is_dir(path) ? 0 : (errno = ENOTDIR, -1);
	if (errno != ENOENT)
		return -1;
	char *parent = sg_strdup(path);
	char *slash = strrchr(parent, '/');
	while (slash && slash > parent && slash[1] == '\0') { /* trailing slashes */
		*slash = '\0';
		slash = strrchr(parent, '/');
	}
	int rc = -1;
	if (slash && slash > parent) {
		*slash = '\0';
		rc = sg_mkdirs(parent);
	}
	free(parent);
	if (rc != 0)
		return -1;
	if (mkdir(path, 0755) == 0 || (errno == EEXIST && sg_is_dir(path)))
		return 0;
	return -1;
}

char *sg_path_join(const char *a, const char *b)
{
	size_t la = strlen(a);
	if (la && a[la - 1] == '/')
		return sg_asprintf("%s%s", a, b);
	return sg_asprintf("%s/%s", a, b);
}

int sg_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	size_t n;
	char **names = sg_list_dir(path, &n);
	if (!names)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *child = sg_path_join(path, names[i]);
		rc = sg_remove_tree(child);
		free(child);
	}
	sg_free_names(names, n);
	return rc == 0 ? rmdir(path) : rc;
}

/* Empties the folder fd (left open) without allocating: getdents64 into a buffer on the
 * stack, unlinkat, and folders emptied the same way (at most 64 deep). Entries added
 * meanwhile by another thread are found by the next pass. `last`, if not NULL, is
 * removed only once everything else is gone. */
static void empty_folder_noalloc(int fd, const char *last, int depth)
{
	char buf[4096];
	for (int pass = 0; pass < 1000; pass++) {
		bool found = false, only_last = true;
		if (lseek(fd, 0, SEEK_SET) != 0)
			return;
		ssize_t n;
		while ((n = getdents64(fd, buf, sizeof buf)) > 0) {
			for (ssize_t at = 0; at < n;) {
				struct dirent64 *e = (struct dirent64 *)(void *)(buf + at);
				at += e->d_reclen;
				const char *name = e->d_name;
				if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
					continue;
				found = true;
				if (last && strcmp(name, last) == 0)
					continue;
				only_last = false;
				if (unlinkat(fd, name, 0) == 0 || errno != EISDIR)
					continue;
				int sub = depth < 64 ? openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
				if (sub >= 0) {
					empty_folder_noalloc(sub, NULL, depth + 1);
					close(sub);
				}
				unlinkat(fd, name, AT_REMOVEDIR);
			}
		}
		if (!found)
			return;
		if (only_last) {
			unlinkat(fd, last, 0);
			return;
		}
	}
}

int sg_remove_tree_noalloc(const char *path, const char *last)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	empty_folder_noalloc(fd, last, 0);
	close(fd);
	return rmdir(path) == 0 || errno == ENOENT ? 0 : -1;
}

char *sg_path_resolve(const char *path)
{
	char *abs;
	if (path[0] == '/') {
		abs = sg_strdup(path);
	} else {
		char *cwd = getcwd(NULL, 0);
		if (!cwd)
			return NULL;
		abs = sg_path_join(cwd, path);
		free(cwd);
	}
	/* the longest part that exists, resolved */
	char real[PATH_MAX];
	size_t cut = strlen(abs);
	for (;;) {
		char keep = abs[cut];
		abs[cut] = '\0';
		bool ok = realpath(*abs ? abs : "/", real) != NULL;
		abs[cut] = keep;
		if (ok)
			break;
		while (cut > 0 && abs[cut - 1] != '/')
			cut--;
		while (cut > 0 && abs[cut - 1] == '/')
			cut--;
	}
	/* then the rest, part by part */
	size_t len = strlen(real);
	char *out = sg_malloc(len + strlen(abs + cut) + 2);
	memcpy(out, real, len + 1);
	for (const char *p = abs + cut; *p;) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.')) {
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 1 && out[len - 1] != '/')
				len--;
			if (len > 1)
				len--;
			out[len] = '\0';
		} else {
			if (len > 1)
				out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
			out[len] = '\0';
		}
		p += n;
	}
	free(abs);
	return out;
}

bool sg_path_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}
