#!/usr/bin/python3
"""check_dcat.py SITE [--license URI] [--publisher URI] [--publisher-type NAME] [--email ADDR]

Reads SITE/data/catalog.jsonld and SITE/data/catalog.rdf with real RDF parsers (rdflib's
JSON-LD and RDF/XML parsers, and pyld's JSON-LD expansion and conversion to RDF) and checks
that each gives every property DCAT-AP-SE 3.0.1 makes mandatory, with a value after
parsing: a title without a language tag, or one a JSON-LD processor drops, is missing.
Also checks that the JSON-LD and the RDF/XML are the same graph. Prints every problem and
exits 1, or prints "ok" and exits 0. Run by tests/integration/test_dcat.c."""
import argparse
import json
import re
import sys

from pyld import jsonld
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, RDF

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
ADMS_TYPES = {URIRef("http://purl.org/adms/publishertype/" + t) for t in (
    "Academia-ScientificOrganisation", "Company", "IndustryConsortium", "LocalAuthority",
    "NationalAuthority", "NonGovernmentalOrganisation", "NonProfitOrganisation",
    "PrivateIndividual(s)", "RegionalAuthority", "StandardisationBody", "SupraNationalAuthority")}
MEDIA_TYPE = re.compile(r"^\w+/[-.\w]+(?:\+[-.\w]+)?$")  # DCAT-AP-SE's pattern for dcterms:format

problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def swedish_texts(g, where, node, prop):
    values = list(g.objects(node, prop))
    if not values:
        problem(where, f"{node} has no {prop}")
    for v in values:
        if not isinstance(v, Literal) or v.language != "sv" or not str(v).strip():
            problem(where, f"{node} {prop} is {v!r}, not a non-empty text tagged @sv")
    return values


def one(g, where, node, prop):
    values = list(g.objects(node, prop))
    if len(values) != 1:
        problem(where, f"{node} has {len(values)} values of {prop}, DCAT-AP-SE wants exactly one: {values}")
        return None
    return values[0]


def one_uri(g, where, node, prop):
    v = one(g, where, node, prop)
    if v is not None and not (isinstance(v, URIRef) and re.match(r"^(https?|mailto):", str(v))):
        problem(where, f"{node} {prop} is {v!r}, not an address")
        return None
    return v


def check_agent(g, where, agent, args):
    types = set(g.objects(agent, RDF.type))
    if not types & {FOAF.Agent, FOAF.Organization, FOAF.Person}:
        problem(where, f"publisher {agent} is not a foaf:Agent/Organization/Person: {types}")
    names = [n for n in g.objects(agent, FOAF.name) if isinstance(n, Literal) and str(n).strip()]
    if not names:
        problem(where, f"publisher {agent} has no foaf:name")
    kind = one_uri(g, where, agent, DCT.type)
    if kind is not None and kind not in ADMS_TYPES:
        problem(where, f"publisher type {kind} is not an ADMS publisher type")
    if args.publisher_type and kind != URIRef("http://purl.org/adms/publishertype/" + args.publisher_type):
        problem(where, f"publisher type is {kind}, expected {args.publisher_type}")
    if args.publisher and agent != URIRef(args.publisher):
        problem(where, f"publisher is {agent}, expected {args.publisher}")


def check_graph(g, where, args):
    catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
    if len(catalogs) != 1:
        problem(where, f"{len(catalogs)} dcat:Catalog, expected one")
    for cat in catalogs:
        swedish_texts(g, where, cat, DCT["title"])
        swedish_texts(g, where, cat, DCT.description)
        publisher = one_uri(g, where, cat, DCT.publisher)
        if publisher is not None:
            check_agent(g, where, publisher, args)
        lic = one_uri(g, where, cat, DCT.license)
        if lic is not None and lic != CC0:
            problem(where, f"the catalogue's licence is {lic}; DCAT-AP-SE requires CC0 ({CC0})")
        datasets = list(g.objects(cat, DCAT.dataset))
        if not datasets:
            problem(where, "the catalogue has no dcat:dataset")
        for ds in datasets:
            if (ds, RDF.type, DCAT.Dataset) not in g:
                problem(where, f"{ds} is not a dcat:Dataset")
            swedish_texts(g, where, ds, DCT["title"])
            swedish_texts(g, where, ds, DCT.description)
            publisher = one_uri(g, where, ds, DCT.publisher)
            if publisher is not None:
                check_agent(g, where, publisher, args)
            keywords = swedish_texts(g, where, ds, DCAT.keyword)
            for k in keywords:
                if re.search(r"[{}@\[\]]", str(k)):
                    problem(where, f"keyword {k!r} looks garbled")
            if len(set(map(str, keywords))) != len(keywords):
                problem(where, f"repeated keywords: {keywords}")
            contacts = list(g.objects(ds, DCAT.contactPoint))
            if args.email and len(contacts) != 1:
                problem(where, f"{ds} has {len(contacts)} contact points, expected one with {args.email}")
            for c in contacts:
                if not set(g.objects(c, RDF.type)) & {VCARD.Organization, VCARD.Individual, VCARD.Kind}:
                    problem(where, f"contact point {c} is not a vcard:Organization/Individual/Kind")
                if not [n for n in g.objects(c, VCARD.fn) if str(n).strip()]:
                    problem(where, f"contact point {c} has no vcard:fn")
                mail = one_uri(g, where, c, VCARD.hasEmail)
                if args.email and mail != URIRef("mailto:" + args.email):
                    problem(where, f"contact point e-mail is {mail}, expected mailto:{args.email}")
                if c == publisher:
                    problem(where, "the contact point and the publisher share an address")
            distributions = list(g.objects(ds, DCAT.distribution))
            if len(distributions) != 2:
                problem(where, f"{len(distributions)} distributions, expected the JSON and the CSV")
            for di in distributions:
                if (di, RDF.type, DCAT.Distribution) not in g:
                    problem(where, f"{di} is not a dcat:Distribution")
                one_uri(g, where, di, DCAT.accessURL)
                fmt = one(g, where, di, DCT["format"])
                if fmt is not None and not (isinstance(fmt, Literal) and MEDIA_TYPE.match(str(fmt))):
                    problem(where, f"{di} dcterms:format is {fmt!r}, not a media type like text/csv")
                for mt in g.objects(di, DCAT.mediaType):
                    if mt != URIRef(f"https://www.iana.org/assignments/media-types/{fmt}"):
                        problem(where, f"{di} dcat:mediaType {mt} is not the IANA address of {fmt}")
                lic = one_uri(g, where, di, DCT.license)
                if lic is not None and lic != URIRef(args.license):
                    problem(where, f"{di} licence is {lic}, expected {args.license}")


def check_expanded(doc, where):
    """pyld's expansion keeps a title only if it is a proper value object."""
    expanded = jsonld.expand(doc)
    catalogs = [n for n in expanded if str(DCAT.Catalog) in n.get("@type", [])]
    datasets = [n for n in expanded if str(DCAT.Dataset) in n.get("@type", [])]
    if len(catalogs) != 1 or len(datasets) != 1:
        problem(where, f"expanded: {len(catalogs)} catalogues and {len(datasets)} datasets, expected one each")
    for n in catalogs + datasets:
        for prop in (DCT["title"], DCT.description):
            values = n.get(str(prop), [])
            if not values or any(v.get("@language") != "sv" or not v.get("@value") for v in values):
                problem(where, f"expanded: {n.get('@id')} {prop} is {values}, not texts tagged sv")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--license", default=str(CC0))
    ap.add_argument("--publisher")
    ap.add_argument("--publisher-type")
    ap.add_argument("--email")
    args = ap.parse_args()
    graphs = {}
    try:
        with open(f"{args.site}/data/catalog.jsonld", encoding="utf-8") as f:
            doc = json.load(f)
        check_expanded(doc, "catalog.jsonld (pyld)")
        pyld_graph = Graph().parse(data=jsonld.to_rdf(doc, {"format": "application/n-quads"}), format="nquads")
        graphs["catalog.jsonld (pyld)"] = pyld_graph
        graphs["catalog.jsonld (rdflib)"] = Graph().parse(f"{args.site}/data/catalog.jsonld", format="json-ld")
    except Exception as e:  # a file that does not parse is a problem to report, like any other
        problem("catalog.jsonld", f"cannot be read: {e}")
    try:
        graphs["catalog.rdf (rdflib)"] = Graph().parse(f"{args.site}/data/catalog.rdf", format="xml")
    except Exception as e:
        problem("catalog.rdf", f"cannot be read: {e}")
    for where, g in graphs.items():
        if len(g) == 0:
            problem(where, "no triples")
        check_graph(g, where, args)
    names = list(graphs)
    for other in names[1:]:
        if not isomorphic(graphs[names[0]], graphs[other]):
            problem(other, f"is not the same graph as {names[0]}")
    if problems:
        print("\n".join(problems))
        return 1
    print(f"ok: {', '.join(f'{k} {len(v)} triples' for k, v in graphs.items())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
