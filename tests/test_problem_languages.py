"""Validation problems in the language they are shown in: a problem is a message template
(English, in the catalogs) and its arguments, translated and filled in when it is printed."""

from __future__ import annotations

import pytest

from twg_data import cli, i18n
from twg_data.validate import Problem, validate

UNKNOWN_COLUMN = "organization_types.csv:1: colour: {}"


def break_three_things(folder) -> None:
    """An unknown column, a bad date and a missing reference."""
    folder.replace(
        "organization_types.csv",
        "organization_type_id,label,description",
        "organization_type_id,label,description,colour",
    )
    folder.replace("meetings.csv", "2015-09-21", "2015-09-31")
    folder.replace("key_points.csv", "commonality-1,commonality,", "commonality-1,common ground,")


def shown(problems: list[Problem], language: str) -> list[str]:
    with i18n.use(language):
        return [str(p) for p in problems]


def test_problems_print_in_english_spanish_and_french(data_dir):
    break_three_things(data_dir)
    problems = validate(data_dir.path)
    assert shown(problems, "en") == [
        "key_points.csv:2: category: 'common ground' is not in key_point_categories (category)",
        "meetings.csv:2: date: expected a date as YYYY-MM-DD, got '2015-09-31'",
        "organization_types.csv:1: colour: unknown column for table organization_types",
    ]
    assert shown(problems, "es") == [
        "key_points.csv:2: category: 'common ground' no está en key_point_categories (category)",
        "meetings.csv:2: date: se esperaba una fecha en formato AAAA-MM-DD; "
        "se encontró '2015-09-31'",
        "organization_types.csv:1: colour: columna desconocida para la tabla organization_types",
    ]
    assert shown(problems, "fr") == [
        "key_points.csv:2: category: 'common ground' ne figure pas dans key_point_categories "
        "(category)",
        "meetings.csv:2: date: une date au format AAAA-MM-JJ était attendue\u00a0; "
        "trouvé\u00a0: '2015-09-31'",
        "organization_types.csv:1: colour: colonne inconnue pour la table organization_types",
    ]


def test_a_problem_keeps_the_values_from_the_data_out_of_its_template(data_dir):
    data_dir.replace("meetings.csv", "2015-09-21", "2015-09-31")
    (problem,) = validate(data_dir.path)
    assert problem.message_id == "expected a date as YYYY-MM-DD, got {value!r}"
    assert problem.args == (("value", "2015-09-31"),)
    assert problem == Problem(
        "meetings.csv", 2, "date", problem.message_id, (("value", "2015-09-31"),)
    )


def test_a_plain_message_is_its_own_template():
    problem = Problem("people.csv", 4, "name", "a message with {braces} and no arguments")
    assert problem.message == "a message with {braces} and no arguments"
    with i18n.use("es"):
        assert str(problem) == "people.csv:4: name: a message with {braces} and no arguments"


def test_validate_prints_the_problems_in_the_language_asked(data_dir, capsys):
    break_three_things(data_dir)
    assert cli.main(["validate", "--lang", "fr", str(data_dir.path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"3 problème(s) dans {data_dir.path}\u00a0:"
    assert lines[3] == UNKNOWN_COLUMN.format("colonne inconnue pour la table organization_types")


def test_validate_of_sound_data_says_so_in_the_language_asked(data_dir, capsys):
    assert cli.main(["validate", "--lang", "es", str(data_dir.path)]) == 0
    assert capsys.readouterr().out == f"{data_dir.path}: todas las tablas son válidas\n"


def break_everything(folder) -> None:
    """One of each kind of problem validation finds, or as many as one folder can hold."""
    break_three_things(folder)
    folder.replace("sessions.csv", "14:00", "25:00")
    folder.replace("participants.csv", "(ProPAZ),giz,", "(ProPAZ),gizz,")
    folder.write("cities.csv", "")
    folder.file("regions.csv").unlink()
    targets = folder.text("sdg_targets.csv")
    folder.write("sdg_targets.csv", targets + targets.splitlines()[1] + "\n")  # a duplicate
    folder.file("roles.csv").write_bytes(folder.file("roles.csv").read_bytes() + b"caf\xe9,x\n")
    people = folder.text("people.csv")
    header, first = people.splitlines()[:2]
    folder.write(
        "people.csv",
        people + first + "\n" + "   ," * (header.count(",")) + "   \n" + '"broken,\n',
    )


@pytest.mark.parametrize("language", i18n.translated_languages())
def test_every_problem_of_a_broken_folder_has_its_translation(data_dir, language):
    break_everything(data_dir)
    problems = validate(data_dir.path)
    templates = {p.message_id for p in problems}
    assert len(templates) >= 11, templates  # the folder is broken in many ways
    catalog = i18n.translations(language)
    untranslated = sorted(t for t in templates if catalog.gettext(t) == t)
    assert untranslated == []
    with i18n.use(language):
        assert all(str(p) for p in problems)  # each template's fields are filled


def break_placeholders(folder) -> None:
    """A header cell with no name, an invisible character and a quote opened past the header."""
    folder.replace(
        "organization_types.csv",
        "organization_type_id,label,description",
        "organization_type_id,label,description,",
    )
    folder.replace("people.csv", "Achim Wennmann", "Achim\u200bWennmann")
    text = folder.text("cities.csv")
    folder.write("cities.csv", text + 'x,y,z,a,b,c,d,e,"never closed\n')


@pytest.mark.parametrize(
    ("language", "blank", "character", "field"),
    [
        ("en", "(blank)", "U+200B ZERO WIDTH SPACE", "field 9"),
        ("es", "(en blanco)", "U+200B ESPACIO DE ANCHO CERO", "campo 9"),
        ("fr", "(vide)", "U+200B ESPACE SANS CHASSE", "champ 9"),
    ],
)
def test_placeholders_and_character_names_are_said_in_the_language(
    data_dir, language, blank, character, field
):
    break_placeholders(data_dir)
    problems = validate(data_dir.path)
    lines = shown(problems, language)
    assert any(line.startswith(f"organization_types.csv:1: {blank}: ") for line in lines), lines
    assert any(line.startswith("people.csv:2: name: ") and character in line for line in lines)
    assert any(line.startswith("cities.csv:") and f": {field}: " in line for line in lines), lines
    # Sorted by the English, whatever the language they are shown in.
    assert sorted(problems) == problems


def test_every_refused_invisible_character_has_its_name_in_the_catalogs():
    import re
    import unicodedata

    from twg_data.validate.values import INVISIBLE_CHARACTERS, NAMES

    invisible = re.compile(f"[{INVISIBLE_CHARACTERS}]")
    refused = [chr(code) for code in range(0x10000) if invisible.fullmatch(chr(code))]
    assert len(refused) == len(NAMES)
    assert {unicodedata.name(char) for char in refused} == set(NAMES)
