/* Validation into the site model (src/model): the messages editors see. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/model.h"
#include "model/refs.h"
#include "read/content.h"
#include "render/links.h"

typedef struct {
	char *root;
	char *content;
	sg_diags *d;
	sg_site *site;
} built;

static built build(const fixture_file *extra, size_t n, bool drafts)
{
	fixture_file files[16] = {FIXTURE_SITE, FIXTURE_FORBUND};
	for (size_t i = 0; i < n; i++)
		files[2 + i] = extra[i];
	built b;
	b.root = fixture_make(files, n + 2);
	b.content = sg_path_join(b.root, "content");
	b.d = sg_diags_new();
	sg_sources *s = sg_sources_read(b.content, b.d);
	cr_assert_not_null(s);
	sg_build_opts o = {.drafts = drafts};
	b.site = sg_site_build(s, &o, b.d);
	return b;
}

static void done(built *b)
{
	sg_site_free(b->site);
	sg_diags_free(b->d);
	sg_remove_tree(b->root);
	free(b->root);
	free(b->content);
}

Test(model, valid_insats_is_modelled)
{
	fixture_file f[] = {{"insatser/sjuharad/aktiv-halsa.md",
	                     "---\ntitle: Aktiv hälsa\nyear: 2015\narea: individinriktad\ncategory: förberedande\n"
	                     "places:\n  - {municipality: Borås, participants: 20, funds: {forbund: 505.5}}\n"
	                     "  - {participants: 5, funds: {forbund: 10, esf: 2}}\n"
	                     "referral: {open: true, referrers: [Försäkringskassan], vacancies: 3, how: 'Ring *oss*'}\n"
	                     "status: active\nstart: 2015-01-01\nend: 2015-12-31\n---\nText.\n"}};
	built b = build(f, 1, false);
	diags_dump(b.d);
	cr_assert_eq(sg_diags_len(b.d), 0);
	cr_assert_eq(b.site->n_insatser, 1);
	sg_insats *x = b.site->insatser[0];
	cr_assert_str_eq(x->forbund->slug, "sjuharad");
	cr_assert_eq(x->area, SG_AREA_INDIVID);
	cr_assert_str_eq(x->categories[0], "forberedande");
	cr_assert_eq(x->n_places, 2);
	cr_assert_str_eq(x->places[0].member->kommun->slug, "boras");
	cr_assert_null(x->places[1].member);
	cr_assert_float_eq(x->places[0].fig.funds.forbund, 505.5, 1e-9);
	cr_assert_eq(x->referral.vacancies, 3);
	cr_assert_eq(b.site->n_kommuner, 3);
	cr_assert_str_eq(b.site->kommuner[0]->name, "Borås");
	done(&b);
}

Test(model, unknown_kommun_names_the_closest_member)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md",
	                     "---\ntitle: X\nplaces:\n  - municipality: Borrås\n    participants: 3\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 4, 19, "'Borrås' is not a member kommun of Sjuhärads samordningsförbund; did you mean 'Borås'?"));
	done(&b);
}

Test(model, far_off_kommun_lists_the_members)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\nplaces:\n  - municipality: Göteborg\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 4, 19,
	                     "'Göteborg' is not a member kommun of Sjuhärads samordningsförbund (members: Borås, Mark, "
	                     "Svenljunga); leave out 'municipality' for the whole förbund"));
	done(&b);
}

Test(model, wrong_category_for_area)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md",
	                     "---\ntitle: X\narea: individinriktad\ncategory: dialog\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 4, 11,
	                     "'dialog' is a category for strukturövergripande insatser; an individinriktad insats is "
	                     "kartläggning, förberedande, rehabilitering or förebyggande"));
	done(&b);
}

Test(model, unknown_key_warns_with_closest_key)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\nsumary: Kort.\n---\n"}};
	built b = build(f, 1, false);
	cr_assert_eq(sg_diags_errors(b.d), 0);
	cr_assert(diags_have(b.d, 3, 9, "unknown key 'sumary' in an insats is ignored; did you mean 'summary'?"));
	done(&b);
}

Test(model, missing_title_is_an_error)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\nyear: 2015\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 2, 1, "missing 'title': every insats needs a title"));
	done(&b);
}

Test(model, bad_numbers_and_dates)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md",
	                     "---\ntitle: X\nplaces:\n  - municipality: Mark\n    funds:\n      forbund: 1 234,5\n"
	                     "start: 2015-02-30\nstatus: activ\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 6, 16,
	                     "'forbund' must be a number in tkr, not '1 234,5'; write it without spaces and with a "
	                     "decimal point, e.g. 1234.5"));
	cr_assert(diags_have(b.d, 7, 8, "'start': '2015-02-30' is not a date: February 2015 has 28 days"));
	cr_assert(diags_have(b.d, 8, 9, "'status' cannot be 'activ'; did you mean 'active'? (one of active, planned or ended)"));
	done(&b);
}

Test(model, duplicate_insats_across_folders)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\n---\n"},
	                    {"forbund/mark.md", "---\ntitle: Markförbundet\nmembers: [Mark]\n---\n"},
	                    {"insatser/mark/x.md", "---\ntitle: X2\nforbund: sjuharad\n---\n"}};
	built b = build(f, 3, false);
	cr_assert_eq(sg_diags_errors(b.d), 1);
	const sg_diag *e = sg_diags_at(b.d, 0);
	cr_assert(strstr(e->message, "duplicate insats: sjuharad/x is also defined in ") == e->message, "%s", e->message);
	done(&b);
}

Test(model, drafts_are_left_out_unless_asked)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\ndraft: true\n---\n"}};
	built b = build(f, 1, false);
	cr_assert_eq(b.site->n_insatser, 0);
	done(&b);
	b = build(f, 1, true);
	cr_assert_eq(b.site->n_insatser, 1);
	done(&b);
}

Test(model, bad_file_names_and_non_markdown)
{
	fixture_file f[] = {{"insatser/sjuharad/Aktiv Hälsa.md", "---\ntitle: X\n---\n"},
	                    {"insatser/sjuharad/plan.docx", "binary"},
	                    {"insatser/sjuharad/nofm.md", "# Just a heading\n"},
	                    {"insatser/sjuharad/latin1.md", "---\ntitle: Bor\xe5s\n---\n"}};
	built b = build(f, 4, false);
	cr_assert_eq(sg_diags_errors(b.d), 4);
	cr_assert(diags_have(b.d, 1, 1,
	                     "the file name 'Aktiv Hälsa.md' cannot be used in a web address; rename the file to "
	                     "'aktiv-halsa.md' (lowercase a-z, 0-9 and '-'; å ä → a, ö → o)"));
	cr_assert(diags_have(b.d, 1, 1,
	                     "not a content file: files in this folder are Markdown with front matter and end in '.md'"));
	cr_assert(diags_have(b.d, 1, 1,
	                     "no front matter: a content file starts with a line '---', then 'key: value' lines, then '---'"));
	cr_assert(diags_have(b.d, 2, 11, "the file is not valid UTF-8 text; save it as UTF-8 (Unicode)"));
	done(&b);
}

Test(model, crlf_and_bom_work)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "\xEF\xBB\xBF---\r\ntitle: X\r\nyear: 2015\r\n---\r\nText\r\n"}};
	built b = build(f, 1, false);
	cr_assert_eq(sg_diags_len(b.d), 0);
	cr_assert_eq(b.site->n_insatser, 1);
	cr_assert_eq(b.site->insatser[0]->year, 2015);
	done(&b);
}

Test(model, unknown_forbund_suggests)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\nforbund: sjuhard\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 3, 10, "there is no förbund 'sjuhard'; did you mean 'sjuharad'?"));
	done(&b);
}

Test(model, decimal_comma_inside_braces_and_quoted_numbers)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md",
	                     "---\ntitle: X\nyear: \"2015\"\nplaces:\n  - {municipality: Mark, funds: {forbund: 12,5}}\n"
	                     "  - {municipality: Borås, funds: {forbund: \"7.5\"}}\n---\n"}};
	built b = build(f, 1, false);
	cr_assert_eq(sg_diags_errors(b.d), 1);
	cr_assert_eq(sg_diags_warnings(b.d), 0);
	cr_assert(diags_have(b.d, 5, 46,
	                     "',5' looks like the decimals of the amount before it: inside { } a comma separates entries; "
	                     "write amounts with a decimal point, e.g. 12.5"));
	cr_assert_eq(b.site->insatser[0]->year, 2015);
	cr_assert_float_eq(b.site->insatser[0]->places[1].fig.funds.forbund, 7.5, 1e-9);
	done(&b);
}

Test(model, problems_in_unpublished_drafts_are_warnings)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\ndraft: true\nplaces: [{municipality: Boras}, {municipality: Oslo}]\n---\n"}};
	built b = build(f, 1, false);
	cr_assert_eq(sg_diags_errors(b.d), 0);
	/* Boras is taken as Borås with a warning (issue 15), Oslo's error becomes a warning */
	cr_assert_eq(sg_diags_warnings(b.d), 2);
	cr_assert(strstr(sg_diags_at(b.d, 1)->message, "'Oslo' is not a member kommun") != NULL);
	cr_assert(strstr(sg_diags_at(b.d, 1)->message, "(in a draft; fix it before publishing)") != NULL);
	done(&b);
	b = build(f, 1, true);
	cr_assert_eq(sg_diags_errors(b.d), 1, "with --drafts the draft is published, so it is an error");
	done(&b);
}

Test(model, choices_ignore_case_and_swedish_letters)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\narea: Strukturovergripande\ncategory: Dialog\nstatus: Active\n---\n"}};
	built b = build(f, 1, false);
	cr_assert_eq(sg_diags_len(b.d), 0);
	cr_assert_eq(b.site->insatser[0]->area, SG_AREA_STRUKTUR);
	cr_assert_eq(b.site->insatser[0]->status, SG_STATUS_ACTIVE);
	done(&b);
}

Test(model, amounts_beyond_whole_kronor_are_refused)
{
	/* amounts have three decimals (whole kronor), which also keeps them within the 15
	 * digits open data writes exactly */
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\nplaces:\n  - funds:\n      forbund: 0.30000000000000004\n---\n"}};
	built b = build(f, 1, false);
	cr_assert(diags_have(b.d, 5, 16, "'forbund' has more than 3 decimals (0.30000000000000004); amounts are in tkr, so 3 "
	                                 "decimals are whole kronor: write 0.3"));
	done(&b);
}

Test(model, references_between_content_resolve_or_name_the_closest)
{
	fixture_file f[] = {
		{"insatser/sjuharad/aktiv-halsa.md", "---\ntitle: Aktiv hälsa\n---\nSe [Borås](kommun:Borås) och [brevet](nyhetsbrev:brev).\n"},
		{"nyhetsbrev/brev.md", "---\ntitle: Brev\ndate: 2015-02-01\nforbund: sjuharad\n---\n"
		                       "Läs om [Aktiv hälsa](insats:sjuharad/aktiv-halsa) och\n[fel](insats:sjuharad/aktiv-hals).\n"},
	};
	built b = build(f, 2, false);
	cr_assert_eq(sg_diags_errors(b.d), 1);
	cr_assert(diags_have(b.d, 7, 1,
	                     "the link 'insats:sjuharad/aktiv-hals' points at no insats (write insats:<förbund>/<insats>); "
	                     "did you mean 'sjuharad/aktiv-halsa'?"));
	/* the model knows what each reference names; the render stage writes the URLs */
	const sg_markdown *body = b.site->insatser[0]->body;
	size_t kind;
	cr_assert_eq(sg_markdown_n_refs(body), 2);
	cr_assert_eq(sg_markdown_ref(body, 0, &kind), b.site->kommuner[0]);
	cr_assert_eq(kind, SG_REF_KOMMUN);
	cr_assert_eq(sg_markdown_ref(body, 1, &kind), b.site->nyhetsbrev[0]);
	cr_assert_eq(kind, SG_REF_NYHETSBREV);
	cr_assert_eq(sg_markdown_n_refs(b.site->nyhetsbrev[0]->body), 1, "the unknown one is dropped");
	sg_links_write(b.site);
	cr_assert_eq(sg_markdown_n_refs(body), 0);
	sg_buf html = SG_BUF_INIT;
	sg_markdown_render(b.site->insatser[0]->body, &html);
	cr_assert_str_eq(sg_buf_cstr(&html), "<p>Se <a href=\"/kommun/boras/\">Borås</a> och <a href=\"/nyhetsbrev/brev/\">brevet</a>.</p>\n");
	sg_buf_clear(&html);
	sg_markdown_render(b.site->nyhetsbrev[0]->body, &html);
	cr_assert_str_eq(sg_buf_cstr(&html), "<p>Läs om <a href=\"/insats/sjuharad/aktiv-halsa/\">Aktiv hälsa</a> och\nfel.</p>\n");
	sg_buf_free(&html);
	done(&b);
}

/* Dates are digits only: sscanf took "+8", " 3" and "-001" (found by fuzz_content,
 * whose calendar check then failed on the event). */
Test(model, dates_and_times_are_digits_only)
{
	fixture_file f[] = {
		{"evenemang/a.md", "---\ntitle: A\nstart: 2015-03-12T+8:30\n---\n"},
		{"evenemang/b.md", "---\ntitle: B\nstart: \"2015- 3-12\"\n---\n"},
		{"evenemang/c.md", "---\ntitle: C\nstart: 9999-12-31\n---\n"},
		{"evenemang/d.md", "---\ntitle: D\nstart: 2015-03-12T08:30\nend: 2015-03-12T10:-5\n---\n"},
		{"evenemang/e.md", "---\ntitle: E\nstart: 2015-03-12 08:30\nend: 2015-03-12T24:00\n---\n"},
		{"evenemang/ok.md", "---\ntitle: Ok\nstart: 0001-01-01\nend: 9998-12-31\n---\n"},
	};
	built b = build(f, 6, false);
	static const char *const want[] = {
		"'start': '2015-03-12T+8:30' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30",
		"'start': '2015- 3-12' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30",
		"'start': '9999-12-31' is not a date: the year must be between 0001 and 9998",
		"'end': '2015-03-12T10:-5' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30",
		"'end': '2015-03-12T24:00' is not a date and time; write YYYY-MM-DDTHH:MM, e.g. 2015-03-12T08:30",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_expect(diags_have(b.d, i == 3 || i == 4 ? 4 : 3, 6 + (i == 3 || i == 4 ? 0 : 2), want[i]), "%s", want[i]);
	cr_expect_eq(sg_diags_errors(b.d), 5);
	cr_assert_eq(b.site->n_evenemang, 3, "events whose end is wrong keep their start");
	done(&b);
}

Test(model, events_documents_and_forms_are_checked)
{
	fixture_file f[] = {
		{"evenemang/traff.md", "---\ntitle: Träff\nstart: 2015-02-30T08:00\nend: 2015-03-01\n---\n"},
		{"evenemang/ok.md", "---\ntitle: Ok\nstart: 2015-03-12 08:30\nend: 2015-03-12T10:00\nforbund: sjuharad\n"
		                    "registration: {url: https://example.se/anmalan, deadline: 2015-03-01}\n---\n"},
		{"dokument/plan.yaml", "title: Plan\ntype: verksamhetsplan\nyear: 2015\nforbund: sjuharad\nfile: plan.pdf\n"},
		{"blanketter/remiss.yaml", "title: Remiss\nsections:\n  - title: Du\n    fields:\n"
		                           "      - {name: namn, label: Namn, type: text, required: true}\n"
		                           "      - {name: namn, label: Igen, type: txt}\n"
		                           "      - {name: inkomst, label: Inkomst, type: radio, options: [Lön]}\n"
		                           "send_to: Box 1, 123 45 Exempelstad\n"},
		{"insatser/sjuharad/x.md", "---\ntitle: X\nreferral: {open: true, form: remis}\n---\n"},
	};
	built b = build(f, 5, false);
	cr_assert(diags_have(b.d, 3, 8, "'start': '2015-02-30' is not a date: February 2015 has 28 days"));
	char *missing = sg_asprintf("the file 'plan.pdf' is missing: put it beside plan.yaml in %s/dokument", b.content);
	cr_assert(diags_have(b.d, 5, 7, missing));
	free(missing);
	cr_assert(diags_have(b.d, 6, 16, "the field name 'namn' is used twice in this form; names must be unique"));
	cr_assert(diags_have(b.d, 6, 41, "'type' cannot be 'txt'; did you mean 'text'? (one of text, textarea, personnummer, "
	                                 "date, email, tel, select, radio or checkbox)"));
	cr_assert(diags_have(b.d, 7, 9, "a radio field needs 'options': at least two choices"));
	cr_assert(diags_have(b.d, 3, 30, "there is no form 'remis'; did you mean 'remiss'?"));
	cr_assert_eq(sg_diags_errors(b.d), 6);
	cr_assert_eq(b.site->n_evenemang, 1, "the event with a bad start is left out");
	cr_assert_str_eq(b.site->evenemang[0]->start, "2015-03-12T08:30", "a space is read as T");
	cr_assert_str_eq(b.site->evenemang[0]->reg_deadline, "2015-03-01");
	done(&b);
}

/* Content files are parsed on several threads in chunks of 64: the sources and the
 * diagnostics come out in the same order whatever the number of threads. */
Test(model, reading_on_many_threads_gives_the_same_result)
{
	fixture_file base[] = {FIXTURE_SITE, FIXTURE_FORBUND};
	char *root = fixture_make(base, 2);
	char *content = sg_path_join(root, "content");
	size_t good = 0;
	for (int i = 0; i < 300; i++) {
		good += i % 7 != 3 && i % 11 != 5;
		char *path = sg_asprintf("%s/insatser/sjuharad/insats-%03d.md", content, i);
		/* every seventh file has broken YAML, every eleventh no front matter */
		char *text = i % 7 == 3   ? sg_asprintf("---\ntitle: [Insats %d\n---\n", i)
		             : i % 11 == 5 ? sg_asprintf("Insats %d utan front matter\n", i)
		                           : sg_asprintf("---\ntitle: Insats %d\n---\nText %d.\n", i, i);
		char *dir = sg_path_join(content, "insatser/sjuharad");
		cr_assert_eq(sg_mkdirs(dir), 0);
		cr_assert_eq(sg_write_file(path, text, strlen(text)), 0);
		free(dir), free(path), free(text);
	}
	sg_diags *d1 = sg_diags_new();
	sg_sources *s1 = sg_sources_read_on(content, 1, d1);
	cr_assert_gt(sg_diags_errors(d1), 60, "the broken files are reported (%zu)", sg_diags_errors(d1));
	for (size_t i = 1; i < sg_diags_len(d1); i++)
		cr_assert_lt(strcmp(sg_diags_at(d1, i - 1)->file, sg_diags_at(d1, i)->file), 0, "in file order");
	for (int jobs = 2; jobs <= 5; jobs += 3) {
		sg_diags *dn = sg_diags_new();
		sg_sources *sn = sg_sources_read_on(content, jobs, dn);
		cr_assert_eq(sg_sources_count(sn), sg_sources_count(s1));
		for (size_t i = 0; i < sg_sources_count(s1); i++) {
			cr_assert_str_eq(sg_sources_at(sn, i)->path, sg_sources_at(s1, i)->path);
			cr_assert(sg_value_equal(sg_sources_at(sn, i)->meta, sg_sources_at(s1, i)->meta));
			cr_assert_str_eq(sg_sources_at(sn, i)->body, sg_sources_at(s1, i)->body);
		}
		cr_assert_eq(sg_diags_len(dn), sg_diags_len(d1));
		for (size_t i = 0; i < sg_diags_len(d1); i++) {
			const sg_diag *a = sg_diags_at(d1, i), *b = sg_diags_at(dn, i);
			cr_assert_str_eq(b->file, a->file);
			cr_assert_str_eq(b->message, a->message);
			cr_assert_eq(b->line, a->line);
		}
		sg_sources_free(sn);
		sg_diags_free(dn);
	}
	cr_assert_eq(sg_sources_count(s1), 2 + good, "site, förbund and the %zu good insatser", good);
	sg_sources_free(s1);
	sg_diags_free(d1);
	sg_remove_tree(root);
	free(root), free(content);
}

/* Issue 11, item 2: e-mail fields take a plain address only, phones become tel: numbers. */
Test(model, contacts_take_plain_addresses_and_phone_numbers)
{
	fixture_file f[] = {{"insatser/sjuharad/x.md", "---\ntitle: X\ncontact: {name: A, phone: \"+46 (0)33-12 34 56 ankn. 7\", "
	                                               "email: a@b.se}\n---\n"},
	                    {"insatser/sjuharad/y.md", "---\ntitle: Y\ncontact: {phone: 'ring oss', email: \"a@b.se?bcc=c@d.se\"}\n---\n"},
	                    {"insatser/sjuharad/z.md", "---\ntitle: Z\ncontact: {email: inte-en-adress}\n---\n"}};
	built b = build(f, 3, false);
	cr_assert_eq(b.site->n_insatser, 3);
	sg_contact *c = &b.site->insatser[0]->contact;
	cr_expect_str_eq(c->phone, "+46 (0)33-12 34 56 ankn. 7", "shown as written");
	cr_expect_str_eq(c->phone_uri, "+4633123456", "dialled without the trunk 0 and the extension");
	cr_expect_str_eq(c->email, "a@b.se");
	cr_expect_eq(sg_diags_errors(b.d), 3);
	cr_expect(diags_have(b.d, 3, 18,
	                     "'ring oss' is not a phone number: it holds letters: a phone number has only digits, spaces, "
	                     "'-' and '+'; write the number, e.g. 033-12 34 56 or +46 33 12 34 56 (an extension as 'ankn. 123')"));
	cr_expect(diags_have(b.d, 3, 37,
	                     "'a@b.se?bcc=c@d.se' is not an e-mail address: '?' and what follows would add mail headers such "
	                     "as bcc= to the message; write only the address: a@b.se"));
	cr_expect(diags_have(b.d, 3, 18, "'inte-en-adress' is not an e-mail address: there is no '@'; write only the address, "
	                                 "e.g. namn@exempel.se"));
	cr_expect_null(b.site->insatser[1]->contact.phone);
	cr_expect_null(b.site->insatser[1]->contact.email);
	done(&b);
}

/* Issue 11, item 4: base_url is parsed, one error per problem at the value. */
Test(model, base_url_is_parsed_as_an_absolute_base)
{
	fixture_file f[] = {{"site.yaml", "title: T\nbase_url: \"https://example.se/x/../#a\"\naccessibility: {status: helt, "
	                                  "assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"}};
	built b = build(f, 1, false);
	cr_expect_eq(sg_diags_errors(b.d), 2);
	cr_expect(diags_have(b.d, 2, 11, "'base_url' has '.' or '..' as a folder in its path; write the folder the site is "
	                                 "in, e.g. https://example.se/varend/"));
	cr_expect(diags_have(b.d, 2, 11, "'base_url' has a fragment ('#…'); remove it: the address ends with the site's "
	                                 "folder, e.g. https://example.se/ or https://example.se/varend/"));
	cr_expect_null(b.site->info.base_url);
	done(&b);
	fixture_file g[] = {{"site.yaml", "title: T\nbase_url: https://example.se/varend\naccessibility: {status: helt, "
	                                  "assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"}};
	b = build(g, 1, false);
	cr_expect_eq(sg_diags_len(b.d), 0);
	cr_expect_str_eq(b.site->info.base_url, "https://example.se/varend/");
	cr_expect_str_eq(b.site->info.root, "/varend");
	done(&b);
}

/* Issue 13 §2: how old `reviewed` may get (sg_insats_review_due). */
Test(model, review_is_due_after_max_months_and_never_for_an_ended_insats)
{
	sg_insats x = {.start = "2026-01-01", .end = "2027-12-31", .reviewed = "2025-12-04"};
	cr_expect_not(sg_insats_review_due(&x, "2026-12-04", 12), "exactly 12 months: not yet");
	cr_expect(sg_insats_review_due(&x, "2026-12-05", 12), "a day more than 12 months");
	cr_expect(sg_insats_review_due(&x, "2026-12-05T08:00", 12), "--now with a time");
	cr_expect_not(sg_insats_review_due(&x, "2026-12-05", 13));
	cr_expect(sg_insats_review_due(&x, "2026-01-05", 1));
	/* the end of a shorter month: 31 January + 1 month is 28 February (29 in a leap year) */
	x.reviewed = "2026-01-31";
	cr_expect_not(sg_insats_review_due(&x, "2026-02-28", 1));
	cr_expect(sg_insats_review_due(&x, "2026-03-01", 1));
	x.reviewed = "2028-01-31", x.end = "2030-12-31";
	cr_expect_not(sg_insats_review_due(&x, "2028-02-29", 1));
	cr_expect(sg_insats_review_due(&x, "2028-03-01", 1));
	/* over a year's end: 2026-11-20 + 120 months */
	x.reviewed = "2026-11-20", x.end = "2040-12-31";
	cr_expect_not(sg_insats_review_due(&x, "2036-11-20", 120));
	cr_expect(sg_insats_review_due(&x, "2036-11-21", 120));
	/* a month or a year, at that precision */
	x.reviewed = "2026-03";
	cr_expect_not(sg_insats_review_due(&x, "2027-03-31", 12));
	cr_expect(sg_insats_review_due(&x, "2027-04-01", 12));
	x.reviewed = "2026";
	cr_expect_not(sg_insats_review_due(&x, "2027-12-31", 6), "6 months rounds up to a year");
	cr_expect(sg_insats_review_due(&x, "2028-01-01", 6));
	/* a review after today is not due */
	x.reviewed = "2027-01-01";
	cr_expect_not(sg_insats_review_due(&x, "2026-12-04", 12));
	/* missing: due, unless the insats has ended */
	x.reviewed = NULL;
	cr_expect(sg_insats_review_due(&x, "2026-12-04", 12));
	x.end = "2026-12-03";
	cr_expect_not(sg_insats_review_due(&x, "2026-12-04", 12), "ended by its dates");
	x.end = NULL, x.start = NULL, x.status = SG_STATUS_ENDED;
	cr_expect_not(sg_insats_review_due(&x, "2026-12-04", 12), "ended by its status");
	x.reviewed = "2000-01-01";
	cr_expect_not(sg_insats_review_due(&x, "2026-12-04", 12), "an old review of an ended insats");
	x.status = SG_STATUS_NONE;
	cr_expect(sg_insats_review_due(&x, "2026-12-04", 12), "no dates, no status: not known to have ended");
}

Test(model, reviewed_and_review_max_months_are_read_and_checked)
{
	fixture_file f[] = {
		{"site.yaml", "title: T\nbase_url: https://example.se/\nreview_max_months: 6\n"
		              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"},
		{"insatser/sjuharad/a.md", "---\ntitle: A\nreviewed: 2026-11-20\n---\n"},
		{"insatser/sjuharad/b.md", "---\ntitle: B\nreviewed: 20 november\n---\n"},
		{"insatser/sjuharad/c.md", "---\ntitle: C\n---\n"}};
	built b = build(f, 4, false);
	cr_assert_eq(b.site->n_insatser, 3);
	cr_expect_eq(b.site->info.review_max_months, 6);
	cr_expect_str_eq(b.site->insatser[0]->reviewed, "2026-11-20");
	cr_expect_eq(b.site->insatser[0]->reviewed_line, 3);
	cr_expect_eq(b.site->insatser[0]->reviewed_col, 11);
	cr_expect_null(b.site->insatser[1]->reviewed);
	cr_expect_null(b.site->insatser[2]->reviewed);
	cr_expect_eq(sg_diags_errors(b.d), 1);
	cr_expect(diags_have(b.d, 3, 11, "'reviewed': '20 november' is not a date; write YYYY-MM-DD, e.g. 2015-03-01"),
	          "the date's own error");
	done(&b);

	fixture_file g[] = {
		{"site.yaml", "title: T\nbase_url: https://example.se/\nreview_max_months: 121\n"
		              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"}};
	b = build(g, 1, false);
	cr_expect_eq(sg_diags_errors(b.d), 1);
	cr_expect(diags_have(b.d, 3, 20, "'review_max_months' must be between 1 and 120, not 121"));
	cr_expect_eq(b.site->info.review_max_months, 12, "the default after an error");
	done(&b);

	b = build(NULL, 0, false);
	cr_expect_eq(b.site->info.review_max_months, 12, "the default");
	done(&b);
}
