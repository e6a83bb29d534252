"""A full build's pages, converted and written by two processes.

MkDocs converts, renders and writes pages one after another, on one core. Once the hub is
checked and the navigation is known (MkDocs' ``nav`` event), a full build forks itself: the
copy, a *worker*, converts and writes a share of the pages with MkDocs' own page functions and
exits, while the build does the rest and skips the worker's pages (hub.plugin decides the
share). Forking shares what is already computed (the checked hub, the navigation, compiled
templates) without pickling any of it; the garbage collector is frozen first so that the
worker does not copy the build's memory by walking it.

The worker reports through a pipe, one JSON object a line:

- ``{"converted": {...}}``: once its pages are converted, their anchors and links to anchors
  (MkDocs checks them across all pages at the end of the build) and the bodies of its items
  that feeds carry;
- ``{"shard": folder, "digest": digest}``: a folder of search excerpts of its pages is
  complete (the search index takes it in; hub.search);
- ``{"log": {...}}``: a log record, shown by the build as its own (and counted by
  ``strict: true``);
- ``{"failed": message}``: a page could not be built; the build fails with this message.

Only full builds of one hub use it (a preview rebuilds a few pages), on a machine with two
cores or more and an ``os.fork``; elsewhere the build writes every page itself.

``split_map`` uses the second core the same way for the content check, before the build:
a forked copy reads and checks the second half of the files and sends back what it found.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from hub.i18n import _

T = TypeVar("T")
R = TypeVar("R")
SPLIT_FROM = 500  # items: below this, a fork costs more than it saves


def available() -> bool:
    """Two processes pay off only on two cores, and need os.fork (not on Windows)."""
    if not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        cores = os.cpu_count() or 1
    return cores >= 2


def split_map(work: Callable[[T], R], items: Sequence[T], *, split: bool = True) -> list[R]:
    """``[work(item) for item in items]``, with the second half done by a forked copy of this
    process when ``split`` and there are many items and a second core. ``work`` must return
    what pickle can carry, and change nothing this process relies on: the copy's changes
    stay there. If the copy fails, this process does its half again (and meets the same
    error)."""
    if not split or len(items) < SPLIT_FROM or not available():
        return [work(item) for item in items]
    half = len(items) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the copy; the results are tested
        os.close(read_end)
        code = 1
        try:
            with os.fdopen(write_end, "wb") as out:
                pickle.dump([work(item) for item in items[half:]], out, pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    stream = os.fdopen(read_end, "rb")
    try:
        first = [work(item) for item in items[:half]]
        data = stream.read()
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        raise
    finally:
        stream.close()
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return first + [work(item) for item in items[half:]]
    second: list[R] = pickle.loads(data)
    return first + second


class WorkerFailed(Exception):
    """A page the worker was building failed; the message says which and why."""


class Reports:
    """What the worker tells the build."""

    def __init__(self, send: Callable[[dict[str, Any]], None]) -> None:
        self._send = send

    def converted(self, found: dict[str, Any]) -> None:
        self._send({"converted": found})

    def shard(self, folder: Path, digest: str) -> None:
        """A folder of search excerpts is complete (hub.search.Excerpts)."""
        self._send({"shard": str(folder), "digest": digest})


class _PipeHandler(logging.Handler):
    def __init__(self, send: Callable[[dict[str, Any]], None]) -> None:
        super().__init__()
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            self._send(
                {
                    "log": {
                        "name": record.name,
                        "levelno": record.levelno,
                        "levelname": record.levelname,
                        "msg": message,
                    }
                }
            )
        except Exception:  # logging must not fail the page
            self.handleError(record)


class Worker:
    """Fork now; the worker runs ``work`` with its ``Reports`` and exits.

    The build then waits until the worker has ``converted()`` its pages, ``attach``es the
    search index to the pages it writes, and calls ``wait`` after its own pages (or ``stop``
    when its build fails)."""

    def __init__(self, work: Callable[[Reports], None]) -> None:
        read_end, write_end = os.pipe()
        gc.freeze()  # the worker's collector leaves the build's objects alone (shared, not copied)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the worker; its effects are tested
            os.close(read_end)
            _work(write_end, work)
        os.close(write_end)
        self.pid = pid
        self.failure: str | None = None
        self._stream = os.fdopen(read_end, encoding="utf-8")
        self._status: int | None = None
        self._lock = threading.Lock()
        self._shards: list[tuple[str, str]] = []  # search shards, until an index is attached
        self._on_shard: Callable[[str, str], None] | None = None
        self._found: dict[str, Any] | None = None
        self._converted = threading.Event()  # its pages are converted, or it ended
        self._thread = threading.Thread(target=self._read, name="brandhub-worker", daemon=True)
        self._thread.start()

    def attach(self, shard: Callable[[str, str], None]) -> None:
        """Pass the search shards the worker has filled, and will fill, to ``shard`` (their
        folders and digests)."""
        with self._lock:
            self._on_shard = shard
            early, self._shards = self._shards, []
        for folder, digest in early:
            shard(folder, digest)

    def converted(self) -> dict[str, Any]:
        """What the build needs of the worker's pages (anchors, feeds' bodies), once it has
        converted them."""
        self._converted.wait()
        if self._found is None:
            self.wait()  # it ended without them: say why
            raise WorkerFailed(_("the process converting half of the pages stopped early"))
        return self._found

    def wait(self) -> None:
        """Wait until the worker is done; raise WorkerFailed if one of its pages failed."""
        code = self._end()
        if self.failure is not None:
            raise WorkerFailed(self.failure)
        if code != 0:
            raise WorkerFailed(
                _("the process writing half of the pages stopped (status %(code)s)", code=code)
            )

    def stop(self) -> None:
        """The build failed: end the worker, whatever it is doing."""
        if self._status is None:
            with contextlib.suppress(ProcessLookupError):  # it had just finished
                os.kill(self.pid, signal.SIGTERM)
        self._end()

    def _end(self) -> int:
        if self._status is None:
            _, status = os.waitpid(self.pid, 0)
            self._status = os.waitstatus_to_exitcode(status)
            self._thread.join()
            self._stream.close()
            gc.unfreeze()
        return self._status

    def _read(self) -> None:
        try:
            for line in self._stream:
                self._take(json.loads(line))
        finally:
            self._converted.set()

    def _take(self, message: dict[str, Any]) -> None:
        if "shard" in message:
            with self._lock:
                on_shard = self._on_shard
                if on_shard is None:
                    self._shards.append((message["shard"], message["digest"]))
            if on_shard is not None:
                try:
                    on_shard(message["shard"], message["digest"])
                except Exception as exc:  # reported by wait()
                    self.failure = self.failure or _("search index: %(problem)s", problem=exc)
        elif "log" in message:
            record = logging.makeLogRecord(message["log"])
            logging.getLogger(record.name).handle(record)
        elif "converted" in message:
            self._found = message["converted"]
            self._converted.set()
        elif "failed" in message:
            self.failure = message["failed"]


def _work(
    fd: int, work: Callable[[Reports], None]
) -> NoReturn:  # pragma: no cover - runs in the forked process, outside coverage
    code = 1
    out = os.fdopen(fd, "w", encoding="utf-8")

    def send(message: dict[str, Any]) -> None:
        out.write(json.dumps(message) + "\n")
        out.flush()

    try:
        # Its log records go to the build, which shows them (and counts them in strict mode).
        handler = _PipeHandler(send)
        loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
        for logger in loggers:
            if isinstance(logger, logging.Logger) and logger.handlers:
                logger.handlers = [handler]
        work(Reports(send))
        code = 0
    except KeyboardInterrupt:
        pass
    except BaseException as exc:  # reported to the build, which fails
        with contextlib.suppress(BaseException):  # unless the build is gone
            send({"failed": str(exc) or type(exc).__name__})
    finally:
        os._exit(code)
