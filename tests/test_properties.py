"""Property-based tests: CSV export over any text, URL filters over any parameters."""

from __future__ import annotations

import csv
import io
import re

import duckdb
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from twg_data.export import neutralise, to_csv_bytes
from twg_data.filters import DIMENSIONS, MAX_VALUE_LENGTH, Filters
from twg_data.schema import DUCKDB_TYPES, Column
from twg_data.validate import parse_value

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
BOM = b"\xef\xbb\xbf"
PARAMS = [d.param for d in DIMENSIONS]

# Any text, with the characters that matter here made frequent.
texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("=+-@\t\r\n\"',;0123456789.eE aáü€")), max_size=12),
    st.builds(lambda p, t: p + t, st.sampled_from(FORMULA_PREFIXES), st.text(max_size=10)),
    st.from_regex(PLAIN_NUMBER, fullmatch=True),
)


def parse(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content[len(BOM) :].decode("utf-8"), newline="")))


def expected_cell(text: str) -> str:
    if text.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_neutralise_adds_one_quote_exactly_when_the_text_could_be_a_formula(text):
    result = neutralise(text)
    assert result == expected_cell(text)
    assert not result.startswith(FORMULA_PREFIXES) or PLAIN_NUMBER.fullmatch(result)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(texts, min_size=2, max_size=2), min_size=1, max_size=5))
def test_csv_parses_back_to_the_same_cells_save_the_quote_on_formula_text(rows):
    frame = pd.DataFrame(rows, columns=["first", "second"])
    content = to_csv_bytes(frame)
    assert content.startswith(BOM)
    header, *parsed = parse(content)
    assert header == ["first", "second"]
    assert parsed == [[expected_cell(cell) for cell in row] for row in rows]
    for row in parsed:
        for cell in row:
            assert not cell.startswith(FORMULA_PREFIXES) or PLAIN_NUMBER.fullmatch(cell)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=5))
def test_numbers_are_written_so_they_read_back_as_the_same_numbers(numbers):
    content = to_csv_bytes(pd.DataFrame({"value": numbers}))
    assert [float(row[0]) for row in parse(content)[1:]] == numbers


# --- URL parameters ------------------------------------------------------------------------------

names = st.one_of(st.sampled_from(PARAMS), st.text(max_size=30))
values = st.one_of(
    st.sampled_from(["bogota", "quito", "giz", "Europe", "kick-off presenter", ""]),
    st.text(max_size=30),
    st.text(min_size=MAX_VALUE_LENGTH - 2, max_size=MAX_VALUE_LENGTH + 2),
)
param_dicts = st.dictionaries(names, st.one_of(values, st.lists(values, max_size=4)), max_size=6)
known_values = st.dictionaries(
    st.sampled_from(PARAMS), st.lists(values, max_size=5), min_size=len(PARAMS)
)


@settings(max_examples=200, deadline=None)
@given(param_dicts, known_values)
def test_any_query_parameters_parse_to_known_values_and_round_trip(params, known):
    filters, warnings = Filters.from_query_params(params, known)
    assert all(isinstance(w, str) for w in warnings)
    for dimension in DIMENSIONS:
        for value in filters.values(dimension):
            assert value in known[dimension.param]
            assert 0 < len(value) <= MAX_VALUE_LENGTH
    again, again_warnings = Filters.from_query_params(filters.to_query_params(), known)
    assert (again, again_warnings) == (filters, [])


@settings(max_examples=200, deadline=None)
@given(param_dicts)
def test_any_query_parameters_without_known_values_never_raise_and_round_trip(params):
    filters, warnings = Filters.from_query_params(params)
    kept = sum(len(filters.values(d)) for d in DIMENSIONS)
    offered = sum(
        len({v for v in ([raw] if isinstance(raw, str) else raw) if v})
        for name, raw in params.items()
        if name in PARAMS
    )
    assert kept <= offered
    assert Filters.from_query_params(filters.to_query_params()) == (filters, [])
    assert hash(filters) == hash(Filters(**{d.field: filters.values(d) for d in DIMENSIONS}))


# --- values validation accepts ---------------------------------------------------------------

cell_values = st.one_of(
    st.text(max_size=25),
    # digits Python reads but DuckDB does not (Arabic-Indic, full-width), `_`, line breaks
    st.text(alphabet=st.sampled_from(list("019+-.:eE_ \n٣４")), min_size=1, max_size=6),
    st.from_regex(r"[0-9]{4}-?[0-9]{2}-?[0-9]{2}|[0-9]{4}-W[0-9]{2}(-[1-7])?", fullmatch=True),
    st.from_regex(r"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?\n?", fullmatch=True),
    st.integers().map(str),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["integer", "float", "date", "time"]), cell_values)
def test_every_value_validation_accepts_loads_into_duckdb_as_the_same_value(kind, text):
    try:
        value = parse_value(Column("c", kind, "c"), text)
    except ValueError:
        return  # rejected values are reported as problems, never loaded
    with duckdb.connect() as con:
        (loaded,) = con.execute(f"SELECT CAST(? AS {DUCKDB_TYPES[kind]})", [text]).fetchone()
    assert loaded == value
