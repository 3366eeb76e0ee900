/* ical.c — iCalendar feeds (see ical.h).
 *
 * Written by hand, on purpose. libical (Debian package libical-dev, pkg-config name
 * `libical`) is the maintained, standard iCalendar library for C, and it was tried
 * first (3.0.16, the version Debian packages). This file only writes one fixed shape
 * of calendar and needs none of what libical is for: parsing, recurrence expansion,
 * time-zone conversion. And libical's output does not meet what sofgen asks of it:
 *   - it writes X- property values, such as X-WR-CALNAME, with "," and ";" unescaped,
 *     though RFC 5545 (3.8.8.2) types them TEXT unless told otherwise; libical does so
 *     on purpose (its pull request #593, 2022), and 3.0.16 does even given VALUE=TEXT;
 *   - it passes control characters such as U+0001 and DEL through into TEXT values;
 *   - where it folds lines (it prefers a space, ";" or ":") and the order in which it
 *     writes RRULE parts are its own choices, which a new release may change, while
 *     sofgen's output should stay byte for byte the same for the same content.
 * It would also bring libical3, Berkeley DB and ICU into the build for what is a page
 * of code. The RFC 5545 rules this needs are all here: CRLF line ends, folding at 75
 * octets without splitting a UTF-8 sequence, TEXT escaping, and DATE arithmetic. */
#include "ical.h"

#include <string.h>

#include "../util/numfmt.h"

/* The longest content line, in octets, not counting its CRLF (RFC 5545 3.1). */
#define FOLD_AT 75

typedef struct when {
	int year, month, day, hour, minute;
	bool timed; /* "YYYY-MM-DDTHH:MM" rather than "YYYY-MM-DD" */
} when;

/* ---- content lines ---- */

/* Appends one content line (without its line end) to out, folded: at most FOLD_AT
 * octets a line, each continuation line starting with one space (which counts), and
 * never a cut inside a UTF-8 sequence. */
static void S_fold(sg_buf *out, const char *line, size_t len)
{
	size_t room = FOLD_AT;
	size_t i = 0;
	while (len - i > room) {
		size_t cut = i + room;
		/* line[cut] starts the next line: move back while it is a continuation byte. */
		while (cut > i && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == i) /* not UTF-8 at all: cut where the line is full */
			cut = i + room;
		sg_buf_put(out, line + i, cut - i);
		sg_buf_puts(out, "\r\n ");
		i = cut;
		room = FOLD_AT - 1;
	}
	sg_buf_put(out, line + i, len - i);
	sg_buf_puts(out, "\r\n");
}

/* Control characters have no place in a content line (RFC 5545 3.3.11 allows only
 * HTAB among them in TEXT); line breaks are handled before this is asked. */
static bool S_is_control(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

/* Appends s as a TEXT value: \ ; , escaped, each line break (LF, CRLF or CR) as \n,
 * other control characters dropped. */
static void S_put_text(sg_buf *line, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\' || c == ';' || c == ',') {
			sg_buf_putc(line, '\\');
			sg_buf_putc(line, *s);
		} else if (c == '\n' || c == '\r') {
			if (c == '\r' && s[1] == '\n')
				s++;
			sg_buf_puts(line, "\\n");
		} else if (!S_is_control(c)) {
			sg_buf_putc(line, *s);
		}
	}
}

/* Appends s unescaped (URI, DATE-TIME, fixed names), control characters dropped so
 * that no value can break the line. */
static void S_put_raw(sg_buf *line, const char *s)
{
	for (; *s; s++)
		if (!S_is_control((unsigned char)*s))
			sg_buf_putc(line, *s);
}

/* Writes "name:value" with a TEXT value; `line` is scratch space. */
static void S_text_prop(sg_buf *out, sg_buf *line, const char *name, const char *value)
{
	sg_buf_clear(line);
	sg_buf_puts(line, name);
	sg_buf_putc(line, ':');
	S_put_text(line, value);
	S_fold(out, line->ptr, line->len);
}

/* Writes "name:value" with the value as it is (control characters dropped). */
static void S_raw_prop(sg_buf *out, sg_buf *line, const char *name, const char *value)
{
	sg_buf_clear(line);
	sg_buf_puts(line, name);
	sg_buf_putc(line, ':');
	S_put_raw(line, value);
	S_fold(out, line->ptr, line->len);
}

/* ---- dates ---- */

static bool S_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int S_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && S_leap(y) ? 29 : days[m - 1];
}

static bool S_parse_when(const char *s, when *w)
{
	if (!s)
		return false;
	size_t len = strlen(s);
	if (len != 10 && len != 16)
		return false;
	*w = (when){0};
	w->year = sg_digits(s, 4);
	w->month = sg_digits(s + 5, 2);
	w->day = sg_digits(s + 8, 2);
	if (s[4] != '-' || s[7] != '-' || w->year < 1 || w->year > 9998 || w->month < 1 || w->month > 12 ||
	    w->day < 1 || w->day > S_days_in_month(w->year, w->month))
		return false;
	if (len == 10)
		return true;
	w->timed = true;
	w->hour = sg_digits(s + 11, 2);
	w->minute = sg_digits(s + 14, 2);
	return s[10] == 'T' && s[13] == ':' && w->hour >= 0 && w->hour <= 23 && w->minute >= 0 && w->minute <= 59;
}

bool sg_ical_when_valid(const char *s)
{
	when w;
	return S_parse_when(s, &w);
}

/* The day after w (only its date is looked at). Years stop at 9998, so the result
 * still has four digits. */
static when S_next_day(when w)
{
	if (++w.day > S_days_in_month(w.year, w.month)) {
		w.day = 1;
		if (++w.month > 12) {
			w.month = 1;
			w.year++;
		}
	}
	return w;
}

/* Orders by date, then (when both are timed) by time. */
static int S_compare(const when *a, const when *b)
{
	const int ka[5] = {a->year, a->month, a->day, a->hour, a->minute};
	const int kb[5] = {b->year, b->month, b->day, b->hour, b->minute};
	for (int i = 0; i < 5; i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i] ? -1 : 1;
	return 0;
}

/* Writes DTSTART or DTEND: a local time in Europe/Stockholm, or a DATE. */
static void S_when_prop(sg_buf *out, const char *name, const when *w)
{
	if (w->timed)
		sg_buf_printf(out, "%s;TZID=Europe/Stockholm:%04d%02d%02dT%02d%02d00\r\n", name, w->year, w->month, w->day,
		              w->hour, w->minute);
	else
		sg_buf_printf(out, "%s;VALUE=DATE:%04d%02d%02d\r\n", name, w->year, w->month, w->day);
}

/* ---- the calendar ---- */

/* Europe/Stockholm as EU summer time has it since 1996: CEST from the last Sunday of
 * March 02:00 to the last Sunday of October 03:00 local time. The DTSTARTs are the
 * first such Sundays of 1970, as calendar programs write them. */
static const char S_vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                  "TZID:Europe/Stockholm\r\n"
                                  "BEGIN:STANDARD\r\n"
                                  "TZNAME:CET\r\n"
                                  "TZOFFSETFROM:+0200\r\n"
                                  "TZOFFSETTO:+0100\r\n"
                                  "DTSTART:19701025T030000\r\n"
                                  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                  "END:STANDARD\r\n"
                                  "BEGIN:DAYLIGHT\r\n"
                                  "TZNAME:CEST\r\n"
                                  "TZOFFSETFROM:+0100\r\n"
                                  "TZOFFSETTO:+0200\r\n"
                                  "DTSTART:19700329T020000\r\n"
                                  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                  "END:DAYLIGHT\r\n"
                                  "END:VTIMEZONE\r\n";

static bool S_given(const char *s) { return s && *s; }

static void S_event(sg_buf *out, sg_buf *line, const sg_ical_event *e, const char *dtstamp)
{
	when start, end;
	if (!e->uid || !S_parse_when(e->start, &start))
		return;
	bool has_end = S_parse_when(e->end, &end) && end.timed == start.timed;
	if (has_end) {
		int c = S_compare(&end, &start);
		has_end = start.timed ? c > 0 : c >= 0;
	}
	if (!start.timed) { /* DTEND of a DATE is the day after the last one */
		end = S_next_day(has_end ? end : start);
		has_end = true;
	}

	sg_buf_puts(out, "BEGIN:VEVENT\r\n");
	S_text_prop(out, line, "UID", e->uid);
	S_raw_prop(out, line, "DTSTAMP", dtstamp);
	S_when_prop(out, "DTSTART", &start);
	if (has_end)
		S_when_prop(out, "DTEND", &end);
	if (e->summary)
		S_text_prop(out, line, "SUMMARY", e->summary);
	if (S_given(e->description))
		S_text_prop(out, line, "DESCRIPTION", e->description);
	if (S_given(e->location))
		S_text_prop(out, line, "LOCATION", e->location);
	if (S_given(e->url))
		S_raw_prop(out, line, "URL", e->url);
	sg_buf_puts(out, "END:VEVENT\r\n");
}

void sg_ical_render(sg_buf *out, const char *prodid, const char *calname, const sg_ical_event *events, size_t n,
                    const char *dtstamp)
{
	sg_buf line = SG_BUF_INIT;
	sg_buf_puts(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	S_text_prop(out, &line, "PRODID", prodid);
	sg_buf_puts(out, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	if (S_given(calname))
		S_text_prop(out, &line, "X-WR-CALNAME", calname);
	sg_buf_puts(out, "X-WR-TIMEZONE:Europe/Stockholm\r\n");
	sg_buf_puts(out, S_vtimezone);
	for (size_t i = 0; i < n; i++)
		S_event(out, &line, &events[i], dtstamp);
	sg_buf_puts(out, "END:VCALENDAR\r\n");
	sg_buf_free(&line);
}
