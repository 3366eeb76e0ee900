/* plan.h — which pages the site has: their URLs, output files and templates, and the
 * indexes the list pages need (insatser per kommun, per förbund, per category).
 * Computed once from the model, in linear time; read-only afterwards. */
#ifndef SG_PLAN_H
#define SG_PLAN_H
#include <stddef.h>

#include "../model/economy.h"
#include "../model/model.h"

typedef enum {
	SG_PAGE_HOME,
	SG_PAGE_KOMMUN,
	SG_PAGE_FORBUND,
	SG_PAGE_INSATS,
	SG_PAGE_KATEGORI,
	SG_PAGE_SIDA,
	SG_PAGE_SIDOR, /* every sida, when some are not in the footer */
	SG_PAGE_EKONOMI,
	SG_PAGE_NYHETSBREV_LISTA,
	SG_PAGE_NYHETSBREV,
	SG_PAGE_NYHETSBREV_EPOST, /* the e-mail version: self-contained HTML */
	SG_PAGE_EVENEMANG_LISTA,
	SG_PAGE_EVENEMANG,
	SG_PAGE_DOKUMENT,
	SG_PAGE_BLANKETT, /* a form on its own */
	SG_PAGE_REMISS,   /* an insats' referral form */
	SG_PAGE_TILLGANGLIGHET, /* the accessibility statement */
	SG_PAGE_SOK,            /* search */
	SG_PAGE_NOT_FOUND
} sg_page_kind;

typedef struct sg_insats_list {
	sg_insats **items;
	size_t n;
} sg_insats_list;

/* What a referrer sees for one kommun. */
typedef struct sg_kommun_index {
	sg_kommun *kommun;
	/* local, shared and other hold individinriktade insatser (and those without area) */
	sg_insats_list local;  /* insatser with a place in the kommun */
	sg_insats_list shared; /* its förbund's insatser for the whole förbund */
	sg_insats_list other;  /* its förbund's insatser elsewhere that take referrals now */
	sg_insats_list structural; /* strukturövergripande work of its förbund (not for referral) */
} sg_kommun_index;

typedef struct sg_category_index {
	const sg_category_info *category;
	sg_insats_list insatser;
} sg_category_index;

typedef struct sg_page {
	sg_page_kind kind;
	char *url;      /* site-relative, e.g. "/kommun/boras/" */
	char *out_path; /* relative to the output dir, e.g. "kommun/boras/index.html" */
	const char *template;
	const void *subject; /* sg_kommun_index*, sg_forbund*, sg_insats*, sg_category_index*, sg_sida*,
	                        sg_economy*, or NULL */
} sg_page;

typedef struct sg_plan {
	sg_page *pages;
	size_t n_pages;
	sg_kommun_index *kommuner; /* parallel to site->kommuner */
	size_t n_kommuner;
	sg_insats_list *by_forbund; /* parallel to site->forbund */
	size_t n_forbund;
	sg_category_index *categories; /* only categories that have insatser */
	size_t n_categories;
	sg_economy **economies; /* one per förbund and year, by förbund then year */
	size_t n_economies;
	char *now; /* "YYYY-MM-DDTHH:MM": what counts as upcoming */
	size_t first_upcoming; /* index in site->evenemang of the first event not yet over */
} sg_plan;

/* `now` is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (Europe/Stockholm): events ending
 * before it are archived. */
sg_plan *sg_plan_new(const sg_site *site, const char *now);
/* Has the event ended by plan->now? */
bool sg_plan_event_past(const sg_plan *plan, const sg_evenemang *e);
void sg_plan_free(sg_plan *plan);
/* After insatser were rebuilt in place and site->insatser put in order again: when
 * each changed[i] is in the same lists and has the same pages as its previous version
 * was[i] (places, categories, area, year, referral), the plan is brought up to date in
 * place (lists and pages in the new order, the förbund's sums again, `now`) and true
 * is returned; otherwise false, and the plan is unchanged: make a new one. */
bool sg_plan_update(sg_plan *plan, const sg_site *site, const char *now, sg_insats *const *changed,
                    const sg_insats *const *was, size_t n);

/* URLs of model objects (malloc'd, site-relative, ending in '/'). */
char *sg_url_insats(const sg_insats *x);
char *sg_url_kommun(const sg_kommun *k);
char *sg_url_forbund(const sg_forbund *f);
char *sg_url_kategori(const char *category_slug);
char *sg_url_sida(const sg_sida *s);
char *sg_url_ekonomi(const sg_forbund *f, int year);
/* The path of a base_url without its final '/': "" for https://example.se/, "/varend"
 * for https://example.se/varend/ (malloc'd). Every site-relative URL starts with it. */
char *sg_url_base_path(const char *base_url);
/* base_url (its final '/' dropped) followed by a site-relative path ("/kommun/boras/"):
 * an absolute URL for feeds, sitemaps, e-mail and open data (malloc'd). With path "",
 * the site's address without its final '/'. */
char *sg_url_absolute(const char *base_url, const char *path);
char *sg_url_nyhetsbrev(const sg_nyhetsbrev *n);
char *sg_url_evenemang(const sg_evenemang *e);
char *sg_url_blankett(const sg_blankett *b);
char *sg_url_remiss(const sg_insats *x);

#endif
