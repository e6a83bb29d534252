"""One hub at one moment: settings, validated content and "now", ready for any output.

The MkDocs plugin and the command line both start here, so ``brandhub check`` and a build
can never disagree about what is valid or published.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hub import schema as s
from hub.exposure import hidden_pages, link_problems, published_view
from hub.i18n import _
from hub.languages import Versions, file_for, name_in
from hub.load import display_path, scan
from hub.model import Hub, Item
from hub.placeholders import placeholder_notices
from hub.previews import card_notices
from hub.problems import ContentError, Problem
from hub.publish import is_public
from hub.settings import Settings, load_settings
from hub.validate import check_hub
from hub.verdicts import Verdicts

NOW_VARIABLE = "BRANDHUB_NOW"
SITE_URL_VARIABLE = "BRANDHUB_SITE_URL"  # set by `brandhub serve`: the public address
LANGUAGE_VARIABLE = "BRANDHUB_LANGUAGE"  # set by `brandhub serve --language`: the one shown


@dataclass(frozen=True)
class Project:
    settings: Settings
    hub: Hub
    now: datetime
    preview: bool  # `serve`: unpublished items are shown, with a banner
    site_url: str
    by_src: dict[str, Item] = field(default_factory=dict)
    # Links from public pages to expired ones, which are shown as plain text (hub.exposure).
    notices: tuple[Problem, ...] = ()
    hidden: frozenset[str] = frozenset()  # content paths of the pages not in the site
    # A hub in several languages (hub.languages): the language this project reads; by key,
    # the real file of each page read under its key (x.es.md for x.md); the Markdown files
    # of the other languages, which its site leaves out; and every item's languages.
    language: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    others: frozenset[str] = frozenset()
    versions: Versions | None = None

    def source(self, key: str) -> str:
        """The content path of the file a page is read from."""
        return self.sources.get(key, key)


def parse_now(text: str, settings: Settings, *, source: str = "--now") -> datetime:
    try:
        return s.parse_moment(text, settings.timezone)
    except s.Invalid as exc:
        raise ContentError([Problem(source, None, None, exc.message, exc.hint)]) from None


def load_project(
    *,
    options: Mapping[str, Any],
    content_dir: Path,
    site_name: str,
    site_url: str | None,
    config_file: str = "mkdocs.yml",
    now: str | None = None,
    preview: bool = False,
    root: Path | None = None,
    language: str | None = None,
    building: str | None = None,
) -> Project:
    """Check settings and content together; raise :class:`ContentError` with every problem.

    ``root``: the folder of mkdocs.yml, which ``cache_dir`` is relative to. Given, a build
    keeps the check's verdicts there (hub.verdicts); a preview keeps its own, in memory.
    ``language``: theme.language, which every message from here on is written in.
    ``building``: in a hub with ``languages``, the one to read (default: the first)."""
    settings, problems = load_settings(
        options,
        site_name=site_name,
        file=config_file,
        language=language,
        root=root,
        building=building,
    )
    languages = settings.languages
    checked_in = settings.cache_dir + (f"/check/{settings.language}" if languages else "/check")
    if not site_url:
        problems.append(
            Problem(
                config_file,
                None,
                "site_url",
                _("is required"),
                _(
                    "feeds and share links need absolute addresses: "
                    "add 'site_url: https://hub.example.com/'"
                ),
            )
        )
    elif urlsplit(site_url).scheme not in ("http", "https"):
        problems.append(
            Problem(
                config_file,
                None,
                "site_url",
                _("'%(url)s' is not a web address", url=site_url),
                _("start it with https://"),
            )
        )
    moment_text = now if now is not None else os.environ.get(NOW_VARIABLE)
    try:
        moment = (
            parse_now(moment_text, settings, source=f"--now ({NOW_VARIABLE})")
            if moment_text
            else datetime.now(settings.timezone)
        )
    except ContentError as exc:
        problems.extend(exc.problems)
        moment = datetime.now(settings.timezone)
    try:
        # A preview keeps what it read and checked for its next rebuild: one process does it.
        split = not preview
        checked_url = site_url or "https://hub.invalid/"
        verdicts = (
            Verdicts(root / checked_in, settings, checked_url)
            if root is not None and not preview
            else None
        )
        unchanged = None if verdicts is None else verdicts.unchanged()
        found = scan(
            content_dir,
            split=split,
            unchanged=unchanged,
            languages=languages,
            building=settings.language if languages else None,
        )
        hub, found_problems = check_hub(
            found, settings, checked_url, split=split, verdicts=verdicts
        )
    except ContentError as exc:
        raise ContentError([*problems, *exc.problems]) from None
    problems.extend(found_problems)
    notices: list[Problem] = []
    if not preview:  # a preview shows unpublished pages, so links to them work there
        # Over the files that passed: every problem of the hub is reported in one round.
        failed = {doc.rel for doc in found.documents} - {item.src for item in hub.items}
        broken, notices = link_problems(hub, moment, failed=failed)
        if found.versions is not None:
            broken = _untranslated_links(hub, moment, settings, found.versions, broken)
        problems.extend(broken)
    if languages:
        problems.extend(_no_home(hub, moment, settings, content_dir, preview=preview))
    if problems:
        raise ContentError(problems)
    notices += placeholder_notices(hub, moment)  # text from `brandhub new`, left as it was
    # Letters a social card would draw as boxes: a warning, the card is drawn all the same.
    named = "brandhub.organisation" if "organisation" in options else "site_name"
    notices += card_notices(hub, settings, config_file=config_file, root=root, organisation=named)
    hub = published_view(hub, moment, preview=preview)
    return Project(
        settings=settings,
        hub=hub,
        now=moment,
        preview=preview,
        site_url=(site_url or "").rstrip("/") + "/",
        by_src={item.src: item for item in hub.items},
        notices=tuple(notices),
        hidden=hidden_pages(hub, moment, preview=preview),
        language=found.language,
        sources=found.sources,
        others=frozenset(found.others),
        versions=found.versions,
    )


def _untranslated_links(
    hub: Hub, now: datetime, settings: Settings, versions: Versions, broken: list[Problem]
) -> list[Problem]:
    """In a hub of several languages, a link to a page that exists in another language only
    is said as such, not as a file that does not exist."""
    by_src = {item.src for item in hub.items}
    language = settings.language
    said: list[Problem] = []
    for item in hub.items:
        if not is_public(item, now):
            continue
        targets = list(item.links) + [
            (step.link.split("#", 1)[0].lstrip("/"), item.lines.get("steps"))
            for step in item.steps
            if step.link and not urlsplit(step.link).scheme
        ]
        for target, line in targets:
            if target in by_src or target not in versions.by_key:
                continue
            broken = [
                p
                for p in broken
                if not (p.file == item.path and p.line == line and f"content/{target}" in p.message)
            ]
            said.append(
                Problem(
                    item.path,
                    line,
                    None,
                    _(
                        "links to content/%(target)s, which has no version in %(language)s "
                        "(%(code)s)",
                        target=target,
                        language=name_in(language, language),
                        code=language,
                    ),
                    _(
                        "translate it (add %(file)s), or link to the other language's page by "
                        "its full address",
                        file=versions.shown_file(target, language, settings.languages[0]),
                    ),
                )
            )
    return broken + said


def _no_home(
    hub: Hub, now: datetime, settings: Settings, content_dir: Path, *, preview: bool
) -> list[Problem]:
    """In a hub of several languages, each language needs its home: the language menu leads
    there from every page that has no version in that language."""
    home = next((item for item in hub.items if item.src == "index.md"), None)
    if home is not None and (preview or is_public(home, now)):
        return []
    language = settings.language
    wanted = file_for("index.md", language, settings.languages[0])
    return [
        Problem(
            home.path if home is not None else display_path(content_dir / wanted),
            None,
            None,
            _(
                "the hub has no published home page in %(language)s (%(code)s)",
                language=name_in(language, language),
                code=language,
            ),
            _(
                "write %(file)s (and publish it): the language menu leads there from every page "
                "that has no version in this language",
                file=wanted,
            ),
        )
    ]
