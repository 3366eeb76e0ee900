/* refs.h — references from Markdown texts to other content: the one table of
 * reference prefixes. A link "[Aktiv hälsa](insats:sjuharad/aktiv-halsa)" names an
 * insats; the Markdown parser keeps links with these prefixes (the site's parse
 * options carry the table), the model finds what each names (sg_site_build, refs.c),
 * and once the plan knows every URL the render stage writes the addresses
 * (render/links.c). */
#ifndef SG_REFS_H
#define SG_REFS_H

/* The kinds of content a reference can name, in the order of sg_ref_prefixes. */
typedef enum {
	SG_REF_INSATS,     /* insats:<förbund>/<insats> → sg_insats */
	SG_REF_KOMMUN,     /* kommun:<namn eller slug> → sg_kommun */
	SG_REF_FORBUND,    /* forbund:<förbund> → sg_forbund */
	SG_REF_NYHETSBREV, /* nyhetsbrev:<slug> → sg_nyhetsbrev */
	SG_REF_EVENEMANG,  /* evenemang:<slug> → sg_evenemang */
	SG_REF_SIDA,       /* sida:<slug> → sg_sida */
	SG_REF_COUNT
} sg_ref_kind;

/* "insats:", "kommun:", …: one per sg_ref_kind, then NULL (sg_markdown_opts.ref_prefixes). */
extern const char *const sg_ref_prefixes[SG_REF_COUNT + 1];

#endif
