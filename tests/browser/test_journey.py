"""A new hire walks the welcome journey: ticks steps, and puts the journey in a calendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser

WELCOME = "campaigns/welcome/"


def test_ticked_steps_stay_ticked_after_a_reload(page: Any) -> None:
    page.goto(WELCOME)
    boxes = page.locator("[data-bh-step]")
    assert boxes.count() >= 8
    page.get_by_role("checkbox", name="Done: How we talk").check()
    boxes.nth(3).check()
    page.get_by_text("2 of").wait_for()
    page.reload()
    assert page.get_by_role("checkbox", name="Done: How we talk").is_checked()
    assert boxes.nth(3).is_checked() and not boxes.nth(0).is_checked()
    assert page.locator("[data-bh-progress]").inner_text().startswith("2 of ")


def test_the_start_date_gives_a_calendar_with_one_event_per_step(page: Any) -> None:
    page.goto(WELCOME)
    days = [
        int(d)
        for d in page.locator("[data-bh-day]").evaluate_all(
            "steps => steps.map(s => s.getAttribute('data-bh-day'))"
        )
    ]
    titles = page.locator("[data-bh-day]").evaluate_all(
        "steps => steps.map(s => s.getAttribute('data-bh-title'))"
    )
    page.get_by_label("Your first day").fill("2027-01-25")
    with page.expect_download() as download:
        page.locator("[data-bh-calendar-form]").get_by_role(
            "button", name="Add to my calendar"
        ).click()
    raw = Path(download.value.path()).read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [
        date(2027, 1, 25) + timedelta(days=d) for d in days
    ]
    assert [str(e["summary"]) for e in events] == titles
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_steps_before_day_one_are_on_the_days_before_the_start_date(page: Any) -> None:
    page.goto(WELCOME)
    journey = page.locator("[data-bh-journey]")
    assert journey.locator(".bh-step__day").first.inner_text() == "2 weeks before"
    assert "Your buddy: Javier Molina" in journey.inner_text()
    page.get_by_label("Your first day").fill("2027-03-01")
    with page.expect_download() as download:
        page.locator("[data-bh-calendar-form]").get_by_role(
            "button", name="Add to my calendar"
        ).click()
    events = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
    early = {str(e["summary"]): e.decoded("dtstart") for e in events[:5]}
    assert early == {
        "You said yes: welcome aboard": date(2027, 2, 15),
        "Alcor in ten minutes": date(2027, 2, 22),
        "Pack for day one": date(2027, 2, 26),  # three days before, over February's end
        "A message from your buddy": date(2027, 2, 28),
        "Welcome, and meet your buddy in person": date(2027, 3, 1),
    }
    assert events[3].decoded("dtend") == date(2027, 3, 1)  # all day, the day before


def test_messages_filter_by_audience(page: Any) -> None:
    page.goto("messages/")
    all_items = page.locator("[data-bh-audiences]:visible").count()
    page.get_by_role("button", name="Press").click()
    shown = page.locator("[data-bh-audiences]:visible")
    assert 0 < shown.count() < all_items
    for audiences in shown.evaluate_all("els => els.map(e => e.dataset.bhAudiences)"):
        assert "press" in audiences.split("|")
    page.get_by_role("button", name="All audiences").click()
    assert page.locator("[data-bh-audiences]:visible").count() == all_items


def test_a_calendar_from_a_tampered_page_has_only_its_own_lines(page: Any) -> None:
    """What the check refuses (a link with a line break, a step millions of days on) cannot
    reach the calendar either, and the first day of year 1 stays in year 1."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(WELCOME)
    # Pre-boarding steps fall before the year 1 with this start date, and are left out too.
    early = page.locator("[data-bh-day^='-']").count()
    page.locator("[data-bh-day]").evaluate_all(
        """all => {
          const steps = all.filter(s => Number(s.getAttribute('data-bh-day')) >= 0);
          steps[0].setAttribute('data-bh-url', 'https://a.example/\\r\\nATTENDEE:mailto:x@a.example');
          steps[0].setAttribute('data-bh-title', 'Two\\rlines');
          steps[1].setAttribute('data-bh-day', '1000000000000');
          steps[2].setAttribute('data-bh-day', '3000000');
        }"""
    )
    count = page.locator("[data-bh-day]").count()
    page.get_by_label("Your first day").fill("0001-01-01")
    with page.expect_download() as download:
        page.locator("[data-bh-calendar-form]").get_by_role(
            "button", name="Add to my calendar"
        ).click()
    raw = Path(download.value.path()).read_bytes()
    assert b"ATTENDEE" not in raw  # the link is left out: a URI cannot be escaped
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert early > 0 and len(events) == count - 2 - early
    assert events[0].decoded("dtstart") == date(1, 1, 1)
    assert str(events[0]["summary"]) == "Two\nlines"
    assert "url" not in events[0]
    assert errors == []
