"""Campaign calendars and the schedule that tells CI when to rebuild."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from icalendar import Calendar

from tests.conftest import Hub

EVENT = """---
title: "Open day; families, friends & neighbours"
summary: "A long summary that goes on, with commas, semicolons; and accents: camión, ñandú,
  día — to be folded across several lines of the calendar file."
date: 2026-10-01
id: open-day-2026
kind: event
starts: 2026-12-10
ends: 2026-12-12
hashtag: "#OpenDay"
---
Come and see.
"""


def test_an_event_calendar_follows_rfc_5545_and_keeps_its_uid(
    site: Callable[[str], Hub],
) -> None:
    hub = site("basic")
    hub.write("campaigns/open-day.md", EVENT)
    hub.build("--now", "2026-11-23T12:00")
    raw = (hub.site / "campaigns/open-day/open-day.ics").read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["summary"]) == "Open day; families, friends & neighbours"
    assert event.decoded("dtstart") == date(2026, 12, 10)
    assert event.decoded("dtend") == date(2026, 12, 13)  # the whole of the 12th
    assert str(event["uid"]) == "open-day-2026@hub.testorg.com"
    assert "camión, ñandú" in str(event["description"])
    page = hub.page("campaigns/open-day")
    assert 'href="open-day.ics" download>Add to my calendar' in page
    hub.build("--now", "2026-11-24T08:00")
    assert (hub.site / "campaigns/open-day/open-day.ics").read_bytes() == raw


def test_schedule_lists_what_changes_and_when(site: Callable[[str], Hub]) -> None:
    hub = site("basic")
    result = hub.run("schedule", "--now", "2026-11-23T12:00")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2027-03-01T09:00:00+01:00  publishes  content/stories/future-canary.md",
    ]
    assert hub.run("schedule", "--next", "--now", "2026-11-23T12:00").stdout == (
        "2027-03-01T09:00:00+01:00\n"
    )
    late = hub.run("schedule", "--now", "2028-01-01")
    assert late.stdout == "Nothing is scheduled: no future publication or expiry.\n"
    assert hub.run("schedule", "--next", "--now", "2028-01-01").stdout == ""
