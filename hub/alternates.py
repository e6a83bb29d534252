"""The links between the language versions of a hub's pages (a hub with ``languages``).

Each language is built as a full hub at ``/<code>/`` (hub.languages); before the builds, the
command line works out, for every page of every language, where its versions are: an item's
translation only when that translation is published at the build's moment (a draft or an
embargoed translation is linked from nowhere), a generated page (a listing, a tag, an author)
where the other language makes the same page. A page with no version in a language leads to
that language's home instead, and names no ``hreflang`` alternate there.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from hub import views as v
from hub.feeds import feeds
from hub.i18n import _
from hub.languages import name_in, name_of
from hub.project import Project
from hub.publish import State, state


@dataclass(frozen=True)
class Alternates:
    """By page key (an item's key, a generated page's source), its address in each language."""

    languages: tuple[str, ...]
    site_url: str  # the whole site's address, the languages' folders inside it
    urls: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def links(self, key: str, language: str, url: str) -> list[dict[str, Any]]:
        """Material's ``extra.alternate`` for the page ``key`` at ``url`` in ``language``: each
        language's version, or its home; links relative to the page's language folder."""
        found = self.urls.get(key, {})
        entries = []
        for code in self.languages:
            target = url if code == language else found.get(code)
            entries.append(
                {
                    "name": name_of(code),
                    "link": f"../{code}/{target or ''}",
                    "lang": code,
                    "same": target is not None,
                }
            )
        return entries

    def homes(self) -> list[dict[str, Any]]:
        """For a page that is no page of the hub (the "not found" page): every home."""
        return [
            {"name": name_of(code), "link": f"{self.site_url}{code}/", "lang": code, "same": False}
            for code in self.languages
        ]

    def hreflang(self, key: str, language: str, url: str) -> list[tuple[str, str]]:
        """(hreflang, absolute address) of the page's versions, ``x-default`` the one in the
        default language; nothing for a page in one language only."""
        versions = [
            (entry["lang"], f"{self.site_url}{entry['lang']}/{entry['link'].split('/', 2)[2]}")
            for entry in self.links(key, language, url)
            if entry["same"]
        ]
        if len(versions) < 2:
            return []
        default = dict(versions).get(self.languages[0])
        return versions + ([("x-default", default)] if default else [])


def alternates(projects: Mapping[str, Project], site_url: str) -> Alternates:
    """Where every page of each language's ``projects`` (built as they are) has versions."""
    urls: dict[str, dict[str, str]] = {}
    for code, project in projects.items():
        for item in project.hub.items:
            if project.preview or state(item, project.now) is State.PUBLIC:
                urls.setdefault(item.src, {})[code] = item.url
        hub_feeds = feeds(project.hub, project.settings, project.now)
        made = v.build_views(
            project.hub, project.settings, project.now, preview=project.preview, hub_feeds=hub_feeds
        )
        for view in made:
            urls.setdefault(view.src, {})[code] = view.url
    return Alternates(tuple(projects), site_url.rstrip("/") + "/", urls)


def write_top(site: Path, links: Alternates, site_name: str) -> None:
    """What the site's top folder holds above the languages' folders: a page that leads to
    the default language (a refresh, and links a reader without one follows), the sitemap
    index of the languages' sitemaps, and the default language's "not found" page (its links
    are absolute), which hosts such as GitHub Pages serve for any missing address."""
    default, *others = links.languages
    alternates = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{links.site_url}{code}/">\n'
        for code in links.languages
    )
    items = "".join(
        f'<li><a href="{code}/" hreflang="{code}" lang="{code}">{escape(name_of(code))}</a></li>'
        for code in others
    )
    opens = _("The hub opens in %(language)s:", language=name_in(default, default))
    other = _("Other languages:")
    page = (
        "<!doctype html>\n"
        f'<html lang="{default}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(site_name)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={default}/">\n'
        f'<link rel="canonical" href="{links.site_url}{default}/">\n'
        f"{alternates}"
        f'<link rel="alternate" hreflang="x-default" href="{links.site_url}{default}/">\n'
        "</head>\n<body>\n"
        f"<p>{escape(opens)} "
        f'<a href="{default}/" hreflang="{default}">{escape(site_name)}</a></p>\n'
        + (f"<p>{escape(other)}</p>\n<ul>{items}</ul>\n" if others else "")
        + "</body>\n</html>\n"
    )
    (site / "index.html").write_text(page, encoding="utf-8")
    maps = "".join(
        f"  <sitemap><loc>{escape(links.site_url)}{code}/sitemap.xml</loc></sitemap>\n"
        for code in links.languages
        if (site / code / "sitemap.xml").is_file()
    )
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{maps}</sitemapindex>\n",
        encoding="utf-8",
    )
    missing = site / default / "404.html"
    if missing.is_file():
        shutil.copyfile(missing, site / "404.html")
