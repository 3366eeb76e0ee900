/* cmd_serve.c — `sofgen serve`: build the site into a folder of its own, serve it over
 * HTTP, and rebuild whenever content/, templates/ or assets/ change, with live reload
 * in the browser and the errors of a failed build shown on every page.
 *
 * The build is a session (src/session.h) that keeps the model: when only insatser
 * change, only the pages that show them are rendered again, in milliseconds; anything
 * else is a full build. A build that fails changes nothing that is served (a full
 * build swaps its output folder in only when it succeeded; an incremental one checks
 * the changed files before it writes), so the last good site stays up and its pages
 * show the errors.
 *
 * Threads: this (main) thread waits for changes and signals and runs the builds; the
 * HTTP server runs in libmicrohttpd's threads (src/serve/server.h). SIGINT, SIGTERM and
 * SIGHUP are blocked in every thread and read from a signalfd, so stopping is an ordinary
 * event of the main loop: the server is stopped, the build folder removed, exit 0. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "../pipeline.h"
#include "../session.h"
#include "../plan/plan.h"
#include "../read/yaml_load.h"
#include "../serve/decap.h"
#include "../serve/server.h"
#include "../serve/watch.h"
#include "../util/address.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/fs.h"
#include "../write/cms.h"
#include "../write/output.h"
#include "../util/i18n.h"
#include "../util/swetime.h"
#include "args.h"
#include "commands.h"
#include "site_root.h"

#define QUIET_MS 100
/* how often an idle server looks whether the day has changed */
#define DAY_CHECK_MS 60000

typedef struct {
	sg_pipeline_opts opts;
	sg_session *session;
	sg_server *server;
	unsigned builds;
	bool have_site; /* a build has succeeded: there is a site to serve */
	char built_day[11]; /* "YYYY-MM-DD" of the last build (Swedish time) */
} serve_state;

static bool parse_port(const char *s, unsigned *port)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *end || errno || v > 65535 || s[0] == '-' || s[0] == '+')
		return false;
	*port = (unsigned)v;
	return true;
}

static bool loopback(const char *addr)
{
	return strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0 || strcmp(addr, "localhost") == 0;
}

/* A build (the first, or after the files `changed` changed, or everything when n is 0);
 * prints its diagnostics and tells the server. true when it succeeded. */
static bool build(serve_state *st, const char *const *changed, size_t n)
{
	char now[32];
	sg_sweden_now(now, sizeof now); /* Swedish time, whatever TZ says */
	sg_session_set_now(st->session, now);
	snprintf(st->built_day, sizeof st->built_day, "%.10s", now);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	sg_diags *d = sg_diags_new();
	sg_build_stats stats;
	bool incremental = false;
	sg_run_result r = n ? sg_session_update(st->session, changed, n, d, &stats, &incremental)
	                    : sg_session_build(st->session, d, &stats);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	sg_diags_sort(d);
	sg_diags_print(d, stderr);
	size_t errors = sg_diags_errors(d), warnings = sg_diags_warnings(d);
	bool first = st->builds++ == 0;
	if (r == SG_RUN_OK) {
		sg_server_built_warned(st->server, d); /* the warnings go to the pages too */
		st->have_site = true;
		if (incremental)
			fprintf(stderr, P_("sofgen serve: rebuilt %zu of %zu pages (%zu file changed) in %.0f ms%s",
			                   "sofgen serve: rebuilt %zu of %zu pages (%zu files changed) in %.0f ms%s", stats.written),
			        stats.rendered, stats.pages, stats.written, secs * 1000, warnings ? "" : "\n");
		else
			fprintf(stderr, first ? _("sofgen serve: built %zu pages in %.2f s%s") : _("sofgen serve: rebuilt %zu pages in %.2f s%s"),
			        stats.pages, secs, warnings ? "" : "\n");
		if (warnings)
			fprintf(stderr, P_(" (%zu warning)\n", " (%zu warnings)\n", warnings), warnings);
	} else {
		sg_server_failed(st->server, d);
		char *e = sg_asprintf(P_("%zu error", "%zu errors", errors), errors);
		char *w = sg_asprintf(P_("%zu warning", "%zu warnings", warnings), warnings);
		fprintf(stderr, _("sofgen serve: %s, %s; %s\n"), e, w,
		        st->have_site ? _("still serving the last good site; its pages show the errors")
		                      : _("nothing to serve until the errors are fixed"));
		free(e);
		free(w);
	}
	sg_diags_free(d);
	return r == SG_RUN_OK;
}

/* content_dir/site.yaml as a value, or NULL when it cannot be read (the build says why).
 * serve reads it before building, for the few settings it needs to start. */
static sg_value *site_yaml(const char *content_dir)
{
	char *path = sg_path_join(content_dir, "site.yaml");
	size_t len;
	char *text = sg_read_file(path, &len, (size_t)1 << 20);
	free(path);
	if (!text)
		return NULL;
	sg_diags *d = sg_diags_new();
	sg_value *v = sg_yaml_load(text, len, "site.yaml", 0, d);
	sg_diags_free(d);
	free(text);
	return v;
}

/* The path the built site's links start with (from --base-url, else site.yaml's
 * base_url): "" or e.g. "/varend", so a site meant to live below a path can be
 * previewed as it will be. An address that is not valid gives "" (the build says why). */
static char *site_prefix(const sg_value *site, const char *base_url)
{
	if (!base_url)
		base_url = sg_value_as_string(sg_value_get(site, "base_url"), NULL);
	sg_buf problems = SG_BUF_INIT;
	char *base = base_url ? sg_base_url_parse(base_url, &problems) : NULL;
	char *prefix = sg_base_url_path(base);
	free(base);
	sg_buf_free(&problems);
	return prefix;
}

/* site.yaml's `language` (default "sv", as the model reads it); the caller frees it. */
static char *site_language(const sg_value *site)
{
	const char *s = sg_value_as_string(sg_value_get(site, "language"), NULL);
	return sg_strdup(s && *s ? s : "sv");
}

/* The site's folder (the one holding the content folder), absolute (malloc'd), or NULL. */
static char *site_folder_of(const char *content_dir)
{
	char *abs = sg_path_resolve(content_dir);
	char *slash = abs ? strrchr(abs, '/') : NULL;
	if (!slash) {
		free(abs);
		return NULL;
	}
	if (slash == abs)
		slash[1] = '\0';
	else
		*slash = '\0';
	return abs;
}

int sg_cmd_serve(int argc, char **argv)
{
	const char *port_arg = "1313", *bind_addr = "127.0.0.1", *cms_port_arg = NULL;
	bool cms = false; /* --cms: decap-server for the web editor at /admin/ */
	char *decap_dir = NULL;
	sg_decap_server *decap = NULL;
	serve_state st = {
		.opts = {.content_dir = "content", .templates_dir = "templates", .assets_dir = "assets", .write = true}};
	const sg_opt opts[] = {
		{"--content", true, &st.opts.content_dir, NULL},
		{"--templates", true, &st.opts.templates_dir, NULL},
		{"--assets", true, &st.opts.assets_dir, NULL},
		{"--port", true, &port_arg, NULL},
		{"--bind", true, &bind_addr, NULL},
		{"--drafts", false, NULL, &st.opts.drafts},
		{"--base-url", true, &st.opts.base_url, NULL},
		{"--build-future", false, NULL, &st.opts.build_future},
		{"--cms", false, NULL, &cms},
		{"--cms-port", true, &cms_port_arg, NULL},
		{NULL, false, NULL, NULL},
	};
	if (sg_args_parse(argc, argv, 2, opts, NULL, 0, "serve") < 0)
		return 2;
	unsigned cms_port = 8081;
	if (cms_port_arg && (!parse_port(cms_port_arg, &cms_port) || cms_port == 0)) {
		fprintf(stderr, _("sofgen serve: --cms-port takes a port number from 1 to 65535, not '%s'\n"), cms_port_arg);
		return 2;
	}
	unsigned port;
	if (!parse_port(port_arg, &port)) {
		fprintf(stderr, _("sofgen serve: --port takes a port number from 0 to 65535 (0: any free port), not '%s'\n"),
		        port_arg);
		return 2;
	}
	if (!sg_is_dir(st.opts.content_dir)) {
		fprintf(stderr, _("sofgen serve: %s: the content folder does not exist; use --content DIR\n"),
		        st.opts.content_dir);
		return 2;
	}
	/* the preview speaks the site's language (its terminal lines and the overlay) unless
	 * the environment names one; before any thread starts, as it sets LANGUAGE */
	sg_value *site_cfg = site_yaml(st.opts.content_dir); /* NULL: the build says why */
	char *lang = site_language(site_cfg);
	sg_i18n_default_language(lang);
	free(lang);

	/* Before any thread starts: SIGPIPE ignored (a browser that goes away is not fatal),
	 * and SIGINT, SIGTERM and SIGHUP blocked, to be read from a signalfd; threads
	 * inherit the mask. */
	signal(SIGPIPE, SIG_IGN);
	sigset_t stop_signals, old_mask;
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGINT);
	sigaddset(&stop_signals, SIGTERM);
	sigaddset(&stop_signals, SIGHUP); /* the terminal closed: clean up all the same */
	pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
	int rc = 2;
	int sfd = signalfd(-1, &stop_signals, SFD_CLOEXEC);
	char *work = NULL, *site = NULL, *url = NULL, *prefix = NULL;
	sg_watch *watch = NULL;
	sg_buf err = SG_BUF_INIT;
	if (sfd < 0) {
		fprintf(stderr, _("sofgen serve: cannot wait for signals: %s\n"), strerror(errno));
		goto out;
	}

	/* the site is built into a temporary folder of its own, never into site/: in memory
	 * (/dev/shm) when there is one, since a preview's rebuilds are mostly spent creating
	 * files (10 000 insatser: about 2.5 s there against 5–8 s on this disk), else $TMPDIR */
	const char *tmp = getenv("TMPDIR");
	if (!(tmp && *tmp)) {
		struct statvfs fs;
		tmp = statvfs("/dev/shm", &fs) == 0 && access("/dev/shm", W_OK) == 0 &&
		              (unsigned long long)fs.f_bavail * fs.f_frsize > (1ULL << 30)
		          ? "/dev/shm"
		          : "/tmp";
	}
	work = sg_asprintf("%s/sofgen-serve-XXXXXX", tmp);
	if (!mkdtemp(work)) {
		fprintf(stderr, _("sofgen serve: cannot create a build folder in %s: %s\n"), tmp, strerror(errno));
		free(work);
		work = NULL;
		goto out;
	}
	sg_output_remove_on_oom(work, true);
	site = sg_path_join(work, "site");
	st.opts.out_dir = site;

	/* watching starts before the first build, so no change can fall between the two */
	const char *roots[] = {st.opts.content_dir, st.opts.templates_dir, st.opts.assets_dir};
	watch = sg_watch_new(roots, 3);
	if (!watch) {
		fprintf(stderr, _("sofgen serve: cannot watch the source folders: %s%s\n"), strerror(errno),
		        errno == ENOSPC ? _(" (raise fs.inotify.max_user_watches)") : "");
		goto out;
	}
	prefix = site_prefix(site_cfg, st.opts.base_url);
	decap_dir = sg_cms_find_dir(sg_datadir()); /* a site with cms: has /admin/ with or without --cms */
	st.opts.decap_dir = decap_dir;
	if (cms) { /* before any thread: the child is forked from this one thread */
		if (!sg_value_get(site_cfg, "cms")) {
			fprintf(stderr, _("sofgen serve: --cms: %s/site.yaml has no 'cms:' block, so the site has no web editor; "
			                  "add\n  cms:\n    backend: local\nto edit on this computer\n"),
			        st.opts.content_dir);
			goto out;
		}
		char *root = site_folder_of(st.opts.content_dir);
		if (!decap_dir)
			sg_buf_printf(&err, _("--cms: Decap CMS %s is not installed: run 'make decap' in sofgen's source folder, "
			                      "then 'make install' (or set SOFGEN_DECAP_DIR to the build/decap folder)"),
			              sg_cms_decap_version());
		else if (root)
			decap = sg_decap_start(decap_dir, root, cms_port, &old_mask, &err);
		free(root);
		if (!decap) {
			fprintf(stderr, _("sofgen serve: %s\n"), err.len ? sg_buf_cstr(&err) : _("--cms: cannot find the site folder"));
			goto out;
		}
		st.opts.cms_local_port = cms_port;
	}
	sg_server_opts so = {bind_addr, port, site, prefix};
	st.server = sg_server_start(&so, &err);
	if (!st.server) {
		fprintf(stderr, _("sofgen serve: %s\n"), sg_buf_cstr(&err));
		goto out;
	}

	st.session = sg_session_new(&st.opts, true);
	build(&st, NULL, 0);
	url = sg_server_url(st.server);
	if (*prefix) { /* the site lives below a path: show where it starts */
		char *full = sg_asprintf("%s%s/", url, prefix + 1);
		free(url);
		url = full;
	}
	printf(_("sofgen serve: serving %s on %s (Ctrl-C stops)\n"), st.opts.content_dir, url);
	if (!loopback(bind_addr))
		printf(_("sofgen serve: listening on %s: other machines may reach this server\n"), bind_addr);
	printf(_("sofgen serve: watching %s, %s and %s for changes\n"), st.opts.content_dir, st.opts.templates_dir,
	       st.opts.assets_dir);
	if (decap)
		printf("sofgen serve: the web editor is at %sadmin/ (decap-server on 127.0.0.1:%u saves into %s/)\n", url,
		       cms_port, st.opts.content_dir);
	fflush(stdout);

	for (;;) {
		sg_watch_result w = sg_watch_wait(watch, sfd, QUIET_MS, DAY_CHECK_MS);
		if (w == SG_WATCH_STOP)
			break;
		if (w == SG_WATCH_IDLE) {
			/* what pages say about insatser and events depends on the day: at
			 * midnight (Swedish time) the site is built again */
			char today[32];
			sg_sweden_now(today, sizeof today);
			if (strncmp(today, st.built_day, 10) != 0)
				build(&st, NULL, 0);
			continue;
		}
		if (w == SG_WATCH_ERROR) {
			fprintf(stderr, _("sofgen serve: watching the source folders failed: %s\n"), strerror(errno));
			goto out;
		}
		size_t n;
		bool everything;
		const char *const *changed = sg_watch_changes(watch, &n, &everything);
		build(&st, changed, everything ? 0 : n);
	}
	struct signalfd_siginfo si;
	if (read(sfd, &si, sizeof si) == (ssize_t)sizeof si)
		fprintf(stderr, _("sofgen serve: %s, stopping\n"),
		        si.ssi_signo == SIGINT ? _("interrupted") : si.ssi_signo == SIGHUP ? _("hung up") : _("terminated"));
	rc = 0;
out:
	sg_value_unref(site_cfg);
	sg_decap_stop(decap); /* the editor's server goes with this one */
	free(decap_dir);
	sg_server_stop(st.server);
	sg_session_free(st.session);
	sg_watch_free(watch);
	if (work)
		sg_output_remove_on_oom(work, false);
	if (work && sg_remove_tree(work) != 0)
		fprintf(stderr, _("sofgen serve: cannot remove %s: %s\n"), work, strerror(errno));
	sg_buf_free(&err);
	free(url);
	free(prefix);
	free(site);
	free(work);
	if (sfd >= 0)
		close(sfd);
	pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
	return rc;
}
