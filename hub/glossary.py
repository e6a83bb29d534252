"""The hub's glossary (content/glossary.yml): the words a new colleague meets on day one.

Each term is defined once; every page shows the definition as a tooltip wherever the term
(or one of its other names, ``aka``) appears in its text, through Python-Markdown's ``abbr``
extension, and the glossary page lists the terms A to Z in the hub's language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from hub import schema as s
from hub.frontmatter import Located
from hub.i18n import _
from hub.load import GLOSSARY_FILE
from hub.model import Term
from hub.problems import Problem

TERM_TEXT = s.text(max_length=80, one_line=True)
ENTRY: s.Schema = {
    "definition": s.Field(s.text(max_length=300, one_line=True), required=True),
    "aka": s.Field(s.text_list(TERM_TEXT, max_items=10), default=()),
}
# Letters a language sorts as letters of their own, after the letter they are written on
# (Spanish ñ after n): every other accent is ignored in the order, as a reader expects.
OWN_LETTERS = {"es": frozenset("ñ")}


def read_glossary(raw: Any, path: str, tz: Any) -> tuple[tuple[Term, ...], list[Problem]]:
    """The terms of a parsed glossary.yml, and its problems (file, line, term, hint)."""
    if raw is None:
        return (), []
    if not isinstance(raw, Located):
        return (), [
            Problem(
                path,
                1,
                None,
                _("expected terms, each with its definition"),
                _("write 'term: definition', one term a line"),
            )
        ]
    ctx = s.Context(file=path, rel=GLOSSARY_FILE, tz=tz, assets=frozenset())
    terms: list[Term] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # a name as folded → the term that has it
    for key, entry in raw.items():
        line = raw.lines.get(key)
        term = str(key).strip()
        if not term or len(term) > 80 or "\n" in term:
            problems.append(
                Problem(
                    path,
                    line,
                    term[:40] or None,
                    _("is not a term"),
                    _("write the term in one line of at most 80 characters"),
                )
            )
            continue
        values, found = _entry(entry, ctx, term, line)
        problems.extend(found)
        if found:
            continue
        names = (term, *values["aka"])
        clash = next((name for name in names if name.casefold() in seen), None)
        if clash is not None:
            problems.append(
                Problem(
                    path,
                    line,
                    term,
                    _(
                        "'%(name)s' is in the glossary already, as %(other)s",
                        name=clash,
                        other=seen[clash.casefold()],
                    ),
                    _("define each term once; list its other names under 'aka'"),
                )
            )
            continue
        seen.update((name.casefold(), term) for name in names)
        terms.append(Term(term=term, definition=values["definition"], aka=values["aka"], line=line))
    return tuple(terms), problems


def _entry(
    entry: Any, ctx: s.Context, term: str, line: int | None
) -> tuple[dict[str, Any], list[Problem]]:
    """A term's value: its definition alone, or ``definition`` and ``aka``."""
    if isinstance(entry, str):
        entry = {"definition": entry}
    if not isinstance(entry, dict):
        return {}, [
            Problem(
                ctx.file,
                line,
                term,
                _("expected a definition"),
                _("write 'term: definition', or 'definition:' and 'aka:' indented below it"),
            )
        ]
    return s.validate(entry, ENTRY, ctx, prefix=f"{term}.", line=line)


def abbreviations(terms: Iterable[Term]) -> dict[str, str]:
    """Every name of every term, as written and with a capital first letter (a sentence's
    first word), mapped to its definition: what the ``abbr`` extension marks in pages."""
    found: dict[str, str] = {}
    for term in terms:
        for name in (term.term, *term.aka):
            for shown in (name, name[:1].upper() + name[1:]):
                found.setdefault(shown, term.definition)
    return found


def sort_key(text: str, language: str) -> tuple[tuple[str, int], ...]:
    """Dictionary order: case and accents ignored, but for the letters the language keeps."""
    own = OWN_LETTERS.get(language.split("_")[0].split("-")[0], frozenset())
    key = []
    for char in text.casefold():
        if char in own:
            key.append((unicodedata.normalize("NFD", char)[0], 1))
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", char) if not _mark(c))
            key.extend((c, 0) for c in base)
    return tuple(key)


def letter(text: str, language: str) -> str:
    """The letter a term is listed under: its first letter, capital, without accents (but
    for the language's own letters); '#' for a term that starts with a digit or a sign."""
    first = text.strip()[:1].casefold()
    own = OWN_LETTERS.get(language.split("_")[0].split("-")[0], frozenset())
    if first in own:
        return first.upper()
    base = "".join(c for c in unicodedata.normalize("NFD", first) if not _mark(c))
    return base.upper() if base.isalpha() else "#"


def by_letter(terms: Iterable[Term], language: str) -> list[tuple[str, list[Term]]]:
    """The terms A to Z, grouped under their letters."""
    groups: list[tuple[str, list[Term]]] = []
    for term in sorted(terms, key=lambda t: (sort_key(t.term, language), t.term)):
        first = letter(term.term, language)
        if not groups or groups[-1][0] != first:
            groups.append((first, []))
        groups[-1][1].append(term)
    return groups


def _mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")
