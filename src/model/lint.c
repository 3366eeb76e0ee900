/* lint.c — warnings for likely mistakes (see lint.h). */
#include "lint.h"

#include <string.h>

/* Participants planned without any money: a figure is probably missing. */
static bool no_funds(const sg_figures *fig)
{
	return fig->participants > 0 &&
	       (!fig->has_funds || fig->funds.forbund + fig->funds.esf + fig->funds.cofunding == 0);
}

/* An insats whose facts nobody has checked for review_max_months (sg_insats_review_due). */
static void lint_review(const sg_site *site, const sg_insats *x, const char *now, sg_diags *d)
{
	int max = site->info.review_max_months;
	if (!sg_insats_review_due(x, now, max))
		return;
	if (x->reviewed)
		sg_warning(d, x->path, x->reviewed_line, x->reviewed_col,
		           "the facts were last reviewed on %s, more than %d months before %.10s (review_max_months), and "
		           "the page says they may be out of date; set 'reviewed: %.10s' after checking the facts",
		           x->reviewed, max, now, now);
	else
		sg_warning(d, x->path, x->reviewed_line, x->reviewed_col,
		           "no 'reviewed' date: nobody has confirmed these facts, and the page says they may be out of date; "
		           "set 'reviewed: %.10s' after checking the facts",
		           now);
}

/* A portal with several förbund must say who is responsible for personal data: the
 * page "Behandling av personuppgifter" would otherwise say it is not known. */
static void lint_privacy(const sg_site *site, sg_diags *d)
{
	if (site->info.privacy.controller || site->n_forbund <= 1 || !site->info.path)
		return;
	sg_warning(d, site->info.path, 1, 1,
	           "site.yaml names no personuppgiftsansvarig, and with %zu förbund sofgen cannot tell which; the page "
	           "Behandling av personuppgifter says it is not known: add privacy: {controller: …, contact: {email: …}}",
	           site->n_forbund);
}

void sg_site_lint(const sg_site *site, const char *now, sg_diags *d)
{
	lint_privacy(site, d);
	/* a kommun is a member of one samordningsförbund */
	for (size_t i = 0; i < site->n_kommuner; i++) {
		const sg_kommun *k = site->kommuner[i];
		for (size_t m = 1; m < k->n_members; m++) {
			const sg_member *first = k->members[0], *again = k->members[m];
			sg_warning(d, again->forbund->path, again->line, again->col,
			           "%s is a member of %s (%s:%d) and of %s; a kommun belongs to one samordningsförbund. Its page "
			           "lists the insatser of both and shows %s's referral contact first; remove it from the förbund "
			           "it does not belong to",
			           k->name, first->forbund->title, first->forbund->path, first->line, again->forbund->title,
			           first->forbund->title);
		}
	}
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		if (x->decision == SG_DECISION_FORSLAG && x->referral.open)
			sg_warning(d, x->path, x->decision_line, x->decision_col,
			           "decision is förslag (a proposal), so pages never say it takes referrals, but its referral "
			           "block says open: true; set the decision the board has taken, or 'open: false'");
		sg_status at = sg_insats_status_at(x, now);
		if (x->status == SG_STATUS_ACTIVE && at == SG_STATUS_ENDED)
			sg_warning(d, x->path, x->status_line, x->status_col,
			           "status is active, but the insats ended on %s, and pages say it has ended; remove 'status' "
			           "(the dates decide it) or give a later 'end'",
			           x->end);
		else if (x->status == SG_STATUS_ACTIVE && at == SG_STATUS_PLANNED)
			sg_warning(d, x->path, x->status_line, x->status_col,
			           "status is active, but the insats starts on %s, and pages say it starts then; remove "
			           "'status' (the dates decide it) or give an earlier 'start'",
			           x->start);
		else if (x->status == SG_STATUS_PLANNED && at == SG_STATUS_ENDED)
			sg_warning(d, x->path, x->status_line, x->status_col,
			           "status is planned, but the insats ended on %s, and pages say it has ended; remove "
			           "'status' or correct 'end'",
			           x->end);
		lint_review(site, x, now, d);
		for (size_t k = 0; k < x->n_places; k++) {
			const sg_place *p = &x->places[k];
			const char *where = p->member ? p->member->name : "for the whole förbund";
			if (!p->n_years && no_funds(&p->fig))
				sg_warning(d, x->path, p->line, p->col,
				           "the place %s has %ld participants but no funds; add 'funds: {forbund: …}'", where,
				           p->fig.participants);
			for (size_t y = 0; y < p->n_years; y++)
				if (no_funds(&p->years[y].fig))
					sg_warning(d, x->path, p->years[y].line, p->years[y].col,
					           "the place %s has %ld participants in %d but no funds; add 'funds: {forbund: …}'",
					           where, p->years[y].fig.participants, p->years[y].year);
		}
	}
}
