"""The ``brandhub`` command line: check, build, serve, new, import-feed, intake and init.

Every command takes ``-f CONFIG`` and ``--content DIR``. Problems go to stderr, one line each,
and the command exits 1; no traceback reaches an editor (set BRANDHUB_DEBUG=1 to see one).

In GitHub Actions (GITHUB_ACTIONS=true) problems are annotations, workflow commands with their
file and text escaped, and everything else printed, log messages included, goes through
hub.escape.no_commands: a file name or title with a line break in it cannot start a command.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from zoneinfo import ZoneInfo

import click
from mkdocs import exceptions as mkdocs_errors
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from hub import __version__, i18n, newhub
from hub.alternates import alternates, write_top
from hub.atomic import Stopped, write_atomically
from hub.escape import no_commands
from hub.exposure import moment_text
from hub.i18n import _, n_
from hub.languages import file_for, name_in
from hub.model import Kind
from hub.problems import ContentError, Problem
from hub.project import (
    LANGUAGE_VARIABLE,
    NOW_VARIABLE,
    SITE_URL_VARIABLE,
    Project,
    load_project,
    parse_now,
)
from hub.publish import State, changes, state
from hub.review import ReviewError, base_content, compare, load_base, summary
from hub.scaffold import KINDS, new_file
from hub.urls import slugify

if TYPE_CHECKING:
    from hub.digest import State as Sent

log = logging.getLogger("brandhub")
# brandhub digest's formats (hub.digest.FORMATS, which a build need not import)
DIGEST_FORMATS = ("html", "text", "slack", "teams")


def _in_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _echo(message: str, *, err: bool = False, nl: bool = True, command: bool = False) -> None:
    """Print ``message``; in GitHub Actions, only a ``command`` of Brandhub's own (an
    annotation it escaped) may be a workflow command."""
    click.echo(message if command or not _in_actions() else no_commands(message), err=err, nl=nl)


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        level = "" if record.levelno < logging.WARNING else f"{record.levelname.lower()}: "
        text = level + record.getMessage()
        return no_commands(text) if _in_actions() else text


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    for name, level in (
        ("mkdocs", logging.INFO if verbose else logging.WARNING),
        ("brandhub", logging.INFO),
    ):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False


def _fail(message: str) -> NoReturn:
    _echo(message, err=True)
    sys.exit(1)


def _report(problems: ContentError) -> NoReturn:
    for problem in problems.problems:
        if _in_actions():
            _echo(problem.github_annotation(), err=True, command=True)
        else:
            _echo(str(problem), err=True)
    count = len(problems.problems)
    if click.get_current_context().info_name == "build":
        _fail(
            n_(
                "%(count)s problem found; nothing was built.",
                "%(count)s problems found; nothing was built.",
                count,
            )
        )
    _fail(
        n_(
            "%(count)s problem found; fix it and run again.",
            "%(count)s problems found; fix them and run again.",
            count,
        )
    )


@contextmanager
def _friendly_errors() -> Iterator[None]:
    """Turn every failure into one clear line on stderr."""
    try:
        yield
    except ContentError as exc:
        _report(exc)
    except Stopped as exc:
        _echo(_("Stopped by %(signal)s: the previous site is kept.", signal=exc.name), err=True)
        sys.exit(128 + exc.signum)
    except (
        mkdocs_errors.ConfigurationError,
        mkdocs_errors.PluginError,
        mkdocs_errors.BuildError,
    ) as exc:
        _fail(_("error: %(problem)s", problem=exc))
    except mkdocs_errors.Abort as exc:
        _fail(_("error: %(problem)s", problem=exc))
    except OSError as exc:
        what = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        _fail(_("error: %(problem)s", problem=what))
    except Exception as exc:
        if os.environ.get("BRANDHUB_DEBUG"):
            raise
        what = f"{type(exc).__name__}: {exc}"
        _fail(
            _(
                "internal error: %(problem)s "
                "(please report it; BRANDHUB_DEBUG=1 shows the details)",
                problem=what,
            )
        )


def _config(config_file: str, content: str | None, **overrides: Any) -> MkDocsConfig:
    # Until mkdocs.yml is read, the hub's language is not known: those messages are English
    # (the catalogue's source language); MkDocs' own errors about the file are English too.
    if not Path(config_file).is_file():
        _fail(
            _(
                "error: %(file)s not found (run brandhub in your hub's folder or pass -f)",
                file=config_file,
            )
        )
    if content is not None:
        overrides["docs_dir"] = str(Path(content).resolve())
    config = load_config(config_file=config_file, **overrides)
    # From here on, the hub's language (theme.language); load_settings adds its locale.
    i18n.activate(i18n.language(config.theme.get("language")))
    return config


def _project(
    config: MkDocsConfig, now: str | None, *, preview: bool = False, building: str | None = None
) -> Project:
    plugin = config.plugins.get("brandhub")
    if plugin is None:
        _fail(
            _(
                "error: %(file)s: add 'brandhub' to the plugins list",
                file=config.config_file_path,
            )
        )
    if not config.use_directory_urls:
        _fail(
            _(
                "error: %(file)s: Brandhub needs 'use_directory_urls: true'",
                file=config.config_file_path,
            )
        )
    project = load_project(
        options=getattr(plugin, "options", {}),
        content_dir=Path(config.docs_dir),
        site_name=config.site_name,
        site_url=config.site_url,
        config_file=os.path.relpath(config.config_file_path or "mkdocs.yml"),
        now=now,
        preview=preview,
        root=Path(config.config_file_path or "mkdocs.yml").resolve().parent,
        language=config.theme.get("language"),
        building=building,
    )
    for notice in project.notices:
        if _in_actions():
            _echo(notice.github_annotation("warning"), err=True, command=True)
        else:
            _echo(str(notice), err=True)
    return project


def _languages(config: MkDocsConfig) -> list[str]:
    """The languages a hub's settings name (checked when each is loaded); none: one language."""
    plugin = config.plugins.get("brandhub")
    raw = getattr(plugin, "options", {}).get("languages")
    raw = [raw] if isinstance(raw, str) else raw
    return [str(code) for code in raw] if isinstance(raw, list) else []


def _each_language(
    config_file: str, content: str | None, now: str | None, codes: list[str], **overrides: Any
) -> list[tuple[str, MkDocsConfig, Project]]:
    """A hub of several languages: per language, its own MkDocs settings, with the language's
    theme.language and address (site_url + code/), and its checked project; every language is
    checked, and the problems of all are reported together."""
    builds = []
    problems: list[Problem] = []
    for code in dict.fromkeys(codes):  # each once; a repeated code is the settings' problem
        config = _config(config_file, content, **overrides)
        base = (config.site_url or "").rstrip("/") + "/"
        if config.site_url:
            config.site_url = f"{base}{code}/"
        config.theme["language"] = code
        try:
            project = _project(config, now, building=code)
        except ContentError as exc:
            # What every language reads (mkdocs.yml, authors.yml) is reported once, in the
            # words of the first language that found it.
            seen = {(p.file, p.line, p.field) for p in problems}
            problems.extend(p for p in exc.problems if (p.file, p.line, p.field) not in seen)
            continue
        builds.append((code, config, project))
    if problems:
        raise ContentError(problems)
    return builds


def _default_language(
    config_file: str, content: str | None, now: str | None, config: MkDocsConfig
) -> Project:
    """The hub, or in a hub of several languages its default language, at that language's own
    address (site_url + code/), where its pages are published."""
    codes = _languages(config)
    if not codes:
        return _project(config, now)
    return _each_language(config_file, content, now, codes[:1])[0][2]


def _summary(project: Project) -> str:
    counts: dict[Kind, int] = {}
    public = 0
    for item in project.hub.items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
        public += state(item, project.now) is State.PUBLIC
    parts = ", ".join(_counted(k, n) for k, n in sorted(counts.items()))
    moment = f"{project.now:%Y-%m-%d %H:%M %z}"
    pages = n_("%(count)s page", "%(count)s pages", len(project.hub.items))
    return _(
        "%(pages)s (%(parts)s); %(public)s published at %(moment)s",
        pages=pages,
        parts=parts,
        public=i18n.number(public),
        moment=moment,
    )


def _counted(kind: Kind, count: int) -> str:
    """Each kind counted, e.g. "3 stories"."""
    if kind is Kind.HOME:
        return n_("%(count)s home", "%(count)s homes", count)
    if kind is Kind.GUIDELINE:
        return n_("%(count)s guideline", "%(count)s guidelines", count)
    if kind is Kind.STORY:
        return n_("%(count)s story", "%(count)s stories", count)
    if kind is Kind.MESSAGE:
        return n_("%(count)s message", "%(count)s messages", count)
    if kind is Kind.CAMPAIGN:
        return n_("%(count)s campaign", "%(count)s campaigns", count)
    if kind is Kind.SNIPPET:
        return n_("%(count)s snippet", "%(count)s snippets", count)
    return n_("%(count)s page", "%(count)s pages", count)


def common_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The hub's mkdocs.yml.",
    )(command)
    command = click.option(
        "--content",
        type=click.Path(file_okay=False),
        help="The content folder (default: docs_dir of mkdocs.yml).",
    )(command)
    return command


now_option = click.option(
    "--now",
    metavar="DATETIME",
    help=f"Build the hub as it is at this moment (e.g. 2027-03-01T09:00+01:00); "
    f"also read from {NOW_VARIABLE}.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brandhub")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
def cli(verbose: bool) -> None:
    """Brandhub: onboarding and brand advocacy hub, built from Markdown."""
    _setup_logging(verbose)


@cli.command()
@common_options
@now_option
def check(config_file: str, content: str | None, now: str | None) -> None:
    """Check settings and content; write nothing."""
    with _friendly_errors():
        config = _config(config_file, content)
        codes = _languages(config)
        if not codes:
            project = _project(config, now)
            _echo(_("OK: %(summary)s", summary=_summary(project)))
            return
        builds = _each_language(config_file, content, now, codes)
        i18n.activate(builds[0][2].settings.spoken)  # the hub's default language
        _untranslated(builds[0][2])
        for code, _config_of, project in builds:
            _echo(_("OK (%(language)s): %(summary)s", language=code, summary=_summary(project)))


def _untranslated(project: Project) -> None:
    """Information, not a problem: each item missing in one of the hub's languages."""
    languages = project.settings.languages
    if project.versions is None:  # pragma: no cover - a hub of several languages has them
        return
    for shown, code, wanted in project.versions.missing(languages):
        notice = Problem(
            shown,
            None,
            None,
            _(
                "has no version in %(language)s (%(code)s): it is shown in its own language only",
                language=name_in(code, project.settings.language),
                code=code,
            ),
            _("to translate it, add %(file)s", file=wanted),
        )
        if _in_actions():
            _echo(notice.github_annotation("notice"), err=True, command=True)
        else:
            _echo(_("info: %(notice)s", notice=str(notice)), err=True)


@cli.command()
@common_options
@now_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False),
    help="Where to write the site (default: site_dir of mkdocs.yml).",
)
def build(config_file: str, content: str | None, now: str | None, site_dir: str | None) -> None:
    """Check, then build the site; a failed build leaves the previous site untouched."""
    with _friendly_errors():
        config = _config(config_file, content, strict=True)
        codes = _languages(config)
        if codes:
            _build_languages(config_file, content, now, codes, Path(site_dir or config.site_dir))
            return
        project = _project(config, now)
        _echo(_("Checked: %(summary)s", summary=_summary(project)), err=True)
        target = Path(site_dir or config.site_dir)
        started = time.monotonic()

        def run(staging: Path) -> None:
            config.site_dir = str(staging)
            config.plugins["brandhub"].preloaded = project  # type: ignore[attr-defined]
            _build_stoppably(config)

        # As `mkdocs build` does: plugins learn the command, and may clean up afterwards.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            write_atomically(target, run)
        finally:
            config.plugins.on_shutdown()
        seconds = f"{time.monotonic() - started:.1f}"
        _echo(
            _("Built the hub into %(folder)s in %(seconds)s s", folder=target, seconds=seconds),
            err=True,
        )


def _build_stoppably(config: MkDocsConfig) -> None:
    """MkDocs' build; one stopped by a signal (Stopped is no Exception, so it passes MkDocs'
    own error handling) stops the worker before the staging folder it writes into goes."""
    try:
        mkdocs_build(config)
    except Stopped as exc:
        config.plugins.on_build_error(error=exc)  # type: ignore[arg-type]
        raise


def _build_languages(
    config_file: str, content: str | None, now: str | None, codes: list[str], target: Path
) -> None:
    """A hub of several languages: one full hub per language at <site>/<code>/, each with its
    own MkDocs build, all in one staging folder that replaces the site when every one is
    written; at the top, a page that leads to the default language, and the sitemap index."""
    builds = _each_language(config_file, content, now, codes, strict=True)
    spoken = builds[0][2].settings.spoken
    i18n.activate(spoken)  # the command speaks the default language, whichever was read last
    for code, _config_of, project in builds:
        _echo(
            _("Checked (%(language)s): %(summary)s", language=code, summary=_summary(project)),
            err=True,
        )
    default, first, _project_of = builds[0]
    site_url = (first.site_url or "").removesuffix(f"{default}/")
    links = alternates({code: project for code, _c, project in builds}, site_url)
    configs = [(code, config) for code, config, _p in builds]
    # Each language's hub is handed to its build, and let go of after it: the next language
    # is built without the last one's pages in memory.
    projects = [project for _code, _c, project in builds]
    del builds, project, _project_of
    started = time.monotonic()

    def run(staging: Path) -> None:
        for code, config in configs:
            config.site_dir = str(staging / code)
            plugin = config.plugins["brandhub"]
            plugin.preloaded = projects.pop(0)  # type: ignore[attr-defined]
            plugin.alternates = links  # type: ignore[attr-defined]
            _build_stoppably(config)
            plugin.forget()  # type: ignore[attr-defined]
        i18n.activate(spoken)
        write_top(staging, links, first.site_name)

    for _code, config in configs:
        config.plugins.on_startup(command="build", dirty=False)
    try:
        write_atomically(target, run)
    finally:
        for _code, config in configs:
            config.plugins.on_shutdown()
    seconds = f"{time.monotonic() - started:.1f}"
    _echo(
        _("Built the hub into %(folder)s in %(seconds)s s", folder=target, seconds=seconds),
        err=True,
    )


@cli.command()
@common_options
@now_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help="Where to serve the preview.",
)
@click.option(
    "--language",
    metavar="CODE",
    help="In a hub of several languages: the language to preview (default: the first).",
)
def serve(
    config_file: str, content: str | None, now: str | None, dev_addr: str, language: str | None
) -> None:
    """Preview the hub with live reload; drafts and embargoed items show with a banner."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    with _friendly_errors():
        config = _config(config_file, content)
        if language:
            config.theme["language"] = language
        project = _project(config, now, preview=True, building=language)  # fail fast
        languages = project.settings.languages
        if language and language not in languages:
            _fail(
                _(
                    "error: --language %(code)s: the hub's languages (brandhub.languages) are "
                    "%(languages)s",
                    code=language,
                    languages=", ".join(languages) or _("not set"),
                )
            )
        public = config.site_url
        if public and languages:  # the language's own address, as the build publishes it
            public = f"{public.rstrip('/')}/{project.settings.language}/"
            os.environ[LANGUAGE_VARIABLE] = project.settings.language
        if public:  # mkdocs serve replaces site_url with its local address
            os.environ[SITE_URL_VARIABLE] = public
        logging.getLogger("mkdocs").setLevel(logging.INFO)  # "Serving on http://…", rebuilds
        if now:
            os.environ[NOW_VARIABLE] = now
        overrides: dict[str, Any] = {"docs_dir": str(Path(content).resolve())} if content else {}
        # Quick rebuilds: Brandhub decides which pages an edit changed (hub.incremental), so
        # MkDocs' warning that a "dirty" build may leave navigation stale does not apply.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        mkdocs_serve(
            config_file=config_file,
            dev_addr=dev_addr,
            open_in_browser=False,
            build_type="dirty",
            **overrides,
        )


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


@cli.command()
@common_options
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.argument("title")
@click.option(
    "--campaign-kind",
    type=click.Choice(["welcome", "brand", "event"]),
    default="brand",
    show_default=True,
    help="For a campaign: its kind.",
)
@click.option(
    "--language",
    metavar="CODE",
    help="In a hub of several languages: the language to write in (default: the first).",
)
def new(
    config_file: str,
    content: str | None,
    kind: str,
    title: str,
    campaign_kind: str,
    language: str | None,
) -> None:
    """Write a new story, message, campaign, snippet, guideline or page (a draft) to fill in."""
    with _friendly_errors():
        config = _config(config_file, content)
        if language:
            config.theme["language"] = language
        project = _project(config, None, preview=True, building=language)
        languages = project.settings.languages
        if language and language not in languages:
            _fail(
                _(
                    "error: --language %(code)s: the hub's languages (brandhub.languages) are "
                    "%(languages)s",
                    code=language,
                    languages=", ".join(languages) or _("not set"),
                )
            )
        rel, text = new_file(
            kind,
            title,
            today=datetime.now(project.settings.timezone).date(),
            authors=sorted(project.hub.authors),
            campaign_kind=campaign_kind,
            pages={item.src for item in project.hub.items if not item.draft},
        )
        if languages:  # the language's file name (hub.languages): x.en.md beside x.md
            rel = file_for(rel, project.settings.language, languages[0])
        path = Path(config.docs_dir) / rel
        if path.exists():
            _fail(
                _(
                    "error: %(file)s already exists (choose another title)",
                    file=os.path.relpath(path),
                )
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        _keep_only_if_checked(config, path, building=language)
        if languages and project.settings.language != languages[0]:
            _echo(
                _(
                    "Wrote %(file)s: fill it in, remove 'draft: true', "
                    "then preview with `brandhub serve --language %(code)s`.",
                    file=os.path.relpath(path),
                    code=project.settings.language,
                )
            )
            return
        _echo(
            _(
                "Wrote %(file)s: fill it in, remove 'draft: true', "
                "then preview with `brandhub serve`.",
                file=os.path.relpath(path),
            )
        )


def _keep_only_if_checked(config: MkDocsConfig, path: Path, building: str | None = None) -> None:
    """``brandhub new`` never leaves a hub that fails ``check``: its file is checked with the
    hub (a page named like a generated one, for one), and removed again if it breaks it.
    ``building``: the language of a hub of several that the file is in."""
    try:
        _project(config, None, preview=True, building=building)
    except ContentError as exc:
        path.unlink()
        for problem in exc.problems:
            _echo(str(problem), err=True)
        _fail(
            _(
                "error: %(path)s would make the hub fail its check, so it was not written; "
                "choose another title.",
                path=os.path.relpath(path),
            )
        )


@cli.command()
@common_options
@now_option
@click.option(
    "--next",
    "only_next",
    is_flag=True,
    help="Print only the next moment (ISO 8601), for a scheduler.",
)
def schedule(config_file: str, content: str | None, now: str | None, only_next: bool) -> None:
    """Show when the published hub changes next: what publishes or expires, and when."""
    with _friendly_errors():
        config = _config(config_file, content)
        codes = _languages(config)
        # A hub of several languages changes when any of its languages does.
        projects = (
            [project for _code, _c, project in _each_language(config_file, content, now, codes)]
            if codes
            else [_project(config, now)]
        )
        if codes:
            i18n.activate(projects[0].settings.spoken)
        moment = projects[0].now
        upcoming = sorted(change for p in projects for change in changes(p.hub.items, moment))
        if only_next:
            if upcoming:
                _echo(upcoming[0].moment.isoformat())
            return
        if not upcoming:
            _echo(_("Nothing is scheduled: no future publication or expiry."))
            return
        what = {"publishes": _("publishes"), "expires": _("expires")}
        width = max(len(word) for word in what.values())
        for change in upcoming:
            shown = what[change.what].ljust(width)
            _echo(f"{change.moment.isoformat()}  {shown}  {change.path}")


@cli.command()
@common_options
@now_option
@click.option(
    "--base",
    "base",
    required=True,
    metavar="REF",
    help="The git revision to compare with, e.g. origin/main.",
)
@click.option("--days", default=14, show_default=True, help="How far ahead to look.")
def diff(config_file: str, content: str | None, now: str | None, base: str, days: int) -> None:
    """Summarise what the content changes since REF: items, share texts, what publishes soon."""
    import tempfile

    with _friendly_errors():
        config = _config(config_file, content)
        codes = _languages(config)
        # A hub of several languages: each language compared with its own base version.
        projects = (
            [project for _code, _c, project in _each_language(config_file, content, now, codes)]
            if codes
            else [_project(config, now)]
        )
        with tempfile.TemporaryDirectory() as folder:
            try:
                old = base_content(Path(config.docs_dir), base, Path(folder))
            except ReviewError as exc:
                _fail(
                    _("error: cannot read %(base)s from git: %(problem)s", base=base, problem=exc)
                )
            for project in projects:
                i18n.activate(project.settings.spoken)
                before, problems = load_base(old, project.settings, project.site_url)
                comparison = compare(before, project.hub, base_problems=problems)
                if codes:
                    language = project.settings.language
                    _echo(_("Language: %(code)s", code=language) + "\n")
                _echo(
                    summary(
                        comparison,
                        project.hub,
                        project.settings,
                        project.site_url,
                        project.now,
                        days,
                    ),
                    nl=False,
                )


@cli.command("import-feed")
@common_options
@click.argument("source")
@click.option("--author", metavar="ID", help="Who owns the drafts (an id from authors.yml).")
@click.option("--team", metavar="TEAM", help="The stories' team (default: the author's team).")
@click.option("--tag", "tags", metavar="TAG", multiple=True, help="A tag for every story.")
@click.option("--since", metavar="DATE", help="Skip entries published before this date.")
@click.option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(min=1),
    metavar="N",
    help="Import only the feed's N newest entries.",
)
def import_feed(
    config_file: str,
    content: str | None,
    source: str,
    author: str | None,
    team: str | None,
    tags: tuple[str, ...],
    since: str | None,
    limit: int,
) -> None:
    """Import an RSS or Atom feed's entries as draft stories for review."""
    # Here, not at the top: feedparser takes 40 ms to import, and builds never use it.
    from hub.importer import ImportError_, fetch, parse, write_drafts

    with _friendly_errors():
        config = _config(config_file, content)
        project = _project(config, None, preview=True)
        people = project.hub.authors
        if author is None and len(people) == 1:
            author = next(iter(people))
        if author not in people:
            known = ", ".join(sorted(people)) or _("none: add people to content/authors.yml")
            _fail(
                _(
                    "error: pass --author ID, the person who reviews these drafts (ids: %(ids)s)",
                    ids=known,
                )
            )
        assert author is not None
        start = parse_now(since, project.settings, source="--since") if since else None
        try:
            parsed = parse(fetch(source), source, limit=limit)
        except ImportError_ as exc:
            _fail(_("error: %(problem)s; nothing was written.", problem=exc))
        entries = parsed.entries
        _echo(
            n_(
                "Read %(count)s entry from %(source)s",
                "Read %(count)s entries from %(source)s",
                len(entries),
                source=source,
            ),
            err=True,
        )
        if parsed.left_out:
            _echo(
                n_(
                    "%(count)s older entry was not imported; pass --limit %(all)s to import "
                    "it too.",
                    "%(count)s older entries were not imported; pass --limit %(all)s to "
                    "import them too.",
                    parsed.left_out,
                    all=parsed.found,
                ),
                err=True,
            )
        report = {"created": 0, "already": 0, "older": 0}
        stories = Path(config.docs_dir) / "stories"
        for outcome, entry, path in write_drafts(
            entries,
            stories,
            team=team or people[author].team or _("Communications"),
            author=author,
            tag=list(tags),
            since=start,
        ):
            report[outcome] += 1
            if path is not None:
                _echo(
                    _(
                        "  created %(file)s  (%(title)s)",
                        file=os.path.relpath(path),
                        title=entry.title,
                    ),
                    err=True,
                )
        _echo(
            _(
                "%(created)s created, %(already)s already imported, %(older)s skipped (older "
                "than --since). New stories are drafts: review them in a pull request.",
                created=report["created"],
                already=report["already"],
                older=report["older"],
            )
        )


@cli.command()
@common_options
@now_option
@click.option(
    "--since",
    default="7d",
    show_default=True,
    metavar="PERIOD",
    help="The window: 7d, 12h, 2w, or a date (2026-11-01).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(DIGEST_FORMATS),
    default="text",
    show_default=True,
    help="html (e-mail), text, slack (Block Kit) or teams (Adaptive Card).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the digest to FILE (removed when the window is empty).",
)
@click.option(
    "--post-to-env",
    "variable",
    metavar="NAME",
    help="Post the digest (slack or teams) to the webhook whose address is in the "
    "environment variable NAME; each item is posted once, at most one digest a period.",
)
def digest(
    config_file: str,
    content: str | None,
    now: str | None,
    since: str,
    fmt: str,
    output: str | None,
    variable: str | None,
) -> None:
    """Write (or post) a digest of what the hub published in the last 7 days."""
    from hub import digest as digests

    with _friendly_errors():
        config = _config(config_file, content)
        project = _default_language(config_file, content, now, config)
        start = digests.window_start(since, project.now, project.settings)
        address = ""
        sent: Sent | None = None
        if variable is not None:
            if fmt not in digests.POSTABLE:
                _fail(_("error: only --format slack or teams can be posted to a webhook"))
            try:
                address = digests.webhook_address(variable, os.environ)
            except digests.PostError as exc:
                _fail(_("error: %(problem)s", problem=exc))
            root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
            sent = digests.State.load(digests.state_path(root, project.settings, fmt, variable))
            if sent.recent(start, project.now):
                _echo(
                    _(
                        "A digest already went to %(variable)s at %(moment)s, in this "
                        "period: nothing was posted.",
                        variable=variable,
                        moment=moment_text(sent.posted),
                    ),
                    err=True,
                )
                return
            start = sent.reach_back(start, project.now)
        made = digests.build(
            project.hub,
            project.settings,
            project.site_url,
            project.now,
            start,
            fmt,
            skip=sent.sent if sent is not None else (),
        )
        if not made.entries:
            if output is not None:
                Path(output).unlink(missing_ok=True)
            if made.already:
                _echo(
                    n_(
                        "The %(count)s item published in the window already went to "
                        "%(variable)s: nothing was posted.",
                        "The %(count)s items published in the window already went to "
                        "%(variable)s: nothing was posted.",
                        made.already,
                        variable=variable,
                    ),
                    err=True,
                )
                return
            nothing = _("Nothing was posted.") if variable else _("There is nothing to send.")
            _echo(f"{made.empty_message} {nothing}", err=True)
            return
        body, shown = digests.render(made, fmt)
        if output is not None:
            Path(output).write_text(body, encoding="utf-8")
        elif variable is None:
            _echo(body, nl=False)
        if variable is not None and sent is not None:
            try:
                digests.post(address, body, variable)
            except digests.PostError as exc:
                _fail(_("error: %(problem)s", problem=exc))
            sent.record((e.key for e in shown.entries), start, project.now)
            _echo(
                n_(
                    "Posted %(count)s item to %(variable)s.",
                    "Posted %(count)s items to %(variable)s.",
                    len(shown.entries),
                    variable=variable,
                ),
                err=True,
            )
        if shown.left_out:
            _echo(
                n_(
                    "%(count)s item did not fit in the message; it links to the hub instead.",
                    "%(count)s items did not fit in the message; it links to the hub instead.",
                    shown.left_out,
                ),
                err=True,
            )


@cli.command()
@common_options
@now_option
@click.argument("issue_body", metavar="ISSUE_BODY_FILE", type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["story", "person"]),
    default="story",
    show_default=True,
    help="story: a 'Share a small win' issue; person: a 'Join the ambassador pool' issue.",
)
@click.option(
    "--author-login",
    metavar="LOGIN",
    help="The issue author's GitHub login: the person whose authors.yml links name it.",
)
def intake(
    config_file: str,
    content: str | None,
    now: str | None,
    issue_body: str,
    kind: str,
    author_login: str | None,
) -> None:
    """Turn an issue from the hub's forms into a draft story or a person in authors.yml."""
    from hub import authorsfile
    from hub import intake as issues

    with _friendly_errors():
        config = _config(config_file, content)
        project = _project(config, now, preview=True)
        try:
            login = issues.check_login(author_login)
        except issues.Refused as exc:
            _fail(_("error: %(problem)s", problem=exc))
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        form_path = issues.form_file(root, kind, project.settings.language)
        form = issues.read_form(form_path, os.path.relpath(form_path))
        shown = os.path.relpath(issue_body)
        text = issues.read_body(Path(issue_body), shown)
        people = project.hub.authors
        docs = Path(config.docs_dir)
        if kind == "story":
            today = project.now.astimezone(project.settings.timezone).date()
            slug, story = issues.story_draft(
                text, form, shown, today=today, people=people, login=login
            )
            path = issues.free_path(docs / "stories", slug)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:  # never overwrite
                handle.write(story)
            _keep_only_if_it_passes(config, now, path, None)
            _echo(
                _(
                    "Wrote %(file)s: a draft from the issue, for an editor to review.",
                    file=os.path.relpath(path),
                )
            )
            return
        person = issues.person_entry(text, form, shown, people=people, login=login)
        path = docs / "authors.yml"
        before = path.read_bytes() if path.is_file() else None
        try:
            after = authorsfile.upsert((before or b"").decode("utf-8"), person)
        except authorsfile.Unsupported:
            _fail(
                _(
                    "error: %(file)s: %(id)s is written on one line; write its keys indented "
                    "below it, then run again",
                    file=os.path.relpath(path),
                    id=person.id,
                )
            )
        authorsfile.replace_file(path, after.encode("utf-8"))
        _keep_only_if_it_passes(config, now, path, before)
        message = (
            _("Added %(id)s to %(file)s.", id=person.id, file=os.path.relpath(path))
            if person.new
            else _("Updated %(id)s in %(file)s.", id=person.id, file=os.path.relpath(path))
        )
        _echo(message)


def _keep_only_if_it_passes(
    config: MkDocsConfig, now: str | None, path: Path, before: bytes | None
) -> None:
    """intake never leaves a hub that fails ``check``: the file it wrote goes back to what it
    was (``before``; None: it did not exist) when the hub has problems with it."""
    from hub import authorsfile

    try:
        _project(config, now, preview=True)
    except ContentError as exc:
        if before is None:
            path.unlink()
        else:
            authorsfile.replace_file(path, before)
        for problem in exc.problems:
            _echo(str(problem), err=True)
        _fail(
            _(
                "error: the issue's answers would make the hub fail its check, so %(file)s "
                "was left as it was; correct them in the issue, then run again.",
                file=os.path.relpath(path),
            )
        )


def _terminal_language() -> str:
    """The language the terminal asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext
    reads them), e.g. ``es`` for es_ES.UTF-8."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").split(":")[0].split(".")[0]
        if value:
            return "en" if value in ("C", "POSIX") else value
    return "en"


def _answer(
    given: str | None,
    option: str,
    label: str,
    default: str,
    check: Callable[[str], str],
    *,
    yes: bool,
) -> str:
    """An answer for ``brandhub init``: the option's value, else the default (with --yes), else
    what the person types at the prompt (asked again until it can make a hub)."""
    if given is not None:
        try:
            return check(given)
        except newhub.Invalid as exc:
            _fail(_("error: %(option)s: %(problem)s", option=option, problem=exc))
    if yes:
        return check(default)

    def proc(text: str) -> str:
        try:
            return check(text)
        except newhub.Invalid as exc:
            raise click.UsageError(str(exc)) from None

    return str(click.prompt(label, default=default, value_proc=proc))


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--site-name", help="The hub's name, in its header and its tab.")
@click.option("--site-url", help="Where the hub is published, e.g. https://acme.github.io/hub/.")
@click.option("--organisation", help="The organisation's name.")
@click.option("--language", "language_", metavar="CODE", help="The hub's language: en or es.")
@click.option("--timezone", "timezone_", metavar="ZONE", help="e.g. Europe/Madrid.")
@click.option("--primary-colour", metavar="#RRGGBB", help="The main brand colour.")
@click.option("--accent-colour", metavar="#RRGGBB", help="The accent colour.")
@click.option("--repo", metavar="OWNER/NAME", help="The hub's GitHub repository.")
@click.option("-y", "--yes", is_flag=True, help="Ask nothing: defaults for what is not given.")
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
def init(folder: str, yes: bool, force: bool, **given: str | None) -> None:
    """Write a new hub into FOLDER: settings, starter content, theme, workflows, README."""
    spoken = i18n.active()  # init speaks the terminal's language, then the hub's: not for long
    with _friendly_errors(), _speaking(spoken):
        _init(folder, given, yes=yes, force=force)


@contextmanager
def _speaking(language: i18n.Language) -> Iterator[None]:
    try:
        yield
    finally:
        i18n.activate(language)


def _init(folder: str, given: dict[str, str | None], *, yes: bool, force: bool) -> None:
    """``given``: the options' values by their parameter names (None: not given)."""
    i18n.activate(i18n.language(_terminal_language()))
    target = Path(folder)
    found = newhub.occupied(target)
    if found and not force:
        _fail(
            _(
                "error: %(folder)s is not empty (%(found)s); choose an empty folder, or pass "
                "--force to write the starter's files into it (other files are kept).",
                folder=folder,
                found=", ".join(found[:3]) + (", …" if len(found) > 3 else ""),
            )
        )
    spoken = i18n.active().catalogue
    lang = _answer(
        given["language_"],
        "--language",
        _("Language of the hub (%(choices)s)", choices=", ".join(newhub.starter_languages())),
        spoken if spoken in newhub.starter_languages() else "en",
        newhub.language,
        yes=yes,
    )
    i18n.activate(i18n.language(lang))  # from here on, init speaks the hub's language
    org = _answer(
        given["organisation"],
        "--organisation",
        _("Organisation"),
        _("Example Company"),
        newhub.one_line,
        yes=yes,
    )
    name = _answer(
        given["site_name"],
        "--site-name",
        _("Name of the hub"),
        _("%(organisation)s Hub", organisation=org),
        newhub.one_line,
        yes=yes,
    )
    url = _answer(
        given["site_url"],
        "--site-url",
        _("Address the hub will be published at"),
        f"https://{slugify(org) or 'example'}.github.io/hub/",
        newhub.site_url,
        yes=yes,
    )
    zone = _answer(
        given["timezone_"], "--timezone", _("Time zone"), "UTC", newhub.timezone, yes=yes
    )
    primary = _answer(
        given["primary_colour"],
        "--primary-colour",
        _("Main brand colour"),
        newhub.Answers.primary,
        newhub.colour,
        yes=yes,
    )
    accent = _answer(
        given["accent_colour"],
        "--accent-colour",
        _("Accent colour"),
        newhub.Answers.accent,
        newhub.colour,
        yes=yes,
    )
    github = None
    if given["repo"] is not None:
        github = _answer(given["repo"], "--repo", "", "", newhub.repository, yes=yes)
    answers = newhub.Answers(
        site_name=name,
        site_url=url,
        organisation=org,
        language=lang,
        timezone=zone,
        primary=primary,
        accent=accent,
        repo=github,
    )
    files = newhub.render(answers, today=datetime.now(ZoneInfo(zone)).date())
    newhub.write(target, files)
    _echo(
        n_(
            "Wrote a new hub into %(folder)s (%(count)s file).",
            "Wrote a new hub into %(folder)s (%(count)s files).",
            len(files),
            folder=folder,
        )
    )
    _echo(
        _(
            "Next: in %(folder)s, `brandhub build` builds it and `brandhub serve` previews it; "
            "its README.md says how to publish it on GitHub Pages.",
            folder=folder,
        )
    )


def main() -> None:
    try:
        cli(prog_name="brandhub")
        status: object = 0
    except SystemExit as exc:  # how click ends every command
        status = exc.code
    if status is not None and not isinstance(status, int):
        print(no_commands(str(status)) if _in_actions() else status, file=sys.stderr)
        status = 1
    # Skip the interpreter's teardown: it frees a big build's objects one by one (1.5 s at
    # 10,000 stories) just before the process ends. Everything is written and closed by now;
    # atexit handlers do not run (nothing of Brandhub's, MkDocs' or Material's needs one).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status or 0)
