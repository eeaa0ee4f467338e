"""The curated vocabulary's Spanish, stored as data beside the English."""

from __future__ import annotations

import csv

from babel import Locale

from tests.conftest import SHIPPED_DATA
from twg_data.vocabulary import LISTED_ROLE, PRESENTER_ROLE


def rows(name: str) -> list[dict[str, str]]:
    with (SHIPPED_DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_region_names_in_spanish_are_cldr_names_of_their_m49_codes():
    cldr = Locale("es").territories
    for region in rows("regions"):
        assert region["sub_region_es"] == cldr[region["sub_region_m49"]], region
        assert region["region_es"] == cldr[region["region_m49"]], region
    by_name = {r["sub_region"]: r for r in rows("regions")}
    assert by_name["Latin America and the Caribbean"]["sub_region_es"] == "Latinoamérica"
    assert by_name["Sub-Saharan Africa"]["sub_region_es"] == "África subsahariana"


def test_every_curated_label_has_its_spanish():
    for name, columns in {
        "organization_types": ("label_es", "description_es"),
        "practice_communities": ("label_es", "description_es"),
        "key_point_categories": ("label_es", "singular_es", "description_es"),
        "roles": ("label_es",),
    }.items():
        for row in rows(name):
            assert all(row[c].strip() for c in columns), (name, row)


def test_roles_hold_every_role_the_data_and_the_code_name():
    roles = {r["role"]: r["label_es"] for r in rows("roles")}
    assert {LISTED_ROLE, PRESENTER_ROLE} <= set(roles)
    assert {s["role"] for s in rows("speakers")} <= set(roles)
    assert roles[PRESENTER_ROLE] == "ponente inicial"
