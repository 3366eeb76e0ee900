/* Integration: `sofgen new` on a small content folder (site.yaml + one förbund): the
 * file name and slug, every field of the type, Swedish comments, today's date, no
 * overwriting, unknown förbund, and that `sofgen check` accepts what it writes.
 * Run from the project root; $SOFGEN names the binary (default build/release/sofgen). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "read/content.h"
#include "read/placeholders.h"
#include "util/buf.h"
#include "util/value.h"




static char *slurp(const char *path)
{
	size_t len;
	char *s = sg_read_file(path, &len, 1 << 26);
	cr_assert_not_null(s, "cannot read %s", path);
	return s;
}

/* A throw-away content folder with site.yaml and the förbund sjuharad (Borås, Mark,
 * Svenljunga); returns the content folder (malloc'd), *root the folder to remove. */
static char *small_site(char **root)
{
	fixture_file files[] = {FIXTURE_SITE, FIXTURE_FORBUND};
	*root = fixture_make(files, 2);
	return sg_path_join(*root, "content");
}

/* Today in Swedish time, as the command computes it. */
static void today(char date[11], int *year)
{
	time_t t = time(NULL);
	struct tm tm;
	setenv("TZ", "Europe/Stockholm", 0);
	tzset();
	localtime_r(&t, &tm);
	strftime(date, 11, "%Y-%m-%d", &tm);
	*year = tm.tm_year + 1900;
}

/* The front matter of a generated file, read with the project's own reader. */
static sg_value *front_matter(const char *path)
{
	sg_source src = {0};
	src.path = sg_strdup(path);
	size_t len;
	char *text = sg_read_file(path, &len, 1 << 20);
	cr_assert_not_null(text);
	sg_diags *d = sg_diags_new();
	int rc = sg_source_parse(&src, text, len, 1, d);
	if (rc != 0)
		diags_dump(d);
	cr_assert_eq(rc, 0, "%s is not a valid content file", path);
	cr_assert_eq(sg_diags_len(d), 0);
	sg_value *meta = sg_value_ref(src.meta);
	free(text);
	sg_diags_free(d);
	sg_source_clear(&src);
	return meta;
}

static void expect_keys(const sg_value *map, const char *const *keys, const char *what)
{
	cr_assert_eq(sg_value_kind_of(map), SG_VAL_MAP, "%s is not a map", what);
	for (size_t i = 0; keys[i]; i++)
		cr_expect(sg_value_get(map, keys[i]) != NULL, "%s lacks '%s'", what, keys[i]);
}

/* `sofgen check` on the folder, with and without --drafts: exit 0 and no errors
 * (warnings, e.g. that a draft insats has no places yet, are fine). */
static void expect_check_passes(const char *content)
{
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "check --content %s", content);
	cr_expect_eq(rc, 0, "check failed:\n%s", sg_buf_cstr(&log));
	cr_expect_not(has(sg_buf_cstr(&log), "error:"), "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "is valid"), "%s", sg_buf_cstr(&log));
	rc = run(&log, "check --drafts --content %s", content);
	cr_expect_eq(rc, 0, "check --drafts failed:\n%s", sg_buf_cstr(&log));
	cr_expect_not(has(sg_buf_cstr(&log), "error:"), "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "is valid"), "%s", sg_buf_cstr(&log));
	sg_buf_free(&log);
}

/* Rewrites a file with every `from` replaced by `to` (test code only). */
static void replace_in_file(const char *path, const char *from, const char *to)
{
	char *s = slurp(path);
	sg_buf out = SG_BUF_INIT;
	const char *p = s, *hit;
	while ((hit = strstr(p, from))) {
		sg_buf_put(&out, p, (size_t)(hit - p));
		sg_buf_puts(&out, to);
		p = hit + strlen(from);
	}
	sg_buf_puts(&out, p);
	cr_assert_eq(sg_write_file(path, out.ptr, out.len), 0);
	sg_buf_free(&out);
	free(s);
}

/* Issue 15: sets draft: false in path and expects `sofgen check` to refuse the
 * placeholder `shown` that `sofgen new` wrote (exit 1, its exact message); then writes
 * real text over every placeholder of the kind, as an editor would. */
static void publish(const char *content, const char *path, sg_source_kind kind, const char *shown)
{
	replace_in_file(path, "draft: true", "draft: false");
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "check --content %s", content);
	cr_expect_eq(rc, 1, "a published placeholder must be an error:\n%s", sg_buf_cstr(&log));
	char *msg = sg_asprintf(": error: '%s' is placeholder text from sofgen new; replace it with the real text or "
	                        "remove it\n", shown);
	cr_expect(has(sg_buf_cstr(&log), msg), "%s", sg_buf_cstr(&log));
	free(msg);
	sg_buf_free(&log);
	for (const sg_new_line *l = sg_new_body(kind); l->text; l++)
		if (l->placeholder)
			replace_in_file(path, l->text, "Riktig text om saken.");
}

Test(new_insats, writes_every_field_with_swedish_comments)
{
	char *root, *content = small_site(&root);
	char date[11], expect[64];
	int year;
	today(date, &year);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new insats sjuharad 'Åter i arbete – väg ut ÅÄÖ' --content %s", content);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *path = sg_asprintf("%s/insatser/sjuharad/ater-i-arbete-vag-ut-aao.md", content);
	cr_assert(sg_is_file(path), "not written: %s\n%s", path, sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), path), "the path is printed: %s", sg_buf_cstr(&log));

	sg_value *meta = front_matter(path);
	static const char *const keys[] = {"title", "forbund", "year", "area", "category", "summary", "target_groups",
	                                   "age", "duration", "provider", "contact", "places", "referral", "status",
	                                   "start", "end", "reviewed", "draft", NULL};
	expect_keys(meta, keys, "the insats");
	static const char *const age[] = {"min", "max", NULL}, *const provider[] = {"name", "orgnr", NULL},
	                         *const contact[] = {"name", "phone", "email", NULL},
	                         *const referral[] = {"open", "referrers", "vacancies", "how", "form", NULL};
	expect_keys(sg_value_get(meta, "age"), age, "age");
	expect_keys(sg_value_get(meta, "provider"), provider, "provider");
	expect_keys(sg_value_get(meta, "contact"), contact, "contact");
	expect_keys(sg_value_get(meta, "referral"), referral, "referral");
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "title"), NULL), "Åter i arbete – väg ut ÅÄÖ");
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "forbund"), NULL), "sjuharad");
	cr_expect_eq(sg_value_as_number(sg_value_get(meta, "year")), (double)year);
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "start"), NULL), date);
	snprintf(expect, sizeof expect, "%d-12-31", year);
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "end"), NULL), expect);
	/* reviewed today, so that a new insats does not start with a check warning */
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "reviewed"), NULL), date);
	cr_expect_eq(sg_value_kind_of(sg_value_get(meta, "draft")), SG_VAL_BOOL);
	cr_expect(sg_value_as_bool(sg_value_get(meta, "draft")), "a new file is a draft");
	sg_value_unref(meta);

	char *text = slurp(path);
	/* the comments explain the fields and their values, in Swedish */
	cr_expect(has(text, "# SUS-område: individinriktad eller strukturövergripande"));
	cr_expect(has(text, "kartläggning, förberedande, rehabilitering eller\n# förebyggande"));
	cr_expect(has(text, "kartläggning, utbildning eller dialog"));
	cr_expect(has(text, "medel i tkr"));
	cr_expect(has(text, "Decimaler skrivs med punkt, t.ex. 12.5"));
	cr_expect(has(text, "# Remiss: open = om insatsen tar emot remisser nu"));
	cr_expect(has(text, "# Status: planned (planerad), active (pågående) eller ended (avslutad)"));
	cr_expect(has(text, "# Start- och slutdatum, ÅÅÅÅ-MM-DD"));
	cr_expect(has(text, "# Utkast: true betyder att filen inte publiceras"));
	cr_expect(has(text, "# Senast granskad: den dag någon senast stämde av uppgifterna med insatsen"));
	/* the förbund's member kommuner as commented example places */
	cr_expect(has(text, "  # Medlemskommunerna i Sjuhärads samordningsförbund:\n"));
	const char *kommuner[] = {"Borås", "Mark", "Svenljunga"};
	for (size_t i = 0; i < 3; i++) {
		char *line = sg_asprintf("  # - municipality: %s\n  #   participants: 0\n"
		                         "  #   funds: {forbund: 0.0, cofunding: 0, esf: 0}\n",
		                         kommuner[i]);
		cr_expect(has(text, line), "no example place for %s", kommuner[i]);
		free(line);
	}
	cr_expect(has(text, "\n---\n\n## Vad är det?\n"), "a body with ## headings");
	cr_expect(has(text, "\n## Målgrupp\n"));
	free(text);

	expect_check_passes(content);
	/* still valid once published, with the example places and real text taken in */
	publish(content, path, SG_SRC_INSATS, "Vem insatsen vänder sig till.");
	replace_in_file(path, "  # - municipality: Mark\n  #   participants: 0\n  #   funds: {forbund: 0.0,",
	                "  - municipality: Mark\n    participants: 12\n    funds: {forbund: 250.5,");
	replace_in_file(path, "  # - participants: 0\n  #   funds: {forbund: 0.0,", "  - participants: 5\n    funds: {forbund: 80,");
	meta = front_matter(path);
	cr_expect_eq(sg_value_count(sg_value_get(meta, "places")), 2);
	sg_value_unref(meta);
	expect_check_passes(content);
	/* published, it is checked like any insats: no warning that nobody has reviewed it */
	cr_expect_eq(run(&log, "check --content %s", content), 0);
	cr_expect_not(has(sg_buf_cstr(&log), "'reviewed'"), "%s", sg_buf_cstr(&log));
	cr_expect_not(has(sg_buf_cstr(&log), "reviewed on"), "%s", sg_buf_cstr(&log));

	free(path);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

/* Issue 12: the förbund is read by the model, as `sofgen check` reads it: members written
 * as plain names ("members: [Borås, Mark]") are the kommuner of the example places, not
 * a placeholder. */
Test(new_insats, members_as_plain_names_are_the_example_places)
{
	fixture_file files[] = {FIXTURE_SITE,
	                        {"forbund/sjuharad.md", "---\ntitle: Sjuhärads samordningsförbund\nmembers: [Borås, Mark]\n---\n"}};
	char *root = fixture_make(files, 2);
	char *content = sg_path_join(root, "content");
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new insats sjuharad 'Steg framåt' --content %s", content);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *path = sg_asprintf("%s/insatser/sjuharad/steg-framat.md", content);
	char *text = slurp(path);
	cr_expect(has(text, "  # Medlemskommunerna i Sjuhärads samordningsförbund:\n"), "%s", text);
	cr_expect(has(text, "  # - municipality: Borås\n  #   participants: 0\n"), "%s", text);
	cr_expect(has(text, "  # - municipality: Mark\n  #   participants: 0\n"), "%s", text);
	cr_expect_not(has(text, "Kommunens namn"), "no placeholder: %s", text);
	free(text);
	/* and check accepts the kommun once the example place is taken in */
	publish(content, path, SG_SRC_INSATS, "Beskriv kort vad insatsen är och vem som driver den.");
	replace_in_file(path, "  # - municipality: Mark\n  #   participants: 0\n  #   funds: {forbund: 0.0,",
	                "  - municipality: Mark\n    participants: 3\n    funds: {forbund: 10,");
	expect_check_passes(content);
	free(path);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

Test(new_insats, title_with_quotes_colon_and_hash_is_quoted_safely)
{
	char *root, *content = small_site(&root);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new insats sjuharad 'Möte: \"Vad händer?\" #1 \\ slut' --content %s", content);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *path = sg_asprintf("%s/insatser/sjuharad/mote-vad-hander-1-slut.md", content);
	sg_value *meta = front_matter(path);
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "title"), NULL), "Möte: \"Vad händer?\" #1 \\ slut");
	sg_value_unref(meta);
	expect_check_passes(content);
	free(path);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

Test(new_nyhetsbrev, dated_file_name_and_every_field)
{
	char *root, *content = small_site(&root);
	char date[11];
	int year;
	today(date, &year);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new nyhetsbrev 'Nytt från förbundet i vår' --forbund sjuharad --content %s", content);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *path = sg_asprintf("%s/nyhetsbrev/%.7s-nytt-fran-forbundet-i-var.md", content, date);
	cr_assert(sg_is_file(path), "not written: %s\n%s", path, sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), path));

	sg_value *meta = front_matter(path);
	static const char *const keys[] = {"title", "date", "forbund", "summary", "draft", NULL};
	expect_keys(meta, keys, "the newsletter");
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "title"), NULL), "Nytt från förbundet i vår");
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "date"), NULL), date);
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "forbund"), NULL), "sjuharad");
	cr_expect(sg_value_as_bool(sg_value_get(meta, "draft")));
	sg_value_unref(meta);
	char *text = slurp(path);
	cr_expect(has(text, "# Publiceringsdag, ÅÅÅÅ-MM-DD (krävs)"));
	cr_expect(has(text, "# En eller två meningar som visas i listor och flöden"));
	cr_expect(has(text, "\n## "));
	free(text);

	expect_check_passes(content);
	publish(content, path, SG_SRC_NYHETSBREV, "## Första nyheten");
	expect_check_passes(content);

	/* without --forbund the field is there, empty */
	rc = run(&log, "new nyhetsbrev 'Utan förbund' --content %s", content);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	free(path);
	path = sg_asprintf("%s/nyhetsbrev/%.7s-utan-forbund.md", content, date);
	meta = front_matter(path);
	expect_keys(meta, keys, "the newsletter");
	cr_expect_eq(sg_value_kind_of(sg_value_get(meta, "forbund")), SG_VAL_NULL);
	sg_value_unref(meta);
	expect_check_passes(content);

	free(path);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

Test(new_evenemang, starts_today_at_nine_with_every_field)
{
	char *root, *content = small_site(&root);
	char date[11], start[32];
	int year;
	today(date, &year);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new evenemang 'Träff för alla i Borås' --forbund sjuharad --content %s", content);
	cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
	char *path = sg_asprintf("%s/evenemang/%.7s-traff-for-alla-i-boras.md", content, date);
	cr_assert(sg_is_file(path), "not written: %s\n%s", path, sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), path));

	sg_value *meta = front_matter(path);
	static const char *const keys[] = {"title", "start", "end", "location", "forbund", "audience",
	                                   "registration", "draft", NULL};
	expect_keys(meta, keys, "the event");
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "title"), NULL), "Träff för alla i Borås");
	snprintf(start, sizeof start, "%sT09:00", date);
	cr_expect_str_eq(sg_value_as_string(sg_value_get(meta, "start"), NULL), start);
	cr_expect(sg_value_as_bool(sg_value_get(meta, "draft")));
	sg_value_unref(meta);
	char *text = slurp(path);
	cr_expect(has(text, "# När det börjar (krävs): ÅÅÅÅ-MM-DDTHH:MM i svensk tid"));
	cr_expect(has(text, "# Anmälan: url = webbformulär"));
	cr_expect(has(text, "  # url: https://"));
	cr_expect(has(text, "  # email: "));
	char *deadline = sg_asprintf("  # deadline: %s\n", date);
	cr_expect(has(text, deadline));
	free(deadline);
	cr_expect(has(text, "\n## Program\n"));
	free(text);

	expect_check_passes(content);
	/* published, with a registration form and real text taken in */
	publish(content, path, SG_SRC_EVENEMANG, "- 09.15 Första punkten");
	replace_in_file(path, "  # url:", "  url:");
	replace_in_file(path, "  # deadline:", "  deadline:");
	expect_check_passes(content);

	free(path);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

Test(new, refuses_to_overwrite)
{
	char *root, *content = small_site(&root);
	sg_buf log = SG_BUF_INIT;
	const char *cmds[][2] = {
		{"insats sjuharad 'Gröna vägen'", "insatser/sjuharad/grona-vagen.md"},
		{"evenemang 'Gröna vägen'", "evenemang/%.7s-grona-vagen.md"},
	};
	char date[11];
	int year;
	today(date, &year);
	for (size_t i = 0; i < 2; i++) {
		int rc = run(&log, "new %s --content %s", cmds[i][0], content);
		cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
		char *rel = sg_asprintf(cmds[i][1], date);
		char *path = sg_path_join(content, rel);
		free(rel);
		static const char mine[] = "---\ntitle: Mitt eget\n---\nRedigerad text.\n";
		cr_assert_eq(sg_write_file(path, mine, strlen(mine)), 0);
		rc = run(&log, "new %s --content %s", cmds[i][0], content);
		cr_expect_eq(rc, 1, "%s", sg_buf_cstr(&log));
		cr_expect(has(sg_buf_cstr(&log), path), "the message names the file: %s", sg_buf_cstr(&log));
		cr_expect(has(sg_buf_cstr(&log), "already exists"), "%s", sg_buf_cstr(&log));
		char *now = slurp(path);
		cr_expect_str_eq(now, mine, "the file is unchanged");
		free(now);
		free(path);
	}
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

Test(new, unknown_forbund_names_the_closest)
{
	char *root, *content = small_site(&root);
	sg_buf log = SG_BUF_INIT;
	int rc = run(&log, "new insats sjuhard 'Ny insats' --content %s", content);
	cr_expect_eq(rc, 1, "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "there is no förbund 'sjuhard'"), "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "did you mean 'sjuharad'?"), "%s", sg_buf_cstr(&log));
	char *dir = sg_path_join(content, "insatser");
	cr_expect_not(sg_exists(dir), "nothing is written");
	free(dir);

	rc = run(&log, "new nyhetsbrev 'Brev' --forbund sjuharat --content %s", content);
	cr_expect_eq(rc, 1, "%s", sg_buf_cstr(&log));
	cr_expect(has(sg_buf_cstr(&log), "did you mean 'sjuharad'?"), "%s", sg_buf_cstr(&log));
	dir = sg_path_join(content, "nyhetsbrev");
	cr_expect_not(sg_exists(dir), "nothing is written");
	free(dir);

	rc = run(&log, "new insats ../forbund/sjuharad 'Ny insats' --content %s", content);
	cr_expect_eq(rc, 1, "a path is not a förbund: %s", sg_buf_cstr(&log));
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

Test(new, usage_errors_exit_2)
{
	char *root, *content = small_site(&root);
	sg_buf log = SG_BUF_INIT;
	const char *bad[] = {
		"new",                                       /* no kind */
		"new insatser sjuharad X --content %s",      /* unknown kind */
		"new insats sjuharad --content %s",          /* no title */
		"new nyhetsbrev --content %s",               /* no title */
		"new nyhetsbrev A B --content %s",           /* one title only */
		"new evenemang X --plats Borås --content %s", /* unknown option */
		"new evenemang X --content",                 /* option without value */
		"new evenemang '  ' --content %s",           /* empty title */
		"new evenemang '!?!' --content %s",          /* nothing to make a slug of */
		"new insats sjuharad X --forbund sjuharad --content %s",
		"new evenemang X --content %s/nowhere",      /* not a content folder */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *args = sg_asprintf(bad[i], content);
		int rc = run(&log, "%s", args);
		cr_expect_eq(rc, 2, "'%s' exited %d:\n%s", args, rc, sg_buf_cstr(&log));
		free(args);
	}
	cr_expect(has(sg_buf_cstr(&log), "site.yaml"), "%s", sg_buf_cstr(&log));
	int rc = run(&log, "new insatser sjuharad X --content %s", content);
	cr_expect(has(sg_buf_cstr(&log), "did you mean 'insats'?"), "%s", sg_buf_cstr(&log));
	cr_expect_eq(rc, 2);
	char *dir = sg_path_join(content, "evenemang");
	cr_expect_not(sg_exists(dir), "nothing is written");
	free(dir);
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}

/* The date in Europe/Stockholm at the instant t, from the tz database. */
static void stockholm_date(time_t t, char date[11])
{
	char *old = getenv("TZ") ? sg_strdup(getenv("TZ")) : NULL;
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(date, 11, "%Y-%m-%d", &tm);
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}

/* The caller's TZ does not change the date: 14 hours ahead of UTC and 12 behind, one of
 * which is on another day than Stockholm at any moment, and New York. */
Test(new, dates_are_swedish_whatever_tz_says)
{
	char *root, *content = small_site(&root);
	sg_buf log = SG_BUF_INIT;
	static const char *const zones[] = {"Etc/GMT-14", "Etc/GMT+12", "America/New_York"};
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
		setenv("TZ", zones[i], 1);
		char before[11], after[11];
		stockholm_date(time(NULL), before);
		char *title = sg_asprintf("Brev %zu", i);
		int rc = run(&log, "new nyhetsbrev '%s' --content %s", title, content);
		stockholm_date(time(NULL), after);
		cr_assert_eq(rc, 0, "%s", sg_buf_cstr(&log));
		char *path = NULL;
		for (int k = 0; k < 2 && !path; k++) { /* midnight may pass while it runs */
			char *p = sg_asprintf("%s/nyhetsbrev/%.7s-brev-%zu.md", content, k ? after : before, i);
			if (sg_is_file(p))
				path = p;
			else
				free(p);
		}
		cr_assert_not_null(path, "TZ=%s: no file for the month in Stockholm (%s): %s", zones[i], before,
		                   sg_buf_cstr(&log));
		sg_value *meta = front_matter(path);
		const char *date = sg_value_as_string(sg_value_get(meta, "date"), NULL);
		cr_expect(strcmp(date, before) == 0 || strcmp(date, after) == 0, "TZ=%s: date %s, in Stockholm %s",
		          zones[i], date, before);
		sg_value_unref(meta);
		free(path);
		free(title);
	}
	unsetenv("TZ");
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
}
