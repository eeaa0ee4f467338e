"""Curator sign-in resists guessing: after the first wrong secret each session and each client
address waits longer and longer (0, 1, 2, 4, ... 300 s) before its next secret is even
checked, the form says when to try again, and every refusal is logged with its time and the
client's address."""

from __future__ import annotations

import logging

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import APP
from twg_data.ui import guesses
from twg_data.ui import sign_in as signing
from twg_data.ui.curator import SECRET_ENV

SECRET = "correct horse battery staple"
START = 1_780_000_000.0  # 2026-05-28T20:26:40+00:00


@pytest.fixture
def now(twg_env, monkeypatch) -> list[float]:
    """The time the sign-in sees (moved by the test), a fresh memory of wrong secrets, curator
    mode on, and every check counted in `now.checks`."""
    clock = [START]
    monkeypatch.setattr(signing, "clock", lambda: clock[0])
    monkeypatch.setenv(SECRET_ENV, SECRET)
    checked = []
    original = signing.matches
    monkeypatch.setattr(
        signing,
        "matches",
        lambda secret, entered: checked.append(entered) or original(secret, entered),
    )
    guesses.ADDRESSES.clear()
    yield clock, checked
    guesses.ADDRESSES.clear()


def signed_out_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["curator"] = ""
    return at.run()


def sign_in(at: AppTest, secret: str) -> AppTest:
    at.sidebar.text_input(key="curator_secret_entered").input(secret)
    return at.sidebar.form_submit_button[0].click().run()


def signed_in(at: AppTest) -> bool:
    return "_curator_signed_in" in at.session_state and at.session_state["_curator_signed_in"]


def said(at: AppTest) -> list[str]:
    return [e.value for e in at.sidebar.error] + [w.value for w in at.sidebar.warning]


def test_the_wait_doubles_from_one_second_and_stops_at_five_minutes():
    assert [guesses.wait_after(n) for n in range(1, 13)] == [
        0,
        1,
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        256,
        300,
        300,
    ]


def test_after_wrong_secrets_the_next_is_not_checked_until_the_wait_is_over(now):
    clock, checked = now
    at = sign_in(signed_out_app(), "guess 1")
    assert said(at) == ["Wrong secret: not signed in."]  # the first: no wait
    at = sign_in(at, "guess 2")
    assert said(at) == [
        "Wrong secret: not signed in.",
        "After several wrong secrets, the next one is checked in 1 s.",
    ]
    at = sign_in(at, SECRET)  # the right one, but too soon: not even checked
    assert said(at) == ["Not checked: after several wrong secrets, try again in 1 s."]
    assert checked == ["guess 1", "guess 2"]
    assert not signed_in(at)
    clock[0] += 1
    at = sign_in(at, SECRET)
    assert checked == ["guess 1", "guess 2", SECRET]
    assert signed_in(at)
    assert said(at) == []


def test_the_waits_grow_with_each_wrong_secret_checked(now):
    clock, checked = now
    at = signed_out_app()
    waits = []
    for attempt in range(6):
        at = sign_in(at, f"guess {attempt}")
        until = at.session_state["_curator_failures"]
        waits.append(until.wait(clock[0]))
        clock[0] += waits[-1]  # the curator waits exactly as long as asked
    assert waits == [0, 1, 2, 4, 8, 16]
    assert len(checked) == 6


def test_a_new_session_from_the_same_address_waits_too_another_address_does_not(now, monkeypatch):
    clock, checked = now
    monkeypatch.setattr(signing, "client_address", lambda: "203.0.113.7")
    first = signed_out_app()
    for attempt in range(4):  # waits 0, 1, 2: then 4 s before the next check
        first = sign_in(first, f"guess {attempt}")
        clock[0] += guesses.wait_after(attempt + 1)
    clock[0] -= guesses.wait_after(4)
    assert len(checked) == 4
    again = sign_in(signed_out_app(), SECRET)  # a reload: a new session, the same address
    assert said(again) == ["Not checked: after several wrong secrets, try again in 4 s."]
    assert len(checked) == 4
    monkeypatch.setattr(signing, "client_address", lambda: "198.51.100.20")
    elsewhere = sign_in(signed_out_app(), SECRET)
    assert signed_in(elsewhere)


def test_every_refusal_is_logged_with_the_time_and_the_client_address(now, monkeypatch, caplog):
    clock, _checked = now
    monkeypatch.setattr(signing, "client_address", lambda: "203.0.113.7")
    at = signed_out_app()
    with caplog.at_level(logging.INFO, logger="twg_data.curator"):
        at = sign_in(sign_in(sign_in(at, "guess 1"), "guess 2"), SECRET)
        clock[0] += 1
        sign_in(at, SECRET)
    lines = [r.getMessage() for r in caplog.records if r.name == "twg_data.curator"]
    assert lines == [
        "curator sign-in refused: wrong secret (time=2026-05-28T20:26:40+00:00, "
        "client=203.0.113.7, wrong in a row: 1 in this session, 1 from this address; "
        "next check in 0 s)",
        "curator sign-in refused: wrong secret (time=2026-05-28T20:26:40+00:00, "
        "client=203.0.113.7, wrong in a row: 2 in this session, 2 from this address; "
        "next check in 1 s)",
        "curator sign-in not checked: too soon after wrong secrets "
        "(time=2026-05-28T20:26:40+00:00, client=203.0.113.7, checked again in 1 s)",
        "curator signed in (time=2026-05-28T20:26:41+00:00, client=203.0.113.7)",
    ]
    assert all(r.levelno == logging.WARNING for r in caplog.records[:3])
    assert SECRET not in caplog.text and "guess" not in caplog.text


def test_a_connection_from_this_machine_is_logged_as_local(now, caplog):
    with caplog.at_level(logging.WARNING, logger="twg_data.curator"):
        sign_in(signed_out_app(), "guess")
    assert "client=local," in caplog.text


def test_wrong_secrets_are_forgotten_an_hour_after_the_last():
    failures = guesses.Failures().one_more(0).one_more(1).one_more(3)
    assert failures.wait(3) == 2
    assert failures.wait(3 + guesses.FORGET_AFTER) == 0
    assert failures.one_more(3 + guesses.FORGET_AFTER).count == 1


def test_the_memory_of_addresses_is_bounded_forgetting_the_least_recent():
    addresses = guesses.Addresses(limit=3)
    for number in range(5):
        addresses.failed(f"192.0.2.{number}", now=float(number))
    assert len(addresses) == 3
    assert addresses.get("192.0.2.0").count == 0  # forgotten
    assert addresses.get("192.0.2.4").count == 1
