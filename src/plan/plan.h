/* plan.h — which pages the site has: their URLs, output files and templates, and the
 * indexes the list pages need (insatser per kommun, per förbund, per category).
 * Computed once from the model, in linear time; read-only afterwards (serve's
 * sg_plan_update aside). The page-kind table (sg_page_kinds) says, for each kind of
 * page, its template, its URL and which insatser it shows; the plan is also the one
 * place that knows the URL of every page and file (the sg_url_… functions below).
 * Depends on the model only. */
#ifndef SG_PLAN_H
#define SG_PLAN_H
#include <stddef.h>

#include "../model/economy.h"
#include "../model/model.h"

/* Every page kind. The order is the order of the pages in the plan (and so in the
 * sitemap); each has a row in the page-kind table (sg_page_kinds below). */
typedef enum {
	SG_PAGE_HOME,
	SG_PAGE_KOMMUN,
	SG_PAGE_FORBUND,
	SG_PAGE_INSATS,
	SG_PAGE_KATEGORI,
	SG_PAGE_EKONOMI,
	SG_PAGE_NYHETSBREV_LISTA,
	SG_PAGE_NYHETSBREV,
	SG_PAGE_NYHETSBREV_EPOST, /* the e-mail version: self-contained HTML */
	SG_PAGE_EVENEMANG_LISTA,
	SG_PAGE_EVENEMANG,
	SG_PAGE_DOKUMENT,
	SG_PAGE_BLANKETT, /* a form on its own */
	SG_PAGE_REMISS,   /* an insats' referral form */
	SG_PAGE_SIDA,
	SG_PAGE_SIDOR,          /* every sida, when some are not in the footer */
	SG_PAGE_SOK,            /* search */
	SG_PAGE_TILLGANGLIGHET, /* the accessibility statement */
	SG_PAGE_NOT_FOUND,
	SG_PAGE_KOMMUN_UTSKRIFT, /* a kommun's printable list of what takes referrals */
	SG_PAGE_PERSONUPPGIFTER, /* "Behandling av personuppgifter", from site.yaml's privacy: */
	SG_PAGE_VERKSAMHETSPLAN, /* a förbund's plan document for a year (subject: its economy) */
	SG_PAGE_KIND_COUNT /* not a kind: the number of built-in kinds. Kinds from
	                      sg_plan_kinds (tests) are numbered from here on */
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

/* What a page shows: one model object (or plan index), tagged. */
typedef enum {
	SG_SUBJECT_NONE, /* a page of the whole site (home, search, the lists of publications) */
	SG_SUBJECT_KOMMUN,
	SG_SUBJECT_FORBUND,
	SG_SUBJECT_INSATS,
	SG_SUBJECT_CATEGORY,
	SG_SUBJECT_ECONOMY,
	SG_SUBJECT_NYHETSBREV,
	SG_SUBJECT_EVENEMANG,
	SG_SUBJECT_BLANKETT,
	SG_SUBJECT_SIDA,
	SG_SUBJECT_ACCESSIBILITY,
} sg_subject_kind;

typedef struct sg_subject {
	sg_subject_kind kind;
	union { /* the member named by kind; all borrowed from the site or the plan */
		const void *any;
		const sg_kommun_index *kommun;
		const sg_forbund *forbund;
		const sg_insats *insats;
		const sg_category_index *category;
		const sg_economy *economy;
		const sg_nyhetsbrev *nyhetsbrev;
		const sg_evenemang *evenemang;
		const sg_blankett *blankett;
		const sg_sida *sida;
		const sg_a11y *accessibility;
	};
} sg_subject;

typedef struct sg_page {
	sg_page_kind kind;
	char *url;      /* site-relative, e.g. "/kommun/boras/" (owned by the plan) */
	char *out_path; /* relative to the output dir, e.g. "kommun/boras/index.html" (owned) */
	const char *template;
	sg_subject subject; /* its kind is the page kind's (sg_page_kind_def.subject) */
} sg_page;

typedef struct sg_plan sg_plan;

/* One row of the page-kind table: everything the stages need to know about a kind of
 * page. The plan makes the pages from it, the template check (pipeline.c) and serve's
 * incremental rebuild (session.c) read it, and a test checks that every row is
 * complete, so a new kind cannot be half added. */
typedef struct sg_page_kind_def {
	const char *name;     /* for messages and docs, e.g. "insats" */
	const char *template; /* the template that renders it (without .mustache); every site needs it */
	sg_subject_kind subject;
	/* Adds the pages of this kind to the plan, in order, with sg_plan_add_page. NULL
	 * only for a kind whose pages another kind's function adds (the e-mail version of
	 * each newsletter, added beside it). Called after the plan's indexes are made. */
	void (*pages)(sg_plan *plan, const sg_site *site, sg_page_kind kind);
	/* The URL of the page of this kind that shows subject (malloc'd, site-relative). */
	char *(*url)(sg_subject subject);
	/* Does page p (of this kind) show insats x (its text, or a list, a count or a sum
	 * that includes it), now or in its previous version was? After an insats changes,
	 * serve renders again exactly the pages for which this holds (and every page when
	 * site-wide values change). Never NULL: sg_shows_no_insats states "none". */
	bool (*shows_insats)(const sg_page *p, const sg_insats *x, const sg_insats *was);
	bool in_sitemap;
	/* for messages about a page with no content file of its own (a list of many):
	 * "the list of events"; NULL when the page has one (sg_page_source) */
	const char *list_of;
} sg_page_kind_def;

/* The built-in page kinds: SG_PAGE_KIND_COUNT rows, indexed by sg_page_kind. */
extern const sg_page_kind_def sg_page_kinds[SG_PAGE_KIND_COUNT];

/* Page kinds beyond the built-in ones (a plan hook for tests: a kind that is not part
 * of sofgen, numbered SG_PAGE_KIND_COUNT + i). Borrowed; must outlive the plan. */
typedef struct sg_plan_kinds {
	const sg_page_kind_def *defs;
	size_t n;
} sg_plan_kinds;

/* Ready-made dependencies for the table: */
bool sg_shows_no_insats(const sg_page *p, const sg_insats *x, const sg_insats *was);    /* none */
bool sg_shows_every_insats(const sg_page *p, const sg_insats *x, const sg_insats *was); /* all */
bool sg_shows_its_insats(const sg_page *p, const sg_insats *x, const sg_insats *was);   /* its subject */

struct sg_plan {
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
	sg_plan_kinds extra;   /* page kinds beyond the built-in ones (borrowed) */
	size_t cap_pages;
};

/* `now` is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (Europe/Stockholm): events ending
 * before it are archived. */
sg_plan *sg_plan_new(const sg_site *site, const char *now);
/* The same, with the page kinds of extra (may be NULL) after the built-in ones. */
sg_plan *sg_plan_new_with(const sg_site *site, const char *now, const sg_plan_kinds *extra);
/* The row of a kind (built-in, or one of the plan's extra kinds). */
const sg_page_kind_def *sg_plan_kind(const sg_plan *plan, sg_page_kind kind);
/* For a kind's `pages` function: adds the page of kind that shows subject; its URL,
 * output path and template come from the kind's row. */
void sg_plan_add_page(sg_plan *plan, sg_page_kind kind, sg_subject subject);
/* The content file a page is made from, for messages (a kommun's: its first
 * förbund's); NULL for a page of the whole site or a list of many. */
const char *sg_page_source(const sg_page *p);
/* "/kommun/<slug>/utskrift/": a kommun's printable list (malloc'd). */
char *sg_url_kommun_utskrift(const sg_kommun *k);
/* "/evenemang/<slug>/<slug>.ics": one event's own iCalendar file (malloc'd). */
char *sg_url_evenemang_ics(const sg_evenemang *e);
/* "/forbund/<slug>/verksamhetsplan/<år>/": the plan document (malloc'd). */
char *sg_url_verksamhetsplan(const sg_forbund *f, int year);
/* "…/verksamhetsplan/<år>/verksamhetsplan-<slug>-<år>.pdf": where `sofgen pdf` writes
 * its PDF in the built site (malloc'd). */
char *sg_url_verksamhetsplan_pdf(const sg_forbund *f, int year);
/* Does the förbund have a plan document for the economy's year? Only when it has a
 * plan text (planer/<förbund>/<år>.md) or a budget for it: insatser alone are not a plan. */
bool sg_plan_has_vplan(const sg_site *site, const sg_economy *e);
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

/* ---- URLs: the one place that knows where each page and file of the site is ----
 * All malloc'd and site-relative ("/kommun/boras/"); a page's URL ends in '/' or names
 * its file; sg_url_out_path turns one into the path of the file written. */
char *sg_url_insats(const sg_insats *x);
char *sg_url_remiss(const sg_insats *x); /* its referral form */
char *sg_url_kommun(const sg_kommun *k);
char *sg_url_forbund(const sg_forbund *f);
char *sg_url_kategori(const char *category_slug);
char *sg_url_ekonomi(const sg_forbund *f, int year);
char *sg_url_sida(const sg_sida *s);
char *sg_url_nyhetsbrev(const sg_nyhetsbrev *n);
char *sg_url_nyhetsbrev_epost(const sg_nyhetsbrev *n); /* the e-mail version (HTML) */
char *sg_url_nyhetsbrev_text(const sg_nyhetsbrev *n);  /* the e-mail version (plain text) */
char *sg_url_evenemang(const sg_evenemang *e);
char *sg_url_blankett(const sg_blankett *b);
char *sg_url_dokument(const sg_dokument *d); /* the document file itself */
/* The Atom feed of the newsletters and the iCalendar file of the events: the whole
 * site's (f NULL) or one förbund's. */
char *sg_url_nyhetsbrev_feed(const sg_forbund *f);
char *sg_url_kalender(const sg_forbund *f);
/* "/a/b/" is written as a/b/index.html, "/a/b.html" as a/b.html (malloc'd). */
char *sg_url_out_path(const char *url);
/* The URL of the page that shows a model object: kind names what target is
 * (SG_SUBJECT_INSATS: an sg_insats, _KOMMUN: an sg_kommun, _FORBUND, _NYHETSBREV,
 * _EVENEMANG, _BLANKETT, _SIDA: those structs; _CATEGORY: the category's slug), the
 * way a reference "insats:förbund/slug" names its target. NULL for other kinds. plan
 * may be NULL (the addresses do not depend on it). */
char *sg_plan_url_of(const sg_plan *plan, sg_subject_kind kind, const void *target);
/* The path of a base_url without its final '/': "" for https://example.se/, "/varend"
 * for https://example.se/varend/ (malloc'd). Every site-relative URL starts with it. */
char *sg_url_base_path(const char *base_url);
/* base_url (its final '/' dropped) followed by a site-relative path ("/kommun/boras/"):
 * an absolute URL for feeds, sitemaps, e-mail and open data (malloc'd). With path "",
 * the site's address without its final '/'. */
char *sg_url_absolute(const char *base_url, const char *path);

#endif
