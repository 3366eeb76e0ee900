/* Integration: the example site's economy pages against the seed's own figures, and the
 * open data read back and compared with the content. Run from the project root. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "../support/run.h"
#include "model/model.h"
#include "read/content.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"


static char *out_dir;

static void build_example(void)
{
	char tmpl[] = "/tmp/sofgen-eco-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	out_dir = sg_asprintf("%s/site", tmpl);
	char *cmd = sg_asprintf("%s build --out %s >/dev/null 2>&1", sofgen(), out_dir);
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

/* The cells of the table row whose header cell's text is `label` (tags stripped,
 * no-break spaces as plain spaces), joined with '|'. */
static char *row_of(const char *html, const char *label)
{
	const char *p = html;
	while ((p = strstr(p, "<tr>"))) {
		const char *end = strstr(p, "</tr>");
		sg_buf row = SG_BUF_INIT;
		bool in_tag = false;
		for (const char *q = p + 4; q < end; q++) {
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
				} else
					sg_buf_putc(&row, *q);
			}
		}
		sg_buf_putc(&row, '|');
		char *head = sg_asprintf("|%s|", label);
		bool hit = strncmp(sg_buf_cstr(&row), head, strlen(head)) == 0;
		free(head);
		if (hit)
			return sg_buf_detach(&row);
		sg_buf_free(&row);
		p = end;
	}
	return NULL;
}

Test(economy_site, sjuharad_2015_matches_the_seeds_ekonomisk_sammanstallning, .init = build_example,
     .fini = remove_example, .timeout = 60)
{
	char *path = sg_asprintf("%s/forbund/sjuharad/ekonomi/2015/index.html", out_dir);
	size_t len;
	char *html = sg_read_file(path, &len, 1 << 24);
	cr_assert_not_null(html, "%s", path);
	/* 001_8166f3e01140d3c5.txt, "6. EKONOMISK SAMMANSTÄLLNING": förbundsmedel per kommun */
	const struct {
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
		char *row = row_of(html, want[i].label);
		cr_assert_not_null(row, "no row for %s", want[i].label);
		cr_expect_not_null(strstr(row, want[i].cells), "%s: %s, want %s", want[i].label, row, want[i].cells);
		free(row);
	}
	/* FINANSIERINGSPLAN: 15 270 from the members plus 1 382 eget kapital */
	char *eq = row_of(html, "Ianspråktaget eget kapital");
	cr_expect_not_null(eq && strstr(eq, "|1 382|"), "%s", eq);
	char *fin = row_of(html, "Summa finansiering");
	cr_expect_not_null(fin && strstr(fin, "|16 652|"), "%s", fin);
	cr_expect_not_null(strstr(html, "<tfoot>"));
	cr_expect_not_null(strstr(html, "<svg class=\"chart\" role=\"img\""));
	cr_expect_not_null(strstr(html, "Borås: 6\xC2\xA0" "117 tkr"), "the chart's text alternative lists the values");
	free(eq);
	free(fin);
	free(html);
	free(path);
	/* the kommun page shows what is placed there */
	path = sg_asprintf("%s/kommun/boras/index.html", out_dir);
	html = sg_read_file(path, &len, 1 << 24);
	char *row = row_of(html, "2015, Sjuhärads samordningsförbund");
	cr_expect_not_null(row && strstr(row, "|6 117|"), "%s", row);
	free(row);
	free(html);
	free(path);
}

/* One RFC 4180 record from *p (fields malloc'd); advances *p past its CRLF. */
static size_t csv_record(const char **p, char **fields, size_t max)
{
	size_t n = 0;
	const char *s = *p;
	if (!*s)
		return 0;
	for (;;) {
		sg_buf f = SG_BUF_INIT;
		if (*s == '"') {
			for (s++; *s; s++) {
				if (*s == '"' && s[1] == '"')
					sg_buf_putc(&f, *s++);
				else if (*s == '"')
					break;
				else
					sg_buf_putc(&f, *s);
			}
			s++;
		} else {
			while (*s && *s != ',' && *s != '\r')
				sg_buf_putc(&f, *s++);
		}
		if (n < max)
			fields[n++] = sg_buf_detach(&f);
		else
			sg_buf_free(&f);
		if (*s == ',') {
			s++;
			continue;
		}
		cr_assert(s[0] == '\r' && s[1] == '\n', "records end in CRLF");
		*p = s + 2;
		return n;
	}
}

static void csv_free(char **fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(fields[i]);
}

static double num(json_t *o, const char *key) { return json_number_value(json_object_get(o, key)); }

Test(economy_site, open_data_round_trips_the_content, .init = build_example, .fini = remove_example, .timeout = 60)
{
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *site = sg_site_build(sg_sources_read("content", d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	char *path = sg_asprintf("%s/data/insatser.json", out_dir);
	json_error_t err;
	json_t *j = json_load_file(path, 0, &err);
	cr_assert_not_null(j, "%s", err.text);
	json_t *list = json_object_get(j, "insatser");
	cr_assert_eq(json_array_size(list), site->n_insatser);
	size_t places = 0;
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		json_t *jx = json_array_get(list, i);
		char *id = sg_asprintf("%s/%s", x->forbund->slug, x->slug);
		cr_assert_str_eq(json_string_value(json_object_get(jx, "id")), id);
		free(id);
		json_t *pl = json_object_get(jx, "platser");
		cr_assert_eq(json_array_size(pl), x->n_places);
		for (size_t k = 0; k < x->n_places; k++, places++) {
			const sg_place *xp = &x->places[k];
			json_t *jp = json_array_get(pl, k);
			json_t *years = json_object_get(jp, "per_ar");
			cr_assert_eq(json_array_size(years), xp->n_years, "%s", x->title);
			/* the figures: once for the place, or per year in "per_ar" */
			for (size_t y = 0; y < (xp->n_years ? xp->n_years : 1); y++) {
				const sg_figures *fig = xp->n_years ? &xp->years[y].fig : &xp->fig;
				json_t *at = xp->n_years ? json_array_get(years, y) : jp;
				if (xp->n_years)
					cr_expect_eq(json_integer_value(json_object_get(at, "ar")), xp->years[y].year, "%s", x->title);
				json_t *m = json_object_get(at, "medel_tkr");
				if (!fig->has_funds) {
					cr_expect(json_is_null(m));
					continue;
				}
				cr_expect_eq(num(m, "forbund"), fig->funds.forbund, "%s", x->title);
				cr_expect_eq(num(m, "esf"), fig->funds.esf, "%s", x->title);
				cr_expect_eq(num(m, "medfinansiering"), fig->funds.cofunding, "%s", x->title);
			}
		}
	}
	json_decref(j);
	free(path);

	/* the CSV, parsed back (RFC 4180): one row per insats × place (× year), amounts exact */
	path = sg_asprintf("%s/data/insatser.csv", out_dir);
	size_t len;
	char *csv = sg_read_file(path, &len, 1 << 24);
	const char *p = csv;
	char *fields[32];
	size_t nf = csv_record(&p, fields, 32);
	cr_assert_eq(nf, 17);
	cr_assert_str_eq(fields[13], "förbundsmedel_tkr");
	csv_free(fields, nf);
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		for (size_t k = 0; k < (x->n_places ? x->n_places : 1); k++) {
			const sg_place *xp = x->n_places ? &x->places[k] : NULL;
			/* a row per place, and per year when the place gives its figures by year */
			for (size_t y = 0; y < (xp && xp->n_years ? xp->n_years : 1); y++) {
				const sg_figures *fig = !xp ? NULL : xp->n_years ? &xp->years[y].fig : &xp->fig;
				int year = xp && xp->n_years ? xp->years[y].year : x->year;
				nf = csv_record(&p, fields, 32);
				cr_assert_eq(nf, 17, "row for %s", x->title);
				cr_expect_str_eq(fields[1], x->title);
				cr_expect_eq(atoi(fields[3]), year, "%s", x->title);
				if (fig && fig->has_funds) {
					cr_expect_eq(strtod(fields[13], NULL), fig->funds.forbund, "%s", x->title);
					cr_expect_eq(strtod(fields[14], NULL), fig->funds.cofunding, "%s", x->title);
					cr_expect_eq(strtod(fields[15], NULL), fig->funds.esf, "%s", x->title);
				}
				if (xp && xp->member)
					cr_expect_str_eq(fields[10], xp->member->kommun->name);
				csv_free(fields, nf);
			}
		}
	}
	cr_expect_eq(*p, '\0', "nothing after the last row");
	free(csv);
	free(path);
	sg_site_free(site);
	sg_diags_free(d);
}
