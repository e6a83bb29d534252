"""Calendars (RFC 5545) for campaigns, written with the icalendar library.

An event or brand campaign gets one ``.ics`` with its dates. A welcome journey's calendar
depends on the new hire's start date, so the browser writes it (``brandhub.js``) from the
steps on the page; both use the same UID scheme, so a re-import updates instead of doubling.
Nothing here reads the clock: the same content gives the same bytes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from hub.model import Item

PRODID = "-//Brandhub//Brandhub hub//EN"


def _is_day(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)


def uid(item: Item, site_url: str, part: str = "") -> str:
    host = urlsplit(site_url).netloc or "brandhub"
    return f"{item.id or item.slug}{'-' + part if part else ''}@{host}"


def campaign_ics(item: Item, site_url: str, organisation: str) -> bytes | None:
    """The campaign as one calendar event, or None when it has no start date."""
    starts = item.starts
    if starts is None:
        return None
    ends = item.ends or starts
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{organisation}: {item.title}")
    event = Event()
    event.add("uid", uid(item, site_url))
    event.add("summary", item.title)
    event.add("description", f"{item.summary}\n{site_url.rstrip('/')}/{item.url}")
    event.add("url", f"{site_url.rstrip('/')}/{item.url}")
    if _is_day(starts) and _is_day(ends):
        event.add("dtstart", starts.date())
        event.add("dtend", ends.date() + timedelta(days=1))  # all-day ends are exclusive
    else:
        event.add("dtstart", starts)
        event.add("dtend", ends if ends > starts else starts + timedelta(hours=1))
    stamp = item.updated or item.date or starts
    event.add("dtstamp", stamp)
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def calendar_path(item: Item) -> str:
    return f"{item.url}{item.slug}.ics"
