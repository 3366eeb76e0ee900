/* numfmt.h — numbers as Swedish readers expect them: "1 234,5" (no-break space between
 * thousands, decimal comma), at most the decimals the value has (up to two). */
#ifndef SG_NUMFMT_H
#define SG_NUMFMT_H

/* Writes into out (≥ 48 bytes) and returns it. */
char *sg_format_sv(double value, char *out);

#endif
