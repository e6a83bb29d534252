"""One validation mechanism for front matter and hub settings.

A schema is a mapping of key → :class:`Field`; a field converts a raw YAML value into a typed
value or raises :class:`Invalid` with a message and a hint. :func:`validate` applies a schema
to a mapping, collects every problem with its line, and suggests the closest known key for an
unknown one.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo
from functools import cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from hub.frontmatter import Located, LocatedList
from hub.i18n import _
from hub.problems import Problem


class Invalid(Exception):
    """A value that a field cannot accept."""

    def __init__(self, message: str, hint: str | None = None, *, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line


@dataclass(frozen=True)
class Context:
    """What converters may need: the hub's time zone and where the file lives."""

    file: str  # as shown to editors
    rel: str = ""  # POSIX path inside the content folder
    tz: tzinfo | None = None
    assets: Set[str] = frozenset()  # every file inside the content folder


Converter = Callable[[Any, Context], Any]


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    default: Any = None


Schema = Mapping[str, Field]


_BROKEN = re.compile(r"[\ud800-\udfff]")  # half of a surrogate pair: not a character
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # XML, feeds and pages refuse them
_LINE_BREAK = re.compile(r"[\n\r\x85\u2028\u2029]")
# Every date the hub reads lies in these years: a year such as 2206 (for 2026) or 9999 would
# reach past what sitemaps' gzip headers, calendars and feeds can carry.
FIRST_YEAR, LAST_YEAR = 1970, 2099


def describe(value: Any) -> str:
    """A value as a message names it, in the hub's language: "the number 630", "a list"."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        # Translators: value is true or false, as the editor typed it in YAML.
        return _("the yes/no value %(value)s", value=str(value).lower())
    if isinstance(value, int) and value.bit_length() > 64:
        # Python refuses to print an integer of thousands of digits (int_max_str_digits).
        return _("a very large number")
    if isinstance(value, int | float):
        return _("the number %(value)s", value=value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of keys")
    return f"'{value}'"


def did_you_mean(name: str) -> str:
    """The hint for a near miss: "did you mean `draft`?"."""
    return _("did you mean `%(name)s`?", name=name)


def validate(
    data: Mapping[Any, Any],
    schema: Schema,
    ctx: Context,
    *,
    prefix: str = "",
    line: int | None = None,
) -> tuple[dict[str, Any], list[Problem]]:
    """Convert ``data`` with ``schema``; return the values and every problem found."""
    lines = data.lines if isinstance(data, Located) else {}
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in data.items():
        name = f"{prefix}{key}"
        if key not in schema:
            problems.append(
                Problem(
                    ctx.file, lines.get(key, line), name, _("unknown key"), _suggest(key, schema)
                )
            )
            continue
        try:
            values[key] = schema[key].convert(raw, ctx)
        except Invalid as exc:
            where = exc.line or lines.get(key, line)
            problems.append(Problem(ctx.file, where, name, exc.message, exc.hint))
            values[key] = schema[key].default
        except _Nested as exc:
            problems.extend(replace(p, field=f"{name}{p.field}") for p in exc.problems)
            values[key] = schema[key].default
    for key, spec in schema.items():
        if key in data:
            continue
        if spec.required:
            first = getattr(data, "line", None) or line
            problems.append(
                Problem(
                    ctx.file,
                    first,
                    f"{prefix}{key}",
                    _("is required"),
                    _("add '%(key)s: …'", key=key),
                )
            )
        else:
            values[key] = spec.default
    return values, problems


def _suggest(key: Any, schema: Schema) -> str:
    close = difflib.get_close_matches(str(key), list(schema), n=1, cutoff=0.6)
    if close:
        return did_you_mean(close[0])
    return _("known keys: %(keys)s", keys=", ".join(sorted(schema)))


class _Nested(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("nested problems")
        self.problems = problems


# Converters -----------------------------------------------------------------------------


def text(*, max_length: int | None = None, one_line: bool = False) -> Converter:
    """Text, stripped; ``one_line``: a title, name or label, which pages, feeds and calendars
    print on one line (a line break there would start a new calendar property)."""

    def convert(value: Any, ctx: Context) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            # YAML reads 10:30 as 630 and 1.10 as 1.1: never pass on a silently altered value.
            raise Invalid(
                _("expected text, got %(value)s", value=describe(value)),
                _("put the value in quotes: YAML reads some text, like 10:30, as numbers"),
            )
        if not isinstance(value, str):
            raise Invalid(
                _("expected text, got %(value)s", value=describe(value)),
                _("put the text in quotes"),
            )
        result = value.strip()
        if not result:
            raise Invalid(_("is empty"), _("write some text or remove the key"))
        if _CONTROL.search(result):
            raise Invalid(
                _("contains an invisible control character"),
                _("delete it; it often comes with text pasted from another program"),
            )
        if _BROKEN.search(result):
            raise Invalid(
                _("contains a broken character (a lone \\u escape)"),
                _("write the character itself instead of its \\u code"),
            )
        if one_line and _LINE_BREAK.search(result):
            raise Invalid(
                _("is on more than one line"),
                _("write it on one line; in YAML, a line break inside quotes is one too"),
            )
        if max_length is not None and len(result) > max_length:
            raise Invalid(
                _(
                    "is %(length)s characters long, more than %(maximum)s",
                    length=len(result),
                    maximum=max_length,
                ),
                _("shorten it to at most %(maximum)s characters", maximum=max_length),
            )
        return result

    return convert


def boolean() -> Converter:
    def convert(value: Any, ctx: Context) -> bool:
        if not isinstance(value, bool):
            raise Invalid(
                _("expected true or false, got %(value)s", value=describe(value)),
                _("write true or false without quotes"),
            )
        return value

    return convert


def integer(*, minimum: int | None = None, maximum: int | None = None) -> Converter:
    def convert(value: Any, ctx: Context) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(
                _("expected a whole number, got %(value)s", value=describe(value)),
                _("write e.g. 3"),
            )
        if minimum is not None and value < minimum:
            raise Invalid(
                _("is %(value)s, less than %(minimum)s", value=value, minimum=minimum),
                _("use %(minimum)s or more", minimum=minimum),
            )
        if maximum is not None and value > maximum:
            raise Invalid(
                _("is %(value)s, more than %(maximum)s", value=describe(value), maximum=maximum),
                _("use %(maximum)s or less", maximum=maximum),
            )
        return value

    return convert


def choice(*options: str) -> Converter:
    def convert(value: Any, ctx: Context) -> str:
        if value not in options:
            close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
            hint = (
                did_you_mean(close[0])
                if close
                else _("use one of: %(options)s", options=", ".join(options))
            )
            raise Invalid(_("%(value)s is not allowed", value=describe(value)), hint)
        return str(value)

    return convert


def pattern(regex: str, hint: str) -> Converter:
    """Text that matches ``regex``; ``hint``, marked with N_(), is translated when shown."""
    compiled = re.compile(regex)
    base = text()

    def convert(value: Any, ctx: Context) -> str:
        result: str = base(value, ctx)
        if not compiled.fullmatch(result):
            raise Invalid(_("%(value)s is not allowed", value=describe(result)), _(hint))
        return result

    return convert


_LANGUAGE_CODE = re.compile(r"([A-Za-z]{2,3})(?:-[A-Za-z0-9]{2,8})*")


def language() -> Converter:
    """A language code (``es``, ``en``, ``pt-BR``) of a language Babel knows: a name such as
    "Spanish" or a made-up code is refused, since pages show the language by its name."""
    base = text()

    def convert(value: Any, ctx: Context) -> str:
        result: str = base(value, ctx)
        found = _LANGUAGE_CODE.fullmatch(result)
        if found is None or found.group(1).lower() not in _known_languages():
            raise Invalid(
                _("%(value)s is not a language code", value=describe(result)),
                _("use a language code such as en, es or pt-BR"),
            )
        return found.group(1).lower() + result[len(found.group(1)) :]

    return convert


@cache
def _known_languages() -> frozenset[str]:
    from babel import Locale

    return frozenset(str(code) for code in Locale("en").languages if "_" not in str(code))


def moment() -> Converter:
    """A date (midnight in the hub's time zone) or an ISO 8601 date-time."""

    def convert(value: Any, ctx: Context) -> datetime:
        return parse_moment(value, ctx.tz)

    return convert


def parse_moment(value: Any, tz: tzinfo | None) -> datetime:
    raw = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    hint = _("use YYYY-MM-DD, or YYYY-MM-DDTHH:MM+01:00 with a time")
    if not raw:
        raise Invalid(_("%(value)s is not a date", value=describe(value)), hint)
    try:
        if len(raw) == 10:
            parsed = datetime.combine(date.fromisoformat(raw), time())
        else:
            parsed = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError:
        raise Invalid(_("%(value)s is not a date", value=describe(value)), hint) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise Invalid(
            _(
                "%(value)s is not between the years %(first)s and %(last)s",
                value=describe(value),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            ),
            _("check the year: a date that far off is often a typo, such as 2206 for 2026"),
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def text_list(item: Converter | None = None, *, max_items: int | None = None) -> Converter:
    """A list of texts (each read by ``item``), at most ``max_items``; a single text is read as
    a list of one."""
    item = item or text()

    def convert(value: Any, ctx: Context) -> tuple[str, ...]:
        if isinstance(value, str):
            return (item(value, ctx),)
        if not isinstance(value, list):
            raise Invalid(
                _("expected a list, got %(value)s", value=describe(value)),
                _("write [first, second]"),
            )
        if max_items is not None and len(value) > max_items:
            raise Invalid(
                _("has %(count)s items, more than %(most)s", count=len(value), most=max_items),
                _("keep the %(most)s that matter most", most=max_items),
            )
        lines = value.lines if isinstance(value, LocatedList) else []
        result = []
        for index, entry in enumerate(value):
            try:
                result.append(item(entry, ctx))
            except Invalid as exc:
                line = lines[index] if index < len(lines) else None
                raise Invalid(
                    _("item %(number)s: %(problem)s", number=index + 1, problem=exc.message),
                    exc.hint,
                    line=line,
                ) from None
        return tuple(result)

    return convert


def text_mapping(*, values: Converter | None = None) -> Converter:
    """A group of ``key: text`` pairs (banned terms, profile links, UTM sources)."""
    convert_value = values or text()

    def convert(value: Any, ctx: Context) -> dict[str, str]:
        if not isinstance(value, dict):
            raise Invalid(
                _("expected a group of keys, got %(value)s", value=describe(value)),
                _("write key: value"),
            )
        lines = value.lines if isinstance(value, Located) else {}
        result = {}
        for key, entry in value.items():
            try:
                result[str(key)] = convert_value(entry, ctx)
            except Invalid as exc:
                raise Invalid(f"{key}: {exc.message}", exc.hint, line=lines.get(key)) from None
        return result

    return convert


def url() -> Converter:
    base = text()

    def convert(value: Any, ctx: Context) -> str:
        result: str = base(value, ctx)
        parts = urlsplit(result)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Invalid(
                _("%(value)s is not a web address", value=describe(result)),
                _("start it with https://"),
            )
        return result

    return convert


def link() -> Converter:
    """Where a step leads: a web or mail address, or a path inside the content folder (which
    the check looks for); one address, without spaces or line breaks, which would let it add
    lines to a calendar file."""
    base = text()

    def convert(value: Any, ctx: Context) -> str:
        result: str = base(value, ctx)
        if re.search(r"\s", result):
            raise Invalid(
                _(
                    "%(link)s contains a space or a line break",
                    link=json.dumps(result, ensure_ascii=False),
                ),
                _("write one address (https://…) or one path inside content/, without spaces"),
            )
        scheme = urlsplit(result).scheme
        if scheme and scheme not in ("http", "https", "mailto"):
            raise Invalid(
                _("%(link)s is not a web address or a content path", link=describe(result)),
                _("start it with https:// or write a path such as stories/our-year.md"),
            )
        return result

    return convert


def records(schema: Schema) -> Converter:
    """A list of groups of keys, each checked with ``schema`` (share snippets, steps)."""

    def convert(value: Any, ctx: Context) -> tuple[dict[str, Any], ...]:
        if not isinstance(value, list):
            raise Invalid(
                _("expected a list, got %(value)s", value=describe(value)),
                _("start each entry with '- '"),
            )
        lines = value.lines if isinstance(value, LocatedList) else []
        result, problems = [], []
        for index, entry in enumerate(value):
            line = lines[index] if index < len(lines) else None
            prefix = f"[{index + 1}]."
            if not isinstance(entry, dict):
                problems.append(
                    Problem(
                        ctx.file,
                        line,
                        prefix.rstrip("."),
                        _("expected a group of keys, got %(value)s", value=describe(entry)),
                        _("indent the keys of each entry under its '- '"),
                    )
                )
                continue
            values, found = validate(entry, schema, ctx, prefix=prefix, line=line)
            values["_line"] = line
            problems.extend(found)
            result.append(values)
        if problems:
            raise _Nested(problems)
        return tuple(result)

    return convert


def content_path() -> Converter:
    """A path to a file inside the content folder, relative to the file or absolute from it."""
    base = text()

    def convert(value: Any, ctx: Context) -> str:
        raw: str = base(value, ctx)
        resolved = resolve_content_path(raw, ctx.rel)
        if resolved is None:
            raise Invalid(
                _("'%(path)s' points outside the content folder", path=raw),
                _("use a path inside content/, relative to this file or starting with /"),
            )
        if resolved not in ctx.assets:
            raise Invalid(
                _(
                    "'%(path)s' does not exist (looked for content/%(resolved)s)",
                    path=raw,
                    resolved=resolved,
                ),
                _near(resolved, ctx),
            )
        return resolved

    return convert


def _near(resolved: str, ctx: Context) -> str:
    close = difflib.get_close_matches(resolved, sorted(ctx.assets), n=1, cutoff=0.7)
    if close:
        return _("did you mean content/%(path)s?", path=close[0])
    return _("check the file name and its folder")


def resolve_content_path(raw: str, rel: str) -> str | None:
    """``raw`` as a POSIX path inside the content folder, or None when it leaves it."""
    if "\\" in raw or "\x00" in raw or urlsplit(raw).scheme:
        return None
    base = PurePosixPath() if raw.startswith("/") else PurePosixPath(rel).parent
    parts: list[str] = []
    for part in (base / raw.lstrip("/")).parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) if parts else None
