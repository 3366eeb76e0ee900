/* cmd_init.c — `sofgen init DIR [--forbund "Namn"] [--kommuner "A,B"]`: a new site
 * for a förbund starting from nothing. It writes DIR/content/ with site.yaml (with the
 * accessibility block), the förbund and its member kommuner, one example insats and an
 * "Om förbundet" page, plus DIR/.gitignore; what it writes passes `sofgen check` and
 * builds with the installed templates and assets. It never overwrites anything: when
 * DIR/content exists it stops before writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "../util/slug.h"
#include "../util/swetime.h"
#include "../util/utf8.h"
#include "args.h"
#include "commands.h"

static const char usage_init[] = "usage: sofgen init DIR [--forbund \"NAMN\"] [--kommuner \"KOMMUN,KOMMUN\"]\n";

/* s as a double-quoted YAML scalar. */
static void put_quoted(sg_buf *b, const char *s)
{
	sg_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sg_buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			sg_buf_printf(b, "\\x%02x", *p);
		else
			sg_buf_putc(b, (char)*p);
	}
	sg_buf_putc(b, '"');
}

/* Splits "Borås, Mark,Svenljunga" at commas; names are trimmed, empty ones dropped.
 * Returns the number of names (malloc'd array of malloc'd strings in *out). */
static size_t split_names(const char *list, char ***out)
{
	size_t n = 0, cap = 4;
	char **names = sg_malloc(cap * sizeof *names);
	const char *p = list;
	while (*p) {
		const char *end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		const char *a = p, *z = end;
		while (a < z && (*a == ' ' || *a == '\t'))
			a++;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
			z--;
		if (z > a) {
			if (n == cap)
				names = sg_realloc(names, (cap *= 2) * sizeof *names);
			names[n++] = sg_strndup(a, (size_t)(z - a));
		}
		p = *end ? end + 1 : end;
	}
	*out = names;
	return n;
}

static void site_text(sg_buf *b, const char *name, const char *date)
{
	sg_buf_puts(b, "# Webbplatsens inställningar, skapade med sofgen init. Rader som börjar med # är\n"
	               "# kommentarer. Alla fält beskrivs i innehållsreferensen (docs/content-format.md).\n"
	               "title: ");
	put_quoted(b, name);
	sg_buf_puts(b, "\n# Webbplatsens adress: ändra till den riktiga innan ni publicerar.\n"
	               "base_url: https://example.se/\n"
	               "language: sv\n"
	               "description: ");
	put_quoted(b, "Insatser, nyheter och dokument från samordningsförbundet.");
	sg_buf_puts(b, "\nallow_raw_html: false\n"
	               "# Tillgänglighetsredogörelsen (lag 2018:1937) byggs från det här blocket, enligt Diggs\n"
	               "# mall. Uppdatera den när webbplatsen har granskats.\n"
	               "accessibility:\n"
	               "  organisation: ");
	put_quoted(b, name);
	sg_buf_printf(b, "\n  status: delvis\n"
	                 "  gaps:\n"
	                 "    - problem: \"Webbplatsen har inte granskats manuellt med skärmläsare.\"\n"
	                 "      reason: \"granskningen är inte gjord än\"\n"
	                 "      fix: \"en manuell granskning planeras\"\n"
	                 "  assessed: %s\n"
	                 "  method: \"Självskattning med sofgens automatiska tester (axe-core och Nu HTML Checker).\"\n"
	                 "  contact: {url: /sidor/om-forbundet/}\n",
	              date);
}

static void forbund_text(sg_buf *b, const char *name, char **kommuner, size_t n)
{
	sg_buf_puts(b, "---\n# Förbundet. Fälten beskrivs i docs/content-format.md. Lägg till kommunkoden (SCB)\n"
	               "# och en kontakt för remisser för varje medlemskommun.\n"
	               "title: ");
	put_quoted(b, name);
	sg_buf_puts(b, "\nmembers:\n");
	for (size_t i = 0; i < n; i++) {
		sg_buf_puts(b, "  - name: ");
		put_quoted(b, kommuner[i]);
		sg_buf_putc(b, '\n');
	}
	sg_buf_puts(b, "parties:\n  - Försäkringskassan\n  - Arbetsförmedlingen\n  - Regionen\n"
	               "---\n");
	sg_buf_puts(b, name);
	sg_buf_puts(b, " är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av\n"
	               "rehabiliteringsinsatser. Beskriv här förbundets uppdrag och organisation.\n");
}

static void insats_text(sg_buf *b, const char *forbund, const char *kommun, int year)
{
	sg_buf_printf(b, "---\n# En exempelinsats: ändra den till en av förbundets egna, eller ta bort filen.\n"
	                 "# Skapa fler med: sofgen new insats %s \"Insatsens namn\"\n"
	                 "title: \"Exempelinsats\"\n"
	                 "year: %d\n"
	                 "area: individinriktad\n"
	                 "category: förberedande\n"
	                 "summary: \"En exempelinsats som visar hur en insats ser ut på webbplatsen.\"\n"
	                 "target_groups: [unga vuxna]\n"
	                 "age: {min: 18, max: 29}\n"
	                 "places:\n"
	                 "  - municipality: ",
	              forbund, year);
	put_quoted(b, kommun);
	sg_buf_printf(b, "\n    participants: 10\n"
	                 "    funds: {forbund: 100}\n"
	                 "status: planned\n"
	                 "start: %d-01-01\n"
	                 "end: %d-12-31\n"
	                 "---\n"
	                 "## Vad är det?\n\n"
	                 "Här beskriver ni vad insatsen är, vem som driver den och hur man remitterar.\n",
	              year, year);
}

static void page_text(sg_buf *b, const char *name)
{
	sg_buf_puts(b, "---\ntitle: Om förbundet\nsummary: ");
	char *summary = sg_asprintf("Om %s: uppdrag, medlemmar och kontakt.", name);
	put_quoted(b, summary);
	free(summary);
	sg_buf_puts(b, "\n---\n## Kontakt\n\nSkriv här hur man når förbundets kansli: adress, telefon och e-post.\n");
}

/* Writes root/rel (its folders made first) with text, never over an existing file.
 * Returns 0, or -1 after a message. */
static int put_file(const char *root, const char *rel, const sg_buf *text)
{
	char *path = sg_path_join(root, rel);
	char *slash = strrchr(path, '/');
	int rc = 0;
	*slash = '\0';
	if (sg_mkdirs(path) != 0)
		rc = -1;
	*slash = '/';
	int fd = rc == 0 ? open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644) : -1;
	if (fd < 0 || write(fd, text->ptr, text->len) != (ssize_t)text->len)
		rc = -1;
	if (fd >= 0 && close(fd) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, _("sofgen init: cannot write %s: %s\n"), path, strerror(errno));
	free(path);
	return rc;
}

int sg_cmd_init(int argc, char **argv)
{
	const char *name = "Samordningsförbundet", *kommuner_arg = NULL, *pos[1] = {NULL};
	const sg_opt opts[] = {
		{"--forbund", true, &name, NULL},
		{"--kommuner", true, &kommuner_arg, NULL},
		{NULL, false, NULL, NULL},
	};
	int npos = sg_args_parse(argc, argv, 2, opts, pos, 1, "init");
	if (npos < 0)
		return 2;
	if (npos != 1 || !*pos[0]) {
		fputs(usage_init, stderr);
		return 2;
	}
	if (!sg_utf8_valid(name, strlen(name), NULL, NULL) || !*name) {
		fprintf(stderr, _("sofgen init: --forbund takes the förbund's name, e.g. --forbund \"Samordningsförbundet Värend\"\n"));
		return 2;
	}
	char **kommuner = NULL;
	size_t n = split_names(kommuner_arg ? kommuner_arg : "Kommunen", &kommuner);
	int rc = 2;
	char *slug = sg_slugify(name), *content = sg_path_join(pos[0], "content");
	if (n == 0 || (kommuner_arg && !sg_utf8_valid(kommuner_arg, strlen(kommuner_arg), NULL, NULL))) {
		fprintf(stderr, _("sofgen init: --kommuner takes the member kommuner separated by commas, e.g. "
		                "--kommuner \"Alvesta,Växjö\"\n"));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char *k = sg_slugify(kommuner[i]);
		bool empty = !*k;
		free(k);
		if (empty) {
			fprintf(stderr, _("sofgen init: the kommun '%s' has no letters to make a web address from\n"), kommuner[i]);
			goto out;
		}
	}
	if (!*slug) {
		fprintf(stderr, _("sofgen init: the förbund's name '%s' has no letters to make a web address from\n"), name);
		goto out;
	}
	if (sg_exists(content)) {
		fprintf(stderr, _("sofgen init: %s already exists; sofgen init never overwrites a site (choose a new folder)\n"),
		        content);
		goto out;
	}
	char now[32], date[11];
	sg_sweden_now(now, sizeof now); /* today in Sweden, as every command has it */
	memcpy(date, now, 10);
	date[10] = '\0';

	sg_buf b = SG_BUF_INIT;
	char *rel = NULL;
	rc = 0;
	site_text(&b, name, date);
	rc |= put_file(content, "site.yaml", &b);
	sg_buf_clear(&b);
	forbund_text(&b, name, kommuner, n);
	rel = sg_asprintf("forbund/%s.md", slug);
	rc |= put_file(content, rel, &b);
	free(rel);
	sg_buf_clear(&b);
	insats_text(&b, slug, kommuner[0], atoi(now));
	rel = sg_asprintf("insatser/%s/exempelinsats.md", slug);
	rc |= put_file(content, rel, &b);
	free(rel);
	sg_buf_clear(&b);
	page_text(&b, name);
	rc |= put_file(content, "sidor/om-forbundet.md", &b);
	sg_buf_clear(&b);
	char *ignore = sg_path_join(pos[0], ".gitignore");
	if (!sg_exists(ignore)) {
		sg_buf_puts(&b, "# the built site: made by sofgen build, never edited by hand\n/site/\n");
		rc |= put_file(pos[0], ".gitignore", &b);
	}
	free(ignore);
	sg_buf_free(&b);
	if (rc == 0)
		printf(_("sofgen init: created a site for %s in %s/\n"
		       "Next: cd %s && sofgen serve   (preview in the browser)\n"
		       "      sofgen build             (the site in site/)\n"),
		       name, pos[0], pos[0]);
	rc = rc ? 2 : 0;
out:
	for (size_t i = 0; i < n; i++)
		free(kommuner[i]);
	free(kommuner);
	free(slug);
	free(content);
	return rc;
}
