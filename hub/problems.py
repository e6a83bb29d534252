"""Problems found in content or settings, reported all together.

Every problem names the file (as the editor sees it in the repository), the line when it is
known, the field, what is wrong and a hint. A build collects them all before it stops, so an
editor fixes everything in one round instead of one error per push.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hub.i18n import n_


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}" + (f" ({self.hint})" if self.hint else "")

    def github_annotation(self, level: str = "error") -> str:
        """The problem as a GitHub Actions workflow command, shown on the line of the diff;
        ``level``: error, or warning for a notice that stops nothing."""
        props = f"file={_escape_property(self.file)}"
        if self.line is not None:
            props += f",line={self.line}"
        if self.field:
            props += f",title={_escape_property(self.field)}"
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        return f"::{level} {props}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class ContentError(Exception):
    """Raised when content or settings have problems; carries every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_order)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        summary = n_(
            "%(count)s problem in the hub's content:",
            "%(count)s problems in the hub's content:",
            count,
        )
        super().__init__(f"{summary}\n{lines}")


def _order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)
