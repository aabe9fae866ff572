#!/usr/bin/env python3
"""Builds an outlet registry (the shape of
crates/claimtrace/data/outlets/outlets.tsv) from a Wikidata query result.
Wikidata is CC0, so the result may ship; `--outlets FILE` reads it.

Run this query at https://query.wikidata.org/ and download the result as
JSON (or use any SPARQL client):

    SELECT ?outlet ?outletLabel ?website ?country ?language ?agency ?owner WHERE {
      VALUES ?kind { wd:Q11032 wd:Q1193236 wd:Q192283 wd:Q1002697 wd:Q15265344 }
      ?outlet wdt:P31 ?kind; wdt:P856 ?website.
      OPTIONAL { ?outlet wdt:P17 ?c. ?c wdt:P297 ?country. }
      OPTIONAL { ?outlet wdt:P407 ?l. ?l wdt:P218 ?language. }
      BIND(EXISTS { ?outlet wdt:P31 wd:Q192283 } AS ?agency)
      OPTIONAL { ?outlet wdt:P127 ?o. ?o wdt:P31/wdt:P279* wd:Q327333. BIND(?o AS ?owner) }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }

(Q11032 newspaper, Q1193236 news media, Q192283 news agency, Q1002697
periodical, Q15265344 broadcaster; P127 owned by, Q327333 government
agency.) An outlet owned by a government body is labelled state-affiliated,
with its Wikidata item as the label's source; the others are left
unlabelled.

    scripts/outlets_from_wikidata.py result.json > outlets.tsv
    scripts/outlets_from_wikidata.py --self-test
"""

import json
import sys
from urllib.parse import urlsplit

COLUMNS = ["domains", "name", "country", "language", "state_affiliated",
           "label_source", "wire", "credits"]


def value(binding, name):
    v = binding.get(name, {}).get("value", "")
    return v.strip()


def domain(url):
    host = urlsplit(url if "://" in url else "https://" + url).hostname or ""
    return host.lower().removeprefix("www.")


def registry(result):
    """Rows of the registry from a SPARQL JSON result, one per outlet."""
    outlets = {}
    for b in result["results"]["bindings"]:
        item = value(b, "outlet")
        name = value(b, "outletLabel")
        d = domain(value(b, "website"))
        if not item or not name or not d or name == item.rsplit("/", 1)[-1]:
            continue
        o = outlets.setdefault(item, {"domains": [], "name": name, "country": "",
                                      "language": "", "state": False, "wire": False})
        if d not in o["domains"]:
            o["domains"].append(d)
        o["country"] = o["country"] or value(b, "country").upper()
        o["language"] = o["language"] or value(b, "language").lower()
        o["state"] = o["state"] or bool(value(b, "owner"))
        o["wire"] = o["wire"] or value(b, "agency") in ("true", "1")
    taken = set()
    rows = []
    for item, o in sorted(outlets.items(), key=lambda kv: kv[1]["name"]):
        domains = [d for d in o["domains"] if d not in taken]
        if not domains:
            continue
        taken.update(domains)
        rows.append([" ".join(domains), o["name"], o["country"], o["language"],
                     "yes" if o["state"] else "", item if o["state"] else "",
                     "yes" if o["wire"] else "", ""])
    return rows


def write(rows, out):
    out.write("# Built by scripts/outlets_from_wikidata.py from Wikidata (CC0).\n")
    out.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        out.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")


def self_test():
    sample = {"results": {"bindings": [
        {"outlet": {"value": "http://www.wikidata.org/entity/Q1"},
         "outletLabel": {"value": "Example Agency"},
         "website": {"value": "https://www.agency.example/en"},
         "country": {"value": "ru"}, "agency": {"value": "true"},
         "owner": {"value": "http://www.wikidata.org/entity/Q2"}},
        {"outlet": {"value": "http://www.wikidata.org/entity/Q1"},
         "outletLabel": {"value": "Example Agency"},
         "website": {"value": "http://agency.example.ru"}},
        {"outlet": {"value": "http://www.wikidata.org/entity/Q3"},
         "outletLabel": {"value": "Q3"}, "website": {"value": "https://q3.example"}},
    ]}}
    rows = registry(sample)
    assert rows == [["agency.example agency.example.ru", "Example Agency", "RU", "",
                     "yes", "http://www.wikidata.org/entity/Q1", "yes", ""]], rows
    print("outlets_from_wikidata: self-test passed")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    elif len(sys.argv) == 2:
        with open(sys.argv[1], encoding="utf-8") as f:
            write(registry(json.load(f)), sys.stdout)
    else:
        sys.exit(__doc__)
