"""A voting process for the fault test: `python -m tests.workshop.writer ADDRESS WORKSHOP_ID`
joins participant after participant and submits a ballot for each, printing (and flushing)
one line per acknowledged ballot: `token point value`. It runs until killed."""

from __future__ import annotations

import sys

from twg_data.workshop import store as ws


def main(address: str, workshop_id: str) -> None:
    store = ws.open_store(address)
    points = [p.point_id for p in store.points(workshop_id)]
    i = 0
    while True:
        token = store.join(workshop_id)
        point, value = points[i % len(points)], 1 + i % 5
        store.submit(workshop_id, token, {point: value})
        print(token, point, value, flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
