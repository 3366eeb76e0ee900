/* economy.h — a förbund's economic summary for one year, computed from the places of
 * its insatser and its budget: the shape of the verksamhetsplaner's "Ekonomisk
 * sammanställning". Amounts are tkr. Förbundsmedel + ESF are the förbund's costs for an
 * insats; cofunding (medfinansiering) is others' contribution, summed for information
 * only. Insatser without an area count as individinriktade. An insats counts in
 * each year it plans figures for (its `year`, or each year of its places' `years:`). */
#ifndef SG_ECONOMY_H
#define SG_ECONOMY_H
#include <stdbool.h>
#include <stddef.h>

#include "model.h"

typedef struct sg_econ_row {
	double forbund, esf, cofunding; /* tkr */
	long participants;              /* planned; places without a number add nothing */
	size_t places;                  /* how many places were summed */
	bool approx;                    /* some participants were an estimate ("ca 60") */
	bool has_participants;          /* some place gave a number (0 too); without one the sum is unknown, not 0 */
} sg_econ_row;

typedef struct sg_economy {
	const sg_forbund *forbund;
	int year;
	sg_econ_row *kommuner;   /* individinriktade places per member, parallel to forbund->members */
	sg_econ_row individ_whole; /* individinriktade places for the whole förbund */
	sg_econ_row struktur;      /* strukturövergripande insatser, wherever placed */
	sg_econ_row insatser;      /* all of the above */
	sg_econ_row *categories;   /* per SUS category (primary category), parallel to sg_categories() */
	size_t n_categories;
	size_t n_insatser;         /* insatser of this förbund and year */
	const sg_budget *budget;   /* NULL when the förbund has none for the year */
	double insats_costs;       /* förbundsmedel + ESF of all insatser */
	double own_costs;          /* the budget's own cost lines */
	double total_costs;        /* insats_costs + own_costs */
	double financing;          /* sum of the finansieringsplan */
	double equity_use;
	double result;             /* över-/underskott: financing + equity_use − total_costs */
	bool has_result;           /* the budget has a finansieringsplan and there are costs to set it against */
	bool has_costs;            /* the year plans something: insatser or own cost lines (a finansieringsplan
	                              for later years alone, seed 001's 2016–2017, plans none) */
} sg_economy;

/* Computes the summary (a new object; free with sg_economy_free). */
sg_economy *sg_economy_new(const sg_site *site, const sg_forbund *f, int year);
void sg_economy_free(sg_economy *e);
/* The years a förbund has insatser or a budget for, ascending (malloc'd). */
int *sg_economy_years(const sg_site *site, const sg_forbund *f, size_t *n);
/* Adds one place's figures for a year to a row. */
void sg_econ_row_add(sg_econ_row *row, const sg_figures *p);

#endif
