/* test_crash_safety.c — a failed build, a killed build (SIGKILL mid-write) and a full
 * disk never leave site/ half-written: the site is always exactly the previous one or
 * exactly the new one, and temporary build folders of killed builds are cleaned up by
 * the next build. Run from the project root; $SOFGEN names the binary (default
 * build/release/sofgen). Builds use --now so that two builds of the same content are
 * byte-identical. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/buf.h"

#define TIME_LIMIT 60 /* seconds for one sofgen run */
#define NOW "2020-06-01T12:00"

#define SITE_YAML(title)                                                                                      \
	"title: " title "\nbase_url: https://example.se/\nregion: Testlän\naccessibility:\n  status: helt\n"   \
	"  assessed: 2024-01-15\n  method: självskattning\n  contact: {email: webb@example.se}\n"
static const fixture_file forbund_file = FIXTURE_FORBUND;


static char *tmpdir(void)
{
	char t[] = "/tmp/sofgen-crash-XXXXXX";
	cr_assert_not_null(mkdtemp(t));
	return sg_strdup(t);
}

/* For the big site: in memory (/dev/shm) when there is room, which spares the disk
 * thousands of files per build; otherwise /tmp. */
static char *big_tmpdir(void)
{
	struct statvfs vfs;
	if (statvfs("/dev/shm", &vfs) == 0 && (unsigned long long)vfs.f_bavail * vfs.f_frsize > (1ULL << 30)) {
		char t[] = "/dev/shm/sofgen-crash-XXXXXX";
		if (mkdtemp(t))
			return sg_strdup(t);
	}
	return tmpdir();
}

static void write_text(const char *path, const char *text)
{
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0, "mkdir %s: %s", dir, strerror(errno));
	free(dir);
	cr_assert_eq(sg_write_file(path, text, strlen(text)), 0, "write %s: %s", path, strerror(errno));
}

static void write_at(const char *root, const char *rel, const char *text)
{
	char *p = sg_path_join(root, rel);
	write_text(p, text);
	free(p);
}

/* A content folder: site.yaml titled `title`, the förbund sjuharad and n insatser. */
static void make_content(const char *content, const char *title, int n)
{
	char *yaml = sg_asprintf(SITE_YAML("%s"), title);
	write_at(content, "site.yaml", yaml);
	free(yaml);
	write_at(content, forbund_file.path, forbund_file.text);
	static const char *const kommuner[] = {"Borås", "Mark", "Svenljunga"};
	static const char *const cats[] = {"kartläggning", "förberedande", "rehabilitering", "förebyggande"};
	for (int i = 0; i < n; i++) {
		char *rel = sg_asprintf("insatser/sjuharad/insats-%04d.md", i);
		char *text = sg_asprintf("---\ntitle: Insats %d\nyear: 2015\narea: individinriktad\ncategory: %s\n"
		                         "summary: En kort beskrivning av insats %d.\nplaces:\n  - municipality: %s\n"
		                         "    participants: %d\n    funds: {forbund: %d.5}\n---\n"
		                         "Insatsen **%d** ger stöd till unga vuxna.\n\n- punkt ett\n- punkt två\n",
		                         i, cats[i % 4], i, kommuner[i % 3], i % 50, i % 100, i);
		write_at(content, rel, text);
		free(text);
		free(rel);
	}
}

/* ---- running sofgen ----------------------------------------------------------- */

typedef struct {
	rlim_t fsize; /* RLIMIT_FSIZE for the child, or 0 for none */
	rlim_t as;    /* RLIMIT_AS (address space, so memory) for the child, or 0 for none */
	const char *templates, *assets; /* NULL: the project's */
} run_opts;

static char *bin_path(void)
{
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin), "no sofgen binary at %s", sofgen());
	return sg_strdup(bin);
}

/* Starts `sofgen build --content CONTENT --out OUT --now NOW` (templates and assets of
 * the project) with stderr into err_fd (or /dev/null when -1); returns the pid. */
static pid_t start_build(const char *content, const char *out, int err_fd, const run_opts *opts)
{
	char *bin = bin_path();
	char templates[PATH_MAX], assets[PATH_MAX];
	cr_assert_not_null(realpath(opts && opts->templates ? opts->templates : "templates", templates));
	cr_assert_not_null(realpath(opts && opts->assets ? opts->assets : "assets", assets));
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(err_fd >= 0 ? err_fd : null, 2);
		if (err_fd > 2)
			close(err_fd);
		if (opts && opts->fsize) {
			/* a "full disk" that works anywhere: writes past the limit fail with EFBIG */
			signal(SIGXFSZ, SIG_IGN);
			struct rlimit rl = {opts->fsize, opts->fsize};
			setrlimit(RLIMIT_FSIZE, &rl);
		}
		if (opts && opts->as) {
			struct rlimit rl = {opts->as, opts->as};
			setrlimit(RLIMIT_AS, &rl);
		}
		alarm(TIME_LIMIT);
		const char *argv[] = {bin,         "build",   "--content", content, "--out", out, "--templates",
		                      templates,   "--assets", assets,     "--now",   NOW,     NULL};
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	free(bin);
	return pid;
}

typedef struct {
	int status; /* exit status, or -1 when killed */
	int signal;
	sg_buf err;
} run_result;

static void wait_for(pid_t pid, int *status, int *sig)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		cr_assert_eq(errno, EINTR);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	*sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
}

/* Runs a build to the end; stderr in r->err (through a pipe: RLIMIT_FSIZE would cut
 * a file short). */
static void build(run_result *r, const char *content, const char *out, const run_opts *opts)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	pid_t pid = start_build(content, out, fds[1], opts);
	close(fds[1]);
	r->err = (sg_buf)SG_BUF_INIT;
	char chunk[8192];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		cr_assert_gt(n, 0);
		sg_buf_put(&r->err, chunk, (size_t)n);
	}
	close(fds[0]);
	wait_for(pid, &r->status, &r->signal);
	cr_assert_eq(r->signal, 0, "sofgen build --out %s was killed by signal %d (%s)", out, r->signal,
	             strsignal(r->signal));
}

static void build_ok(const char *content, const char *out)
{
	run_result r;
	build(&r, content, out, NULL);
	cr_assert_eq(r.status, 0, "build of %s into %s failed:\n%s", content, out, sg_buf_cstr(&r.err));
	sg_buf_free(&r.err);
}

/* ---- snapshots: every file and folder of a tree, with a hash of each file ------- */

static unsigned long long fnv1a(const char *s, size_t len)
{
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void snapshot_into(sg_buf *out, const char *root, const char *rel)
{
	char *dir = *rel ? sg_path_join(root, rel) : sg_strdup(root);
	size_t n;
	char **names = sg_list_dir(dir, &n);
	for (size_t i = 0; names && i < n; i++) {
		char *r = *rel ? sg_asprintf("%s/%s", rel, names[i]) : sg_strdup(names[i]);
		char *full = sg_path_join(root, r);
		struct stat st;
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			sg_buf_printf(out, "d %s\n", r);
			snapshot_into(out, root, r);
		} else if (S_ISREG(st.st_mode)) {
			size_t len = 0;
			char *data = sg_read_file(full, &len, (size_t)1 << 30);
			cr_assert_not_null(data, "cannot read %s", full);
			sg_buf_printf(out, "f %s %zu %016llx\n", r, len, fnv1a(data, len));
			free(data);
		} else {
			sg_buf_printf(out, "? %s\n", r);
		}
		free(full);
		free(r);
	}
	if (names)
		sg_free_names(names, n);
	free(dir);
}

/* The whole tree as text (empty when it does not exist). */
static char *snapshot(const char *root)
{
	sg_buf b = SG_BUF_INIT;
	if (sg_exists(root))
		snapshot_into(&b, root, "");
	return sg_buf_detach(&b);
}

/* Names in dir starting with prefix, as one line each. */
static char *names_with(const char *dir, const char *prefix)
{
	sg_buf b = SG_BUF_INIT;
	size_t n;
	char **names = sg_list_dir(dir, &n);
	for (size_t i = 0; names && i < n; i++)
		if (strncmp(names[i], prefix, strlen(prefix)) == 0)
			sg_buf_printf(&b, "%s\n", names[i]);
	if (names)
		sg_free_names(names, n);
	return sg_buf_detach(&b);
}

/* Is stderr a failed build's: lines "PATH: error: cannot write: <why>" (one per page
 * being written when the disk filled up: pages are rendered on several threads),
 * where PATH is in the build folder beside `site`, then the summary saying the site
 * was not changed? With no why, any error lines before the summary. */
static bool failed_build_output(const char *err, const char *site, const char *why)
{
	char *prefix = sg_asprintf("%s.tmp-", site);
	char *tail = why ? sg_asprintf(": error: cannot write: %s", why) : NULL;
	int errors = 0;
	bool ok = true;
	const char *p = err;
	while (ok && *p) {
		size_t len = strcspn(p, "\n");
		if (strncmp(p, "sofgen: ", 8) == 0) {
			char *want = sg_asprintf("sofgen: %d error%s, 0 warnings; the site was not changed", errors,
			                         errors == 1 ? "" : "s");
			ok = errors > 0 && len == strlen(want) && strncmp(p, want, len) == 0 && p[len] == '\n' && !p[len + 1];
			free(want);
			break;
		}
		if (tail)
			ok = strncmp(p, prefix, strlen(prefix)) == 0 && len > strlen(tail) &&
			     strncmp(p + len - strlen(tail), tail, strlen(tail)) == 0;
		else
			ok = strstr(p, ": error: ") && strstr(p, ": error: ") < p + len;
		errors++;
		p += len + (p[len] == '\n');
	}
	free(prefix);
	free(tail);
	return ok && strstr(err, "; the site was not changed\n");
}

/* ---- (a) a build that fails leaves the previous site byte-identical ------------- */

Test(crash_safety, failed_build_leaves_the_previous_site, .timeout = 120)
{
	char *root = tmpdir();
	char *content = sg_path_join(root, "content"), *site = sg_path_join(root, "site");
	make_content(content, "Testportal", 5);
	build_ok(content, site);
	char *before = snapshot(site);
	cr_assert(strstr(before, "f index.html "), "%s", before);

	/* a content error, in new content */
	write_at(content, "site.yaml", SITE_YAML("Ny titel"));
	write_at(content, "insatser/sjuharad/trasig.md", "---\ntitle: Trasig\nyear: tvåtusen\n---\nText.\n");
	run_result r;
	build(&r, content, site, NULL);
	cr_expect_eq(r.status, 1, "%s", sg_buf_cstr(&r.err));
	cr_expect(strstr(sg_buf_cstr(&r.err), "trasig.md:3:7: error: "), "%s", sg_buf_cstr(&r.err));
	cr_expect(failed_build_output(sg_buf_cstr(&r.err), site, NULL), "%s", sg_buf_cstr(&r.err));
	char *after = snapshot(site);
	cr_expect_str_eq(after, before, "a build with a content error changed the site");
	free(after);
	sg_buf_free(&r.err);

	/* a template error (no templates folder) */
	char *cmd = NULL;
	{
		char *bin = bin_path();
		cmd = sg_asprintf("%s build --content %s --out %s --templates %s/nowhere --now " NOW " 2>&1", bin, content,
		                  site, root);
		free(bin);
	}
	char *broken = sg_path_join(content, "insatser/sjuharad/trasig.md");
	unlink(broken);
	free(broken);
	FILE *p = popen(cmd, "r");
	sg_buf out = SG_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		sg_buf_put(&out, chunk, n);
	int st = pclose(p);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 1, "%s", sg_buf_cstr(&out));
	cr_expect(strstr(sg_buf_cstr(&out), "the site was not changed"), "%s", sg_buf_cstr(&out));
	after = snapshot(site);
	cr_expect_str_eq(after, before, "a build with a template error changed the site");
	free(after);
	char *left = names_with(root, "site.tmp");
	cr_expect_str_eq(left, "", "temporary build folders are left behind:\n%s", left);
	free(left);

	sg_buf_free(&out);
	free(cmd);
	free(before);
	sg_remove_tree(root);
	free(site);
	free(content);
	free(root);
}

/* ---- (b) SIGKILL mid-write ---------------------------------------------------- */

typedef enum {
	KILL_TMP_APPEARS, /* as soon as the build folder exists */
	KILL_AT_PAGE,     /* when the page of insats `page` is written */
	KILL_AT_SWAP,     /* as soon as the new site is in place (the old one being removed) */
	KILL_AFTER,       /* after `permille` of the time a whole build takes */
} kill_kind;

typedef struct {
	kill_kind kind;
	int page;
	long permille;
	const char *what;
} kill_point;

static long long now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static ino_t inode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* Starts a build and SIGKILLs it at the point; true when it was killed (false when it
 * had finished first). */
static bool build_and_kill(const char *content, const char *site, const kill_point *k, long long build_us,
                           pid_t *pid_out)
{
	ino_t old_ino = inode_of(site);
	pid_t pid = start_build(content, site, -1, NULL);
	*pid_out = pid;
	char *tmp = sg_asprintf("%s.tmp-%ld", site, (long)pid);
	char *page = sg_asprintf("%s/insats/sjuharad/insats-%04d/index.html", tmp, k->page);
	long long t0 = now_us();
	bool exited = false;
	int st;
	for (;;) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			exited = true;
			break;
		}
		bool now = false;
		switch (k->kind) {
		case KILL_TMP_APPEARS: now = sg_exists(tmp); break;
		case KILL_AT_PAGE: now = sg_exists(page); break;
		case KILL_AT_SWAP: now = inode_of(site) != old_ino; break;
		case KILL_AFTER: now = now_us() - t0 >= build_us * k->permille / 1000; break;
		}
		if (now)
			break;
		cr_assert_lt(now_us() - t0, (long long)TIME_LIMIT * 1000000, "the build did not reach '%s'", k->what);
		struct timespec nap = {0, 1000 * 1000};
		nanosleep(&nap, NULL);
	}
	bool killed = false;
	if (!exited) {
		kill(pid, SIGKILL);
		while (waitpid(pid, &st, 0) < 0)
			cr_assert_eq(errno, EINTR);
		killed = WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
	}
	if (!killed)
		cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s: the build ended on its own, but not well", k->what);
	free(page);
	free(tmp);
	return killed;
}

static pid_t dead_pid(void)
{
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0)
		_exit(0);
	int st;
	waitpid(pid, &st, 0);
	return pid;
}

Test(crash_safety, killed_build_leaves_the_previous_site, .timeout = 170)
{
	enum { N = 3000 };
	char *root = big_tmpdir();
	char *content[2] = {sg_path_join(root, "content-a"), sg_path_join(root, "content-b")};
	char *site = sg_path_join(root, "site");
	/* two versions of a big site: every page differs (the site's title is on each) */
	make_content(content[0], "Portal A", N);
	make_content(content[1], "Portal B", N);
	write_at(content[1], "insatser/sjuharad/extra.md", "---\ntitle: Extra\nyear: 2015\n---\nText.\n");
	char *ref[2];
	for (int v = 0; v < 2; v++) {
		char *out = sg_asprintf("%s/ref-%c", root, 'a' + v);
		build_ok(content[v], out);
		ref[v] = snapshot(out);
		sg_remove_tree(out);
		free(out);
	}
	cr_assert_str_neq(ref[0], ref[1]);

	long long t0 = now_us();
	build_ok(content[0], site);
	long long build_us = now_us() - t0;
	char *cur = snapshot(site);
	cr_assert_str_eq(cur, ref[0], "two builds of the same content differ");
	free(cur);
	int version = 0; /* what site/ holds */

	const kill_point points[] = {
		{KILL_TMP_APPEARS, 0, 0, "the build folder appears"},
		{KILL_AT_PAGE, 1, 0, "insats page 1 written"},
		{KILL_AT_PAGE, 1500, 0, "insats page 1500 written"},
		{KILL_AT_PAGE, 2990, 0, "insats page 2990 written"},
		{KILL_AT_SWAP, 0, 0, "the new site is swapped in"},
		{KILL_AFTER, 0, 100, "10% of a build's time"},
		{KILL_AFTER, 0, 400, "40% of a build's time"},
		{KILL_AFTER, 0, 700, "70% of a build's time"},
		{KILL_AFTER, 0, 900, "90% of a build's time"},
	};
	int killed_count = 0, old_kept = 0;
	sg_buf killed_tmps = SG_BUF_INIT; /* "\nsite.tmp-<pid>\n" of each killed build */
	for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
		const kill_point *k = &points[i];
		int target = 1 - version;
		pid_t pid;
		t0 = now_us();
		bool killed = build_and_kill(content[target], site, k, build_us, &pid);
		killed_count += killed;
		char *now = snapshot(site);
		bool is_old = strcmp(now, ref[version]) == 0, is_new = strcmp(now, ref[target]) == 0;
		cr_assert(is_old || is_new, "killed at '%s': site/ is neither the previous site nor the new one", k->what);
		if (killed && k->kind != KILL_AFTER && k->kind != KILL_AT_SWAP && k->page < 2000)
			cr_expect(is_old, "killed at '%s' (before the swap), but site/ changed", k->what);
		if (killed && k->kind == KILL_AT_SWAP) {
			cr_expect(is_new, "killed after the swap, but site/ is not the new site");
			/* the old site, half removed, still says sofgen made it: the next build
			 * removes it */
			char *tmp = sg_asprintf("%s.tmp-%ld", site, (long)pid), *marker = sg_path_join(tmp, ".sofgen-output");
			cr_expect(!sg_exists(tmp) || sg_is_file(marker), "the half-removed old site lost its marker first");
			free(marker);
			free(tmp);
		}
		old_kept += is_old;
		if (is_new)
			version = target;
		/* beside site/: only the folders of killed builds may be left (a build cleans
		 * them up when it starts writing, so one killed earlier may still be there) */
		if (killed)
			sg_buf_printf(&killed_tmps, "\nsite.tmp-%ld\n", (long)pid);
		char *left = names_with(root, "site");
		for (const char *line = left; *line; line += strcspn(line, "\n") + 1) {
			char *name = sg_strndup(line, strcspn(line, "\n"));
			char *key = sg_asprintf("\n%s\n", name);
			cr_expect(strcmp(name, "site") == 0 || strstr(sg_buf_cstr(&killed_tmps), key),
			          "killed at '%s': '%s' is beside site/", k->what, name);
			free(key);
			free(name);
		}
		free(left);
		cr_log_info("killed at '%s' after %.3f s: %s", k->what, (double)(now_us() - t0) / 1e6,
		            !killed ? "the build had ended" : is_old ? "the old site is kept" : "the new site is in place");
		free(now);
	}
	cr_expect_geq(killed_count, 6, "only %d of the builds were killed before they ended", killed_count);
	cr_expect_geq(old_kept, 4, "only %d kills left the old site", old_kept);

	/* stale build folders: of a killed build (removed), someone else's folder with the
	 * same name pattern (kept: no marker), a running build's (kept) */
	pid_t dead1 = dead_pid(), dead2 = dead_pid();
	char *stale = sg_asprintf("site.tmp-%ld/.sofgen-output", (long)dead1);
	write_at(root, stale, "built by sofgen\n");
	free(stale);
	stale = sg_asprintf("site.tmp-%ld/insats/x/index.html", (long)dead1);
	write_at(root, stale, "half");
	free(stale);
	char *foreign = sg_asprintf("site.tmp-%ld/thesis.txt", (long)dead2);
	write_at(root, foreign, "not sofgen's");
	char *live = sg_asprintf("site.tmp-%ld/.sofgen-output", (long)getpid());
	write_at(root, live, "built by sofgen\n");

	int target = 1 - version;
	build_ok(content[target], site);
	char *now = snapshot(site);
	cr_expect_str_eq(now, ref[target], "the build after the kills is not the new site");
	free(now);
	char *left = names_with(root, "site");
	/* what must be left, sorted bytewise like the listing */
	char *x = sg_asprintf("site.tmp-%ld", (long)dead2), *y = sg_asprintf("site.tmp-%ld", (long)getpid());
	char *want = strcmp(x, y) < 0 ? sg_asprintf("site\n%s\n%s\n", x, y) : sg_asprintf("site\n%s\n%s\n", y, x);
	cr_expect_str_eq(left, want, "the next build must remove the folders of killed builds, and only those");
	char *p = sg_path_join(root, foreign);
	cr_expect(sg_is_file(p), "a folder without the marker was touched");
	free(p);

	sg_buf_free(&killed_tmps);
	free(x);
	free(y);
	free(want);
	free(left);
	free(live);
	free(foreign);
	free(ref[0]);
	free(ref[1]);
	sg_remove_tree(root);
	free(site);
	free(content[0]);
	free(content[1]);
	free(root);
}

/* ---- (c) a full disk ------------------------------------------------------------ */

/* Simulated with RLIMIT_FSIZE: every write past 2 kB fails with EFBIG. */
Test(crash_safety, full_disk_leaves_the_previous_site, .timeout = 120)
{
	char *root = tmpdir();
	char *content = sg_path_join(root, "content"), *site = sg_path_join(root, "site");
	make_content(content, "Testportal", 20);
	build_ok(content, site);
	char *before = snapshot(site);

	write_at(content, "site.yaml", SITE_YAML("Ny titel"));
	run_result r;
	run_opts o = {.fsize = 2048};
	build(&r, content, site, &o);
	const char *err = sg_buf_cstr(&r.err);
	cr_expect_eq(r.status, 2, "a full disk is an I/O error (exit 2), not %d:\n%s", r.status, err);
	cr_expect(failed_build_output(err, site, "File too large"), "no clear message:\n%s", err);
	char *after = snapshot(site);
	cr_expect_str_eq(after, before, "a build that ran out of space changed the site");
	char *left = names_with(root, "site.tmp");
	cr_expect_str_eq(left, "", "the build folder of the failed build is left behind:\n%s", left);

	sg_buf_free(&r.err);

	/* no room even for the marker that says sofgen made the folder: a site without it
	 * could never be replaced again, so nothing is built */
	o.fsize = 8;
	build(&r, content, site, &o);
	err = sg_buf_cstr(&r.err);
	cr_expect_eq(r.status, 2, "%s", err);
	cr_expect(failed_build_output(err, site, "File too large") &&
	              strstr(err, "/.sofgen-output: error: cannot write: File too large\n"),
	          "%s", err);
	free(after);
	after = snapshot(site);
	cr_expect_str_eq(after, before, "a build that could not write its marker changed the site");
	free(left);
	left = names_with(root, "site.tmp");
	cr_expect_str_eq(left, "", "the build folder of the failed build is left behind:\n%s", left);

	/* with space again, the next build works */
	build_ok(content, site);
	free(after);
	after = snapshot(site);
	cr_expect_str_neq(after, before);
	cr_expect(strstr(after, "f index.html "));

	free(left);
	free(after);
	sg_buf_free(&r.err);
	free(before);
	sg_remove_tree(root);
	free(site);
	free(content);
	free(root);
}

/* A real full disk (ENOSPC): a small tmpfs, mounted in a mount namespace of this test
 * process only (it goes away with the process). Needs root; skipped otherwise. */
Test(crash_safety, full_tmpfs_leaves_the_previous_site, .timeout = 120)
{
	if (geteuid() != 0 || unshare(CLONE_NEWNS) != 0)
		cr_skip_test("needs root and mount namespaces for a tmpfs");
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		cr_skip_test("cannot make the mounts private: %s", strerror(errno));
	char *root = tmpdir();
	char *content = sg_path_join(root, "content"), *disk = sg_path_join(root, "disk");
	char *site = sg_path_join(disk, "site");
	cr_assert_eq(sg_mkdirs(disk), 0);
	if (mount("tmpfs", disk, "tmpfs", 0, "size=64m") != 0) {
		sg_remove_tree(root);
		cr_skip_test("cannot mount a tmpfs: %s", strerror(errno));
	}
	make_content(content, "Testportal", 300);
	build_ok(content, site);
	char *before = snapshot(site);

	/* leave room for a part of the new site only */
	struct statvfs vfs;
	cr_assert_eq(statvfs(disk, &vfs), 0);
	unsigned long long used = (unsigned long long)(vfs.f_blocks - vfs.f_bfree) * vfs.f_frsize;
	char *opts = sg_asprintf("size=%llu", used + 256 * 1024);
	cr_assert_eq(mount("tmpfs", disk, "tmpfs", MS_REMOUNT, opts), 0, "remount: %s", strerror(errno));
	free(opts);

	write_at(content, "site.yaml", SITE_YAML("Ny titel"));
	run_result r;
	build(&r, content, site, NULL);
	const char *err = sg_buf_cstr(&r.err);
	cr_expect_eq(r.status, 2, "a full disk is an I/O error (exit 2), not %d:\n%s", r.status, err);
	cr_expect(failed_build_output(err, site, "No space left on device"), "no clear message:\n%s", err);
	char *after = snapshot(site);
	cr_expect_str_eq(after, before, "a build that ran out of space changed the site");
	char *left = names_with(disk, "site.tmp");
	cr_expect_str_eq(left, "", "the build folder of the failed build is left behind:\n%s", left);
	sg_buf_free(&r.err);

	/* with space again, the next build works */
	cr_assert_eq(mount("tmpfs", disk, "tmpfs", MS_REMOUNT, "size=64m"), 0);
	build_ok(content, site);
	free(after);
	after = snapshot(site);
	cr_expect_str_neq(after, before);

	umount(disk);
	free(left);
	free(after);
	free(before);
	sg_remove_tree(root);
	free(site);
	free(disk);
	free(content);
	free(root);
}

/* ---- (e) out of memory: exit 2 with a message, the previous site as it was -------- */

#define MEMORY_LIMIT ((rlim_t)256 << 20) /* far above what the small site needs */

/* True when the binary runs at all with MEMORY_LIMIT of address space (one built with
 * AddressSanitizer reserves terabytes for its shadow memory and cannot). */
static bool runs_with_memory_limit(void)
{
	char *bin = bin_path();
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		struct rlimit rl = {MEMORY_LIMIT, MEMORY_LIMIT};
		setrlimit(RLIMIT_AS, &rl);
		execl(bin, bin, "--version", (char *)NULL);
		_exit(127);
	}
	free(bin);
	int status, sig;
	wait_for(pid, &status, &sig);
	return status == 0;
}

/* A build that runs out of memory; stderr must be exactly the message, the exit 2, the
 * site unchanged and no build folder left. */
static void expect_out_of_memory(const char *what, const char *content, const char *site, const char *before,
                                 const run_opts *o)
{
	run_result r;
	build(&r, content, site, o); /* (fails the test if it ends by a signal, e.g. SIGABRT) */
	cr_expect_eq(r.status, 2, "%s: exit %d, not 2:\n%s", what, r.status, sg_buf_cstr(&r.err));
	cr_expect_str_eq(sg_buf_cstr(&r.err), "sofgen: out of memory; stopped without changing the site\n", "%s", what);
	char *after = snapshot(site);
	cr_expect_str_eq(after, before, "%s: the site changed", what);
	char *parent = sg_strdup(site);
	*strrchr(parent, '/') = '\0';
	char *left = names_with(parent, "site.tmp");
	cr_expect_str_eq(left, "", "%s: the build folder is left behind:\n%s", what, left);
	free(left);
	free(parent);
	free(after);
	sg_buf_free(&r.err);
}

Test(crash_safety, out_of_memory_leaves_the_previous_site, .timeout = 120)
{
	if (!runs_with_memory_limit())
		cr_skip_test("%s does not start with %llu MB of address space (AddressSanitizer?)", sofgen(),
		             (unsigned long long)(MEMORY_LIMIT >> 20));
	char *root = big_tmpdir();
	char *content = sg_path_join(root, "content"), *site = sg_path_join(root, "site");
	make_content(content, "Testportal", 20);
	build_ok(content, site);
	char *before = snapshot(site);
	cr_assert(strstr(before, "f index.html "), "%s", before);
	write_at(content, "site.yaml", SITE_YAML("Ny titel")); /* so a build that went through would show */

	/* (1) in the page renderers, while other pages are being written: an insats page
	 * template whose partials expand to 10^6 copies of 1 kB (1 GB a page) */
	char *templates = sg_path_join(root, "templates");
	cr_assert_eq(fixture_copy_tree("templates", templates), 0);
	write_at(templates, "insats.mustache", "{{>boom1}}");
	sg_buf b = SG_BUF_INIT;
	for (int i = 0; i < 100; i++)
		sg_buf_puts(&b, "{{>boom2}}");
	write_at(templates, "boom1.mustache", sg_buf_cstr(&b));
	sg_buf_clear(&b);
	for (int i = 0; i < 100; i++)
		sg_buf_puts(&b, "{{>boom3}}");
	write_at(templates, "boom2.mustache", sg_buf_cstr(&b));
	sg_buf_clear(&b);
	for (int i = 0; i < 100; i++)
		sg_buf_puts(&b, "<p>Den här texten upprepas tills minnet tar slut.</p>\n<p>Och en gång till, hela vägen.</p>\n");
	write_at(templates, "boom3.mustache", sg_buf_cstr(&b));
	sg_buf_free(&b);
	run_opts o = {.as = MEMORY_LIMIT, .templates = templates};
	expect_out_of_memory("pages too large for the memory", content, site, before, &o);

	/* (2) after every page is written, copying the assets: a (sparse) 1 GB file */
	char *assets = sg_path_join(root, "assets");
	cr_assert_eq(fixture_copy_tree("assets", assets), 0);
	char *big = sg_path_join(assets, "stor.bin");
	int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)1 << 30), 0);
	close(fd);
	o = (run_opts){.as = MEMORY_LIMIT, .assets = assets};
	expect_out_of_memory("an asset too large for the memory", content, site, before, &o);

	/* (3) sofgen serve: its own folder (in TMPDIR) goes too */
	char *serve_tmp = sg_path_join(root, "serve-tmp");
	cr_assert_eq(sg_mkdirs(serve_tmp), 0);
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	char *bin = bin_path();
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		setenv("TMPDIR", serve_tmp, 1);
		struct rlimit rl = {MEMORY_LIMIT, MEMORY_LIMIT};
		setrlimit(RLIMIT_AS, &rl);
		alarm(TIME_LIMIT);
		execl(bin, bin, "serve", "--port", "0", "--content", content, "--templates", templates, "--assets", "assets",
		      (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	sg_buf err = SG_BUF_INIT;
	char chunk[4096];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			sg_buf_put(&err, chunk, (size_t)n);
	close(fds[0]);
	int status, sig;
	wait_for(pid, &status, &sig);
	cr_expect(status == 2 && sig == 0, "sofgen serve out of memory: exit %d, signal %d:\n%s", status, sig,
	          sg_buf_cstr(&err));
	cr_expect_str_eq(sg_buf_cstr(&err), "sofgen: out of memory; stopped without changing the site\n");
	char *serve_left = names_with(serve_tmp, "");
	cr_expect_str_eq(serve_left, "", "sofgen serve left its folder behind:\n%s", serve_left);
	free(serve_left);
	sg_buf_free(&err);
	free(bin);
	free(serve_tmp);

	/* and the next build, with memory, works */
	unlink(big);
	build_ok(content, site);
	char *after = snapshot(site);
	cr_expect(strstr(after, "f index.html ") && strcmp(after, before) != 0);

	free(after);
	free(big);
	free(assets);
	free(templates);
	free(before);
	sg_remove_tree(root);
	free(site);
	free(content);
	free(root);
}
