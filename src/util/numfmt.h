/* numfmt.h — numbers as Swedish readers expect them: "1 234,5" (no-break space between
 * thousands, decimal comma), at most the decimals the value has (up to three, the
 * precision of amounts); amounts as open data writes them; and fixed-width digits read
 * strictly (dates, times). */
#ifndef SG_NUMFMT_H
#define SG_NUMFMT_H

/* Amounts are tkr with at most three decimals (whole kronor): editors may write no more
 * (src/model/fields.c), and every output rounds to them, so an amount reads the same on
 * a page, in the CSV and in the JSON. */
#define SG_AMOUNT_DECIMALS 3

/* Writes into out (≥ 48 bytes) and returns it. */
char *sg_format_sv(double value, char *out);
/* The same digits for machines: "1234.5" (a point, no thousands separator); out ≥ 48
 * bytes. */
char *sg_format_amount(double value, char *out);

/* The value of the n decimal digits at s, or -1 if any of them is not a digit (no
 * sign, no blanks: what sscanf("%2d") would let through). Stops at the first
 * non-digit, so s may be shorter than n. */
int sg_digits(const char *s, int n);

#endif
