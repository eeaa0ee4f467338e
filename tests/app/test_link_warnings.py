"""What a link holds that the data does not know: one warning per parameter (how many values
were ignored, the first few quoted and escaped), the same for parameters that are no filter
and for a language the dashboard does not speak; the filters and the link keep the rest."""

from __future__ import annotations

import time

import pytest

from tests.app_support import no_exceptions, open_app

# Streamlit ignores a query string of more than 1,000 parameters (it logs it): 1,000 is the most
# a link can hold.
MANY = [f"unknown-{i}" for i in range(999)]


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def test_a_thousand_unknown_values_make_one_warning_quoting_the_first_three():
    started = time.perf_counter()
    at = open_app("participants", city=[*MANY, "bogota"])
    elapsed = time.perf_counter() - started
    no_exceptions(at)
    assert warnings(at) == [
        "Ignored 999 values of the link parameter `city` that the data does not know: "
        "'unknown-0', 'unknown-1', 'unknown-2', …."
    ]
    assert at.multiselect(key="filter_city").value == ["bogota"]  # the known value applies
    assert at.query_params["city"] == "bogota"  # the link keeps only what applies
    assert elapsed < 30, f"{elapsed:.1f} s"


def test_each_parameter_gets_its_own_warning_and_unknown_names_one_together():
    at = open_app(
        "participants",
        city=["atlantis", "bogota"],
        role=["juggler", "mime"],
        colour="red",
        size="xl",
    )
    no_exceptions(at)
    assert warnings(at) == [
        "Ignored 1 value of the link parameter `city` that the data does not know: 'atlantis'.",
        "Ignored 2 values of the link parameter `role` that the data does not know: "
        "'juggler', 'mime'.",
        "Ignored 2 link parameters the dashboard does not know: 'colour', 'size'.",
    ]


@pytest.mark.parametrize(
    ("value", "alive"),
    [
        (":material/warning:", ":material/"),
        (":red[x]", ":red["),
        ("$x^2$", "$x^2$"),
        ("[x](http://evil.example)", "[x]("),
        ("<img src=x onerror=alert(1)>", "<img"),
        (":smile:", ":smile:"),
    ],
)
def test_a_hostile_link_value_is_quoted_escaped(value, alive):
    at = open_app("participants", role=value)
    (warning,) = warnings(at)
    assert alive not in warning
    assert warning.startswith("Ignored 1 value of the link parameter `role`")


def test_a_language_the_dashboard_does_not_speak_is_named_and_dropped():
    at = open_app("participants", lang="xx")
    no_exceptions(at)
    assert warnings(at) == [
        "Ignored the link parameter `lang`='xx': the dashboard speaks "
        "English (en), Español (es), Français (fr)."
    ]
    assert "lang" not in at.query_params
    assert at.title[0].value == "Participants"  # English, as without the parameter


def test_a_language_it_speaks_gives_no_warning():
    at = open_app("participants", lang="es")
    assert warnings(at) == []
    assert at.query_params["lang"] == "es"


def test_the_warnings_are_in_the_language_of_the_link():
    at = open_app("participants", lang="es", city=["atlantis", "lemuria"])
    assert warnings(at) == [
        "Se ignoraron 2 valores del parámetro del enlace `city` que los datos no conocen: "
        "'atlantis', 'lemuria'."
    ]
