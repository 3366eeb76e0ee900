/* plan.c — pages and indexes (see plan.h). */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

char *sg_url_insats(const sg_insats *x) { return sg_asprintf("/insats/%s/%s/", x->forbund->slug, x->slug); }
char *sg_url_remiss(const sg_insats *x) { return sg_asprintf("/insats/%s/%s/remiss/", x->forbund->slug, x->slug); }
char *sg_url_kommun(const sg_kommun *k) { return sg_asprintf("/kommun/%s/", k->slug); }
char *sg_url_forbund(const sg_forbund *f) { return sg_asprintf("/forbund/%s/", f->slug); }
char *sg_url_kategori(const char *slug) { return sg_asprintf("/kategori/%s/", slug); }
char *sg_url_ekonomi(const sg_forbund *f, int year) { return sg_asprintf("/forbund/%s/ekonomi/%d/", f->slug, year); }
char *sg_url_sida(const sg_sida *s) { return sg_asprintf("/sidor/%s/", s->slug); }
char *sg_url_nyhetsbrev(const sg_nyhetsbrev *n) { return sg_asprintf("/nyhetsbrev/%s/", n->slug); }
char *sg_url_nyhetsbrev_epost(const sg_nyhetsbrev *n) { return sg_asprintf("/nyhetsbrev/%s/epost.html", n->slug); }
char *sg_url_nyhetsbrev_text(const sg_nyhetsbrev *n) { return sg_asprintf("/nyhetsbrev/%s/epost.txt", n->slug); }
char *sg_url_evenemang(const sg_evenemang *e) { return sg_asprintf("/evenemang/%s/", e->slug); }
char *sg_url_blankett(const sg_blankett *b) { return sg_asprintf("/blanketter/%s/", b->slug); }
char *sg_url_dokument(const sg_dokument *d) { return sg_asprintf("/dokument/%s", d->file); }

char *sg_url_nyhetsbrev_feed(const sg_forbund *f)
{
	return f ? sg_asprintf("/forbund/%s/nyhetsbrev.xml", f->slug) : sg_strdup("/nyhetsbrev/feed.xml");
}

char *sg_url_kalender(const sg_forbund *f)
{
	return f ? sg_asprintf("/forbund/%s/kalender.ics", f->slug) : sg_strdup("/evenemang/kalender.ics");
}

char *sg_url_out_path(const char *url)
{
	return url[strlen(url) - 1] == '/' ? sg_asprintf("%sindex.html", url + 1) : sg_strdup(url + 1);
}

char *sg_plan_url_of(const sg_plan *plan, sg_subject_kind kind, const void *target)
{
	(void)plan;
	switch (kind) {
	case SG_SUBJECT_INSATS: return sg_url_insats(target);
	case SG_SUBJECT_KOMMUN: return sg_url_kommun(target);
	case SG_SUBJECT_FORBUND: return sg_url_forbund(target);
	case SG_SUBJECT_CATEGORY: return sg_url_kategori(target);
	case SG_SUBJECT_NYHETSBREV: return sg_url_nyhetsbrev(target);
	case SG_SUBJECT_EVENEMANG: return sg_url_evenemang(target);
	case SG_SUBJECT_BLANKETT: return sg_url_blankett(target);
	case SG_SUBJECT_SIDA: return sg_url_sida(target);
	default: return NULL;
	}
}

char *sg_url_base_path(const char *base_url)
{
	const char *path = base_url ? strstr(base_url, "://") : NULL;
	path = path ? strchr(path + 3, '/') : NULL;
	size_t len = path ? strlen(path) : 0;
	while (len > 0 && path[len - 1] == '/')
		len--;
	return sg_strndup(path ? path : "", len);
}

char *sg_url_absolute(const char *base_url, const char *path)
{
	const char *base = base_url ? base_url : "";
	size_t bl = strlen(base);
	while (bl && base[bl - 1] == '/')
		bl--;
	return sg_asprintf("%.*s%s", (int)bl, base, path);
}

bool sg_plan_event_past(const sg_plan *plan, const sg_evenemang *e)
{
	/* an all-day event lasts the whole day: compare dates then */
	const char *last = e->end ? e->end : e->start;
	if (strlen(last) == 10)
		return strncmp(last, plan->now, 10) < 0;
	return strcmp(last, plan->now) < 0;
}

static void list_push(sg_insats_list *l, sg_insats *x)
{
	if ((l->n & (l->n - 1)) == 0)
		l->items = sg_realloc(l->items, (l->n ? l->n * 2 : 1) * sizeof *l->items);
	l->items[l->n++] = x;
}

static size_t index_of_kommun(const sg_site *site, const sg_kommun *k)
{
	/* kommuner are few (290 in Sweden); a linear search per place is fine */
	for (size_t i = 0; i < site->n_kommuner; i++)
		if (site->kommuner[i] == k)
			return i;
	return 0;
}

static size_t index_of_forbund(const sg_site *site, const sg_forbund *f)
{
	for (size_t i = 0; i < site->n_forbund; i++)
		if (site->forbund[i] == f)
			return i;
	return 0;
}

static bool has_place_in(const sg_insats *x, const sg_kommun *k)
{
	for (size_t i = 0; i < x->n_places; i++)
		if (x->places[i].member && x->places[i].member->kommun == k)
			return true;
	return false;
}

static bool is_shared(const sg_insats *x)
{
	if (x->n_places == 0)
		return true; /* no places given: the whole förbund */
	for (size_t i = 0; i < x->n_places; i++)
		if (!x->places[i].member)
			return true;
	return false;
}

/* ---- the page-kind table ------------------------------------------------------- */

const sg_page_kind_def *sg_plan_kind(const sg_plan *plan, sg_page_kind kind)
{
	if ((size_t)kind < SG_PAGE_KIND_COUNT)
		return &sg_page_kinds[kind];
	return &plan->extra.defs[(size_t)kind - SG_PAGE_KIND_COUNT];
}

void sg_plan_add_page(sg_plan *p, sg_page_kind kind, sg_subject subject)
{
	const sg_page_kind_def *def = sg_plan_kind(p, kind);
	if (p->n_pages == p->cap_pages)
		p->pages = sg_realloc(p->pages, (p->cap_pages = p->cap_pages ? p->cap_pages * 2 : 64) * sizeof *p->pages);
	char *url = def->url(subject);
	p->pages[p->n_pages++] = (sg_page){kind, url, sg_url_out_path(url), def->template, subject};
}

#define SUBJECT(k, member, x) ((sg_subject){.kind = (k), .member = (x)})

/* what each kind's page shows (sg_page_kind_def.shows_insats) */
bool sg_shows_no_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	(void)p, (void)x, (void)was;
	return false;
}

bool sg_shows_every_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	(void)p, (void)x, (void)was;
	return true;
}

bool sg_shows_its_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	(void)was;
	return p->subject.insats == x;
}

static bool shows_forbund_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	(void)was;
	return p->subject.forbund == x->forbund;
}

static bool shows_economy_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	(void)was;
	return p->subject.economy->forbund == x->forbund;
}

/* a kommun page lists (and sums) insatser of each förbund the kommun is a member of */
static bool shows_kommun_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	(void)was;
	const sg_kommun *k = p->subject.kommun->kommun;
	for (size_t i = 0; i < k->n_members; i++)
		if (k->members[i]->forbund == x->forbund)
			return true;
	return false;
}

static bool has_category(const sg_insats *x, const char *slug)
{
	for (size_t i = 0; i < x->n_categories; i++)
		if (strcmp(x->categories[i], slug) == 0)
			return true;
	return false;
}

static bool shows_category_insats(const sg_page *p, const sg_insats *x, const sg_insats *was)
{
	const char *slug = p->subject.category->category->slug;
	return has_category(x, slug) || has_category(was, slug);
}

/* each kind's URL (sg_page_kind_def.url) */
static char *url_home(sg_subject s) { (void)s; return sg_strdup("/"); }
static char *url_kommun(sg_subject s) { return sg_url_kommun(s.kommun->kommun); }
static char *url_forbund(sg_subject s) { return sg_url_forbund(s.forbund); }
static char *url_insats(sg_subject s) { return sg_url_insats(s.insats); }
static char *url_kategori(sg_subject s) { return sg_url_kategori(s.category->category->slug); }
static char *url_ekonomi(sg_subject s) { return sg_url_ekonomi(s.economy->forbund, s.economy->year); }
static char *url_nyhetsbrev_lista(sg_subject s) { (void)s; return sg_strdup("/nyhetsbrev/"); }
static char *url_nyhetsbrev(sg_subject s) { return sg_url_nyhetsbrev(s.nyhetsbrev); }
static char *url_nyhetsbrev_epost(sg_subject s) { return sg_url_nyhetsbrev_epost(s.nyhetsbrev); }
static char *url_evenemang_lista(sg_subject s) { (void)s; return sg_strdup("/evenemang/"); }
static char *url_evenemang(sg_subject s) { return sg_url_evenemang(s.evenemang); }
static char *url_dokument(sg_subject s) { (void)s; return sg_strdup("/dokument/"); }
static char *url_blankett(sg_subject s) { return sg_url_blankett(s.blankett); }
static char *url_remiss(sg_subject s) { return sg_url_remiss(s.insats); }
static char *url_sida(sg_subject s) { return sg_url_sida(s.sida); }
static char *url_sidor(sg_subject s) { (void)s; return sg_strdup("/sidor/"); }
static char *url_sok(sg_subject s) { (void)s; return sg_strdup("/sok/"); }
static char *url_tillganglighet(sg_subject s) { (void)s; return sg_strdup("/tillganglighetsredogorelse/"); }
static char *url_not_found(sg_subject s) { (void)s; return sg_strdup("/404.html"); }
static char *url_personuppgifter(sg_subject s) { (void)s; return sg_strdup("/personuppgifter/"); }

/* each kind's pages (sg_page_kind_def.pages) */
static const sg_subject no_subject = {.kind = SG_SUBJECT_NONE};

static void pages_one(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	(void)site;
	sg_plan_add_page(p, kind, no_subject);
}

static void pages_kommun(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	(void)site;
	for (size_t i = 0; i < p->n_kommuner; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_KOMMUN, kommun, &p->kommuner[i]));
}

static void pages_forbund(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_forbund; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_FORBUND, forbund, site->forbund[i]));
}

static void pages_insats(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_insatser; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_INSATS, insats, site->insatser[i]));
}

static void pages_kategori(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	(void)site;
	for (size_t i = 0; i < p->n_categories; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_CATEGORY, category, &p->categories[i]));
}

static void pages_ekonomi(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	(void)site;
	for (size_t i = 0; i < p->n_economies; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_ECONOMY, economy, p->economies[i]));
}

static void pages_nyhetsbrev_lista(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	if (site->n_nyhetsbrev)
		sg_plan_add_page(p, kind, no_subject);
}

/* each newsletter's page, and beside it its e-mail version */
static void pages_nyhetsbrev(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_nyhetsbrev; i++) {
		sg_subject n = SUBJECT(SG_SUBJECT_NYHETSBREV, nyhetsbrev, site->nyhetsbrev[i]);
		sg_plan_add_page(p, kind, n);
		sg_plan_add_page(p, SG_PAGE_NYHETSBREV_EPOST, n);
	}
}

static void pages_evenemang_lista(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	if (site->n_evenemang)
		sg_plan_add_page(p, kind, no_subject);
}

static void pages_evenemang(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_evenemang; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_EVENEMANG, evenemang, site->evenemang[i]));
}

static void pages_dokument(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	if (site->n_dokument)
		sg_plan_add_page(p, kind, no_subject);
}

static void pages_blankett(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_blanketter; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_BLANKETT, blankett, site->blanketter[i]));
}

static void pages_remiss(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_insatser; i++)
		if (site->insatser[i]->referral.blankett)
			sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_INSATS, insats, site->insatser[i]));
}

static void pages_sida(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < site->n_sidor; i++)
		sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_SIDA, sida, site->sidor[i]));
}

static void pages_sidor(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	if (site->sidor_index)
		sg_plan_add_page(p, kind, no_subject);
}

static void pages_tillganglighet(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_ACCESSIBILITY, accessibility, &site->info.accessibility));
}

/* May residents of k come to x (placed elsewhere)? When the insats names whom it is
 * open to (`open_to`), only those; otherwise every member of its förbund. */
static bool open_to(const sg_insats *x, const sg_kommun *k)
{
	if (!x->n_open_to)
		return true;
	for (size_t i = 0; i < x->n_open_to; i++)
		if (x->open_to[i]->kommun == k)
			return true;
	return false;
}

static char *url_kommun_utskrift(sg_subject s) { return sg_url_kommun_utskrift(s.kommun->kommun); }
static char *url_verksamhetsplan(sg_subject s) { return sg_url_verksamhetsplan(s.economy->forbund, s.economy->year); }

/* a plan document for each förbund and year that has a plan text or a budget */
static void pages_verksamhetsplan(sg_plan *p, const sg_site *site, sg_page_kind kind)
{
	for (size_t i = 0; i < p->n_economies; i++)
		if (sg_plan_has_vplan(site, p->economies[i]))
			sg_plan_add_page(p, kind, SUBJECT(SG_SUBJECT_ECONOMY, economy, p->economies[i]));
}

/* The table. A row per kind: name, template, subject, pages, URL, what insatser it
 * shows, in the sitemap, and what it lists when it has no content file of its own.
 * tests/unit/test_plan.c checks that every row is complete. */
const sg_page_kind_def sg_page_kinds[SG_PAGE_KIND_COUNT] = {
	[SG_PAGE_HOME] = {"home", "home", SG_SUBJECT_NONE, pages_one, url_home, sg_shows_every_insats, true, NULL},
	[SG_PAGE_KOMMUN] = {"kommun", "kommun", SG_SUBJECT_KOMMUN, pages_kommun, url_kommun, shows_kommun_insats, true,
	                    NULL},
	[SG_PAGE_FORBUND] = {"forbund", "forbund", SG_SUBJECT_FORBUND, pages_forbund, url_forbund, shows_forbund_insats,
	                     true, NULL},
	[SG_PAGE_INSATS] = {"insats", "insats", SG_SUBJECT_INSATS, pages_insats, url_insats, sg_shows_its_insats, true,
	                    NULL},
	[SG_PAGE_KATEGORI] = {"kategori", "kategori", SG_SUBJECT_CATEGORY, pages_kategori, url_kategori,
	                      shows_category_insats, true, "the list of a category's insatser"},
	[SG_PAGE_EKONOMI] = {"ekonomi", "ekonomi", SG_SUBJECT_ECONOMY, pages_ekonomi, url_ekonomi, shows_economy_insats,
	                     true, NULL},
	[SG_PAGE_NYHETSBREV_LISTA] = {"nyhetsbrev-lista", "nyhetsbrev-lista", SG_SUBJECT_NONE, pages_nyhetsbrev_lista,
	                              url_nyhetsbrev_lista, sg_shows_no_insats, true, "the list of newsletters"},
	[SG_PAGE_NYHETSBREV] = {"nyhetsbrev", "nyhetsbrev", SG_SUBJECT_NYHETSBREV, pages_nyhetsbrev, url_nyhetsbrev,
	                        sg_shows_no_insats, true, NULL},
	[SG_PAGE_NYHETSBREV_EPOST] = {"nyhetsbrev-epost", "nyhetsbrev-epost", SG_SUBJECT_NYHETSBREV, NULL,
	                              url_nyhetsbrev_epost, sg_shows_no_insats, true, NULL},
	[SG_PAGE_EVENEMANG_LISTA] = {"evenemang-lista", "evenemang-lista", SG_SUBJECT_NONE, pages_evenemang_lista,
	                             url_evenemang_lista, sg_shows_no_insats, true, "the list of events"},
	[SG_PAGE_EVENEMANG] = {"evenemang", "evenemang", SG_SUBJECT_EVENEMANG, pages_evenemang, url_evenemang,
	                       sg_shows_no_insats, true, NULL},
	[SG_PAGE_DOKUMENT] = {"dokument", "dokument", SG_SUBJECT_NONE, pages_dokument, url_dokument, sg_shows_no_insats,
	                      true, "the list of documents"},
	[SG_PAGE_BLANKETT] = {"blankett", "blankett", SG_SUBJECT_BLANKETT, pages_blankett, url_blankett,
	                      sg_shows_no_insats, true, NULL},
	[SG_PAGE_REMISS] = {"remiss", "blankett", SG_SUBJECT_INSATS, pages_remiss, url_remiss, sg_shows_its_insats, true,
	                    NULL},
	[SG_PAGE_SIDA] = {"sida", "sida", SG_SUBJECT_SIDA, pages_sida, url_sida, sg_shows_no_insats, true, NULL},
	[SG_PAGE_SIDOR] = {"sidor", "sidor", SG_SUBJECT_NONE, pages_sidor, url_sidor, sg_shows_no_insats, true, NULL},
	[SG_PAGE_SOK] = {"sok", "sok", SG_SUBJECT_NONE, pages_one, url_sok, sg_shows_every_insats, true, NULL},
	[SG_PAGE_TILLGANGLIGHET] = {"tillganglighet", "tillganglighet", SG_SUBJECT_ACCESSIBILITY, pages_tillganglighet,
	                            url_tillganglighet, sg_shows_no_insats, true, NULL},
	[SG_PAGE_NOT_FOUND] = {"404", "404", SG_SUBJECT_NONE, pages_one, url_not_found, sg_shows_no_insats, false, NULL},
	[SG_PAGE_KOMMUN_UTSKRIFT] = {"kommun-utskrift", "kommun-utskrift", SG_SUBJECT_KOMMUN, pages_kommun,
	                             url_kommun_utskrift, shows_kommun_insats, true, NULL},
	[SG_PAGE_PERSONUPPGIFTER] = {"personuppgifter", "personuppgifter", SG_SUBJECT_NONE, pages_one,
	                             url_personuppgifter, sg_shows_no_insats, true, NULL},
	[SG_PAGE_VERKSAMHETSPLAN] = {"verksamhetsplan", "verksamhetsplan", SG_SUBJECT_ECONOMY, pages_verksamhetsplan,
	                             url_verksamhetsplan, shows_economy_insats, true, NULL},
};

const char *sg_page_source(const sg_page *p)
{
	const sg_subject *s = &p->subject;
	switch (s->kind) {
	case SG_SUBJECT_KOMMUN: {
		const sg_kommun *k = s->kommun->kommun;
		return k->n_members ? k->members[0]->forbund->path : NULL;
	}
	case SG_SUBJECT_FORBUND: return s->forbund->path;
	case SG_SUBJECT_ECONOMY: return s->economy->forbund->path;
	case SG_SUBJECT_INSATS: return s->insats->path;
	case SG_SUBJECT_SIDA: return s->sida->path;
	case SG_SUBJECT_NYHETSBREV: return s->nyhetsbrev->path;
	case SG_SUBJECT_EVENEMANG: return s->evenemang->path;
	case SG_SUBJECT_BLANKETT: return s->blankett->path;
	default: return NULL;
	}
}

sg_plan *sg_plan_new(const sg_site *site, const char *now) { return sg_plan_new_with(site, now, NULL); }

sg_plan *sg_plan_new_with(const sg_site *site, const char *now, const sg_plan_kinds *extra)
{
	sg_plan *p = sg_calloc(1, sizeof *p);
	p->now = sg_strdup(now ? now : "1970-01-01T00:00");
	if (extra)
		p->extra = *extra;

	/* indexes */
	p->n_kommuner = site->n_kommuner;
	p->kommuner = sg_calloc(site->n_kommuner ? site->n_kommuner : 1, sizeof *p->kommuner);
	for (size_t i = 0; i < site->n_kommuner; i++)
		p->kommuner[i].kommun = site->kommuner[i];
	p->n_forbund = site->n_forbund;
	p->by_forbund = sg_calloc(site->n_forbund ? site->n_forbund : 1, sizeof *p->by_forbund);
	size_t ncat;
	const sg_category_info *cats = sg_categories(&ncat);
	sg_insats_list *by_cat = sg_calloc(ncat, sizeof *by_cat);

	for (size_t i = 0; i < site->n_insatser; i++) {
		sg_insats *x = site->insatser[i];
		list_push(&p->by_forbund[index_of_forbund(site, x->forbund)], x);
		for (size_t c = 0; c < x->n_categories; c++)
			for (size_t k = 0; k < ncat; k++)
				if (strcmp(cats[k].slug, x->categories[c]) == 0)
					list_push(&by_cat[k], x);
		if (x->area == SG_AREA_STRUKTUR) {
			/* not something a person is referred to: listed apart on each member's page */
			for (size_t m = 0; m < x->forbund->n_members; m++) {
				sg_kommun *k = x->forbund->members[m].kommun;
				if (is_shared(x) || has_place_in(x, k))
					list_push(&p->kommuner[index_of_kommun(site, k)].structural, x);
			}
			continue;
		}
		for (size_t k = 0; k < x->n_places; k++) {
			const sg_place *pl = &x->places[k];
			if (!pl->member)
				continue;
			bool seen = false; /* a kommun listed twice gets one entry */
			for (size_t j = 0; j < k; j++)
				seen |= x->places[j].member == pl->member;
			if (!seen)
				list_push(&p->kommuner[index_of_kommun(site, pl->member->kommun)].local, x);
		}
		/* shared and "elsewhere, open for referral": every member kommun of the förbund */
		bool shared = is_shared(x);
		for (size_t m = 0; m < x->forbund->n_members; m++) {
			sg_kommun *k = x->forbund->members[m].kommun;
			sg_kommun_index *ki = &p->kommuner[index_of_kommun(site, k)];
			if (has_place_in(x, k))
				continue;
			if (shared)
				list_push(&ki->shared, x);
			else if (sg_insats_takes_referrals_at(x, p->now) && open_to(x, k))
				list_push(&ki->other, x);
		}
	}
	p->categories = sg_calloc(ncat, sizeof *p->categories);
	for (size_t k = 0; k < ncat; k++) {
		if (by_cat[k].n == 0)
			continue;
		p->categories[p->n_categories].category = &cats[k];
		p->categories[p->n_categories++].insatser = by_cat[k];
	}
	free(by_cat);

	/* economic summaries: every year a förbund has insatser or a budget for */
	size_t ecap = 0;
	for (size_t i = 0; i < site->n_forbund; i++) {
		size_t ny;
		int *years = sg_economy_years(site, site->forbund[i], &ny);
		for (size_t y = 0; y < ny; y++) {
			if (p->n_economies == ecap)
				p->economies = sg_realloc(p->economies, (ecap = ecap ? ecap * 2 : 8) * sizeof *p->economies);
			p->economies[p->n_economies++] = sg_economy_new(site, site->forbund[i], years[y]);
		}
		free(years);
	}

	p->first_upcoming = site->n_evenemang;
	for (size_t i = site->n_evenemang; i-- > 0;)
		if (!sg_plan_event_past(p, site->evenemang[i]))
			p->first_upcoming = i;

	/* pages: kind by kind, in the table's order */
	for (size_t k = 0; k < SG_PAGE_KIND_COUNT + p->extra.n; k++) {
		const sg_page_kind_def *def = sg_plan_kind(p, (sg_page_kind)k);
		if (def->pages)
			def->pages(p, site, (sg_page_kind)k);
	}
	return p;
}

/* Could x take its old version's places in every list and page, in a new order? */
static bool same_membership(const sg_plan *p, const sg_insats *x, const sg_insats *was)
{
	if (x->forbund != was->forbund || x->area != was->area || x->year != was->year ||
	    sg_insats_takes_referrals_at(x, p->now) != sg_insats_takes_referrals_at(was, p->now) || !x->referral.blankett != !was->referral.blankett ||
	    x->n_places != was->n_places || x->n_categories != was->n_categories || x->n_open_to != was->n_open_to)
		return false;
	for (size_t i = 0; i < x->n_open_to; i++)
		if (x->open_to[i] != was->open_to[i])
			return false;
	for (size_t i = 0; i < x->n_places; i++) {
		if (x->places[i].member != was->places[i].member || x->places[i].n_years != was->places[i].n_years)
			return false;
		for (size_t k = 0; k < x->places[i].n_years; k++) /* which years' economy pages it is on */
			if (x->places[i].years[k].year != was->places[i].years[k].year)
				return false;
	}
	for (size_t i = 0; i < x->n_categories; i++)
		if (strcmp(x->categories[i], was->categories[i]) != 0)
			return false;
	return true;
}

/* Puts the list back in site order (by index) when it holds one of the moved. */
static void reorder(sg_insats_list *l, sg_insats *const *moved, size_t n_moved)
{
	for (size_t m = 0; m < n_moved; m++) {
		size_t at = 0;
		while (at < l->n && l->items[at] != moved[m])
			at++;
		if (at == l->n)
			continue;
		sg_insats *x = l->items[at];
		memmove(l->items + at, l->items + at + 1, (l->n - at - 1) * sizeof *l->items);
		size_t lo = 0, hi = l->n - 1;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (l->items[mid]->index < x->index)
				lo = mid + 1;
			else
				hi = mid;
		}
		memmove(l->items + lo + 1, l->items + lo, (l->n - 1 - lo) * sizeof *l->items);
		l->items[lo] = x;
	}
}

static int by_subject_index(const void *a, const void *b)
{
	size_t x = ((const sg_page *)a)->subject.insats->index;
	size_t y = ((const sg_page *)b)->subject.insats->index;
	return x < y ? -1 : x > y;
}

bool sg_plan_update(sg_plan *p, const sg_site *site, const char *now, sg_insats *const *changed,
                    const sg_insats *const *was, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!same_membership(p, changed[i], was[i]))
			return false;
	/* lists and pages follow the site's (new) order */
	for (size_t k = 0; k < p->n_kommuner; k++) {
		reorder(&p->kommuner[k].local, changed, n);
		reorder(&p->kommuner[k].shared, changed, n);
		reorder(&p->kommuner[k].other, changed, n);
		reorder(&p->kommuner[k].structural, changed, n);
	}
	for (size_t f = 0; f < p->n_forbund; f++)
		reorder(&p->by_forbund[f], changed, n);
	for (size_t c = 0; c < p->n_categories; c++)
		reorder(&p->categories[c].insatser, changed, n);
	for (size_t i = 0; i < p->n_pages;) {
		sg_page_kind kind = p->pages[i].kind;
		size_t end = i;
		while (end < p->n_pages && p->pages[end].kind == kind)
			end++;
		if (p->pages[i].subject.kind == SG_SUBJECT_INSATS) /* one page per insats: in site order */
			qsort(p->pages + i, end - i, sizeof *p->pages, by_subject_index);
		i = end;
	}
	/* the sums of the changed insatser's förbund */
	for (size_t e = 0; e < p->n_economies; e++) {
		sg_economy *old = p->economies[e];
		bool affected = false;
		for (size_t i = 0; i < n && !affected; i++)
			affected = changed[i]->forbund == old->forbund;
		if (!affected)
			continue;
		p->economies[e] = sg_economy_new(site, old->forbund, old->year);
		for (size_t i = 0; i < p->n_pages; i++)
			if (p->pages[i].subject.kind == SG_SUBJECT_ECONOMY && p->pages[i].subject.economy == old)
				p->pages[i].subject.economy = p->economies[e];
		sg_economy_free(old);
	}
	/* what counts as past may have moved on */
	free(p->now);
	p->now = sg_strdup(now ? now : "1970-01-01T00:00");
	p->first_upcoming = site->n_evenemang;
	for (size_t i = site->n_evenemang; i-- > 0;)
		if (!sg_plan_event_past(p, site->evenemang[i]))
			p->first_upcoming = i;
	return true;
}

void sg_plan_free(sg_plan *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n_pages; i++) {
		free(p->pages[i].url);
		free(p->pages[i].out_path);
	}
	free(p->pages);
	for (size_t i = 0; i < p->n_kommuner; i++) {
		free(p->kommuner[i].local.items);
		free(p->kommuner[i].shared.items);
		free(p->kommuner[i].other.items);
		free(p->kommuner[i].structural.items);
	}
	free(p->kommuner);
	for (size_t i = 0; i < p->n_forbund; i++)
		free(p->by_forbund[i].items);
	free(p->by_forbund);
	for (size_t i = 0; i < p->n_categories; i++)
		free(p->categories[i].insatser.items);
	for (size_t i = 0; i < p->n_economies; i++)
		sg_economy_free(p->economies[i]);
	free(p->economies);
	free(p->now);
	free(p->categories);
	free(p);
}

char *sg_url_kommun_utskrift(const sg_kommun *k) { return sg_asprintf("/kommun/%s/utskrift/", k->slug); }
char *sg_url_evenemang_ics(const sg_evenemang *e) { return sg_asprintf("/evenemang/%s/%s.ics", e->slug, e->slug); }

char *sg_url_verksamhetsplan(const sg_forbund *f, int year)
{
	return sg_asprintf("/forbund/%s/verksamhetsplan/%d/", f->slug, year);
}

char *sg_url_verksamhetsplan_pdf(const sg_forbund *f, int year)
{
	return sg_asprintf("/forbund/%s/verksamhetsplan/%d/verksamhetsplan-%s-%d.pdf", f->slug, year, f->slug, year);
}

bool sg_plan_has_vplan(const sg_site *site, const sg_economy *e)
{
	return e->budget || sg_site_find_vplan(site, e->forbund, e->year);
}
