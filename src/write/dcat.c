/* dcat.c — the DCAT-AP-SE catalogue of the open data: /data/catalog.jsonld (JSON-LD) and
 * /data/catalog.rdf (RDF/XML, what Sveriges dataportal harvests). Both are written from
 * one list of nodes, so they are the same RDF graph. What is mandatory in DCAT-AP-SE
 * 3.0.1 (https://docs.dataportal.se/dcat/3.0.1/en/) is always there:
 *   Catalog:      title, description, publisher, license (CC0, as the profile requires
 *                 for the catalogue itself), dataset
 *   Dataset:      title, description, publisher
 *   Distribution: accessURL, format (a media type, as the profile writes it)
 *   Agent:        name, type (ADMS publisher type)
 *   Contact point (when site.yaml gives an e-mail address): type, name, e-mail.
 * The publisher is http://dataportal.se/organisation/SE<orgnr> when site.yaml gives the
 * organisationsnummer, the dataportal's way to recognise an organisation across catalogues. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../model/open_data.h"
#include "../plan/plan.h"
#include "../util/alloc.h"
#include "../util/escape.h"
#include "opendata.h"

static const struct {
	const char *prefix, *iri;
} prefixes[] = {
	{"dcat", "http://www.w3.org/ns/dcat#"},
	{"dcterms", "http://purl.org/dc/terms/"},
	{"foaf", "http://xmlns.com/foaf/0.1/"},
	{"vcard", "http://www.w3.org/2006/vcard/ns#"},
};

typedef enum { IRI, TEXT_SV, TEXT } value_kind; /* a resource, a Swedish text, a plain literal */

typedef struct {
	const char *predicate; /* a prefixed name from prefixes[] */
	value_kind kind;
	char *value; /* owned by the graph */
} property;

typedef struct {
	char *iri; /* owned by the graph */
	const char *type;
	property props[16];
	size_t n;
} node;

typedef struct {
	node nodes[8];
	size_t n;
} graph;

static node *add_node(graph *g, char *iri, const char *type)
{
	node *nd = &g->nodes[g->n++];
	*nd = (node){.iri = iri, .type = type};
	return nd;
}

/* value is copied */
static void add(node *nd, const char *predicate, value_kind kind, const char *value)
{
	nd->props[nd->n++] = (property){predicate, kind, sg_strdup(value)};
}

static void graph_free(graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->nodes[i].iri);
		for (size_t k = 0; k < g->nodes[i].n; k++)
			free(g->nodes[i].props[k].value);
	}
}

static char *absolute(const sg_site *site, const char *path)
{
	char *p = sg_strdup(path);
	char *url = sg_url_absolute(site->info.base_url, p);
	free(p);
	return url;
}

static void build(const sg_site *site, graph *g)
{
	const sg_open_data *od = &site->info.open_data;
	const char *title = site->info.title ? site->info.title : "sofgen";
	const char *license = od->license ? od->license : SG_LICENSE_CC0;
	char *home = absolute(site, "/");
	char *agent_iri = od->orgnr ? sg_asprintf("http://dataportal.se/organisation/SE%s", od->orgnr)
	                            : absolute(site, "/data/#utgivare");

	node *catalog = add_node(g, absolute(site, "/data/#katalog"), "dcat:Catalog");
	node *dataset = add_node(g, absolute(site, "/data/#insatser"), "dcat:Dataset");
	node *agent = add_node(g, agent_iri, "foaf:Organization");
	node *json = add_node(g, absolute(site, "/data/insatser.json"), "dcat:Distribution");
	node *csv = add_node(g, absolute(site, "/data/insatser.csv"), "dcat:Distribution");

	add(catalog, "dcterms:title", TEXT_SV, title);
	char *about = site->info.description ? sg_strdup(site->info.description)
	                                     : sg_asprintf("Öppna data från webbplatsen %s.", title);
	add(catalog, "dcterms:description", TEXT_SV, about);
	free(about);
	add(catalog, "dcterms:publisher", IRI, agent->iri);
	add(catalog, "dcterms:license", IRI, SG_LICENSE_CC0);
	add(catalog, "dcterms:language", IRI, "http://publications.europa.eu/resource/authority/language/SWE");
	add(catalog, "foaf:homepage", IRI, home);
	add(catalog, "dcat:dataset", IRI, dataset->iri);

	add(agent, "foaf:name", TEXT, od->publisher ? od->publisher : title);
	char *type = sg_asprintf("http://purl.org/adms/publishertype/%s", sg_publisher_types[od->publisher_type]);
	add(agent, "dcterms:type", IRI, type);
	free(type);
	if (od->orgnr)
		add(agent, "dcterms:identifier", TEXT, od->orgnr);

	add(dataset, "dcterms:title", TEXT_SV, "Insatser från samordningsförbunden");
	char *desc = sg_asprintf("Insatser för samordnad arbetslivsinriktad rehabilitering (FINSAM) från %s: kommuner, "
	                         "SUS-kategorier, målgrupper, planerade deltagare och medel i tkr.",
	                         title);
	add(dataset, "dcterms:description", TEXT_SV, desc);
	free(desc);
	add(dataset, "dcterms:publisher", IRI, agent->iri);
	static const char *const keywords[] = {"samordningsförbund", "FINSAM", "rehabilitering", "insatser"};
	for (size_t i = 0; i < 4; i++)
		add(dataset, "dcat:keyword", TEXT_SV, keywords[i]);
	add(dataset, "dcat:theme", IRI, "http://publications.europa.eu/resource/authority/data-theme/SOCI");
	add(dataset, "dcterms:language", IRI, "http://publications.europa.eu/resource/authority/language/SWE");
	add(dataset, "dcterms:accessRights", IRI, "http://publications.europa.eu/resource/authority/access-right/PUBLIC");
	add(dataset, "dcat:landingPage", IRI, home);
	add(dataset, "dcat:distribution", IRI, json->iri);
	add(dataset, "dcat:distribution", IRI, csv->iri);
	if (od->email) {
		/* not the publisher's address: a vcard and a foaf agent must not share one */
		node *contact = add_node(g, absolute(site, "/data/#kontakt"), "vcard:Organization");
		add(dataset, "dcat:contactPoint", IRI, contact->iri);
		add(contact, "vcard:fn", TEXT, od->publisher ? od->publisher : title);
		char *mailto = sg_asprintf("mailto:%s", od->email);
		add(contact, "vcard:hasEmail", IRI, mailto);
		free(mailto);
	}

	static const struct {
		const char *title, *media_type;
	} dists[] = {{"Insatser (JSON)", "application/json"}, {"Insatser per kommun (CSV)", "text/csv"}};
	node *dn[] = {json, csv};
	for (size_t i = 0; i < 2; i++) {
		add(dn[i], "dcterms:title", TEXT_SV, dists[i].title);
		add(dn[i], "dcat:accessURL", IRI, dn[i]->iri);
		add(dn[i], "dcat:downloadURL", IRI, dn[i]->iri);
		/* DCAT-AP-SE writes the format as a media type literal; DCAT-AP's dcat:mediaType
		 * is the IANA address */
		add(dn[i], "dcterms:format", TEXT, dists[i].media_type);
		char *iana = sg_asprintf("https://www.iana.org/assignments/media-types/%s", dists[i].media_type);
		add(dn[i], "dcat:mediaType", IRI, iana);
		free(iana);
		add(dn[i], "dcterms:license", IRI, license);
	}
	char *schema = absolute(site, "/data/insatser.schema.json");
	add(json, "dcterms:conformsTo", IRI, schema);
	free(schema);
	free(home);
}

static json_t *value_json(const property *p)
{
	switch (p->kind) {
	case IRI: return json_pack("{s:s}", "@id", p->value);
	case TEXT_SV: return json_pack("{s:s, s:s}", "@value", p->value, "@language", "sv");
	case TEXT: break;
	}
	return json_string(p->value);
}

void sg_opendata_catalog(const sg_site *site, sg_buf *out)
{
	graph g = {0};
	build(site, &g);
	json_t *context = json_object();
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		json_object_set_new(context, prefixes[i].prefix, json_string(prefixes[i].iri));
	json_t *nodes = json_array();
	for (size_t i = 0; i < g.n; i++) {
		const node *nd = &g.nodes[i];
		json_t *o = json_pack("{s:s, s:s}", "@id", nd->iri, "@type", nd->type);
		for (size_t k = 0; k < nd->n; k++) {
			const property *p = &nd->props[k];
			json_t *have = json_object_get(o, p->predicate);
			if (!have) {
				json_object_set_new(o, p->predicate, value_json(p));
			} else {
				if (!json_is_array(have)) {
					json_t *list = json_array();
					json_array_append(list, have);
					json_object_set_new(o, p->predicate, list);
					have = list;
				}
				json_array_append_new(have, value_json(p));
			}
		}
		json_array_append_new(nodes, o);
	}
	json_t *root = json_pack("{s:o, s:o}", "@context", context, "@graph", nodes);
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	sg_buf_puts(out, s);
	sg_buf_putc(out, '\n');
	free(s);
	json_decref(root);
	graph_free(&g);
}

/* Text as XML character data: escaped, and without the C0 control characters XML 1.0
 * cannot hold (check refuses them in content; this keeps the file well-formed anyway). */
static void xml_text(sg_buf *out, const char *s)
{
	sg_buf clean = SG_BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
			sg_buf_putc(&clean, (char)*p);
	sg_escape_html(out, clean.ptr ? clean.ptr : "", clean.len);
	sg_buf_free(&clean);
}

void sg_opendata_catalog_rdf(const sg_site *site, sg_buf *out)
{
	graph g = {0};
	build(site, &g);
	sg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"");
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		sg_buf_printf(out, "\n         xmlns:%s=\"%s\"", prefixes[i].prefix, prefixes[i].iri);
	sg_buf_puts(out, ">\n");
	for (size_t i = 0; i < g.n; i++) {
		const node *nd = &g.nodes[i];
		sg_buf_printf(out, "  <%s rdf:about=\"", nd->type);
		xml_text(out, nd->iri);
		sg_buf_puts(out, "\">\n");
		for (size_t k = 0; k < nd->n; k++) {
			const property *p = &nd->props[k];
			sg_buf_printf(out, "    <%s", p->predicate);
			if (p->kind == IRI) {
				sg_buf_puts(out, " rdf:resource=\"");
				xml_text(out, p->value);
				sg_buf_puts(out, "\"/>\n");
				continue;
			}
			sg_buf_puts(out, p->kind == TEXT_SV ? " xml:lang=\"sv\">" : ">");
			xml_text(out, p->value);
			sg_buf_printf(out, "</%s>\n", p->predicate);
		}
		sg_buf_printf(out, "  </%s>\n", nd->type);
	}
	sg_buf_puts(out, "</rdf:RDF>\n");
	graph_free(&g);
}
