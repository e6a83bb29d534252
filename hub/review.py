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
from hub.i18n import N_, _, n_
from hub.load import scan
from hub.model import Hub, Item, Kind
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
        raise ReviewError(_("git is not installed")) from None
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode(errors="replace").strip().splitlines()
        failed = _("git %(command)s failed", command=" ".join(args))
        raise ReviewError(message[-1] if message else failed) from None
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
# How the summary names each kind and each coming change, in the hub's language.
KIND_NAMES = {
    Kind.HOME: N_("home"),
    Kind.GUIDELINE: N_("guideline"),
    Kind.MESSAGE: N_("message"),
    Kind.CAMPAIGN: N_("campaign"),
    Kind.STORY: N_("story"),
    Kind.SNIPPET: N_("snippet"),
    Kind.PAGE: N_("page"),
}
WHAT = {"publishes": N_("publishes"), "expires": N_("expires")}


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
        # A hub of several languages: the base version in the same language (hub.languages).
        found = scan(content, languages=settings.languages, building=settings.language or None)
        return build_hub(found, settings, site_url), 0
    except ContentError as exc:
        return Hub(items=(), authors={}, assets=frozenset()), len(exc.problems)


def _status(item: Item, now: datetime) -> str:
    current = state(item, now)
    if current is State.EMBARGOED and item.date:
        return _("embargoed until %(moment)s", moment=item.date.strftime("%Y-%m-%d %H:%M %z"))
    if current is State.EXPIRED and item.expires:
        return _("expired %(day)s", day=item.expires.strftime("%Y-%m-%d"))
    if current is State.PUBLIC:
        return _("public now")
    return _("draft") if current is State.DRAFT else str(current)


def _line(item: Item, now: datetime) -> str:
    kind, title, path = (
        markdown(_(KIND_NAMES[item.kind])),
        markdown(item.title),
        markdown_code(item.path),
    )
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
                "| " + " | ".join((_("network"), _("length"), _("limit"), _("left"))) + " |",
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
        "## " + _("What this change publishes"),
        "",
        "**"
        + _(
            "%(added)s added, %(changed)s changed, %(removed)s removed",
            added=len(c.added),
            changed=len(c.changed),
            removed=len(c.removed),
        )
        + "**",
    ]
    if c.base_problems:
        out += [
            "",
            n_(
                "(The base version had %(count)s problem and was read as empty.)",
                "(The base version had %(count)s problems and was read as empty.)",
                c.base_problems,
            ),
        ]
    for title, items in ((_("Added"), c.added), (_("Removed"), c.removed)):
        if items:
            out += ["", f"### {title}", "", *(_line(i, now) for i in items)]
    if c.changed:
        out += ["", "### " + _("Changed"), ""]
        out += [f"{_line(after, now)}: {markdown(', '.join(what))}" for _, after, what in c.changed]
    touched = [*c.added, *(after for _, after, _ in c.changed)]
    shares = _shares(touched, settings, site_url)
    if shares:
        out += ["", "### " + _("Share texts"), *shares]
    horizon = now + timedelta(days=days)
    upcoming = [x for x in changes(head.items, now) if x.moment <= horizon]
    out += ["", "### " + n_("Next %(count)s day", "Next %(count)s days", days), ""]
    out += [
        f"- {x.moment:%Y-%m-%d %H:%M %z}: {markdown(_(WHAT[x.what]))} {markdown_code(x.path)}"
        for x in upcoming
    ] or ["- " + _("Nothing publishes or expires.")]
    return "\n".join(out) + "\n"
