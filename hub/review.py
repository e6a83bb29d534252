"""What a change to the content does: ``brandhub diff --base REF``, the pull-request summary.

The content folder as it was at REF is taken out of git, both versions are loaded with the
same rules, and items are matched by their ``id`` (or, without one, their file). The summary
lists what is added, changed and removed, the share texts of new and changed items with their
length per network, and what publishes or expires in the coming days.

Everything in it that comes from the content (titles, texts, file names, field and network
names) goes through hub.escape: a pull request's text shows as text, and cannot add headings,
tables, links, images or HTML of its own to the summary reviewers read.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path

from hub.escape import markdown, markdown_code, markdown_quote
from hub.load import scan
from hub.model import Hub, Item
from hub.problems import ContentError
from hub.publish import State, changes, state
from hub.settings import Settings
from hub.share import deliver, posts_for
from hub.validate import build_hub


class ReviewError(Exception):
    """Git could not give the base version; the message is one clear line."""


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True)
    except FileNotFoundError:
        raise ReviewError("git is not installed") from None
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode(errors="replace").strip().splitlines()
        raise ReviewError(message[-1] if message else f"git {' '.join(args)} failed") from None
    return done.stdout


def base_content(content: Path, ref: str, into: Path) -> Path:
    """Extract the content folder as it was at ``ref`` into ``into``; return its path there."""
    content = content.resolve()
    repo = Path(_git(content, "rev-parse", "--show-toplevel").decode().strip())
    rel = content.relative_to(repo).as_posix()
    _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if not _git(repo, "ls-tree", "-d", ref, "--", rel).strip():
        (into / rel).mkdir(parents=True, exist_ok=True)  # the folder is new in this change
        return into / rel
    archive = _git(repo, "archive", "--format=tar", ref, "--", rel)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / rel


@dataclass(frozen=True)
class Comparison:
    added: list[Item]
    changed: list[tuple[Item, Item, list[str]]]  # (before, after, what changed)
    removed: list[Item]
    base_problems: int = 0


def _key(item: Item) -> str:
    return item.id or item.src


_IGNORED = {"path", "lines", "body_line"}


def _differences(before: Item, after: Item) -> list[str]:
    names = []
    for spec in fields(Item):
        if spec.name in _IGNORED:
            continue
        if getattr(before, spec.name) != getattr(after, spec.name):
            names.append("file" if spec.name == "src" else spec.name)
    return names


def compare(base: Hub, head: Hub, *, base_problems: int = 0) -> Comparison:
    old = {_key(i): i for i in base.items}
    new = {_key(i): i for i in head.items}
    changed = []
    for key in sorted(old.keys() & new.keys()):
        what = _differences(old[key], new[key])
        if what:
            changed.append((old[key], new[key], what))
    return Comparison(
        added=[new[k] for k in sorted(new.keys() - old.keys())],
        changed=changed,
        removed=[old[k] for k in sorted(old.keys() - new.keys())],
        base_problems=base_problems,
    )


def load_base(content: Path, settings: Settings, site_url: str) -> tuple[Hub, int]:
    """The base version's hub; a base that no longer validates counts as empty."""
    try:
        return build_hub(scan(content), settings, site_url), 0
    except ContentError as exc:
        return Hub(items=(), authors={}, assets=frozenset()), len(exc.problems)


def _status(item: Item, now: datetime) -> str:
    current = state(item, now)
    if current is State.EMBARGOED and item.date:
        return f"embargoed until {item.date:%Y-%m-%d %H:%M %z}"
    if current is State.EXPIRED and item.expires:
        return f"expired {item.expires:%Y-%m-%d}"
    return {State.PUBLIC: "public now", State.DRAFT: "draft"}.get(current, str(current))


def _line(item: Item, now: datetime) -> str:
    kind, title, path = markdown(item.kind.value), markdown(item.title), markdown_code(item.path)
    return f"- **{kind}** {title} ({path}, {_status(item, now)})"


def _shares(items: list[Item], settings: Settings, site_url: str) -> list[str]:
    out: list[str] = []
    for item in items:
        for post in posts_for(item, settings, site_url):
            out += [
                "",
                f"**{markdown(item.title)}**, {markdown(post.field)}:",
                "",
                markdown_quote(post.texts[0]),
                "",
                "| network | length | limit | left |",
                "| --- | ---: | ---: | ---: |",
            ]
            for channel in post.channels:
                d = deliver(post, settings, channel)
                limit = "" if d.limit is None else str(d.limit)
                left = "" if d.left is None else str(d.left)
                out.append(f"| {markdown(d.channel.label)} | {d.length} | {limit} | {left} |")
    return out


def summary(
    comparison: Comparison,
    head: Hub,
    settings: Settings,
    site_url: str,
    now: datetime,
    days: int = 14,
) -> str:
    c = comparison
    out = [
        "## What this change publishes",
        "",
        f"**{len(c.added)} added, {len(c.changed)} changed, {len(c.removed)} removed**",
    ]
    if c.base_problems:
        out += ["", f"(The base version had {c.base_problems} problems and was read as empty.)"]
    for title, items in (("Added", c.added), ("Removed", c.removed)):
        if items:
            out += ["", f"### {title}", "", *(_line(i, now) for i in items)]
    if c.changed:
        out += ["", "### Changed", ""]
        out += [f"{_line(after, now)}: {markdown(', '.join(what))}" for _, after, what in c.changed]
    touched = [*c.added, *(after for _, after, _ in c.changed)]
    shares = _shares(touched, settings, site_url)
    if shares:
        out += ["", "### Share texts", *shares]
    horizon = now + timedelta(days=days)
    upcoming = [x for x in changes(head.items, now) if x.moment <= horizon]
    out += ["", f"### Next {days} days", ""]
    out += [
        f"- {x.moment:%Y-%m-%d %H:%M %z}: {markdown(x.what)} {markdown_code(x.path)}"
        for x in upcoming
    ] or ["- Nothing publishes or expires."]
    return "\n".join(out) + "\n"
