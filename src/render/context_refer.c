/* context_refer.c — the "Remittera hit" box of an insats page (issue 13 §3): can a
 * referrer refer, and how; whom to call in the person's kommun and about the insats;
 * where a signed paper form goes. Every item of every list gives every key a template
 * may read (null when unknown), so no item shows another item's value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "context_internal.h"

/* Puts s, or an explicit null, under key (a list item must never inherit a key). */
static void put_or_null(sg_value *map, const char *key, const char *s)
{
	sg_value_put(map, key, s ? sg_value_cstring(s) : sg_value_null());
}

/* The contact's fields into map: name, phone, phone_uri, email, address, has_contact. */
static void put_contact_fields(sg_value *map, const sg_contact *c)
{
	put_or_null(map, "name", c->name);
	put_or_null(map, "phone", c->phone);
	put_or_null(map, "phone_uri", c->phone_uri);
	put_or_null(map, "email", c->email);
	put_or_null(map, "address", c->address);
	sg_value_put_bool(map, "has_contact", c->name || c->phone || c->email || c->address);
}

/* One kommun's contact for this insats (a new map, owned by the caller). */
static sg_value *kommun_contact(const sg_member *m)
{
	sg_value *v = sg_value_map();
	sg_value_put_str(v, "kommun", m->kommun->name);
	sg_value_put_str(v, "slug", m->kommun->slug);
	sg_ctx_put_take(v, "kommun_url", sg_url_kommun(m->kommun));
	put_contact_fields(v, &m->contact);
	return v;
}

/* The member kommuner whose contacts a referrer needs: those where the insats has
 * places, or every member when it has a place for the whole förbund or none. */
static sg_value *kommun_contacts(const sg_insats *x)
{
	sg_value *l = sg_value_list();
	bool whole = x->n_places == 0;
	for (size_t i = 0; i < x->n_places; i++)
		whole |= x->places[i].member == NULL;
	const sg_forbund *fb = x->forbund;
	for (size_t k = 0; k < fb->n_members; k++) {
		bool placed = whole;
		for (size_t i = 0; i < x->n_places && !placed; i++)
			placed = x->places[i].member == &fb->members[k];
		if (placed)
			sg_value_push(l, kommun_contact(&fb->members[k]));
	}
	return l;
}

/* "57.72101": a coordinate for a web address (buf of 32). */
static const char *degrees(double d, char *buf)
{
	snprintf(buf, 32, "%.6f", d);
	size_t n = strlen(buf);
	while (n > 1 && buf[n - 1] == '0' && buf[n - 2] != '.')
		buf[--n] = '\0';
	return buf;
}

/* The places with an address or a position: where the insats is, with a link to
 * OpenStreetMap (a link only: the page makes no request to anyone else). */
static sg_value *locations(const sg_insats *x)
{
	sg_value *l = sg_value_list();
	for (size_t i = 0; i < x->n_places; i++) {
		const sg_place *p = &x->places[i];
		if (!p->address && !p->has_position)
			continue;
		sg_value *v = sg_value_map();
		put_or_null(v, "kommun", p->member ? p->member->kommun->name : NULL);
		put_or_null(v, "address", p->address);
		if (p->has_position) {
			char la[32], lo[32];
			degrees(p->lat, la);
			degrees(p->lon, lo);
			sg_ctx_put_take(v, "osm_url",
			                sg_asprintf("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=17/%s/%s", la, lo, la, lo));
		} else {
			sg_value_put(v, "osm_url", sg_value_null());
		}
		sg_value_push(l, v);
	}
	return l;
}

void sg_ctx_refer(const sg_contexts *c, const sg_insats *x, sg_value *v)
{
	const char *today = c->plan->now;
	sg_value *r = sg_value_map();
	const sg_referral *ref = &x->referral;
	bool open = sg_insats_takes_referrals_at(x, today);
	/* a referral block without `open:` says nothing about whether it is open now,
	 * unless the dates or the decision do (ended, or only a proposal) */
	bool shut = sg_insats_status_at(x, today) == SG_STATUS_ENDED || x->decision == SG_DECISION_FORSLAG;
	bool known = ref->given && (ref->open_stated || shut);
	sg_value_put_bool(r, "known", known);
	sg_value_put_bool(r, "open", known && open);
	sg_value_put_bool(r, "closed", known && !open);
	if (ref->given && ref->vacancies >= 0)
		sg_ctx_put_sv(r, "vacancies", (double)ref->vacancies);
	else
		sg_value_put(r, "vacancies", sg_value_null());
	char *who = NULL;
	for (size_t i = 0; ref->given && i < ref->n_referrers; i++) {
		char *t = sg_asprintf("%s%s%s", who ? who : "", who ? ", " : "", ref->referrers[i]);
		free(who);
		who = t;
	}
	if (who)
		sg_ctx_put_take(r, "referrers", who);
	else
		sg_value_put(r, "referrers", sg_value_null());
	sg_value_put(r, "how_html", ref->given && ref->how ? sg_ctx_html(ref->how) : sg_value_null());

	/* whom to ask about the insats: its own contact, else the förbund's */
	sg_value *ic = sg_value_map();
	bool own = x->contact.name || x->contact.phone || x->contact.email;
	put_contact_fields(ic, own ? &x->contact : &x->forbund->contact);
	sg_value_put_str(ic, "label", own ? "Frågor om insatsen" : "Samordningsförbundet");
	sg_value_put_bool(ic, "own", own);
	sg_value_put(r, "contact", ic);

	sg_value *kl = kommun_contacts(x);
	size_t nk = sg_value_count(kl);
	sg_value_put_bool(r, "has_kommun_contacts", nk > 0);
	sg_value_put_bool(r, "one_kommun", nk == 1);
	sg_value_put_num(r, "kommun_count", (double)nk);
	sg_value_put(r, "kommun_contacts", kl);

	/* the route of the form: printed and posted, or sent over https */
	const sg_blankett *b = ref->blankett;
	bool online = c->site->info.forms_action != NULL;
	if (b)
		sg_ctx_put_take(r, "form_url", sg_url_remiss(x));
	else
		sg_value_put(r, "form_url", sg_value_null());
	sg_value_put_bool(r, "online", b && online);
	sg_value_put_bool(r, "paper", b && !online);
	put_or_null(r, "send_to", b && !online ? b->send_to : NULL);
	sg_value_put(v, "refer", r);

	sg_value *loc = locations(x);
	sg_value_put_bool(v, "has_locations", sg_value_count(loc) > 0);
	sg_value_put(v, "locations", loc);
}
