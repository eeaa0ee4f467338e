"""Workshop mode in AppTest: off by default (no Workshop or Vote page at all); a signed-in
facilitator opens a workshop on the meeting's key points; a participant joins by the code,
votes, changes the vote, comments; the facilitator sees the totals, approves the comment,
closes and exports; in English and in Spanish."""

from __future__ import annotations

import csv
import io

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import APP, download, no_exceptions
from twg_data.pages import VOTE, WORKSHOP
from twg_data.ui.facilitator import SECRET_ENV
from twg_data.workshop import store as ws

SECRET = "room with a view"


@pytest.fixture
def workshop_mode(twg_env, tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.setenv(ws.ENV, str(tmp_path / "workshop.sqlite3"))
    return tmp_path / "workshop.sqlite3"


def app(**query: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def facilitator(lang: str | None = None) -> AppTest:
    at = app(facilitator="", **({"lang": lang} if lang else {}))
    at.sidebar.text_input(key="facilitator_secret_entered").input(SECRET)
    at = at.sidebar.form_submit_button[0].click().run()
    return at.switch_page(WORKSHOP.file).run()


def page_known(at: AppTest, spec) -> bool:
    try:
        at.switch_page(spec.file)
    except ValueError:
        return False
    return True


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def submit(at: AppTest, label: str):
    return next(b for b in at.get("form_submit_button") if b.label == label)


def test_with_workshop_mode_off_neither_page_exists(twg_env):
    at = app(facilitator="")
    no_exceptions(at)
    assert not page_known(at, WORKSHOP) and not page_known(at, VOTE)
    assert not at.sidebar.text_input  # no sign-in form: nothing says workshops exist


def test_a_wrong_secret_is_refused_and_the_workshop_page_stays_locked(workshop_mode):
    at = app(facilitator="")
    at.sidebar.text_input(key="facilitator_secret_entered").input("guess")
    at = at.sidebar.form_submit_button[0].click().run()
    assert [e.value for e in at.sidebar.error] == ["Wrong secret: not signed in."]
    assert not page_known(at, WORKSHOP)  # only its address, which says how to sign in
    assert page_known(at, VOTE)  # participants' page: reached by the code


def open_workshop(at: AppTest, title: str, open_label: str) -> ws.Workshop:
    at.text_input[0].input(title)
    at = submit(at, open_label).click().run()
    no_exceptions(at)
    (workshop,) = ws.open_store().workshops()
    return at, workshop


@pytest.mark.parametrize(
    "lang, labels",
    [
        (
            None,
            (
                "Open the workshop",
                "Open voting",
                "Send my vote",
                "Send the comment",
                "Close voting",
            ),
        ),
        (
            "es",
            (
                "Abrir el taller",
                "Abrir la votación",
                "Enviar mi voto",
                "Enviar el comentario",
                "Cerrar la votación",
            ),
        ),
    ],
)
def test_a_workshop_from_opening_to_export(workshop_mode, media, lang, labels):
    open_label, voting_label, vote_label, comment_label, close_label = labels
    host = facilitator(lang)
    no_exceptions(host)
    host, workshop = open_workshop(host, "Room <b>A</b>", open_label)
    assert any(workshop.code in m.value for m in host.markdown)
    assert host.get("imgs") or host.get("image"), "the QR code is shown"
    host = button(host, voting_label).click().run()
    assert ws.open_store().workshop(workshop.id).status == "open"

    guest = app(code=workshop.code.lower(), **({"lang": lang} if lang else {}))
    guest = guest.switch_page(VOTE.file).run()
    no_exceptions(guest)
    first = guest.number_input[0]
    first.set_value(3)
    guest = submit(guest, vote_label).click().run()
    no_exceptions(guest)
    assert guest.success, [e.value for e in guest.error]
    guest.number_input[0].set_value(2)
    guest.number_input[1].set_value(3)
    guest = submit(guest, vote_label).click().run()
    guest = submit(guest, vote_label).click().run()  # a replay
    totals = ws.open_store().totals(workshop.id)
    assert [t[1] for t in totals[:2]] == [2, 3] and sum(t[1] for t in totals) == 5
    guest.text_area[0].input("**bold** <script>x</script>")
    guest = submit(guest, comment_label).click().run()
    no_exceptions(guest)
    assert "bold" not in " ".join(m.value for m in guest.markdown if "script" in m.value)

    host = host.run()
    no_exceptions(host)
    assert any("script" in m.value for m in host.markdown), "the pending comment is shown"
    host = host.button(key=next(b.key for b in host.button if b.key and "approve_" in b.key))
    host = host.click().run()
    assert [c.text for c in ws.open_store().comments(workshop.id)] == [
        "**bold** <script>x</script>"
    ]
    host = host.checkbox[0].check().run()
    host = button(host, close_label).click().run()
    no_exceptions(host)
    assert ws.open_store().workshop(workshop.id).status == "closed"
    data = media.data(download(host, "Download" if not lang else "Descargar"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r[2] for r in rows[1:]} == {"point", "vote", "comment"}
    assert any("<script>x</script>" in r[4] for r in rows if r[2] == "comment")

    guest = guest.run()
    no_exceptions(guest)
    assert guest.warning, "the participant is told voting is closed"


def guest_page(code: str, lang: str | None = None) -> AppTest:
    at = app(code=code, **({"lang": lang} if lang else {}))
    return at.switch_page(VOTE.file).run()


def workshop_in_store(method: str = "dots", opened: bool = True) -> ws.Workshop:
    store = ws.open_store()
    refs = ["twg-2015-bogota/commonality-1", "twg-2015-bogota/commonality-2"]
    found = store.create(
        meeting_id="twg-2015-bogota", title="Room B", method=method, dots=3, refs=refs
    )
    if opened:
        store.open_voting(found.id)
    return found


@pytest.mark.parametrize(
    "code, said",
    [
        ("ZZZZ-ZZZZ", "No workshop has this code"),
        ("<img src=x>", "No workshop has this code"),
    ],
)
def test_a_code_that_names_no_workshop_is_refused_with_a_message(workshop_mode, code, said):
    at = guest_page(code)
    no_exceptions(at)
    assert [e.value for e in at.error] and said in at.error[0].value
    assert not at.number_input and not at.radio


def test_an_expired_code_is_refused_with_a_message(workshop_mode):
    store = ws.open_store()
    found = store.create(
        meeting_id="twg-2015-bogota",
        title="Old",
        method="dots",
        dots=3,
        refs=["twg-2015-bogota/commonality-1"],
        lifetime=-1,
    )
    at = guest_page(found.code)
    no_exceptions(at)
    assert "expired" in at.error[0].value


def test_priorities_from_one_to_five_are_voted_in_spanish(workshop_mode):
    found = workshop_in_store(method="priority")
    at = guest_page(found.code, "es")
    no_exceptions(at)
    assert at.radio[0].options == ["Sin prioridad", "1", "2", "3", "4", "5"]
    at.radio[0].set_value("5")
    at.radio[1].set_value("2")
    at = submit(at, "Enviar mi voto").click().run()
    no_exceptions(at)
    assert [t[1] for t in ws.open_store().totals(found.id)] == [5, 2]


def test_more_dots_than_given_are_refused_with_a_message_and_nothing_recorded(workshop_mode):
    found = workshop_in_store()
    at = guest_page(found.code)
    at.number_input[0].set_value(3)
    at.number_input[1].set_value(1)
    at = submit(at, "Send my vote").click().run()
    no_exceptions(at)
    assert "more dots than you have" in at.error[0].value
    assert ws.open_store().voters(found.id) == 0


@pytest.mark.parametrize(
    "text, said",
    [("x" * 100_000, "under 500 characters"), ("bell\x07", "control characters")],
)
def test_a_comment_that_cannot_be_shown_is_refused_with_a_message(workshop_mode, text, said):
    found = workshop_in_store()
    at = guest_page(found.code)
    at.text_area[0].input(text)
    at = submit(at, "Send the comment").click().run()
    no_exceptions(at)
    assert said in at.error[0].value
    assert ws.open_store().comments(found.id, "pending") == []


def test_participants_see_a_comment_only_once_approved(workshop_mode):
    found = workshop_in_store()
    store = ws.open_store()
    token = store.join(found.id)
    waiting = store.add_comment(found.id, token, "Not yet approved")
    at = guest_page(found.code)
    assert "Not yet approved" not in " ".join(m.value for m in at.markdown)
    store.decide(waiting, approved=True)
    at = at.run()
    assert "Not yet approved" in " ".join(m.value for m in at.markdown)


def test_in_a_closed_workshop_the_participant_cannot_vote_or_comment(workshop_mode):
    found = workshop_in_store()
    ws.open_store().close_voting(found.id)
    at = guest_page(found.code)
    no_exceptions(at)
    assert "Voting is closed" in at.warning[0].value
    assert submit(at, "Send my vote").disabled
    assert not at.text_area  # no comment form
    assert not [b for b in at.button if "Close" in b.label]  # nothing closes voting here


def test_a_point_raised_in_the_room_is_added_and_shown_to_participants_literally(workshop_mode):
    host = facilitator()
    found = workshop_in_store()
    host = host.run()
    host.selectbox(key="workshop_chosen").set_value(f"{found.title} · {found.code}").run()
    host.text_input[0].input("**Lighting** <b>now</b>")
    host = submit(host, "Add the point").click().run()
    no_exceptions(host)
    assert [p.source for p in ws.open_store().points(found.id)] == ["report", "report", "room"]
    at = guest_page(found.code)
    shown = " ".join(m.value for m in at.markdown)
    assert "\\*\\*Lighting\\*\\*" in shown and "&lt;b>now" in shown


def test_wrong_codes_make_the_next_look_up_wait_longer_and_longer(workshop_mode, monkeypatch):
    from twg_data.ui import workshop_room

    now = [1_780_000_000.0]
    monkeypatch.setattr(workshop_room, "clock", lambda: now[0])
    at = guest_page("ZZZZ-ZZZ2")
    at = at.run()  # the same wrong code again: not counted again
    for code in ("ZZZZ-ZZZ3", "ZZZZ-ZZZ4"):
        at.text_input(key="workshop_code_typed").input(code)
        at = submit(at, "Join").click().run()
    assert "try again in 1 s" in at.error[0].value
    found = workshop_in_store()
    at.text_input(key="workshop_code_typed").input(found.code)
    at = submit(at, "Join").click().run()
    assert "try again" in at.error[0].value  # not even looked up during the wait
    now[0] += 2
    at = at.run()
    no_exceptions(at)
    assert not at.error and at.number_input


def test_the_export_holds_the_votes_as_they_are_when_clicked(workshop_mode, media):
    found = workshop_in_store()
    host = facilitator()
    host.selectbox(key="workshop_chosen").set_value(f"{found.title} · {found.code}").run()
    button_ = download(host, "Download the results")
    store = ws.open_store()
    token = store.join(found.id)
    store.submit(found.id, token, {"twg-2015-bogota/commonality-2": 3})  # after the page ran
    rows = list(csv.reader(io.StringIO(media.data(button_).decode("utf-8-sig"))))
    header = rows[0]
    points = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[2] == "point"]
    assert [(p["point_id"], p["value"], p["voters"]) for p in points] == [
        ("twg-2015-bogota/commonality-1", "0", "0"),
        ("twg-2015-bogota/commonality-2", "3", "1"),
    ]


def test_the_agenda_brief_offers_the_meetings_workshops_and_carries_the_chosen_one(
    workshop_mode, media
):
    found = workshop_in_store()
    store = ws.open_store()
    store.submit(found.id, store.join(found.id), {"twg-2015-bogota/commonality-2": 3})
    at = app().switch_page("pages/agenda_brief_page.py").run()
    no_exceptions(at)
    brief = " ".join(m.value for m in at.markdown)
    assert "Workshop priorities" not in brief  # none chosen: the brief as always
    choice = next(s for s in at.selectbox if s.label == "Workshop priorities")
    at = choice.set_value(next(o for o in choice.options if found.code in o)).run()
    no_exceptions(at)
    brief = " ".join(m.value for m in at.markdown)
    assert "## Workshop priorities" in brief
    assert "Relationships and proximity: 3 dots from 1 participant" in brief


def test_without_workshop_mode_the_agenda_brief_offers_no_workshop(twg_env):
    at = app().switch_page("pages/agenda_brief_page.py").run()
    no_exceptions(at)
    assert not [s for s in at.selectbox if s.label == "Workshop priorities"]
