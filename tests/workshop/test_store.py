"""The workshop store, on SQLite and on PostgreSQL alike: the schema is the app's, a vote is
counted once however often it is sent, nothing is lost on a restart, closing is final, and
participants' text is kept as typed or refused with a reason."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from twg_data.workshop import codes, migrations
from twg_data.workshop import store as ws
from twg_data.workshop.store import WorkshopError

START = datetime(2026, 5, 28, 9, 0, tzinfo=UTC)
REFS = ["twg-2015-bogota/commonality-1", "twg-2015-bogota/difference-1", "twg-2015-bogota/how"]


def new_workshop(store, method="dots", dots=5, now=START, opened=True):
    workshop = store.create(
        meeting_id="twg-2015-bogota", title="Room A", method=method, dots=dots, refs=REFS, now=now
    )
    if opened:
        store.open_voting(workshop.id)
    return workshop


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(WorkshopError) as error:
        call(*args, **kwargs)
    return error.value.reason


def test_the_schema_is_created_at_the_latest_version_and_reopening_applies_nothing(
    workshop_address,
):
    first = ws.open_store(workshop_address)
    assert first.version() == migrations.latest()
    first.close()
    again = ws.open_store(workshop_address)
    assert again.version() == migrations.latest()
    again.close()


def test_servers_opening_a_new_database_at_once_migrate_it_once(workshop_address):
    errors: list[Exception] = []

    def open_it():
        try:
            ws.open_store(workshop_address).close()
        except Exception as error:  # noqa: BLE001 (collected and asserted below)
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = ws.open_store(workshop_address)
    with store._transaction() as run:
        assert run("SELECT COUNT(*) FROM schema_version")[0][0] == migrations.latest()
    store.close()


def test_a_workshop_is_found_by_its_code_as_typed_on_a_phone_until_it_expires(store):
    workshop = new_workshop(store)
    assert codes.normalise_code(workshop.code) == workshop.code
    typed = workshop.code.lower().replace("-", " ")
    assert store.by_code(typed, now=START).id == workshop.id
    later = START + timedelta(seconds=codes.LIFETIME_SECONDS + 1)
    assert refused(store.by_code, workshop.code, now=later) == ws.EXPIRED
    assert refused(store.by_code, "ABCD-EFGH", now=START) == ws.UNKNOWN
    assert refused(store.by_code, "<script>", now=START) == ws.UNKNOWN


def test_codes_are_long_random_and_never_reused():
    drawn = {codes.new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    assert all(len(code) == 9 and code[4] == "-" for code in drawn)
    assert len(codes.ALPHABET) ** codes.CODE_LENGTH > 10**11


def test_a_replayed_ballot_is_counted_once_and_a_changed_one_replaces_the_old(store):
    workshop = new_workshop(store)
    token = store.join(workshop.id)
    ballot = {REFS[0]: 3, REFS[1]: 2}
    for _ in range(3):
        store.submit(workshop.id, token, ballot)
    assert store.totals(workshop.id) == [(REFS[0], 3, 1), (REFS[1], 2, 1), (REFS[2], 0, 0)]
    store.submit(workshop.id, token, {REFS[2]: 5})
    assert store.totals(workshop.id) == [(REFS[0], 0, 0), (REFS[1], 0, 0), (REFS[2], 5, 1)]
    assert store.ballot(workshop.id, token) == {REFS[2]: 5}
    assert store.voters(workshop.id) == 1


@pytest.mark.parametrize(
    "method, ballot, reason",
    [
        ("dots", {REFS[0]: 4, REFS[1]: 2}, ws.TOO_MANY_DOTS),
        ("dots", {REFS[0]: -1}, ws.BAD_VALUE),
        ("dots", {"someone-else/point": 1}, ws.BAD_POINT),
        ("priority", {REFS[0]: 6}, ws.BAD_VALUE),
        ("priority", {REFS[0]: True}, ws.BAD_VALUE),
    ],
)
def test_a_ballot_the_method_does_not_allow_is_refused_and_changes_nothing(
    store, method, ballot, reason
):
    workshop = new_workshop(store, method=method)
    token = store.join(workshop.id)
    store.submit(workshop.id, token, {REFS[0]: 1})
    assert refused(store.submit, workshop.id, token, ballot) == reason
    assert store.ballot(workshop.id, token) == {REFS[0]: 1}


def test_priorities_from_one_to_five_are_summed_per_point(store):
    workshop = new_workshop(store, method="priority")
    for values in ([5, 1, 3], [4, 0, 3]):
        token = store.join(workshop.id)
        store.submit(workshop.id, token, dict(zip(REFS, values, strict=True)))
    assert store.totals(workshop.id) == [(REFS[0], 9, 2), (REFS[1], 1, 1), (REFS[2], 6, 2)]


def test_nobody_votes_before_voting_opens_after_it_closes_or_without_joining(store):
    workshop = new_workshop(store, opened=False)
    token = store.join(workshop.id)
    assert refused(store.submit, workshop.id, token, {REFS[0]: 1}) == ws.NOT_OPEN
    store.open_voting(workshop.id)
    assert refused(store.submit, workshop.id, "a made-up token", {REFS[0]: 1}) == ws.NOT_JOINED
    store.submit(workshop.id, token, {REFS[0]: 1})
    store.close_voting(workshop.id)
    assert refused(store.submit, workshop.id, token, {REFS[0]: 5}) == ws.CLOSED
    assert refused(store.open_voting, workshop.id) == ws.CLOSED
    assert refused(store.add_comment, workshop.id, token, "late") == ws.CLOSED
    store.close_voting(workshop.id)  # closing again changes nothing
    assert store.workshop(workshop.id).status == "closed"
    assert store.totals(workshop.id)[0] == (REFS[0], 1, 1)


def test_a_restart_loses_no_vote(workshop_address):
    store = ws.open_store(workshop_address)
    workshop = new_workshop(store)
    tokens = [store.join(workshop.id) for _ in range(5)]
    for token in tokens:
        store.submit(workshop.id, token, {REFS[0]: 2, REFS[2]: 3})
    store.close()
    reopened = ws.open_store(workshop_address)
    assert reopened.totals(workshop.id) == [(REFS[0], 10, 5), (REFS[1], 0, 0), (REFS[2], 15, 5)]
    reopened.submit(workshop.id, tokens[0], {REFS[1]: 1})  # the token still counts
    assert reopened.voters(workshop.id) == 5
    reopened.close()


def test_participants_voting_at_once_are_each_counted_exactly(store):
    workshop = new_workshop(store)
    tokens = [store.join(workshop.id) for _ in range(12)]
    errors: list[Exception] = []

    def vote(token):
        try:
            for i in range(4):  # changes, then the final ballot twice (a replay)
                store.submit(workshop.id, token, {REFS[i % 3]: 5})
            store.submit(workshop.id, token, {REFS[0]: 2, REFS[1]: 3})
            store.submit(workshop.id, token, {REFS[0]: 2, REFS[1]: 3})
        except Exception as error:  # noqa: BLE001 (collected and asserted below)
            errors.append(error)

    threads = [threading.Thread(target=vote, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.totals(workshop.id) == [(REFS[0], 24, 12), (REFS[1], 36, 12), (REFS[2], 0, 0)]


def test_a_comment_is_shown_only_once_approved_and_a_rejected_one_never(store):
    workshop = new_workshop(store)
    token = store.join(workshop.id)
    kept = store.add_comment(workshop.id, token, "Keep the focus on youth")
    dropped = store.add_comment(workshop.id, token, "Off topic")
    assert store.comments(workshop.id) == []
    assert [c.text for c in store.comments(workshop.id, "pending")] == [
        "Keep the focus on youth",
        "Off topic",
    ]
    store.decide(kept, approved=True)
    store.decide(dropped, approved=False)
    store.decide(dropped, approved=True)  # a decision is final
    assert [c.text for c in store.comments(workshop.id)] == ["Keep the focus on youth"]


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script><b>bold</b>",
        "**loud** [link](http://example.com) ![img](x.png) :material/home: $x$",
        "# heading\n> quote\n- item",
    ],
)
def test_a_comment_with_markup_is_kept_exactly_as_typed(store, text):
    workshop = new_workshop(store)
    token = store.join(workshop.id)
    store.decide(store.add_comment(workshop.id, token, text), approved=True)
    assert [c.text for c in store.comments(workshop.id)] == [text]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("x" * 100_000, "too_long"),
        ("bell\x07 and null\x00", "control"),
        ("right-to-left override \u202e", "control"),
        ("   \n ", "empty"),
    ],
)
def test_a_comment_that_cannot_be_shown_as_typed_is_refused_with_its_reason(store, text, reason):
    workshop = new_workshop(store)
    token = store.join(workshop.id)
    assert refused(store.add_comment, workshop.id, token, text) == reason
    assert store.comments(workshop.id, "pending") == []


def test_a_point_raised_in_the_room_is_kept_apart_from_the_reports_points(store):
    workshop = new_workshop(store)
    point_id = store.add_room_point(workshop.id, "Street lighting <b>now</b>")
    points = store.points(workshop.id)
    assert [(p.point_id, p.source, p.text) for p in points] == [
        (REFS[0], "report", ""),
        (REFS[1], "report", ""),
        (REFS[2], "report", ""),
        (point_id, "room", "Street lighting <b>now</b>"),
    ]
    token = store.join(workshop.id)
    store.submit(workshop.id, token, {point_id: 5})
    assert store.totals(workshop.id)[-1] == (point_id, 5, 1)


def test_one_participants_ballots_sent_at_once_never_mix_into_too_many_dots(store):
    workshop = new_workshop(store)
    token = store.join(workshop.id)
    ballots = [{REFS[i % 3]: 5} for i in range(30)]
    errors: list[Exception] = []

    def send(ballot):
        try:
            store.submit(workshop.id, token, ballot)
        except Exception as error:  # noqa: BLE001 (collected and asserted below)
            errors.append(error)

    threads = [threading.Thread(target=send, args=(b,)) for b in ballots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    recorded = store.ballot(workshop.id, token)
    assert len(recorded) == 1 and sum(recorded.values()) == 5


def test_no_vote_lands_after_closing_even_while_participants_keep_sending(store):
    workshop = new_workshop(store)
    tokens = [store.join(workshop.id) for _ in range(8)]
    refused_after: list[str] = []
    stop = threading.Event()

    def keep_voting(token, n):
        i = 0
        while not stop.is_set():
            try:
                store.submit(workshop.id, token, {REFS[(n + i) % 3]: 1 + i % 5})
            except WorkshopError as error:
                refused_after.append(error.reason)
                return
            i += 1

    threads = [threading.Thread(target=keep_voting, args=(t, n)) for n, t in enumerate(tokens)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    store.close_voting(workshop.id)
    at_close = store.votes(workshop.id)
    time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()
    assert store.votes(workshop.id) == at_close  # frozen at the close
    assert refused_after and set(refused_after) == {ws.CLOSED}
