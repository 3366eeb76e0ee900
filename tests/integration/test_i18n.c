/* test_i18n.c — sofgen's messages in Swedish (GNU gettext, po/sv.po; issue 15 item 2).
 * The binary under test ($SOFGEN) is run with the environment each case names: the
 * usual LANGUAGE / LC_ALL / LC_MESSAGES / LANG, and $SOFGEN_LOCALEDIR (set by `make unit`
 * to the catalogue of this build). The expected Swedish is the translation in po/sv.po. */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/buf.h"

/* an insats with two errors of the model, one of an address and an unknown key */
static const fixture_file broken_files[] = {
	FIXTURE_SITE,
	FIXTURE_FORBUND,
	{"insatser/sjuharad/steg-framat.md",
	 "---\ntitel: Steg framåt\nyear: 2015\nreviewed: 2026-11-01\ncategory: förberedande\nplaces:\n"
	 "  - {municipality: Borås, participants: många, funds: {forbund: 100}}\ncontact: {phone: ring oss}\n---\nText.\n"},
};
#define N_BROKEN (sizeof broken_files / sizeof *broken_files)

static const char swedish[] =
	"content/insatser/sjuharad/steg-framat.md:2:1: fel: 'title' saknas: varje insats behöver en titel\n"
	"content/insatser/sjuharad/steg-framat.md:2:8: varning: okänd nyckel 'titel' i en insats ignoreras; menade du "
	"'title'?\n"
	"content/insatser/sjuharad/steg-framat.md:7:41: fel: 'participants' (deltagare) är 'många'; skriv ett tal (60), "
	"en uppskattning ('ca 60') eller ett antal per år ('40 per år')\n"
	"content/insatser/sjuharad/steg-framat.md:8:18: fel: 'ring oss' är inget telefonnummer: det innehåller bokstäver: "
	"ett telefonnummer har bara siffror, mellanslag, '-' och '+'; skriv numret, t.ex. 033-12 34 56 eller +46 33 12 34 "
	"56 (en anknytning som 'ankn. 123')\n"
	"sofgen: 3 fel, 1 varning\n";

static const char english[] =
	"content/insatser/sjuharad/steg-framat.md:2:1: error: missing 'title': every insats needs a title\n"
	"content/insatser/sjuharad/steg-framat.md:2:8: warning: unknown key 'titel' in an insats is ignored; did you "
	"mean 'title'?\n"
	"content/insatser/sjuharad/steg-framat.md:7:41: error: 'participants' is 'många'; write a number (60), an "
	"estimate ('ca 60') or a number per year ('40 per år')\n"
	"content/insatser/sjuharad/steg-framat.md:8:18: error: 'ring oss' is not a phone number: it holds letters: a "
	"phone number has only digits, spaces, '-' and '+'; write the number, e.g. 033-12 34 56 or +46 33 12 34 56 (an "
	"extension as 'ankn. 123')\n"
	"sofgen: 3 errors, 1 warning\n";

/* No language in the environment: what the variables of a bare shell or a service give. */
#define NO_LANGUAGE "env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG"

/* Runs `cd ROOT && ENV sofgen ARGS` through the shell; the exit status, and what it
 * printed on stderr in *out (stdout is dropped). */
static int run_env(sg_buf *out, const char *root, const char *env, const char *args)
{
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin), "no sofgen binary at %s", sofgen());
	char *cmd = sg_asprintf("cd '%s' && %s '%s' %s 2>&1 >/dev/null", root, env, bin, args);
	int st = run_shell(out, cmd);
	free(cmd);
	return st;
}

/* `sofgen check` on the broken site with the environment env: exit 1 and exactly want. */
static void check_says(const char *env, const char *want)
{
	char *root = fixture_make(broken_files, N_BROKEN);
	sg_buf out = SG_BUF_INIT;
	int rc = run_env(&out, root, env, "check --now 2026-12-04 --content content");
	cr_expect_eq(rc, 1, "%s", sg_buf_cstr(&out));
	cr_expect_str_eq(sg_buf_cstr(&out), want);
	sg_buf_free(&out);
	sg_remove_tree(root);
	free(root);
}

Test(i18n, check_in_swedish_with_language_sv)
{
	/* LANGUAGE=sv in the C.UTF-8 locale, which every Debian has: no Swedish locale needed */
	check_says("LANGUAGE=sv LC_ALL=C.UTF-8", swedish);
}

Test(i18n, check_in_english_with_language_en)
{
	check_says("LANGUAGE=en LC_ALL=C.UTF-8", english);
}

Test(i18n, lang_sv_se_is_swedish_even_without_the_locale)
{
	/* a desktop's LANG=sv_SE.UTF-8, whether or not the machine has generated sv_SE */
	check_says(NO_LANGUAGE " LANG=sv_SE.UTF-8", swedish);
	check_says(NO_LANGUAGE " LC_MESSAGES=sv_SE.UTF-8 LANG=en_GB.UTF-8", swedish);
}

Test(i18n, language_alone_is_swedish)
{
	/* no locale variable at all (a bare ssh session, a CI job): LANGUAGE=sv still counts */
	check_says(NO_LANGUAGE " LANGUAGE=sv", swedish);
}

Test(i18n, the_c_locale_and_no_language_are_english)
{
	check_says(NO_LANGUAGE, english);
	check_says(NO_LANGUAGE " LANG=C.UTF-8", english);
	/* LC_ALL=C outranks LANG, and in the C locale gettext ignores LANGUAGE (POSIX output) */
	check_says(NO_LANGUAGE " LC_ALL=C LANG=sv_SE.UTF-8", english);
	check_says(NO_LANGUAGE " LANGUAGE=sv LC_ALL=C", english);
}

Test(i18n, usage_errors_and_help_in_swedish)
{
	char *root = fixture_make(broken_files, N_BROKEN);
	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(run_env(&out, root, "LANGUAGE=sv LC_ALL=C.UTF-8", "bygg"), 2);
	cr_expect_str_eq(sg_buf_cstr(&out), "sofgen: okänt kommando 'bygg'; kommandona är build, check, render, new, "
	                                    "serve, init och schema (se sofgen --help)\n");
	cr_expect_eq(run_env(&out, root, "LANGUAGE=sv LC_ALL=C.UTF-8", "check --content content --format xml"), 2);
	cr_expect_str_eq(sg_buf_cstr(&out), "sofgen check: --format är text eller json\n");
	sg_buf_free(&out);
	sg_remove_tree(root);
	free(root);
}

/* ---- serve: the site's language when the environment names none ---- */

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The text of the file, or "" (malloc'd). */
static char *slurp_or_empty(const char *path)
{
	size_t len;
	char *s = sg_read_file(path, &len, 1 << 20);
	return s ? s : sg_strdup("");
}

/* GET path from 127.0.0.1:port; the body (malloc'd) or NULL. */
static char *http_get(unsigned port, const char *path)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	cr_assert_geq(fd, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close(fd);
		return NULL;
	}
	char *req = sg_asprintf("GET %s HTTP/1.0\r\nHost: 127.0.0.1:%u\r\n\r\n", path, port);
	cr_assert_eq(write(fd, req, strlen(req)), (ssize_t)strlen(req));
	free(req);
	sg_buf b = SG_BUF_INIT;
	char chunk[4096];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		sg_buf_put(&b, chunk, (size_t)n);
	close(fd);
	const char *body = strstr(sg_buf_cstr(&b), "\r\n\r\n");
	char *out = body ? sg_strdup(body + 4) : NULL;
	sg_buf_free(&b);
	return out;
}

/* Runs `sofgen serve --port 0` on the broken site (site.yaml's language: `language`, or
 * none) with no language in the environment; returns the overlay's JSON and, in *log,
 * what the server printed on stderr. */
static json_t *serve_errors(const char *language, char **log)
{
	char *root = fixture_make(broken_files, N_BROKEN);
	if (language) {
		char *site = sg_path_join(root, "content/site.yaml");
		char *text = sg_asprintf("title: Testportal\nbase_url: https://example.se/\nregion: Testlän\nlanguage: %s\n"
		                         "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n",
		                         language);
		cr_assert_eq(sg_write_file(site, text, strlen(text)), 0);
		free(text);
		free(site);
	}
	char bin[PATH_MAX], templates[PATH_MAX], assets[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin));
	cr_assert_not_null(realpath("templates", templates));
	cr_assert_not_null(realpath("assets", assets));
	char *cmd = sg_asprintf("cd '%s' && exec " NO_LANGUAGE " '%s' serve --port 0 --templates '%s' --assets '%s' "
	                        ">out.log 2>err.log",
	                        root, bin, templates, assets);
	fflush(NULL);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	char *out_path = sg_path_join(root, "out.log"), *err_path = sg_path_join(root, "err.log");
	unsigned port = 0;
	json_t *j = NULL;
	long long deadline = now_ms() + 60000;
	while (!j && now_ms() < deadline) {
		char *out = slurp_or_empty(out_path);
		const char *at = strstr(out, "http://127.0.0.1:");
		if (at)
			port = (unsigned)strtoul(at + strlen("http://127.0.0.1:"), NULL, 10);
		free(out);
		char *err = slurp_or_empty(err_path);
		bool built = strstr(err, "sofgen serve: ") != NULL; /* the line after the first build */
		free(err);
		if (port && built) {
			char *body = http_get(port, "/__sofgen/errors");
			if (body)
				j = json_loads(body, 0, NULL);
			free(body);
		}
		if (!j)
			usleep(50 * 1000);
	}
	kill(pid, SIGTERM);
	int st;
	waitpid(pid, &st, 0);
	*log = slurp_or_empty(err_path);
	cr_assert_not_null(j, "no errors from sofgen serve (port %u):\n%s", port, *log);
	free(out_path);
	free(err_path);
	sg_remove_tree(root);
	free(root);
	return j;
}

Test(i18n, serve_speaks_the_sites_language_when_the_environment_names_none, .timeout = 120)
{
	char *log;
	json_t *j = serve_errors(NULL, &log); /* no language in site.yaml: sv */
	json_t *labels = json_object_get(j, "labels");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "lang")), "sv");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "errors_title")),
	                 "sofgen: webbplatsen kunde inte byggas om (3 fel)");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "warnings_title")), "sofgen: 1 varning");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "hide")), "Dölj");
	json_t *first = json_array_get(json_object_get(j, "errors"), 0);
	cr_expect_str_eq(json_string_value(json_object_get(first, "text")),
	                 "content/insatser/sjuharad/steg-framat.md:2:1: fel: 'title' saknas: varje insats behöver en titel");
	cr_expect(has(log, "sofgen serve: 3 fel, 1 varning; inget att visa förrän felen är rättade\n"), "%s", log);
	cr_expect(has(log, "sofgen serve: fick signal att avsluta, stänger av\n"), "%s", log);
	json_decref(j);
	free(log);
}

Test(i18n, serve_of_an_english_site_stays_english, .timeout = 120)
{
	char *log;
	json_t *j = serve_errors("en", &log);
	json_t *labels = json_object_get(j, "labels");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "lang")), "en");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "errors_title")),
	                 "sofgen: the site could not be rebuilt (3 errors)");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "warnings_title")), "sofgen: 1 warning");
	cr_expect_str_eq(json_string_value(json_object_get(labels, "warnings_hint")),
	                 "Warnings do not stop a build, but something may be missing or written other than meant.");
	cr_expect(has(log, "sofgen serve: 3 errors, 1 warning; nothing to serve until the errors are fixed\n"), "%s", log);
	json_decref(j);
	free(log);
}
