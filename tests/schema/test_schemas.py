#!/usr/bin/python3
"""The JSON Schemas `sofgen schema` writes, checked with a real validator (Debian's
python3-jsonschema): every content file of the example sites passes its kind's schema,
and broken files fail with the validator's exact message.

Usage: test_schemas.py SOFGEN   (run from the project root; prints "schema: N passed, M failed")

YAML is read as editors' tools read it (YAML 1.2: an unquoted 2020-01-01 is text, not a
date), so PyYAML's timestamp rule is left out."""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# YAML 1.2 has no timestamps: dates stay text, as in VS Code's YAML extension
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

KINDS = {"forbund": "forbund", "insatser": "insats", "sidor": "sida", "nyhetsbrev": "nyhetsbrev",
         "evenemang": "evenemang", "dokument": "dokument", "blanketter": "blankett", "planer": "plan"}


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    if not path.endswith(".yaml"):
        assert text.startswith("---\n"), path
        text = text[4:text.index("\n---", 4)]
    # as JSON, where a key is always text (budget: 2020:)
    return json.loads(json.dumps(yaml.load(text, Loader=Loader) or {}))


def kind_of(content, path):
    rel = os.path.relpath(path, content)
    if rel == "site.yaml":
        return "site"
    top = rel.split(os.sep)[0]
    if top == "dokument" and not path.endswith(".yaml"):
        return None  # the document itself, beside its .yaml
    return KINDS.get(top)


def messages(validator, doc):
    """Each error as 'path: message', path like places/0/funds (sorted)."""
    return sorted("/".join(str(p) for p in e.absolute_path) + ": " + e.message
                  for e in validator.iter_errors(doc))


passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def schemas_for(sofgen, content, out):
    r = subprocess.run([sofgen, "schema", "--content", content, "--out", out], capture_output=True, text=True)
    check(r.returncode == 0, f"sofgen schema --content {content}: {r.stderr}")
    validators = {}
    for name in os.listdir(out):
        schema = json.load(open(os.path.join(out, name), encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)  # the schema itself is valid
        validators[name[:-len(".schema.json")]] = jsonschema.Draft7Validator(schema)
    check(sorted(validators) == sorted(["site", *KINDS.values()]), f"one schema per kind: {sorted(validators)}")
    return validators


def main():
    sofgen = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        # every content file of both example sites passes
        for content in ["content", "examples/varend/content"]:
            validators = schemas_for(sofgen, content, os.path.join(tmp, content.replace("/", "-")))
            files = 0
            for root, _, names in os.walk(content):
                for name in names:
                    path = os.path.join(root, name)
                    kind = kind_of(content, path)
                    if not kind:
                        continue
                    files += 1
                    errors = messages(validators[kind], front_matter(path))
                    check(not errors, f"{path}: {errors}")
            check(files >= 10, f"{content}: only {files} files checked")

        # broken files: the validator's exact messages
        v = schemas_for(sofgen, "content", os.path.join(tmp, "broken"))
        cases = [
            ("insats", {"title": "A", "status": "pågår"},
             ["status: 'pågår' is not one of ['active', 'planned', 'ended']"]),
            ("insats", {"summary": "Utan titel"}, [": 'title' is a required property"]),
            # contact: with its keys not indented: they land at the top, where they are unknown
            ("insats", {"title": "A", "contact": None, "name": "Anna", "phone": "070-174 06 05"},
             [": Additional properties are not allowed ('name', 'phone' were unexpected)",
              "contact: None is not of type 'object'"]),
            ("insats", {"title": "A", "places": {"municipality": "Borås"}},
             ["places: {'municipality': 'Borås'} is not of type 'array'"]),
            ("insats", {"title": "A", "places": [{"municipality": "Göteborg"}]},
             ["places/0/municipality: 'Göteborg' is not one of ['Ale', 'Kungälv', 'Stenungsund', 'Tjörn', "
              "'Öckerö', 'Bollebygd', 'Borås', 'Herrljunga', 'Mark', 'Svenljunga', 'Tranemo', 'Ulricehamn', "
              "'Vårgårda']"]),
            ("insats", {"title": "A", "places": [{"years": {"20x1": {"funds": {"forbund": 1}}}}]},
             ["places/0/years: '20x1' does not match any of the regexes: '^[0-9]{4}$'"]),
            ("insats", {"title": "A", "places": [{"funds": {"forbund": "12,5"}}]},
             ["places/0/funds/forbund: '12,5' is not valid under any of the given schemas"]),
            ("forbund", {"title": "F", "budget": {2020: {"financing": [{"party": "P", "share": 1.5, "amount": 1}]}}},
             ["budget/2020/financing/0/share: 1.5 is greater than the maximum of 1"]),
            ("evenemang", {"title": "E", "start": "15 mars"},
             ["start: '15 mars' does not match '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2})?$'"]),
            ("site", {"title": "S", "base_url": "ftp://example.se/"},
             ["base_url: 'ftp://example.se/' does not match '^(https?://|/)'"]),
        ]
        for kind, doc, want in cases:
            # budget years are map keys: as text, as YAML gives them to the validator
            doc = json.loads(json.dumps(doc))
            got = messages(v[kind], doc)
            check(got == sorted(want), f"{kind} {doc}: got {got}, want {sorted(want)}")
    print(f"schema: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
