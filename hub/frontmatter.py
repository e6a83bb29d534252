"""Reading a Markdown file: its bytes, its front matter (with line numbers) and its body.

MkDocs' own reader swallows YAML errors and returns ``{}``; a hub must fail loudly instead, so
front matter is parsed here. Dates are kept as text (YAML would turn ``2026-02-30`` into a
constructor crash and ``2026-03-03`` into a naive date): the schema parses them with the hub's
time zone and a clear message.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from hub.i18n import _, active
from hub.problems import Problem
from hub.yamlerrors import explain

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict[Any, Any]):
    """A YAML mapping that remembers the file line of each key."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}
        self.line: int | None = None


class LocatedList(list[Any]):
    """A YAML sequence that remembers the file line of each item."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []
        self.line: int | None = None


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(_("'%(key)s' appears twice", key=key))
        self.key = key
        self.line = line


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    # Dates stay text: the schema parses them with the hub's time zone and clear messages.
    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, _("a key must be plain text"), key_node.start_mark
            )
        if key in result:
            raise DuplicateKey(key, line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList()
    result.line = node.start_mark.line + 1
    for child in node.value:
        result.append(loader.construct_object(child, deep=True))
        result.lines.append(child.start_mark.line + 1)
    return result


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    try:
        return int(loader.construct_yaml_int(node))
    except ValueError:  # Python reads no integer of more than 4,300 digits (int_max_str_digits)
        raise yaml.constructor.ConstructorError(
            None, None, _("this number has too many digits to be read"), node.start_mark
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


class YamlProblem(Exception):
    def __init__(self, line: int | None, message: str, hint: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


def parse_yaml(text: str, *, first_line: int = 1) -> Any:
    """Parse YAML whose first line is line ``first_line`` of its file; lines stay file lines."""
    padded = "\n" * (first_line - 1) + text
    try:
        return yaml.load(padded, Loader=_Loader)
    except DuplicateKey as exc:
        raise YamlProblem(
            exc.line, _("the key '%(key)s' appears twice", key=exc.key), _("keep one of them")
        ) from exc
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(*explain(exc, padded, _Loader)) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(
            None, _("broken YAML: %(problem)s", problem=exc), _("check the file's syntax")
        ) from exc


_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class Document:
    """One Markdown file as read from disk, before validation."""

    path: str  # as shown to editors, e.g. content/stories/x.md
    rel: str  # POSIX path inside the content folder, e.g. stories/x.md
    meta: Located = field(default_factory=Located)
    body: str = ""
    body_line: int = 1
    readable: bool = True  # False when the file could not be decoded or parsed
    digest: bytes = b""  # of the file's bytes (digest_of)
    # False: the file passed the last check unchanged, so it was not parsed (hub.verdicts);
    # meta and body are empty. parse_again() reads it when it must be checked after all.
    parsed: bool = True


def digest_of(raw: bytes) -> bytes:
    """What tells a file's bytes from another version's (not the bytes: memory)."""
    return hashlib.blake2b(raw, digest_size=16).digest()


def read_document(
    raw: bytes, *, path: str, rel: str, digest: bytes | None = None
) -> tuple[Document, list[Problem]]:
    """Decode and split a Markdown file; report problems instead of raising. ``digest``: the
    bytes' digest_of, when the caller has it already.

    A preview rebuilds after every save: a file whose bytes did not change is not parsed
    again (the result is only read, never changed, by what follows)."""
    # The language too: a preview whose mkdocs.yml changes language words its problems anew.
    key = (digest_of(raw) if digest is None else digest, path, rel, active().catalogue)
    if key not in _READ:
        if len(_READ) >= _READ_LIMIT:
            _READ.clear()
        doc, problems = _read(raw, path=path, rel=rel)
        doc.readable = not problems
        doc.digest = key[0]
        _READ[key] = (doc, problems)
    doc, problems = _READ[key]
    return doc, list(problems)


_READ: dict[tuple[bytes, str, str, str], tuple[Document, list[Problem]]] = {}
_READ_LIMIT = 50_000  # files


def forget() -> None:
    """A one-off build reads each file once: drop what a preview keeps between rebuilds."""
    _READ.clear()


def _read(raw: bytes, *, path: str, rel: str) -> tuple[Document, list[Problem]]:
    doc = Document(path=path, rel=rel)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return doc, [
            Problem(
                path, line, None, _("the file is not UTF-8 text"), _("save it with UTF-8 encoding")
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        doc.body = text
        return doc, []
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            break
    else:
        return doc, [
            Problem(
                path,
                1,
                None,
                _("the front matter is not closed"),
                _("add a line with --- after the last key"),
            )
        ]
    yaml_text = "\n".join(lines[1:index])
    doc.body = "\n".join(lines[index + 1 :])
    doc.body_line = index + 2
    try:
        meta = parse_yaml(yaml_text, first_line=2)
    except YamlProblem as exc:
        return doc, [Problem(path, exc.line, None, exc.message, exc.hint)]
    if meta is None:
        return doc, []
    if not isinstance(meta, Located):
        return doc, [
            Problem(
                path,
                2,
                None,
                _("the front matter is not a list of keys"),
                _("write one 'key: value' per line between the --- lines"),
            )
        ]
    doc.meta = meta
    return doc, []
