"""The import corpus's yardstick: how much of what each report states an import's draft holds.

Each report in `tests/fixtures/corpus/` has a key, `<file>.key.json`: the facts a careful reader
takes from it (the format and the scoring rules are in the corpus key spec, summarised in
`tests/fixtures/corpus/README.md`). `score` drafts one report with the importer and compares
the draft with its key; `score_corpus` does so for every key in a folder. Run as

    python -m tests.importer.corpus [FOLDER] [--data DIR]

it prints, per report, a Markdown table of facts stated and recovered by category with the
misses and the errors (false organizations, false cities, duplicates), then the corpus total.

The comparison reads only `draft.rows` (new rows per table, each a dict of text by column) and
the data folder's people, organizations and cities; a draft without some table or column (such
as `meetings.end_date`) just recovers nothing from it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from twg_data.importer import draft_report
from twg_data.importer.identity import normal

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "fixtures" / "corpus"
DATA = REPO / "data"

CATEGORIES = (
    "title",
    "date",
    "end_date",
    "city",
    "sessions",
    "speakers",
    "participants",
    "organizations",
    "cities",
    "countries",
    "key_points",
)
LISTS = ("sessions", "speakers", "participants", "organizations", "cities", "countries")


@dataclass
class ReportScore:
    file: str
    stated: dict[str, int]
    recovered: dict[str, int]
    misses: list[str] = field(default_factory=list)  # 'speakers: Juma Assiago (panellist)'
    false_organizations: list[str] = field(default_factory=list)  # drafted names
    false_cities: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # 'organizations: ONU-Habitat ...'
    error: str | None = None  # why the report could not be drafted

    @property
    def total_stated(self) -> int:
        return sum(self.stated.values())

    @property
    def total_recovered(self) -> int:
        return sum(self.recovered.values())

    @property
    def errors(self) -> int:
        return len(self.false_organizations) + len(self.false_cities) + len(self.duplicates)


# --- keys ----------------------------------------------------------------------------------


def key_files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("*.key.json"))


def load_key(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def stated(key: dict) -> dict[str, int]:
    """How many facts the key states, by category."""
    counts = {}
    for category in CATEGORIES:
        value = key.get(category)
        counts[category] = (
            len(value or []) if category in (*LISTS, "key_points") else int(value is not None)
        )
    return counts


def facts(key: dict) -> dict[str, list[str]]:
    """Each stated fact in words, by category (what a miss is called)."""
    city = key.get("city")
    return {
        "title": [key["title"]] if key.get("title") is not None else [],
        "date": [key["date"]] if key.get("date") else [],
        "end_date": [key["end_date"]] if key.get("end_date") else [],
        "city": [_city_words(city)] if city else [],
        "sessions": [
            f"{s['start']}{'-' + s['end'] if s.get('end') else ''} {s['title']}"
            for s in key.get("sessions", [])
        ],
        "speakers": [f"{s['name']} ({s['role']})" for s in key.get("speakers", [])],
        "participants": [_existing(p["name"], p) for p in key.get("participants", [])],
        "organizations": [_existing(o["name"], o) for o in key.get("organizations", [])],
        "cities": [_city_words(c) for c in key.get("cities", [])],
        "countries": list(key.get("countries", [])),
        "key_points": [f"[{k['category']}] {k['text']}" for k in key.get("key_points", [])],
    }


def _existing(name: str, entry: dict) -> str:
    return f"{name} (= {entry['existing']})" if entry.get("existing") else name


def _city_words(city: dict) -> str:
    country = f", {city['country']}" if city.get("country") else ""
    return _existing(f"{city['name']}{country}", city)


# --- names ---------------------------------------------------------------------------------


def _split(aliases: str) -> list[str]:
    return [a.strip() for a in (aliases or "").split("|") if a.strip()]


def name_forms(name: str) -> set[str]:
    """A name's normal forms: itself and, for 'Name (ACR)', the name and the acronym."""
    forms = {normal(name)}
    if name.rstrip().endswith(")") and "(" in name:
        before, _, inside = name.rpartition("(")
        inside = inside.rstrip().removesuffix(")")
        forms |= {normal(before), normal(inside)}
    return {form for form in forms if form}


def _row_forms(row: dict[str, str], acronym: bool = False) -> set[str]:
    forms = set()
    for name in [row.get("name", ""), *_split(row.get("aliases", ""))]:
        if name:
            forms |= name_forms(name)
    if acronym and row.get("acronym"):
        forms.add(normal(row["acronym"]))
    return forms


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Known:
    """Every person, organization and city a draft can refer to: the data's and the new ones."""

    people: dict[str, set[str]]  # id -> normal forms of the name
    organizations: dict[str, set[str]]
    cities: dict[str, set[str]]
    city_country: dict[str, str]
    new_people: list[dict[str, str]]
    new_organizations: list[dict[str, str]]
    new_cities: list[dict[str, str]]


def _known(rows: dict[str, list[dict[str, str]]], data_dir: Path) -> Known:
    def table(name: str) -> list[dict[str, str]]:
        return _read_csv(Path(data_dir) / f"{name}.csv")

    new_people = list(rows.get("people", []))
    new_organizations = list(rows.get("organizations", []))
    new_cities = list(rows.get("cities", []))
    people = {r["person_id"]: _row_forms(r) for r in table("people")}
    organizations = {r["organization_id"]: _row_forms(r, True) for r in table("organizations")}
    cities = {r["city_id"]: _row_forms(r) for r in table("cities")}
    city_country = {r["city_id"]: r.get("country_iso3", "") for r in table("cities")}
    for row in new_people:
        people.setdefault(row.get("person_id", ""), set()).update(_row_forms(row))
    for row in new_organizations:
        organizations.setdefault(row.get("organization_id", ""), set()).update(
            _row_forms(row, True)
        )
    for row in new_cities:
        cities.setdefault(row.get("city_id", ""), set()).update(_row_forms(row))
        city_country[row.get("city_id", "")] = row.get("country_iso3", "")
    return Known(
        people, organizations, cities, city_country, new_people, new_organizations, new_cities
    )


# --- comparing -----------------------------------------------------------------------------


def _contains(whole: str, part: str) -> bool:
    """Whether the normalised text holds the normalised fragment, as whole words."""
    fragment = normal(part)
    return bool(fragment) and f" {fragment} " in f" {normal(whole)} "


def _match(entries: list, candidates: list, fits: Callable[[object, object], bool]) -> set[int]:
    """The entries matched when each candidate serves at most one (a maximum matching)."""
    owner: dict[int, int] = {}  # candidate index -> entry index

    def place(entry: int, seen: set[int]) -> bool:
        for index, candidate in enumerate(candidates):
            if index in seen or not fits(entries[entry], candidate):
                continue
            seen.add(index)
            if index not in owner or place(owner[index], seen):
                owner[index] = entry
                return True
        return False

    for entry in range(len(entries)):
        place(entry, set())
    return set(owner.values())


def _person_fits(entry: dict, person_id: str, known: Known) -> bool:
    if entry.get("existing"):
        return person_id == entry["existing"]
    return normal(entry["name"]) in known.people.get(person_id, set())


def score_draft(draft, key: dict, data_dir: Path = DATA) -> ReportScore:
    """Compare a draft (anything with `.rows`: new rows per table) with a report's key."""
    rows: dict[str, list[dict[str, str]]] = getattr(draft, "rows", None) or {}
    known = _known(rows, Path(data_dir))
    meeting = (rows.get("meetings") or [{}])[0]
    participants = rows.get("participants", [])
    speakers = rows.get("speakers", [])
    got: dict[str, list[bool]] = {}

    title = key.get("title")
    got["title"] = [normal(meeting.get("title", "")) == normal(title)] if title is not None else []
    got["date"] = [meeting.get("date", "") == key["date"]] if key.get("date") else []
    got["end_date"] = (
        [meeting.get("end_date", "") == key["end_date"]] if key.get("end_date") else []
    )

    used_cities = {meeting.get("city_id", "")} | {p.get("city_id", "") for p in participants}
    used_cities.discard("")

    def city_fits(entry: dict, city_id: str, country: bool) -> bool:
        if entry.get("existing"):
            return city_id == entry["existing"]
        if normal(entry["name"]) not in known.cities.get(city_id, set()):
            return False
        return not (country and entry.get("country")) or (
            known.city_country.get(city_id, "") == entry["country"]
        )

    city = key.get("city")
    got["city"] = [city_fits(city, meeting.get("city_id", ""), True)] if city else []

    sessions = key.get("sessions", [])
    matched = _match(
        sessions,
        rows.get("sessions", []),
        lambda entry, row: (
            row.get("start_time", "") == entry["start"]
            and _contains(row.get("title", ""), entry["title"])
            and (entry.get("end") is None or row.get("end_time", "") == entry["end"])
        ),
    )
    got["sessions"] = [i in matched for i in range(len(sessions))]

    key_speakers = key.get("speakers", [])
    matched = _match(
        key_speakers,
        speakers,
        lambda entry, row: (
            _person_fits(entry, row.get("person_id", ""), known)
            and normal(row.get("role", "")) == normal(entry["role"])
        ),
    )
    got["speakers"] = [i in matched for i in range(len(key_speakers))]

    got["participants"] = [
        any(_person_fits(entry, row.get("person_id", ""), known) for row in participants)
        for entry in key.get("participants", [])
    ]

    used_organizations = {p.get("organization_id", "") for p in participants}
    used_organizations |= {s.get("organization_id", "") for s in speakers}
    used_organizations |= {o.get("organization_id", "") for o in known.new_organizations}
    used_organizations.discard("")

    def organization_fits(entry: dict, organization_id: str) -> bool:
        if entry.get("existing"):
            return organization_id == entry["existing"]
        return bool(name_forms(entry["name"]) & known.organizations.get(organization_id, set()))

    got["organizations"] = [
        any(organization_fits(entry, o) for o in used_organizations)
        for entry in key.get("organizations", [])
    ]
    got["cities"] = [
        any(city_fits(entry, c, False) for c in used_cities) for entry in key.get("cities", [])
    ]
    countries = {p.get("country_iso3", "") for p in participants}
    countries |= {known.city_country.get(c, "") for c in used_cities}
    got["countries"] = [iso3 in countries for iso3 in key.get("countries", [])]

    points = rows.get("key_points", [])
    got["key_points"] = [
        any(
            row.get("category", "") == entry["category"]
            and _contains(f"{row.get('heading', '')} {row.get('text', '')}", entry["text"])
            for row in points
        )
        for entry in key.get("key_points", [])
    ]

    words = facts(key)
    score = ReportScore(
        file=key.get("file", ""),
        stated={c: len(got[c]) for c in CATEGORIES},
        recovered={c: sum(got[c]) for c in CATEGORIES},
        misses=[f"{c}: {words[c][i]}" for c in CATEGORIES for i, ok in enumerate(got[c]) if not ok],
    )
    _errors(score, key, known)
    return score


def _errors(score: ReportScore, key: dict, known: Known) -> None:
    """False organizations and cities (new rows the key does not name), and duplicates (new
    rows for what the data already holds)."""
    key_organizations = [name_forms(o["name"]) for o in key.get("organizations", [])]
    for row in known.new_organizations:
        forms = _row_forms(row, True)
        if not any(forms & entry for entry in key_organizations):
            score.false_organizations.append(row.get("name", ""))
    key_cities = [c for c in [key.get("city"), *key.get("cities", [])] if c]
    for row in known.new_cities:
        if not any(normal(c["name"]) in _row_forms(row) for c in key_cities):
            score.false_cities.append(row.get("name", ""))

    seen: set[tuple[str, str]] = set()

    def duplicate(kind: str, entry: dict, new_rows: Iterable[dict], fits) -> None:
        if not entry.get("existing") or (kind, entry["existing"]) in seen:
            return
        for row in new_rows:
            if fits(row):
                seen.add((kind, entry["existing"]))
                new_id = row.get(
                    {"people": "person_id", "organizations": "organization_id"}.get(
                        kind, "city_id"
                    ),
                    "",
                )
                score.duplicates.append(
                    f"{kind}: '{entry['name']}' drafted as new '{new_id}', "
                    f"not the data's '{entry['existing']}'"
                )
                return

    for entry in [*key.get("speakers", []), *key.get("participants", [])]:
        duplicate(
            "people", entry, known.new_people, lambda r, e=entry: normal(e["name"]) in _row_forms(r)
        )
    for entry in key.get("organizations", []):
        duplicate(
            "organizations",
            entry,
            known.new_organizations,
            lambda r, e=entry: bool(name_forms(e["name"]) & _row_forms(r, True)),
        )
    for entry in key_cities:
        duplicate(
            "cities", entry, known.new_cities, lambda r, e=entry: normal(e["name"]) in _row_forms(r)
        )


def failed(key: dict, error: str) -> ReportScore:
    """The score of a report that could not be drafted: every fact missed."""
    words = facts(key)
    return ReportScore(
        file=key.get("file", ""),
        stated=stated(key),
        recovered=dict.fromkeys(CATEGORIES, 0),
        misses=[f"{c}: {fact}" for c in CATEGORIES for fact in words[c]],
        error=error,
    )


def score(report_path: Path, key: dict, data_dir: Path = DATA) -> ReportScore:
    """Draft the report with the importer against `data_dir` and compare the draft with the
    key; a report that fails to draft scores nothing and carries the error."""
    report_path = Path(report_path)
    try:
        draft = draft_report(
            report_path.name, report_path.read_bytes(), key["meeting_id"], Path(data_dir)
        )
    except Exception as error:  # any failure of the import is a result to report
        return failed(key, f"{type(error).__name__}: {error}")
    return score_draft(draft, key, data_dir)


def score_corpus(folder: Path = CORPUS, data_dir: Path = DATA) -> list[ReportScore]:
    """The score of every report in the folder that has a key, in file-name order."""
    scores = []
    for path in key_files(folder):
        key = load_key(path)
        scores.append(score(Path(folder) / key["file"], key, data_dir))
    return scores


# --- printing ------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def report_markdown(result: ReportScore) -> str:
    lines = [f"## {result.file}", ""]
    if result.error:
        lines += [f"**The draft failed:** {result.error}", ""]
    lines += ["| category | stated | recovered |", "|---|--:|--:|"]
    for category in CATEGORIES:
        if result.stated[category]:
            lines.append(
                f"| {category} | {result.stated[category]} | {result.recovered[category]} |"
            )
    lines.append(f"| **all** | {result.total_stated} | {result.total_recovered} |")
    lines.append("")
    if result.error:
        lines.append(f"Missed: all {result.total_stated} facts (the draft failed).")
    elif result.misses:
        lines.append("Missed:")
        lines += [f"- {miss}" for miss in result.misses]
    else:
        lines.append("Missed: nothing.")
    lines.append("")
    for label, found in (
        ("False organizations", result.false_organizations),
        ("False cities", result.false_cities),
        ("Duplicates", result.duplicates),
    ):
        lines.append(f"{label} ({len(found)})" + (":" if found else "."))
        lines += [f"- {item}" for item in found]
    return "\n".join(lines) + "\n"


def corpus_markdown(scores: list[ReportScore]) -> str:
    stated_total = sum(s.total_stated for s in scores)
    recovered_total = sum(s.total_recovered for s in scores)
    lines = ["## Corpus total", "", "| category | stated | recovered | % |", "|---|--:|--:|--:|"]
    for category in CATEGORIES:
        s = sum(r.stated[category] for r in scores)
        r = sum(r.recovered[category] for r in scores)
        lines.append(f"| {category} | {s} | {r} | {_percent(r, s)} |")
    lines.append(
        f"| **all** | {stated_total} | {recovered_total} | "
        f"{_percent(recovered_total, stated_total)} |"
    )
    lines += [
        "",
        "| report | stated | recovered | % | false orgs | false cities | duplicates | draft |",
        "|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for s in scores:
        lines.append(
            f"| {s.file} | {s.total_stated} | {s.total_recovered} | "
            f"{_percent(s.total_recovered, s.total_stated)} | {len(s.false_organizations)} | "
            f"{len(s.false_cities)} | {len(s.duplicates)} | {'failed' if s.error else 'ok'} |"
        )
    lines += [
        "",
        f"Recovered {recovered_total} / {stated_total} facts "
        f"({_percent(recovered_total, stated_total)}); "
        f"false organizations: {sum(len(s.false_organizations) for s in scores)}; "
        f"false cities: {sum(len(s.false_cities) for s in scores)}; "
        f"duplicates: {sum(len(s.duplicates) for s in scores)}; "
        f"reports that failed to draft: {sum(1 for s in scores if s.error)} of {len(scores)}.",
    ]
    return "\n".join(lines) + "\n"


DOCS_START, DOCS_END = "<!-- corpus:start -->", "<!-- corpus:end -->"
_SHORT = {
    "title": "title",
    "date": "date",
    "end_date": "end",
    "city": "city",
    "sessions": "sessions",
    "speakers": "speakers",
    "participants": "partic.",
    "organizations": "orgs",
    "cities": "cities",
    "countries": "countries",
    "key_points": "key pts",
}


def docs_table(scores: list[ReportScore]) -> str:
    """One table of the corpus: per report and category, facts recovered / stated, and the
    errors; the total last (docs/import.md holds it between its markers)."""
    head = "| report | " + " | ".join(_SHORT[c] for c in CATEGORIES) + " | all | errors |"
    lines = [head, "|---|" + "--:|" * (len(CATEGORIES) + 2)]
    for result in scores:
        cells = [
            f"{result.recovered[c]}/{result.stated[c]}" if result.stated[c] else "·"
            for c in CATEGORIES
        ]
        total = f"{result.total_recovered}/{result.total_stated}"
        lines.append(
            f"| `{result.file}` | " + " | ".join(cells) + f" | {total} | {result.errors} |"
        )
    sums = [
        f"{sum(r.recovered[c] for r in scores)}/{sum(r.stated[c] for r in scores)}"
        for c in CATEGORIES
    ]
    recovered = sum(r.total_recovered for r in scores)
    stated = sum(r.total_stated for r in scores)
    lines.append(
        "| **all** | "
        + " | ".join(sums)
        + f" | **{recovered}/{stated} ({_percent(recovered, stated)})** "
        + f"| {sum(r.errors for r in scores)} |"
    )
    return "\n".join(lines) + "\n"


def write_docs(path: Path, scores: list[ReportScore]) -> None:
    """Replace the table between the markers of `path` (docs/import.md)."""
    text = path.read_text(encoding="utf-8")
    before, _, rest = text.partition(DOCS_START)
    _, _, after = rest.partition(DOCS_END)
    path.write_text(
        f"{before}{DOCS_START}\n{docs_table(scores)}{DOCS_END}{after}", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.importer.corpus",
        description="Score the import against the corpus reports' keys.",
    )
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--data", type=Path, default=DATA, help="data folder (default: data/)")
    parser.add_argument("--docs", type=Path, help="rewrite the corpus table of this file")
    args = parser.parse_args(argv)
    scores = score_corpus(args.folder, args.data)
    if not scores:
        print(f"no *.key.json in {args.folder}", file=sys.stderr)
        return 1
    if args.docs:
        write_docs(args.docs, scores)
        print(f"wrote the corpus table of {args.docs}")
        return 0
    print(f"# Import corpus score: {args.folder}\n")
    for result in scores:
        print(report_markdown(result))
    print(corpus_markdown(scores), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
