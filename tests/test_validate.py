"""Validation: every kind of bad input gives one exact `FILE:LINE: COLUMN: message` problem.

Each test copies the shipped data into tmp_path (the `data_dir` fixture), breaks one thing,
and compares the complete list of problems, so a stray extra problem fails the test too.
"""

from __future__ import annotations

import pytest

from twg_data.build import build_database, ensure_database
from twg_data.validate import Problem, read_data, validate

SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"
NOT_UTF8 = "not UTF-8 (byte 0x{:02x}, '{}' in Windows-1252 (Latin-1)); " + SAVE_AS


def problems(folder) -> list[str]:
    return [str(p) for p in validate(folder.path)]


def test_shipped_data_copy_has_no_problems(data_dir):
    assert problems(data_dir) == []


def test_problem_prints_as_file_line_column_message():
    problem = Problem("people.csv", 4, "name", "required value is empty")
    assert str(problem) == "people.csv:4: name: required value is empty"


# --- the header -------------------------------------------------------------------------------


def test_missing_column_is_reported_on_the_header_line(data_dir):
    data_dir.replace("people.csv", "person_id,name,aliases,source_id", "person_id,name,source_id")
    assert problems(data_dir) == ["people.csv:1: aliases: column is missing from the header"]


def test_unknown_column_is_reported_on_the_header_line(data_dir):
    data_dir.replace(
        "organization_types.csv",
        "organization_type_id,label,description",
        "organization_type_id,label,description,colour",
    )
    assert problems(data_dir) == [
        "organization_types.csv:1: colour: unknown column for table organization_types"
    ]


def test_duplicated_header_column_is_reported(data_dir):
    data_dir.replace(
        "people.csv", "person_id,name,aliases,source_id", "person_id,name,aliases,source_id,name"
    )
    assert problems(data_dir) == ["people.csv:1: name: column appears twice"]


def test_header_names_are_matched_after_trimming_spaces(data_dir):
    data_dir.replace(
        "people.csv", "person_id,name,aliases,source_id", "person_id, name ,aliases,source_id"
    )
    assert problems(data_dir) == []


# --- values -----------------------------------------------------------------------------------


def test_text_in_an_integer_column_is_reported(data_dir):
    data_dir.replace("sessions.csv", "twg-2015-bogota,focus-1,1,", "twg-2015-bogota,focus-1,one,")
    assert problems(data_dir) == ["sessions.csv:2: position: expected a whole number, got 'one'"]


def test_a_decimal_in_an_integer_column_is_reported(data_dir):
    line = data_dir.line_of("participants.csv", "achim-wennmann")
    data_dir.replace("participants.csv", "achim-wennmann,18,", "achim-wennmann,18.0,")
    assert problems(data_dir) == [
        f"participants.csv:{line}: list_number: expected a whole number, got '18.0'"
    ]


def test_text_in_a_float_column_is_reported(data_dir):
    line = data_dir.line_of("cities.csv", "geneva,Geneva")
    data_dir.replace("cities.csv", "46.2044", "46,2044")
    # an unquoted decimal comma makes an extra field
    assert problems(data_dir) == [f"cities.csv:{line}: (file): row has 9 fields, the header has 8"]


def test_a_word_in_a_float_column_is_reported(data_dir):
    line = data_dir.line_of("cities.csv", "geneva,Geneva")
    data_dir.replace("cities.csv", "46.2044", "north")
    assert problems(data_dir) == [f"cities.csv:{line}: latitude: expected a number, got 'north'"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("nan", "expected a number, got 'nan'"),
        ("inf", "expected a number, got 'inf'"),
        ("1e999", "expected a finite number, got '1e999'"),
    ],
)
def test_not_a_finite_number_is_rejected_as_a_coordinate(data_dir, value, message):
    line = data_dir.line_of("cities.csv", "geneva,Geneva")
    data_dir.replace("cities.csv", "46.2044", value)
    assert problems(data_dir) == [f"cities.csv:{line}: latitude: {message}"]


DATE = "expected a date as YYYY-MM-DD, got {!r}"
WHOLE = "expected a whole number, got {!r}"
NUMBER = "expected a number, got {!r}"
TIME = "expected a time as HH:MM between 00:00 and 23:59, got {!r}"


@pytest.mark.parametrize(
    ("file", "old", "new", "column", "message"),
    [
        ("meetings.csv", "2015-09-21", "20150921", "date", DATE),
        ("meetings.csv", "2015-09-21", "2015-W39-1", "date", DATE),
        ("facilitators.csv", "unog,1,", "unog,١,", "position", WHOLE),
        ("facilitators.csv", "unog,1,", f"unog,{'9' * 20},", "position", WHOLE + " (too large)"),
        ("cities.csv", "46.2044", "４６.２", "latitude", NUMBER),
        ("cities.csv", "46.2044", "4_6", "latitude", NUMBER),
        ("sessions.csv", "14:00", "١٤:٠٠", "start_time", TIME),
    ],
)
def test_values_python_reads_but_the_database_would_not_are_problems_not_crashes(
    data_dir, tmp_path, file, old, new, column, message
):
    line = data_dir.line_of(file, old)
    data_dir.replace(file, old, new)
    value = new.removeprefix("unog,").removesuffix(",")
    expected = [f"{file}:{line}: {column}: {message.format(value)}"]
    assert problems(data_dir) == expected
    # before, validation passed these and the build then failed with a DuckDB error
    assert [str(p) for p in build_database(data_dir.path, tmp_path / "twg.duckdb")] == expected


def test_numbers_with_spaces_around_them_load(data_dir, tmp_path):
    data_dir.replace("cities.csv", "46.2044", " 46.2044 ")
    assert build_database(data_dir.path, tmp_path / "twg.duckdb") == []


def test_impossible_date_is_reported(data_dir):
    data_dir.replace("meetings.csv", "2015-09-21", "2015-09-31")
    assert problems(data_dir) == [
        "meetings.csv:2: date: expected a date as YYYY-MM-DD, got '2015-09-31'"
    ]


def test_day_first_date_as_excel_may_write_it_is_reported(data_dir):
    data_dir.replace("meetings.csv", "2015-09-21", "21/09/2015")
    assert problems(data_dir) == [
        "meetings.csv:2: date: expected a date as YYYY-MM-DD, got '21/09/2015'"
    ]


def test_time_written_as_in_the_report_with_a_dot_is_reported(data_dir):
    data_dir.replace("sessions.csv", "14:00", "14.00")
    assert problems(data_dir) == [
        "sessions.csv:2: start_time: expected a time as HH:MM between 00:00 and 23:59, got '14.00'"
    ]


def test_impossible_time_25_00_is_reported(data_dir):
    data_dir.replace("sessions.csv", "14:00", "25:00")
    assert problems(data_dir) == [
        "sessions.csv:2: start_time: expected a time as HH:MM between 00:00 and 23:59, got '25:00'"
    ]


def test_time_with_seconds_as_excel_saves_it_is_accepted(data_dir):
    data_dir.replace("sessions.csv", "14:00,15:15", "14:00:00,15:15:00")
    assert problems(data_dir) == []


def test_session_ending_before_it_starts_is_reported(data_dir):
    data_dir.replace("sessions.csv", "14:00,15:15", "14:00,13:15")
    assert problems(data_dir) == [
        "sessions.csv:2: end_time: 13:15 is not later than start_time 14:00"
    ]


def test_session_ending_when_it_starts_is_reported(data_dir):
    data_dir.replace("sessions.csv", "15:30,16:45", "15:30,15:30")
    assert problems(data_dir) == [
        "sessions.csv:3: end_time: 15:30 is not later than start_time 15:30"
    ]


def test_latitude_95_is_reported(data_dir):
    line = data_dir.line_of("cities.csv", "geneva,Geneva")
    data_dir.replace("cities.csv", "46.2044", "95")
    assert problems(data_dir) == [f"cities.csv:{line}: latitude: 95 is above the maximum 90"]


def test_longitude_below_minus_180_is_reported(data_dir):
    line = data_dir.line_of("cities.csv", "bogota,Bogotá")
    data_dir.replace("cities.csv", "-74.0721", "-274.0721")
    assert problems(data_dir) == [
        f"cities.csv:{line}: longitude: -274.0721 is below the minimum -180"
    ]


def test_position_below_one_is_reported(data_dir):
    line = data_dir.line_of("facilitators.csv", "unog")
    data_dir.replace("facilitators.csv", "unog,1,", "unog,0,")
    assert problems(data_dir) == [f"facilitators.csv:{line}: position: 0 is below the minimum 1"]


def test_value_outside_the_allowed_list_is_reported(data_dir):
    line = data_dir.line_of("objectives.csv", "twg-2015-bogota,twg-network,")
    data_dir.replace("objectives.csv", "twg-network,twg,", "twg-network,TWG,")
    assert problems(data_dir) == [
        f"objectives.csv:{line}: scope: 'TWG' is not one of: twg, meeting"
    ]


def test_a_key_point_category_missing_from_the_categories_table_is_reported(data_dir):
    data_dir.replace("key_points.csv", "commonality-1,commonality,", "commonality-1,common ground,")
    assert problems(data_dir) == [
        "key_points.csv:2: category: 'common ground' is not in key_point_categories (category)"
    ]


def test_a_new_key_point_category_is_a_row_not_code(data_dir):
    data_dir.append_rows(
        "key_point_categories.csv",
        [
            {
                "category": "recommendation",
                "position": "4",
                "label": "Recommendations",
                "singular": "Recommendation",
                "description": "What a report recommends.",
            }
        ],
    )
    data_dir.replace(
        "key_points.csv", "commonality-1,commonality,", "commonality-1,recommendation,"
    )
    assert problems(data_dir) == []


def test_empty_required_value_is_reported(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace("people.csv", "anja-heuft,Anja Heuft,", "anja-heuft,,")
    assert problems(data_dir) == [f"people.csv:{line}: name: required value is empty"]


def test_value_of_only_spaces_counts_as_empty(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace("people.csv", "anja-heuft,Anja Heuft,", "anja-heuft,   ,")
    assert problems(data_dir) == [f"people.csv:{line}: name: required value is empty"]


# --- keys and references ----------------------------------------------------------------------


def test_duplicate_key_names_the_first_line(data_dir):
    first = data_dir.line_of("organization_types.csv", "ngo,NGO")
    second = data_dir.line_of("organization_types.csv", "private-company,")
    data_dir.replace("organization_types.csv", "private-company,", "ngo,")
    assert problems(data_dir) == [
        f"organization_types.csv:{second}: organization_type_id: duplicate key (ngo); "
        f"first on line {first}",
        # the organization that used the renamed id now points nowhere
        "organizations.csv:12: organization_type_id: 'private-company' is not in "
        "organization_types (organization_type_id)",
    ]


def test_duplicate_composite_key_is_reported(data_dir):
    line = data_dir.line_of("speakers.csv", "enrique-alfaro")
    data_dir.replace("speakers.csv", "focus-1,5,enrique-alfaro", "focus-1,4,enrique-alfaro")
    assert problems(data_dir) == [
        f"speakers.csv:{line}: position: duplicate key (twg-2015-bogota, focus-1, 4); "
        f"first on line {line - 1}"
    ]


def test_integer_keys_written_differently_are_still_duplicates(data_dir, tmp_path):
    line = data_dir.line_of("speakers.csv", "ibeth-rodriguez")
    data_dir.replace("speakers.csv", "focus-1,2,ibeth-rodriguez", "focus-1,01,ibeth-rodriguez")
    expected = [
        f"speakers.csv:{line}: position: duplicate key (twg-2015-bogota, focus-1, 01); "
        f"first on line {line - 1}"
    ]
    assert problems(data_dir) == expected
    # before, validation passed this and the build failed on DuckDB's primary key
    assert [str(p) for p in build_database(data_dir.path, tmp_path / "twg.duckdb")] == expected


def test_reference_to_a_missing_organization_is_reported(data_dir):
    line = data_dir.line_of("participants.csv", "anja-heuft")
    data_dir.replace("participants.csv", "(ProPAZ),giz,", "(ProPAZ),gizz,")
    assert problems(data_dir) == [
        f"participants.csv:{line}: organization_id: 'gizz' is not in organizations "
        "(organization_id)"
    ]


def test_reference_to_a_missing_source_is_reported(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace(
        "people.csv", "Anja Heuft,,twg-2015-bogota-38", "Anja Heuft,,twg-2015-bogota-99"
    )
    assert problems(data_dir) == [
        f"people.csv:{line}: source_id: 'twg-2015-bogota-99' is not in sources (source_id)"
    ]


def test_speaker_who_is_a_person_but_not_a_participant_of_that_meeting_is_reported(data_dir):
    data_dir.append_rows(
        "people.csv",
        [
            {
                "person_id": "zz-not-at-the-meeting",
                "name": "Not At The Meeting",
                "aliases": "",
                "source_id": "twg-2015-bogota-12",
            }
        ],
    )
    data_dir.replace("speakers.csv", "focus-1,1,leoluca-orlando", "focus-1,1,zz-not-at-the-meeting")
    assert problems(data_dir) == [
        "speakers.csv:2: person_id: 'twg-2015-bogota, zz-not-at-the-meeting' is not in "
        "participants (meeting_id, person_id)"
    ]


def test_speaker_in_a_session_the_meeting_does_not_have_is_reported(data_dir):
    data_dir.replace("speakers.csv", "focus-1,1,leoluca-orlando", "focus-3,1,leoluca-orlando")
    assert problems(data_dir) == [
        "speakers.csv:2: session_id: 'twg-2015-bogota, focus-3' is not in sessions "
        "(meeting_id, session_id)"
    ]


def test_empty_optional_reference_is_not_checked(data_dir):
    # San Fernando's empty country is deliberate, and not a dangling reference
    assert "san-fernando,San Fernando,,," in data_dir.text("cities.csv")
    assert problems(data_dir) == []


# --- files ------------------------------------------------------------------------------------


def test_latin1_file_is_reported_on_the_line_of_the_first_bad_byte(data_dir):
    line = data_dir.line_of("people.csv", "Jütersonke")
    text = data_dir.text("people.csv")
    before, after = text.split("Jütersonke")
    data_dir.file("people.csv").write_bytes(
        before.encode("utf-8") + "Jütersonke".encode("latin-1") + after.encode("utf-8")
    )
    assert problems(data_dir) == [f"people.csv:{line}: (file): {NOT_UTF8.format(0xFC, 'ü')}"]


def test_whole_file_saved_as_latin1_is_reported_once(data_dir):
    line = data_dir.line_of("people.csv", "Pérez")  # the first accented name in the file
    data_dir.file("people.csv").write_bytes(data_dir.text("people.csv").encode("latin-1"))
    assert problems(data_dir) == [f"people.csv:{line}: (file): {NOT_UTF8.format(0xE9, 'é')}"]


@pytest.mark.parametrize(
    ("encoding", "bom", "named"),
    [
        ("utf-16-le", b"\xff\xfe", "UTF-16 (Excel's 'Unicode Text')"),
        ("utf-16-be", b"\xfe\xff", "UTF-16 (Excel's 'Unicode Text')"),
        ("utf-16-le", b"", "UTF-16 (Excel's 'Unicode Text'), without a byte-order mark"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32"),
    ],
)
def test_a_utf16_file_gets_one_message_naming_its_encoding(data_dir, encoding, bom, named):
    data_dir.file("people.csv").write_bytes(bom + data_dir.text("people.csv").encode(encoding))
    assert problems(data_dir) == [
        f"people.csv:0: (file): the file is {named}, not UTF-8: {SAVE_AS}"
    ]


# --- characters no report contains ------------------------------------------------------------

PERSON = "anja-heuft,Anja Heuft,"


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        (PERSON, "anja-heuft,Anja\x00 Heuft,", "name", "the control character U+0000"),
        (PERSON, "anja-heuft,Anja\x07 Heuft,", "name", "the control character U+0007"),
        (PERSON, "anja-heuft,Anja\x1b Heuft,", "name", "the control character U+001B"),
        (PERSON, "anja-heuft,Anja\x7f Heuft,", "name", "the control character U+007F"),
        (PERSON, "anja-heuft,Anja\x85 Heuft,", "name", "the control character U+0085"),
        (
            PERSON,
            "anja-heuft,Anja\u200b Heuft,",
            "name",
            "the invisible character U+200B ZERO WIDTH SPACE",
        ),
        (
            PERSON,
            "anja-heuft,Anja\u200dHeuft,",
            "name",
            "the invisible character U+200D ZERO WIDTH JOINER",
        ),
        (
            PERSON,
            "anja-heuft,Anja\ufeff Heuft,",
            "name",
            "the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE",
        ),
        (
            PERSON,
            "anja\u202eheuft,Anja Heuft,",
            "person_id",
            "the invisible character U+202E RIGHT-TO-LEFT OVERRIDE",
        ),
        (
            PERSON,
            "anja-heuft\u2066,Anja Heuft,",
            "person_id",
            "the invisible character U+2066 LEFT-TO-RIGHT ISOLATE",
        ),
        (
            PERSON,
            "anja-heuft,Anja Heuft\u2069,",
            "name",
            "the invisible character U+2069 POP DIRECTIONAL ISOLATE",
        ),
        (PERSON, "anja\theuft,Anja Heuft,", "person_id", "a tab or line break (U+0009"),
        (PERSON, '"anja-heuft\n",Anja Heuft,', "person_id", "a tab or line break (U+000A"),
    ],
)
def test_characters_no_report_contains_are_reported_with_file_line_and_column(
    data_dir, old, new, column, message
):
    line = data_dir.line_of("people.csv", PERSON)
    data_dir.replace("people.csv", old, new)
    found = [p for p in validate(data_dir.path) if p.file == "people.csv"]
    assert [(p.line, p.column) for p in found] == [(line, column)]
    assert message in found[0].message


def test_an_invisible_character_in_an_id_is_reported_where_it_is_used_too(data_dir):
    line = data_dir.line_of("participants.csv", "anja-heuft")
    data_dir.replace("participants.csv", ",anja-heuft,", ",anja-heuft\u200b,")
    assert [str(p) for p in validate(data_dir.path)] == [
        f"participants.csv:{line}: person_id: 'anja-heuft\\u200b' is not in people (person_id)",
        f"participants.csv:{line}: person_id: contains the invisible character"
        " U+200B ZERO WIDTH SPACE; remove it",
    ]


def test_line_breaks_and_tabs_inside_quoted_free_text_stay_valid(data_dir):
    passage = "focal points on urban safety of cities"  # in a quoted cell
    data_dir.replace("sources.csv", passage, "focal points\ton urban\r\nsafety of cities")
    assert problems(data_dir) == []


BRAZIL = "BRA,Brazil,076,Latin America and the Caribbean,South America,"
PASSAGE = "focal points on urban safety of cities"


@pytest.mark.parametrize(
    ("file", "row", "old", "new", "column", "message"),
    [
        # Control characters in free text, where a tab or a line break would be fine.
        ("sources.csv", PASSAGE, "focal points", "focal\x00points", "passage", "U+0000"),
        ("sources.csv", PASSAGE, "focal points", "focal\x85points", "passage", "U+0085"),
        # Bidirectional controls in codes: an ISO code, an M49 code, a region's name.
        ("countries.csv", BRAZIL, "BRA,", "\u202eBRA,", "iso3", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (
            "countries.csv",
            BRAZIL,
            ",076,",
            ",07\u20676,",
            "m49_code",
            "U+2067 RIGHT-TO-LEFT ISOLATE",
        ),
        (
            "countries.csv",
            BRAZIL,
            BRAZIL,
            BRAZIL.replace("South", "\u2068South"),
            "intermediate_region",
            "U+2068 FIRST STRONG ISOLATE",
        ),
        # A category's singular label names an item on a page: one line, no tab.
        (
            "key_point_categories.csv",
            "Commonality,",
            "Commonality,",
            "Common\tality,",
            "singular",
            "tab",
        ),
    ],
)
def test_characters_no_report_contains_are_reported_in_codes_and_free_text(
    data_dir, file, row, old, new, column, message
):
    line = data_dir.line_of(file, row)
    data_dir.replace(file, old, new)
    found = [p for p in validate(data_dir.path) if p.file == file]
    assert [(p.line, p.column) for p in found] == [(line, column)]
    assert message in found[0].message


def test_a_cell_of_spaces_is_reported_not_read_as_empty(data_dir):
    # Our database would read it as empty, other tools (Frictionless) as text: clear it.
    line = data_dir.line_of("countries.csv", BRAZIL)
    data_dir.replace("countries.csv", BRAZIL, BRAZIL.replace("South America", "   "))
    assert problems(data_dir) == [
        f"countries.csv:{line}: intermediate_region: holds only spaces: clear the cell"
    ]


def test_a_row_of_spaces_is_reported_but_empty_rows_are_skipped(data_dir):
    text = data_dir.text("organization_types.csv")
    data_dir.write("organization_types.csv", text.replace("\nngo,", "\n ,, \n,,\nngo,"))
    line = data_dir.line_of("organization_types.csv", " ,, ")
    assert problems(data_dir) == [
        f"organization_types.csv:{line}: (file): the row holds only spaces: delete it"
    ]


def test_unterminated_quote_names_the_line_and_column_where_it_opens(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace("people.csv", "anja-heuft,Anja Heuft,", 'anja-heuft,"Anja Heuft,')
    assert problems(data_dir) == [
        f"people.csv:{line}: name: broken quoting (unexpected end of data); check for a stray '\"'"
    ]


def test_empty_file_is_reported(data_dir):
    data_dir.write("organization_types.csv", "")
    assert problems(data_dir) == [
        "organization_types.csv:0: (file): file is empty (a header row is required)"
    ]


def test_file_of_blank_lines_is_reported_as_empty(data_dir):
    data_dir.write("organization_types.csv", "\n\n  \n")
    assert problems(data_dir) == [
        "organization_types.csv:0: (file): file is empty (a header row is required)"
    ]


def test_missing_file_is_reported(data_dir):
    data_dir.file("framing.csv").unlink()
    assert problems(data_dir) == ["framing.csv:0: (file): file is missing"]


def test_missing_file_does_not_also_report_every_reference_to_it(data_dir):
    data_dir.file("people.csv").unlink()
    assert problems(data_dir) == ["people.csv:0: (file): file is missing"]


def test_row_with_too_many_fields_is_reported(data_dir):
    line = data_dir.line_of("key_points.csv", "difference-1")
    data_dir.replace("key_points.csv", "Territorial focus,", "Territorial, focus,")
    assert problems(data_dir) == [
        f"key_points.csv:{line}: (file): row has 8 fields, the header has 7"
    ]


def test_row_with_too_many_fields_does_not_make_references_to_it_dangle(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace("people.csv", "anja-heuft,Anja Heuft,", "anja-heuft,Anja, Heuft,")
    # participants.csv names anja-heuft too: the id is on the broken row, not missing
    assert problems(data_dir) == [f"people.csv:{line}: (file): row has 5 fields, the header has 4"]


def test_row_with_too_few_fields_is_reported(data_dir):
    text = data_dir.text("organization_types.csv")
    data_dir.write("organization_types.csv", text + "think-tank,Think tank\n")
    line = len(text.splitlines()) + 1
    width = len(text.splitlines()[0].split(","))  # 5 in English and Spanish, 7 with French
    assert problems(data_dir) == [
        f"organization_types.csv:{line}: (file): row has 2 fields, the header has {width}"
    ]


def test_missing_data_folder_is_one_problem(tmp_path):
    missing = tmp_path / "no-such-folder"
    assert [str(p) for p in validate(missing)] == [
        f"{missing}:0: (file): data folder does not exist"
    ]


def test_every_problem_is_reported_not_just_the_first(data_dir):
    data_dir.replace("sessions.csv", "14:00", "25:00")
    data_dir.replace("meetings.csv", "2015-09-21", "2015-09-31")
    line = data_dir.line_of("cities.csv", "geneva,Geneva")
    data_dir.replace("cities.csv", "46.2044", "95")
    assert problems(data_dir) == [
        f"cities.csv:{line}: latitude: 95 is above the maximum 90",
        "meetings.csv:2: date: expected a date as YYYY-MM-DD, got '2015-09-31'",
        "sessions.csv:2: start_time: expected a time as HH:MM between 00:00 and 23:59, got '25:00'",
    ]


def test_several_problems_in_one_row_are_all_reported(data_dir):
    data_dir.replace("sessions.csv", "focus-1,1,", "focus-1,first,")
    data_dir.replace("sessions.csv", "14:00,15:15", "14:00,99:99")
    assert problems(data_dir) == [
        "sessions.csv:2: end_time: expected a time as HH:MM between 00:00 and 23:59, got '99:99'",
        "sessions.csv:2: position: expected a whole number, got 'first'",
    ]


def test_problems_are_sorted_by_file_and_line(data_dir):
    data_dir.replace("sessions.csv", "15:30,16:45", "15:30,15:00")
    data_dir.replace("sessions.csv", "14:00,15:15", "14:00,13:00")
    data_dir.write("framing.csv", "")
    found = validate(data_dir.path)
    assert [(p.file, p.line) for p in found] == [
        ("framing.csv", 0),
        ("sessions.csv", 2),
        ("sessions.csv", 3),
    ]


# --- files as Excel saves them ----------------------------------------------------------------


def excel_save(folder) -> None:
    """Rewrite every CSV as Excel's 'CSV UTF-8' does: a BOM and CRLF line ends."""
    for path in folder.path.glob("*.csv"):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


MULTILINE_PASSAGE = '"Focus 1: Exchange of promising practices\n(21 September 2015,\n14.00-15.15)"'


def test_excel_saved_files_with_bom_crlf_and_line_breaks_in_cells_are_accepted(data_dir):
    data_dir.replace(
        "sources.csv",
        '"Focus 1: Exchange of promising practices (21 September 2015, 14.00-15.15)"',
        MULTILINE_PASSAGE,
    )
    excel_save(data_dir)
    assert problems(data_dir) == []
    parsed, _ = read_data(data_dir.path)
    passages = {r["source_id"]: r["passage"] for r in parsed["sources"].rows}
    assert passages["twg-2015-bogota-09"] == (
        "Focus 1: Exchange of promising practices\r\n(21 September 2015,\r\n14.00-15.15)"
    )
    names = {r["person_id"]: r["name"] for r in parsed["people"].rows}
    assert names["oliver-jutersonke"] == "Oliver Jütersonke"  # the BOM is not in a value
    assert parsed["people"].rows[0]["person_id"] == "achim-wennmann"


def test_line_numbers_after_a_multi_line_cell_are_physical_lines(data_dir):
    data_dir.replace(
        "sources.csv",
        '"Focus 1: Exchange of promising practices (21 September 2015, 14.00-15.15)"',
        MULTILINE_PASSAGE,
    )
    excel_save(data_dir)
    data_dir.path.joinpath("sources.csv").write_bytes(
        data_dir.file("sources.csv")
        .read_bytes()
        .replace(b"twg-2015-bogota-11,twg-2015-bogota,", b"twg-2015-bogota-11,,")
    )
    lines = data_dir.file("sources.csv").read_bytes().split(b"\r\n")
    physical = next(i for i, raw in enumerate(lines, 1) if raw.startswith(b"twg-2015-bogota-11"))
    assert physical == 14  # row 11 of the table, after a cell spanning three lines
    assert problems(data_dir) == [f"sources.csv:{physical}: meeting_id: required value is empty"]


def test_blank_and_empty_trailing_rows_excel_leaves_are_ignored(data_dir):
    text = data_dir.text("organization_types.csv")
    data_dir.write("organization_types.csv", text.replace("\nngo,", "\n\nngo,") + ",,\n,,\n")
    assert problems(data_dir) == []


def test_line_numbers_count_blank_lines(data_dir):
    text = data_dir.text("organization_types.csv")
    data_dir.write(
        "organization_types.csv",
        text.split("\n", 1)[0] + "\n\n\n" + text.split("\n", 1)[1],
    )
    data_dir.replace(
        "organization_types.csv", "academic,University or research centre", "academic,"
    )
    assert problems(data_dir) == ["organization_types.csv:4: label: required value is empty"]


@pytest.mark.parametrize("name", ["people.csv", "sources.csv", "sessions.csv"])
def test_read_data_keeps_every_row_with_the_line_it_starts_on(data_dir, name):
    parsed, found = read_data(data_dir.path)
    assert found == []
    table = parsed[name.removesuffix(".csv")]
    assert len(table.rows) == len(data_dir.rows(name))
    assert table.lines == list(range(2, 2 + len(table.rows)))


def test_text_after_a_closing_quote_is_reported_as_broken_quoting(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace("people.csv", "anja-heuft,Anja Heuft,", 'anja-heuft,"Anja" Heuft,')
    (problem,) = validate(data_dir.path)
    assert (problem.file, problem.line, problem.column) == ("people.csv", line, "name")
    assert problem.message.startswith("broken quoting (")


def test_unterminated_quote_after_a_multi_line_cell_names_its_physical_line(data_dir):
    data_dir.replace(
        "sources.csv",
        '"Focus 1: Exchange of promising practices (21 September 2015, 14.00-15.15)"',
        MULTILINE_PASSAGE,
    )
    data_dir.replace(
        "sources.csv",
        "twg-2015-bogota-16,twg-2015-bogota,Focus 1: Exchange of promising practices,",
        'twg-2015-bogota-16,twg-2015-bogota,"Focus 1: Exchange of promising practices,',
    )
    line = data_dir.line_of("sources.csv", "twg-2015-bogota-16")
    assert line == 19
    # the stray quote pairs with the next row's opening quote, so csv stops there
    assert problems(data_dir) == [
        f"sources.csv:{line}: section: broken quoting (',' expected after '\"'); "
        "check for a stray '\"'"
    ]


def test_unterminated_quote_after_escaped_quotes_names_the_field_it_opens_in(data_dir):
    line = data_dir.line_of("people.csv", "anja-heuft")
    data_dir.replace("people.csv", "anja-heuft,Anja Heuft,,", 'anja-heuft,Anja Heuft,"""A"" H,')
    assert problems(data_dir) == [
        f"people.csv:{line}: aliases: broken quoting (unexpected end of data); "
        "check for a stray '\"'"
    ]


# --- the reports ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report_file", "message"),
    [
        (
            "reports/missing.txt",
            "report file 'reports/missing.txt' does not exist in the data folder",
        ),
        ("../README.md", "report file '../README.md' is outside the data folder"),
        ("reports", "report file 'reports' does not exist in the data folder"),
    ],
)
def test_a_report_file_must_be_a_file_inside_the_data_folder(data_dir, report_file, message):
    data_dir.replace("meetings.csv", "reports/twg-2015-bogota.txt", report_file)
    assert problems(data_dir) == [f"meetings.csv:2: report_file: {message}"]


def test_every_shipped_meeting_report_is_in_the_data_folder(data_dir):
    (data_dir.path / "reports" / "twg-2015-bogota.txt").unlink()
    assert problems(data_dir) == [
        "meetings.csv:2: report_file: report file 'reports/twg-2015-bogota.txt' does not exist"
        " in the data folder"
    ]


@pytest.mark.parametrize("length", [150_000, 2_000_000])
def test_an_oversize_cell_is_named_by_its_column_not_read_as_broken_quoting(data_dir, length):
    # Above 131,072 characters the csv module itself would stop with "field larger than
    # field limit", which read as broken quoting on whatever column the quote scan found.
    line = data_dir.line_of("organization_types.csv", "academic,University or research centre")
    long_label = "word " * (length // 5)
    data_dir.replace(
        "organization_types.csv",
        "academic,University or research centre",
        f"academic,{long_label}",
    )
    assert problems(data_dir) == [
        f"organization_types.csv:{line}: label: is {len(long_label):,} characters long; "
        "a cell holds at most 100,000: split the passage in two rows"
    ]


def test_a_cell_of_exactly_the_limit_is_accepted(data_dir):
    data_dir.replace(
        "organization_types.csv",
        "academic,University or research centre",
        "academic," + "a" * 100_000,
    )
    assert problems(data_dir) == []


# --- the recipe "Add a check" (docs/architecture.md), followed for real -------------------------


def check_titles_end_with_a_stop(folder) -> None:
    """Step 1: a check (here a made-up house rule: a report's title ends with a full stop)."""
    meetings = folder.tables["meetings"]
    for row, line in zip(meetings.rows, meetings.lines, strict=True):
        if row["title"] and not row["title"].endswith("."):
            folder.problems.append(
                Problem("meetings.csv", line, "title", "a title ends with a full stop")
            )


def test_a_check_added_to_the_checklist_runs_in_validate_and_the_build(
    data_dir, monkeypatch, tmp_path
):
    import twg_data.validate as validation

    # Step 2: add it to CHECKS, after the cells are read.
    monkeypatch.setattr(validation, "CHECKS", (*validation.CHECKS, check_titles_end_with_a_stop))
    assert problems(data_dir) == ["meetings.csv:2: title: a title ends with a full stop"]
    status = ensure_database(data_dir.path, tmp_path / "twg.duckdb")
    assert [str(p) for p in status.problems] == problems(data_dir)
    assert status.db_path is None  # the build refuses data its checks find problems in
