/* cmd_new.c — `sofgen new`: a new content file (insats, nyhetsbrev or evenemang)
 * with every field of its type written out and explained in Swedish comments, the
 * title and slug filled in, today's date where a date belongs and `draft: true`.
 * It never overwrites a file. What it writes passes `sofgen check` as it is. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../model/fields.h"
#include "../model/model.h"
#include "../read/content.h"
#include "../read/placeholders.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/diag.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/utf8.h"
#include "../util/swetime.h"
#include "../util/value.h"
#include "args.h"
#include "commands.h"

static const char usage_new[] = N_("usage: sofgen new insats FÖRBUND \"TITEL\" [--content DIR]\n"
                                   "       sofgen new nyhetsbrev \"TITEL\" [--forbund SLUG] [--date YYYY-MM-DD] [--content DIR]\n"
                                   "       sofgen new evenemang \"TITEL\" [--forbund SLUG] [--date YYYY-MM-DD] [--content DIR]\n");

typedef enum { NEW_INSATS, NEW_NYHETSBREV, NEW_EVENEMANG } new_kind;

/* Today in Swedish time: "YYYY-MM-DD" and the year. */
static void today(char date[11], int *year)
{
	char now[32];
	sg_sweden_now(now, sizeof now); /* whatever the caller's TZ */
	memcpy(date, now, 10);
	date[10] = '\0';
	*year = atoi(now);
}

/* s as a double-quoted YAML scalar: safe whatever s holds (quotes, colons, #, …). */
static void put_quoted(sg_buf *b, const char *s)
{
	sg_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sg_buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			sg_buf_puts(b, "\\n");
		else if (*p == '\t')
			sg_buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			sg_buf_printf(b, "\\x%02x", *p);
		else
			sg_buf_putc(b, (char)*p);
	}
	sg_buf_putc(b, '"');
}

/* A kommun name as YAML: plain when that reads back as the same text (letters,
 * digits, spaces, hyphens; "Borås", "Lilla Edet"), quoted otherwise. */
static void put_name(sg_buf *b, const char *s)
{
	bool plain = *s && s[strlen(s) - 1] != ' ' && ((unsigned char)*s >= 0x80 || (*s >= 'A' && *s <= 'Z'));
	for (const unsigned char *p = (const unsigned char *)s; plain && *p; p++)
		plain = *p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		        ((*p == ' ' || *p == '-') && p[1] != ' ' && p[1] != '-');
	static const char *const words[] = {"true", "false", "null", "yes", "no", "on", "off", NULL};
	for (size_t i = 0; plain && words[i]; i++)
		plain = strcasecmp(s, words[i]) != 0;
	if (plain)
		sg_buf_puts(b, s);
	else
		put_quoted(b, s);
}

/* Text inside a comment line: control characters (a line break would end the
 * comment) become spaces. */
static void put_comment_text(sg_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		sg_buf_putc(b, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
}

/* The förbund slugs: content/forbund/<slug>.md (malloc'd list, *n set). */
static char **forbund_slugs(const char *content, size_t *n)
{
	const sg_content_kind *kind = sg_content_kind_of(SG_SRC_FORBUND);
	char *dir = sg_path_join(content, kind->folder);
	size_t count = 0, ext = strlen(kind->ext);
	char **names = sg_list_dir(dir, &count);
	free(dir);
	*n = 0;
	char **out = sg_malloc((count ? count : 1) * sizeof *out);
	for (size_t i = 0; i < count; i++) {
		size_t len = strlen(names[i]);
		if (names[i][0] != '.' && len > ext && strcmp(names[i] + len - ext, kind->ext) == 0)
			out[(*n)++] = sg_strndup(names[i], len - ext);
	}
	sg_free_names(names, count);
	return out;
}

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* Checks that content/forbund/<slug>.md exists. Returns 0, or 1 after a message
 * naming the closest förbund and all of them. */
static int check_forbund(const char *content, const char *slug, const char *type)
{
	const sg_content_kind *kind = sg_content_kind_of(SG_SRC_FORBUND);
	char *rel = sg_asprintf("%s/%s%s", kind->folder, slug, kind->ext);
	char *path = sg_path_join(content, rel);
	bool ok = sg_is_slug(slug) && sg_is_file(path);
	free(rel);
	if (ok) {
		free(path);
		return 0;
	}
	size_t n;
	char **slugs = forbund_slugs(content, &n);
	sg_buf all = SG_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		sg_buf_printf(&all, "%s%s", i ? ", " : "", slugs[i]);
	const char *close = sg_closest(slug, (const char *const *)slugs, n);
	if (n == 0)
		fprintf(stderr, _("sofgen new %s: there is no förbund '%s', and no förbund at all yet: add content/forbund/<slug>.md first\n"),
		        type, slug);
	else if (!sg_is_slug(slug))
		fprintf(stderr, _("sofgen new %s: there is no förbund '%s': write the name of a file in content/forbund/ without .md%s%s%s; the förbund are: %s\n"),
		        type, slug, close ? _(" (did you mean '") : "", close ? close : "", close ? "'?)" : "", sg_buf_cstr(&all));
	else if (close)
		fprintf(stderr, _("sofgen new %s: there is no förbund '%s' (%s); did you mean '%s'? The förbund are: %s\n"), type,
		        slug, path, close, sg_buf_cstr(&all));
	else
		fprintf(stderr, _("sofgen new %s: there is no förbund '%s' (%s); the förbund are: %s\n"), type, slug, path,
		        sg_buf_cstr(&all));
	sg_buf_free(&all);
	free_list(slugs, n);
	free(path);
	return 1;
}

/* The förbund's title and member kommuner, read and built by the model as `sofgen check`
 * builds them (so the kommuner are those check accepts, written in any form the
 * förbund file may use). Returns 0, or 1 after printing why the file cannot be read.
 * Problems the model finds in a file it can read are left to `sofgen check`. */
static int read_forbund(const char *content, const char *slug, char **title, char ***members, size_t *n_members)
{
	*title = NULL;
	*members = NULL;
	*n_members = 0;
	const sg_content_kind *kind = sg_content_kind_of(SG_SRC_FORBUND);
	char *rel = sg_asprintf("%s/%s%s", kind->folder, slug, kind->ext);
	sg_diags *d = sg_diags_new();
	sg_sources *sources = sg_sources_read_one(content, SG_SRC_FORBUND, rel, d);
	int rc = 0;
	if (sg_sources_count(sources) == 0) {
		sg_diags_print(d, stderr);
		char *path = sg_path_join(content, rel);
		fprintf(stderr, _("sofgen new insats: fix %s first: the insats needs its member kommuner\n"), path);
		free(path);
		sg_sources_free(sources);
		rc = 1;
	} else {
		sg_diags *model = sg_diags_new();
		sg_build_opts opts = {.drafts = true, .jobs = 1};
		sg_site *site = sg_site_build(sources, &opts, model);
		const sg_forbund *fb = site->n_forbund ? site->forbund[0] : NULL;
		if (fb) {
			*title = sg_strdup(fb->title);
			*members = sg_malloc((fb->n_members ? fb->n_members : 1) * sizeof **members);
			for (size_t i = 0; i < fb->n_members; i++)
				(*members)[(*n_members)++] = sg_strdup(fb->members[i].name);
		}
		sg_site_free(site);
		sg_diags_free(model);
	}
	sg_diags_free(d);
	free(rel);
	return rc;
}

/* The body of a new file of `kind`, from the one table the model checks placeholders
 * against (read/placeholders.h). */
static void put_body(sg_buf *b, sg_source_kind kind)
{
	for (const sg_new_line *l = sg_new_body(kind); l && l->text; l++)
		sg_buf_printf(b, "%s\n", l->text);
}

static const char draft_comment[] =
	"# Utkast: true betyder att filen inte publiceras (den byggs bara med sofgen build --drafts).\n"
	"# Ändra till false när innehållet är klart att publiceras.\n";

static void insats_text(sg_buf *b, const char *title, const char *forbund, const char *forbund_title,
                        char *const *members, size_t n_members, const char *date, int year)
{
	sg_buf_puts(b, "---\n");
	sg_buf_printf(b, "# Ny insats, skapad med sofgen new %s. Rader som börjar med # är kommentarer och\n", date);
	sg_buf_puts(b, "# syns inte på webbplatsen. Ett fält som lämnas tomt visas inte. Alla fält beskrivs i\n"
	               "# docs/content-format.md.\n\n");
	sg_buf_puts(b, "# Insatsens namn (krävs).\ntitle: ");
	put_quoted(b, title);
	sg_buf_puts(b, "\n# Förbundet som insatsen hör till: filnamnet i content/forbund/ utan .md. Utan fältet\n"
	               "# gäller mappens namn.\n");
	sg_buf_printf(b, "forbund: %s\n", forbund);
	sg_buf_printf(b, "# Planåret (verksamhetsåret) som insatsen och dess medel gäller, ett årtal, t.ex. %d.\n", year);
	sg_buf_printf(b, "year: %d\n", year);
	sg_buf_puts(b, "# SUS-område: individinriktad eller strukturövergripande. En insats utan område räknas\n"
	               "# som individinriktad i ekonomin.\n"
	               "area:\n"
	               "# SUS-kategori. För individinriktad: kartläggning, förberedande, rehabilitering eller\n"
	               "# förebyggande. För strukturövergripande: kartläggning, utbildning eller dialog.\n"
	               "# En lista, t.ex. [förberedande, förebyggande], lägger insatsen i flera kategorier; den\n"
	               "# första måste passa området.\n"
	               "category:\n"
	               "# En eller två meningar som visas i listorna (högst 200 tecken). Sätt texten inom\n"
	               "# citattecken om den innehåller kolon (:) eller #.\n"
	               "summary:\n"
	               "# Målgrupper som etiketter, t.ex. [unga, unga vuxna, psykisk ohälsa, försörjningsstöd].\n"
	               "target_groups: []\n"
	               "# Deltagarnas ålder i år: min och max (heltal), t.ex. 16 och 29.\n"
	               "age:\n"
	               "  min:\n"
	               "  max:\n"
	               "# Hur länge en deltagare är med, t.ex. \"12 veckor\" eller \"löpande\".\n"
	               "duration:\n"
	               "# Utföraren: namn och organisationsnummer inom citattecken, t.ex. \"212000-1561\".\n"
	               "provider:\n"
	               "  name:\n"
	               "  orgnr:\n"
	               "# Kontaktperson för insatsen: namn, telefon och e-post.\n"
	               "contact:\n"
	               "  name:\n"
	               "  phone:\n"
	               "  email:\n"
	               "# Platser och medel. En plats per medlemskommun: municipality = kommunens namn (måste\n"
	               "# vara medlem i förbundet), participants = antal deltagare under året (heltal),\n"
	               "# funds = medel i tkr: forbund = förbundsmedel, cofunding = medfinansiering från andra,\n"
	               "# esf = medel från Europeiska socialfonden. Decimaler skrivs med punkt, t.ex. 12.5, aldrig\n"
	               "# 12,5 (inom { } skiljer kommatecknet fälten åt). En plats utan municipality gäller hela\n"
	               "# förbundet (gemensam insats). Ta bort tecknet # och mellanslaget efter det på raderna\n"
	               "# som gäller (indraget som blir kvar är det rätta) och radera de övriga.\n"
	               "places:\n");
	if (n_members) {
		sg_buf_puts(b, "  # Medlemskommunerna i ");
		put_comment_text(b, forbund_title ? forbund_title : forbund);
		sg_buf_puts(b, ":\n");
		for (size_t i = 0; i < n_members; i++) {
			sg_buf_puts(b, "  # - municipality: ");
			put_name(b, members[i]);
			sg_buf_puts(b, "\n  #   participants: 0\n  #   funds: {forbund: 0.0, cofunding: 0, esf: 0}\n");
		}
	} else {
		sg_buf_puts(b, "  # - municipality: Kommunens namn\n"
		               "  #   participants: 0\n"
		               "  #   funds: {forbund: 0.0, cofunding: 0, esf: 0}\n");
	}
	sg_buf_puts(b, "  # Hela förbundet (utan municipality):\n"
	               "  # - participants: 0\n"
	               "  #   funds: {forbund: 0.0, cofunding: 0, esf: 0}\n"
	               "# Remiss: open = om insatsen tar emot remisser nu (true eller false); referrers = vilka som\n"
	               "# får remittera (lista, t.ex. [Försäkringskassan, Arbetsförmedlingen]); vacancies = antal\n"
	               "# lediga platser (heltal); how = hur man remitterar (Markdown; skriv | och texten på\n"
	               "# raderna under, indragen); form = blankett i content/blanketter/ (filnamnet utan .yaml),\n"
	               "# annars förbundets vanliga blankett.\n"
	               "referral:\n"
	               "  open: false\n"
	               "  referrers: []\n"
	               "  vacancies:\n"
	               "  how:\n"
	               "  form:\n"
	               "# Status: planned (planerad), active (pågående) eller ended (avslutad).\n"
	               "status: planned\n"
	               "# Start- och slutdatum, ÅÅÅÅ-MM-DD; slutet får inte ligga före starten.\n");
	sg_buf_printf(b, "start: %s\nend: %d-12-31\n", date, year);
	sg_buf_puts(b, "# Senast granskad: den dag någon senast stämde av uppgifterna med insatsen, ÅÅÅÅ-MM-DD.\n"
	               "# Sidan visar datumet; är det äldre än review_max_months i site.yaml (standard 12\n"
	               "# månader) varnar sofgen check. Skriv dagens datum varje gång du har kontrollerat dem.\n");
	sg_buf_printf(b, "reviewed: %s\n", date);
	sg_buf_puts(b, draft_comment);
	sg_buf_puts(b, "draft: true\n---\n\n");
	put_body(b, SG_SRC_INSATS);
}

static void forbund_field(sg_buf *b, const char *forbund, const char *what, const char *where)
{
	sg_buf_printf(b, "# Förbundet som %s: filnamnet i content/forbund/ utan .md. Behövs för att\n"
	                 "# synas på förbundets sida och i dess %s; kan lämnas tomt på en portal.\n",
	              what, where);
	sg_buf_printf(b, "forbund:%s%s\n", forbund ? " " : "", forbund ? forbund : "");
}

static void nyhetsbrev_text(sg_buf *b, const char *title, const char *forbund, const char *made, const char *date)
{
	sg_buf_puts(b, "---\n");
	sg_buf_printf(b, "# Nytt informationsbrev, skapat med sofgen new %s. Rader som börjar med # är\n", made);
	sg_buf_puts(b, "# kommentarer och syns inte. Ett fält som lämnas tomt visas inte. Alla fält beskrivs i\n"
	               "# docs/content-format.md.\n\n"
	               "# Brevets rubrik (krävs).\ntitle: ");
	put_quoted(b, title);
	sg_buf_puts(b, "\n# Publiceringsdag, ÅÅÅÅ-MM-DD (krävs). Breven sorteras efter den, nyast först.\n");
	sg_buf_printf(b, "date: %s\n", date);
	forbund_field(b, forbund, "skickar brevet", "flöde");
	sg_buf_puts(b, "# En eller två meningar som visas i listor och flöden. Sätt texten inom citattecken om\n"
	               "# den innehåller kolon (:) eller #.\n"
	               "summary:\n");
	sg_buf_puts(b, draft_comment);
	sg_buf_puts(b, "draft: true\n---\n\n");
	put_body(b, SG_SRC_NYHETSBREV);
}

static void evenemang_text(sg_buf *b, const char *title, const char *forbund, const char *made, const char *date)
{
	sg_buf_puts(b, "---\n");
	sg_buf_printf(b, "# Nytt evenemang, skapat med sofgen new %s. Rader som börjar med # är kommentarer\n", made);
	sg_buf_puts(b, "# och syns inte. Ett fält som lämnas tomt visas inte. Alla fält beskrivs i\n"
	               "# docs/content-format.md.\n\n"
	               "# Evenemangets namn (krävs).\ntitle: ");
	put_quoted(b, title);
	sg_buf_puts(b, "\n# När det börjar (krävs): ÅÅÅÅ-MM-DDTHH:MM i svensk tid, eller bara ÅÅÅÅ-MM-DD för\n"
	               "# ett heldagsevenemang.\n");
	sg_buf_printf(b, "start: %sT09:00\n", date);
	sg_buf_puts(b, "# När det slutar, i samma form som start (båda med klockslag eller båda utan) och inte\n"
	               "# före start, t.ex. samma dag kl. 12:00.\n"
	               "end:\n"
	               "# Plats: lokal och adress.\n"
	               "location:\n");
	forbund_field(b, forbund, "ordnar evenemanget", "kalender");
	sg_buf_puts(b, "# Vilka evenemanget vänder sig till.\n"
	               "audience:\n"
	               "# Anmälan: url = webbformulär (https://…) eller email = adressen dit anmälan skickas,\n"
	               "# och deadline = sista anmälningsdag (ÅÅÅÅ-MM-DD). Ta bort tecknet # och mellanslaget\n"
	               "# efter det på raderna som gäller (indraget som blir kvar är det rätta).\n"
	               "registration:\n"
	               "  # url: https://example.se/anmalan\n"
	               "  # email: anmalan@example.se\n");
	sg_buf_printf(b, "  # deadline: %s\n", date);
	sg_buf_puts(b, draft_comment);
	sg_buf_puts(b, "draft: true\n---\n\n");
	put_body(b, SG_SRC_EVENEMANG);
}

/* Creates path (and its folders) with text, never replacing a file. Returns 0; 1
 * when the file exists; 2 on other errors (each after a message). */
static int write_new(const char *path, const char *text, size_t len, const char *type)
{
	char *dir = sg_strdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	if (slash && sg_mkdirs(dir) != 0) {
		fprintf(stderr, _("sofgen new %s: cannot create the folder %s: %s\n"), type, dir, strerror(errno));
		free(dir);
		return 2;
	}
	free(dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 && errno == EEXIST) {
		fprintf(stderr, _("sofgen new %s: %s already exists and is left as it is; choose another title or edit that file\n"),
		        type, path);
		return 1;
	}
	if (fd < 0) {
		fprintf(stderr, _("sofgen new %s: cannot create %s: %s\n"), type, path, strerror(errno));
		return 2;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	int err = done < len ? errno : 0;
	if (close(fd) != 0 && !err)
		err = errno;
	if (done < len || err) {
		fprintf(stderr, _("sofgen new %s: cannot write %s: %s\n"), type, path, strerror(err ? err : EIO));
		unlink(path);
		return 2;
	}
	return 0;
}

/* The title without surrounding white space (malloc'd), or NULL after a usage message. */
static char *clean_title(const char *arg, const char *type)
{
	int line, col;
	if (!sg_utf8_valid(arg, strlen(arg), &line, &col)) {
		fprintf(stderr, _("sofgen new %s: the title is not valid UTF-8 text\n"), type);
		return NULL;
	}
	const char *s = arg;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if (len == 0) {
		fprintf(stderr, _("sofgen new %s: the title is empty\n%s"), type, _(usage_new));
		return NULL;
	}
	return sg_strndup(s, len);
}

int sg_cmd_new(int argc, char **argv)
{
	static const char *const types[] = {"insats", "nyhetsbrev", "evenemang"};
	if (argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
		fputs(_(usage_new), stdout);
		return 0;
	}
	if (argc < 3 || argv[2][0] == '-') {
		fprintf(stderr, _("sofgen new: what kind of content? (insats, nyhetsbrev or evenemang)\n%s"), _(usage_new));
		return 2;
	}
	const char *type = argv[2];
	int kind = -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(type, types[i]) == 0)
			kind = i;
	if (kind < 0) {
		const char *close = sg_closest(type, types, 3);
		fprintf(stderr, _("sofgen new: unknown kind '%s'%s%s%s; the kinds are insats, nyhetsbrev and evenemang\n"), type,
		        close ? _(" (did you mean '") : "", close ? close : "", close ? "'?)" : "");
		return 2;
	}

	const char *content = "content", *forbund = NULL, *pos[2] = {NULL, NULL}, *on = NULL;
	const sg_opt opts[] = {
		{"--content", true, &content, NULL},
		{"--forbund", true, &forbund, NULL},
		{"--date", true, &on, NULL},
		{NULL, false, NULL, NULL},
	};
	char cmd[32];
	snprintf(cmd, sizeof cmd, "new %s", type);
	int npos = sg_args_parse(argc, argv, 3, opts, pos, kind == NEW_INSATS ? 2 : 1, cmd);
	if (npos < 0)
		return 2;
	if (kind == NEW_INSATS && forbund) {
		fprintf(stderr, _("sofgen new insats: the förbund comes before the title, not as --forbund\n%s"), _(usage_new));
		return 2;
	}
	if (on && kind == NEW_INSATS) {
		fprintf(stderr, _("sofgen new insats: --date is for nyhetsbrev and evenemang (an insats has start and end)\n%s"),
		        _(usage_new));
		return 2;
	}
	char why[200];
	if (on && !sg_date_valid(on, why, sizeof why)) {
		fprintf(stderr, _("sofgen new %s: --date %s: %s\n"), type, on, why);
		return 2;
	}
	if (npos != (kind == NEW_INSATS ? 2 : 1)) {
		fprintf(stderr, _("sofgen new %s: %s\n%s"), type,
		        kind == NEW_INSATS && npos == 1 ? _("which förbund, and what title?") : _("what title?"), _(usage_new));
		return 2;
	}
	if (kind == NEW_INSATS)
		forbund = pos[0];
	char *site = sg_path_join(content, "site.yaml");
	bool is_content = sg_is_file(site);
	free(site);
	if (!is_content) {
		fprintf(stderr, _("sofgen new %s: %s is not a content folder (it has no site.yaml); run sofgen in the site's folder or give --content DIR\n"),
		        type, content);
		return 2;
	}
	char *title = clean_title(pos[kind == NEW_INSATS ? 1 : 0], type);
	if (!title)
		return 2;
	char *slug = sg_slugify(title);
	int status = 0;
	char *forbund_title = NULL, **members = NULL, *path = NULL;
	size_t n_members = 0;
	sg_buf text = SG_BUF_INIT;
	char date[11], *rel = NULL;
	int year;
	if (!*slug) {
		fprintf(stderr, _("sofgen new %s: the title '%s' has no letters or digits to make a file name from\n"), type, title);
		status = 2;
		goto out;
	}
	if (forbund && check_forbund(content, forbund, type) != 0) {
		status = 1;
		goto out;
	}
	today(date, &year);
	char made[11]; /* the day the file is made, for its first comment */
	memcpy(made, date, sizeof made);
	if (on) { /* the event's day (or the letter's): the file name's month and its address follow it */
		snprintf(date, sizeof date, "%s", on);
		year = atoi(on);
	}
	switch ((new_kind)kind) {
	case NEW_INSATS:
		if (read_forbund(content, forbund, &forbund_title, &members, &n_members) != 0) {
			status = 1;
			goto out;
		}
		rel = sg_asprintf("%s/%s/%s%s", sg_content_kind_of(SG_SRC_INSATS)->folder, forbund, slug,
		                  sg_content_kind_of(SG_SRC_INSATS)->ext);
		insats_text(&text, title, forbund, forbund_title, members, n_members, date, year);
		break;
	case NEW_NYHETSBREV:
		rel = sg_asprintf("%s/%.7s-%s%s", sg_content_kind_of(SG_SRC_NYHETSBREV)->folder, date, slug,
		                  sg_content_kind_of(SG_SRC_NYHETSBREV)->ext);
		nyhetsbrev_text(&text, title, forbund, made, date);
		break;
	case NEW_EVENEMANG:
		/* a yearly event gets a new file each year; the month is the start's (--date, else
		 * today), as in the event's address */
		rel = sg_asprintf("%s/%.7s-%s%s", sg_content_kind_of(SG_SRC_EVENEMANG)->folder, date, slug,
		                  sg_content_kind_of(SG_SRC_EVENEMANG)->ext);
		evenemang_text(&text, title, forbund, made, date);
		break;
	}
	path = sg_path_join(content, rel);
	free(rel);
	status = write_new(path, sg_buf_cstr(&text), text.len, type);
	if (status == 0) {
		puts(path);
		fprintf(stderr, _("sofgen new %s: wrote %s as a draft; fill it in and set draft: false to publish it\n"), type,
		        path);
	}
out:
	free_list(members, n_members);
	free(forbund_title);
	free(path);
	free(slug);
	free(title);
	sg_buf_free(&text);
	return status;
}
