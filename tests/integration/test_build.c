/* Integration: the sofgen binary on the real example content and on broken fixtures.
 * Run from the project root; $SOFGEN names the binary (default build/release/sofgen). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "util/buf.h"



static char *slurp(const char *path)
{
	size_t len;
	char *s = sg_read_file(path, &len, 1 << 26);
	cr_assert_not_null(s, "cannot read %s", path);
	return s;
}

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/sofgen-it-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	return sg_strdup(tmpl);
}


/* "dir" + "/" + rel in one of a few rotating static buffers: test code only. */
static const char *at(const char *dir, const char *rel)
{
	static char ring[8][4096];
	static int next;
	char *b = ring[next++ % 8];
	snprintf(b, sizeof ring[0], "%s/%s", dir, rel);
	return b;
}

Test(example, builds_every_kommun_and_every_insats, .timeout = 120)
{
	char *dir = tmpdir();
	char *out = sg_path_join(dir, "site");
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --out %s", out);
	cr_assert_eq(rc, 0, "build failed:\n%s", sg_buf_cstr(&log));
	cr_assert_not(has(sg_buf_cstr(&log), "error:"), "%s", sg_buf_cstr(&log));

	/* the 13 kommuner of the two plans */
	const char *kommuner[] = {"bollebygd", "boras", "herrljunga", "mark", "svenljunga", "tranemo", "ulricehamn",
	                          "vargarda", "ale", "kungalv", "stenungsund", "tjorn", "ockero"};
	for (size_t i = 0; i < 13; i++) {
		char *p = sg_asprintf("%s/kommun/%s/index.html", out, kommuner[i]);
		cr_expect(sg_is_file(p), "missing %s", p);
		free(p);
	}
	size_t n_kommun_dirs;
	char *kdir = sg_path_join(out, "kommun");
	char **names = sg_list_dir(kdir, &n_kommun_dirs);
	cr_assert_eq(n_kommun_dirs, 13);
	sg_free_names(names, n_kommun_dirs);
	free(kdir);

	/* every insats file of both plans has its page with its title */
	const char *forbund[] = {"sjuharad", "alv-och-kust"};
	size_t total = 0;
	for (size_t f = 0; f < 2; f++) {
		char *src = sg_asprintf("content/insatser/%s", forbund[f]);
		size_t n;
		char **files = sg_list_dir(src, &n);
		cr_assert_not_null(files);
		cr_assert_gt(n, 10, "%s has only %zu insatser", src, n);
		for (size_t i = 0; i < n; i++) {
			*strrchr(files[i], '.') = '\0';
			char *page = sg_asprintf("%s/insats/%s/%s/index.html", out, forbund[f], files[i]);
			cr_expect(sg_is_file(page), "missing %s", page);
			free(page);
			total++;
		}
		sg_free_names(files, n);
		free(src);
	}
	cr_assert_gt(total, 30);

	char *home = slurp(at(out, "index.html"));
	cr_expect(has(home, "<html lang=\"sv\">"));
	cr_expect(has(home, "href=\"/kommun/boras/\""), "the kommun picker links each kommun");
	cr_expect(has(home, "Sjuhärads samordningsförbund"));
	cr_expect(has(home, "Samordningsförbundet Älv &amp; Kust"));
	cr_expect(has(home, "class=\"skip\" href=\"#main\""));
	free(home);

	char *boras = slurp(at(out, "kommun/boras/index.html"));
	cr_expect(has(boras, "href=\"/insats/sjuharad/grona-vagen/?kommun=boras\""), "Gröna vägen is placed in Borås");
	cr_expect(has(boras, "Gemensamma insatser för hela förbundet"));
	cr_expect_not(has(boras, "/insats/alv-och-kust/"), "Borås is not in Älv & Kust");
	free(boras);

	char *insats = slurp(at(out, "insats/sjuharad/grona-vagen/index.html"));
	cr_expect(has(insats, "<caption>"));
	cr_expect(has(insats, "<th scope=\"row\"><a href=\"/kommun/boras/\">Borås</a></th>"));
	free(insats);

	cr_expect(sg_is_file(at(out, "404.html")));
	cr_expect(sg_is_file(at(out, "style.css")), "assets are copied");
	char *sitemap = slurp(at(out, "sitemap.xml"));
	cr_expect(has(sitemap, "<loc>https://example.se/kommun/boras/</loc>"));
	cr_expect_not(has(sitemap, "404"));
	free(sitemap);
	char *robots = slurp(at(out, "robots.txt"));
	cr_expect(has(robots, "Sitemap: https://example.se/sitemap.xml"));
	free(robots);
	cr_expect(sg_is_dir(at(out, "kategori/forberedande")));
	char *a11y = slurp(at(out, "tillganglighetsredogorelse/index.html"));
	cr_expect(has(a11y, "<strong>delvis förenlig</strong>"), "the statement is built from site.yaml");
	cr_expect(has(a11y, "href=\"https://www.digg.se/tdosanmalan\""), "with Digg's reporting form");
	cr_expect(has(a11y, "Bedömningen gjordes den 24 november 2026."));
	cr_expect(has(a11y, "href=\"/sidor/kontakt/\""), "and a feedback contact");
	free(a11y);
	char *any = slurp(at(out, "kategori/dialog/index.html"));
	cr_expect(has(any, "href=\"/tillganglighetsredogorelse/\""), "linked from the footer of every page");
	free(any);

	sg_remove_tree(dir);
	free(out);
	free(dir);
	sg_buf_free(&log);
}

Test(example, varend_single_forbund_site_builds, .timeout = 60)
{
	char *dir = tmpdir();
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content examples/varend/content --out %s/site", dir);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *p = sg_asprintf("%s/site/kommun/vaxjo/index.html", dir);
	cr_expect(sg_is_file(p));
	free(p);
	sg_remove_tree(dir);
	free(dir);
	sg_buf_free(&log);
}

Test(example, check_passes_and_writes_nothing)
{
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "check"), 0, "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "is valid"));
	sg_buf_free(&log);
}

/* --base-url: the site built for another address (a preview deploy) than site.yaml's;
 * a bad address is refused like a bad base_url, and nothing is written. */
Test(example, base_url_on_the_command_line_wins, .timeout = 60)
{
	char *dir = tmpdir();
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --now 2020-06-01 --base-url https://preview.example.org/pr-12 --out %s/site", dir),
	             0, "%s", sg_buf_cstr(&log));
	char *sitemap = slurp(at(dir, "site/sitemap.xml")), *robots = slurp(at(dir, "site/robots.txt")),
	     *home = slurp(at(dir, "site/index.html"));
	cr_expect(has(sitemap, "<loc>https://preview.example.org/pr-12/kommun/boras/</loc>"), "%.300s", sitemap);
	cr_expect(!has(sitemap, "example.se"), "site.yaml's address is not used");
	cr_expect(has(robots, "Sitemap: https://preview.example.org/pr-12/sitemap.xml"), "%s", robots);
	cr_expect(has(home, "href=\"/pr-12/style.css\""), "links start with the preview's path");
	free(sitemap), free(robots), free(home);
	cr_expect_eq(run(&log, "build --base-url 'https://preview example.org/' --out %s/bad", dir), 1);
	cr_expect(has(sg_buf_cstr(&log), "--base-url: error: 'base_url' holds a space"), "%s", sg_buf_cstr(&log));
	cr_expect_eq(access(at(dir, "bad"), F_OK), -1, "nothing written");
	sg_remove_tree(dir);
	free(dir);
	sg_buf_free(&log);
}

/* ---- hostile and broken content ------------------------------------------ */

Test(safety, script_raw_html_and_javascript_links_are_neutralised)
{
	fixture_file f[] = {
		FIXTURE_SITE, FIXTURE_FORBUND,
		{"insatser/sjuharad/x.md",
		 "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"a & b\"\n---\n"
		 "<div onclick=\"evil()\">raw block</div>\n\nText <b>inline</b> [klick](javascript:alert(1)) "
		 "[ok](https://example.se/) ![img](data:text/html,x)\n"}};
	char *root = fixture_make(f, 3);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site", root, root);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *page = slurp(at(root, "site/insats/sjuharad/x/index.html"));
	cr_expect(has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	cr_expect_not(has(page, "<script>"));
	cr_expect_not(has(page, "onclick"));
	cr_expect_not(has(page, "<b>"));
	cr_expect_not(has(page, "javascript:"));
	cr_expect_not(has(page, "data:text"));
	cr_expect(has(page, "klick"), "the link text stays");
	cr_expect(has(page, "<a href=\"https://example.se/\">ok</a>"));
	cr_expect(has(page, "a &amp; b"));
	const char *l = sg_buf_cstr(&log);
	cr_expect(has(l, "x.md:5:1: warning: raw HTML is left out of the page"), "%s", l);
	cr_expect(has(l, "warning: the link to 'javascript:alert(1)' is removed"), "%s", l);
	free(page);
	sg_remove_tree(root);
	free(root);
	sg_buf_free(&log);
}

Test(bad_input, all_errors_in_one_run_and_old_site_untouched, .timeout = 60)
{
	fixture_file good[] = {FIXTURE_SITE, FIXTURE_FORBUND,
	                       {"insatser/sjuharad/ok.md", "---\ntitle: Fungerar\n---\nBra.\n"}};
	char *root = fixture_make(good, 3);
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --content %s/content --out %s/site", root, root), 0, "%s", sg_buf_cstr(&log));
	char *okpage = sg_asprintf("%s/site/insats/sjuharad/ok/index.html", root);
	char *before = slurp(okpage);

	fixture_file bad[] = {
		{"insatser/sjuharad/yaml.md", "---\ntitle: A\nsummary: x: y\n---\n"},
		{"insatser/sjuharad/missing.md", "---\nyear: 2015\n---\n"},
		{"insatser/sjuharad/kommun.md", "---\ntitle: K\nplaces:\n  - municipality: Svenljung\n---\n"},
		{"insatser/sjuharad/cat.md", "---\ntitle: C\narea: strukturövergripande\ncategory: rehabilitering\n---\n"},
		{"insatser/sjuharad/ok.md", "---\ntitle: Fungerar\n---\nÄndrad.\n"},
		{"insatser/sjuharad/notes.txt", "hej"},
		{"insatser/sjuharad/utf.md", "---\ntitle: \xff\n---\n"},
		{"insatser/sjuharad/key.md", "---\ntitle: U\nstatuss: active\n---\n"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *p = sg_asprintf("%s/content/%s", root, bad[i].path);
		cr_assert_eq(sg_write_file(p, bad[i].text, strlen(bad[i].text)), 0);
		free(p);
	}
	int rc = run(&log, "build --content %s/content --out %s/site", root, root);
	const char *l = sg_buf_cstr(&log);
	cr_assert_eq(rc, 1, "%s", l);
	cr_expect(has(l, "insatser/sjuharad/yaml.md:3:11: error: invalid YAML: mapping values are not allowed in this context "
	                 "(a value containing ': ' must be in quotes; otherwise check this line's indentation)"),
	          "%s", l);
	cr_expect(has(l, "insatser/sjuharad/missing.md:2:1: error: missing 'title': every insats needs a title"), "%s", l);
	cr_expect(has(l, "insatser/sjuharad/kommun.md:4:19: error: 'Svenljung' is not a member kommun of Sjuhärads "
	                 "samordningsförbund; did you mean 'Svenljunga'?"),
	          "%s", l);
	cr_expect(has(l, "insatser/sjuharad/cat.md:4:11: error: 'rehabilitering' is a category for individinriktade insatser"),
	          "%s", l);
	cr_expect(has(l, "insatser/sjuharad/notes.txt:1:1: error: not a content file"), "%s", l);
	cr_expect(has(l, "insatser/sjuharad/utf.md:2:8: error: the file is not valid UTF-8 text"), "%s", l);
	cr_expect(has(l, "insatser/sjuharad/key.md:3:10: warning: unknown key 'statuss' in an insats is ignored; did you mean 'status'?"),
	          "%s", l);
	cr_expect(has(l, "6 errors, 1 warning; the site was not changed"), "%s", l);

	char *after = slurp(okpage);
	cr_expect_str_eq(after, before, "the previous site must be untouched");
	/* no temporary folder left behind */
	size_t n;
	char **names = sg_list_dir(root, &n);
	cr_expect_eq(n, 2, "only content/ and site/ remain");
	sg_free_names(names, n);
	cr_expect_eq(run(&log, "check --content %s/content", root), 1);
	free(before);
	free(after);
	free(okpage);
	sg_remove_tree(root);
	free(root);
	sg_buf_free(&log);
}

Test(bad_input, refuses_to_replace_a_folder_it_did_not_make)
{
	char *dir = tmpdir();
	char *victim = sg_path_join(dir, "important.txt");
	sg_write_file(victim, "keep", 4);
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --out %s", dir), 2, "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "refusing to replace this folder"));
	cr_expect(sg_is_file(victim));
	sg_remove_tree(dir);
	free(victim);
	free(dir);
	sg_buf_free(&log);
}

/* ---- the command line ---------------------------------------------------- */

Test(cli, help_version_and_usage_errors)
{
	sg_buf log = SG_BUF_INIT;
	cr_expect_eq(run(&log, "--help"), 0);
	cr_expect(has(sg_buf_cstr(&log), "sofgen build [--content DIR]"));
	cr_expect_eq(run(&log, "--version"), 0);
	cr_expect(has(sg_buf_cstr(&log), "sofgen "));
	sg_buf_clear(&log);
	cr_expect_eq(run(&log, "build --out x --help"), 0, "a command's --help is the help, not a usage error");
	cr_expect(has(sg_buf_cstr(&log), "sofgen serve [--content DIR]"), "%s", sg_buf_cstr(&log));
	cr_expect_eq(run(&log, "frobnicate"), 2);
	cr_expect_eq(run(&log, "build --bogus"), 2);
	cr_expect(has(sg_buf_cstr(&log), "unknown option '--bogus'"));
	cr_expect_eq(run(&log, "build --out"), 2);
	cr_expect_eq(run(&log, "check --content /nonexistent/dir"), 2);
	sg_buf_free(&log);
}

Test(cli, render_prints_exactly_the_rendered_bytes)
{
	char *dir = tmpdir();
	char *tpl = sg_path_join(dir, "t.mustache"), *data = sg_path_join(dir, "d.yaml");
	char *pdir = sg_path_join(dir, "partials");
	sg_mkdirs(pdir);
	sg_write_file(tpl, "Hej {{name}}!{{#list}} {{.}}{{/list}}{{>p}}", 43);
	sg_write_file(data, "name: <Borås>\nlist: [1, 2.5]\n", 29);
	char *partial = sg_path_join(pdir, "p.mustache");
	sg_write_file(partial, "|{{{name}}}", 11);
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "render %s --data %s --partials %s", tpl, data, pdir), 0, "%s", sg_buf_cstr(&log));
	cr_expect_str_eq(sg_buf_cstr(&log), "Hej &lt;Borås&gt;! 1 2.5|<Borås>");
	sg_write_file(tpl, "{{#open}}x", 10);
	cr_expect_eq(run(&log, "render %s", tpl), 1);
	cr_expect(has(sg_buf_cstr(&log), "t.mustache:1:1: error:"), "%s", sg_buf_cstr(&log));
	sg_remove_tree(dir);
	free(dir);
	free(tpl);
	free(data);
	free(pdir);
	free(partial);
	sg_buf_free(&log);
}

Test(cli, check_warns_of_likely_mistakes_and_speaks_json)
{
	fixture_file f[] = {
		FIXTURE_SITE, FIXTURE_FORBUND,
		{"insatser/sjuharad/gammal.md", "---\ntitle: Gammal\nstatus: active\nend: 2015-12-31\n"
		                                "places:\n  - {municipality: Mark, participants: 12}\n---\n"},
		{"insatser/sjuharad/ingenstans.md", "---\ntitle: Ingenstans\nplaces:\n  - {municipality: Borås}\n"
		                                    "referral: {open: false}\nreviewed: 2015-12-01\n---\n"},
	};
	char *root = fixture_make(f, 4);
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "check --content %s/content --now 2016-01-10", root), 0, "%s", sg_buf_cstr(&log));
	const char *l = sg_buf_cstr(&log);
	cr_expect(has(l, "gammal.md:3:9: warning: status is active, but the insats ended on 2015-12-31, and pages say it has ended; remove 'status' (the dates decide it) or give a later 'end'"), "%s", l);
	cr_expect(has(l, "gammal.md:6:5: warning: the place Mark has 12 participants but no funds"), "%s", l);
	cr_expect_eq(run(&log, "check --content %s/content --now 2015-06-01", root), 0);
	cr_expect_not(has(sg_buf_cstr(&log), "status is active"), "not yet ended on --now");
	cr_assert_eq(run(&log, "check --content %s/content --now 2016-01-10 --format json", root), 0);
	l = sg_buf_cstr(&log);
	cr_expect(has(l, "\"errors\": 0,\n \"warnings\": 2,"), "%s", l);
	cr_expect(has(l, "\"severity\": \"warning\""));
	cr_expect(has(l, "\"line\": 3,\n   \"column\": 9,"), "%s", l);
	cr_expect_eq(run(&log, "check --format xml"), 2);
	sg_remove_tree(root);
	free(root);
	sg_buf_free(&log);
}

Test(example, output_is_the_same_for_any_number_of_threads, .timeout = 60)
{
	char *dir = tmpdir();
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --jobs 1 --now 2020-06-01 --out %s/one", dir), 0, "%s", sg_buf_cstr(&log));
	cr_assert_eq(run(&log, "build --jobs 3 --now 2020-06-01 --out %s/three", dir), 0, "%s", sg_buf_cstr(&log));
	char *cmd = sg_asprintf("diff -r %s/one %s/three >/dev/null", dir, dir);
	cr_expect_eq(system(cmd), 0, "byte-identical output with 1 and 3 threads");
	free(cmd);
	cr_expect_eq(run(&log, "build --jobs 0"), 2, "--jobs takes 1 to 256");
	sg_remove_tree(dir);
	free(dir);
	sg_buf_free(&log);
}

/* ---- --incremental ------------------------------------------------------- */

/* Every file of a site with its inode, mtime and bytes. */
typedef struct {
	char *rel, *bytes;
	ino_t ino;
	struct timespec mtime;
} site_file;

static void snapshot_into(const char *root, const char *rel, site_file **files, size_t *n, size_t *cap)
{
	char *path = *rel ? sg_path_join(root, rel) : sg_strdup(root);
	struct stat st;
	cr_assert_eq(lstat(path, &st), 0, "%s", path);
	if (S_ISDIR(st.st_mode)) {
		size_t k;
		char **names = sg_list_dir(path, &k);
		cr_assert_not_null(names);
		for (size_t i = 0; i < k; i++) {
			char *child = *rel ? sg_path_join(rel, names[i]) : sg_strdup(names[i]);
			snapshot_into(root, child, files, n, cap);
			free(child);
		}
		sg_free_names(names, k);
	} else {
		if (*n == *cap)
			*files = sg_realloc(*files, (*cap = *cap ? 2 * *cap : 256) * sizeof **files);
		(*files)[(*n)++] = (site_file){sg_strdup(rel), slurp(path), st.st_ino, st.st_mtim};
	}
	free(path);
}

static site_file *snapshot_site(const char *root, size_t *n)
{
	site_file *files = NULL;
	size_t cap = 0;
	*n = 0;
	snapshot_into(root, "", &files, n, &cap);
	return files;
}

static void free_snapshot(site_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(files[i].rel);
		free(files[i].bytes);
	}
	free(files);
}

/* Compares two snapshots of the same paths: how many files got a new inode; every
 * file that kept its bytes kept its inode and mtime, and every changed one is new. */
static size_t new_inodes(const site_file *before, size_t nb, const site_file *after, size_t na)
{
	cr_assert_eq(na, nb, "the same files");
	size_t fresh = 0;
	for (size_t i = 0; i < na; i++) {
		cr_assert_str_eq(after[i].rel, before[i].rel);
		bool same = strcmp(after[i].bytes, before[i].bytes) == 0;
		bool kept = after[i].ino == before[i].ino;
		if (strcmp(after[i].rel, ".sofgen-output") == 0)
			continue; /* the marker is written by every build */
		cr_expect_eq(kept, same, "%s: %s", after[i].rel, same ? "unchanged but written again" : "changed but kept");
		if (kept)
			cr_expect(after[i].mtime.tv_sec == before[i].mtime.tv_sec &&
			                  after[i].mtime.tv_nsec == before[i].mtime.tv_nsec,
			          "%s keeps its mtime", after[i].rel);
		fresh += !kept;
	}
	return fresh;
}

Test(example, incremental_build_keeps_unchanged_files, .timeout = 120)
{
	char *dir = tmpdir();
	char *content = sg_path_join(dir, "content");
	cr_assert_eq(fixture_copy_tree("content", content), 0);
	sg_buf log = SG_BUF_INIT;
	const char *opts = "--templates templates --assets assets --now 2020-06-01 --incremental";
	cr_assert_eq(run(&log, "build --content %s --out %s/site %s", content, dir, opts), 0, "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "(0 files unchanged)"), "%s", sg_buf_cstr(&log));
	size_t n1, n2, n3;
	site_file *first = snapshot_site(at(dir, "site"), &n1);

	/* the same content again: every file is kept (all but the marker) */
	cr_assert_eq(run(&log, "build --content %s --out %s/site %s", content, dir, opts), 0, "%s", sg_buf_cstr(&log));
	char *want = sg_asprintf("(%zu files unchanged)", n1 - 1);
	cr_expect(has(sg_buf_cstr(&log), want), "%s in %s", want, sg_buf_cstr(&log));
	site_file *second = snapshot_site(at(dir, "site"), &n2);
	cr_expect_eq(new_inodes(first, n1, second, n2), 0);
	/* and the site is the one a full build makes */
	cr_assert_eq(run(&log, "build --content %s --out %s/full --templates templates --assets assets --now 2020-06-01",
	                 content, dir),
	             0, "%s", sg_buf_cstr(&log));
	cr_expect_not(has(sg_buf_cstr(&log), "unchanged"), "%s", sg_buf_cstr(&log));
	char *cmd = sg_asprintf("diff -r %s/site %s/full >/dev/null", dir, dir);
	cr_expect_eq(system(cmd), 0, "an incremental build writes the same site as a full one");
	free(cmd);

	/* one insats's text changes: its page is new, every other file is kept */
	const char *changed = "insatser/sjuharad/aktiv-halsa.md";
	char *src = sg_path_join(content, changed);
	char *text = slurp(src);
	char *more = sg_asprintf("%s\nEn helt ny mening om insatsen.\n", text);
	cr_assert_eq(sg_write_file(src, more, strlen(more)), 0);
	cr_assert_eq(run(&log, "build --content %s --out %s/site %s", content, dir, opts), 0, "%s", sg_buf_cstr(&log));
	site_file *third = snapshot_site(at(dir, "site"), &n3);
	size_t fresh = new_inodes(second, n2, third, n3);
	cr_expect_eq(fresh, 1, "only the insats's own page shows its text; %zu of %zu files are new", fresh, n3);
	for (size_t i = 0; i < n3; i++)
		if (strcmp(third[i].rel, "insats/sjuharad/aktiv-halsa/index.html") == 0) {
			cr_expect_neq(third[i].ino, second[i].ino, "the changed page is new");
			cr_expect(has(third[i].bytes, "En helt ny mening om insatsen."));
		} else if (strcmp(third[i].rel, "insats/sjuharad/atlas/index.html") == 0)
			cr_expect_eq(third[i].ino, second[i].ino, "another insats's page is kept");

	free_snapshot(first, n1);
	free_snapshot(second, n2);
	free_snapshot(third, n3);
	free(src);
	free(text);
	free(more);
	free(want);
	free(content);
	sg_remove_tree(dir);
	free(dir);
	sg_buf_free(&log);
}

/* Truth on the page: a place that gives only förbundsmedel (or medfinansiering as a YAML
 * null, `~`) has no medfinansiering or ESF of 0; the insats page says those are missing, and its sum is of what is given. */
Test(truth, money_not_given_is_missing_not_zero)
{
	const fixture_file files[] = {
		FIXTURE_SITE,
		FIXTURE_FORBUND,
		{"insatser/sjuharad/steget.md", "---\ntitle: Steget\nreviewed: 2020-05-01\nplaces:\n"
		                                "  - {municipality: Borås, participants: 12, funds: {forbund: 450}}\n"
		                                "  - {municipality: Mark, participants: 5, funds: {forbund: 100, esf: 0, "
		                                "cofunding: ~}}\n"
		                                "---\nText.\n"},
	};
	char *root = fixture_make(files, sizeof files / sizeof *files);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site --now 2020-06-01", root, root);
	cr_assert_eq(rc, 0, "%s", log.ptr);
	char *html = fixture_read(root, "site/insats/sjuharad/steget/index.html");
	/* columns: participants, förbundsmedel, ESF, summa, medfinansiering */
	cr_expect(has(html, ">Borås</a></th><td class=\"n\">12</td><td class=\"n\">450</td><td class=\"n\">uppgift "
	                    "saknas</td><td class=\"n\">450</td><td class=\"n\">uppgift saknas</td></tr>"),
	          "%s", html);
	cr_expect(has(html, ">Mark</a></th><td class=\"n\">5</td><td class=\"n\">100</td><td class=\"n\">0</td><td "
	                    "class=\"n\">100</td><td class=\"n\">uppgift saknas</td></tr>"),
	          "%s", html);
	cr_expect(has(html, "<th scope=\"row\">Summa</th><td class=\"n\">17</td><td class=\"n\">550</td><td "
	                    "class=\"n\">0</td><td class=\"n\">550</td><td class=\"n\">uppgift saknas</td>"),
	          "%s", html);
	char *csv = fixture_read(root, "site/data/insatser.csv");
	cr_expect(has(csv, ",Borås,1490,12,450,,,"), "%s", csv);
	cr_expect(has(csv, ",Mark,1463,5,100,,0,"), "%s", csv);
	free(csv), free(html), free(log.ptr), free(root);
}
