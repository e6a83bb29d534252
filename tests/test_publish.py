"""The one publish rule, as a truth table around its edges."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hub.publish import State, next_change, state
from hub.schema import parse_moment
from tests.conftest import story

MADRID = ZoneInfo("Europe/Madrid")
DATE = datetime(2027, 3, 1, 9, 0, tzinfo=MADRID)
EXPIRES = datetime(2027, 6, 1, 0, 0, tzinfo=MADRID)
SECOND = timedelta(seconds=1)

BASE = story(date=DATE, expires=EXPIRES)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (DATE - SECOND, State.EMBARGOED),
        (DATE, State.PUBLIC),
        (DATE + SECOND, State.PUBLIC),
        (EXPIRES - SECOND, State.PUBLIC),
        (EXPIRES, State.EXPIRED),
        (EXPIRES + SECOND, State.EXPIRED),
    ],
)
def test_public_from_date_until_expires(now: datetime, expected: State) -> None:
    assert state(BASE, now) is expected


@pytest.mark.parametrize("now", [DATE - SECOND, DATE, EXPIRES + SECOND])
def test_a_draft_is_never_public(now: datetime) -> None:
    assert state(replace(BASE, draft=True), now) is State.DRAFT


def test_without_dates_an_item_is_public() -> None:
    assert state(replace(BASE, date=None, expires=None), DATE) is State.PUBLIC


def test_dates_without_offset_are_read_in_the_hub_time_zone() -> None:
    local = parse_moment("2027-03-01T09:00", MADRID)
    utc = parse_moment("2027-03-01T08:00:00+00:00", MADRID)
    assert local == utc == DATE
    assert parse_moment("2027-03-01", MADRID) == datetime(2027, 3, 1, tzinfo=MADRID)
    item = replace(BASE, date=local)
    assert state(item, utc - SECOND) is State.EMBARGOED
    assert state(item, utc) is State.PUBLIC


def test_next_change_is_the_next_publication_or_expiry() -> None:
    items = [
        BASE,
        replace(BASE, date=DATE + timedelta(days=1), expires=None),
        replace(BASE, draft=True, date=DATE - timedelta(days=1)),
    ]
    assert next_change(items, DATE - timedelta(days=2)) == DATE
    assert next_change(items, DATE) == DATE + timedelta(days=1)
    assert next_change(items, EXPIRES) is None
