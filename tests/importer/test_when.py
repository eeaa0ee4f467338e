"""Dates, ranges of days and times as reports write them (twg_data/importer/when.py)."""

from __future__ import annotations

import pytest

from twg_data.importer.when import (
    find_date,
    find_dates,
    find_dates_in_year,
    find_day_month,
    find_start_time,
    find_time_range,
)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12-14 May 2019", "2019-05-12", "2019-05-14"),
        ("March 3-5 th, 2014", "2014-03-03", "2014-03-05"),
        ("June 2nd to 4th, 2012", "2012-06-02", "2012-06-04"),
        ("17th - 18th October 2019", "2019-10-17", "2019-10-18"),
        ("9-10 June 2016", "2016-06-09", "2016-06-10"),
        ("Fecha: 9-10 de junio de 2016", "2016-06-09", "2016-06-10"),
        ("Lieu et date : Dakar, les 14 et 15 novembre 2017", "2017-11-14", "2017-11-15"),
        ("30 September - 2 October 2019", "2019-09-30", "2019-10-02"),
        ("du 12 au 14 mai 2019", "2019-05-12", "2019-05-14"),
        ("Monday 4 and Tuesday 5 October 2016", "2016-10-04", "2016-10-05"),
        ("WASHINGTON, DC, MARCH 3-5 TH, 2014", "2014-03-03", "2014-03-05"),
        ("30 December 2019 - 2 January 2020", "2019-12-30", "2020-01-02"),
        ("Tuesday, 4 October 2016 - 09:00 - 12:30", "2016-10-04", None),
        ("Bogota, 21 September 2015", "2015-09-21", None),
        ("el 21 de septiembre de 2015", "2015-09-21", None),
        ("le 21 septembre 2015", "2015-09-21", None),
        ("March 3, 2017", "2017-03-03", None),
        ("18/11/2020", "2020-11-18", None),
        ("2017-11-02", "2017-11-02", None),
    ],
)
def test_dates_and_ranges_in_three_languages(text, start, end):
    (found,) = find_dates(text)
    assert found.start.isoformat() == start
    assert (found.end.isoformat() if found.end else None) == end
    assert found.words in text


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2016",  # no such day
        "In 2019, 3 cities and 12 partners met",
        "Issue No. 17  |  May 2016",  # an issue number beside a month is no day
        "the 1990-2000 period",
        "speak for 5-6 minutes",
    ],
)
def test_what_is_not_a_date(text):
    assert find_dates(text) == []


def test_find_date_gives_the_first_day_and_its_words():
    assert find_date("Kampala, 12-14 May 2019, City Hall") is not None
    day, words = find_date("Kampala, 12-14 May 2019, City Hall")
    assert (day.isoformat(), words) == ("2019-05-12", "12-14 May 2019")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Day 1 - Thursday 17th October", "2019-10-17"),
        ("MONDAY, MARCH 3", "2019-03-03"),
        ("Día 2 (10 de junio) – Mesa de trabajo", "2019-06-10"),
        ("Séance 3 : Financer (le 15 novembre, 9h30 – 11h00)", "2019-11-15"),
    ],
)
def test_days_without_their_year_take_the_meetings(text, iso):
    assert find_day_month(text, 2019).isoformat() == iso


def test_a_range_without_its_year_in_the_datelines_year():
    (found,) = find_dates_in_year("On 3 and 4 March, the Network gathered in Lima", 2016)
    assert (found.start.isoformat(), found.end.isoformat()) == ("2016-03-03", "2016-03-04")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00–15:15", ("14:00", "15:15")),
        ("9.30-11.00", ("09:30", "11:00")),
        ("2:00 pm – 3:15 pm", ("14:00", "15:15")),
        ("14h00-15h15", ("14:00", "15:15")),
        ("11 am to 1 pm", ("11:00", "13:00")),
        ("0930-1045", ("09:30", "10:45")),
        ("1400-1530 hrs", ("14:00", "15:30")),
        ("When: 0930-1045", ("09:30", "10:45")),
        ("de 9h00 à 11h00", ("09:00", "11:00")),
        ("9h-10h30", ("09:00", "10:30")),
        ("12 noon - 2 pm", ("12:00", "14:00")),
        ("10:45 AM – 12:00 NN", ("10:45", "12:00")),
        ("speak for 5-6 minutes", None),
        ("2015-09-21", None),
        ("Work plan 2019-2020", None),
    ],
)
def test_time_ranges(text, expected):
    found = find_time_range(text)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.15 Opening remarks", "10:15"),
        ("09.00   Registration and tea", "09:00"),
        ("9 a.m. Welcome", "09:00"),
        ("0930 Panel", "09:30"),
        ("11h30 Pause café", "11:30"),
        ("12 noon Lunch", "12:00"),
        ("1.1 Background", None),  # a section number
        ("2019 was a year", None),  # a year
        ("Opening remarks at 10.15", None),  # not at the start
    ],
)
def test_start_times_of_agenda_lines(text, expected):
    found = find_start_time(text)
    assert (found[0] if found else None) == expected
