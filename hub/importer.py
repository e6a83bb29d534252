"""Feeds in: entries of a company blog or press room become draft stories for editors.

Safety first, because the input comes from outside: we fetch with our own client (http and
https only, also after redirects; a timeout; a size limit), refuse XML that declares entities
(feedparser's loose parser would expand a billion laughs), hand feedparser bytes so it never
fetches anything itself, and keep only sanitized HTML and web links. Nothing is overwritten,
and a re-run imports nothing twice.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import nh3
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from hub.urls import slugify

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = 15
NAMESPACE = uuid.UUID("6f9a3c2e-8d1b-4c55-9a0e-3b7f1d2c4e81")  # ids of imported stories
ALLOWED_TAGS = {
    "p",
    "br",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
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
    html: str
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
            raise ImportError_(f"the feed redirects to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(source: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> bytes:
    """The feed's bytes from an http(s) address or a local file, within the size limit."""
    scheme = urlsplit(source).scheme
    if scheme in ("http", "https"):
        opener = urllib.request.build_opener(_WebOnly)
        request = urllib.request.Request(source, headers={"User-Agent": "Brandhub feed import"})
        try:
            with opener.open(request, timeout=timeout) as response:
                data: bytes = response.read(max_bytes + 1)
        except ImportError_:
            raise
        except urllib.error.HTTPError as exc:
            raise ImportError_(f"{source}: the server answered {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ImportError_(f"{source}: cannot be reached ({reason})") from None
    elif scheme and len(scheme) > 1:
        raise ImportError_(f"{source}: only http(s) addresses and local files can be imported")
    else:
        path = Path(source)
        if not path.is_file():
            raise ImportError_(f"{source}: no such file")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportError_(f"{source}: the feed is larger than {max_bytes // (1024 * 1024)} MB")
    return data


def parse(data: bytes, source: str) -> list[Imported]:
    """The feed's entries; raises ImportError_ for anything that is not a safe, valid feed."""
    try:
        fromstring(data)  # only to refuse entity declarations and external references
    except DefusedXmlException:
        raise ImportError_(
            f"{source}: the feed declares XML entities, which Brandhub refuses "
            "(they can be used to exhaust memory or read files)"
        ) from None
    except Exception as exc:  # ParseError, or anything else a broken document raises
        raise ImportError_(f"{source}: not a valid feed ({exc})") from None
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.get("bozo") and not parsed.entries:
        raise ImportError_(f"{source}: not a valid feed ({parsed.get('bozo_exception')})")
    if not parsed.get("version") and not parsed.entries:
        raise ImportError_(f"{source}: not an RSS or Atom feed")
    return [entry for raw in parsed.entries if (entry := _entry(raw)) is not None]


def _web(url: str | None) -> str | None:
    if url and urlsplit(url.strip()).scheme in ("http", "https"):
        return url.strip()
    return None


def _entry(raw: Any) -> Imported | None:
    link = _web(raw.get("link"))
    title = " ".join(str(raw.get("title", "")).split())
    if not link or not title:
        return None
    moment = raw.get("published_parsed") or raw.get("updated_parsed")
    year, month, day, hour, minute, second = tuple(moment[:6]) if moment else (1970, 1, 1, 0, 0, 0)
    published = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    content = raw.get("content") or []
    body = content[0].get("value", "") if content else raw.get("summary", "")
    html = clean_html(body)
    summary = " ".join(nh3.clean(str(raw.get("summary", "")), tags=set()).split())[:300]
    tags = tuple(t.get("term") for t in raw.get("tags", []) if t.get("term"))
    return Imported(
        source_id=str(raw.get("id") or link),
        title=title[:200],
        link=link,
        published=published,
        summary=summary,
        html=html,
        tags=tags[:5],
    )


def clean_html(html: str) -> str:
    """Only harmless tags, and links only to web or mail addresses."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    ).strip()


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def story_text(entry: Imported, *, team: str, author: str, tags: list[str]) -> str:
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
    lines += ["---", "", entry.html or entry.summary, "", f"[Read the original]({entry.link})", ""]
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
