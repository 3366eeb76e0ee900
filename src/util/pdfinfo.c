/* pdfinfo.c — whether a PDF is tagged, asked of poppler-utils' `pdfinfo` (see pdfinfo.h).
 *
 * Why a child process spawned by hand: the answer is one flag in the PDF's catalogue
 * (/MarkInfo << /Marked true >>), but finding the catalogue means reading cross-reference
 * streams, object streams and compressed objects — where damaged and hostile PDFs live — and
 * libpoppler would link a dozen more libraries into every run for that flag. pdfinfo is what
 * editors' guides name, and a crash or a hang in it stays outside sofgen. It is started with
 * posix_spawn, never system() or popen(): no shell ever reads the file's path, which goes to
 * pdfinfo as one argument. Its output (stdout and stderr, on one pipe made O_CLOEXEC, so a
 * child another thread starts at the same moment does not hold it open) is read with poll()
 * against a deadline; the child runs in a process group of its own, which is killed when the
 * deadline passes. As in cli/cmd_pdf.c, which runs chromium the same way. */
#include "pdfinfo.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"

extern char **environ;

char *sg_pdfinfo_find(void)
{
	const char *env = getenv("SOFGEN_PDFINFO");
	if (env && *env)
		return access(env, X_OK) == 0 ? sg_strdup(env) : NULL;
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		char *cand = sg_asprintf("%.*s/pdfinfo", (int)len, p);
		if (len && access(cand, X_OK) == 0)
			return cand;
		free(cand);
		p += len + (colon ? 1 : 0);
	}
	return NULL;
}

/* Milliseconds on the monotonic clock. */
static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The value of the last line of out[0..len) that starts with "Tagged:" ('y' yes, 'n' no), or 0
 * when there is none. The last, since the lines before it (Title, Subject, Keywords …) print
 * the PDF's own strings, which could hold a line "Tagged: yes" of their own; those after it
 * are pdfinfo's (Pages, Encrypted, Page size …). */
static char last_tagged(const char *out, size_t len)
{
	char v = 0;
	for (size_t i = 0; i < len; i++) {
		if ((i == 0 || out[i - 1] == '\n') && len - i >= 7 && memcmp(out + i, "Tagged:", 7) == 0) {
			size_t j = i + 7;
			while (j < len && out[j] == ' ')
				j++;
			if (len - j >= 3 && memcmp(out + j, "yes", 3) == 0)
				v = 'y';
			else if (len - j >= 2 && memcmp(out + j, "no", 2) == 0)
				v = 'n';
		}
	}
	return v;
}

sg_pdf_tagging sg_pdfinfo_tagging(const char *pdfinfo, const char *file, int timeout_ms)
{
	if (!pdfinfo)
		return SG_PDF_NO_PDFINFO;
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) != 0)
		return SG_PDF_NO_PDFINFO;
	char *arg = file[0] == '-' ? sg_asprintf("./%s", file) : sg_strdup(file);
	char *argv[] = {(char *)pdfinfo, arg, NULL};
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1); /* dup2 clears O_CLOEXEC on 1 and 2 */
	posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP); /* its own group: the timeout stops its children too */
	posix_spawnattr_setpgroup(&at, 0);
	pid_t pid;
	int rc = posix_spawn(&pid, pdfinfo, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(fds[1]);
	free(arg);
	if (rc != 0) {
		close(fds[0]);
		return SG_PDF_NO_PDFINFO;
	}
	/* read until EOF or the deadline; only the last 64 kB are kept (Tagged is near the end) */
	enum { KEEP = 64 * 1024 };
	char *out = sg_malloc(2 * KEEP);
	size_t len = 0;
	long long deadline = now_ms() + timeout_ms;
	bool timed_out = false;
	for (;;) {
		long long left = deadline - now_ms();
		if (left <= 0) {
			timed_out = true;
			break;
		}
		struct pollfd p = {fds[0], POLLIN, 0};
		int r = poll(&p, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			timed_out = r == 0;
			break;
		}
		if (len == 2 * KEEP) { /* keep the second half */
			memmove(out, out + KEEP, KEEP);
			len = KEEP;
		}
		ssize_t n = read(fds[0], out + len, 2 * KEEP - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fds[0]);
	int st = 0;
	pid_t w = 0;
	/* its output is closed: it is exiting; still, wait no longer than the deadline */
	while (!timed_out && (w = waitpid(pid, &st, WNOHANG)) == 0) {
		if (now_ms() >= deadline) {
			timed_out = true;
			break;
		}
		struct timespec step = {0, 5 * 1000 * 1000};
		nanosleep(&step, NULL);
	}
	if (timed_out) {
		kill(-pid, SIGKILL);
		waitpid(pid, NULL, 0);
		free(out);
		return SG_PDF_TIMEOUT;
	}
	char tagged = last_tagged(out, len);
	bool password = memmem(out, len, "Incorrect password", 18) != NULL;
	free(out);
	if (w != pid || !WIFEXITED(st))
		return SG_PDF_BROKEN;
	if (WEXITSTATUS(st) == 127) /* posix_spawn's child could not exec it */
		return SG_PDF_NO_PDFINFO;
	if (WEXITSTATUS(st) != 0)
		return password ? SG_PDF_ENCRYPTED : SG_PDF_BROKEN;
	return tagged == 'y' ? SG_PDF_TAGGED : tagged == 'n' ? SG_PDF_UNTAGGED : SG_PDF_BROKEN;
}

/* ---- the cache (serve) ------------------------------------------------------- */

typedef struct {
	char *file;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	sg_pdf_tagging answer;
} cache_entry;

struct sg_pdf_cache {
	pthread_mutex_t lock;
	cache_entry *e;
	size_t n, cap;
};

sg_pdf_cache *sg_pdf_cache_new(void)
{
	sg_pdf_cache *c = sg_calloc(1, sizeof *c);
	pthread_mutex_init(&c->lock, NULL);
	return c;
}

void sg_pdf_cache_free(sg_pdf_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->e[i].file);
	free(c->e);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

/* Is the entry the file as st describes it now? */
static bool same_file(const cache_entry *e, const struct stat *st)
{
	return e->dev == st->st_dev && e->ino == st->st_ino && e->size == st->st_size &&
	       e->mtime.tv_sec == st->st_mtim.tv_sec && e->mtime.tv_nsec == st->st_mtim.tv_nsec &&
	       e->ctime.tv_sec == st->st_ctim.tv_sec && e->ctime.tv_nsec == st->st_ctim.tv_nsec;
}

sg_pdf_tagging sg_pdf_cache_tagging(sg_pdf_cache *c, const char *pdfinfo, const char *file, int timeout_ms)
{
	struct stat st;
	if (!c || !pdfinfo || stat(file, &st) != 0)
		return sg_pdfinfo_tagging(pdfinfo, file, timeout_ms);
	pthread_mutex_lock(&c->lock);
	cache_entry *hit = NULL;
	for (size_t i = 0; i < c->n && !hit; i++)
		if (strcmp(c->e[i].file, file) == 0)
			hit = &c->e[i];
	if (hit && same_file(hit, &st)) {
		sg_pdf_tagging a = hit->answer;
		pthread_mutex_unlock(&c->lock);
		return a;
	}
	pthread_mutex_unlock(&c->lock);
	sg_pdf_tagging a = sg_pdfinfo_tagging(pdfinfo, file, timeout_ms); /* not under the lock: it takes a while */
	if (a == SG_PDF_NO_PDFINFO)
		return a;
	pthread_mutex_lock(&c->lock);
	hit = NULL;
	for (size_t i = 0; i < c->n && !hit; i++)
		if (strcmp(c->e[i].file, file) == 0)
			hit = &c->e[i];
	if (!hit) {
		if (c->n == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 16;
			c->e = sg_realloc(c->e, c->cap * sizeof *c->e);
		}
		hit = &c->e[c->n++];
		hit->file = sg_strdup(file);
	}
	hit->dev = st.st_dev, hit->ino = st.st_ino, hit->size = st.st_size;
	hit->mtime = st.st_mtim, hit->ctime = st.st_ctim;
	hit->answer = a;
	pthread_mutex_unlock(&c->lock);
	return a;
}
