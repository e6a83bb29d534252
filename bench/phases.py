"""Run one `brandhub build` in this process and say where its time goes.

    python bench/phases.py --timers OUT.json  -- build -f HUB/mkdocs.yml -d SITE --now T
    python bench/phases.py --profile OUT.prof -- build -f HUB/mkdocs.yml -d SITE --now T
    python bench/phases.py --timers OUT.json --mkdocs -- build -f PLAIN/mkdocs.yml -d SITE

``--timers`` wraps the build's phases (Brandhub's plugin events and its feature functions,
MkDocs' page reading/conversion, template rendering and file writing, the search plugin) in
exclusive timers: a wrapped call's time excludes the time of wrapped calls inside it, so the
phases add up to the whole build. Each phase gets its wall time and its CPU time (the CPU time
is what the phase costs even when other processes compete for the cores). The overhead is a
few function calls per page.

``--profile`` runs the same command under cProfile instead (much slower; use it for
proportions, not absolute times) and writes the stats for ``run.py`` to group by module.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

T0 = time.perf_counter()

_stack: list[list[float]] = []  # per open timed call: [inner wall, inner CPU]
totals: dict[str, float] = defaultdict(float)
cpu_totals: dict[str, float] = defaultdict(float)
counts: dict[str, int] = defaultdict(int)


def _wrap(name: str | Callable[..., str], fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start, cpu_start = time.perf_counter(), time.process_time()
        _stack.append([0.0, 0.0])
        try:
            return fn(*args, **kwargs)
        finally:
            inner, inner_cpu = _stack.pop()
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
            label = name if isinstance(name, str) else name(*args, **kwargs)
            totals[label] += elapsed - inner
            cpu_totals[label] += cpu - inner_cpu
            counts[label] += 1
            if _stack:
                _stack[-1][0] += elapsed
                _stack[-1][1] += cpu

    return timed


def _wrap_pieces(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """For a function that returns its result in pieces (a generator): time making each."""
    step = _wrap(name, next)

    @functools.wraps(fn)
    def pieces(*args: Any, **kwargs: Any) -> Any:
        made = fn(*args, **kwargs)
        while True:
            try:
                piece = step(made)
            except StopIteration:
                return
            yield piece

    return pieces


def _patch(owner: Any, attr: str, name: str | Callable[..., str]) -> None:
    original = getattr(owner, attr, None)
    if original is None:
        print(f"phases: {owner!r} has no {attr}; not timed", file=sys.stderr)
        return
    setattr(owner, attr, _wrap(name, original))


def _written(file: Any, *args: Any, **kwargs: Any) -> str:
    dest = str(getattr(file, "dest_uri", ""))
    if dest.startswith("assets/cards/"):
        return "cards: write PNG files"
    if dest.startswith("feeds/"):
        return "feeds: write files"
    if dest.startswith("api/") or dest.endswith(".ics"):
        return "api + calendars: write files"
    return "mkdocs: copy static files (theme assets, images)"


def install_timers() -> None:
    import mkdocs.commands.build as mk_build
    import mkdocs.structure.files as mk_files

    import hub.cli as cli
    import hub.plugin as plugin
    import hub.render as render
    import hub.sanitize as sanitize
    import hub.views as views

    # Brandhub, before MkDocs: reading and checking the whole hub.
    _patch(cli, "load_project", "brandhub: load + check content (load_project)")
    _patch(cli, "write_atomically", "brandhub: atomic swap of the site folder")
    _patch(cli, "mkdocs_build", "mkdocs: other (config, files, sitemap, 404, …)")
    _patch(mk_build, "build", "mkdocs: other (config, files, sitemap, 404, …)")  # `mkdocs build`
    # Brandhub's plugin events (exclusive of the feature functions timed below).
    P = plugin.BrandhubPlugin
    for event in (
        "on_config",
        "on_files",
        "on_nav",
        "on_page_markdown",
        "on_page_content",
        "on_post_page",
        "on_env",
    ):
        _patch(P, event, f"brandhub: plugin.{event} (rest)")
    _patch(views, "build_views", "brandhub: views (listings, tags, people)")
    _patch(plugin.v, "home_data", "brandhub: views (listings, tags, people)")
    _patch(plugin.v, "campaign_members", "brandhub: views (listings, tags, people)")
    _patch(plugin.v, "newest_moment", "brandhub: newest_moment (sitemap date of generated pages)")
    _patch(render.Renderer, "fragment", "brandhub: render fragments (Jinja)")
    _patch(sanitize.Policy, "clean", "brandhub: sanitize HTML")
    _patch(plugin, "preview", "brandhub: link previews (Open Graph)")
    _patch(plugin, "posts_for", "brandhub: share posts")
    _patch(plugin, "share_card", "brandhub: share posts")
    # The features of the 10 % target.
    _patch(plugin, "card_file", "cards: draw or find in the cache (card_file)")
    _patch(plugin, "feeds", "feeds: compute (feeds)")
    _patch(views, "feeds", "feeds: compute (feeds)")  # the Feeds page's list, when computed there
    _patch(plugin, "entries_for", "feeds: entries (entries_for)")
    for fmt in ("rss", "atom", "json_feed"):
        _patch(plugin, fmt, f"feeds: serialise ({fmt})")
    if hasattr(plugin, "snippets_chunks"):  # made in pieces while it is written
        plugin.snippets_chunks = _wrap_pieces("api: snippets.json", plugin.snippets_chunks)
    else:
        _patch(plugin, "snippets_document", "api: snippets.json")
    _patch(plugin, "campaign_ics", "calendars: .ics")
    # Feeds and the API kept between builds (hub.made): what they show, digested, and the
    # file linked from the cache or kept there.
    if hasattr(plugin, "MadeFiles"):
        _patch(plugin.Digests, "feed", "feeds: digest of what a feed shows (hub.made)")
        _patch(plugin.Digests, "posts", "api: digest of what the API shows (hub.made)")
        _patch(plugin.MadeFiles, "take", "feeds: and API, linked from the cache (hub.made)")
        _patch(plugin.MadeFiles, "keep", "feeds: and API, linked from the cache (hub.made)")
    # Search: Brandhub's own. Pagefind's program runs beside the build, shard by shard; what
    # the build waits for is the end of the last shard (finish), or a whole-site run.
    _patch(plugin, "index_site", "search: Pagefind index (index_site)")
    if hasattr(plugin, "ShardedIndex"):
        _patch(plugin.ShardedIndex, "finish", "search: Pagefind, the shards left at the end")
        _patch(plugin.ShardedIndex, "written", "search: field and markers in each page")
    _patch(plugin, "mark_searchable", "search: field and markers in each page")
    _patch(plugin, "add_to_header", "search: field and markers in each page")
    # MkDocs itself.
    _patch(mk_build, "get_files", "mkdocs: find files")
    _patch(mk_build, "get_navigation", "mkdocs: navigation")
    _patch(mk_build, "_populate_page", "mkdocs: read + Markdown → HTML (_populate_page)")
    _patch(mk_build, "_build_page", "mkdocs: Material templates + write HTML (_build_page)")
    _patch(mk_files.File, "copy_file", _written)
    # Search: Material's plugin (or MkDocs' own when the theme is not Material).
    classes = []
    try:
        from material.plugins.search.plugin import SearchPlugin as MaterialSearch

        classes.append(MaterialSearch)
    except ImportError:  # pragma: no cover
        pass
    from mkdocs.contrib.search import SearchPlugin as MkSearch

    classes.append(MkSearch)
    for cls in classes:
        for event in ("on_page_context", "on_post_build", "on_pre_build", "on_config"):
            if event in cls.__dict__:
                _patch(cls, event, f"search: {event}")


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--timers", metavar="OUT.json")
    group.add_argument("--profile", metavar="OUT.prof")
    parser.add_argument(
        "--mkdocs", action="store_true", help="run `mkdocs build` (plain Material), not brandhub"
    )
    parser.add_argument("args", nargs=argparse.REMAINDER, help="-- brandhub arguments")
    ns = parser.parse_args()
    args = ns.args[1:] if ns.args[:1] == ["--"] else ns.args

    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    import hub.cli  # noqa: F401  (imports timed below)

    imported = time.perf_counter()
    if ns.timers:
        install_timers()
    if ns.mkdocs:
        from mkdocs.__main__ import cli
    else:
        from hub.cli import cli

    start, cpu_start = time.perf_counter(), time.process_time()
    code = 0
    if ns.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    try:
        cli.main(args=args, prog_name="mkdocs" if ns.mkdocs else "brandhub", standalone_mode=False)
    except SystemExit as exc:  # brandhub exits 1 on problems
        code = int(exc.code or 0)
    finally:
        if ns.profile:
            profiler.disable()
            profiler.dump_stats(ns.profile)
    end, cpu_end = time.perf_counter(), time.process_time()
    if ns.timers:
        report = {
            "imports_s": imported - T0,
            "command_s": end - start,
            "command_cpu_s": cpu_end - cpu_start,
            "unattributed_s": (end - start) - sum(totals.values()),
            "unattributed_cpu_s": (cpu_end - cpu_start) - sum(cpu_totals.values()),
            # Peak memory of this process, and of its largest child (Pagefind's program).
            "peak_rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "phases": {
                k: {"s": totals[k], "cpu_s": cpu_totals[k], "calls": counts[k]}
                for k in sorted(totals)
            },
        }
        with open(ns.timers, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=1)
    sys.exit(code)


if __name__ == "__main__":
    main()
