"""The benchmark of issue 8: Brandhub against plain Material on the same synthetic hub.

    .venv/bin/python bench/run.py                      # N = 1000 and 5000
    BENCH_SIZES=1000,5000,10000 .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --sizes 1000 --runs 3 --no-serve

For each N it generates the hub (bench/generate.py, seeded), then builds, each in its own
process:

- plain Material: ``mkdocs build -f plain/mkdocs.yml -d OUT`` (runs: median);
- Brandhub, cold: ``brandhub build ... --now NOW`` with an empty cache (once): every social
  card drawn, every search shard indexed, every file checked;
- Brandhub, warm: the same again, with the cards, search shards and the check's verdicts
  cached by the cold build (runs: median), as a nightly build of an unchanged hub;
- Brandhub, one story edited: after each warm build, a paragraph added to the story in the
  middle of the hub, then the same build (runs: median), as a pull request's preview: that
  story is checked and its search shard indexed again;
- Brandhub, one story added: then a new story, dated the day before NOW (with tags, a
  campaign and a share post, as the newest story has), and the same build (runs: median): the
  most common pull request of a hub;
- Brandhub, phases: one warm build in-process with exclusive timers (bench/phases.py), in
  one process (``parallel_build: false``) so that the timers see all of its work.

At the smallest N it also profiles one warm build with cProfile (grouped by module) and
measures ``brandhub serve``'s rebuild after a one-story edit. Results go to
bench/results.json and BENCHMARKS.md. Peak memory is the build process's own ru_maxrss
(os.wait4) and, sampled, the peak of its process tree together (proportional set sizes:
the worker that writes half of the pages and Pagefind run beside the build), wall time is
time.perf_counter around the process. Only the standard library and the project's
virtualenv are used; nothing touches the network.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import gzip
import json
import os
import platform
import pstats
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
BIN = Path(sys.executable).parent
NOW = "2026-11-23T12:00+01:00"
SEED = 8
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
ENV.pop("BRANDHUB_NOW", None)
ENV.pop("SOURCE_DATE_EPOCH", None)
FEATURE_PREFIXES = ("feeds:", "api:", "api + calendars:", "calendars:", "cards:")
KB, MB = 1024, 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def rel(path: Path | str) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# -- one measured process ------------------------------------------------------------------
def settle(limit: float = float(os.environ.get("BENCH_SETTLE", "90"))) -> None:
    """Write what earlier builds left in memory to disk, then wait (up to ``limit`` seconds)
    for the machine to be quiet: other work on the same cores makes wall times longer. The
    load is recorded with every build either way.

    Without the sync, the kernel writes a build's hundreds of megabytes back while the next
    build runs, and charges that build for it: up to 1.7 s of system time at 1,000 stories,
    whichever build came next (often plain Material, which follows Brandhub's larger site)."""
    os.sync()
    deadline = time.monotonic() + limit
    while os.getloadavg()[0] > 1.2 and time.monotonic() < deadline:
        time.sleep(3)


def tree_memory(pid: int) -> int:
    """The memory of a process and all its descendants now, in bytes (Linux /proc).

    Each process counts its proportional set size (PSS): a page shared by n processes counts
    1/n in each, so what the build shares with the worker it forks (hub.parallel: the same
    pages until one of them writes) is counted once, not twice as summed RSS would."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _pss(current)
        todo += children.get(current, [])
    return total


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * KB
    except OSError:  # gone, or a kernel without smaps_rollup: its RSS
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except OSError:
        return 0


def measure(cmd: list[str], cwd: Path = ROOT) -> dict[str, Any]:
    """Run ``cmd``; its wall time, its own peak RSS, the peak of its process tree's memory
    together (PSS, sampled every 0.2 s: Brandhub, its worker and the Pagefind runs beside
    it) and its exit status."""
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=err)
        tree_peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal tree_peak
            while not done.wait(0.2):
                tree_peak = max(tree_peak, tree_memory(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        sampler.join()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    result = {
        "wall_s": wall,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss * KB / MB,  # Linux: kilobytes
        "peak_tree_mb": max(tree_peak / MB, usage.ru_maxrss * KB / MB),
        "rc": proc.returncode,
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
    }
    if proc.returncode != 0:
        log(f"FAILED ({proc.returncode}): {' '.join(cmd)}\n{stderr[-4000:]}")
        result["stderr"] = stderr[-4000:]
    return result


RARE_QUERY = "bilbao"


def measure_first_result(site: Path, query: str = "spreadsheet") -> dict[str, Any]:
    """Headless chromium types a word into the site's search (bench/firstresult.py)."""
    proc = subprocess.run(
        [sys.executable, str(BENCH / "firstresult.py"), str(site), "--query", query],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    if proc.returncode != 0:
        log(f"  first result: FAILED\n{proc.stderr[-2000:]}")
        return {"error": proc.stderr[-2000:]}
    found: dict[str, Any] = json.loads(proc.stdout)
    log(
        f"  first result for '{query}' in {rel(site)}: {found.get('first_result_ms')} ms, "
        f"{found.get('bytes', 0) / 1024:.0f} KB for search"
    )
    return found


def site_stats(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    cards = [p for p in files if p.relative_to(site).as_posix().startswith("assets/cards/")]
    index = site / "search" / "search_index.json"
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": sum(p.suffix == ".html" for p in files),
        "search_index_bytes": index.stat().st_size if index.is_file() else None,
        "pagefind_bytes": sum(
            p.stat().st_size for p in files if p.relative_to(site).parts[0] == "pagefind"
        )
        or None,
        "cards": len(cards),
        "cards_bytes": sum(p.stat().st_size for p in cards),
        "search": search_bytes(site),
    }


def search_bytes(site: Path) -> dict[str, Any] | None:
    """What a reader downloads, beyond the page itself, before the first search result."""
    if (site / "pagefind" / "shards.json").is_file():
        return pagefind_bytes(site / "pagefind")
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None
    # Material's search: the worker fetches the whole index, then the lunr language support
    # it needs (see the worker's importScripts), and only then answers the first query.
    langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    js = site / "assets" / "javascripts"
    files = [index, *sorted((js / "workers").glob("search.*.min.js"))]
    extra = [f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
    if len(langs) > 1:
        extra.append("lunr.multi.min.js")
    if extra:
        extra.append("lunr.stemmer.support.min.js")
    files += [
        js / "lunr" / "min" / name for name in extra if (js / "lunr" / "min" / name).is_file()
    ]
    return _sizes("material (lunr, one index)", site, files)


def pagefind_bytes(folder: Path) -> dict[str, Any]:
    """An estimate for Pagefind: its script and WebAssembly, each shard's entry and metadata and
    largest index chunk (one query loads the chunks of its words), and five result fragments."""
    shards = [folder / name for name in json.loads((folder / "shards.json").read_text())]
    files = [folder / "shards.json", shards[0] / "pagefind.js"]
    files += sorted(shards[0].glob("wasm.*.pagefind"))[:1]
    fragments: list[Path] = []
    for shard in shards:
        files += [shard / "pagefind-entry.json", *sorted(shard.glob("*.pf_meta"))]
        files += sorted((shard / "index").glob("*"), key=lambda p: p.stat().st_size)[-1:]
        fragments += (shard / "fragment").glob("*")
    fragments.sort(key=lambda p: p.stat().st_size)
    median_fragment = fragments[len(fragments) // 2] if fragments else None
    result = _sizes("pagefind (estimate)", folder.parent, [p for p in files if p.is_file()])
    if median_fragment is not None:
        result["raw"] += 5 * median_fragment.stat().st_size
        result["gzip"] += 5 * median_fragment.stat().st_size  # already compressed
    return result


def _sizes(kind: str, site: Path, files: list[Path]) -> dict[str, Any]:
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return {
        "kind": kind,
        "raw": raw,
        "gzip": packed,
        "files": [p.relative_to(site).as_posix() for p in files],
    }


# -- the builds ------------------------------------------------------------------------------
def plain_cmd(hub: Path, out: Path) -> list[str]:
    return [
        str(BIN / "mkdocs"),
        "build",
        "-q",
        "-f",
        str(hub / "plain" / "mkdocs.yml"),
        "-d",
        str(out),
    ]


def brandhub_args(hub: Path, out: Path) -> list[str]:
    return ["build", "-f", str(hub / "brandhub" / "mkdocs.yml"), "-d", str(out), "--now", NOW]


def built(kind: str, hub: Path, out: Path, cmd: list[str]) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)  # every build starts from no site (not timed)
    settle()
    result = measure(cmd)
    log(
        f"  {kind}: {result['wall_s']:.1f} s wall, {result['user_s'] + result['sys_s']:.1f} s CPU, "
        f"{result['peak_rss_mb']:.0f} MB, "
        f"load {result['load_before']:.1f}→{result['load_after']:.1f}"
    )
    return result


EDIT_MARK = "\n\nEdited for the benchmark"
EDITED = EDIT_MARK + ", run {run}: the team checked the numbers again.\n"


def edit_one_story(hub: Path, run: int) -> None:
    """A pull request's change: a paragraph added to the story in the middle of the hub, a
    new one each run (the builds after the last run see its edit)."""
    stories = sorted((hub / "brandhub" / "content" / "stories").glob("*.md"))
    story = stories[len(stories) // 2]
    text = story.read_text(encoding="utf-8").split(EDIT_MARK)[0]
    story.write_text(text + EDITED.format(run=run + 1), encoding="utf-8")


ADDED_SLUG = "benchmark-new-win-{run}"


def add_one_story(hub: Path, run: int) -> None:
    """A pull request's new story: the newest story's front matter with a new title, id and
    date (the day before NOW), so that it carries tags, a campaign and a share post like it;
    a new one each run."""
    stories = (hub / "brandhub" / "content" / "stories").glob("*.md")
    newest = max(
        (p for p in stories if "benchmark-new-win" not in p.name),
        key=lambda p: (p.read_text(encoding="utf-8").split("\ndate: ", 1)[1][:10], p.name),
    )
    text = newest.read_text(encoding="utf-8")
    day = (datetime.fromisoformat(NOW) - timedelta(days=1)).date().isoformat()
    number = run + 1
    lines = []
    for line in text.split("\n"):
        if line.startswith("title: "):
            line = f'title: "A new small win, number {number}"'
        elif line.startswith("date: "):
            line = f"date: {day}"
        elif line.startswith("id: "):
            line = f'id: "{uuid.UUID(int=number)}"'
        lines.append(line)
    target = newest.with_name(f"{day[:7]}-{ADDED_SLUG.format(run=number)}.md")
    target.write_text("\n".join(lines), encoding="utf-8")


def bench_size(n: int, runs: int, *, profile: bool, serve: bool) -> dict[str, Any]:
    hub = WORK / f"n{n}"
    log(f"N = {n}: generating {rel(hub)}")
    gen = measure(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            "-n",
            str(n),
            "--seed",
            str(SEED),
            "--now",
            NOW,
            "--out",
            str(hub),
        ]
    )
    if gen["rc"] != 0:
        raise SystemExit("the generator failed")
    check = measure(
        [str(BIN / "brandhub"), "check", "-f", str(hub / "brandhub" / "mkdocs.yml"), "--now", NOW]
    )
    if check["rc"] != 0:
        raise SystemExit(f"brandhub check fails on the generated hub:\n{check.get('stderr')}")
    words = sum(
        len(p.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split())
        for p in (hub / "brandhub" / "content" / "stories").glob("*.md")
    )
    result: dict[str, Any] = {
        "n": n,
        "runs": runs,
        "story_words": words,
        "check_s": check["wall_s"],
        "hub_digest": hub_digest(),
    }

    out_plain, out_hub = hub / "site-plain", hub / "site-brandhub"
    cache = hub / "brandhub" / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    hub_cmd = [str(BIN / "brandhub"), *brandhub_args(hub, out_hub)]
    cold = built("Brandhub, cold caches", hub, out_hub, hub_cmd)
    # Plain and Brandhub builds alternate, so that a slower or faster spell of a shared machine
    # weighs on both sides of the ratio alike.
    plain, warm, edited, added = [], [], [], []
    for run in range(runs):
        plain.append(built("plain Material", hub, out_plain, plain_cmd(hub, out_plain)))
        warm.append(built("Brandhub, warm caches", hub, out_hub, hub_cmd))
        edit_one_story(hub, run)
        edited.append(built("Brandhub, one story edited", hub, out_hub, hub_cmd))
        add_one_story(hub, run)
        added.append(built("Brandhub, one story added", hub, out_hub, hub_cmd))
    result["plain"] = {"runs": plain, "site": site_stats(out_plain)}
    result["brandhub_cold"] = {"runs": [cold]}
    result["brandhub"] = {"runs": warm, "site": site_stats(out_hub)}
    result["brandhub_edited"] = {"runs": edited}
    result["brandhub_added"] = {"runs": added}
    settle()
    result["first_result"] = {
        "plain": measure_first_result(out_plain),
        "brandhub": measure_first_result(out_hub),
    }
    # A rarer word too (a city, in about one story in eight): fewer results to rank.
    result["first_result_rare"] = {
        "plain": measure_first_result(out_plain, RARE_QUERY),
        "brandhub": measure_first_result(out_hub, RARE_QUERY),
    }
    result["paired_ratios"] = [
        b["wall_s"] / p["wall_s"]
        for p, b in zip(plain, warm, strict=True)
        if p["rc"] == b["rc"] == 0
    ]
    for key in ("plain", "brandhub", "brandhub_cold", "brandhub_edited", "brandhub_added"):
        ok = [r for r in result[key]["runs"] if r["rc"] == 0]
        result[key]["ok"] = len(ok) == len(result[key]["runs"])
        result[key]["median_s"] = statistics.median(r["wall_s"] for r in ok) if ok else None
        result[key]["median_cpu_s"] = (
            statistics.median(r["user_s"] + r["sys_s"] for r in ok) if ok else None
        )
        result[key]["peak_rss_mb"] = max((r["peak_rss_mb"] for r in ok), default=None)
        result[key]["peak_tree_mb"] = max(
            (r.get("peak_tree_mb", r["peak_rss_mb"]) for r in ok), default=None
        )

    result["bilingual"] = bench_bilingual(hub, runs)
    timers = hub / "phases.json"
    shutil.rmtree(out_hub, ignore_errors=True)
    settle()
    phased = measure(phases_cmd("--timers", timers, hub, out_hub))
    if phased["rc"] == 0:
        result["phases"] = json.loads(timers.read_text(encoding="utf-8"))
        result["phases"]["wall_s"] = phased["wall_s"]
        result["phases"]["process_cpu_s"] = phased["user_s"] + phased["sys_s"]
        result["phases"]["load"] = [phased["load_before"], phased["load_after"]]
        log(f"  Brandhub with phase timers: {phased['wall_s']:.1f} s")
    result["plain_phases"] = plain_phases(hub, out_plain)
    if profile:
        prof = hub / "build.prof"
        shutil.rmtree(out_hub, ignore_errors=True)
        settle()
        profiled = measure(phases_cmd("--profile", prof, hub, out_hub))
        if profiled["rc"] == 0:
            result["profile"] = group_profile(prof)
            result["profile"]["wall_s"] = profiled["wall_s"]
            log(f"  Brandhub under cProfile: {profiled['wall_s']:.1f} s")
    if serve:
        settle()
        result["serve"] = serve_rebuild(hub)
    return result


def bench_bilingual(hub: Path, runs: int) -> dict[str, Any]:
    """The same hub in two languages (every page twice: x.md and x.es.md), cold and warm."""
    config = hub / "bilingual" / "mkdocs.yml"
    out = hub / "site-bilingual"
    check = measure([str(BIN / "brandhub"), "check", "-f", str(config), "--now", NOW])
    if check["rc"] != 0:
        raise SystemExit(f"brandhub check fails on the bilingual hub:\n{check.get('stderr')}")
    shutil.rmtree(hub / "bilingual" / ".cache", ignore_errors=True)
    cmd = [str(BIN / "brandhub"), "build", "-f", str(config), "-d", str(out), "--now", NOW]
    cold = built("Brandhub in two languages, cold caches", hub, out, cmd)
    # Each two-language build right after a one-language build of the same stories (warm
    # both): the ratio of each pair, as for plain Material, weighs a slower or faster spell of
    # a shared machine on both sides alike.
    one_out = hub / "site-brandhub"
    one_cmd = [str(BIN / "brandhub"), *brandhub_args(hub, one_out)]
    one, warm = [], []
    for _ in range(runs):
        one.append(built("Brandhub in one language, warm caches", hub, one_out, one_cmd))
        warm.append(built("Brandhub in two languages, warm caches", hub, out, cmd))
    result: dict[str, Any] = {"check_s": check["wall_s"], "cold": cold, "runs": warm}
    result["one_language_runs"] = one
    result["paired_ratios"] = [
        b["wall_s"] / o["wall_s"] for o, b in zip(one, warm, strict=True) if o["rc"] == b["rc"] == 0
    ]
    ok = [r for r in warm if r["rc"] == 0]
    result["ok"] = cold["rc"] == 0 and len(ok) == len(warm)
    result["median_s"] = statistics.median(r["wall_s"] for r in ok) if ok else None
    result["median_cpu_s"] = statistics.median(r["user_s"] + r["sys_s"] for r in ok) if ok else None
    result["peak_tree_mb"] = max(
        (r.get("peak_tree_mb", r["peak_rss_mb"]) for r in ok), default=None
    )
    result["site"] = site_stats(out)
    return result


def phases_cmd(mode: str, out_file: Path, hub: Path, out: Path) -> list[str]:
    """A Brandhub build run by bench/phases.py with timers or the profiler (``mode``).

    In one process (``parallel_build: false``): the timers and the profiler see only their
    own process, and a normal build writes half of the pages in a second one."""
    config = hub / "brandhub" / "mkdocs.yml"
    one = hub / "brandhub" / "mkdocs-one-process.yml"
    text = config.read_text(encoding="utf-8")
    one.write_text(
        text.replace("  - brandhub:\n", "  - brandhub:\n      parallel_build: false\n", 1),
        encoding="utf-8",
    )
    script = [sys.executable, str(BENCH / "phases.py"), mode, str(out_file), "--"]
    return [*script, "build", "-f", str(one), "-d", str(out), "--now", NOW]


def plain_phases(hub: Path, out: Path) -> dict[str, Any] | None:
    """The same MkDocs and search timers around one plain Material build."""
    timers = hub / "phases-plain.json"
    shutil.rmtree(out, ignore_errors=True)
    settle()
    cmd = [sys.executable, str(BENCH / "phases.py"), "--timers", str(timers), "--mkdocs", "--"]
    measured = measure(
        [*cmd, "build", "-q", "-f", str(hub / "plain" / "mkdocs.yml"), "-d", str(out)]
    )
    if measured["rc"] != 0:
        return None
    log(f"  plain Material with phase timers: {measured['wall_s']:.1f} s")
    phases: dict[str, Any] = json.loads(timers.read_text(encoding="utf-8"))
    phases["wall_s"] = measured["wall_s"]
    return phases


# -- cProfile, grouped by module -----------------------------------------------------------------
def _group(filename: str) -> str | None:
    """A component name for a profiled function's file; None for the standard library and
    built-ins, whose time is charged to whoever called them."""
    path = filename.replace("\\", "/")
    hub = (ROOT / "hub").as_posix() + "/"
    if path.startswith(hub):
        inner = path[len(hub) :]
        if inner.startswith("templates/"):
            return "hub templates (Jinja fragments)"
        return "hub." + inner.removesuffix(".py").replace("/", ".")
    if "/site-packages/" in path:
        package = path.split("/site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
        if package in ("markdown", "pymdownx"):
            return "markdown + pymdownx"
        if package in ("jinja2", "markupsafe"):
            return "jinja2 + markupsafe"
        if package == "material":
            return "material (templates + search plugin)"
        if package == "_cffi_backend" or package.startswith("_"):
            return None
        return package
    return None


def group_profile(path: Path) -> dict[str, Any]:
    stats = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, tt, _, _) in stats.values())
    owners: dict[Any, dict[str, float]] = {}

    def owner(func: Any, seen: frozenset[Any] = frozenset()) -> dict[str, float]:
        if func in owners:
            return owners[func]
        group = _group(func[0])
        if group is not None:
            result = {group: 1.0}
        else:
            callers = stats[func][4]
            weights = {c: v[2] or v[3] for c, v in callers.items() if c not in seen}
            weight = sum(weights.values())
            if not callers or weight <= 0 or len(seen) > 40:
                module = Path(func[0]).stem if func[0] != "~" else "builtins"
                result = {f"python: {module}": 1.0}
            else:
                result = {}
                for caller, w in weights.items():
                    for g, share in owner(caller, seen | {func}).items():
                        result[g] = result.get(g, 0.0) + share * w / weight
        owners[func] = result  # cycles are cut where they close; good enough for a summary
        return result

    groups: dict[str, float] = {}
    for func, (_, _, tt, _, _) in stats.items():
        for g, share in owner(func).items():
            groups[g] = groups.get(g, 0.0) + tt * share
    hub_functions = sorted(
        (
            (f"{Path(f[0]).relative_to(ROOT).as_posix()}:{f[1]}({f[2]})", ct, nc)
            for f, (_, nc, _, ct, _) in stats.items()
            if f[0].startswith((ROOT / "hub").as_posix())
        ),
        key=lambda x: -x[1],
    )
    return {
        "total_s": total,
        "groups": dict(sorted(groups.items(), key=lambda kv: -kv[1])),
        "hub_cumulative": hub_functions[:25],
    }


# -- serve ----------------------------------------------------------------------------------------
def serve_rebuild(hub: Path, edits: int = 3) -> dict[str, Any]:
    """Time `brandhub serve`'s rebuild after a one-story edit (median of ``edits``).

    MkDocs' serve replaces site_url with http://127.0.0.1:PORT/, which X's rules do not count
    as a link; when the preview fails on X lengths for that reason, the measurement is
    repeated with a copy of mkdocs.yml without X in ``channels`` (and says so)."""
    config = hub / "brandhub" / "mkdocs.yml"
    result = _serve(hub, config, edits)
    if result.get("error") and "too long for X" in result.get("log", ""):
        result = {"with_x": result}
        text = config.read_text(encoding="utf-8")
        without_x = hub / "brandhub" / "mkdocs-serve-without-x.yml"
        without_x.write_text(
            text.replace("channels: [linkedin, x, bluesky,", "channels: [linkedin, bluesky,"),
            encoding="utf-8",
        )
        result.update(_serve(hub, without_x, edits))
        result["config"] = rel(without_x)
    return result


def _serve(hub: Path, config: Path, edits: int) -> dict[str, Any]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [
        str(BIN / "brandhub"),
        "serve",
        "-f",
        str(config),
        "-a",
        f"127.0.0.1:{port}",
        "--now",
        NOW,
    ]
    log(f"  serve: {' '.join(rel(c) if '/' in c else c for c in cmd)}")
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    seen: list[str] = []
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put((time.perf_counter(), line.rstrip()))

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str, timeout: float) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                moment, line = lines.get(timeout=0.2)
            except queue.Empty:
                if proc.poll() is not None and lines.empty():
                    raise RuntimeError(f"serve exited with status {proc.returncode}") from None
                continue
            seen.append(line)
            if text in line:
                return moment
            if "An error happened during the rebuild" in line:
                raise RuntimeError(line)
        raise TimeoutError(f"no '{text}' after {timeout:.0f} s")

    stories = sorted((hub / "brandhub" / "content" / "stories").glob("*.md"))
    story = stories[len(stories) // 2]
    original = story.read_text(encoding="utf-8")
    result: dict[str, Any] = {"story": rel(story), "config": rel(config), "edits": []}
    started = time.perf_counter()
    try:
        wait_for("Serving on", 900)
        result["first_build_s"] = time.perf_counter() - started
        for i in range(edits):
            time.sleep(1.5)
            marker = f"Benchmark edit number {i + 1}."
            story.write_text(original.rstrip("\n") + f" {marker}\n", encoding="utf-8")
            edited = time.perf_counter()
            detected = wait_for("Detected file changes", 120)
            reloaded = wait_for("Reloading browsers", 600)
            page = f"http://127.0.0.1:{port}/stories/{story.stem}/"
            with urllib.request.urlopen(page, timeout=30) as response:  # loopback only
                shown = marker in response.read().decode("utf-8")
            result["edits"].append(
                {
                    "edit_to_reload_s": reloaded - edited,
                    "rebuild_s": reloaded - detected,
                    "page_updated": shown,
                }
            )
            log(
                f"  serve rebuild {i + 1}: {reloaded - detected:.1f} s "
                f"({reloaded - edited:.1f} s from the save), page updated: {shown}"
            )
    except (TimeoutError, RuntimeError, OSError) as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
        log(f"  serve: {result['error']}")
    finally:
        story.write_text(original, encoding="utf-8")
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        time.sleep(0.3)
        while not lines.empty():
            seen.append(lines.get()[1])
    result["log"] = "\n".join(seen[:3] + (["…"] if len(seen) > 6 else []) + seen[-3:])
    if result["edits"]:
        result["median_rebuild_s"] = statistics.median(e["rebuild_s"] for e in result["edits"])
        result["median_edit_to_reload_s"] = statistics.median(
            e["edit_to_reload_s"] for e in result["edits"]
        )
    return result


# -- the machine -----------------------------------------------------------------------------------
def hub_digest() -> str:
    """A digest of Brandhub's source, to tell whether it changed while the benchmark ran."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "hub").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> dict[str, Any]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = next(
        (
            int(line.split()[1]) * KB
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    versions = {}
    for dist in (
        "brandhub",
        "mkdocs",
        "mkdocs-material",
        "Markdown",
        "pymdown-extensions",
        "Jinja2",
        "pillow",
        "twitter-text-parser",
        "lxml",
        "feedgen",
    ):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[dist] = metadata.version(dist)

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    dirty = git("status", "--porcelain", "--", "hub", "pyproject.toml")
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "memory_gb": mem / 1024**3,
        "cpu": cpu,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "versions": versions,
        "commit": git("rev-parse", "--short", "HEAD"),
        "hub_dirty": bool(dirty),
        "hub_digest_start": hub_digest(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Brandhub against plain Material (issue 8).")
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES", "1000,5000"),
        help="numbers of stories, comma-separated (env BENCH_SIZES)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=int(os.environ.get("BENCH_RUNS", "0")),
        help="builds per variant and N (default: 3 up to 1000 stories, else 1)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile build")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild")
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    parser.add_argument("--report", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    WORK.mkdir(parents=True, exist_ok=True)
    # pip compiled MkDocs and Material to bytecode when it installed them. Brandhub, installed
    # editable, is compiled on its first import, or by every build where PYTHONDONTWRITEBYTECODE
    # is set (0.1 s of each): compile it now, whatever the environment says.
    compileall.compile_dir(ROOT / "hub", quiet=1)
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "now": NOW, "seed": SEED, "sizes": []}
    for i, n in enumerate(sizes):
        runs = args.runs or (3 if n <= 1000 else 1)
        results["sizes"].append(
            bench_size(
                n, runs, profile=i == 0 and not args.no_profile, serve=i == 0 and not args.no_serve
            )
        )
        args.results.write_text(json.dumps(results, indent=1), encoding="utf-8")
    results["total_s"] = time.perf_counter() - started
    results["machine"]["hub_digest_end"] = hub_digest()
    args.results.write_text(json.dumps(results, indent=1), encoding="utf-8")
    sys.path.insert(0, str(BENCH))
    from report import write_report

    write_report(results, args.report)
    log(f"done in {results['total_s'] / 60:.1f} min: {rel(args.results)}, {rel(args.report)}")


if __name__ == "__main__":
    main()
