"""What the preview shows when a save breaks the hub: a page listing the problems.

MkDocs' live-reload server keeps serving the last good site when a rebuild fails, and the
browser, waiting for the next build, stays as it was: the editor sees nothing happen, and
the error is only in a terminal. Here a rebuild that fails with content problems counts as
done for the browser, which reloads onto a page listing them; the page carries MkDocs'
live-reload script like every page it serves, so the next good build reloads it onto the
site.

Only the two public hooks of the server are used: its ``builder`` (what a change runs) and
its WSGI application (``get_app``/``set_app``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hub.i18n import _, active
from hub.problems import Problem
from hub.render import Renderer

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("brandhub")

# In the preview's own folder, served by MkDocs with its script added; Pagefind leaves it out
# (it has no data-pagefind-body), and a failed build's pages are all still there.
PAGE = ".brandhub-problems.html"


@dataclass(frozen=True)
class _Shown:
    where: str
    what: str
    hint: str | None


def render(problems: Iterable[Problem], *, renderer: Renderer, site_name: str) -> str:
    """The page, each problem as ``file:line: field: message (hint)``, escaped."""
    shown = [
        _Shown(
            p.file if p.line is None else f"{p.file}:{p.line}",
            f"{p.field}: {p.message}" if p.field else p.message,
            p.hint,
        )
        for p in problems
    ]
    template = renderer.env.get_template("preview/problems.html")
    return template.render(problems=shown, site_name=site_name, lang=active().code)


class ProblemPage:
    """Installed on a running preview by the plugin's ``on_serve``."""

    def __init__(
        self,
        server: LiveReloadServer,
        failed: Callable[[], Sequence[Problem]],
        page: Callable[[Sequence[Problem]], str],
    ) -> None:
        self.failed = failed  # the last build's content problems (none if it was not those)
        self.page = page
        self.path = Path(server.root) / PAGE
        self.target = server.mount_path + PAGE
        self.showing = False
        self.build = server.builder
        app = server.get_app()
        assert app is not None  # the server serves the site from the start
        self.app = app
        server.builder = self.rebuild
        server.set_app(self.serve)

    def rebuild(self) -> None:
        try:
            self.build()
        except Exception:
            problems = self.failed()
            if not problems:  # not the content: MkDocs reports it as ever
                raise
            self.path.write_text(self.page(problems), encoding="utf-8")
            self.showing = True
            log.info(_("The browser shows these problems until the next save that fixes them."))
            return
        self.showing = False

    def serve(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        if self.showing and not path.startswith("/livereload/") and path.endswith(("/", ".html")):
            environ = {**environ, "PATH_INFO": self.target}
        return self.app(environ, start_response)
