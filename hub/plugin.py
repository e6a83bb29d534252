"""The MkDocs adapter: the only module that knows MkDocs' events.

on_config loads and checks the whole hub (nothing is built when anything is wrong);
on_files drops unpublished pages, moves pages to their slugs and adds the generated listing
pages; on_page_markdown makes front-matter values safe for Material's templates;
on_page_context wraps pages with their byline, journey, share posts and listings as each is
written. A full build forks a worker at the end of on_nav (hub.parallel) that converts and
writes about half of the items and listings; the build gives those pages an empty template,
which MkDocs skips, and takes their anchors and feed bodies from the worker in on_env.
"""

from __future__ import annotations

import logging
import math
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, DictLoader
from markdown.extensions.abbr import AbbrExtension
from markupsafe import Markup, escape
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date
from mkdocs.utils.templates import TemplateContext

from hub import frontmatter, i18n, parallel, voice
from hub import views as v
from hub.alternates import Alternates
from hub.api import LIBRARIES as API_LIBRARIES
from hub.api import KeptLines, snippets_chunks
from hub.calendar import calendar_path, campaign_ics
from hub.exposure import private_assets
from hub.feeds import Feed, atom, enclosure_size, entries_for, feeds, json_feed, rss
from hub.glossary import abbreviations
from hub.i18n import N_, _
from hub.incremental import Digests, everywhere, gathers
from hub.load import AUTHORS_FILE, GLOSSARY_FILE, glossary_file, people_file
from hub.made import MadeFiles, prune
from hub.model import Item, Kind
from hub.previews import LinkPreview, preview
from hub.problems import ContentError, Problem
from hub.project import LANGUAGE_VARIABLE, SITE_URL_VARIABLE, Project, load_project
from hub.publish import State, state
from hub.render import Renderer
from hub.sanitize import Policy
from hub.scriptwords import script_words
from hub.sealed import intact, seal_of
from hub.search import FOLDER as SEARCH_FOLDER
from hub.search import (
    BackgroundIndexer,
    Excerpts,
    SearchIndexError,
    ShardedIndex,
    add_to_header,
    index_site,
    mark_searchable,
    not_indexed,
    pages_folder,
    shard_least,
)
from hub.share import ShareCard, posts_for, share_card
from hub.sharednav import share_navigation
from hub.sharekit import Kit, kit_summary, share_kit
from hub.socialcards import CardText, cached_file, card_file
from hub.steps import journey
from hub.unlink import Unlink
from hub.urls import TYPED_FOLDERS, author_url, relative
from hub.verdicts import code_digest, shown_settings
from hub.webapp import MANIFEST, TOUCH_ICON, web_app

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

try:  # MkDocs' own page functions, which hub.parallel's worker runs for its share of pages
    from mkdocs.commands.build import _build_page, _populate_page
except ImportError:  # pragma: no cover - a later MkDocs: the build writes every page itself
    _build_page = _populate_page = None  # type: ignore[assignment]

STATIC = Path(__file__).parent / "static"
SCHEMAS = Path(__file__).parent / "schemas"
log = logging.getLogger("mkdocs.plugins.brandhub")
SEARCH_FIELD = Path(__file__).parent / "templates" / "theme" / "search.html"
# Material overrides every hub needs (the repository widget that calls GitHub's API, emptied),
# after the hub's own theme folder (custom_dir), so that a hub's theme/ only holds its brand.
THEME_OVERRIDES = str(Path(__file__).parent / "theme")
MATERIAL_SEARCH = ("material/search", "search")
STYLESHEET = "assets/brandhub/brandhub.css"
SCRIPT = "assets/brandhub/brandhub.js"
# The pages the worker writes get this (empty) template in the build, which then skips them.
WRITTEN_ELSEWHERE = "brandhub-written-by-the-worker.html"
# While the worker writes pages, the build also makes the feeds and the snippets API, or
# with the caches warm (hub.made) their digests: the worker takes half of the pages plus the
# pages' worth of that work, where a feed entry or an item of the API costs about this share
# of a page. Measured with the caches warm, at 1,000 and 10,000 stories: 0.11 (the cost when
# the feeds are written) left the second process the last by 0.5 s and 1.8 s; this ends both
# within 0.3 s of each other. A cold build, which writes them, spends most on social cards.
ENTRY_COST = 0.03
# Material's tags for extra.alternate: the switcher's entries, a home among them.
# Without a leading \s*: the whitespace before each tag goes with str.rstrip (a regex that
# starts with \s* retries every run of indentation in the page, 50 times slower).
MATERIAL_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
NAV_ORDER = (
    *("", "guidelines", "messages", "campaigns", "stories", "snippets", "authors", "glossary"),
)
# The hub's sections as MkDocs names them from their folders, in the hub's language.
SECTION_TITLES = {
    "Guidelines": N_("Guidelines"),
    "Messages": N_("Messages"),
    "Campaigns": N_("Campaigns"),
    "Stories": N_("Stories"),
    "Snippets": N_("Snippets"),
    "Glossary": N_("Glossary"),
    "Authors": N_("Who's who"),  # the people directory, its folder named for the stories' key
}
IN_NAV = {
    "stories/index.md",
    "messages/index.md",
    "campaigns/index.md",
    "snippets/index.md",
    "guidelines/index.md",
    "glossary/index.md",
    "authors/index.md",
}


MATERIAL_CREDIT = (
    '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">'
    "Material for MkDocs</a>"
)


def _name_palette_toggles(palette: Any) -> None:
    """A colour-scheme toggle without a ``name`` (its button's label) gets Brandhub's, in the
    hub's language: a hub of several languages cannot write one in mkdocs.yml for all."""
    options = palette if isinstance(palette, list) else [palette]
    options = [option for option in options if isinstance(option, dict)]
    for index, option in enumerate(options):
        toggle = option.get("toggle")
        if not isinstance(toggle, dict) or toggle.get("name"):
            continue
        following = options[(index + 1) % len(options)].get("scheme")  # what a click shows
        if following == "slate":
            toggle["name"] = _("Switch to dark mode")
        elif following == "default":
            toggle["name"] = _("Switch to light mode")
        else:
            toggle["name"] = _("Switch to the system's colours")


class _Options(Config):  # type: ignore[no-untyped-call]
    """Empty for MkDocs: the options are checked by hub.settings, like front matter."""


class _CachedFile(File):
    """A social card: linked into the site from the card cache rather than copied (thousands
    of cards at scale). The cache replaces a card by writing a new file, never in place, so a
    built site's card never changes under it."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        target = Path(self.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(self.abs_src_path, target)
        except OSError:  # another file system, or links not allowed: copy
            super().copy_file(dirty=False)


def _writing_order(item: Item) -> tuple[int, float]:
    """Where an item's page comes in the order of pages: those in the navigation first (in
    their own order), then the typed items, undated first, then the newest first."""
    if item.kind not in TYPED_FOLDERS:
        return (0, 0.0)
    return (1, -item.date.timestamp() if item.date else -math.inf)


class _HubFile(File):
    """A page of the hub. In a preview's quick ("dirty") rebuild, Brandhub decides whether it
    must be rebuilt (see hub.incremental); None leaves it to MkDocs, which compares times."""

    rebuild: bool | None = None

    def is_modified(self) -> bool:
        return super().is_modified() if self.rebuild is None else self.rebuild

    def html_missing(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class _ListingPage(Page):
    """A generated listing page: its list is rendered as the page is written, so it has no
    Markdown to convert (thousands of pages at scale, each a Markdown set-up otherwise)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()


class _ElsewherePage(_ListingPage):
    """In the build, a page that hub.parallel's worker converts and writes: there is nothing
    to read or convert here either (its title comes from the hub; its anchors from the
    worker, in on_env)."""

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", {}


class BrandhubPlugin(BasePlugin[_Options]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.options: dict[str, Any] = {}
        self.serving = False
        self.dirty = False  # `brandhub serve` rebuilds only what an edit changed
        # Per page, the digest of what it shows, and of what every page shows (navigation,
        # settings, people): at the last build that finished, and at this one.
        self.digests: dict[str, str] = {}
        self.shared = ""
        self.pending: tuple[dict[str, str], str, set[str]] = ({}, "", set())
        self.pages: set[str] = set()  # the HTML files of the last finished build
        self.indexer = BackgroundIndexer()
        self.index: ShardedIndex | Excerpts | None = None  # full build's search index (the
        # worker's: its share of the excerpts)
        self.search_pages: Path | None = None  # where both processes put excerpts
        self.nav: Navigation | None = None
        self.worker: parallel.Worker | None = None  # writes some of a full build's pages
        self.elsewhere: frozenset[str] = frozenset()  # their source paths
        self.in_worker = False
        self.started_dirty = False  # `mkdocs build --dirty` rewrites only some pages
        self.made: dict[str, tuple[str, str | bytes]] = {}  # preview: feeds, API by digest
        self.made_files: MadeFiles | None = None  # a full build's, kept between builds
        self.cards_used: frozenset[str] = frozenset()  # names of this build's cached cards
        self.scratch: Path | None = None  # cards of a build whose cache cannot be written
        self.digested = Digests()  # this build's digests of items
        self.project: Project | None = None
        self.renderer = Renderer()
        self.views: dict[str, v.View] = {}
        self.previews: dict[str, LinkPreview] = {}  # by source path
        self.cache: Path | None = None  # cards, search shards, compiled templates (_cache)
        self.bodies: dict[str, str] = {}  # rendered Markdown of each item, for feeds
        self.fed: frozenset[str] = frozenset()  # the items in feeds (their bodies are kept)
        self.feeds: dict[str, Feed] = {}
        self.newest: datetime | None = None  # the hub's latest change, for undated pages
        self.search_field = ""  # the header's search field, rendered once per build
        self.words: dict[str, str | dict[str, str]] = {}  # brandhub.js's (hub.scriptwords)
        # Set by `brandhub build`, which has just checked the hub: no need to read it twice.
        self.preloaded: Project | None = None
        self.unlink = Unlink(frozenset())
        # Set by `brandhub build` in a hub of several languages: the versions of each page.
        self.alternates: Alternates | None = None
        self.failed: tuple[Problem, ...] = ()  # the content problems that stopped this build
        self.kits: dict[str, Kit] = {}  # public campaigns' share kits, by source path

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[Any], list[Any]]:
        # Settings are checked in on_config with the same mechanism as front matter.
        self.options = dict(options)
        return [], []

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty and self.serving
        self.started_dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The hub's language from the first message on; load_settings adds its locale.
        i18n.activate(i18n.language(config.theme.get("language")))
        if not config.use_directory_urls:
            raise PluginError(_("Brandhub needs 'use_directory_urls: true' in mkdocs.yml"))
        material_search = [name for name in MATERIAL_SEARCH if name in config.plugins]
        if material_search:
            raise PluginError(
                _(
                    "mkdocs.yml: plugins: search: Brandhub brings its own search (Pagefind, "
                    "which stays small for large hubs and ignores accents). Remove '- search' "
                    "from the plugins list."
                )
            )
        # MkDocs keeps one plugin object per process (for `serve`): use a preloaded hub once.
        preloaded, self.preloaded = self.preloaded, None
        self.failed = ()
        try:
            self.project = preloaded or load_project(
                options=self.options,
                content_dir=Path(config.docs_dir),
                site_name=config.site_name,
                site_url=_public_site_url(config),
                config_file=Path(config.config_file_path or "mkdocs.yml").name,
                preview=self.serving,
                root=Path(config.config_file_path or "mkdocs.yml").resolve().parent,
                language=config.theme.get("language"),
                building=os.environ.get(LANGUAGE_VARIABLE) if self.serving else None,
            )
        except ContentError as exc:
            self.failed = tuple(exc.problems)  # the preview shows them (hub.problempage)
            raise PluginError(str(exc)) from None
        if self.project.settings.languages:  # this build's language (hub.languages)
            i18n.activate(self.project.settings.spoken)
            config.theme["language"] = self.project.settings.language
            # mkdocs.yml's own words, in this language where brandhub.translations gives them
            translated = self.project.settings.translations.get(self.project.settings.language)
            for key, words in (translated or {}).items():
                config[key] = words
        _name_palette_toggles(config.theme.get("palette"))
        if preloaded is None:  # `brandhub build` and `check` print them themselves
            for notice in self.project.notices:
                log.info(str(notice))
        # Links to pages the site leaves out (an expired story) are shown as their text.
        self.unlink = Unlink(self.project.hidden)
        # Python-Markdown takes an extension object where MkDocs' setting names one.
        config.markdown_extensions.append(self.unlink)  # type: ignore[arg-type]
        if self.project.hub.glossary:  # its terms' definitions, as tooltips on every page
            glossary = AbbrExtension(glossary=abbreviations(self.project.hub.glossary))
            config.markdown_extensions.append(glossary)  # type: ignore[arg-type]
        if not self.serving:
            frontmatter.forget()
            voice.forget()
        if THEME_OVERRIDES not in config.theme.dirs:
            custom = config.theme.custom_dir
            config.theme.dirs.insert(1 if custom else 0, THEME_OVERRIDES)
        if self.renderer.overrides != config.theme.custom_dir:  # kept across a preview's
            self.renderer = Renderer(overrides=config.theme.custom_dir)  # rebuilds (compiled)
        self.renderer.forget()
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.cache = root / self.project.settings.cache_dir
        if self.project.settings.languages:  # each language's cards, feeds and shards
            self.cache = self.cache / "languages" / self.project.settings.language
        project = self.project
        self.previews = {}
        self.digested = Digests()
        # A full build reuses the last one's feeds and API where they show the same.
        self.made_files = None if self.serving or self.dirty else MadeFiles(self._cache("made"))
        # A quick rebuild renders only changed pages: the feeds keep the others' bodies.
        kept = project.by_src if self.dirty else {}
        self.bodies = {src: html for src, html in self.bodies.items() if src in kept}
        self.newest = v.newest_moment(project.hub, project.now)
        self.feeds = {f.key: f for f in feeds(project.hub, project.settings, project.now)}
        self.fed = frozenset(item.src for feed in self.feeds.values() for item in feed.items)
        self.views = {
            view.src: view
            for view in v.build_views(
                project.hub,
                project.settings,
                project.now,
                preview=project.preview,
                hub_feeds=list(self.feeds.values()),
            )
        }
        self.words = script_words()  # in the hub's language, active since its settings loaded
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        # A save that breaks the hub: the browser shows its problems, not the last good page.
        from hub.problempage import ProblemPage, render

        def page(problems: Iterable[Problem]) -> str:
            return render(problems, renderer=self.renderer, site_name=config.site_name)

        ProblemPage(server, lambda: self.failed, page)
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        project = self._project()
        shown: list[tuple[Item, _HubFile]] = []
        keys = _keys(project)
        for file in list(files):
            if keys is not None and file.is_documentation_page():
                if file.src_uri in project.others:  # another language's: its own site's
                    files.remove(file)
                    continue
                key = keys.get(file.src_uri, file.src_uri)
            else:
                key = file.src_uri
            item = project.by_src.get(key) if file.is_documentation_page() else None
            if item is None:
                continue
            files.remove(file)
            public = state(item, project.now) is State.PUBLIC
            if not public and not project.preview:
                continue
            if not public:
                inclusion = InclusionLevel.DRAFT
            elif item.kind in TYPED_FOLDERS:
                inclusion = InclusionLevel.NOT_IN_NAV
            else:
                inclusion = file.inclusion
            hub_file = _HubFile(
                item.src,
                file.src_dir,
                file.dest_dir,
                file.use_directory_urls,
                dest_uri=f"{item.url}index.html",
                inclusion=inclusion,
            )
            if item.src != file.src_uri:  # x.es.md, read under its key (hub.languages)
                hub_file.abs_src_path = file.abs_src_path
                hub_file.edit_uri = file.edit_uri
            shown.append((item, hub_file))
        # MkDocs writes pages in this order, and search shards follow it (hub.search): the
        # newest stories first, so that a pull request's new or fixed story lands in a shard
        # indexed early, beside the pages still being written, not in the last shard, which the
        # build would wait for. The pages of the navigation keep their order.
        for _item, hub_file in sorted(shown, key=lambda pair: _writing_order(pair[0])):
            files.append(hub_file)
        languages = project.settings.languages
        for path in (
            *private_assets(project.hub, project.now, preview=project.preview),
            AUTHORS_FILE,
            GLOSSARY_FILE,
            *(glossary_file(code, languages) for code in languages),
            *(people_file(code, languages) for code in languages),
        ):
            private = files.get_file_from_path(path)
            if private is not None:
                files.remove(private)
        for view in self.views.values():
            inclusion = InclusionLevel.INCLUDED if view.src in IN_NAV else InclusionLevel.NOT_IN_NAV
            files.append(_HubFile.generated(config, view.src, content="", inclusion=inclusion))
        self._add_previews(files, config)
        files.append(
            File.generated(
                config,
                "api/snippets.schema.json",
                abs_src_path=str(SCHEMAS / "snippets.schema.json"),
            )
        )
        for item in project.hub.items:
            ics = self._calendar(item)
            if ics is not None:
                files.append(File.generated(config, calendar_path(item), content=ics))
        self.kits = {}
        for item in project.hub.items:
            kit = self._kit(item, Path(config.docs_dir))
            if kit is not None:
                self.kits[item.src] = kit
                files.append(File.generated(config, kit.path, content=kit.data))
        for path, content in self._web_app(config).items():
            files.append(File.generated(config, path, content=content))
        for asset in (STYLESHEET, SCRIPT):
            name = asset.rsplit("/", 1)[-1]
            files.append(File.generated(config, asset, abs_src_path=str(STATIC / name)))
        return files

    def _add_previews(self, files: Files, config: MkDocsConfig) -> None:
        """A link preview for every page; a social card drawn for each page without image."""
        project = self._project()
        language = config.theme.get("language")
        content = Path(config.docs_dir)
        for file in files.documentation_pages():
            item = project.by_src.get(file.src_uri)
            view = self.views.get(file.src_uri)
            if item is not None:
                self.previews[file.src_uri] = preview(
                    title=item.title,
                    description=item.description or item.summary,
                    url=item.url,
                    settings=project.settings,
                    site_url=project.site_url,
                    item=item,
                    content_dir=content,
                    language=language,
                )
            elif view is not None:
                self.previews[file.src_uri] = preview(
                    title=view.title,
                    description=view.summary,
                    url=view.url,
                    settings=project.settings,
                    site_url=project.site_url,
                    language=language,
                    # Page 2 and later of a listing show page 1's card (one per listing).
                    card_title=view.data.get("listing_title"),
                )
        cards: dict[str, CardText] = {}  # by their path in the site
        for link in self.previews.values():
            if link.card is not None and link.card_path:
                cards.setdefault(link.card_path, link.card)
        cache = self._card_folder()
        kept = {path: cached_file(card, cache) for path, card in cards.items()}
        undrawn = {kept[path]: card for path, card in cards.items() if not intact(kept[path])}
        # Cards not drawn yet (a first build draws thousands, 8 ms each) are drawn on both
        # cores; a preview keeps to one process.
        parallel.split_map(
            partial(card_file, cache=cache), list(undrawn.values()), split=not self.serving
        )
        for path, drawn in kept.items():
            files.append(_CachedFile.generated(config, path, abs_src_path=str(drawn)))
        self.cards_used = frozenset(
            name for drawn in kept.values() for name in (drawn.name, seal_of(drawn).name)
        )

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.elsewhere:
            return output  # empty: the worker writes this page
        page.content = None  # written now; nothing later reads it, and all pages' add up
        # As Material's social plugin does: the preview tags go just before </head>.
        link = self.previews.get(page.file.src_uri)
        if link is None:
            return output
        view = self.views.get(page.file.src_uri)
        if view is None or view.data.get("page", 1) == 1:  # later pages repeat the title
            output = mark_searchable(output)
            if self.index is not None:
                try:
                    self.index.written(page.file.dest_uri, output)
                except OSError as exc:  # a full disk, say
                    raise PluginError(
                        _(
                            "Search: could not keep %(page)s for the index (%(problem)s)",
                            page=page.file.dest_uri,
                            problem=exc,
                        )
                    ) from None
        output = add_to_header(output, self.search_field)
        keys = ["all"] + ([view.feed_key] if view is not None and view.feed_key else [])
        base = "" if page.file.url in ("", "./") else page.file.url
        tags = self.renderer.fragment(
            "head.html",
            page_url="",
            og=link,
            site_url=self._project().site_url,
            feeds=[self.feeds[key] for key in keys if key in self.feeds],
            words=self.words,
            manifest=relative(MANIFEST, base),
            touch_icon=relative(TOUCH_ICON, base),
        )
        head, found, rest = output.partition("</head>")
        if self.alternates is not None:  # Material's tags are in the head: only it is read
            tags = Markup(f"{tags}{self._hreflang(page)}")
            head = _without_material_alternates(head)
        return f"{head}{tags}{found}{rest}" if found else head

    @event_priority(-100)  # last: the worker must start from the final navigation
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # The hub's sections in the order a new hire needs them; other pages keep their order.
        def rank(entry: Any) -> int:
            top = _top(entry)
            return NAV_ORDER.index(top) if top in NAV_ORDER else len(NAV_ORDER)

        nav.items.sort(key=rank)
        for entry in nav.items:
            # A section MkDocs named after one of the hub's folders speaks the hub's language.
            named = isinstance(entry, Section) and entry.title in SECTION_TITLES
            if named and _top(entry) == entry.title.lower():
                entry.title = _(SECTION_TITLES[entry.title])
        self.nav = nav
        for src in self.views:
            file = files.get_file_from_path(src)
            if file is not None and not _in_nav(file):
                _ListingPage(None, file, config)
        self._plan_rebuild(nav, files)
        if not self.serving and not self.started_dirty:
            self._start_worker(config, files, nav)
        return nav

    def _plan_rebuild(self, nav: Navigation, files: Files) -> None:
        """In a preview's quick rebuild, digest what each page shows and mark those changed."""
        if not self.dirty:
            return
        project = self._project()
        shared = everywhere(
            _nav_outline(nav.items, project, self.views),
            project.settings,
            sorted(project.hub.authors.items()),
            project.hub.glossary,  # its tooltips are on every page
            project.site_url,
        )
        digests = self.digested
        shown = [
            entry.item for entry in v.visible(project.hub, project.now, preview=project.preview)
        ]
        current: dict[str, str] = {}
        for file in files.documentation_pages():
            if not isinstance(file, _HubFile):
                continue
            view = self.views.get(file.src_uri)
            item = project.by_src.get(file.src_uri)
            if view is not None:
                current[file.src_uri] = digests.view(view)
            elif item is not None and gathers(item):
                current[file.src_uri] = digests.gathering(item, shown)
            if shared != self.shared:
                file.rebuild = True
            elif file.src_uri in current:
                before = self.digests.get(file.src_uri)
                file.rebuild = before != current[file.src_uri] or file.html_missing()
        pages = {file.dest_uri for file in files.documentation_pages()}
        self.pending = (current, shared, pages)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self.unlink.page = page.file.src_uri
        page.update_date = self._page_date(self._project().by_src.get(page.file.src_uri))
        page.meta = self._meta(page.file.src_uri) or page.meta
        return markdown

    def _meta(self, src: str) -> dict[str, Any] | None:
        """What Material shows of a hub page (title, description, options), escaped once."""
        item = self._project().by_src.get(src)
        view = self.views.get(src)
        if item is not None:
            return {
                **_safe_meta(item.title, item.description or item.summary),
                **dict(item.material),
            }
        if view is not None:
            return _safe_meta(view.title, view.summary)
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        project = self._project()
        src = page.file.src_uri
        item = project.by_src.get(src)
        if item is None or src in self.views or src in self.elsewhere:
            return html
        if project.settings.html_sanitize:
            html = Policy(project.settings.embed_hosts).clean(html)
        if self.serving or src in self.fed:
            self.bodies[src] = html
        if not self.serving:
            page.markdown = ""  # converted; only a preview's quick rebuild looks at it again
        return html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # A page's own parts (byline, share cards, the list of a listing) are rendered as the
        # page is written, not with its Markdown: MkDocs holds every page's content until the
        # end of the build, and these parts are most of it (900 MB at 10,000 stories).
        project = self._project()
        src = page.file.src_uri
        if src in self.elsewhere:
            return context
        page_url = "" if page.file.url in ("", "./") else page.file.url
        common: dict[str, Any] = {
            "authors": project.hub.authors,
            "page_url": page_url,
            "share_cards": self._share_cards,
        }
        if self.alternates is not None:  # the language switcher leads to this page's versions
            config.extra["alternate"] = self.alternates.links(
                src, project.settings.language, page_url
            )
        view = self.views.get(src)
        if view is not None:
            listing = self.renderer.fragment(view.fragment, view=view, **common)
            feed = self.feeds.get(view.feed_key) if view.feed_key else None
            listing += self.renderer.fragment("subscribe.html", feed=feed, **common)
            # Search finds a listing by its title and each story on its own page.
            page.content = not_indexed(listing)
            return context
        item = project.by_src.get(src)
        if item is not None:
            page.content = self._wrap(item, page.content or "", common)
        return context

    @event_priority(-100)  # last: the worker's pages are rendered in this environment
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # The footer's credit to the theme (partials/copyright.html), in the hub's language.
        env.globals["brandhub_made_with"] = Markup(_("Made with %(theme)s")) % {
            "theme": Markup(MATERIAL_CREDIT)
        }
        # The sitemap's hreflang alternates (theme/sitemap.xml), in a hub of several languages.
        env.globals["brandhub_alternates"] = self._versions if self.alternates else None
        # Every page is converted now and no file is copied yet: the feeds can be added.
        language = config.theme.get("language") or "en"
        # Templates are compiled afresh by each build: Jinja's bytecode cache is marshalled
        # code, which would run whatever a file planted in the cache folder says.
        if self.dirty:
            self._name_unread_pages(files)
        template = env.from_string(SEARCH_FIELD.read_text(encoding="utf-8"))
        self.search_field = template.render(
            config=config, folder=SEARCH_FOLDER, results_label=_("Search results")
        )
        if self.nav is not None:
            theme = config.theme
            share_navigation(
                env,
                self.nav,
                fixed_urls=[theme.get("logo"), theme.get("favicon"), config.extra.get("homepage")],
            )
        if self.alternates is not None:  # the "not found" page leads to each home
            config.extra["alternate"] = self.alternates.homes()
        if self.in_worker:
            return env
        # Made while the worker converts its pages: the API needs none of them.
        project = self._project()
        self._output(
            files,
            config,
            "api/snippets.json",
            partial(
                self.digested.posts,
                project.hub.items,
                project.now,
                shown_settings(project.settings),
                project.site_url,
            ),
            lambda: snippets_chunks(
                project.hub, project.settings, project.now, project.site_url, self._kept_lines()
            ),
        )
        if self.worker is not None:
            self._skip_worker_pages(env, files)
        if not self.serving and not self.started_dirty:
            pages, self.search_pages = self.search_pages, None
            try:
                shard_pages = project.settings.search_shard_pages
                index = ShardedIndex(
                    Path(config.site_dir),
                    shard_pages,
                    self._shard_least(files),
                    pages,
                    cache=self._cache("search"),
                )
            except (SearchIndexError, OSError) as exc:
                raise PluginError(_("Search: %(problem)s", problem=exc)) from None
            self.index = index
            if self.worker is not None:
                self.worker.attach(index.shard)
        # Made while the worker writes pages; they need the bodies it has converted.
        for feed in self.feeds.values():
            self._add_feed(feed, files, config, language)
        return env

    def _start_worker(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Fork a worker that converts and writes about half of the hub's items and listings
        (see hub.parallel). Pages in the navigation are converted by both: each shows their
        titles."""
        others = [name for name in config.plugins if name != "brandhub"]
        if others:
            log.debug("One process writes the pages: %s may need to see each", others)
        if others or not self._project().settings.parallel_build or not parallel.available():
            return
        if _build_page is None or _populate_page is None:  # pragma: no cover - another MkDocs
            return
        project = self._project()
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        in_nav = [  # each process shows their titles in the navigation
            file for file in doc_files if file.page is not None and _in_nav(file)
        ]
        movable = [
            file
            for file in doc_files
            if not _in_nav(file) and (file.src_uri in self.views or file.src_uri in project.by_src)
        ]
        # The worker takes more than half: this process also makes the feeds, the API and the
        # search index, and renders the pages of the navigation. Which process writes a page
        # depends on the page alone: adding or removing a story moves no other page to the
        # other process, whose search shards then stay as they were (hub.search.ShardCache).
        entries = sum(len(feed.items) for feed in self.feeds.values()) + len(project.by_src)
        part = _worker_part(len(movable), entries)
        share = [file for file in movable if _worker_writes(file.src_uri, part)]
        if not share:
            return
        # The worker writes the search excerpts of its pages beside the build's (hub.search).
        excerpts = None if self.started_dirty else pages_folder()
        self.search_pages = excerpts
        shard_pages = project.settings.search_shard_pages
        least = self._shard_least(files)

        def work(reports: parallel.Reports) -> None:  # pragma: no cover - in the worker
            self.in_worker = True
            mine = (
                None
                if excerpts is None
                else Excerpts(excerpts, "worker", shard_pages, reports.shard, least)
            )
            self.index = mine
            pages = [file.page for file in share if file.page is not None]
            for page in [file.page for file in in_nav if file.page is not None] + pages:
                _populate_page(page, config, files)
            reports.converted(
                {
                    "anchors": {page.file.src_uri: _anchors(page) for page in pages},
                    "bodies": self.bodies,  # of its items that feeds carry
                }
            )
            env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
            for page in pages:
                _build_page(page, config, doc_files, nav, env)
            if mine is not None:
                mine.close()

        self.worker = parallel.Worker(work)
        self.elsewhere = frozenset(file.src_uri for file in share)
        for file in share:
            _ElsewherePage(None, file, config)
        logging.getLogger("mkdocs.commands.build").addFilter(self._not_skipped)

    def _shard_least(self, files: Files) -> int:
        """Where both processes' search shards may end (hub.search.shard_least)."""
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        return shard_least(len(pages), self._project().settings.search_shard_pages)

    def _skip_worker_pages(self, env: Any, files: Files) -> None:
        """Give the worker's pages its anchors, and an empty template, which MkDocs skips."""
        assert self.worker is not None
        try:
            found = self.worker.converted()
        except parallel.WorkerFailed as exc:
            raise PluginError(str(exc)) from None
        self.bodies.update(found["bodies"])
        env.loader = ChoiceLoader([DictLoader({WRITTEN_ELSEWHERE: ""}), env.loader])
        for src in self.elsewhere:
            file = files.get_file_from_path(src)
            if file is None or file.page is None:  # pragma: no cover - the worker's own
                continue
            page = file.page
            page.meta = {**page.meta, "template": WRITTEN_ELSEWHERE}
            ids, links = found["anchors"].get(src, ([], {}))
            page.present_anchor_ids = set(ids)
            page.links_to_anchors = {
                target: dict(anchors)
                for path, anchors in links.items()
                if (target := files.get_file_from_path(path)) is not None
            }

    def _hreflang(self, page: Page) -> str:
        """The page's versions in the other languages, for search engines: only versions
        of the same page (Material's tags, which the switcher's fallbacks to a home make too,
        are replaced)."""
        return "".join(
            f'<link rel="alternate" hreflang="{code}" href="{escape(href)}">\n'
            for code, href in self._versions(page)
        )

    def _versions(self, page: Page) -> list[tuple[str, str]]:
        """(hreflang, absolute address) of the page's versions, itself included; none for a
        page in one language only."""
        assert self.alternates is not None
        url = "" if page.file.url in ("", "./") else page.file.url
        language = self._project().settings.language
        return self.alternates.hreflang(page.file.src_uri, language, url)

    def _not_skipped(self, record: logging.LogRecord) -> bool:
        """Hide MkDocs' "Page skipped" notice for the pages the worker writes."""
        message = record.getMessage()
        if not message.startswith("Page skipped: '"):
            return True
        return message.split("'")[1] not in self.elsewhere

    def _stop_worker(self, *, failed: bool = True) -> None:
        worker, self.worker = self.worker, None
        self.elsewhere = frozenset()
        logging.getLogger("mkdocs.commands.build").removeFilter(self._not_skipped)
        if worker is None:
            return
        if failed:
            worker.stop()
            return
        try:
            worker.wait()
        except parallel.WorkerFailed as exc:
            raise PluginError(str(exc)) from None

    def _add_feed(self, feed: Feed, files: Files, config: MkDocsConfig, language: str) -> None:
        """The feed in its three formats; its entries are gathered once, and only if one of
        them must be made."""
        project = self._project()
        content = Path(config.docs_dir)
        entries = cache(
            partial(
                entries_for,
                feed,
                project.hub,
                project.settings,
                project.site_url,
                self.bodies,
                content,
            )
        )
        # Feeds also show the size of each image they enclose and the names of the authors
        # (hub.feeds.entries_for), which the items' digests do not hold.
        enclosed = tuple(enclosure_size(content / i.image) for i in feed.items if i.image)
        people = project.hub.authors
        names = tuple(people[a].name for i in feed.items for a in i.authors if a in people)
        digest = cache(
            partial(
                self.digested.feed,
                feed,
                self.bodies,
                shown_settings(project.settings),
                project.site_url,
                language,
                enclosed,
                names,
            )
        )
        for fmt, write in (("rss", rss), ("atom", atom), ("json", json_feed)):

            def make(write: Callable[..., str | bytes] = write) -> str | bytes:
                return write(feed, entries(), project.site_url, language)

            self._output(files, config, feed.path(fmt), digest, make)

    def _kept_lines(self) -> KeptLines | None:
        """A full build's API lines, kept between builds (hub.api.KeptLines)."""
        if self.made_files is None:
            return None
        project = self._project()
        context = f"{code_digest(*API_LIBRARIES)}|{shown_settings(project.settings)!r}"
        return KeptLines(
            self._cache("api/snippets.lines"), context, project.site_url, self.digested.item
        )

    def _output(
        self,
        files: Files,
        config: MkDocsConfig,
        path: str,
        digest: Callable[[], str],
        make: Callable[[], str | bytes | Iterable[str]],
    ) -> None:
        """Add a made file (a feed, the API, which comes in pieces) to the site.

        A full build writes it into the site folder at once, as MkDocs lets plugins do, rather
        than holding it to the end of the build (the API alone is 50 MB at 10,000 stories). A
        preview's quick rebuild keeps each one and makes it again only when what it shows
        changed; a full build takes it from the cache folder when the last build made it
        from the same (hub.made)."""
        if self.dirty:
            key = digest()
            if self.made.get(path, ("",))[0] != key:
                made = make()
                self.made[path] = (key, made if isinstance(made, str | bytes) else "".join(made))
            files.append(File.generated(config, path, content=self.made[path][1]))
            return
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        kept = self.made_files
        name = "" if kept is None else kept.name(path, digest())
        if kept is None or not kept.take(name, target):
            content = make()
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                with target.open("w", encoding="utf-8") as out:
                    out.writelines([content] if isinstance(content, str) else content)
            if kept is not None:
                kept.keep(name, target)
        files.append(File.generated(config, path, abs_src_path=str(target)))

    def _name_unread_pages(self, files: Files) -> None:
        """A quick rebuild does not read unchanged pages, but the pages it rebuilds show their
        titles in the navigation: give them the titles the hub already knows."""
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.markdown is not None:
                continue
            page.markdown = ""
            page.meta = self._meta(file.src_uri) or page.meta

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # The "not found" page gets the search field too: it is where a reader needs it most.
        return add_to_header(output_content, self.search_field)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._drop_scratch()  # its cards are in the site by now
        site = Path(config.site_dir)
        gone = self.pages - self.pending[2]
        self.digests, self.shared, self.pages = self.pending
        if self.dirty:
            # A quick rebuild writes over the last one: the pages of deleted or moved items
            # must go, so that neither the preview nor its search shows them.
            for page in gone:
                (site / page).unlink(missing_ok=True)
        if self.serving:  # the preview reloads now; its search catches up a moment later
            self.indexer.submit(site)
            return

        self._stop_worker(failed=False)  # on failure, on_build_error abandons the index
        index, self.index = self.index, None
        try:
            if isinstance(index, ShardedIndex):
                index.finish()
            else:  # `mkdocs build --dirty`: the pages not rewritten are indexed too
                index_site(site)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        if self.made_files is not None:  # a full build: what it did not use can go
            self.made_files.prune()
            prune(self._cache("cards"), self.cards_used)  # an old title's, an old drawing's

    def forget(self) -> None:
        """Let go of a finished build's hub, pages and what it made of them (a hub of several
        languages builds each language once, and the next one needs the memory)."""
        self.project = None
        self.nav = None
        self.views = {}
        self.previews = {}
        self.bodies = {}
        self.feeds = {}
        self.fed = frozenset()
        self.digested = Digests()
        self.made = {}
        self.unlink = Unlink(frozenset())

    def on_build_error(self, *, error: Exception) -> None:
        self._abandon()

    def _abandon(self) -> None:
        """Stop what a build that will not finish started: the worker, the search index."""
        self._stop_worker()
        self._drop_scratch()
        if isinstance(self.index, ShardedIndex):
            self.index.abandon()
        self.index = None
        if self.search_pages is not None:  # the build failed before its index was made
            shutil.rmtree(self.search_pages, ignore_errors=True)
            self.search_pages = None

    def on_shutdown(self) -> None:
        # A build stopped by a signal (hub.atomic.Stopped, Ctrl-C) ends past MkDocs' error
        # handling, with no on_build_error: what it started is stopped here. After a build
        # that finished, nothing is left to stop.
        self._abandon()
        self.indexer.stop()
        self._drop_scratch()

    def _card_folder(self) -> Path:
        """Where cards are drawn and kept: the cache's card folder; where that cannot be
        written (a read-only cache, a file of its name), a folder of this build's own, removed
        after it: the cards are then drawn again by the next build."""
        folder = self._cache("cards")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            pass
        if self.scratch is None:
            log.info(
                _(
                    "Social cards are drawn for this build only: %(folder)s cannot be written",
                    folder=folder,
                )
            )
            self.scratch = Path(tempfile.mkdtemp(prefix="brandhub-cards-"))
        return self.scratch

    def _drop_scratch(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def _wrap(self, item: Item, html: str, common: dict[str, Any]) -> str:
        project = self._project()
        has_h1 = html.lstrip().startswith("<h1")
        header = self.renderer.fragment(
            "item-header.html",
            item=item,
            state=str(state(item, project.now)),
            has_h1=has_h1,
            **common,
        )
        related = (
            v.campaign_members(project.hub, item, project.now, preview=project.preview)
            if item.kind is Kind.CAMPAIGN
            else []
        )
        calendar = calendar_path(item) if item.kind is Kind.CAMPAIGN and item.starts else None
        footer = self.renderer.fragment(
            "item-footer.html",
            related=related,
            calendar=calendar,
            host=urlsplit(project.site_url).netloc,
            item=item,
            steps=journey(
                item, project.by_src, project.hidden, common["page_url"], project.site_url
            ),
            people=[project.hub.authors[a] for a in item.authors],
            buddy=self._buddy(item),
            kit=self.kits.get(item.src),
            kit_summary=kit_summary,
            **common,
        )
        if item.kind is Kind.HOME:
            home = v.home_data(project.hub, project.now, preview=project.preview)
            shown = self.renderer.fragment("home.html", home=home, **common)
            footer = Markup(f"{footer}{not_indexed(shown)}")
        if has_h1:
            heading, _h1, rest = html.partition("</h1>")
            return f"{heading}</h1>{header}{rest}{footer}"
        return f"{header}{html}{footer}"

    def _buddy(self, item: Item) -> tuple[Any, bool] | None:
        """A welcome campaign's buddy, and whether their page is in the site to link to."""
        person = self._project().hub.authors.get(item.buddy or "")
        if person is None:
            return None
        return person, f"{author_url(person.id)}index.md" in self.views

    def _web_app(self, config: MkDocsConfig) -> dict[str, str | bytes]:
        """The web app manifest and its icons: the theme's favicon and logo, and the two the
        hub draws (hub.webapp)."""
        theme = config.theme
        return web_app(
            name=config.site_name,
            description=config.site_description or "",
            language=theme.get("language") or "en",
            settings=self._project().settings,
            favicon=theme.get("favicon"),
            logo=theme.get("logo"),
            folders=[Path(config.docs_dir), *(Path(d) for d in theme.dirs)],
        )

    def _kit(self, item: Item, content: Path) -> Kit | None:
        """A public campaign's share kit: its published stories' and snippets' posts only,
        in a preview too (a kit is meant to leave the hub)."""
        project = self._project()
        if item.kind is not Kind.CAMPAIGN or state(item, project.now) is not State.PUBLIC:
            return None
        members = [
            entry.item
            for entry in v.campaign_members(project.hub, item, project.now, preview=False)
            if entry.item.kind in (Kind.STORY, Kind.SNIPPET)
        ]
        calendar = campaign_ics(item, project.site_url, project.settings.organisation)
        return share_kit(item, members, project.settings, project.site_url, content, calendar)

    def _calendar(self, item: Item) -> bytes | None:
        project = self._project()
        shown = project.preview or state(item, project.now) is State.PUBLIC
        if item.kind is not Kind.CAMPAIGN or not shown:
            return None
        return campaign_ics(item, project.site_url, project.settings.organisation)

    def _page_date(self, item: Item | None) -> str:
        """The sitemap's date for a page, from the content (never the build clock): the item's
        own update or publication, else SOURCE_DATE_EPOCH, else the hub's newest change."""
        moment = (item.updated or item.date) if item is not None else None
        if moment is None and os.environ.get("SOURCE_DATE_EPOCH"):
            return get_build_date()
        moment = moment or self.newest
        return moment.date().isoformat() if moment else get_build_date()

    def _share_cards(self, item: Item) -> list[ShareCard]:
        project = self._project()
        posts = posts_for(item, project.settings, project.site_url)
        return [share_card(post, project.settings) for post in posts]

    def _cache(self, part: str) -> Path:
        """A part of the cache folder (settings.cache_dir)."""
        if self.cache is None:  # pragma: no cover - set in on_config
            raise PluginError(_("Brandhub was not configured"))
        return self.cache / part

    def _project(self) -> Project:
        if self.project is None:  # pragma: no cover - MkDocs always calls on_config first
            raise PluginError(_("Brandhub was not configured"))
        return self.project


def _keys(project: Project) -> dict[str, str] | None:
    """In a hub of several languages, the key of each file read under its key (x.es.md's
    is x.md); None in a hub of one language."""
    if not project.settings.languages:
        return None
    return {source: key for key, source in project.sources.items()}


def _worker_part(pages: int, entries: int) -> float:
    """The part of ``pages`` the worker writes while the build also makes ``entries`` feed
    entries and API items, in steps of 2 % (a new story seldom changes it: a change moves
    pages between the processes, and so every search shard)."""
    part = 0.5 + ENTRY_COST * entries / (2 * max(pages, 1))
    return min(round(part * 50) / 50, 0.8)


def _worker_writes(src_uri: str, part: float) -> bool:
    """Whether the worker writes this page, one of a ``part`` of the pages chosen by a checksum
    of the page's path (the same page goes to the same process in every build)."""
    return zlib.crc32(src_uri.encode("utf-8")) % 1000 < part * 1000


def _in_nav(file: File) -> bool:
    return bool(file.inclusion.value > InclusionLevel.NOT_IN_NAV.value)


def _anchors(page: Page) -> tuple[list[str], dict[str, dict[str, str]]]:
    """What MkDocs checks of a page's anchors at the end of a build, as JSON."""
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return sorted(page.present_anchor_ids or ()), links


def _public_site_url(config: MkDocsConfig) -> str | None:
    """`mkdocs serve` replaces site_url with its local address; share links, their lengths and
    link previews need the public one, which `brandhub serve` passes on."""
    return os.environ.get(SITE_URL_VARIABLE) or config.site_url


def _safe_meta(title: str, description: str) -> dict[str, Any]:
    # Material writes page.meta values raw into <title>, meta tags and the nav: escape them once.
    return {"title": escape(title), "description": escape(description)}


def _nav_outline(entries: list[Any], project: Project, views: dict[str, v.View]) -> list[Any]:
    """The navigation as every page shows it: section titles, and page titles and addresses."""
    outline: list[Any] = []
    for entry in entries:
        if isinstance(entry, Section):
            outline.append((entry.title, _nav_outline(entry.children, project, views)))
            continue
        file = getattr(entry, "file", None)
        src = file.src_uri if file is not None else ""
        item, view = project.by_src.get(src), views.get(src)
        title = item.title if item else view.title if view else entry.title
        outline.append((src or getattr(entry, "url", ""), title))
    return outline


def _without_material_alternates(output: str) -> str:
    """The page without Material's hreflang tags, nor the whitespace before each."""
    parts = MATERIAL_ALTERNATE.split(output)
    return "".join([part.rstrip() for part in parts[:-1]] + parts[-1:])


def _top(entry: Any) -> str:
    """The first folder of a nav entry's address ('' for the home)."""
    if isinstance(entry, Section):
        return _top(entry.children[0]) if entry.children else "~"
    url: str = getattr(entry, "url", None) or ""
    return url.strip("./").split("/")[0]
