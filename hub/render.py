"""Rendering the hub's HTML fragments with Jinja2, autoescaping everything.

MkDocs' own template environment does not autoescape; the fragments the plugin inserts into
pages (bylines, cards, listings) are rendered here instead, so a hostile title stays text.
A hub can override any fragment with a file of the same name under ``fragments/`` in its
theme folder (``custom_dir``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from hub.search import not_indexed
from hub.urls import author_url, relative, tag_url


def _date(moment: datetime | None) -> str:
    return f"{moment.day} {moment:%B %Y}" if moment else ""


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


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
        )
        self.env.filters.update(
            date=_date,
            iso=_iso,
            tag_url=tag_url,
            author_url=author_url,
            not_indexed=_not_indexed,
        )

    def fragment(self, name: str, *, page_url: str, **context: Any) -> Markup:
        """Render ``fragments/<name>`` for the page at ``page_url`` (links become relative)."""

        def link(target: str) -> str:
            return relative(target, page_url)

        template = self.env.get_template(f"fragments/{name}")
        return Markup(template.render(link=link, **context))
