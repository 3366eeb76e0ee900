/* cmd_pdf.c — `sofgen pdf FÖRBUND ÅR [--out FIL] …`: the verksamhetsplan page of a förbund
 * and year (plan.h: sg_url_verksamhetsplan) printed to a tagged PDF by a headless
 * chromium, so the document the board adopts is made from the same content as the site.
 * The site is built into a temporary folder, served there on 127.0.0.1 by sofgen's own
 * server (the pages' links start at the site's root, which a file:// URL cannot give),
 * and chromium is started with posix_spawn (never through a shell) and stopped after a
 * timeout. Nothing of the build or the browser's profile is left behind. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../serve/server.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "args.h"
#include "commands.h"

extern char **environ;

/* The chromium to run: $SOFGEN_CHROMIUM when set, else the first of Debian's and others'
 * names found on $PATH (malloc'd), or NULL. */
static char *find_chromium(void)
{
	const char *env = getenv("SOFGEN_CHROMIUM");
	if (env && *env)
		return access(env, X_OK) == 0 ? sg_strdup(env) : NULL;
	static const char *const names[] = {"chromium", "chromium-browser", "google-chrome", NULL};
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (size_t n = 0; names[n]; n++) {
		for (const char *p = path; *p;) {
			const char *colon = strchr(p, ':');
			size_t len = colon ? (size_t)(colon - p) : strlen(p);
			char *cand = sg_asprintf("%.*s/%s", (int)len, p, names[n]);
			if (len && access(cand, X_OK) == 0)
				return cand;
			free(cand);
			p += len + (colon ? 1 : 0);
		}
	}
	return NULL;
}

/* The site's path below its host ("" or "/varend"), read from the built page's stylesheet
 * link (<link rel="stylesheet" href="PREFIX/style.css">), malloc'd. */
static char *prefix_of_page(const char *html)
{
	const char *l = strstr(html, "<link rel=\"stylesheet\" href=\"");
	if (!l)
		return sg_strdup("");
	l += strlen("<link rel=\"stylesheet\" href=\"");
	const char *e = strstr(l, "/style.css\"");
	return e ? sg_strndup(l, (size_t)(e - l)) : sg_strdup("");
}

/* Runs argv[0] with argv (no shell), its output to log; waits at most `seconds`, then kills it.
 * Returns its exit status, -1 when it could not start, -2 after the timeout. */
static int run_with_timeout(char *const *argv, const char *log, int seconds)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP); /* its own group: the timeout stops its children too */
	posix_spawnattr_setpgroup(&at, 0);
	pid_t pid;
	int rc = posix_spawn(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	struct timespec step = {0, 100 * 1000 * 1000};
	for (long waited = 0; waited < (long)seconds * 10; waited++) {
		int st;
		pid_t w = waitpid(pid, &st, WNOHANG);
		if (w == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
		if (w < 0 && errno != EINTR)
			return -1;
		nanosleep(&step, NULL);
	}
	kill(-pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return -2;
}

int sg_cmd_pdf(int argc, char **argv)
{
	const char *content = "content", *templates = "templates", *assets = "assets", *out = NULL, *now = NULL;
	const char *timeout = "120";
	const sg_opt opts[] = {
		{"--content", true, &content, NULL}, {"--templates", true, &templates, NULL},
		{"--assets", true, &assets, NULL},   {"--out", true, &out, NULL},
		{"--now", true, &now, NULL},         {"--timeout", true, &timeout, NULL},
		{NULL, false, NULL, NULL},
	};
	const char *pos[2] = {NULL, NULL};
	int n = sg_args_parse(argc, argv, 2, opts, pos, 2, "pdf");
	if (n < 0)
		return 2;
	char *end;
	long year = pos[1] ? strtol(pos[1], &end, 10) : 0;
	if (n != 2 || *end || year < 1990 || year > 2100) {
		fprintf(stderr, _("sofgen pdf: give the förbund and the year: sofgen pdf FÖRBUND ÅR [--out FIL], e.g. "
		                  "sofgen pdf sjuharad 2015\n"));
		return 2;
	}
	long secs = strtol(timeout, &end, 10);
	if (*end || secs < 1 || secs > 3600) {
		fprintf(stderr, _("sofgen pdf: --timeout takes a number of seconds from 1 to 3600\n"));
		return 2;
	}
	const char *slug = pos[0];
	char *chromium = find_chromium();
	if (!chromium) {
		fprintf(stderr, _("sofgen pdf: chromium is not installed; install it with: apt-get install chromium "
		                  "(or set SOFGEN_CHROMIUM to the browser's path)\n"));
		return 2;
	}
	char *pdf = out ? sg_strdup(out) : sg_asprintf("verksamhetsplan-%s-%ld.pdf", slug, year);
	const char *tmp = getenv("TMPDIR");
	char *work = sg_asprintf("%s/sofgen-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int status = 2;
	sg_server *server = NULL;
	char *site = NULL, *page = NULL, *html = NULL, *prefix = NULL, *url = NULL, *base = NULL, *log = NULL,
	     *profile = NULL, *print_to = NULL, *profile_arg = NULL, *abs_pdf = NULL;
	if (!mkdtemp(work)) {
		fprintf(stderr, _("sofgen pdf: cannot create a build folder: %s\n"), strerror(errno));
		free(work);
		work = NULL;
		goto out;
	}
	site = sg_path_join(work, "site");
	/* the build, as `sofgen build` would make it (the same options and messages) */
	const char *bargv[16] = {"sofgen", "build", "--content", content, "--templates", templates,
	                         "--assets", assets, "--out", site};
	int bargc = 10;
	if (now) {
		bargv[bargc++] = "--now";
		bargv[bargc++] = now;
	}
	status = sg_cmd_build(bargc, (char **)bargv, true);
	if (status != 0)
		goto out;
	status = 1;
	page = sg_asprintf("%s/forbund/%s/verksamhetsplan/%ld/index.html", site, slug, year);
	size_t len;
	html = sg_read_file(page, &len, 1 << 26);
	if (!html) {
		fprintf(stderr, _("sofgen pdf: %s has no verksamhetsplan for %ld: there is one for each year the förbund "
		                  "has a budget (content/forbund/%s.md, budget:) or a plan text (content/planer/%s/%ld.md)\n"),
		        slug, year, slug, slug, year);
		goto out;
	}
	status = 2;
	prefix = prefix_of_page(html);
	sg_buf err = SG_BUF_INIT;
	sg_server_opts so = {"127.0.0.1", 0, site, prefix};
	server = sg_server_start(&so, &err);
	if (!server) {
		fprintf(stderr, _("sofgen pdf: cannot serve the site to the browser: %s\n"), sg_buf_cstr(&err));
		sg_buf_free(&err);
		goto out;
	}
	sg_buf_free(&err);
	sg_server_built(server);
	base = sg_server_url(server); /* "http://127.0.0.1:PORT/" */
	/* base ends in '/'; a prefix "/varend" goes after it as "varend/" */
	url = sg_asprintf("%s%s%sforbund/%s/verksamhetsplan/%ld/", base, *prefix ? prefix + 1 : "", *prefix ? "/" : "",
	                  slug, year);
	log = sg_path_join(work, "chromium.log");
	profile = sg_path_join(work, "profile");
	profile_arg = sg_asprintf("--user-data-dir=%s", profile);
	abs_pdf = pdf[0] == '/' ? sg_strdup(pdf) : NULL;
	if (!abs_pdf) {
		char cwd[4096];
		abs_pdf = getcwd(cwd, sizeof cwd) ? sg_path_join(cwd, pdf) : sg_strdup(pdf);
	}
	print_to = sg_asprintf("--print-to-pdf=%s", abs_pdf);
	const char *cargv[16];
	int c = 0;
	cargv[c++] = chromium;
	cargv[c++] = "--headless";
	if (geteuid() == 0) /* chromium's sandbox refuses root (containers, CI) */
		cargv[c++] = "--no-sandbox";
	cargv[c++] = "--disable-gpu";
	cargv[c++] = "--no-first-run";
	cargv[c++] = "--disable-extensions";
	cargv[c++] = profile_arg;
	cargv[c++] = "--no-pdf-header-footer";
	cargv[c++] = "--generate-pdf-document-outline";
	cargv[c++] = print_to;
	cargv[c++] = url;
	cargv[c] = NULL;
	remove(abs_pdf);
	int rc = run_with_timeout((char *const *)cargv, log, (int)secs);
	struct stat sb;
	if (rc == -1)
		fprintf(stderr, _("sofgen pdf: cannot start %s: %s\n"), chromium, strerror(errno));
	else if (rc == -2)
		fprintf(stderr, _("sofgen pdf: %s did not finish in %ld s; it was stopped (a longer --timeout?)\n"), chromium,
		        secs);
	else if (rc != 0 || stat(abs_pdf, &sb) != 0 || sb.st_size == 0) {
		size_t ll;
		char *l = sg_read_file(log, &ll, 1 << 20);
		fprintf(stderr, _("sofgen pdf: %s could not print %s (exit status %d):\n%s\n"), chromium, url, rc,
		        l ? l : "");
		free(l);
	} else {
		fprintf(stderr, _("sofgen pdf: wrote %s\n"), pdf);
		status = 0;
	}
out:
	if (server)
		sg_server_stop(server);
	if (work)
		sg_remove_tree(work);
	free(work);
	free(site);
	free(page);
	free(html);
	free(prefix);
	free(url);
	free(base);
	free(log);
	free(profile);
	free(profile_arg);
	free(print_to);
	free(abs_pdf);
	free(pdf);
	free(chromium);
	return status;
}
