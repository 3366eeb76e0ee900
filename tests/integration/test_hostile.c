/* test_hostile.c — the table of hostile inputs in tests/bad/ (see tests/bad/README.md).
 *
 * Each folder tests/bad/<case>/ holds content files at their place in a content folder
 * (e.g. insatser/sjuharad/x.md) and expected.txt: the first line `exit N`, then the
 * exact lines `sofgen check` prints on stderr ('#' lines are comments); expected.json, if there,
 * what `sofgen check --format json` prints on stdout. Big files and
 * symlinks are made here at run time (generators below, by case name), never committed.
 *
 * For every case, one parameter of one criterion test: the case's files go on top of
 * a small valid site in a fresh temporary folder, then with that folder as the working
 * directory and a time limit,
 *   - `sofgen check --content content` must print exactly expected.txt and exit so;
 *   - `sofgen build --content content --out site` must exit the same, print the same
 *     diagnostics, build site/ when the exit is 0 and leave no site/ otherwise, and
 *     leave no temporary build folder;
 *   - nothing in the temporary folder outside site/ may appear, change or disappear
 *     (a '../' slug or a symlink to outside the content never gets a file);
 *   - expected-site.txt, if there, lists what the built site must (not) contain.
 * Run from the project root; $SOFGEN names the binary (default build/release/sofgen). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdbool.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/buf.h"

/* Every run has this date (--now): messages that name today stay the same. */
#define HOSTILE_NOW "2026-12-04"

#define BAD_DIR "tests/bad"
#define TIME_LIMIT 60 /* seconds for one sofgen run; more is a hang */

/* The base: FIXTURE_SITE and FIXTURE_FORBUND, which give no diagnostics (checked by
 * base_site_is_clean), so each case's expected.txt holds only its own lines. */
static const fixture_file base_files[] = {FIXTURE_SITE, FIXTURE_FORBUND};
#define N_BASE (sizeof base_files / sizeof *base_files)

typedef struct {
	char name[64];
} bad_case;


/* ---- files ---------------------------------------------------------------- */

static void write_text(const char *path, const char *text)
{
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0, "mkdir %s: %s", dir, strerror(errno));
	free(dir);
	cr_assert_eq(sg_write_file(path, text, strlen(text)), 0, "write %s: %s", path, strerror(errno));
}

/* Writes head, then `count` times unit, then tail, streaming (the big cases). */
static void write_big(const char *path, const char *head, const char *unit, size_t count, const char *tail)
{
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0);
	free(dir);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	/* a block of units at a time */
	size_t ulen = strlen(unit), per = ulen ? (1 << 20) / ulen + 1 : 1;
	sg_buf block = SG_BUF_INIT;
	for (size_t i = 0; i < per; i++)
		sg_buf_puts(&block, unit);
	fputs(head, f);
	for (size_t done = 0; done < count; done += per) {
		size_t n = count - done < per ? count - done : per;
		cr_assert_eq(fwrite(block.ptr, ulen, n, f), n);
	}
	fputs(tail, f);
	cr_assert_eq(fclose(f), 0);
	sg_buf_free(&block);
}

static void symlink_at(const char *target, const char *root, const char *rel)
{
	char *path = sg_path_join(root, rel);
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0);
	cr_assert_eq(symlink(target, path), 0, "symlink %s: %s", path, strerror(errno));
	free(dir);
	free(path);
}

/* ---- generated cases -------------------------------------------------------- */
/* Each gets the temporary root (holding content/) and writes the case's files. */

/* Over 10 MiB of front matter: 165 000 places, over a million values. */
static void gen_big_front_matter(const char *root)
{
	char *p = sg_path_join(root, "content/insatser/sjuharad/stor.md");
	write_big(p, "---\ntitle: Stor insats\nyear: 2015\nplaces:\n",
	          "  - {municipality: Borås, participants: 1, funds: {forbund: 1}}\n", 165000, "---\nText.\n");
	struct stat st;
	cr_assert(stat(p, &st) == 0 && st.st_size > 10 << 20);
	free(p);
}

/* 10 MiB of front matter in one value: a summary pasted from somewhere. */
static void gen_big_front_matter_text(const char *root)
{
	char *p = sg_path_join(root, "content/insatser/sjuharad/stor.md");
	write_big(p, "---\ntitle: Stor insats\nyear: 2015\nsummary: ", "Text ", 2 << 20, "\n---\nText.\n");
	free(p);
}

/* A 100 MB body. */
static void gen_big_body(const char *root)
{
	char *p = sg_path_join(root, "content/insatser/sjuharad/stor.md");
	const char *line = "Lång text om insatsen, rad efter rad.\n";
	write_big(p, "---\ntitle: Stor insats\nyear: 2015\n---\n", line, 100 * 1000 * 1000 / strlen(line) + 1, "");
	struct stat st;
	cr_assert(stat(p, &st) == 0 && st.st_size > 100 * 1000 * 1000);
	free(p);
}

/* Markdown nested 50 000 lists deep, then emphasis on a lazy line: libcmark 0.30.2
 * takes 45 s for these 300 kB (time grows with depth times length). */
static void gen_deep_markdown(const char *root)
{
	char *p = sg_path_join(root, "content/insatser/sjuharad/djup.md");
	sg_buf b = SG_BUF_INIT;
	sg_buf_puts(&b, "---\ntitle: Djup\nyear: 2015\n---\n");
	for (int i = 0; i < 50000; i++)
		sg_buf_puts(&b, "- ");
	sg_buf_puts(&b, "x\n");
	for (int i = 0; i < 50000; i++)
		sg_buf_puts(&b, "*a* ");
	sg_buf_puts(&b, "\n");
	write_text(p, sg_buf_cstr(&b));
	sg_buf_free(&b);
	free(p);
	/* and a normal nested list, 20 levels, that works */
	p = sg_path_join(root, "content/insatser/sjuharad/lista.md");
	sg_buf_puts(&b, "---\ntitle: Lista\nyear: 2015\n---\n");
	for (int i = 0; i < 20; i++) {
		for (int k = 0; k < i; k++)
			sg_buf_puts(&b, "  ");
		sg_buf_printf(&b, "- nivå *%d*\n", i + 1);
	}
	write_text(p, sg_buf_cstr(&b));
	sg_buf_free(&b);
	free(p);
}

/* Links from content to outside it (and a broken one, and one inside that is fine). */
static void gen_symlink_outside(const char *root)
{
	char *outside = sg_path_join(root, "outside");
	char *p = sg_path_join(outside, "hemlig.md");
	write_text(p, "---\ntitle: Hemlig\nyear: 2015\n---\nHEMLIGT-INNEHALL\n");
	free(p);
	p = sg_path_join(outside, "insatser/hemlig.md");
	write_text(p, "---\ntitle: Hemlig\nyear: 2015\n---\nHEMLIGT-INNEHALL\n");
	free(p);
	p = sg_path_join(outside, "hemlig.pdf");
	write_text(p, "HEMLIGT-INNEHALL\n");
	free(p);
	p = sg_path_join(root, "content/sidor/om.md");
	write_text(p, "---\ntitle: Om oss\n---\nText.\n");
	free(p);
	p = sg_path_join(root, "content/dokument/plan.yaml");
	write_text(p, "title: Verksamhetsplan\nfile: plan.pdf\n");
	free(p);
	char *target = sg_path_join(outside, "hemlig.md");
	symlink_at(target, root, "content/insatser/sjuharad/hemlig.md");
	free(target);
	symlink_at("../../outside/insatser", root, "content/insatser/utanfor"); /* relative */
	symlink_at("../../outside/borta", root, "content/insatser/borta");
	target = sg_path_join(outside, "hemlig.pdf");
	symlink_at(target, root, "content/dokument/plan.pdf");
	free(target);
	symlink_at("finns-inte.md", root, "content/sidor/trasig.md");
	symlink_at("om.md", root, "content/sidor/om-oss.md"); /* inside: allowed */
	free(outside);
}

/* A file name as macOS writes it: decomposed, "a" + U+0308 for "ä". */
static void gen_file_name_nfd(const char *root)
{
	char *p = sg_path_join(root, "content/insatser/sjuharad/Aktiv ha\xcc\x88lsa.md");
	write_text(p, "---\ntitle: Aktiv hälsa\nyear: 2015\n---\nText.\n");
	free(p);
	/* and a member name typed on a Mac, decomposed too: the same kommun */
	p = sg_path_join(root, "content/insatser/sjuharad/grona-vagen.md");
	write_text(p, "---\ntitle: Gröna vägen\nyear: 2015\nplaces:\n  - municipality: Bora\xcc\x8as\n---\nText.\n");
	free(p);
}

/* File names that are not UTF-8 text (Latin-1, as an old Windows zip gives) or hold a
 * newline and an escape sequence that would forge a line of sofgen's own, and a link
 * whose quote in the message is cut where a byte count would split an "å". */
static void gen_file_name_bytes(const char *root)
{
	const char *text = "---\ntitle: Aktiv hälsa\nyear: 2015\n---\nText.\n";
	const char *names[] = {"content/insatser/sjuharad/h\xe4lsa.md",
	                       "content/insatser/sjuharad/x\nsofgen: content is valid\x1b[2K.md"};
	for (size_t i = 0; i < 2; i++) {
		char *p = sg_path_join(root, names[i]);
		write_text(p, text);
		free(p);
	}
	char *p = sg_path_join(root, "content/insatser/sjuharad/lank.md");
	write_text(p, "---\ntitle: Länk\nyear: 2015\n---\n[Filer](ftp://xåååååååååååååååååååååååååååååååååååååå/)\n");
	free(p);
}

/* Named pipes where content files are: nothing writes to them, so a read would wait
 * for ever (the time limit catches that). */
static void gen_fifo(const char *root)
{
	static const char *const fifos[] = {"content/insatser/sjuharad/ror.md", "content/sidor/ror.md",
	                                    "content/dokument/plan.pdf"};
	for (size_t i = 0; i < sizeof fifos / sizeof *fifos; i++) {
		char *p = sg_path_join(root, fifos[i]);
		char *dir = sg_strdup(p);
		*strrchr(dir, '/') = '\0';
		cr_assert_eq(sg_mkdirs(dir), 0);
		cr_assert_eq(mkfifo(p, 0644), 0, "mkfifo %s: %s", p, strerror(errno));
		free(dir);
		free(p);
	}
}

static const struct {
	const char *name;
	void (*make)(const char *root);
} generators[] = {
	{"big-front-matter", gen_big_front_matter},   {"big-front-matter-text", gen_big_front_matter_text},
	{"big-body", gen_big_body},                   {"deep-markdown", gen_deep_markdown},
	{"symlink-outside", gen_symlink_outside},     {"file-name-nfd", gen_file_name_nfd},
	{"file-name-bytes", gen_file_name_bytes},
	{"fifo", gen_fifo},
};

/* ---- running sofgen --------------------------------------------------------- */

typedef struct {
	int status;   /* exit status, or -1 when killed by a signal */
	int signal;   /* the signal, or 0 */
	sg_buf err;   /* stderr */
	sg_buf out;   /* stdout */
} run_result;

/* Runs sofgen with argv (NULL-terminated, argv[0] ignored) in `cwd`, with stdout
 * and stderr read into r (stdout to a file, so the two pipes cannot block each other)
 * and TIME_LIMIT seconds at most (SIGALRM ends it). */
static void run_in(run_result *r, const char *cwd, const char *const *argv)
{
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin), "no sofgen binary at %s", sofgen());
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	FILE *out = tmpfile();
	cr_assert_not_null(out);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		dup2(fileno(out), 1);
		if (chdir(cwd) != 0)
			_exit(126);
		alarm(TIME_LIMIT);
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	r->err = (sg_buf)SG_BUF_INIT;
	r->out = (sg_buf)SG_BUF_INIT;
	char chunk[8192];
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
	r->signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
	rewind(out);
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, out)) > 0)
		sg_buf_put(&r->out, chunk, got);
	fclose(out);
}

/* ---- snapshots: every path under a folder, with type and size --------------- */

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
			char kind = S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' : 'f';
			sg_buf_printf(out, "%c %s %lld\n", kind, r, S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size);
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

/* The lines of a snapshot that are not about site/ (the build's own output). */
static char *snapshot_outside_site(const char *root)
{
	sg_buf all = SG_BUF_INIT, kept = SG_BUF_INIT;
	snapshot_into(&all, root, "");
	const char *p = sg_buf_cstr(&all);
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = (size_t)(eol - p) + 1;
		bool site = strncmp(p + 2, "site ", 5) == 0 || strncmp(p + 2, "site/", 5) == 0;
		if (!site)
			sg_buf_put(&kept, p, len);
		p += len;
	}
	sg_buf_free(&all);
	return sg_buf_detach(&kept);
}

/* ---- comparing ---------------------------------------------------------------- */

static char *slurp(const char *path)
{
	size_t len;
	return sg_read_file(path, &len, 1 << 30);
}

/* Shows long lines cut, for messages (a 10 MB summary stays readable). */
static void show(sg_buf *out, const char *text)
{
	while (*text) {
		size_t len = strcspn(text, "\n");
		if (len > 400)
			sg_buf_printf(out, "    %.400s … (%zu bytes)\n", text, len);
		else
			sg_buf_printf(out, "    %.*s\n", (int)len, text);
		text += len + (text[len] == '\n');
	}
}

/* The stderr lines that are diagnostics (not sofgen's summary lines). */
static char *diagnostics_of(const char *err)
{
	sg_buf b = SG_BUF_INIT;
	while (*err) {
		size_t len = strcspn(err, "\n");
		if (strncmp(err, "sofgen: ", 8) != 0)
			sg_buf_printf(&b, "%.*s\n", (int)len, err);
		err += len + (err[len] == '\n');
	}
	return sg_buf_detach(&b);
}

/* The diagnostics without the warnings only `check` gives (src/model/lint.c) that the
 * cases meet: their insatser have no `reviewed` (issue 13), which no build reports. */
static char *without_check_only(const char *diags)
{
	static const char *const check_only[] = {": warning: no 'reviewed' date: ",
	                                         ": warning: the facts were last reviewed on ",
	                                         ": warning: site.yaml names no personuppgiftsansvarig"};
	sg_buf b = SG_BUF_INIT;
	while (*diags) {
		size_t len = strcspn(diags, "\n");
		char *line = sg_strndup(diags, len);
		bool skip = false;
		for (size_t i = 0; i < sizeof check_only / sizeof *check_only; i++)
			skip |= strstr(line, check_only[i]) != NULL;
		if (!skip)
			sg_buf_printf(&b, "%s\n", line);
		free(line);
		diags += len + (diags[len] == '\n');
	}
	return sg_buf_detach(&b);
}

typedef struct {
	int exit;
	sg_buf lines; /* expected stderr */
} expectation;

static void read_expected(const char *name, expectation *e)
{
	char *path = sg_asprintf("%s/%s/expected.txt", BAD_DIR, name);
	char *text = slurp(path);
	cr_assert_not_null(text, "%s: cannot read %s", name, path);
	e->lines = (sg_buf)SG_BUF_INIT;
	e->exit = -1;
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, "\n");
		if (e->exit < 0 && len && p[0] != '#') {
			cr_assert(sscanf(p, "exit %d", &e->exit) == 1, "%s: the first line must be 'exit N'", path);
		} else if (len == 0 || p[0] != '#') {
			sg_buf_put(&e->lines, p, len);
			sg_buf_putc(&e->lines, '\n');
		}
		p += len + (p[len] == '\n');
	}
	cr_assert_geq(e->exit, 0, "%s: no 'exit N' line", path);
	free(text);
	free(path);
}

/* TEXT of expected-site.txt with \r, \n, \t, \\ and \xHH written out, in place. */
static void unescape(char *s)
{
	char *o = s;
	while (*s) {
		if (*s != '\\' || !s[1]) {
			*o++ = *s++;
			continue;
		}
		char c = s[1];
		s += 2;
		if (c == 'r')
			*o++ = '\r';
		else if (c == 'n')
			*o++ = '\n';
		else if (c == 't')
			*o++ = '\t';
		else if (c == 'x' && s[0] && s[1]) {
			char hex[3] = {s[0], s[1], 0};
			*o++ = (char)strtol(hex, NULL, 16);
			s += 2;
		} else
			*o++ = c;
	}
	*o = '\0';
}

/* expected-site.txt: lines "PATH: TEXT" (the built file contains TEXT), "!PATH: TEXT"
 * (it does not), "-PATH" (no such file); PATH relative to site/, TEXT with C escapes
 * (\r, \n, \t, \\, \xHH). */
static void check_site(const char *name, const char *site)
{
	char *path = sg_asprintf("%s/%s/expected-site.txt", BAD_DIR, name);
	char *text = slurp(path);
	free(path);
	if (!text)
		return;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#')
			continue;
		if (line[0] == '-') {
			char *f = sg_path_join(site, line + 1);
			cr_expect_not(sg_exists(f), "%s: site/%s should not exist", name, line + 1);
			free(f);
			continue;
		}
		bool negate = line[0] == '!';
		char *rel = line + negate;
		char *sep = strstr(rel, ": ");
		cr_assert_not_null(sep, "%s: expected-site.txt: bad line '%s'", name, line);
		*sep = '\0';
		unescape(sep + 2);
		char *f = sg_path_join(site, rel);
		char *page = slurp(f);
		cr_expect_not_null(page, "%s: site/%s is missing", name, rel);
		if (page) {
			bool found = strstr(page, sep + 2) != NULL;
			cr_expect(found != negate, "%s: site/%s %s '%s'", name, rel, negate ? "contains" : "lacks", sep + 2);
		}
		free(page);
		free(f);
	}
	free(text);
}

/* ---- the cases ---------------------------------------------------------------- */

static void free_cases(struct criterion_test_params *ctp) { cr_free(ctp->params); }

static char **case_names(size_t *n)
{
	size_t count;
	char **names = sg_list_dir(BAD_DIR, &count);
	*n = 0;
	if (!names)
		return NULL;
	for (size_t i = 0; i < count; i++) {
		char *p = sg_path_join(BAD_DIR, names[i]);
		if (names[i][0] != '.' && sg_is_dir(p))
			names[(*n)++] = names[i];
		else
			free(names[i]);
		free(p);
	}
	return names;
}

ParameterizedTestParameters(hostile, cases)
{
	size_t n;
	char **names = case_names(&n);
	bad_case *cases = cr_malloc((n ? n : 1) * sizeof *cases);
	for (size_t i = 0; i < n; i++)
		snprintf(cases[i].name, sizeof cases[i].name, "%s", names[i]);
	if (names)
		sg_free_names(names, n);
	return cr_make_param_array(bad_case, cases, n, free_cases);
}

/* Makes the content folder of a case under a fresh temporary root. */
static char *make_case(const char *name)
{
	char tmpl[] = "/tmp/sofgen-hostile-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *root = sg_strdup(tmpl);
	char *content = sg_path_join(root, "content");
	char *p;
	for (size_t i = 0; i < N_BASE; i++) {
		p = sg_path_join(content, base_files[i].path);
		write_text(p, base_files[i].text);
		free(p);
	}
	/* the case's files, over the base */
	char *src = sg_asprintf("%s/%s", BAD_DIR, name);
	cr_assert_eq(fixture_copy_tree(src, content), 0, "%s: cannot copy %s", name, src);
	free(src);
	static const char *const own[] = {"expected.txt", "expected-site.txt", "expected.json"};
	for (size_t i = 0; i < 3; i++) {
		p = sg_path_join(content, own[i]);
		unlink(p);
		free(p);
	}
	for (size_t i = 0; i < sizeof generators / sizeof *generators; i++)
		if (strcmp(generators[i].name, name) == 0)
			generators[i].make(root);
	free(content);
	return root;
}

static bool is_generated(const char *name)
{
	for (size_t i = 0; i < sizeof generators / sizeof *generators; i++)
		if (strcmp(generators[i].name, name) == 0)
			return true;
	return false;
}

/* True when the folder holds a leftover temporary build folder (site.tmp-*). */
static bool has_tmp_leftover(const char *root)
{
	size_t n;
	char **names = sg_list_dir(root, &n);
	bool found = false;
	for (size_t i = 0; names && i < n; i++)
		found |= strncmp(names[i], "site.tmp", 8) == 0;
	if (names)
		sg_free_names(names, n);
	return found;
}

ParameterizedTest(bad_case *c, hostile, cases, .timeout = 180)
{
	const char *name = c->name;
	cr_log_info("case %s", name); /* shown with --verbose */
	expectation want;
	read_expected(name, &want);
	char *root = make_case(name);
	char *before = snapshot_outside_site(root);

	/* sofgen check */
	run_result r;
	const char *check_argv[] = {"sofgen", "check", "--content", "content", "--now", HOSTILE_NOW, NULL};
	run_in(&r, root, check_argv);
	cr_assert_eq(r.signal, 0, "%s: sofgen check was killed by signal %d (%s)%s", name, r.signal, strsignal(r.signal),
	             r.signal == SIGALRM ? ": it took over the time limit" : "");
	sg_buf msg = SG_BUF_INIT;
	if (r.status != want.exit || strcmp(sg_buf_cstr(&r.err), sg_buf_cstr(&want.lines)) != 0) {
		sg_buf_printf(&msg, "%s: sofgen check --content content\n  expected exit %d and stderr:\n", name, want.exit);
		show(&msg, sg_buf_cstr(&want.lines));
		sg_buf_printf(&msg, "  got exit %d and stderr:\n", r.status);
		show(&msg, sg_buf_cstr(&r.err));
	}
	cr_expect(msg.len == 0, "%s", sg_buf_cstr(&msg));
	sg_buf_clear(&msg);
	char *check_diags = diagnostics_of(sg_buf_cstr(&r.err));
	sg_buf_free(&r.err);
	sg_buf_free(&r.out);

	/* sofgen check --format json, when the case has expected.json: exactly that on stdout */
	char *json_path = sg_asprintf("%s/%s/expected.json", BAD_DIR, name);
	char *want_json = slurp(json_path);
	if (want_json) {
		const char *json_argv[] = {"sofgen", "check", "--content", "content", "--format", "json", "--now", HOSTILE_NOW,
		                           NULL};
		run_in(&r, root, json_argv);
		cr_assert_eq(r.signal, 0, "%s: sofgen check --format json was killed by signal %d", name, r.signal);
		cr_expect_eq(r.status, want.exit, "%s: sofgen check --format json exits %d, not %d", name, r.status, want.exit);
		cr_expect_str_eq(sg_buf_cstr(&r.out), want_json, "%s: sofgen check --format json printed\n%s\nnot %s", name,
		                 sg_buf_cstr(&r.out), json_path);
		cr_expect_str_eq(sg_buf_cstr(&r.err), "", "%s: --format json prints nothing else", name);
		sg_buf_free(&r.err);
		sg_buf_free(&r.out);
		free(want_json);
	}
	free(json_path);

	/* sofgen build */
	char templates[PATH_MAX], assets[PATH_MAX];
	cr_assert_not_null(realpath("templates", templates));
	cr_assert_not_null(realpath("assets", assets));
	const char *build_argv[] = {"sofgen",  "build",  "--content", "content", "--templates", templates,
	                            "--assets", assets, "--out",     "site",    "--now", HOSTILE_NOW, NULL};
	run_in(&r, root, build_argv);
	cr_assert_eq(r.signal, 0, "%s: sofgen build was killed by signal %d (%s)", name, r.signal, strsignal(r.signal));
	cr_expect_eq(r.status, want.exit, "%s: sofgen build exits %d, not %d:\n%s", name, r.status, want.exit,
	             sg_buf_cstr(&r.err));
	char *build_diags = diagnostics_of(sg_buf_cstr(&r.err));
	char *check_build = without_check_only(check_diags);
	cr_expect_str_eq(build_diags, check_build, "%s: build and check report differently", name);
	free(check_build);
	char *site = sg_path_join(root, "site");
	if (want.exit == 0) {
		char *index = sg_path_join(site, "index.html");
		cr_expect(sg_is_file(index), "%s: the build exits 0 but made no site/index.html", name);
		free(index);
		check_site(name, site);
	} else {
		cr_expect_not(sg_exists(site), "%s: a failed build left site/", name);
	}
	cr_expect_not(has_tmp_leftover(root), "%s: a temporary build folder site.tmp-* is left behind", name);

	/* nothing outside --out changed */
	char *after = snapshot_outside_site(root);
	cr_expect_str_eq(after, before, "%s: files outside --out changed", name);

	free(after);
	free(before);
	free(site);
	free(build_diags);
	free(check_diags);
	sg_buf_free(&r.err);
	sg_buf_free(&r.out);
	sg_buf_free(&msg);
	sg_buf_free(&want.lines);
	sg_remove_tree(root);
	free(root);
}

/* Guards: the table is there, every case has its expectation and its files, and
 * the base alone is clean (so each expected.txt holds only its case's lines). */
Test(hostile, table_is_complete)
{
	size_t n;
	char **names = case_names(&n);
	cr_assert_not_null(names, "cannot read %s (run from the project root)", BAD_DIR);
	cr_expect_geq(n, 19, "only %zu cases in %s", n, BAD_DIR);
	char *readme = slurp(BAD_DIR "/README.md");
	cr_expect_not_null(readme, "%s/README.md is missing", BAD_DIR);
	for (size_t i = 0; i < n; i++) {
		char *p = sg_asprintf("%s/%s/expected.txt", BAD_DIR, names[i]);
		cr_expect(sg_is_file(p), "%s has no expected.txt", names[i]);
		free(p);
		size_t count;
		char *dir = sg_asprintf("%s/%s", BAD_DIR, names[i]);
		char **files = sg_list_dir(dir, &count);
		bool content = false;
		for (size_t k = 0; files && k < count; k++)
			content |= strcmp(files[k], "expected.txt") != 0 && strcmp(files[k], "expected-site.txt") != 0 &&
			           strcmp(files[k], "expected.json") != 0;
		cr_expect(content || is_generated(names[i]), "%s has no content files and no generator", names[i]);
		if (files)
			sg_free_names(files, count);
		free(dir);
		char *row = sg_asprintf("`%s`", names[i]);
		cr_expect(readme && strstr(readme, row), "%s is not in %s/README.md", names[i], BAD_DIR);
		free(row);
	}
	for (size_t i = 0; i < sizeof generators / sizeof *generators; i++) {
		char *dir = sg_asprintf("%s/%s", BAD_DIR, generators[i].name);
		cr_expect(sg_is_dir(dir), "generator for %s but no folder %s", generators[i].name, dir);
		free(dir);
	}
	free(readme);
	if (names)
		sg_free_names(names, n);
}

Test(hostile, base_site_is_clean)
{
	char tmpl[] = "/tmp/sofgen-hostile-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	for (size_t i = 0; i < N_BASE; i++) {
		char *p = sg_asprintf("%s/content/%s", tmpl, base_files[i].path);
		write_text(p, base_files[i].text);
		free(p);
	}
	run_result r;
	const char *argv[] = {"sofgen", "check", "--content", "content", NULL};
	run_in(&r, tmpl, argv);
	cr_expect_eq(r.status, 0);
	cr_expect_str_eq(sg_buf_cstr(&r.err), "sofgen: content is valid (0 insatser, 3 kommuner, 1 förbund)\n",
	                 "the base site of the hostile cases (FIXTURE_SITE, FIXTURE_FORBUND) must give no diagnostics:\n%s",
	                 sg_buf_cstr(&r.err));
	sg_buf_free(&r.err);
	sg_buf_free(&r.out);
	sg_remove_tree(tmpl);
}
