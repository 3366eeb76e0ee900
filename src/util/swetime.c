/* swetime.c — Swedish time from the zone's rules (see swetime.h). */
#include "swetime.h"

#include <stdio.h>

/* Days from 1970-01-01 to year-month-day (proleptic Gregorian; H. Hinnant's method). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The day (days since 1970) of the last Sunday of a month, or with first, the first. */
static long long sunday(long long y, int m, int first)
{
	if (first) {
		long long d = days_from_civil(y, m, 1);
		return d + (7 - (d + 4) % 7) % 7; /* 1970-01-01 was a Thursday: (d + 4) % 7 is 0 on Sundays */
	}
	long long next = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
	long long last = next - 1;
	return last - ((last + 4) % 7 + 7) % 7;
}

/* Summer time of year y, as seconds since 1970 (UTC): [*begin, *end); 0 when none. */
static int summer(long long y, long long *begin, long long *end)
{
	if (y < 1980)
		return 0;
	*begin = (y == 1980 ? sunday(y, 4, 1) : sunday(y, 3, 0)) * 86400 + 3600;
	*end = sunday(y, y <= 1995 ? 9 : 10, 0) * 86400 + 3600;
	return 1;
}

void sg_sweden_time(time_t t, struct tm *out)
{
	struct tm utc;
	gmtime_r(&t, &utc);
	long long b, e;
	/* summer time never spans a new year, so the UTC year decides */
	int dst = summer(utc.tm_year + 1900LL, &b, &e) && (long long)t >= b && (long long)t < e;
	time_t local = t + (dst ? 7200 : 3600);
	gmtime_r(&local, out);
	out->tm_isdst = dst;
	out->tm_gmtoff = dst ? 7200 : 3600;
	out->tm_zone = dst ? "CEST" : "CET";
}

void sg_sweden_now(char *buf, size_t size)
{
	struct tm tm;
	sg_sweden_time(time(NULL), &tm);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	         tm.tm_min);
}

bool sg_now_from_epoch(const char *epoch, char *buf, size_t size)
{
	long long t = 0;
	const char *p = epoch;
	for (; *p >= '0' && *p <= '9' && p - epoch < 12; p++)
		t = t * 10 + (*p - '0');
	if (p == epoch || *p || t > 253370764800LL) /* digits only; before 9999-01-01 */
		return false;
	struct tm tm;
	sg_sweden_time((time_t)t, &tm);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	         tm.tm_min);
	return true;
}

sg_local_kind sg_sweden_local_kind(int year, int month, int day, int hour, int minute)
{
	long long b, e;
	if (!summer(year, &b, &e))
		return SG_LOCAL_ONCE;
	/* the local time as if it were UTC; both changes happen at 02:00 CET local time
	 * (01:00 UTC): spring skips 02:00–02:59, autumn repeats it */
	long long local = days_from_civil(year, month, day) * 86400 + hour * 3600LL + minute * 60LL;
	if (local >= b + 3600 && local < b + 7200)
		return SG_LOCAL_SKIPPED;
	if (local >= e + 3600 && local < e + 7200)
		return SG_LOCAL_TWICE;
	return SG_LOCAL_ONCE;
}
