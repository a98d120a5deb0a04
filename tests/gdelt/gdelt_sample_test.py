#!/usr/bin/python3
"""The real GDELT sample through the built `entente` binary.

Usage: gdelt_sample_test.py ENTENTE_BINARY SHARED_DIR ISO_CODES_DIR

The expected counts are computed here, from the sample file and the spec
(../shared/spec/gdelt.md), with this script's own reading of CAMEO: not from the
importer's code, tables or output. Then:
  - `entente import --json` must report exactly those counts, and `stats` the
    relations per type;
  - named rows must be where the spec puts them: a 042 row is a visit Actor1 ->
    Actor2, a 043 row a visit Actor2 -> Actor1 (checked through `timeline`);
  - importing the file again changes nothing; the file zipped, gzipped, or loaded
    with --bulk gives byte-identical answers;
  - GDELT and digest relations answer together in `timeline` and `path`;
  - bad files (a truncated zip, a bad row) are rejected whole, nothing written, and
    --skip-bad-rows imports the rest.
Prints SKIPPED (and passes) when the shared sample is absent.
"""
import collections
import csv
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

SAMPLE_NAME = "20150218230000.export.CSV"

# CAMEO's region codes and codes of states with no single successor: no party.
NOT_PARTIES = set("AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR "
                  "PGS SAF SAM SAS SCN SEA WAF WST YUG SCG CSK SUN DDR".split())
# CAMEO-only and older codes of states that have an ISO code now.
OLDER_CODES = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "BUR": "MMR", "WSB": "PSE",
               "GZS": "PSE"}
# Organizations by their whole actor code; other IGO actors are no party.
ORGANIZATIONS = {"IGOUNO": "org:un", "IGOEUREEC": "org:eu", "IGOWSTNAT": "org:nato",
                 "IGOMOSOIC": "org:oic"}
# The spec's event table: code -> (type, Actor2 is the source, distinguishing value).
EVENTS = {"040": ("meeting", False, ""), "041": ("meeting", False, ""),
          "044": ("meeting", False, ""), "046": ("meeting", False, ""),
          "042": ("visit", False, ""), "043": ("visit", True, ""),
          "054": ("diplomatic_relations", False, ""),
          "057": ("agreement", False, "agreement"),
          "161": ("downgrade", False, "break_relations"),
          "162": ("downgrade", False, "cut_aid"), "1621": ("downgrade", False, "cut_aid"),
          "1622": ("downgrade", False, "cut_aid"), "1623": ("downgrade", False, "cut_aid"),
          "163": ("sanction", False, "other"),
          "164": ("downgrade", False, "suspend_talks"),
          "166": ("downgrade", False, "expel_diplomats"),
          "1661": ("downgrade", False, "expel_diplomats"),
          "1662": ("downgrade", False, "expel_diplomats"),
          "1663": ("downgrade", False, "expel_diplomats")}
SYMMETRIC = {"meeting", "diplomatic_relations", "agreement"}

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL:", message)


def day(yyyymmdd):
    return f"{yyyymmdd[0:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:8]}"


class Reference:
    """What the sample should give, by this script's reading of the spec."""

    def __init__(self, sample, iso_codes_dir):
        with open(os.path.join(iso_codes_dir, "iso_3166-1.json"), encoding="utf-8") as f:
            self.iso = {c["alpha_3"] for c in json.load(f)["3166-1"]}
        self.rows = 0
        self.mapped = 0
        self.skipped = collections.Counter()
        self.by_root = collections.Counter()
        self.facts = {}  # identity -> list of rows
        with open(sample, encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                self.rows += 1
                self.add(row)

    def party(self, actor_code, country_code):
        if actor_code in ORGANIZATIONS:
            return ORGANIZATIONS[actor_code]
        if actor_code.startswith("IGO") or not country_code or country_code in NOT_PARTIES:
            return None
        code = OLDER_CODES.get(country_code, country_code)
        return "country:" + code if code in self.iso else "?"

    def add(self, row):
        code = row[26]
        if code not in EVENTS:
            self.by_root[code[:2]] += 1
            return
        one, two = self.party(row[5], row[7]), self.party(row[15], row[17])
        if "?" in (one, two):
            self.skipped["unknown_country"] += 1
            return
        parties = (one is not None) + (two is not None)
        if parties < 2 or one == two:
            self.skipped[["no_party", "one_party", "same_party"][parties]] += 1
            return
        kind, reverse, value = EVENTS[code]
        source, target = (two, one) if reverse else (one, two)
        key = (kind,) + (tuple(sorted((source, target))) if kind in SYMMETRIC
                         else (source, target)) + (row[1], value)
        self.facts.setdefault(key, []).append(row)
        self.mapped += 1

    def types(self):
        return collections.Counter(key[0] for key in self.facts)


def run(entente, *args, expect=0):
    result = subprocess.run([entente, *args], capture_output=True, text=True, timeout=300)
    check(result.returncode == expect,
          f"`entente {' '.join(args)}` exited {result.returncode}, expected {expect}: "
          f"{result.stderr.strip()}")
    return result


def answers(entente, store, countries):
    """What a user would see, as JSON lines: stats, timelines, neighbours, paths."""
    out = [run(entente, "stats", "--db", store, "--json").stdout]
    for who in countries:
        out.append(run(entente, "timeline", who, "--all", "--sources", "--db", store,
                       "--json").stdout)
        out.append(run(entente, "neighbors", who, "--db", store, "--json").stdout)
    out.append(run(entente, "path", countries[0], countries[-1], "--k", "3", "--db", store,
                   "--json").stdout)
    return "".join(out)


def import_json(entente, store, *files, expect=0):
    result = run(entente, "import", "--db", store, "--json", *files, expect=expect)
    return json.loads(result.stdout), result.stderr


def check_counts(ref, got):
    g = got.get("gdelt", {})
    check(g.get("rows") == ref.rows, f"rows {g.get('rows')} != {ref.rows}")
    check(g.get("rows_mapped") == ref.mapped,
          f"rows_mapped {g.get('rows_mapped')} != {ref.mapped}")
    check(g.get("relations") == dict(ref.types()),
          f"relations by type {g.get('relations')} != {dict(ref.types())}")
    skipped = g.get("skipped", {})
    check(skipped.get("not_a_relation") == dict(ref.by_root),
          f"not a relation by root {skipped.get('not_a_relation')} != {dict(ref.by_root)}")
    for reason in ("unknown_country", "no_party", "one_party", "same_party"):
        check(skipped.get(reason) == ref.skipped[reason],
              f"skipped {reason} {skipped.get(reason)} != {ref.skipped[reason]}")
    check(got["relations"]["new"] == len(ref.facts),
          f"new relations {got['relations']['new']} != {len(ref.facts)} facts")


def check_named_rows(entente, store, ref):
    """The first 042 and 043 rows between two countries, through `timeline`."""
    for code in ("042", "043"):
        key, rows = next((k, r) for k, r in ref.facts.items()
                         if any(row[26] == code for row in r)
                         and k[1].startswith("country:") and k[2].startswith("country:"))
        row = next(row for row in rows if row[26] == code)
        actor1, actor2 = ref.party(row[5], row[7]), ref.party(row[15], row[17])
        visitor, host = (actor1, actor2) if code == "042" else (actor2, actor1)
        timeline = run(entente, "timeline", actor1, actor2, "--all", "--sources",
                       "--types", "visit", "--db", store, "--json").stdout
        found = False
        for line in timeline.splitlines():
            for relation in json.loads(line).get("relations", []):
                items = {int(p.get("item", 0)): p for p in relation.get("provenance", [])}
                if int(row[0]) not in items:
                    continue
                found = True
                p = items[int(row[0])]
                check(relation["source"]["id"] == visitor and relation["target"]["id"] == host,
                      f"row {row[0]} ({code}): visit {relation['source']['id']} -> "
                      f"{relation['target']['id']}, expected {visitor} -> {host}")
                check(relation["date"]["value"] == day(row[1]),
                      f"row {row[0]}: date {relation['date']['value']} != {day(row[1])}")
                check(p.get("document") == row[60], f"row {row[0]}: document {p.get('document')}")
                check(p.get("reported", {}).get("value") == day(row[59][:8]),
                      f"row {row[0]}: reported {p.get('reported')}")
                check(p.get("extractor") == "gdelt", f"row {row[0]}: extractor")
                check(relation["attributes"]["cameo"]["stringValue"] in EVENTS,
                      f"row {row[0]}: cameo {relation['attributes'].get('cameo')}")
        check(found, f"row {row[0]} ({code}, {actor1} / {actor2}) is in no visit's provenance")
        print(f"checked row {row[0]}: {code} {row[5]}/{row[15]} -> visit {visitor} -> {host}")


def main(entente, shared, iso_codes_dir):
    sample = os.path.join(shared, "data", "gdelt", SAMPLE_NAME)
    if not os.path.exists(sample):
        print(f"SKIPPED: no GDELT sample at {sample} (the shared folder is absent)")
        return 0
    ref = Reference(sample, iso_codes_dir)
    work = tempfile.mkdtemp(prefix="entente-gdelt-")
    try:
        stores = {name: os.path.join(work, name) for name in
                  ("plain", "zip", "gzip", "bulk", "bad", "mixed")}
        countries = sorted({k[1] for k in ref.facts} | {k[2] for k in ref.facts})[:6]

        got, _ = import_json(entente, stores["plain"], sample)
        check_counts(ref, got)
        stats = json.loads(run(entente, "stats", "--db", stores["plain"], "--json").stdout)
        by_type = {t["type"]: int(t["count"]) for t in stats.get("byType", [])}
        want = {f"RELATION_TYPE_{k.upper()}": v for k, v in ref.types().items()}
        check(by_type == want, f"stats by type {by_type} != {want}")
        check_named_rows(entente, stores["plain"], ref)
        first = answers(entente, stores["plain"], countries)

        again, _ = import_json(entente, stores["plain"], sample)
        check(again["relations"] == {"new": 0, "merged": 0, "unchanged": len(ref.facts)},
              f"second import changed relations: {again['relations']}")
        check(answers(entente, stores["plain"], countries) == first,
              "answers differ after importing the file again")

        zipped = os.path.join(work, SAMPLE_NAME + ".zip")
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(sample, SAMPLE_NAME)
        gzipped = os.path.join(work, "events.gz")  # A name that says nothing.
        with open(sample, "rb") as f, gzip.open(gzipped, "wb") as g:
            shutil.copyfileobj(f, g)
        for name, path, extra in (("zip", zipped, []), ("gzip", gzipped, []),
                                  ("bulk", sample, ["--bulk"])):
            got, _ = import_json(entente, stores[name], *extra, path)
            check_counts(ref, got)
            check(answers(entente, stores[name], countries) == first,
                  f"answers from the {name} import differ from the plain file's")

        # Bad input: nothing of it is written.
        truncated = os.path.join(work, "cut.CSV.zip")
        with open(zipped, "rb") as f:
            data = f.read()
        with open(truncated, "wb") as f:
            f.write(data[: len(data) * 2 // 3])
        got, err = import_json(entente, stores["bad"], truncated, expect=1)
        check("cut.CSV.zip" in err and "zip archive cannot be read" in err,
              f"truncated zip message: {err.strip()}")
        with open(sample, encoding="utf-8") as f:
            lines = f.read().split("\n")
        fields = lines[1499].split("\t")
        fields[1] = "20151341"
        lines[1499] = "\t".join(fields)
        bad_row = os.path.join(work, "bad_row.export.CSV")
        with open(bad_row, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        got, err = import_json(entente, stores["bad"], bad_row, expect=1)
        check(f"{bad_row}:1500: Day '20151341' is not a date YYYYMMDD" in err,
              f"bad row message: {err.strip()}")
        stats = json.loads(run(entente, "stats", "--db", stores["bad"], "--json").stdout)
        check(int(stats.get("relations", 0)) == 0, f"a rejected file wrote {stats}")
        got, _ = import_json(entente, stores["bad"], "--skip-bad-rows", bad_row)
        check(got["gdelt"]["bad_rows"] == {"Day": 1}, f"bad rows {got['gdelt']['bad_rows']}")
        check(got["gdelt"]["rows"] == ref.rows, "rows with --skip-bad-rows")

        # GDELT and digest relations together: a partnership (invented) between the
        # first GDELT country and Kazakhstan, which the sample does not know.
        gdelt_country = countries[0]
        digest = os.path.join(work, "reviewed.jsonl")
        with open(digest, "w", encoding="utf-8") as f:
            f.write(json.dumps({
                "type": "partnership",
                "source": {"id": "country:KAZ", "name": "Kazakhstan", "kind": "country"},
                "target": {"id": gdelt_country, "name": "", "kind": "country"},
                "date": "2015-02-17", "reported": "2015-02-18",
                "attributes": {"level": "strategic"}, "confidence": 0.9,
                "provenance": [{"item": 1, "outlet": "Test Times", "quote": "partners"}]})
                + "\n")
        run(entente, "import", "--db", stores["mixed"], sample, digest)
        timeline = run(entente, "timeline", gdelt_country, "--all", "--db",
                       stores["mixed"]).stdout
        check("partnership" in timeline and ("visit" in timeline or "meeting" in timeline),
              f"timeline of {gdelt_country} lacks GDELT or digest relations:\n{timeline}")
        neighbour = next(k[2] if k[1] == gdelt_country else k[1] for k in ref.facts
                         if gdelt_country in (k[1], k[2]))
        path = run(entente, "path", "Kazakhstan", neighbour, "--db", stores["mixed"]).stdout
        check(path.startswith("Path 1 (2 hops): Kazakhstan -> "),
              f"no path from Kazakhstan to {neighbour} across both sources:\n{path}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'FAILED' if failures else 'PASSED'}: {ref.rows} rows, {ref.mapped} mapped, "
          f"{len(ref.facts)} relations {dict(ref.types())}, skipped "
          f"{dict(ref.skipped)} and {sum(ref.by_root.values())} by root code")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
