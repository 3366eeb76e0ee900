/* ical.h — calendar feeds in iCalendar (RFC 5545): a VCALENDAR with one VTIMEZONE
 * (Europe/Stockholm) and a VEVENT per event, so a reader can subscribe to a
 * förbund's events in any calendar program. Output is byte for byte the same for
 * the same input: CRLF line ends, lines folded at 75 octets, TEXT values escaped. */
#ifndef SG_ICAL_H
#define SG_ICAL_H
#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

typedef struct sg_ical_event {
	const char *uid;         /* stable, e.g. "evenemang/<slug>@example.se" */
	const char *summary;     /* title */
	const char *description; /* plain text, may contain newlines; NULL ok */
	const char *location;    /* NULL ok */
	const char *url;         /* absolute URL of the event page; NULL ok */
	const char *start;       /* "YYYY-MM-DDTHH:MM" (local time Europe/Stockholm) or "YYYY-MM-DD" (all-day) */
	const char *end;         /* same form as start, or NULL */
} sg_ical_event;

/* Appends a complete VCALENDAR with the events in the given order. `dtstamp` is
 * "YYYYMMDDTHHMMSSZ" (the caller passes a fixed value so builds are reproducible).
 *
 * `prodid`, `uid`, `summary`, `description`, `location` and `calname` are written as
 * TEXT (escaped); a NULL or empty `calname`, `description`, `location` or `url` is
 * left out. An all-day event ends on the day after `end` (DTEND is exclusive in
 * iCalendar), or after `start` when `end` is NULL; a timed event without `end` has
 * no DTEND. An `end` that is not the same form as `start`, or is before it (for a
 * timed event: not after it), is treated as NULL. An event whose `uid` is NULL or
 * whose `start` is not valid (see sg_ical_when_valid) is left out: validate first. */
void sg_ical_render(sg_buf *out, const char *prodid, const char *calname, const sg_ical_event *events, size_t n,
                    const char *dtstamp);

/* Whether s is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" naming a real day (leap years
 * counted) and time, years 0001 to 9998: the forms sg_ical_event takes. */
bool sg_ical_when_valid(const char *s);

#endif
