"""One line naming a person read into its parts (twg_data/importer/person_line.py), against
the shipped data's organizations and places."""

from __future__ import annotations

import pytest

from tests.conftest import SHIPPED_DATA
from twg_data.importer import person_line, person_names
from twg_data.importer.folder import read_tables
from twg_data.importer.identity import Registry
from twg_data.importer.places import Places


@pytest.fixture(scope="module")
def read():
    tables = read_tables(SHIPPED_DATA)
    places = Places(tables)
    organizations = Registry(
        "organizations", "organization_id", tables["organizations"], acronyms=True
    )

    def parse(text: str, listed: bool = False):
        return person_line.parse(
            text, places, lambda name: organizations.find(name) is not None, listed
        )

    return parse


def parts(line) -> dict[str, object]:
    return {
        k: v
        for k, v in vars(line).items()
        if v and k in ("name", "initials", "title", "unit", "organization", "city", "country")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KM - Karin Moll, Treasurer",
            {"name": "Karin Moll", "initials": "KM", "title": "Treasurer"},
        ),
        (
            "JD - Jan Dekker, National Police Unit Midden-Nederland [delegate]",
            {
                "name": "Jan Dekker",
                "initials": "JD",
                "organization": "National Police Unit Midden-Nederland",
            },
        ),
        (
            "Dr. Halima Yusuf (Maseno University)",
            {"name": "Halima Yusuf", "organization": "Maseno University"},
        ),
        (
            "Mme Aïssatou NDIAYE – Directrice de la prévention, Ville de Dakar, Dakar (Sénégal)",
            {
                "name": "Aïssatou Ndiaye",
                "title": "Directrice de la prévention",
                "organization": "Ville de Dakar",
                "city": "Dakar",
                "country": "Sénégal",
            },
        ),
        (
            "Ibeth Rodriguez, Deputy General director, Ministry of the Interior, Mexico",
            {
                "name": "Ibeth Rodriguez",
                "title": "Deputy General director",
                "organization": "Ministry of the Interior, Mexico",
                "country": "Mexico",
            },
        ),
        (
            "Marcus Greene, Urban Institute, Washington, DC",
            {"name": "Marcus Greene", "organization": "Urban Institute", "city": "Washington, DC"},
        ),
        (
            "Hon. (Mrs.) Adebisi Ogunleye, Commissioner, Oyo State Ministry of Justice",
            {
                "name": "Adebisi Ogunleye",
                "title": "Commissioner",
                "organization": "Oyo State Ministry of Justice",
            },
        ),
        (
            "Irene Atim, Network Coordinator (minutes)",
            {"name": "Irene Atim", "title": "Network Coordinator"},
        ),
        (
            "Abdalla Said, Kilifi Youth Assembly (Kilifi)",
            {"name": "Abdalla Said", "organization": "Kilifi Youth Assembly", "city": "Kilifi"},
        ),
        (
            "Prof. Adewale Ogunbiyi, FSSAN, Department of Sociology, University of Ibadan",
            {
                "name": "Adewale Ogunbiyi",
                "unit": "Department of Sociology",
                "organization": "University of Ibadan",
            },
        ),
    ],
)
def test_a_persons_line_in_its_parts(read, text, expected):
    assert parts(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PCol. Arnel Soriano, Philippine National Police – Quezon City Police District",
            {
                "name": "Arnel Soriano",
                "organization": "Philippine National Police",
                "unit": "Quezon City Police District",
            },
        ),
        (
            "Sarah Nakimuli, Kampala Capital City Authority – KCCA",
            {"name": "Sarah Nakimuli", "organization": "Kampala Capital City Authority – KCCA"},
        ),
        (  # a hyphen, and a name the data holds: one organization
            "Francesco Vincenti, Laboratorio de Cohesión Social México - Unión Europea",
            {
                "name": "Francesco Vincenti",
                "organization": "Laboratorio de Cohesión Social México - Unión Europea",
            },
        ),
    ],
)
def test_an_organizations_unit_after_a_dash(read, text, expected):
    assert parts(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Opening remarks",
        "Coffee break",
        "Moderator: Esther Nabwire, KCCA",  # a label: the speakers recogniser reads its value
        "The meeting was opened by the Chair.",
        "Nigerian Tribune, Ibadan",
    ],
)
def test_what_does_not_name_a_person(read, text):
    assert read(text) is None


def test_oxfam_and_saferworld_are_organizations_never_places(read):
    assert parts(read("Lilian Adhiambo, Oxfam")) == {
        "name": "Lilian Adhiambo",
        "organization": "Oxfam",
    }
    assert read("Mariam Koné, Saferworld").city == ""


def test_notes_in_brackets_are_kept_out_of_names_and_organizations(read):
    line = read("SO - Samira Ouali, Mercy Corps (WebEx, from item 3)")
    assert (line.organization, line.notes) == ("Mercy Corps", ["WebEx, from item 3"])


def test_numbered_names_are_taken_only_in_a_list_of_participants(read):
    assert read("Person Number00001, Organization 1, Kenya") is None
    assert read("Person Number00001, Organization 1, Kenya", listed=True).name == (
        "Person Number00001"
    )


@pytest.mark.parametrize(
    ("value", "people"),
    [
        (
            "Tendai Moyo (Zimbabwe Peace Project) and Mutinta Hamweemba (University of Zambia)",
            ["Tendai Moyo (Zimbabwe Peace Project)", "Mutinta Hamweemba (University of Zambia)"],
        ),
        (
            "Marco Bellini; Agnieszka Nowak; Yasmin Farouk",
            ["Marco Bellini", "Agnieszka Nowak", "Yasmin Farouk"],
        ),
        (
            "Esther Nabwire, Kampala Capital City Authority (KCCA)",
            ["Esther Nabwire, Kampala Capital City Authority (KCCA)"],
        ),
        ("Mr. Gbenga Adewusi, Nigerian Tribune", ["Mr. Gbenga Adewusi, Nigerian Tribune"]),
        (
            "Carolina Mejía Toro, Luz Dary Mosquera y Katherine Pertuz",
            ["Carolina Mejía Toro", "Luz Dary Mosquera", "Katherine Pertuz"],
        ),
        (
            "Dr. Yetunde Olaniyan and Mr. Segun Afolabi, University of Ibadan",
            ["Dr. Yetunde Olaniyan", "Mr. Segun Afolabi, University of Ibadan"],
        ),
    ],
)
def test_a_labels_value_split_into_its_people(value, people):
    assert person_names.split_people(value) == people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BELLO, Musa Abdullahi", "Musa Abdullahi BELLO"),
        ("Ana Ruiz", "Ana Ruiz"),
        ("Ruiz, Ana", "Ruiz, Ana"),  # a surname not in capitals: not reordered
    ],
)
def test_surname_first_in_capitals_is_reordered(text, expected):
    assert person_names.given_name_first(text) == expected
