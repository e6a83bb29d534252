"""Feeds in: entries of a company blog or press room become draft stories for editors.

Safety first, because the input comes from outside. We fetch with our own client: http and
https only, also after redirects; a timeout for each read and a deadline for the whole
download (a server that sends a byte now and then is given up on); limits on the size of a
header and of the feed. We refuse XML that declares entities (feedparser's loose parser would
expand a billion laughs), hand feedparser bytes so it never fetches anything itself, and import
only the newest entries (``--limit``). Every text taken from the feed is cleaned of invisible
characters and written as one line (hub.plaintext), and the entry's text becomes paragraphs
of plain text escaped as Markdown: the only link in a draft is the importer's own, to the
original entry. Nothing is overwritten, and a re-run imports nothing twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import re
import socket
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import feedparser
import nh3
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from hub.i18n import _, number
from hub.plaintext import clean_line, markdown_lines
from hub.urls import slugify

MAX_BYTES = 5 * 1024 * 1024
MAX_HEADER = 64 * 1024  # one header line; http.client refuses longer ones, and 100 headers
TIMEOUT = 15  # seconds for each read
DEADLINE = 30.0  # seconds for the whole download, however the server paces it
LIMIT = 50  # entries, the newest
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # entries without a date: the oldest
NAMESPACE = uuid.UUID("6f9a3c2e-8d1b-4c55-9a0e-3b7f1d2c4e81")  # ids of imported stories
MAX_TITLE, MAX_SUMMARY, MAX_SOURCE_ID = 200, 300, 500  # what the story schema accepts
# Elements that end a paragraph of the entry's text; every other tag is dropped, its text kept.
BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}


class ImportError_(Exception):
    """A feed that cannot be imported; the message is one clear line."""


@dataclass(frozen=True)
class Imported:
    source_id: str
    title: str
    link: str
    published: datetime
    summary: str
    text: tuple[tuple[bool, str], ...]  # paragraphs as plain text; True: a list item
    tags: tuple[str, ...]


@dataclass
class Report:
    created: list[Path] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (title or id, reason)


class _WebOnly(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise ImportError_(
                _("the feed redirects to %(url)s, which is not a web address", url=newurl)
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """The whole download's time limit. A per-read timeout lets a server that sends a byte
    now and then go on for ever; when this one passes, the connections' sockets are shut, so
    whatever read waits (for a header or the body) returns at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._connections: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._pass)
        self._timer.daemon = True

    def watch(self, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            self._connections.append(connection)

    def check(self) -> None:
        if self.passed:  # e.g. it passed while connecting: nothing to shut yet
            raise TimeoutError("the deadline passed")

    def _pass(self) -> None:
        with self._lock:
            self.passed = True
            for connection in self._connections:
                sock = connection.sock
                if sock is not None:
                    with contextlib.suppress(OSError):  # closed already
                        sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class _Watched(http.client.HTTPConnection):
    """A connection the download's deadline can cut (plain or TLS, as a mixin's base)."""

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deadline.watch(self)
        self.deadline = deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.check()


class _HTTPConnection(_Watched):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: Any) -> Any:
        # The connection takes the deadline too, which typeshed's protocol does not know of.
        return self.do_open(_HTTPConnection, req, deadline=self.deadline)  # type: ignore[arg-type]


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: Any) -> Any:
        options: dict[str, Any] = {"context": self._context}  # type: ignore[attr-defined]
        if hasattr(self, "_check_hostname"):  # Python 3.11
            options["check_hostname"] = self._check_hostname
        return self.do_open(_HTTPSConnection, req, deadline=self.deadline, **options)  # type: ignore[arg-type]


def fetch(
    source: str,
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
) -> bytes:
    """The feed's bytes from an http(s) address or a local file, within the size limit and,
    from the web, within ``deadline`` seconds in all."""
    scheme = urlsplit(source).scheme
    if scheme in ("http", "https"):
        data = _download(source, max_bytes=max_bytes, timeout=timeout, seconds=deadline)
    elif scheme and len(scheme) > 1:
        raise ImportError_(
            _("%(url)s: only http(s) addresses and local files can be imported", url=source)
        )
    else:
        path = Path(source)
        if not path.is_file():
            raise ImportError_(_("%(url)s: no such file", url=source))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportError_(
            _(
                "%(url)s: the feed is larger than %(size)s MB",
                url=source,
                size=max_bytes // (1024 * 1024),
            )
        )
    return data


def _download(source: str, *, max_bytes: int, timeout: float, seconds: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    with _Deadline(seconds) as deadline:
        opener = urllib.request.build_opener(
            _WebOnly, _HTTPHandler(deadline), _HTTPSHandler(deadline)
        )
        try:
            request = urllib.request.Request(source, headers={"User-Agent": "Brandhub feed import"})
            with opener.open(request, timeout=timeout) as response:
                while size <= max_bytes and not deadline.passed:
                    chunk = response.read1(64 * 1024)  # what has arrived: never waits for more
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
        except ImportError_:
            raise
        except Exception as exc:
            if deadline.passed:
                raise _late(source, seconds) from None
            raise _unreachable(source, exc) from None
        if deadline.passed:  # a shut socket may look like the end of a shorter feed
            raise _late(source, seconds)
    return b"".join(chunks)


def _late(source: str, seconds: float) -> ImportError_:
    return ImportError_(
        _(
            "%(url)s: the server did not send the whole feed within %(seconds)s seconds",
            url=source,
            seconds=number(seconds),
        )
    )


def _unreachable(source: str, exc: Exception) -> ImportError_:
    if isinstance(exc, urllib.error.HTTPError):
        return ImportError_(
            _(
                "%(url)s: the server answered %(code)s %(reason)s",
                url=source,
                code=exc.code,
                reason=exc.reason,
            )
        )
    if isinstance(exc, http.client.LineTooLong) and "header" in str(exc):
        return ImportError_(
            _(
                "%(url)s: the server sent a header longer than %(size)s KB",
                url=source,
                size=MAX_HEADER // 1024,
            )
        )
    if isinstance(exc, urllib.error.URLError | TimeoutError | OSError):
        reason = getattr(exc, "reason", exc)
        return ImportError_(_("%(url)s: cannot be reached (%(reason)s)", url=source, reason=reason))
    if isinstance(exc, http.client.HTTPException | ValueError):
        return ImportError_(
            _("%(url)s: the server's answer is not valid HTTP (%(reason)s)", url=source, reason=exc)
        )
    raise exc


@dataclass(frozen=True)
class Parsed:
    entries: list[Imported]  # the newest first
    left_out: int  # older entries beyond the limit
    found: int  # entries in the feed


def parse(data: bytes, source: str, *, limit: int | None = None) -> Parsed:
    """The feed's newest ``limit`` entries (all: None); raises ImportError_ for anything that
    is not a safe, valid feed."""
    try:
        fromstring(data)  # only to refuse entity declarations and external references
    except DefusedXmlException:
        raise ImportError_(
            _(
                "%(url)s: the feed declares XML entities, which Brandhub refuses "
                "(they can be used to exhaust memory or read files)",
                url=source,
            )
        ) from None
    except Exception as exc:  # ParseError, or anything else a broken document raises
        raise ImportError_(
            _("%(url)s: not a valid feed (%(reason)s)", url=source, reason=exc)
        ) from None
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise ImportError_(_("%(url)s: not a valid feed (%(reason)s)", url=source, reason=reason))
    if not parsed.get("version") and not parsed.entries:
        raise ImportError_(_("%(url)s: not an RSS or Atom feed", url=source))
    # Newest first (a stable sort: entries of the same moment keep the feed's order). Only
    # the ones kept are converted: a feed of 20,000 entries costs the parse, not 20,000 drafts.
    raws = sorted(parsed.entries, key=_moment, reverse=True)
    entries: list[Imported] = []
    for index, raw in enumerate(raws):
        if limit is not None and len(entries) >= limit:
            return Parsed(entries, len(raws) - index, len(raws))
        if (entry := _entry(raw)) is not None:
            entries.append(entry)
    return Parsed(entries, 0, len(raws))


def _moment(raw: Any) -> datetime:
    moment = raw.get("published_parsed") or raw.get("updated_parsed")
    try:
        if not moment:
            return EPOCH
        year, month, day, hour, minute, second = tuple(moment[:6])
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError):  # a leap second, or a year feedparser let through
        return EPOCH


def _web(url: Any) -> str | None:
    """A web address with a host, written so that it can stand in a Markdown link: the host
    in ASCII (IDNA), no user or password, and spaces, quotes, brackets, parentheses and
    characters beyond ASCII percent-encoded."""
    parts = urlsplit(clean_line(str(url or "")))
    try:
        host = parts.hostname
        port = parts.port
        if parts.scheme.lower() not in ("http", "https") or not host:
            return None
        host = host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):  # a port that is not a number, a host IDNA refuses
        return None
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    safe = "/:?#@!$&*+,;=%~-._"
    return urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe),
            quote(parts.fragment, safe=safe),
        )
    )


def _entry(raw: Any) -> Imported | None:
    link = _web(raw.get("link"))
    title = clean_line(str(raw.get("title", "")))[:MAX_TITLE].strip()
    if not link or not title:
        return None
    content = raw.get("content") or []
    body = content[0].get("value", "") if content else raw.get("summary", "")
    summary = clean_line(" ".join(text for _, text in paragraphs(str(raw.get("summary", "")))))
    source_id = clean_line(str(raw.get("id") or "")) or link
    if len(source_id) > MAX_SOURCE_ID:  # the same long id gives the same short one every time
        source_id = "sha256:" + hashlib.sha256(source_id.encode()).hexdigest()
    tags = [clean_line(str(t.get("term") or ""))[:80] for t in raw.get("tags", [])]
    return Imported(
        source_id=source_id,
        title=title,
        link=link,
        published=_moment(raw),
        summary=summary[:MAX_SUMMARY].strip(),
        text=tuple(paragraphs(str(body))),
        tags=tuple(t for t in tags if t)[:5],
    )


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[bool, str]] = []
        self.parts: list[str] = []
        self.item = False

    def _end(self) -> None:
        text = clean_line("".join(self.parts))
        if text:
            self.found.append((self.item, text))
        self.parts, self.item = [], False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._end()
            self.item = tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._end()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def paragraphs(html: str) -> list[tuple[bool, str]]:
    """An entry's HTML as paragraphs of plain text, each (a list item?, its text). nh3 parses
    it the way browsers do and drops scripts and styles with their content; of the rest only
    the text is kept, and where blocks (paragraphs, items, headings, cells) end."""
    parser = _Paragraphs()
    parser.feed(nh3.clean(html, tags=BLOCKS, attributes={}))
    parser.close()
    parser._end()
    return parser.found


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def story_text(entry: Imported, *, team: str, author: str, tags: list[str]) -> str:
    """The draft: front matter, then the entry's text as Markdown that shows it as text (no
    heading, image, link or HTML comes from the feed), then a link to the original entry."""
    ident = uuid.uuid5(NAMESPACE, entry.source_id)
    lines = [
        "---",
        f"title: {_q(entry.title)}",
        f"date: {entry.published.isoformat()}",
        f"id: {ident}",
        "draft: true  # imported: review, rewrite in our voice, then remove this line",
        f"team: {_q(team)}",
        f"authors: [{author}]",
        f"tags: {json.dumps(sorted(set(tags)), ensure_ascii=False)}",
        f"source: {_q(entry.link)}",
        f"source_id: {_q(entry.source_id)}",
    ]
    if entry.summary:
        lines.append(f"summary: {_q(entry.summary)}")
    lines.append("---")
    text = entry.text or (((False, entry.summary),) if entry.summary else ())
    lines += markdown_lines(text)
    # Markdown would read "&ap;" in the address as a character (≈): write its "&" as "&amp;".
    target = re.sub(r"&(?=#?[0-9A-Za-z]+;)", "&amp;", entry.link)
    lines += ["", f"[Read the original]({target})", ""]
    return "\n".join(lines)


def existing_sources(stories: Path) -> set[str]:
    """source_id values of stories already in the folder (imported before)."""
    found = set()
    pattern = re.compile(r"^source_id:\s*(.+?)\s*$", re.MULTILINE)
    for path in stories.glob("*.md"):
        for match in pattern.finditer(path.read_text(encoding="utf-8", errors="replace")):
            value = match.group(1)
            try:
                found.add(json.loads(value) if value.startswith('"') else value)
            except ValueError:
                found.add(value)
    return found


def write_drafts(
    entries: list[Imported],
    stories: Path,
    *,
    team: str,
    author: str,
    tag: list[str],
    since: datetime | None,
) -> Iterator[tuple[str, Imported, Path | None]]:
    """Write each new entry as a draft; yields (what happened, entry, file)."""
    known = existing_sources(stories)
    stories.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        if entry.source_id in known:
            yield "already", entry, None
            continue
        if since is not None and entry.published < since:
            yield "older", entry, None
            continue
        base = f"imported-{slugify(entry.title)[:60] or 'story'}"
        path = stories / f"{base}.md"
        number = 2
        while path.exists():
            path = stories / f"{base}-{number}.md"
            number += 1
        text = story_text(entry, team=team, author=author, tags=[*tag, *entry.tags])
        with path.open("x", encoding="utf-8") as handle:  # never overwrite
            handle.write(text)
        known.add(entry.source_id)
        yield "created", entry, path
