"""Every country, from a maintained library: `country_converter`'s table (ISO alpha-2 and
alpha-3, ISO numeric = UN M49 code, UN region, a name pattern). Read directly with the csv
module: the library's own pandas loader breaks with pandas 3 (it reads Namibia's "NA" as
missing). Country names in other languages come from CLDR through Babel.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from twg_data import i18n


@cache
def library() -> tuple[dict[str, str], ...]:
    """The library's rows for countries with an ISO numeric code."""
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")  # keep "NA" (Namibia) as text
        return tuple(row for row in rows if row["ISO3"] and row["ISOnumeric"].isdigit())


@cache
def alpha2() -> dict[str, str]:
    """ISO alpha-3 -> alpha-2."""
    return {row["ISO3"]: row["ISO2"] for row in library()}


def name(iso3: str, english: str) -> str:
    """The country's name in the current language (CLDR); English: the data's own name."""
    if i18n.language() == i18n.DEFAULT:
        return english
    return i18n.territory_names(i18n.language()).get(alpha2().get(iso3, ""), english)
