/* forbund.c — a förbund: its members (each a site-wide kommun), contact, budgets
 * (budget.c) and default referral form. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/i18n.h"
#include "../util/slug.h"
#include "budget.h"
#include "builders.h"
#include "image.h"

/* A member's own text (`about`) and prioritised target groups (`priorities`: texts
 * or {group, priority}), as plans give them per kommun. */
static void build_member_text(const sg_fields *f, const sg_value *item, sg_member *m)
{
	sg_fields at = *f;
	at.line = sg_fields_line(f, item);
	m->about = sg_field_text(&at, item, "about", false, NULL);
	const sg_value *list = sg_field_list(&at, item, "priorities");
	size_t n = sg_value_count(list);
	m->priorities = sg_calloc(n ? n : 1, sizeof *m->priorities);
	const sg_key *keys = sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "members"), "priorities");
	for (size_t i = 0; i < n; i++) {
		const sg_value *p = sg_value_item(list, i);
		if (sg_value_kind_of(p) == SG_VAL_STRING) {
			m->priorities[m->n_priorities++] = (sg_priority){sg_strdup(sg_value_as_string(p, NULL)), 0};
			continue;
		}
		sg_fields pa;
		p = sg_fields_item_map(&at, list, i, "a priority", "{group: …, priority: 1}", keys, &pa);
		if (!p)
			continue;
		char *group = sg_field_text(&pa, p, "group", true, "name the target group, e.g. 'group: Unga vuxna 16–24 år'");
		if (!group)
			continue;
		int prio = (int)sg_field_int(&pa, p, "priority", 0, 1, 9);
		m->priorities[m->n_priorities++] = (sg_priority){group, prio};
	}
}

static void build_member(sg_site *site, sg_forbund *fb, const sg_fields *f, const sg_value *item)
{
	sg_member *m = &fb->members[fb->n_members];
	memset(m, 0, sizeof *m);
	if (sg_value_kind_of(item) == SG_VAL_STRING) {
		m->name = sg_strdup(sg_value_as_string(item, NULL));
	} else if (sg_value_kind_of(item) == SG_VAL_MAP) {
		const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "members");
		sg_fields_check_keys(f, item, keys, "a member");
		sg_fields at = *f;
		at.line = sg_fields_line(f, item);
		m->name = sg_field_text(&at, item, "name", true, "each member needs the kommun's name, e.g. 'name: Borås'");
		m->code = sg_field_text(&at, item, "code", false, NULL);
		if (m->code && (strlen(m->code) != 4 || strspn(m->code, "0123456789") != 4)) {
			const sg_value *v = sg_value_get(item, "code");
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "'code' must be the four-digit SCB kommunkod in quotes, e.g. code: \"1490\"");
		}
		if (sg_value_kind_of(sg_value_get(item, "contact")) == SG_VAL_STRING) /* the old form: a name only */
			m->contact.name = sg_field_text(&at, item, "contact", false, NULL);
		else
			sg_field_contact(&at, item, keys, "contact", &m->contact);
	} else {
		sg_error(f->d, f->file, sg_fields_line(f, item), sg_fields_col(item),
		         "each member must be '{name: …, code: …}' or a kommun name");
		return;
	}
	if (!m->name) { /* the member is left out: free what was read besides */
		sg_contact_clear(&m->contact);
		free(m->code);
		return;
	}
	const sg_value *name_v = sg_value_kind_of(item) == SG_VAL_MAP ? sg_value_get(item, "name") : item;
	sg_field_name_visible(f, name_v, m->name, "kommun name");
	char *slug = sg_slugify(m->name);
	if (!*slug) { /* e.g. '..': the kommun's page needs a web address */
		const sg_value *v = name_v;
		sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
		         "the member '%s' has no letters to make a web address from; write the kommun's name, e.g. 'name: Borås'",
		         m->name);
		free(slug);
		free(m->name);
		sg_contact_clear(&m->contact);
		free(m->code);
		return;
	}
	for (size_t i = 0; i < fb->n_members; i++) {
		char *other = sg_slugify(fb->members[i].name);
		bool same = strcmp(other, slug) == 0;
		free(other);
		/* Habo (0643) and Håbo (0305): one slug, two kommuner, told apart by their codes */
		if (same && m->code && fb->members[i].code && strcmp(m->code, fb->members[i].code) != 0 &&
		    !sg_same_name(fb->members[i].name, m->name))
			same = false;
		if (same) {
			if (sg_same_name(fb->members[i].name, m->name))
				sg_error(f->d, f->file, sg_fields_line(f, item), sg_fields_col(item), "the member '%s' is listed twice",
				         m->name);
			else
				sg_kommun_slug_collision(f, name_v, m->name, fb->members[i].name, NULL, 0, slug);
			free(slug);
			free(m->name);
			sg_contact_clear(&m->contact);
			free(m->code);
			return;
		}
	}
	m->kommun = sg_kommun_for(site, m->name, m->code, f, name_v);
	m->line = sg_fields_line(f, name_v);
	m->col = sg_fields_col(name_v);
	free(slug);
	if (!m->kommun) {
		free(m->name);
		sg_contact_clear(&m->contact);
		free(m->code);
		return;
	}
	m->forbund = fb;
	if (sg_value_kind_of(item) == SG_VAL_MAP)
		build_member_text(f, item, m);
	fb->n_members++;
}

/* `board:` or `staff:`: a list of people, {name, role, organisation} or {name, role,
 * phone, email}. */
static void read_people(const sg_fields *f, const sg_value *meta, const char *key, sg_person **out, size_t *n_out)
{
	const sg_value *list = sg_field_list(f, meta, key);
	size_t n = sg_value_count(list);
	*out = sg_calloc(n ? n : 1, sizeof **out);
	*n_out = 0;
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_FORBUND), key);
	bool staff = strcmp(key, "staff") == 0;
	for (size_t i = 0; i < n; i++) {
		sg_fields at;
		const sg_value *v = sg_fields_item_map(f, list, i, staff ? N_("a member of staff") : N_("a board member"),
		                                       staff ? "{name: …, role: …, phone: …, email: …}"
		                                             : "{name: …, role: …, organisation: …}",
		                                       keys, &at);
		if (!v)
			continue;
		sg_person *p = &(*out)[(*n_out)++];
		p->name = sg_field_text(&at, v, "name", true, "write the person's name, e.g. 'name: Anna Andersson'");
		if (!p->name)
			p->name = sg_strdup("");
		p->role = sg_field_text(&at, v, "role", false, NULL);
		p->organisation = sg_field_text(&at, v, "organisation", false, NULL);
		if (staff) {
			p->contact.phone = sg_field_phone(&at, v, "phone", &p->contact.phone_uri);
			p->contact.email = sg_field_email(&at, v, "email");
		}
	}
}

static int by_meeting_date(const void *a, const void *b)
{
	return strcmp(((const sg_meeting *)a)->date, ((const sg_meeting *)b)->date);
}

/* `meetings:` of the board: a date and, once it is published, the minutes' document. */
static void read_meetings(const sg_fields *f, const sg_value *meta, sg_forbund *fb)
{
	const sg_value *list = sg_field_list(f, meta, "meetings");
	size_t n = sg_value_count(list);
	fb->meetings = sg_calloc(n ? n : 1, sizeof *fb->meetings);
	const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_FORBUND), "meetings");
	for (size_t i = 0; i < n; i++) {
		sg_fields at;
		const sg_value *v = sg_fields_item_map(f, list, i, "a meeting", "{date: 2026-02-12, protokoll: …}", keys, &at);
		if (!v)
			continue;
		char *date = sg_field_date(&at, v, "date");
		if (!date || strlen(date) != 10) {
			if (!sg_value_get(v, "date") || date)
				sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
				         "a meeting needs its day: 'date: 2026-02-12'");
			free(date);
			continue;
		}
		sg_meeting *m = &fb->meetings[fb->n_meetings++];
		m->date = date;
		m->protokoll_slug = sg_field_text(&at, v, "protokoll", false, NULL);
		const sg_value *pv = sg_value_get(v, "protokoll");
		m->line = sg_fields_line(f, pv ? pv : v);
		m->col = sg_fields_col(pv ? pv : v);
	}
	qsort(fb->meetings, fb->n_meetings, sizeof *fb->meetings, by_meeting_date);
}

void sg_build_forbund(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = sg_fields_for(src, d);
	const sg_key *keys = sg_keys_of(SG_SRC_FORBUND);
	sg_fields_check_keys(&f, src->meta, keys, "a förbund");
	sg_forbund *fb = sg_calloc(1, sizeof *fb);
	fb->slug = sg_strdup(src->slug);
	fb->path = src->path;
	fb->title = sg_field_text(&f, src->meta, "title", true, "the förbund's full name");
	if (!fb->title)
		fb->title = sg_strdup(src->slug);
	fb->sort_key = sg_collate_key(fb->title);
	fb->orgnr = sg_field_text(&f, src->meta, "orgnr", false, NULL);
	fb->image = sg_image_of_source(&f, src, "image", false);
	fb->logo = sg_image_of_source(&f, src, "logo", true);
	const sg_value *members = sg_field_list(&f, src->meta, "members");
	size_t n = sg_value_count(members);
	fb->members = sg_calloc(n ? n : 1, sizeof *fb->members);
	for (size_t i = 0; i < n; i++)
		build_member(site, fb, &f, sg_value_item(members, i));
	if (fb->n_members == 0)
		sg_error(d, src->path, f.line, 1, "missing 'members': list the member kommuner, e.g. members: [{name: Borås, code: \"1490\"}]");
	fb->parties = sg_field_text_list(&f, src->meta, "parties", &fb->n_parties);
	sg_field_contact(&f, src->meta, keys, "contact", &fb->contact);
	sg_budgets_read(&f, src->meta, &fb->budgets, &fb->n_budgets);
	fb->default_form_slug = sg_field_text(&f, src->meta, "default_form", false, NULL);
	if (fb->default_form_slug) {
		const sg_value *v = sg_value_get(src->meta, "default_form");
		fb->default_form_line = sg_fields_line(&f, v);
		fb->default_form_col = sg_fields_col(v);
	}
	sg_palette_read(&fb->palette, &f, src->meta, keys);
	read_people(&f, src->meta, "board", &fb->board, &fb->n_board);
	read_people(&f, src->meta, "staff", &fb->staff, &fb->n_staff);
	read_meetings(&f, src->meta, fb);
	fb->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	SG_PUSH(site->forbund, site->n_forbund, fb);
}

sg_forbund *sg_site_find_forbund(const sg_site *site, const char *slug)
{
	for (size_t i = 0; i < site->n_forbund; i++)
		if (strcmp(site->forbund[i]->slug, slug) == 0)
			return site->forbund[i];
	return NULL;
}


int sg_forbund_order(const sg_forbund *a, const sg_forbund *b)
{
	return sg_title_order(a->sort_key, a->title, b->sort_key, b->title);
}

static int by_forbund_title(const void *pa, const void *pb)
{
	return sg_forbund_order(*(sg_forbund *const *)pa, *(sg_forbund *const *)pb);
}

void sg_forbund_sort(sg_site *site)
{
	if (site->n_forbund)
		qsort(site->forbund, site->n_forbund, sizeof *site->forbund, by_forbund_title);
}

void sg_forbund_free(sg_forbund *fb)
{
	for (size_t k = 0; k < fb->n_members; k++) {
		free(fb->members[k].name);
		free(fb->members[k].code);
		free(fb->members[k].about);
		for (size_t p = 0; p < fb->members[k].n_priorities; p++)
			free(fb->members[k].priorities[p].group);
		free(fb->members[k].priorities);
		sg_contact_clear(&fb->members[k].contact);
	}
	free(fb->members);
	sg_person *lists[] = {fb->board, fb->staff};
	size_t counts[] = {fb->n_board, fb->n_staff};
	for (size_t l = 0; l < 2; l++) {
		for (size_t k = 0; k < counts[l]; k++) {
			free(lists[l][k].name);
			free(lists[l][k].role);
			free(lists[l][k].organisation);
			sg_contact_clear(&lists[l][k].contact);
		}
		free(lists[l]);
	}
	for (size_t k = 0; k < fb->n_meetings; k++) {
		free(fb->meetings[k].date);
		free(fb->meetings[k].protokoll_slug);
	}
	free(fb->meetings);
	free(fb->slug);
	free(fb->title);
	free(fb->sort_key);
	free(fb->orgnr);
	sg_image_free(fb->image);
	sg_image_free(fb->logo);
	sg_free_list(fb->parties, fb->n_parties);
	sg_contact_clear(&fb->contact);
	sg_budgets_free(fb->budgets, fb->n_budgets);
	free(fb->default_form_slug);
	sg_markdown_free(fb->body);
	free(fb);
}
