/* Integration, issue 15 §3: through the command, a newsletter dated after --now is left
 * out of the built site until its day unless --build-future is given, and `sofgen new
 * evenemang --date` names the file after the event's month, which is its address.
 * Run from the project root; $SOFGEN names the binary (default build/release/sofgen). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "session.h"
#include "util/buf.h"
#include "util/fs.h"

static const fixture_file letters[] = {
	FIXTURE_SITE,
	FIXTURE_FORBUND,
	{"nyhetsbrev/2026-12-decemberbrev.md", "---\ntitle: Decemberbrev\ndate: 2026-12-04\n---\nNytt i december.\n"},
	{"nyhetsbrev/2026-12-julbrev.md", "---\ntitle: Julbrev\ndate: 2026-12-24\n---\nGod jul.\n"},
};

/* Builds the letters' site with `flags` into root/site; returns root/site (malloc'd). */
static char *built(const char *root, const char *flags)
{
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "build --content %s/content --out %s/site --templates templates --assets assets %s", root,
	             root, flags);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	cr_expect(!has(sg_buf_cstr(&log), "warning"), "%s", sg_buf_cstr(&log));
	sg_buf_free(&log);
	return sg_asprintf("%s/site", root);
}

Test(nothing_lost, a_future_newsletter_waits_for_its_day_unless_build_future)
{
	char *root = fixture_make(letters, 4);
	char *site = built(root, "--now 2026-12-04");
	char *julbrev = sg_asprintf("%s/nyhetsbrev/2026-12-julbrev/index.html", site);
	cr_expect(!sg_is_file(julbrev), "no page before its day");
	char *list = fixture_read(site, "nyhetsbrev/index.html");
	cr_expect(has(list, "Decemberbrev") && !has(list, "Julbrev"), "%s", list);
	free(list);
	char *feed = fixture_read(site, "nyhetsbrev/feed.xml");
	cr_expect(has(feed, "Decemberbrev") && !has(feed, "Julbrev"));
	free(feed);
	char *map = fixture_read(site, "sitemap.xml");
	cr_expect(has(map, "/nyhetsbrev/2026-12-decemberbrev/") && !has(map, "julbrev"));
	free(map);
	free(site);

	/* on its day (serve builds again when the day changes) and with --build-future */
	const char *flags[] = {"--now 2026-12-24T00:00", "--now 2026-12-04 --build-future"};
	for (size_t i = 0; i < 2; i++) {
		site = built(root, flags[i]);
		cr_expect(sg_is_file(julbrev), "%s: the page is there", flags[i]);
		list = fixture_read(site, "nyhetsbrev/index.html");
		cr_expect(has(list, "Julbrev"), "%s: listed", flags[i]);
		free(list);
		map = fixture_read(site, "sitemap.xml");
		cr_expect(has(map, "/nyhetsbrev/2026-12-julbrev/"), "%s: in the sitemap", flags[i]);
		free(map);
		free(site);
	}
	/* check takes the flag too, and says nothing either way */
	sg_buf log = SG_BUF_INIT;
	cr_expect_eq(run(&log, "check --content %s/content --now 2026-12-04 --build-future", root), 0, "%s",
	             sg_buf_cstr(&log));
	sg_buf_free(&log);
	free(julbrev);
	sg_remove_tree(root);
	free(root);
}

Test(nothing_lost, new_event_on_a_date_is_named_after_its_month)
{
	char *root = fixture_make(letters, 2);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new evenemang 'Vårträff' --date 2027-03-18 --content %s/content", root);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *path = sg_asprintf("%s/content/evenemang/2027-03-vartraff.md", root);
	cr_expect(has(sg_buf_cstr(&log), path), "%s", sg_buf_cstr(&log));
	char *text = fixture_read(root, "content/evenemang/2027-03-vartraff.md");
	cr_expect(has(text, "\nstart: 2027-03-18T09:00\n"), "%s", text);
	cr_expect(has(text, "  # deadline: 2027-03-18\n"), "%s", text);
	free(text);
	/* a date that is none, and --date for an insats: usage errors */
	rc = run(&log, "new evenemang 'X' --date 2027-02-30 --content %s/content", root);
	cr_expect_eq(rc, 2);
	cr_expect(has(sg_buf_cstr(&log), "sofgen new evenemang: --date 2027-02-30: '2027-02-30' is not a date: February "
	                                 "2027 has 28 days\n"),
	          "%s", sg_buf_cstr(&log));
	rc = run(&log, "new insats sjuharad 'X' --date 2027-01-01 --content %s/content", root);
	cr_expect_eq(rc, 2);
	cr_expect(has(sg_buf_cstr(&log), "sofgen new insats: --date is for nyhetsbrev and evenemang (an insats has start "
	                                 "and end)\n"),
	          "%s", sg_buf_cstr(&log));
	free(path);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
}

/* sofgen serve builds again when the day changes (cmd_serve.c: a full session build with
 * the new day); the letter dated that day then appears. */
Test(nothing_lost, serve_shows_a_letter_on_its_day)
{
	char *root = fixture_make(letters, 4);
	char *content = sg_path_join(root, "content"), *out = sg_path_join(root, "served");
	sg_pipeline_opts o = {.content_dir = content, .templates_dir = "templates", .assets_dir = "assets",
	                      .out_dir = out, .write = true, .jobs = 1};
	sg_session *s = sg_session_new(&o, true);
	char *page = sg_path_join(out, "nyhetsbrev/2026-12-julbrev/index.html");
	sg_diags *d = sg_diags_new();
	sg_session_set_now(s, "2026-12-23T23:59");
	cr_assert_eq(sg_session_build(s, d, NULL), SG_RUN_OK);
	cr_expect(!sg_is_file(page), "the evening before: no page");
	sg_session_set_now(s, "2026-12-24T00:00");
	cr_assert_eq(sg_session_build(s, d, NULL), SG_RUN_OK);
	cr_expect(sg_is_file(page), "at midnight the letter is there");
	char *list = fixture_read(out, "nyhetsbrev/index.html");
	cr_expect(has(list, "Julbrev"));
	free(list);
	cr_expect_eq(sg_diags_len(d), 0);
	sg_diags_free(d);
	sg_session_free(s);
	free(page);
	free(out);
	free(content);
	sg_remove_tree(root);
	free(root);
}
