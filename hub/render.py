"""Rendering the hub's HTML fragments with Jinja2, autoescaping everything.

MkDocs' own template environment does not autoescape; the fragments the plugin inserts into
pages (bylines, cards, listings) are rendered here instead, so a hostile title stays text.
A hub can override any fragment with a file of the same name under ``fragments/`` in its
theme folder (``custom_dir``). Their words come from the message catalogue (hub.i18n):
``{{ _("…") }}`` and ``{% trans %}`` in the hub's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from hub import i18n
from hub.search import not_indexed
from hub.urls import author_url, relative, tag_url, team_url


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def language_name(code: str) -> str:
    """A language code as the hub's readers say it: "es" is "Spanish", or "español" in a
    Spanish hub (capitalised, as a list of languages shows it); an unknown code as written."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(i18n.active().babel)
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


# Where a remembered card links: the link's number, between two NUL characters (which no
# rendered text holds: XML, and so Markdown's HTML and the hub's YAML, cannot carry one).
_LINK = re.compile("\x00([0-9]+)\x00")


def _not_indexed(html: Markup) -> Markup:
    """A part of a page that search leaves out (hub.search.not_indexed)."""
    return Markup(not_indexed(html))


class Renderer:
    def __init__(self, *, overrides: str | None = None) -> None:
        self.overrides = overrides
        loaders: list[jinja2.BaseLoader] = []
        if overrides:
            loaders.append(jinja2.FileSystemLoader(str(Path(overrides))))
        loaders.append(jinja2.PackageLoader("hub", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )
        # Looked up at each call: a preview keeps its renderer while the hub's language changes.
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=lambda message: i18n.active().translations.gettext(message),
            ngettext=lambda one, many, n: i18n.active().translations.ngettext(one, many, n),
            newstyle=True,
        )
        self.env.filters.update(
            date=i18n.format_date,
            iso=_iso,
            tag_url=tag_url,
            author_url=author_url,
            team_url=team_url,
            language_name=language_name,
            not_indexed=_not_indexed,
        )
        self.env.globals["card_once"] = self._card_once
        # A story's card as listings show it: rendered once a build, with its links marked,
        # and on each listing its links made relative to that page (a story is on its
        # listing page, its tags', its team's and its authors' pages: about 6 cards a story).
        self._cards: dict[tuple[Any, ...], tuple[str, list[str], tuple[object, ...]]] = {}

    def forget(self) -> None:
        """A new build: its items, people and language are new."""
        self._cards.clear()

    def _card_once(
        self,
        card: Callable[..., Any],
        entry: Any,
        authors: Any,
        link: Callable[[str], str],
        *args: Any,
    ) -> Markup:
        """``card(entry, authors, link, *args)`` (a macro of fragments/macros.html), its HTML
        remembered for the next page that shows the same entry."""
        key = (id(entry.item), entry.state, id(authors), i18n.active().code, card, args)
        found = self._cards.get(key)
        if found is None:
            targets: list[str] = []

            def mark(target: str) -> Markup:
                targets.append(target)
                return Markup(f"\x00{len(targets) - 1}\x00")

            html = str(card(entry, authors, mark, *args))
            if html.count("\x00") != 2 * len(targets):
                return Markup(card(entry, authors, link, *args))  # a card that uses its links
            # The item and the people are kept with it: their ids stay theirs this build.
            found = self._cards[key] = (html, targets, (entry.item, authors))
        html, targets, _kept = found
        return Markup(_LINK.sub(lambda m: escape(link(targets[int(m[1])])), html))

    def fragment(self, name: str, *, page_url: str, **context: Any) -> Markup:
        """Render ``fragments/<name>`` for the page at ``page_url`` (links become relative)."""

        def link(target: str) -> str:
            return relative(target, page_url)

        template = self.env.get_template(f"fragments/{name}")
        return Markup(template.render(link=link, **context))
