"""Digests out: what the hub published in a window, for e-mail, Slack and Teams.

A digest lists the items whose publication moment (``date``) falls in ``(start, now]`` and
that are public at ``now`` (the one publish rule, hub.publish): stories first, then key
messages, campaigns and snippets, newest first within each. Each item has its title, summary,
an absolute link with UTM tags (``utm_source=digest``, ``utm_medium`` the channel) and its
ready share posts, each version with the copy link the hub's Copy button gives.

Four renderings of one :class:`Digest`: an e-mail-ready HTML document (an autoescaping Jinja
template, ``hub/templates/digest/email.html``), plain text (its text part), a Slack Block Kit
payload and a Teams message with an Adaptive Card. Content is escaped for each: HTML by Jinja,
Slack's ``&``, ``<`` and ``>`` as Slack asks, and Teams' content goes in ``TextRun``\\ s,
which Adaptive Cards never read as Markdown.

Posting (:func:`post`) reads the webhook's address from an environment variable only; what
went out is kept in a state file in the cache folder (:class:`State`), so that an item is
never sent twice to one destination and a destination gets at most one digest a period.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hub import i18n
from hub import schema as s
from hub.feeds import FEED_KINDS, entry_id
from hub.i18n import _, n_
from hub.model import Hub, Item, Kind
from hub.problems import ContentError, Problem
from hub.publish import is_public
from hub.settings import Settings
from hub.share import COPY, campaign_of, compose, posts_for, tagged_link, with_utm

FORMATS = ("html", "text", "slack", "teams")
POSTABLE = ("slack", "teams")
MEDIUM = {"html": "email", "text": "email", "slack": "slack", "teams": "teams"}
SOURCE = "digest"  # utm_source of every link of a digest
ORDER = (Kind.STORY, Kind.MESSAGE, Kind.CAMPAIGN, Kind.SNIPPET)
HEADINGS = {kind: title for kind, title in FEED_KINDS.values()}

# Slack's limits (api.slack.com/reference/block-kit): blocks per message, characters of a
# section's text and of a header's.
SLACK_BLOCKS = 50
SLACK_SECTION = 3000
SLACK_HEADER = 150
# Teams refuses a webhook message over 28 KB; the card stays well under it.
TEAMS_BYTES = 24_000
TIMEOUT = 30  # seconds a webhook has to answer
_TICK = timedelta(microseconds=1)  # a window's first moment is just after its start
_DURATION = re.compile(r"(\d{1,4})\s*([hdw])")


# -- the window ---------------------------------------------------------------------------


def window_start(since: str, now: datetime, settings: Settings) -> datetime:
    """The start of the window ``--since`` names: ``7d``, ``12h``, ``2w`` or a date."""
    text = since.strip().lower()
    found = _DURATION.fullmatch(text)
    if found:
        amount, unit = int(found.group(1)), found.group(2)
        hours = {"h": 1, "d": 24, "w": 24 * 7}[unit] * amount
        if hours:
            return now - timedelta(hours=hours)
    try:
        start = s.parse_moment(since, settings.timezone)
    except s.Invalid:
        start = None
    if start is not None and len(text) == 10:
        start -= timedelta(microseconds=1)  # a day is in its own window: (start, now]
    if start is None or start >= now:
        raise ContentError(
            [
                Problem(
                    "--since",
                    None,
                    None,
                    _("'%(value)s' is not a period or a past date", value=since),
                    _("write 7d (days), 12h (hours), 2w (weeks) or a date such as 2026-11-01"),
                )
            ]
        )
    return start


# -- what a digest holds ------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    key: str  # the item's feed id: never changes with a rename (hub.feeds.entry_id)
    kind: Kind
    title: str
    summary: str
    link: str  # absolute, with the digest's UTM tags
    date: datetime
    posts: tuple[str, ...]  # every version of every share post, copy-ready: text and link


@dataclass(frozen=True)
class Section:
    heading: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Digest:
    title: str
    period: str  # "Published from … to …"
    start: datetime
    end: datetime
    home: str  # the hub's address, with the digest's UTM tags
    language: str
    entries: tuple[Entry, ...] = ()
    left_out: int = 0  # entries a channel had no room for (set by the renderings)
    already: int = 0  # items of the window left out because they were sent before

    @property
    def sections(self) -> list[Section]:
        return [
            Section(_(HEADINGS[kind]), tuple(e for e in self.entries if e.kind is kind))
            for kind in ORDER
            if any(e.kind is kind for e in self.entries)
        ]

    @property
    def empty_message(self) -> str:
        return _(
            "Nothing new was published on the hub from %(start)s to %(end)s.",
            start=i18n.format_date(self.start + _TICK),
            end=i18n.format_date(self.end),
        )


def in_window(item: Item, start: datetime, now: datetime) -> bool:
    """Published in ``(start, now]`` and public at ``now``."""
    return (
        item.kind in ORDER
        and item.date is not None
        and start < item.date <= now
        and is_public(item, now)
    )


def build(
    hub: Hub,
    settings: Settings,
    site_url: str,
    now: datetime,
    start: datetime,
    fmt: str,
    *,
    skip: Iterable[str] = (),
) -> Digest:
    """The digest of what ``hub`` published in ``(start, now]``, for the format ``fmt``;
    items whose key is in ``skip`` (already sent) are left out."""
    medium = MEDIUM[fmt]
    base = site_url.rstrip("/") + "/"
    skipped = set(skip)
    already = 0
    chosen = [i for i in hub.items if in_window(i, start, now)]
    chosen.sort(key=lambda i: (ORDER.index(i.kind), -(i.date or now).timestamp(), i.url))
    entries = []
    for item in chosen:
        key = entry_id(item, site_url)
        if key in skipped:
            already += 1
            continue
        posts = []
        for post in posts_for(item, settings, site_url):
            link = tagged_link(post, settings, COPY)
            for variant in range(len(post.texts)):
                posts.append(f"{compose(post, settings, None, variant)} {link}")
        entries.append(
            Entry(
                key=key,
                kind=item.kind,
                title=item.title or item.slug,
                summary=item.summary,
                link=with_utm(
                    base + item.url,
                    source=settings.utm_source.get(SOURCE, SOURCE),
                    medium=medium,
                    campaign=campaign_of(item, settings),
                    content=item.id or item.slug,
                ),
                date=item.date or now,
                posts=tuple(posts),
            )
        )
    home = with_utm(
        base,
        source=settings.utm_source.get(SOURCE, SOURCE),
        medium=medium,
        campaign=settings.utm_campaign,
        content="digest",
    )
    return Digest(
        title=_("What's new on %(organisation)s's hub", organisation=settings.organisation),
        period=_(
            "Published from %(start)s to %(end)s",
            start=i18n.format_date(start + _TICK),
            end=i18n.format_date(now),
        ),
        start=start,
        end=now,
        home=home,
        language=i18n.active().code,
        entries=tuple(entries),
        already=already,
    )


# -- renderings ---------------------------------------------------------------------------


def render(digest: Digest, fmt: str) -> tuple[str, Digest]:
    """The digest in ``fmt`` as text to print or post, and the digest as it went in (without
    the entries a channel had no room for)."""
    if fmt == "html":
        return html(digest), digest
    if fmt == "text":
        return text(digest), digest
    payload, shown = slack(digest) if fmt == "slack" else teams(digest)
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n", shown


def html(digest: Digest) -> str:
    from hub.render import Renderer

    template = Renderer().env.get_template("digest/email.html")
    return template.render(digest=digest)


def text(digest: Digest) -> str:
    lines = [digest.title, "=" * len(digest.title), digest.period, ""]
    for section in digest.sections:
        lines += [section.heading, "-" * len(section.heading), ""]
        for entry in section.entries:
            lines.append(f"* {entry.title}")
            if entry.summary:
                lines.append(f"  {entry.summary}")
            lines.append(f"  {_('Read more')}: {entry.link}")
            for post in entry.posts:
                lines.append(f"  {_('Ready to share')}:")
                lines += [f"    {line}" for line in post.splitlines() or [""]]
            lines.append("")
    lines.append(f"{_('Open the hub')}: {digest.home}")
    return "\n".join(lines) + "\n"


def slack_escape(value: str) -> str:
    """Text for Slack's mrkdwn: the three characters Slack asks to escape, escaped, so that
    content cannot make links or mentions (``<!channel>``)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(value: str, limit: int) -> str:
    """``value`` escaped for Slack, cut to at most ``limit`` characters without splitting
    an escape."""
    escaped = slack_escape(value)
    if len(escaped) <= limit:
        return escaped
    low, high = 0, len(value)  # the longest start of value whose escape leaves room for "…"
    while low < high:
        middle = (low + high + 1) // 2
        if len(slack_escape(value[:middle])) <= limit - 1:
            low = middle
        else:
            high = middle - 1
    return slack_escape(value[:low]) + "…"


def slack(digest: Digest) -> tuple[dict[str, Any], Digest]:
    """A Block Kit message: a header, then a section per kind, item and post; at most
    :data:`SLACK_BLOCKS` blocks, the entries that do not fit counted in a last section."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": digest.title[:SLACK_HEADER]}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(digest.period, 3000)}]},
    ]
    shown: list[Entry] = []
    room = SLACK_BLOCKS - 1  # the last block: what is left out, and the hub's link
    for section in digest.sections:
        heading = _section(f"*{_cut(section.heading, SLACK_SECTION - 2)}*")
        for number, entry in enumerate(section.entries):
            own = [_section(_slack_entry(entry))]
            own += [_section(_slack_post(post)) for post in entry.posts]
            needed = own if number else [{"type": "divider"}, heading, *own]
            if len(blocks) + len(needed) > room:
                break
            blocks += needed
            shown.append(entry)
        else:
            continue
        break  # what is left out is the end of the list, as in Teams
    left = len(digest.entries) - len(shown)
    home = f"<{slack_escape(digest.home)}|{slack_escape(_('Open the hub'))}>"
    if left:
        more = n_(
            "%(count)s more item on the hub.",
            "%(count)s more items on the hub.",
            left,
        )
        home = f"{slack_escape(more)} {home}"
    blocks.append(_section(home))
    fallback = _cut(f"{digest.title}: {digest.period}", SLACK_SECTION)
    return {"text": fallback, "blocks": blocks}, _shown(digest, shown)


def _section(mrkdwn: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def _slack_entry(entry: Entry) -> str:
    link = slack_escape(entry.link)
    read = f"<{link}|{slack_escape(_('Read more'))}>"
    title = f"*<{link}|{_cut(entry.title, 500)}>*"
    room = SLACK_SECTION - len(title) - len(read) - 2
    middle = [_cut(entry.summary, room)] if entry.summary else []
    return "\n".join([title, *middle, read])


def _slack_post(post: str) -> str:
    label = f"_{slack_escape(_('Ready to share'))}_"
    lines = post.splitlines() or [""]
    quoted = "\n".join(f">{slack_escape(line)}" for line in lines)
    whole = f"{label}\n{quoted}"
    if len(whole) <= SLACK_SECTION:
        return whole
    room = SLACK_SECTION - len(label) - 2
    return f"{label}\n>{_cut(' '.join(lines), room)}"


def _shown(digest: Digest, shown: list[Entry]) -> Digest:
    return replace(digest, entries=tuple(shown), left_out=len(digest.entries) - len(shown))


def _run(value: str, **style: Any) -> dict[str, Any]:
    """Content as an Adaptive Card TextRun: shown as it is, never read as Markdown."""
    return {"type": "TextRun", "text": value, **style}


def _rich(*runs: dict[str, Any], **style: Any) -> dict[str, Any]:
    return {"type": "RichTextBlock", "inlines": list(runs), **style}


def teams(digest: Digest) -> tuple[dict[str, Any], Digest]:
    """A Teams message whose attachment is an Adaptive Card 1.4 (RichTextBlocks for content,
    TextBlocks for the digest's own words, an ActionSet per item), kept under the size Teams
    accepts, the entries that do not fit counted at its end."""
    body: list[dict[str, Any]] = [
        _rich(_run(digest.title, size="Large", weight="Bolder")),
        _rich(_run(digest.period, isSubtle=True)),
    ]
    shown: list[Entry] = []

    def message(extra: list[dict[str, Any]], left: int) -> dict[str, Any]:
        ending: list[dict[str, Any]] = []
        if left:
            more = n_(
                "%(count)s more item on the hub.",
                "%(count)s more items on the hub.",
                left,
            )
            ending.append({"type": "TextBlock", "text": more, "wrap": True})
        card = {
            "type": "AdaptiveCard",
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.4",
            "lang": digest.language,
            "body": [*body, *extra, *ending],
            "actions": [{"type": "Action.OpenUrl", "title": _("Open the hub"), "url": digest.home}],
        }
        return {
            "type": "message",
            "attachments": [
                {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
            ],
        }

    for section in digest.sections:
        heading = {
            "type": "TextBlock",
            "text": section.heading,
            "size": "Medium",
            "weight": "Bolder",
            "wrap": True,
            "separator": True,
            "spacing": "Large",
        }
        for number, entry in enumerate(section.entries):
            parts: list[dict[str, Any]] = [] if number else [heading]
            parts.append(_teams_entry(entry))
            left = len(digest.entries) - len(shown) - 1
            trial = message(parts, left)
            if len(json.dumps(trial, ensure_ascii=False).encode()) > TEAMS_BYTES:
                break
            body += parts
            shown.append(entry)
        else:
            continue
        break
    return message([], len(digest.entries) - len(shown)), _shown(digest, shown)


def _teams_entry(entry: Entry) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        _rich(
            _run(
                entry.title,
                weight="Bolder",
                selectAction={"type": "Action.OpenUrl", "url": entry.link},
            )
        )
    ]
    if entry.summary:
        items.append(_rich(_run(entry.summary)))
    for post in entry.posts:
        items.append(
            {
                "type": "TextBlock",
                "text": _("Ready to share"),
                "size": "Small",
                "weight": "Bolder",
                "isSubtle": True,
                "wrap": True,
            }
        )
        items.append({"type": "Container", "style": "emphasis", "items": [_rich(_run(post))]})
    items.append(
        {
            "type": "ActionSet",
            "actions": [{"type": "Action.OpenUrl", "title": _("Read more"), "url": entry.link}],
        }
    )
    return {"type": "Container", "spacing": "Medium", "items": items}


# -- posting ------------------------------------------------------------------------------


class PostError(Exception):
    """A webhook could not be posted to; the message never holds its address."""


def webhook_address(variable: str, environ: Mapping[str, str]) -> str:
    """The webhook's address from the environment variable ``variable``: https only
    (http://127.0.0.1 for tests)."""
    address = environ.get(variable, "").strip()
    if not address:
        raise PostError(
            _(
                "the environment variable %(variable)s is not set: put the webhook's address "
                "in it (in GitHub Actions, from a repository secret)",
                variable=variable,
            )
        )
    parts = urlsplit(address)
    local = parts.scheme == "http" and parts.hostname == "127.0.0.1"
    if not (parts.scheme == "https" and parts.hostname) and not local:
        raise PostError(
            _(
                "the address in %(variable)s is not an https:// address (it is not shown: "
                "it is a secret)",
                variable=variable,
            )
        )
    return address


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A webhook that answers with a redirect is an error: the payload never follows it
    elsewhere, to an address that may not be https."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def post(address: str, body: str, variable: str, *, timeout: float = TIMEOUT) -> None:
    """Send ``body`` (JSON) to the webhook at ``address``; :class:`PostError` naming
    ``variable``, never the address, if it is not accepted within ``timeout`` seconds."""
    request = urllib.request.Request(
        address,
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "brandhub"},
        method="POST",
    )
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PostError(
            _(
                "could not reach the webhook in %(variable)s (%(reason)s); nothing was posted",
                variable=variable,
                reason=_without(str(reason), address),
            )
        ) from None
    if not 200 <= status < 300:
        raise PostError(
            _(
                "the webhook in %(variable)s answered HTTP %(status)s; nothing was recorded as "
                "sent, so the next run tries again",
                variable=variable,
                status=status,
            )
        )


def _without(text: str, address: str) -> str:
    return text.replace(address, "…") if address else text


# -- what went out ------------------------------------------------------------------------


@dataclass
class State:
    """What went to one destination: when the last digest did, the end of its window, and
    every item sent (its key and when), kept a year."""

    path: Path
    posted: datetime | None = None
    until: datetime | None = None
    sent: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> State:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError):
            return cls(path)  # an unreadable state sends the window again, never crashes
        if not isinstance(data, dict):
            return cls(path)
        sent = data.get("sent")
        return cls(
            path,
            posted=_moment(data.get("posted")),
            until=_moment(data.get("until")),
            sent={str(k): str(v) for k, v in sent.items()} if isinstance(sent, dict) else {},
        )

    def recent(self, start: datetime, now: datetime) -> bool:
        """Did a digest go out in this period? A tenth of it is allowed for a scheduled run
        that starts late one week and on time the next."""
        if self.posted is None:
            return False
        return self.posted > start + (now - start) / 10 and self.posted <= now

    def reach_back(self, start: datetime, now: datetime) -> datetime:
        """The window's start, moved back to the end of the last digest's window when that is
        less than one more period earlier: a late or missed run leaves no gap."""
        if self.until is not None and start - (now - start) < self.until < start:
            return self.until
        return start

    def record(self, keys: Iterable[str], start: datetime, now: datetime) -> None:
        moment = now.isoformat()
        year_ago = now - timedelta(days=366)
        self.sent = {k: v for k, v in self.sent.items() if (_moment(v) or year_ago) > year_ago}
        self.sent.update((key, moment) for key in keys)
        self.posted = now
        self.until = now
        data = {
            "posted": moment,
            "until": moment,
            "period_seconds": int((now - start).total_seconds()),
            "sent": dict(sorted(self.sent.items())),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        partial.replace(self.path)


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def state_path(root: Path, settings: Settings, fmt: str, variable: str) -> Path:
    """Where what went to ``variable``'s webhook is kept: the cache folder, never the site."""
    name = re.sub(r"[^A-Za-z0-9_-]", "_", variable)
    return root / settings.cache_dir / "digest" / f"{fmt}-{name}.json"
