"""The one filter object: normalisation, URL round trips, and what unknown input becomes."""

from __future__ import annotations

import pytest

from twg_data import i18n, labels
from twg_data.filters import DIMENSIONS, DIMENSIONS_BY_PARAM, MAX_VALUE_LENGTH, Filters

KNOWN = {
    "meeting": ["twg-2015-bogota"],
    "region": ["Africa", "Americas", "Asia", "Europe"],
    "country": ["COL", "MEX"],
    "city": ["bogota", "geneva", "quito"],
    "organization": ["giz", "icrc"],
    "organization_type": ["ngo"],
    "practice_community": ["peacebuilding"],
    "role": ["kick-off presenter", "listed participant"],
}


def test_order_and_duplicates_of_values_do_not_matter():
    assert Filters(cities=("quito", "bogota", "quito")) == Filters(cities=("bogota", "quito"))
    assert Filters(cities=("quito", "bogota")).cities == ("bogota", "quito")


def test_equal_filters_hash_equal_so_caches_share_them():
    first = Filters(cities=("quito", "bogota"), roles=("kick-off presenter",))
    second = Filters(roles=["kick-off presenter"], cities=["bogota", "quito", "bogota"])
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1


def test_a_single_string_is_one_value_not_its_letters():
    assert Filters(cities="bogota").cities == ("bogota",)


def test_lists_become_tuples_so_filters_stay_hashable():
    filters = Filters(cities=["bogota"])
    assert filters.cities == ("bogota",)
    hash(filters)


def test_filters_are_immutable():
    with pytest.raises(AttributeError):
        Filters().cities = ("bogota",)  # type: ignore[misc]


def test_empty_filters_are_empty():
    assert Filters().is_empty
    assert Filters().active() == []
    assert Filters().to_query_params() == {}


def test_the_filters_in_force_are_described_once_with_their_labels_in_the_language():
    filters = Filters(cities=("quito", "bogota", "atlantis"), roles=("kick-off presenter",))
    options = {
        "city": [("bogota", "Bogotá (COL)"), ("quito", "Quito (ECU)")],
        "role": [("kick-off presenter", "kick-off presenter")],
    }
    assert labels.active_filters(filters, options) == [
        ("City", [("atlantis", "atlantis"), ("bogota", "Bogotá (COL)"), ("quito", "Quito (ECU)")]),
        ("Role", [("kick-off presenter", "kick-off presenter")]),
    ]
    with i18n.use("es"):
        names = [name for name, _ in labels.active_filters(filters, options)]
    assert names == ["Ciudad", "Función"]


def test_person_level_dimensions_are_told_apart_from_places():
    filters = Filters(cities=("bogota",), organizations=("giz",), roles=("kick-off presenter",))
    assert [d.param for d in filters.active()] == ["city", "organization", "role"]
    assert [d.param for d in filters.person_level_active()] == ["organization", "role"]
    assert Filters(regions=("Europe",)).person_level_active() == []


def test_with_values_replaces_one_dimension_and_normalises():
    city = DIMENSIONS_BY_PARAM["city"]
    filters = Filters(roles=("kick-off presenter",)).with_values(city, ["quito", "bogota"])
    assert filters == Filters(cities=("bogota", "quito"), roles=("kick-off presenter",))
    assert filters.values(city) == ("bogota", "quito")


def test_every_dimension_has_a_filters_field_and_a_unique_parameter():
    fields = set(Filters.__dataclass_fields__)
    assert {d.field for d in DIMENSIONS} == fields
    assert len({d.param for d in DIMENSIONS}) == len(DIMENSIONS)


# --- URL query parameters --------------------------------------------------------------------


def test_to_query_params_lists_only_active_dimensions():
    filters = Filters(cities=("quito", "bogota"), organization_types=("ngo",))
    assert filters.to_query_params() == {"city": ["bogota", "quito"], "organization_type": ["ngo"]}


def test_query_params_round_trip():
    filters = Filters(
        meetings=("twg-2015-bogota",),
        regions=("Europe", "Africa"),
        cities=("bogota",),
        roles=("kick-off presenter", "listed participant"),
    )
    parsed, warnings = Filters.from_query_params(filters.to_query_params(), KNOWN)
    assert (parsed, warnings) == (filters, [])
    assert Filters.from_query_params(filters.to_query_params())[0] == filters


def test_a_single_string_parameter_is_one_value():
    parsed, warnings = Filters.from_query_params({"city": "bogota"}, KNOWN)
    assert (parsed, warnings) == (Filters(cities=("bogota",)), [])


def test_unknown_parameter_name_is_dropped_with_a_warning():
    parsed, warnings = Filters.from_query_params({"colour": ["red"], "city": ["quito"]}, KNOWN)
    assert parsed == Filters(cities=("quito",))
    assert warnings == ["'colour' is not a filter name"]


def test_unknown_value_is_dropped_with_a_warning_and_known_values_kept():
    params = {"city": ["atlantis", "bogota"], "role": ["juggler"]}
    parsed, warnings = Filters.from_query_params(params, KNOWN)
    assert parsed == Filters(cities=("bogota",))
    assert warnings == [
        "city='atlantis' is not a known city",
        "role='juggler' is not a known role",
    ]


def test_overlong_value_is_dropped_with_a_short_warning_even_without_known_values():
    long_value = "b" * (MAX_VALUE_LENGTH + 1)
    parsed, warnings = Filters.from_query_params({"city": [long_value, "bogota"]})
    assert parsed == Filters(cities=("bogota",))
    assert len(warnings) == 1
    assert warnings[0].startswith("city='bbbb")
    assert len(warnings[0]) < 100


def test_value_of_the_maximum_length_is_kept_without_known_values():
    value = "b" * MAX_VALUE_LENGTH
    assert Filters.from_query_params({"city": [value]}) == (Filters(cities=(value,)), [])


def test_overlong_parameter_name_is_shortened_in_its_warning():
    parsed, warnings = Filters.from_query_params({"x" * 5000: ["1"]}, KNOWN)
    assert parsed == Filters()
    assert len(warnings) == 1 and len(warnings[0]) < 100


def test_empty_values_are_ignored_silently():
    assert Filters.from_query_params({"city": ["", "quito"], "role": ""}, KNOWN) == (
        Filters(cities=("quito",)),
        [],
    )


def test_parameters_of_other_features_can_be_ignored():
    parsed, warnings = Filters.from_query_params(
        {"page": ["2"], "city": ["quito"]}, KNOWN, ["page"]
    )
    assert (parsed, warnings) == (Filters(cities=("quito",)), [])


def test_sql_injection_attempt_is_not_a_known_value():
    parsed, warnings = Filters.from_query_params({"city": ["bogota') OR 1=1 --"]}, KNOWN)
    assert parsed == Filters()
    assert warnings == ['city="bogota\') OR 1=1 --" is not a known city']


def test_parameter_with_no_known_list_accepts_short_values():
    parsed, warnings = Filters.from_query_params({"city": ["anywhere"]}, {"role": ["x"]})
    assert (parsed, warnings) == (Filters(cities=("anywhere",)), [])
