/* test_files.c — the files sofgen reads and the folder it writes, with `sofgen` run as
 * editors run it, in a fresh folder each time:
 *   - named pipes in content/ (site.yaml, an insats) are refused at once by check, build
 *     and serve, which also still stops on SIGTERM;
 *   - templates are never read through symbolic links; assets skip links and named pipes
 *     with a warning each;
 *   - --out that is the project, a source folder or inside one is refused before any
 *     work, with nothing written or removed;
 *   - assets at the paths of generated files are errors naming both, in build and in
 *     serve's rebuilds (an asset added while serving);
 *   - the list of paths a build checks is exactly the files it writes.
 * Run from the project root; $SOFGEN names the binary (default build/release/sofgen). */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "model/model.h"
#include "pipeline.h"
#include "plan/plan.h"
#include "read/content.h"
#include "session.h"
#include "util/buf.h"
#include "write/paths.h"

#define TIME_LIMIT 30 /* seconds for one sofgen run; more is a hang */

static const fixture_file base[] = {FIXTURE_SITE, FIXTURE_FORBUND};

/* The base site in a fresh folder, with copies of the project's templates and assets
 * beside its content; returns the folder (malloc'd). */
static char *project(void)
{
	char *root = fixture_make(base, 2);
	const char *parts[] = {"templates", "assets"};
	for (size_t i = 0; i < 2; i++) {
		char *to = sg_path_join(root, parts[i]);
		cr_assert_eq(fixture_copy_tree(parts[i], to), 0);
		free(to);
	}
	return root;
}

static void write_at(const char *root, const char *rel, const char *text)
{
	char *path = sg_path_join(root, rel);
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0);
	cr_assert_eq(sg_write_file(path, text, strlen(text)), 0, "cannot write %s", path);
	free(dir);
	free(path);
}

static void fifo_at(const char *root, const char *rel)
{
	char *path = sg_path_join(root, rel);
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0);
	free(dir);
	unlink(path);
	cr_assert_eq(mkfifo(path, 0644), 0, "mkfifo %s: %s", path, strerror(errno));
	free(path);
}

static void link_at(const char *root, const char *rel, const char *target)
{
	char *path = sg_path_join(root, rel);
	cr_assert_eq(symlink(target, path), 0, "symlink %s: %s", path, strerror(errno));
	free(path);
}

typedef struct {
	int status; /* exit status; -1 when killed (the time limit: a hang) */
	sg_buf err;
} result;

/* Runs sofgen with argv (argv[0] ignored, NULL-terminated) in cwd: stderr kept, stdout
 * dropped, at most TIME_LIMIT seconds. */
static void run_in(result *r, const char *cwd, const char *const *argv)
{
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin), "no sofgen binary at %s", sofgen());
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		if (chdir(cwd) != 0)
			_exit(126);
		alarm(TIME_LIMIT);
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	r->err = (sg_buf)SG_BUF_INIT;
	char chunk[4096];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		cr_assert_gt(n, 0);
		sg_buf_put(&r->err, chunk, (size_t)n);
	}
	close(fds[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		cr_assert_eq(errno, EINTR);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Every path below root with its type and size, and the bytes of its files' heads:
 * what "nothing written or removed" compares. */
static void snapshot_into(sg_buf *out, const char *root, const char *rel)
{
	char *dir = *rel ? sg_path_join(root, rel) : sg_strdup(root);
	size_t n;
	char **names = sg_list_dir(dir, &n);
	for (size_t i = 0; names && i < n; i++) {
		char *r = *rel ? sg_asprintf("%s/%s", rel, names[i]) : sg_strdup(names[i]);
		char *full = sg_path_join(root, r);
		struct stat st;
		if (lstat(full, &st) == 0) {
			sg_buf_printf(out, "%o %s %lld %lld\n", (unsigned)st.st_mode, r, (long long)st.st_size,
			              (long long)st.st_mtim.tv_nsec + 1000000000LL * (long long)st.st_mtim.tv_sec);
			if (S_ISDIR(st.st_mode))
				snapshot_into(out, root, r);
		}
		free(full);
		free(r);
	}
	if (names)
		sg_free_names(names, n);
	free(dir);
}

static char *snapshot(const char *root)
{
	sg_buf b = SG_BUF_INIT;
	snapshot_into(&b, root, "");
	return sg_buf_detach(&b);
}

static void remove_root(char *root)
{
	sg_remove_tree(root);
	free(root);
}

/* ---- item 13: named pipes --------------------------------------------------- */

Test(files, named_pipes_in_content_are_refused_at_once, .timeout = 120)
{
	char *root = project();
	fifo_at(root, "content/site.yaml");
	fifo_at(root, "content/insatser/sjuharad/ror.md");
	const char *check[] = {"sofgen", "check", "--content", "content", NULL};
	const char *build[] = {"sofgen", "build", "--content", "content", "--out", "site", NULL};
	const char *const *argvs[] = {check, build};
	const char *want =
		"content/insatser/sjuharad/ror.md: error: this is a named pipe (FIFO), not a file: sofgen reads only regular "
		"files; put the file itself here or remove it\n"
		"content/site.yaml: error: this is a named pipe (FIFO), not a file: sofgen reads only regular files; put the "
		"file itself here or remove it\n";
	for (size_t i = 0; i < 2; i++) {
		result r;
		run_in(&r, root, argvs[i]);
		cr_assert_neq(r.status, -1, "sofgen %s hung on a named pipe", argvs[i][1]);
		cr_expect_eq(r.status, 1, "sofgen %s: %s", argvs[i][1], sg_buf_cstr(&r.err));
		cr_expect(has(sg_buf_cstr(&r.err), want), "sofgen %s printed:\n%s", argvs[i][1], sg_buf_cstr(&r.err));
		sg_buf_free(&r.err);
	}
	char *site = sg_path_join(root, "site");
	cr_expect_not(sg_exists(site));
	free(site);
	remove_root(root);
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* serve reads site.yaml for the site's path before it builds, with SIGTERM blocked (it
 * is read from a signalfd): a named pipe there used to hang it for good. */
Test(files, serve_with_a_named_pipe_reports_it_and_stops_on_sigterm, .timeout = 120)
{
	char *root = project();
	fifo_at(root, "content/site.yaml");
	char *tmp = sg_path_join(root, "tmp");
	cr_assert_eq(sg_mkdirs(tmp), 0);
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin));
	char *cmd = sg_asprintf("cd '%s' && export TMPDIR='%s' && exec '%s' serve --port 0 >serve.log 2>&1", root, tmp, bin);
	fflush(NULL);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	char *log_path = sg_path_join(root, "serve.log");
	char *log = NULL;
	long long deadline = now_ms() + 1000LL * TIME_LIMIT;
	for (;;) { /* until it serves (with the errors shown) */
		size_t len;
		free(log);
		log = sg_read_file(log_path, &len, 1 << 20);
		if (has(log, "serving"))
			break;
		if (now_ms() > deadline)
			break;
		struct timespec ms50 = {0, 50000000};
		nanosleep(&ms50, NULL);
	}
	bool serving = has(log, "serving");
	kill(pid, SIGTERM);
	deadline = now_ms() + 1000LL * TIME_LIMIT;
	int st = 0;
	bool stopped = false;
	while (!(stopped = waitpid(pid, &st, WNOHANG) == pid) && now_ms() < deadline) {
		struct timespec ms20 = {0, 20000000};
		nanosleep(&ms20, NULL);
	}
	if (!stopped) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
	size_t len;
	free(log);
	log = sg_read_file(log_path, &len, 1 << 20);
	cr_expect(serving, "sofgen serve never started serving:\n%s", log);
	cr_expect(stopped, "sofgen serve did not stop on SIGTERM:\n%s", log);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %d:\n%s", st, log);
	cr_expect(has(log, "content/site.yaml: error: this is a named pipe (FIFO), not a file"), "%s", log);
	free(log);
	free(log_path);
	free(tmp);
	remove_root(root);
}

/* ---- item 14: links out of templates/ and assets/ ---------------------------------- */

Test(files, templates_are_never_read_through_links, .timeout = 60)
{
	char *root = project();
	char *secret = sg_path_join(root, "hemlig.txt");
	cr_assert_eq(sg_write_file(secret, "HEMLIGT\n", 8), 0);
	/* a partial that is a link out of the folder, and the page template it is used from */
	link_at(root, "templates/hemlig.mustache", secret);
	char *page = sg_path_join(root, "templates/404.mustache");
	size_t len;
	char *text = sg_read_file(page, &len, 1 << 20);
	cr_assert_not_null(text);
	char *with = sg_asprintf("%s{{> hemlig}}\n", text);
	cr_assert_eq(sg_write_file(page, with, strlen(with)), 0);
	fifo_at(root, "templates/ror.mustache");
	result r;
	const char *build[] = {"sofgen", "build", "--content", "content", "--out", "site", NULL};
	run_in(&r, root, build);
	cr_assert_neq(r.status, -1, "sofgen build hung");
	cr_expect_eq(r.status, 1, "%s", sg_buf_cstr(&r.err));
	cr_expect_str_eq(sg_buf_cstr(&r.err),
	                 "templates/hemlig.mustache: error: this is a symbolic link: templates are never read through "
	                 "links, which could publish any file on this computer; put the template itself here\n"
	                 "templates/ror.mustache: error: this is a named pipe (FIFO), not a file: sofgen reads only "
	                 "regular files; put the template itself here or remove it\n"
	                 "sofgen: 2 errors, 0 warnings; the site was not changed\n");
	char *site = sg_path_join(root, "site");
	cr_expect_not(sg_exists(site));
	sg_buf_free(&r.err);
	free(site);
	free(with);
	free(text);
	free(page);
	free(secret);
	remove_root(root);
}

Test(files, assets_say_what_they_skip, .timeout = 60)
{
	char *root = project();
	char *secret = sg_path_join(root, "hemlig.txt");
	cr_assert_eq(sg_write_file(secret, "HEMLIGT\n", 8), 0);
	link_at(root, "assets/hemlig.txt", secret);
	write_at(root, "assets/bilder/logo.svg", "<svg/>");
	link_at(root, "assets/bilder/inne.svg", "logo.svg"); /* inside, but a link all the same */
	fifo_at(root, "assets/ror.css");
	result r;
	const char *build[] = {"sofgen", "build", "--content", "content", "--out", "site", NULL};
	run_in(&r, root, build);
	cr_assert_neq(r.status, -1, "sofgen build hung");
	cr_expect_eq(r.status, 0, "%s", sg_buf_cstr(&r.err));
	const char *want =
		"assets/bilder/inne.svg: warning: this is a symbolic link, which is not copied to the site (links could "
		"publish any file on this computer); put the file itself here\n"
		"assets/hemlig.txt: warning: this is a symbolic link, which is not copied to the site (links could publish "
		"any file on this computer); put the file itself here\n"
		"assets/ror.css: warning: this is a named pipe (FIFO), not a file; it is not copied to the site\n";
	cr_expect(strncmp(sg_buf_cstr(&r.err), want, strlen(want)) == 0, "got:\n%s", sg_buf_cstr(&r.err));
	const char *gone[] = {"site/hemlig.txt", "site/bilder/inne.svg", "site/ror.css"};
	for (size_t i = 0; i < 3; i++) {
		char *p = sg_path_join(root, gone[i]);
		cr_expect_not(sg_exists(p), "%s was published", gone[i]);
		free(p);
	}
	char *logo = sg_path_join(root, "site/bilder/logo.svg");
	cr_expect(sg_is_file(logo));
	free(logo);
	sg_buf_free(&r.err);
	free(secret);
	remove_root(root);
}

/* ---- item 15: --out ------------------------------------------------------------------ */

Test(files, out_that_is_the_project_or_a_source_folder_is_refused, .timeout = 60)
{
	char *root = project();
	/* a previous site, and an empty folder inside the content (which build would accept
	 * as its own: it is empty) */
	char *site = sg_path_join(root, "site");
	write_at(root, "site/.sofgen-output", "built by sofgen\n");
	write_at(root, "site/index.html", "old\n");
	char *inner = sg_path_join(root, "content/site");
	cr_assert_eq(sg_mkdirs(inner), 0);
	char *cwd = sg_path_join(root, "content/forbund");
	static const struct {
		bool inside; /* run from content/forbund with --content .. (else from the project) */
		const char *out, *message;
	} cases[] = {
		{false, "", "sofgen build: --out needs a folder name, e.g. --out site\n"},
		{false, ".", "sofgen build: --out '.' is the current folder, and each build replaces --out as a whole; use a "
		             "folder of its own, e.g. --out site\n"},
		{false, "content", "sofgen build: --out 'content' is the content folder; use a folder of its own, e.g. --out "
		                   "site\n"},
		{false, "content/site", "sofgen build: --out 'content/site' is inside the content folder 'content'; use a "
		                        "folder outside it, e.g. --out site\n"},
		{false, "./templates/", "sofgen build: --out './templates/' is the templates folder; use a folder of its own, "
		                        "e.g. --out site\n"},
		{false, "assets/site", "sofgen build: --out 'assets/site' is inside the assets folder 'assets'; use a folder "
		                       "outside it, e.g. --out site\n"},
		{false, "site/../..", "sofgen build: --out 'site/../..' holds the content folder 'content', and each build "
		                      "replaces --out as a whole; use a folder of its own, e.g. --out site\n"},
		{true, "..", "sofgen build: --out '..' is the content folder; use a folder of its own, e.g. --out site\n"},
		{true, "../site", "sofgen build: --out '../site' is inside the content folder '..'; use a folder outside it, "
		                  "e.g. --out site\n"},
		{true, "/", "sofgen build: --out '/' holds the content folder '..', and each build replaces --out as a whole; "
		            "use a folder of its own, e.g. --out site\n"},
	};
	char *before = snapshot(root);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *from_project[] = {"sofgen", "build", "--out", cases[i].out, NULL};
		const char *from_content[] = {"sofgen",   "build",        "--content", "..",         "--templates",
		                              "../../templates", "--assets", "../../assets", "--out", cases[i].out, NULL};
		result r;
		run_in(&r, cases[i].inside ? cwd : root, cases[i].inside ? from_content : from_project);
		cr_expect_eq(r.status, 2, "--out '%s': exit %d: %s", cases[i].out, r.status, sg_buf_cstr(&r.err));
		cr_expect_str_eq(sg_buf_cstr(&r.err), cases[i].message, "--out '%s'", cases[i].out);
		sg_buf_free(&r.err);
		char *after = snapshot(root);
		cr_expect_str_eq(after, before, "--out '%s' changed files", cases[i].out);
		free(after);
	}
	/* a folder that holds the current one, when the sources are elsewhere */
	const char *elsewhere[] = {"sofgen", "build", "--content", "../../content", "--templates", "../../templates",
	                           "--assets", "../../assets", "--out", "..", NULL};
	char *other = sg_path_join(root, "annan/plats");
	cr_assert_eq(sg_mkdirs(other), 0);
	free(before);
	before = snapshot(root);
	result r;
	run_in(&r, other, elsewhere);
	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(sg_buf_cstr(&r.err), "sofgen build: --out '..' holds the current folder, and each build replaces "
	                                      "--out as a whole; use a folder of its own, e.g. --out site\n");
	sg_buf_free(&r.err);
	char *after = snapshot(root);
	cr_expect_str_eq(after, before);
	free(after);
	free(other);
	/* a link to the content folder is the content folder */
	link_at(root, "innehall", "content");
	free(before);
	before = snapshot(root);
	const char *argv[] = {"sofgen", "build", "--out", "innehall", NULL};
	run_in(&r, root, argv);
	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(sg_buf_cstr(&r.err),
	                 "sofgen build: --out 'innehall' is the content folder; use a folder of its own, e.g. --out site\n");
	sg_buf_free(&r.err);
	after = snapshot(root);
	cr_expect_str_eq(after, before);
	free(after);
	/* and a folder of its own still works */
	const char *good[] = {"sofgen", "build", "--out", "site", NULL};
	run_in(&r, root, good);
	cr_expect_eq(r.status, 0, "%s", sg_buf_cstr(&r.err));
	sg_buf_free(&r.err);
	free(before);
	free(cwd);
	free(inner);
	free(site);
	remove_root(root);
}

/* ---- item 5: one path, two sources ---------------------------------------------------- */

Test(files, assets_at_generated_paths_are_errors, .timeout = 60)
{
	char *root = project();
	write_at(root, "assets/index.html", "<p>ASSET</p>");
	write_at(root, "assets/kommun/boras/index.html", "<p>ASSET</p>");
	write_at(root, "assets/data/insatser.csv", "ASSET");
	write_at(root, "assets/sitemap.xml", "ASSET");
	write_at(root, "assets/robots.txt", "ASSET");
	write_at(root, "assets/.sofgen-output", "ASSET");
	write_at(root, "assets/sok", "ASSET");                /* where a folder of pages is */
	write_at(root, "assets/404.html/x.css", "ASSET");     /* a folder where a page is */
	write_at(root, "assets/kommun/boras/extra.css", "ok"); /* beside a page: fine */
	result r;
	const char *build[] = {"sofgen", "build", "--content", "content", "--out", "site", NULL};
	run_in(&r, root, build);
	cr_expect_eq(r.status, 1, "%s", sg_buf_cstr(&r.err));
	cr_expect_str_eq(
		sg_buf_cstr(&r.err),
		"assets/.sofgen-output: error: this file would replace the file /.sofgen-output that marks the folder as made "
		"by sofgen; rename or remove it\n"
		"assets/404.html/x.css: error: this file needs a folder where there is /404.html, the page /404.html that "
		"sofgen writes (generated from content/site.yaml); rename or remove it\n"
		"assets/data/insatser.csv: error: this file would replace the file /data/insatser.csv that sofgen writes "
		"(generated from the insatser); rename or remove it\n"
		"assets/index.html: error: this file would replace the page / that sofgen writes (generated from "
		"content/site.yaml); rename or remove it\n"
		"assets/kommun/boras/index.html: error: this file would replace the page /kommun/boras/ that sofgen writes "
		"(generated from content/forbund/sjuharad.md); rename or remove it\n"
		"assets/robots.txt: error: this file would replace the file /robots.txt that sofgen writes (generated from "
		"content/site.yaml); rename or remove it\n"
		"assets/sitemap.xml: error: this file would replace the file /sitemap.xml that sofgen writes (the list of "
		"every page); rename or remove it\n"
		"assets/sok: error: this file would take the place of the folder /sok/, which holds the page /sok/ that "
		"sofgen writes (generated from content/site.yaml); rename or remove it\n"
		"sofgen: 8 errors, 0 warnings; the site was not changed\n");
	char *site = sg_path_join(root, "site");
	cr_expect_not(sg_exists(site), "a site was written");
	sg_buf_free(&r.err);
	free(site);
	remove_root(root);
}

/* serve's session: an asset added while serving is a full build, which refuses it; the
 * served site keeps sofgen's own robots.txt, as a build from scratch would refuse. */
Test(files, an_asset_added_while_serving_is_refused_too, .timeout = 60)
{
	char *root = project();
	char *content = sg_path_join(root, "content"), *templates = sg_path_join(root, "templates"),
	     *assets = sg_path_join(root, "assets"), *out = sg_path_join(root, "served");
	sg_pipeline_opts o = {.content_dir = content, .templates_dir = templates, .assets_dir = assets, .out_dir = out,
	                      .write = true, .now = "2026-11-24T12:00", .jobs = 2};
	sg_session *s = sg_session_new(&o, true);
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_session_build(s, d, NULL), SG_RUN_OK);
	char *robots = sg_path_join(out, "robots.txt");
	size_t len;
	char *generated = sg_read_file(robots, &len, 1 << 20);
	cr_assert_not_null(generated);

	write_at(root, "assets/robots.txt", "User-agent: *\nDisallow:\nASSET\n");
	char *added = sg_path_join(assets, "robots.txt");
	const char *changed[] = {added};
	sg_diags *u = sg_diags_new();
	cr_expect_eq(sg_session_update(s, changed, 1, u, NULL, NULL), SG_RUN_CONTENT_ERRORS);
	cr_assert_eq(sg_diags_errors(u), 1);
	const sg_diag *e = sg_diags_at(u, 0);
	cr_expect_str_eq(e->file, added);
	char *msg = sg_asprintf("this file would replace the file /robots.txt that sofgen writes (generated from "
	                        "%s/site.yaml); rename or remove it",
	                        content);
	cr_expect_str_eq(e->message, msg);
	char *now = sg_read_file(robots, &len, 1 << 20);
	cr_expect_str_eq(now, generated, "the served robots.txt changed");
	free(now);

	/* an edit to an insats meanwhile: still refused, still sofgen's robots.txt */
	sg_diags_free(u);
	u = sg_diags_new();
	char *insats = sg_path_join(content, "insatser/sjuharad/ny.md");
	write_at(root, "content/insatser/sjuharad/ny.md", "---\ntitle: Ny\nyear: 2015\n---\nText.\n");
	const char *changed2[] = {insats};
	cr_expect_eq(sg_session_update(s, changed2, 1, u, NULL, NULL), SG_RUN_CONTENT_ERRORS);
	now = sg_read_file(robots, &len, 1 << 20);
	cr_expect_str_eq(now, generated);
	free(now);

	/* removed again: built */
	sg_diags_free(u);
	u = sg_diags_new();
	cr_assert_eq(unlink(added), 0);
	cr_expect_eq(sg_session_update(s, changed, 1, u, NULL, NULL), SG_RUN_OK);
	cr_expect_eq(sg_diags_errors(u), 0);
	char *page = sg_path_join(out, "insats/sjuharad/ny/index.html");
	cr_expect(sg_is_file(page));
	free(page);

	sg_diags_free(u);
	sg_diags_free(d);
	sg_session_free(s);
	free(insats);
	free(msg);
	free(added);
	free(generated);
	free(robots);
	free(content), free(templates), free(assets), free(out);
	remove_root(root);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void files_below(const char *root, const char *rel, char ***list, size_t *n)
{
	char *dir = *rel ? sg_path_join(root, rel) : sg_strdup(root);
	size_t count;
	char **names = sg_list_dir(dir, &count);
	for (size_t i = 0; names && i < count; i++) {
		char *r = *rel ? sg_asprintf("%s/%s", rel, names[i]) : sg_strdup(names[i]);
		char *full = sg_path_join(root, r);
		if (sg_is_dir(full)) {
			files_below(root, r, list, n);
			free(r);
		} else {
			*list = sg_realloc(*list, (*n + 1) * sizeof **list);
			(*list)[(*n)++] = r;
		}
		free(full);
	}
	if (names)
		sg_free_names(names, count);
	free(dir);
}

/* The check is only as good as its list: the example site, built, has exactly the files
 * the list names (a file written but not listed could still be replaced silently). */
Test(files, the_checked_paths_are_the_files_a_build_writes, .timeout = 120)
{
	char tmpl[] = "/tmp/sofgen-files-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *out = sg_path_join(tmpl, "site");
	sg_pipeline_opts o = {.content_dir = "content", .templates_dir = "templates", .assets_dir = "assets",
	                      .out_dir = out, .write = true, .now = "2020-06-01T12:00", .jobs = 2};
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_pipeline_run(&o, d, NULL), SG_RUN_OK);
	char **built = NULL;
	size_t n_built = 0;
	files_below(out, "", &built, &n_built);
	qsort(built, n_built, sizeof *built, cmp_str);

	sg_sources *src = sg_sources_read("content", d);
	sg_build_opts bo = {0};
	sg_site *site = sg_site_build(src, &bo, d);
	sg_plan *plan = sg_plan_new(site, "2020-06-01T12:00");
	sg_assets assets;
	cr_assert_eq(sg_assets_list("assets", &assets, d), 0);
	sg_out_paths paths;
	sg_out_paths_collect(site, plan, &assets, &paths);
	cr_expect_eq(sg_out_paths_check(&paths, d), 0);
	cr_expect_eq(sg_diags_errors(d), 0);
	char **listed = sg_calloc(paths.n + 1, sizeof *listed);
	for (size_t i = 0; i < paths.n; i++)
		listed[i] = paths.items[i].path;
	qsort(listed, paths.n, sizeof *listed, cmp_str);
	sg_buf diff = SG_BUF_INIT;
	size_t i = 0, k = 0;
	while (i < n_built || k < paths.n) {
		int c = i == n_built ? 1 : k == paths.n ? -1 : strcmp(built[i], listed[k]);
		if (c < 0)
			sg_buf_printf(&diff, "written, not listed: %s\n", built[i++]);
		else if (c > 0)
			sg_buf_printf(&diff, "listed, not written: %s\n", listed[k++]);
		else
			i++, k++;
	}
	cr_expect_eq(diff.len, 0, "%s", sg_buf_cstr(&diff));
	cr_expect_gt(n_built, 100);
	sg_buf_free(&diff);
	free(listed);
	sg_out_paths_free(&paths);
	sg_assets_free(&assets);
	sg_plan_free(plan);
	sg_site_free(site);
	sg_diags_free(d);
	sg_free_names(built, n_built);
	sg_remove_tree(tmpl);
	free(out);
}
