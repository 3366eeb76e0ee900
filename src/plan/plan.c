/* plan.c — pages and indexes (see plan.h). */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

char *sg_url_insats(const sg_insats *x) { return sg_asprintf("/insats/%s/%s/", x->forbund->slug, x->slug); }
char *sg_url_kommun(const sg_kommun *k) { return sg_asprintf("/kommun/%s/", k->slug); }
char *sg_url_forbund(const sg_forbund *f) { return sg_asprintf("/forbund/%s/", f->slug); }
char *sg_url_kategori(const char *slug) { return sg_asprintf("/kategori/%s/", slug); }
char *sg_url_sida(const sg_sida *s) { return sg_asprintf("/sidor/%s/", s->slug); }
char *sg_url_ekonomi(const sg_forbund *f, int year) { return sg_asprintf("/forbund/%s/ekonomi/%d/", f->slug, year); }
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

char *sg_url_nyhetsbrev(const sg_nyhetsbrev *n) { return sg_asprintf("/nyhetsbrev/%s/", n->slug); }
char *sg_url_evenemang(const sg_evenemang *e) { return sg_asprintf("/evenemang/%s/", e->slug); }
char *sg_url_blankett(const sg_blankett *b) { return sg_asprintf("/blanketter/%s/", b->slug); }
char *sg_url_remiss(const sg_insats *x) { return sg_asprintf("/insats/%s/%s/remiss/", x->forbund->slug, x->slug); }

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

static void add_page(sg_plan *p, size_t *cap, sg_page_kind kind, char *url, const char *template, const void *subject)
{
	if (p->n_pages == *cap)
		p->pages = sg_realloc(p->pages, (*cap = *cap ? *cap * 2 : 64) * sizeof *p->pages);
	/* "/a/b/" is written as a/b/index.html; "/a/b.html" as itself */
	char *out = url[strlen(url) - 1] == '/' ? sg_asprintf("%sindex.html", url + 1) : sg_strdup(url + 1);
	p->pages[p->n_pages++] = (sg_page){kind, url, out, template, subject};
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

sg_plan *sg_plan_new(const sg_site *site, const char *now)
{
	sg_plan *p = sg_calloc(1, sizeof *p);
	p->now = sg_strdup(now ? now : "1970-01-01T00:00");
	size_t cap = 0;

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
			else if (x->referral.open)
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

	/* pages */
	add_page(p, &cap, SG_PAGE_HOME, sg_strdup("/"), "home", NULL);
	for (size_t i = 0; i < p->n_kommuner; i++)
		add_page(p, &cap, SG_PAGE_KOMMUN, sg_url_kommun(site->kommuner[i]), "kommun", &p->kommuner[i]);
	for (size_t i = 0; i < site->n_forbund; i++)
		add_page(p, &cap, SG_PAGE_FORBUND, sg_url_forbund(site->forbund[i]), "forbund", site->forbund[i]);
	for (size_t i = 0; i < site->n_insatser; i++)
		add_page(p, &cap, SG_PAGE_INSATS, sg_url_insats(site->insatser[i]), "insats", site->insatser[i]);
	for (size_t i = 0; i < p->n_categories; i++)
		add_page(p, &cap, SG_PAGE_KATEGORI, sg_url_kategori(p->categories[i].category->slug), "kategori",
		         &p->categories[i]);
	for (size_t i = 0; i < p->n_economies; i++)
		add_page(p, &cap, SG_PAGE_EKONOMI, sg_url_ekonomi(p->economies[i]->forbund, p->economies[i]->year), "ekonomi",
		         p->economies[i]);
	if (site->n_nyhetsbrev)
		add_page(p, &cap, SG_PAGE_NYHETSBREV_LISTA, sg_strdup("/nyhetsbrev/"), "nyhetsbrev-lista", NULL);
	for (size_t i = 0; i < site->n_nyhetsbrev; i++) {
		const sg_nyhetsbrev *n = site->nyhetsbrev[i];
		add_page(p, &cap, SG_PAGE_NYHETSBREV, sg_url_nyhetsbrev(n), "nyhetsbrev", n);
		add_page(p, &cap, SG_PAGE_NYHETSBREV_EPOST, sg_asprintf("/nyhetsbrev/%s/epost.html", n->slug),
		         "nyhetsbrev-epost", n);
	}
	if (site->n_evenemang)
		add_page(p, &cap, SG_PAGE_EVENEMANG_LISTA, sg_strdup("/evenemang/"), "evenemang-lista", NULL);
	for (size_t i = 0; i < site->n_evenemang; i++)
		add_page(p, &cap, SG_PAGE_EVENEMANG, sg_url_evenemang(site->evenemang[i]), "evenemang", site->evenemang[i]);
	p->first_upcoming = site->n_evenemang;
	for (size_t i = site->n_evenemang; i-- > 0;)
		if (!sg_plan_event_past(p, site->evenemang[i]))
			p->first_upcoming = i;
	if (site->n_dokument)
		add_page(p, &cap, SG_PAGE_DOKUMENT, sg_strdup("/dokument/"), "dokument", NULL);
	for (size_t i = 0; i < site->n_blanketter; i++)
		add_page(p, &cap, SG_PAGE_BLANKETT, sg_url_blankett(site->blanketter[i]), "blankett", site->blanketter[i]);
	for (size_t i = 0; i < site->n_insatser; i++)
		if (site->insatser[i]->referral.blankett)
			add_page(p, &cap, SG_PAGE_REMISS, sg_url_remiss(site->insatser[i]), "blankett", site->insatser[i]);
	for (size_t i = 0; i < site->n_sidor; i++)
		add_page(p, &cap, SG_PAGE_SIDA, sg_url_sida(site->sidor[i]), "sida", site->sidor[i]);
	if (site->sidor_index)
		add_page(p, &cap, SG_PAGE_SIDOR, sg_strdup("/sidor/"), "sidor", NULL);
	add_page(p, &cap, SG_PAGE_SOK, sg_strdup("/sok/"), "sok", NULL);
	add_page(p, &cap, SG_PAGE_TILLGANGLIGHET, sg_strdup("/tillganglighetsredogorelse/"), "tillganglighet",
	         &site->info.accessibility);
	add_page(p, &cap, SG_PAGE_NOT_FOUND, sg_strdup("/404.html"), "404", NULL);
	return p;
}

/* Could x take its old version's places in every list and page, in a new order? */
static bool same_membership(const sg_insats *x, const sg_insats *was)
{
	if (x->forbund != was->forbund || x->area != was->area || x->year != was->year ||
	    x->referral.open != was->referral.open || !x->referral.blankett != !was->referral.blankett ||
	    x->n_places != was->n_places || x->n_categories != was->n_categories)
		return false;
	for (size_t i = 0; i < x->n_places; i++)
		if (x->places[i].member != was->places[i].member)
			return false;
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
	size_t x = ((const sg_insats *)((const sg_page *)a)->subject)->index;
	size_t y = ((const sg_insats *)((const sg_page *)b)->subject)->index;
	return x < y ? -1 : x > y;
}

bool sg_plan_update(sg_plan *p, const sg_site *site, const char *now, sg_insats *const *changed,
                    const sg_insats *const *was, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!same_membership(changed[i], was[i]))
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
		if (kind == SG_PAGE_INSATS || kind == SG_PAGE_REMISS)
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
			if (p->pages[i].subject == old)
				p->pages[i].subject = p->economies[e];
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
