/* Integration (issue 18): the example site's verksamhetsplan pages against the seeds' own
 * tables. The expected numbers are copied from the seeds (cited by file and line) so the
 * repository needs nothing outside it; where the content splits or adds to a seed row, the
 * comment says how. Run from the project root. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../support/run.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"

static char *out_dir;

static void build_example(void)
{
	char tmpl[] = "/tmp/sofgen-vplan-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	out_dir = sg_asprintf("%s/site", tmpl);
	char *cmd = sg_asprintf("%s build --now 2026-12-04 --out %s >/dev/null 2>&1", sofgen(), out_dir);
	int st = system(cmd);
	free(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the example site must build");
}

static void remove_example(void)
{
	char *root = sg_strdup(out_dir);
	*strrchr(root, '/') = '\0';
	sg_remove_tree(root);
	free(root);
	free(out_dir);
}

static char *plan_page(const char *forbund, int year)
{
	char *path = sg_asprintf("%s/forbund/%s/verksamhetsplan/%d/index.html", out_dir, forbund, year);
	size_t len;
	char *html = sg_read_file(path, &len, 1 << 24);
	cr_assert_not_null(html, "no plan page %s", path);
	free(path);
	return html;
}

/* The text of one table row from `p` (at "<tr"): its cells joined with '|', tags stripped,
 * no-break spaces as plain spaces ("|Borås|80|…|"); *next set past the row. */
static char *row_text(const char *p, const char **next)
{
	const char *end = strstr(p, "</tr>");
	cr_assert_not_null(end);
	sg_buf row = SG_BUF_INIT;
	bool in_tag = false;
	for (const char *q = strchr(p, '>') + 1; q < end; q++) {
		if (*q == '<') {
			in_tag = true;
			if (strncmp(q, "<td", 3) == 0 || strncmp(q, "<th", 3) == 0)
				sg_buf_putc(&row, '|');
		} else if (*q == '>')
			in_tag = false;
		else if (!in_tag) {
			if ((unsigned char)q[0] == 0xC2 && (unsigned char)q[1] == 0xA0) {
				sg_buf_putc(&row, ' ');
				q++;
			} else if (strncmp(q, "&amp;", 5) == 0) {
				sg_buf_putc(&row, '&');
				q += 4;
			} else
				sg_buf_putc(&row, *q);
		}
	}
	sg_buf_putc(&row, '|');
	*next = end + 5;
	return sg_buf_detach(&row);
}

/* The body rows of the table of the insats titled `title` (as the page escapes it), each as
 * row_text gives it, joined with '\n' (malloc'd); NULL when the page has no such insats. */
static char *insats_table(const char *html, const char *title)
{
	char *head = sg_asprintf("\">%s</a></h5>", title);
	const char *p = strstr(html, head);
	free(head);
	if (!p)
		return NULL;
	const char *body = strstr(p, "<tbody>"), *end = strstr(p, "</tbody>");
	sg_buf out = SG_BUF_INIT;
	for (const char *r = body; (r = strstr(r, "<tr>")) && r < end;) {
		char *t = row_text(r, &r);
		sg_buf_printf(&out, "%s%s", out.len ? "\n" : "", t);
		free(t);
	}
	return sg_buf_detach(&out);
}

/* The first row after `from` whose header cell is `label` (row_text's form), or NULL. */
static char *row_after(const char *html, const char *from, const char *label)
{
	const char *p = strstr(html, from);
	cr_assert_not_null(p, "no %s", from);
	char *head = sg_asprintf("|%s|", label);
	while ((p = strstr(p, "<tr"))) {
		char *t = row_text(p, &p);
		if (strncmp(t, head, strlen(head)) == 0) {
			free(head);
			return t;
		}
		free(t);
	}
	free(head);
	return NULL;
}

/* Seed 001_8166f3e01140d3c5.txt (Sjuhärads verksamhetsplan 2015), section 4: every insats
 * table ("Plats Antal deltagare Förbundsmedel, tkr"), with the seed's line numbers. Columns
 * here: place, participants, målgrupp (from the content), förbundsmedel, medfinansiering, ESF,
 * summa; the seed has no medfinansiering or ESF in 2015, so both are 0. */
static const struct {
	const char *insats;
	const char *rows; /* row_text of each row, '\n' between */
} sjuharad_2015[] = {
	/* rad 477–493 */
	{"Aktiv hälsa", "|Bollebygd|20|långvarigt inaktiva, risk för utanförskap|75|0|0|75|\n"
	                "|Borås|80|långvarigt inaktiva, risk för utanförskap|300|0|0|300|\n"
	                "|Herrljunga|20|långvarigt inaktiva, risk för utanförskap|75|0|0|75|\n"
	                "|Mark|50|långvarigt inaktiva, risk för utanförskap|175|0|0|175|\n"
	                "|Svenljunga|20|långvarigt inaktiva, risk för utanförskap|75|0|0|75|\n"
	                "|Tranemo|20|långvarigt inaktiva, risk för utanförskap|75|0|0|75|\n"
	                "|Ulricehamn|40|långvarigt inaktiva, risk för utanförskap|150|0|0|150|\n"
	                "|Vårgårda|20|långvarigt inaktiva, risk för utanförskap|75|0|0|75|"},
	/* rad 505–507: "SJUHÄRAD 25 400" */
	{"Transnationell praktik", "|Hela förbundet|25|"},
	/* rad 601–616, the table of "Rehabilitering till arbete": one row per kommun and insats */
	{"Preaktiv Krut", "|Bollebygd|18|låg aktivitetsförmåga|430|0|0|430|\n"
	                  "|Herrljunga|20|låg aktivitetsförmåga|471|0|0|471|\n"
	                  "|Ulricehamn|50|låg aktivitetsförmåga|1 211|0|0|1 211|\n"
	                  "|Vårgårda|25|låg aktivitetsförmåga|578|0|0|578|"},
	{"Gröna vägen", "|Borås|50|stressrelaterad ohälsa|1 200|0|0|1 200|"},
	{"Första steget", "|Borås|50|sjukskrivna, försörjningsstöd|1 150|0|0|1 150|"},
	{"K Plus", "|Borås|30|unga, aktivitetsersättning|1 150|0|0|1 150|"},
	{"K20", "|Borås|60|unga|1 150|0|0|1 150|"},
	{"Unga vägval", "|Borås|40|"},
	{"ATLAS", "|Mark|80|uppgift saknas|1 797|0|0|1 797|"},
	{"Vintage som socialt företag", "|Svenljunga|20|"},
	{"Byggstenen", "|Tranemo|24|uppgift saknas|607|0|0|607|"},
	/* rad 642–644: "BORÅS 250 171" */
	{"Framsteget", "|Borås|250|"},
	/* rad 658–664: one row "BORÅS och MARK 18 500"; the content splits it by the kommun
	 * totals of section 6: 14 + 4 = 18 deltagare, 396 + 104 = 500 tkr */
	{"Praktikplacering hos sociala företag", "|Borås|14|"},
	/* rad 773–775: "SJUHÄRAD 200 100" (see the insats file's comment) */
	{"Samordningsförbundets dag i Sjuhärad", "|Hela förbundet|200|"},
};

/* The amounts (förbundsmedel) of the same tables that the rows above leave to a check of
 * their own: "|place|participants|…|förbundsmedel|" prefix-free checks. */
static const struct {
	const char *insats, *place;
	const char *forbund; /* as printed */
} sjuharad_2015_amounts[] = {
	{"Transnationell praktik", "Hela förbundet", "400"},
	{"Unga vägval", "Borås", "600"},
	{"Vintage som socialt företag", "Svenljunga", "532"},
	{"Framsteget", "Borås", "171"},
	{"Praktikplacering hos sociala företag", "Borås", "396"},
	{"Praktikplacering hos sociala företag", "Mark", "104"},
	{"Samordningsförbundets dag i Sjuhärad", "Hela förbundet", "100"},
	/* rad 797–799 and 711: "Sjuhärad 30 400", stöd till sociala företag */
	{"Stöd till sociala företag", "Hela förbundet", "400"},
};

/* The cells of the row of `place` in the insats' table (row_text's form), or NULL. */
static char *place_row(const char *html, const char *insats, const char *place)
{
	char *t = insats_table(html, insats);
	if (!t)
		return NULL;
	char *head = sg_asprintf("|%s|", place);
	char *found = NULL;
	for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n"))
		if (strncmp(line, head, strlen(head)) == 0) {
			found = sg_strdup(line);
			break;
		}
	free(head);
	free(t);
	return found;
}

/* The n-th cell (1-based: 1 is the place) of a row_text row (malloc'd). */
static char *cell(const char *row, int n)
{
	const char *p = row;
	for (int i = 1; i < n; i++)
		p = strchr(p + 1, '|');
	const char *e = strchr(p + 1, '|');
	return sg_strndup(p + 1, (size_t)(e - p - 1));
}

Test(verksamhetsplan, sjuharad_2015_matches_the_seeds_insats_tables, .init = build_example, .fini = remove_example,
     .timeout = 60)
{
	char *html = plan_page("sjuharad", 2015);
	for (size_t i = 0; i < sizeof sjuharad_2015 / sizeof *sjuharad_2015; i++) {
		char *t = insats_table(html, sjuharad_2015[i].insats);
		cr_assert_not_null(t, "no table for %s", sjuharad_2015[i].insats);
		cr_expect(strncmp(t, sjuharad_2015[i].rows, strlen(sjuharad_2015[i].rows)) == 0, "%s:\n%s\nwant\n%s",
		          sjuharad_2015[i].insats, t, sjuharad_2015[i].rows);
		free(t);
	}
	for (size_t i = 0; i < sizeof sjuharad_2015_amounts / sizeof *sjuharad_2015_amounts; i++) {
		char *row = place_row(html, sjuharad_2015_amounts[i].insats, sjuharad_2015_amounts[i].place);
		cr_assert_not_null(row, "%s: no row for %s", sjuharad_2015_amounts[i].insats, sjuharad_2015_amounts[i].place);
		char *f = cell(row, 4), *total = cell(row, 7);
		cr_expect_str_eq(f, sjuharad_2015_amounts[i].forbund, "%s", row);
		cr_expect_str_eq(total, sjuharad_2015_amounts[i].forbund, "no ESF in 2015: summa = förbundsmedel (%s)", row);
		free(f);
		free(total);
		free(row);
	}
	/* an insats the plan gives no figures for shows them as missing, never as 0 */
	char *lut = place_row(html, "Lokala uppdragsteam", "Hela förbundet");
	cr_assert_not_null(lut);
	cr_expect_not_null(strstr(lut, "|uppgift saknas|"), "%s", lut);
	cr_expect_null(strstr(lut, "|0|"), "%s", lut);
	free(lut);
	/* the order of the seeds: sections, insatser, sammanställning, finansieringsplan, budget */
	const char *order[] = {"id=\"innehall\"", "id=\"avsnitt-1\"", "id=\"insatser\"", "id=\"sammanstallning\"",
	                       "id=\"finansiering\"", "id=\"budget\""};
	const char *prev = html;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		const char *at = strstr(html, order[i]);
		cr_assert_not_null(at, "no %s", order[i]);
		cr_expect(at > prev, "%s comes after the part before it", order[i]);
		prev = at;
	}
	/* individinriktade before strukturövergripande, each by SUS category */
	const char *ind = strstr(html, ">Individinriktade insatser</h3>"), *str = strstr(html, ">Strukturövergripande insatser</h3>");
	cr_expect(ind && str && ind < str);
	free(html);
}

/* Seed 001, "6. EKONOMISK SAMMANSTÄLLNING" (rad 871–895) and FINANSIERINGSPLAN (rad 899–955):
 * förbundsmedel per kommun, ESF 0, summa; then the members' shares. */
Test(verksamhetsplan, sjuharad_2015_matches_the_seeds_ekonomisk_sammanstallning, .init = build_example,
     .fini = remove_example, .timeout = 60)
{
	char *html = plan_page("sjuharad", 2015);
	static const struct {
		const char *label, *cells;
	} want[] = {
		{"Bollebygd", "|505|0|505|"},       {"Borås", "|6 117|0|6 117|"},     {"Herrljunga", "|546|0|546|"},
		{"Mark", "|2 076|0|2 076|"},        {"Svenljunga", "|607|0|607|"},    {"Tranemo", "|682|0|682|"},
		{"Ulricehamn", "|1 361|0|1 361|"},  {"Vårgårda", "|653|0|653|"},
		{"Hela förbundet (individinriktade)", "|400|0|400|"}, {"Strukturövergripande", "|500|0|500|"},
		{"Overheadkostnader styrning, admin. mm", "|2 205|0|2 205|"},
		{"Presumtiva projekt, främst Sjuhärad gemensamt", "|1 000|0|1 000|"},
		{"Summa", "|16 652|0|16 652|"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		char *row = row_after(html, "id=\"sammanstallning\"", want[i].label);
		cr_assert_not_null(row, "no row for %s", want[i].label);
		cr_expect_not_null(strstr(row, want[i].cells), "%s: %s, want %s", want[i].label, row, want[i].cells);
		free(row);
	}
	static const struct {
		const char *party, *cells;
	} fin[] = {
		{"Försäkringskassan", "|25 %|3 817,5|"}, {"Arbetsförmedlingen", "|25 %|3 817,5|"},
		{"Västra Götalandsregionen", "|25 %|3 817,5|"}, {"Bollebygd", "|1 %|153,8|"},
		{"Borås", "|12 %|1 893,5|"}, {"Herrljunga", "|1 %|166|"}, {"Mark", "|4 %|602,5|"},
		{"Svenljunga", "|1 %|184,1|"}, {"Tranemo", "|1 %|206,3|"}, {"Ulricehamn", "|3 %|414,1|"},
		{"Vårgårda", "|1 %|197,2|"}, {"Ianspråktaget eget kapital", "|1 382|"},
		{"Summa finansiering", "|16 652|"},
	};
	for (size_t i = 0; i < sizeof fin / sizeof *fin; i++) {
		char *row = row_after(html, "id=\"finansiering\"", fin[i].party);
		cr_assert_not_null(row, "no financing row for %s", fin[i].party);
		cr_expect_not_null(strstr(row, fin[i].cells), "%s: %s, want %s", fin[i].party, row, fin[i].cells);
		free(row);
	}
	/* the multi-year budget: 2015 to 2017, only 2015 with costs (rad 951–955) */
	char *y = row_after(html, "id=\"budget\"", "2015");
	cr_expect(y && strstr(y, "|13 447|3 205|16 652|0|"), "%s", y);
	free(y);
	y = row_after(html, "id=\"budget\"", "2017");
	cr_expect(y && strstr(y, "|uppgift saknas|uppgift saknas|uppgift saknas|"), "%s", y);
	free(y);
	/* the förbund's own sections from content/planer/sjuharad/2015.md, in the table of contents */
	cr_expect_not_null(strstr(html, "<a href=\"#avsnitt-2\">Grundläggande förutsättningar</a>"));
	cr_expect_not_null(strstr(html, "<h2 id=\"avsnitt-2\">Grundläggande förutsättningar</h2>"));
	free(html);
}

/* Seed 003_6dbb79869b110d47.txt, "PRELIMINÄR FINANSIELL RAM FÖR 2020 - 2022" (rad 448–485),
 * column 2020, and the medelstilldelning (rad 440–444). */
Test(verksamhetsplan, alv_och_kust_2020_matches_the_seeds_budget, .init = build_example, .fini = remove_example,
     .timeout = 60)
{
	char *html = plan_page("alv-och-kust", 2020);
	static const struct {
		const char *insats, *forbund, *esf;
	} ins[] = {
		{"AKTIV", "450", "0"},                                   /* rad 456 */
		{"Kulturunderstödd rehabilitering – KUR", "320", "0"},  /* rad 457 */
		{"Framsteget", "70", "0"},                               /* rad 460 */
		{"Träningsaktivitet öppenpsykiatri Kungälv", "100", "0"}, /* rad 461 */
		{"Växtverkstan på Tjörn", "300", "0"},                   /* rad 462 */
		{"Förebyggande hälsoarbete – FaR", "150", "0"},          /* rad 465 */
		{"Utveckling och information", "100", "0"},              /* rad 466 */
		/* rad 463 and 453: 1 447 of which ESF 1 133, the rest förbundsmedel */
		{"Respondere", "314", "1 133"},
	};
	for (size_t i = 0; i < sizeof ins / sizeof *ins; i++) {
		char *t = insats_table(html, ins[i].insats);
		cr_assert_not_null(t, "no table for %s", ins[i].insats);
		cr_expect(strchr(t, '\n') == NULL, "%s: one place: %s", ins[i].insats, t);
		char *f = cell(t, 4), *e = cell(t, 6);
		cr_expect_str_eq(f, ins[i].forbund, "%s: %s", ins[i].insats, t);
		cr_expect_str_eq(e, ins[i].esf, "%s: %s", ins[i].insats, t);
		free(f);
		free(e);
		free(t);
	}
	/* own costs: Förbundschef 970 (rad 474), revisorer 60 (rad 483), utvärdering 200 (rad 472),
	 * utrymme 1 745 (rad 471) */
	static const struct {
		const char *label, *amount;
	} own[] = {
		{"Förbundschef (lön, resor, utb., telefon, data)", "|970|"},
		{"Kostnad för revisorer", "|60|"},
		{"Utvärdering", "|200|"},
		{"Utrymme för nya innovativa insatser", "|1 745|"},
	};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
		char *row = row_after(html, "id=\"sammanstallning\"", own[i].label);
		cr_assert_not_null(row, "no row for %s", own[i].label);
		cr_expect_not_null(strstr(row, own[i].amount), "%s: %s", own[i].label, row);
		free(row);
	}
	static const struct {
		const char *party, *cells;
	} fin[] = {
		{"Försäkringskassan och Arbetsförmedlingen", "|50 %|4 516|"},
		{"Västra Götalandsregionen (hälso- och sjukvårdsnämnden)", "|25 %|2 258|"},
		{"Kommunerna", "|25 %|2 258|"},
		{"ESF-medel (Europeiska socialfonden)", "|0 %|1 133|"},
		{"Ianspråktaget eget kapital", "|1 771|"},   /* rad 452: överskott 2019 */
		{"Summa finansiering", "|11 936|"},          /* rad 487: "Preliminär totalbudget … 11 936 tkr" */
	};
	for (size_t i = 0; i < sizeof fin / sizeof *fin; i++) {
		char *row = row_after(html, "id=\"finansiering\"", fin[i].party);
		cr_assert_not_null(row, "no financing row for %s", fin[i].party);
		cr_expect_not_null(strstr(row, fin[i].cells), "%s: %s, want %s", fin[i].party, row, fin[i].cells);
		free(row);
	}
	cr_expect_not_null(strstr(html, "<strong>Preliminär budget.</strong>"));
	/* the budget for the plan's three years (rad 448: 2020 - 2022) */
	for (int y = 2020; y <= 2022; y++) {
		char label[8];
		snprintf(label, sizeof label, "%d", y);
		char *row = row_after(html, "id=\"budget\"", label);
		cr_expect_not_null(row, "no budget row for %d", y);
		free(row);
	}
	free(html);
}

/* A year with a budget but no plan text still has its plan page (Sjuhärad 2016: seed 001's
 * finansieringsplan covers 2015–2017); without an `adopted:` date it says it is a proposal. */
Test(verksamhetsplan, a_budget_year_without_text_and_the_links, .init = build_example, .fini = remove_example,
     .timeout = 60)
{
	char *html = plan_page("sjuharad", 2016);
	cr_expect_not_null(strstr(html, "<h1>Verksamhetsplan med budget 2016</h1>"));
	cr_expect_not_null(strstr(html, "Inte fastställd än (förslag)"));
	cr_expect_null(strstr(html, "id=\"avsnitt-1\""), "no plan text for 2016");
	cr_expect_null(strstr(html, "id=\"sammanstallning\""), "no costs planned for 2016");
	cr_expect_not_null(strstr(html, "id=\"finansiering\""));
	free(html);
	/* the förbund page links its plans */
	char *path = sg_asprintf("%s/forbund/sjuharad/index.html", out_dir);
	size_t len;
	html = sg_read_file(path, &len, 1 << 24);
	cr_assert_not_null(html);
	for (int y = 2015; y <= 2017; y++) {
		char *link = sg_asprintf("/forbund/sjuharad/verksamhetsplan/%d/\">", y);
		cr_expect_not_null(strstr(html, link), "the förbund page links the plan %d", y);
		free(link);
	}
	free(html);
	free(path);
}
