/* swetime.h — Swedish time (Europe/Stockholm) for every command, whatever the
 * caller's TZ, and without touching the process's TZ (setenv is process-wide and not
 * thread-safe). The zone is computed from its rules rather than read from the tz
 * database: CET (UTC+1), and CEST (UTC+2) by the EU summer-time rule that Sweden has
 * followed since 1980 — from 01:00 UTC on the last Sunday of March (the first Sunday
 * of April in 1980) to 01:00 UTC on the last Sunday of September (until 1995) or
 * October (from 1996). Before 1980: CET all year. */
#ifndef SG_SWETIME_H
#define SG_SWETIME_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* The Swedish local time of the instant t: tm_year … tm_sec, tm_wday, tm_yday and
 * tm_isdst (1 in summer time) are set; tm_gmtoff is 3600 or 7200. */
void sg_sweden_time(time_t t, struct tm *out);

/* Now in Swedish time as "YYYY-MM-DDTHH:MM" (buf of at least 17 bytes). */
void sg_sweden_now(char *buf, size_t size);
/* The instant `epoch` (decimal seconds since 1970-01-01 00:00 UTC, as SOURCE_DATE_EPOCH
 * gives it) in Swedish time as "YYYY-MM-DDTHH:MM". False when epoch is not such a number
 * or is outside the years 1970–9998. */
bool sg_now_from_epoch(const char *epoch, char *buf, size_t size);

typedef enum {
	SG_LOCAL_ONCE,    /* a normal local time */
	SG_LOCAL_SKIPPED, /* in the hour the clocks jump over in spring (02:00–02:59) */
	SG_LOCAL_TWICE,   /* in the hour that comes twice in autumn (02:00–02:59) */
} sg_local_kind;

/* Whether the Swedish local time year-month-day hour:minute exists once, not at all
 * or twice (fields already checked against the calendar). */
sg_local_kind sg_sweden_local_kind(int year, int month, int day, int hour, int minute);

#endif
