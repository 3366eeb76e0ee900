/* model.h — the site model: what the content means, validated and cross-linked.
 * Built from the read sources by sg_site_build (model/build.c); everything in it is
 * owned by the sg_site and freed by sg_site_free. Plain structs: later stages read
 * them directly and never change them, so they can be read from many threads. */
#ifndef SG_MODEL_H
#define SG_MODEL_H
#include <stdbool.h>
#include <stddef.h>

#include "../read/content.h"
#include "../markdown/markdown.h"
#include "../util/collate.h" /* sg_collate: Swedish order for sorting names */
#include "../util/diag.h"

typedef struct sg_contact {
	char *name, *phone, *email, *address; /* each may be NULL */
	char *phone_uri; /* the number of phone's tel: link (sg_phone_uri), when phone is set */
} sg_contact;

typedef struct sg_forbund sg_forbund;
typedef struct sg_kommun sg_kommun;
typedef struct sg_blankett sg_blankett;

/* A target group a member kommun gives priority to ("Unga vuxna 16–24 år", 1). */
typedef struct sg_priority {
	char *group;
	int priority; /* 1 = highest; 0 when not numbered */
} sg_priority;

typedef struct sg_member {
	char *name; /* as written in the förbund file, e.g. "Borås" */
	char *about; /* the kommun's own text: local needs, how it works; or NULL */
	sg_priority *priorities; /* in the order written */
	size_t n_priorities;
	char *code; /* SCB kommunkod or NULL */
	sg_contact contact;
	sg_kommun *kommun; /* the site-wide kommun this member is */
	sg_forbund *forbund;
	int line, col; /* where its name is written */
} sg_member;

typedef struct sg_cost_line {
	char *item;
	double amount; /* tkr; a group's: the sum of its lines */
	struct sg_cost_line *lines; /* a group ("Adm. inkl styrelse") and its lines, or NULL */
	size_t n_lines;
} sg_cost_line;

typedef struct sg_financing {
	char *party;
	double share; /* of the whole, 0..1; 0 when not given */
	bool has_share; /* plans give a frame without a split ("finansiell ram 7000") */
	double share_rounding; /* how far off the share may be, from the decimals written (0.25 → 0.005) */
	double amount; /* tkr */
} sg_financing;

/* One year of a förbund's own budget: cost lines that are not insatser, the
 * finansieringsplan and the planned use of eget kapital. */
typedef struct sg_budget {
	int year;
	sg_cost_line *costs;
	size_t n_costs;
	sg_financing *financing;
	size_t n_financing;
	double equity_use; /* tkr */
	bool preliminary;   /* "preliminär budget" */
	int from_month, to_month; /* the months it covers, 1..12 (1 and 12: the whole year) */
	bool has_shares;    /* every financing line gives a share (false: none, or an error) */
	int line, financing_line; /* where it is written, for messages */
} sg_budget;

/* A member of the board (styrelse) or of the staff (kansli). */
typedef struct sg_person {
	char *name, *role;  /* role: "ordförande", "förbundschef"; may be NULL */
	char *organisation; /* the board: the party or organisation; may be NULL */
	sg_contact contact; /* the staff: phone and e-mail */
} sg_person;

/* A board meeting (sammanträde) and its minutes. */
typedef struct sg_meeting {
	char *date;           /* YYYY-MM-DD */
	char *protokoll_slug; /* the document's slug as written, or NULL */
	int line, col;        /* of protokoll */
	const struct sg_dokument *protokoll; /* resolved, or NULL */
} sg_meeting;

/* `colors:` of site.yaml or a förbund (model/palette.c): "#rrggbb", or "" for the
 * style's own; a colour below WCAG AA contrast is an error and stays "". */
typedef struct sg_palette {
	char brand[8]; /* the header's and buttons' background, under white text */
	char link[8];  /* links on white and on the light grey boxes */
} sg_palette;

struct sg_forbund {
	char *slug, *title, *orgnr;
	sg_person *board, *staff; /* in file order */
	size_t n_board, n_staff;
	sg_meeting *meetings;     /* by date */
	size_t n_meetings;
	sg_budget *budgets; /* sorted by year */
	size_t n_budgets;
	char *default_form_slug;   /* as written */
	int default_form_line, default_form_col;
	sg_blankett *default_form; /* resolved, or NULL */
	sg_member *members;
	size_t n_members;
	char **parties;
	size_t n_parties;
	sg_contact contact;
	sg_markdown *body;
	const char *path;
	char *sort_key; /* sg_collate_key of the title */
	struct sg_image *image, *logo; /* `image:` and `logo:` (model/image.h), or NULL */
	sg_palette palette; /* its own colours on its pages, or "" */
};

typedef enum { SG_AREA_NONE, SG_AREA_INDIVID, SG_AREA_STRUKTUR } sg_area;
typedef enum { SG_STATUS_NONE, SG_STATUS_ACTIVE, SG_STATUS_PLANNED, SG_STATUS_ENDED } sg_status;

typedef struct sg_funds {
	double forbund, cofunding, esf; /* tkr; 0 when not given */
	bool has_forbund, has_cofunding, has_esf; /* given in the content: what is not is shown as missing */
} sg_funds;

/* What a place plans for one year: participants and money. */
typedef struct sg_figures {
	long participants; /* -1 when not given */
	bool participants_approx;   /* "ca 60": the plan's estimate */
	bool participants_per_year; /* "40 per år" */
	sg_funds funds;
	bool has_funds;
} sg_figures;

/* A place's figures for one year of an insats that runs over several (`years:`). */
typedef struct sg_place_year {
	int year;
	sg_figures fig;
	int line, col; /* where the year is written */
} sg_place_year;

typedef struct sg_place {
	sg_member *member; /* NULL: the whole förbund */
	sg_figures fig;    /* for the insats' `year`; unused (participants -1) when given by year */
	sg_place_year *years; /* by year, ascending; n_years 0: the figures are `fig` */
	size_t n_years;
	int line, col; /* where it is written */
	char *address; /* where the place is, as written (a street address), or NULL */
	double lat, lon; /* WGS 84 degrees, when has_position */
	bool has_position; /* lat and lon were both given */
} sg_place;

/* How far the board has come: förslag (proposed), inriktningsbeslut (decided in
 * principle), beslutad (decided). */
typedef enum { SG_DECISION_NONE, SG_DECISION_FORSLAG, SG_DECISION_INRIKTNING, SG_DECISION_BESLUTAD } sg_decision;

/* A goal (huvudmål) and, optionally, how it is measured. */
typedef struct sg_indicator {
	char *name, *target; /* target may be NULL */
} sg_indicator;
typedef struct sg_goal {
	char *text;
	sg_indicator *indicators;
	size_t n_indicators;
} sg_goal;

typedef struct sg_referral {
	bool given; /* the insats has a referral block */
	bool open_stated; /* the block says `open:`; without it, whether it is open is not known */
	bool open;
	char **referrers;
	size_t n_referrers;
	long vacancies; /* -1 when not given */
	sg_markdown *how;
	char *form;          /* slug as written */
	int form_line, form_col;
	sg_blankett *blankett; /* the form referrers use: referral.form, else the förbund's default */
} sg_referral;

typedef struct sg_insats {
	char *slug, *title;
	sg_forbund *forbund;
	int year; /* 0 when not given; always 0 when the places give figures by year */
	int year_from, year_to; /* the years it has figures for: year, or the span of its places'
	                           `years:`; 0 when neither is given */
	bool by_year;           /* its places give their figures by year */
	sg_area area;
	char **categories; /* slugs, first = primary; n_categories may be 0 */
	size_t n_categories;
	char *summary;
	char **target_groups;
	size_t n_target_groups;
	int age_min, age_max; /* -1 when not given */
	char *duration;
	char *provider_name, *provider_orgnr; /* utförare: who does the work */
	char **owners; /* huvudmän: who is responsible (several allowed); n_owners may be 0 */
	size_t n_owners;
	sg_decision decision;
	int decision_line, decision_col;
	sg_goal *goals;
	size_t n_goals;
	sg_member **open_to; /* members whose residents may come, besides its places; none: not stated */
	size_t n_open_to;
	sg_contact contact;
	sg_place *places;
	size_t n_places;
	sg_referral referral;
	sg_status status;
	int status_line, status_col;
	char *start, *end; /* YYYY-MM-DD or NULL */
	bool draft;
	sg_markdown *body;
	const char *path;
	char *sort_key; /* sg_collate_key of the title: 10 000 insatser sort fast */
	size_t index; /* position in site->insatser */
	char *reviewed; /* when the facts were last checked: YYYY[-MM[-DD]], or NULL */
	int reviewed_line, reviewed_col; /* of `reviewed`, or of the front matter when it is missing */
	struct sg_image *image; /* `image:` (model/image.h), or NULL */
} sg_insats;

/* A kommun that is a member of at least one förbund on the site. */
struct sg_kommun {
	char *slug, *name; /* slug: the name's, or "habo-0643" when two kommuner share it */
	char *base_slug;   /* the name's slug */
	char *code;        /* the SCB kommunkod when a förbund gives it, or NULL */
	const char *path; /* where it is first named, for messages */
	int line;
	sg_member **members; /* one per förbund it belongs to */
	size_t n_members;
};

/* At most this many sidor are linked from the footer of every page (the rest from
 * /sidor/), so that a page's size does not grow with the number of sidor. */
#define SG_FOOTER_MAX_SIDOR 10

typedef struct sg_sida {
	char *slug, *title, *summary;
	sg_markdown *body;
	const char *path;
	int footer;                 /* its `footer:` key: 1 true, 0 false, -1 not given */
	int footer_line, footer_col; /* where that key's value is */
	bool in_footer;             /* linked from every page's footer (see sg_site.sidor_index) */
	struct sg_image *image; /* `image:` (model/image.h), or NULL */
} sg_sida;

/* An informationsbrev. */
typedef struct sg_nyhetsbrev {
	char *slug, *title, *date, *summary; /* date YYYY-MM-DD */
	sg_forbund *forbund;                 /* NULL: the whole portal */
	sg_markdown *body;
	const char *path;
	struct sg_image *image; /* `image:` (model/image.h), or NULL */
} sg_nyhetsbrev;

/* A samverkansträff, frukostmöte, … */
typedef struct sg_evenemang {
	char *slug, *title;
	char *start, *end; /* "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD" (all day), Europe/Stockholm */
	char *location, *audience;
	sg_forbund *forbund;
	char *reg_url, *reg_email, *reg_deadline;
	sg_markdown *body;
	const char *path;
	/* slug (its address) is "<YYYY-MM of start>-<file name without its YYYY-MM- prefix>",
	 * so the address follows the date, not the day the file was made; file_slug is the
	 * file name, which references (evenemang:…) may name too */
	char *file_slug;
	struct sg_image *image; /* `image:` (model/image.h), or NULL */
} sg_evenemang;

typedef enum {
	SG_DOC_VERKSAMHETSPLAN,
	SG_DOC_ARSREDOVISNING,
	SG_DOC_FORBUNDSORDNING,
	SG_DOC_UTVARDERING,
	SG_DOC_PROTOKOLL,
	SG_DOC_OTHER
} sg_doc_type;

typedef struct sg_dokument {
	char *slug, *title;
	sg_doc_type type;
	int year; /* 0 when not given */
	sg_forbund *forbund;
	char *file;     /* file name, as written */
	int file_line, file_col; /* where 'file:' is written */
	char *src_path; /* where it is in content/ */
	long long size; /* bytes */
	const char *path;
	bool pdf; /* its first bytes are a PDF's ("%PDF-"), whatever its extension */
} sg_dokument;

typedef enum {
	SG_FIELD_TEXT,
	SG_FIELD_TEXTAREA,
	SG_FIELD_PERSONNUMMER,
	SG_FIELD_DATE,
	SG_FIELD_EMAIL,
	SG_FIELD_TEL,
	SG_FIELD_SELECT,
	SG_FIELD_RADIO,
	SG_FIELD_CHECKBOX
} sg_field_type;

typedef struct sg_form_field {
	char *name, *label, *help;
	sg_field_type type;
	bool required;
	char **options;
	size_t n_options;
} sg_form_field;

typedef struct sg_form_section {
	char *title, *help;
	sg_form_field *fields;
	size_t n_fields;
} sg_form_section;

struct sg_blankett {
	char *slug, *title;
	sg_markdown *intro, *consent;
	sg_form_section *sections;
	size_t n_sections;
	const char *path;
	char *send_to; /* postal address the signed printed form goes to, or NULL */
};

/* The tillgänglighetsredogörelse (accessibility statement) the law (2018:1937)
 * requires, from site.yaml's `accessibility:` (Digg's model). */
typedef enum { SG_A11Y_UNKNOWN, SG_A11Y_HELT, SG_A11Y_DELVIS, SG_A11Y_INTE } sg_a11y_status;

typedef struct sg_a11y_gap {
	char *problem, *reason, *fix; /* what, why (e.g. oskäligt betungande), when or how it is fixed */
} sg_a11y_gap;

typedef struct sg_a11y {
	char *organisation;
	sg_a11y_status status;
	sg_a11y_gap *gaps;
	size_t n_gaps;
	char *assessed, *updated, *method; /* dates YYYY-MM-DD; how it was assessed */
	char *contact_email, *contact_phone, *contact_url;
	char *response_time;
} sg_a11y;

/* site.yaml's `privacy:`: the facts of the page "Behandling av personuppgifter". */
typedef struct sg_privacy {
	char *controller;   /* personuppgiftsansvarig; NULL: the only förbund, or not known */
	sg_contact contact; /* how to reach the controller about personal data */
	sg_contact dpo;     /* dataskyddsombud */
	char *retention;    /* how long forms' personal data is kept, as written */
	char *server_logs;  /* what the web host logs and for how long, as written */
	char *updated;      /* YYYY-MM-DD, or NULL */
} sg_privacy;

/* site.yaml's `open_data:` (model/open_data.c): the publisher and licence of /data/. */
typedef struct sg_open_data {
	char *publisher;    /* the publishing organisation's name; NULL: the site's title */
	char *orgnr;        /* its organisationsnummer, ten digits without the dash, or NULL */
	int publisher_type; /* index into sg_publisher_types (model/open_data.h) */
	char *license;      /* the address of the data's licence (default CC0) */
	char *email;        /* where to write about the data, or NULL */
} sg_open_data;

/* A term of site.yaml's target-group vocabulary (`target_groups:`): the name shown,
 * the other words content and searches may use for it, and their slugs (the slug
 * of the name is the term's key in search URLs: /sok/?malgrupp=unga-vuxna). */
typedef struct sg_target_group {
	char *name, *slug;
	char **synonyms, **synonym_slugs;
	size_t n_synonyms;
} sg_target_group;

/* site.yaml's `cms:` block: the web editor (Decap CMS, write/cms.h). All owned; NULL
 * when not given. backend: "git-gateway", "github", "gitlab", "gitea" or "local". */
typedef struct sg_cms {
	char *backend, *repo, *branch, *base_url, *api_root;
	char *app_id; /* the OAuth application's id (GitLab PKCE, Gitea), or NULL */
	char *site_folder; /* the site's folder in the repository, "" for its root, no '/' at the ends */
	int line; /* of `cms:` in site.yaml, for messages */
} sg_cms;

/* site.yaml's `newsletter_signup:`: the footer's subscription to the newsletters, a form
 * that POSTs the address over https, or a link to the provider's page; neither: none. */
typedef struct sg_newsletter_signup {
	char *action;      /* https address the form posts to, or NULL */
	char *url;         /* https page to sign up on (a link), or NULL; never both */
	char *email_field; /* the name of the form's e-mail field, "email" by default */
	char *text;        /* the line above the form or link, or NULL */
	char *receiver;    /* who receives the addresses, as written, or NULL */
	char *host;        /* the host of action or url, e.g. "nyhetsbrev.example.se" */
} sg_newsletter_signup;

typedef struct sg_site_info {
	char *title, *base_url, *language, *region, *description;
	char *root; /* the path of base_url without its final '/': "" or e.g. "/varend" */
	char *forms_action; /* https URL the forms post to, or NULL: forms are printed */
	bool allow_raw_html;
	char **allow_document_types; /* extensions of documents allowed besides the safe ones, e.g. "html" */
	size_t n_allow_document_types;
	sg_a11y accessibility;
	sg_privacy privacy;
	const char *path; /* site.yaml's, for messages; NULL before it is read */
	sg_open_data open_data;
	sg_markdown_opts markdown;      /* how bodies are parsed, from the two above */
	sg_markdown_opts markdown_kept; /* the same, for texts also rendered as e-mail or calendar text */
	int review_max_months; /* how old an insats' `reviewed` may get (1–120, default 12) */
	sg_target_group *target_groups; /* the vocabulary, in site.yaml's order; none: no check */
	size_t n_target_groups;
	sg_cms cms; /* the web editor; cms.backend NULL: none (no /admin/) */
	struct sg_image *logo; /* site.yaml's `logo:` (model/image.h), or NULL */
	sg_palette palette;
	sg_newsletter_signup newsletter; /* the footer's subscription; action and url NULL: none */
} sg_site_info;

/* A förbund's own text of its verksamhetsplan for one year (planer/<förbund>/<år>.md):
 * the sections the plan document shows before the insatser and the economy. */
typedef struct sg_vplan {
	const sg_forbund *forbund;
	int year;
	char *title;    /* NULL: "Verksamhetsplan med budget <år>" */
	char *adopted;  /* YYYY-MM-DD the board adopted it, or NULL (not yet) */
	char *decision; /* e.g. "§ 12, styrelsemöte 2014-11-27", or NULL */
	sg_markdown *body;
	const char *path;
} sg_vplan;

typedef struct sg_site {
	sg_site_info info;
	sg_forbund **forbund; /* sorted by title */
	size_t n_forbund;
	sg_insats **insatser; /* sorted by förbund, then title */
	size_t n_insatser;
	sg_kommun **kommuner; /* sorted by name (Swedish order) */
	size_t n_kommuner;
	sg_sida **sidor; /* sorted by title */
	size_t n_sidor;
	bool sidor_index; /* some sida is not in the footer: /sidor/ lists them all */
	sg_nyhetsbrev **nyhetsbrev; /* newest first */
	size_t n_nyhetsbrev;
	sg_evenemang **evenemang; /* by start */
	size_t n_evenemang;
	sg_dokument **dokument; /* by förbund, type, year (newest first), title */
	size_t n_dokument;
	sg_blankett **blanketter; /* by title */
	size_t n_blanketter;
	sg_vplan **vplaner; /* by förbund (as site->forbund), then year */
	size_t n_vplaner;
	sg_sources *sources; /* keeps paths alive */
	/* newsletters dated after the build's day: not published (no page, in no list), kept
	 * only so that a link to one can say when it comes out */
	sg_nyhetsbrev **nyhetsbrev_later;
	size_t n_nyhetsbrev_later;
	/* the images Markdown texts show ("![…](x.jpg)"), each file once (model/image.h);
	 * owned. The texts hold their markup (sg_markdown_images); write/images.c makes the files */
	struct sg_image **body_images;
	size_t n_body_images;
} sg_site;

typedef struct sg_build_opts {
	bool drafts; /* include content with draft: true */
	int jobs;    /* threads that build insatser; 0: one per core. The model is the same for any number */
	const char *base_url; /* the site's address from the command line (--base-url), over site.yaml's; or NULL */
	/* "YYYY-MM-DD[THH:MM]": a newsletter dated after this day is not published yet
	 * (NULL: today in Swedish time), unless build_future (--build-future) */
	const char *now;
	bool build_future;
	/* pdfinfo's answers of earlier builds (util/pdfinfo.h; serve keeps one), or NULL */
	struct sg_pdf_cache *pdf_cache;
} sg_build_opts;

/* Validates the sources into a model. Takes ownership of `sources`. Always returns a
 * site (possibly partial); errors and warnings are added to `d`. */
sg_site *sg_site_build(sg_sources *sources, const sg_build_opts *opts, sg_diags *d);
void sg_site_free(sg_site *site);
/* The förbund's plan text for year (borrowed), or NULL (verksamhetsplan.c). */
const sg_vplan *sg_site_find_vplan(const sg_site *site, const sg_forbund *f, int year);

/* For rebuilding one insats after its file changed (sofgen serve): */
/* Builds the insats of a (re-read) source: every field checked as in a full build
 * (problems added to d). NULL when it is not part of the site: a draft, or its förbund
 * does not exist. Its references are not resolved yet (sg_insats_resolve). */
sg_insats *sg_insats_build(sg_site *site, const sg_source *src, const sg_build_opts *opts, sg_diags *d);
/* Resolves the references in its texts and finds its referral form (errors to d). */
void sg_insats_resolve(sg_site *site, sg_insats *x, sg_diags *d);
void sg_insats_free(sg_insats *x);
/* Sorts site->insatser (by förbund, then title) and numbers them (x->index). */
void sg_site_sort_insatser(sg_site *site);
/* The same when only moved[0..n) may be out of place: each is taken out and put back
 * where it belongs (linear, where sorting again is n log n Swedish comparisons). */
void sg_site_resort_insatser(sg_site *site, sg_insats *const *moved, size_t n_moved);

/* What an insats is on `today` ("YYYY-MM-DD…", Europe/Stockholm), decided by its
 * dates first and by `status` only where the dates are silent: an insats whose end
 * has passed has ended and one whose start is ahead is planned, whatever `status`
 * says; with no dates, `status` as written (SG_STATUS_NONE: not known). `status:
 * ended` is believed even before the end date (an insats can close early). Dates
 * may be a day, a month or a year; a month or year ends when it is over. */
sg_status sg_insats_status_at(const sg_insats *x, const char *today);
/* Does it take referrals on `today`? Only when its referral block says open, it has
 * not ended by then (a planned insats may take referrals before it starts) and it is
 * more than a proposal (decision: förslag never takes referrals). */
bool sg_insats_takes_referrals_at(const sg_insats *x, const char *today);
/* Should its facts be checked again on `today`: it has not ended by then (an ended
 * insats is history, never due), and it has no `reviewed` date or that date is more
 * than max_months months before today. At the precision `reviewed` is written in: a
 * day is due the day after the same day max_months later (31 January + 1 month: after
 * 28 February), a month in the month after, a year (max_months rounded up to whole
 * years) in the year after. A `reviewed` after today is not due. */
bool sg_insats_review_due(const sg_insats *x, const char *today, int max_months);
/* A place's figures for `year`: its `years:` entry for that year, or, when the
 * insats gives one `year`, its figures if that is the year; NULL when it plans
 * nothing for that year. */
const sg_figures *sg_place_figures(const sg_insats *x, const sg_place *p, int year);
/* Does the insats plan anything for `year` (is it counted in that year's economy)? */
bool sg_insats_in_year(const sg_insats *x, int year);

/* Every Markdown text of the site (förbund, sidor, nyhetsbrev, evenemang, blanketter,
 * then each insats'), or of one insats; md may be NULL. The references in them are
 * resolved (model/refs.h) but their addresses not yet written: the render stage does
 * that for each text (render/links.h) before pages are rendered. */
typedef void (*sg_text_fn)(sg_markdown *md, void *ctx);
void sg_site_each_text(sg_site *site, sg_text_fn fn, void *ctx);
void sg_insats_each_text(sg_insats *x, sg_text_fn fn, void *ctx);

/* The SUS categories: their slug, display name and which area each belongs to. */
typedef struct sg_category_info {
	const char *slug, *name;
	bool individ, struktur;
} sg_category_info;
const sg_category_info *sg_categories(size_t *count);
const sg_category_info *sg_category_find(const char *slug);
/* The vocabulary term that `term` names (its name or a synonym, compared by slug, so
 * case and å/ä/ö do not matter), or NULL. Borrowed from `in`. */
const sg_target_group *sg_target_group_find(const sg_site_info *in, const char *term);
/* A target group's key in search URLs and the search index (malloc'd): the slug of
 * its vocabulary term's name, or of the term itself when the vocabulary lacks it. */
char *sg_target_group_key(const sg_site_info *in, const char *term);

const char *sg_area_name(sg_area a);     /* "Individinriktad" … */
const char *sg_doc_type_name(sg_doc_type t); /* "Verksamhetsplan" … */
const char *sg_status_name(sg_status s); /* "Pågående" … */
const char *sg_decision_name(sg_decision d); /* "Förslag" … */

#endif
