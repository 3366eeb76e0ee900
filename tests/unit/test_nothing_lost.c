/* Issue 15 §3, "nothing lost silently", in the model: keys that belong to the block above
 * them, unknown keys that hold a map or a list, the placeholders `sofgen new` writes, a
 * kommun written without its å/ä/ö, events' addresses from their start, and newsletters
 * dated in the future. The hostile cases in tests/bad/ show the same through the command. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/model.h"
#include "read/content.h"
#include "read/placeholders.h"

typedef struct {
	char *root;
	sg_diags *d;
	sg_site *site;
} built;

/* The base site (site.yaml, the förbund sjuharad) and `extra`, built with opts. */
static built build(const fixture_file *extra, size_t n, sg_build_opts opts)
{
	fixture_file files[16] = {FIXTURE_SITE, FIXTURE_FORBUND};
	for (size_t i = 0; i < n; i++)
		files[2 + i] = extra[i];
	built b;
	b.root = fixture_make(files, n + 2);
	char *content = sg_path_join(b.root, "content");
	b.d = sg_diags_new();
	sg_sources *s = sg_sources_read(content, b.d);
	cr_assert_not_null(s);
	b.site = sg_site_build(s, &opts, b.d);
	free(content);
	return b;
}

static void done(built *b)
{
	sg_site_free(b->site);
	sg_diags_free(b->d);
	sg_remove_tree(b->root);
	free(b->root);
}

/* diags_have, also checking the severity */
static bool have(const sg_diags *d, sg_severity sev, int line, int col, const char *message)
{
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = sg_diags_at(d, i);
		if (x->severity == sev && x->line == line && x->col == col && strcmp(x->message, message) == 0)
			return true;
	}
	return false;
}

#define NOW (sg_build_opts){.now = "2026-12-04"}

Test(nothing_lost, a_key_of_the_block_above_is_an_error_that_says_where_it_belongs)
{
	/* an empty contact: (null) with its keys below it; a member's contact, in a list of
	 * maps; a key after a list of maps belongs to its items */
	fixture_file f[] = {
		{"insatser/sjuharad/x.md", "---\ntitle: X\ncontact:\nphone: 033-35 30 00\nemail: a@example.se\n"
		                           "places:\n  - municipality: Mark\n    funds: {forbund: 1}\nparticipants: 4\n---\n"},
		{"forbund/alpha.md", "---\ntitle: Alfa\nmembers:\n  - name: Borås\n    contact:\n    name: Anna\n---\n"},
	};
	built b = build(f, 2, NOW);
	cr_expect(have(b.d, SG_DIAG_ERROR, 4, 8,
	               "'phone' is not a key of an insats; it looks like it belongs to 'contact:' above — indent it "
	               "under 'contact:'"));
	cr_expect(have(b.d, SG_DIAG_ERROR, 5, 8,
	               "'email' is not a key of an insats; it looks like it belongs to 'contact:' above — indent it "
	               "under 'contact:'"));
	cr_expect(have(b.d, SG_DIAG_ERROR, 9, 15,
	               "'participants' is not a key of an insats; it looks like it belongs to 'places:' above — "
	               "indent it under 'places:'"));
	/* `name` is a key of a member too: it is read as the member's name given twice */
	cr_expect(sg_diags_errors(b.d) >= 3);
	done(&b);
}

Test(nothing_lost, a_key_of_no_block_above_stays_a_warning)
{
	/* 'name' after title (which holds no map) and after budget (whose "*" takes any key) */
	fixture_file f[] = {
		{"insatser/sjuharad/x.md", "---\ntitle: X\nname: Y\n---\n"},
		{"forbund/alpha.md", "---\ntitle: Alfa\nmembers: [Alingsås]\nbudget:\n  2015: {}\nnamn: Alfa\n---\n"},
	};
	built b = build(f, 2, NOW);
	cr_expect(have(b.d, SG_DIAG_WARNING, 3, 7, "unknown key 'name' in an insats is ignored; did you mean 'age'?"));
	cr_expect(have(b.d, SG_DIAG_WARNING, 6, 7, "unknown key 'namn' in a förbund is ignored"),
	          "the budget's '*' row does not claim every key");
	cr_expect_eq(sg_diags_errors(b.d), 0);
	done(&b);
}

Test(nothing_lost, an_unknown_key_holding_a_map_or_list_is_an_error)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md",
	                     "---\ntitle: X\nkontakt: {name: A}\nmålgrupper: [unga]\nreferral:\n  öppen: [ja]\n---\n"}};
	built b = build(f, 1, NOW);
	cr_expect(have(b.d, SG_DIAG_ERROR, 3, 10,
	               "unknown key 'kontakt' in an insats holds a map that would be lost; did you mean 'contact'?"));
	cr_expect(have(b.d, SG_DIAG_ERROR, 4, 13,
	               "unknown key 'målgrupper' in an insats holds a list that would be lost; move what it holds "
	               "under one of the keys of an insats (title, forbund, year, area, category, summary, "
	               "target_groups, age, duration, provider, contact, places, referral, status, reviewed, owner, "
	               "decision, goals, open_to, start, end, draft, image) or remove it"));
	cr_expect(have(b.d, SG_DIAG_ERROR, 6, 10,
	               "unknown key 'öppen' in referral holds a list that would be lost; did you mean 'open'?"));
	done(&b);
}

Test(nothing_lost, every_placeholder_new_writes_is_found_and_nothing_else)
{
	static const sg_source_kind kinds[] = {SG_SRC_INSATS, SG_SRC_NYHETSBREV, SG_SRC_EVENEMANG};
	size_t placeholders = 0;
	for (size_t k = 0; k < 3; k++) {
		const sg_new_line *body = sg_new_body(kinds[k]);
		cr_assert_not_null(body);
		for (size_t i = 0; body[i].text; i++) {
			const char *t = body[i].text;
			const char *found = sg_placeholder_of(kinds[k], t, strlen(t));
			if (body[i].placeholder) {
				placeholders++;
				cr_expect(found == t, "'%s' is a placeholder", t);
				char *spaced = sg_asprintf("  %s \t\r", t);
				cr_expect(sg_placeholder_of(kinds[k], spaced, strlen(spaced)) == t, "'%s' with spaces", t);
				free(spaced);
			} else {
				cr_expect_null(found, "'%s' is kept, not a placeholder", t);
			}
		}
	}
	cr_expect_eq(placeholders, 4 + 4 + 3);
	/* a placeholder of one kind is another kind's text; a sentence that merely starts so is real */
	const char *t = "Vem insatsen vänder sig till.";
	cr_expect_null(sg_placeholder_of(SG_SRC_NYHETSBREV, t, strlen(t)));
	t = "Vem insatsen vänder sig till. Unga vuxna i Borås.";
	cr_expect_null(sg_placeholder_of(SG_SRC_INSATS, t, strlen(t)));
	cr_expect_null(sg_new_body(SG_SRC_SIDA));
}

Test(nothing_lost, a_placeholder_is_an_error_when_published_and_a_warning_in_a_draft)
{
	fixture_file f[] = {
		{"insatser/sjuharad/x.md", "---\ntitle: X\n---\n## Målgrupp\n\nVem insatsen vänder sig till.\n"},
		{"nyhetsbrev/2015-01-a.md", "---\ntitle: A\ndate: 2015-01-01\ndraft: true\n---\n## Första nyheten\n\nText.\n"},
	};
	for (int drafts = 0; drafts < 2; drafts++) {
		built b = build(f, 2, (sg_build_opts){.now = "2026-12-04", .drafts = drafts});
		cr_expect(have(b.d, SG_DIAG_ERROR, 6, 1,
		               "'Vem insatsen vänder sig till.' is placeholder text from sofgen new; replace it with the "
		               "real text or remove it"));
		cr_expect(have(b.d, SG_DIAG_WARNING, 6, 1,
		               "'## Första nyheten' is placeholder text from sofgen new; replace it with the real text or "
		               "remove it (in a draft; fix it before publishing)"),
		          "a draft's placeholder is a warning, also with --drafts (%d)", drafts);
		cr_expect_eq(sg_diags_errors(b.d), 1, "'Text.' alone is not taken for a placeholder");
		done(&b);
	}
}

Test(nothing_lost, a_kommun_without_its_dots_is_taken_with_a_warning)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\nplaces:\n  - municipality: Boras\n"
	                                               "    funds: {forbund: 1}\nopen_to: [Svenljunga, borås]\n---\n"}};
	built b = build(f, 1, NOW);
	cr_expect(have(b.d, SG_DIAG_WARNING, 4, 19,
	               "'Boras' is taken as the member kommun Borås; write its name as it is spelt, 'Borås'"));
	cr_expect_eq(sg_diags_len(b.d), 1, "'borås' (case only) says nothing");
	cr_assert_eq(b.site->n_insatser, 1);
	cr_assert_eq(b.site->insatser[0]->n_places, 1);
	cr_expect_str_eq(b.site->insatser[0]->places[0].member->name, "Borås");
	done(&b);
}

Test(nothing_lost, an_event_address_follows_its_start)
{
	fixture_file f[] = {
		{"evenemang/2026-12-a.md", "---\ntitle: A\nstart: 2027-01-15\n---\nA.\n"},
		{"evenemang/b.md", "---\ntitle: B\nstart: 2027-02-01T09:00\n---\n[A](evenemang:2026-12-a)\n"},
		{"evenemang/2027-03-c.md", "---\ntitle: C\nstart: 2027-03-01\n---\n[B](evenemang:2027-02-b)\n"},
	};
	built b = build(f, 3, NOW);
	cr_expect(have(b.d, SG_DIAG_WARNING, 3, 8,
	               "the file name says 2026-12 but the event starts 2027-01-15; its address is "
	               "/evenemang/2027-01-a/ (from 'start'); rename the file to 2027-01-a.md so the two agree"));
	cr_expect_eq(sg_diags_len(b.d), 1, "references by file name and by address both resolve");
	cr_assert_eq(b.site->n_evenemang, 3);
	const char *want[][2] = {{"2027-01-a", "2026-12-a"}, {"2027-02-b", "b"}, {"2027-03-c", "2027-03-c"}};
	for (size_t i = 0; i < 3; i++) {
		bool seen = false;
		for (size_t k = 0; k < 3; k++)
			seen |= strcmp(b.site->evenemang[k]->slug, want[i][0]) == 0 &&
			        strcmp(b.site->evenemang[k]->file_slug, want[i][1]) == 0;
		cr_expect(seen, "an event %s from the file %s", want[i][0], want[i][1]);
	}
	done(&b);
}

Test(nothing_lost, two_events_with_one_address_are_an_error)
{
	fixture_file f[] = {
		{"evenemang/2026-12-dag.md", "---\ntitle: A\nstart: 2027-01-15\n---\nA.\n"},
		{"evenemang/2027-01-dag.md", "---\ntitle: B\nstart: 2027-01-20\n---\nB.\n"},
	};
	built b = build(f, 2, NOW);
	bool found = false;
	for (size_t i = 0; i < sg_diags_len(b.d); i++) {
		const sg_diag *x = sg_diags_at(b.d, i);
		found |= x->severity == SG_DIAG_ERROR && x->line == 3 && x->col == 8 &&
		         strstr(x->file, "2027-01-dag.md") && strstr(x->message, "2026-12-dag.md both get the address "
		                                                                 "/evenemang/2027-01-dag/ (the month they "
		                                                                 "start and the file name); rename one of "
		                                                                 "the files");
	}
	cr_expect(found, "the second file names the first");
	done(&b);
}

Test(nothing_lost, a_newsletter_is_published_on_its_day)
{
	fixture_file f[] = {
		{"nyhetsbrev/2026-12-a.md", "---\ntitle: A\ndate: 2026-12-04\n---\nA.\n"},
		{"nyhetsbrev/2026-12-b.md", "---\ntitle: B\ndate: 2026-12-05\n---\nB.\n"},
	};
	built b = build(f, 2, NOW);
	cr_assert_eq(b.site->n_nyhetsbrev, 1, "the letter of tomorrow waits");
	cr_expect_str_eq(b.site->nyhetsbrev[0]->slug, "2026-12-a");
	done(&b);
	b = build(f, 2, (sg_build_opts){.now = "2026-12-05T00:00"});
	cr_expect_eq(b.site->n_nyhetsbrev, 2, "on its day it is there");
	done(&b);
	b = build(f, 2, (sg_build_opts){.now = "2026-12-04", .build_future = true});
	cr_expect_eq(b.site->n_nyhetsbrev, 2, "--build-future");
	done(&b);
}
