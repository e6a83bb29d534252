"""The hub's records (hub.model) as JSON and back, for what is kept between builds.

A cache holds data, never code: pickle would run whatever a planted file says, so records are
written as plain JSON and read back by their declared types. Anything that does not fit those
types raises :class:`ValueError`, and the caller treats the cache as empty.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo


def to_json(value: object) -> Any:
    """``value`` (a record, or what a record's field holds) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):  # with its zone's name: DST and repr() depend on it
        return [value.isoformat(), value.tzinfo.key if isinstance(value.tzinfo, ZoneInfo) else None]
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise ValueError(f"{type(value).__name__} cannot be kept")


def from_json(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that :func:`to_json` made ``data`` from."""
    return _reader(kind)(data)


@cache
def _reader(kind: Any) -> Callable[[Any], Any]:
    """What reads a ``kind`` back from JSON data, worked out once a type: a build reads
    thousands of items of the same few types, each value checked against its field's type."""
    origin = typing.get_origin(kind)
    if kind is typing.Any or kind is object:
        return _plain
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        nullable = type(None) in options
        # Records nest only through their fields, read lazily: no type is read while its own
        # reader is being made.
        option = _reader(next(o for o in options if o is not type(None)))

        def union(data: Any) -> Any:
            return None if data is None and nullable else option(data)

        return union
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _record_reader(kind)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            read = _reader(args[0])

            def each(data: Any) -> Any:
                if not isinstance(data, list):
                    raise ValueError("not a list")
                return tuple(read(v) for v in data)

            return each

        readers = [_reader(a) for a in args]

        def fixed(data: Any) -> Any:
            if not isinstance(data, list):
                raise ValueError("not a list")
            if len(readers) != len(data):
                raise ValueError("a list of the wrong length")
            return tuple(read(v) for read, v in zip(readers, data, strict=True))

        return fixed
    if origin in (dict, Mapping) or kind is dict:
        value = _reader(typing.get_args(kind)[1] if typing.get_args(kind) else Any)

        def mapping(data: Any) -> Any:
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return {str(k): value(v) for k, v in data.items()}

        return mapping
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind  # its value, or ValueError
    if kind is datetime:
        return _moment
    if kind in (str, int, float, bool):

        def scalar(data: Any) -> Any:
            if type(data) is kind:
                return data
            if kind is float and type(data) is int:
                return float(data)
            raise ValueError(f"{data!r:.40} is not a {kind}")

        return scalar

    def unknown(data: Any) -> Any:
        raise ValueError(f"{data!r:.40} is not a {kind}")

    return unknown


def _record_reader(kind: type) -> Callable[[Any], Any]:
    names = frozenset(f.name for f in dataclasses.fields(kind))
    fields: dict[str, Callable[[Any], Any]] = {}  # filled at the first record: types may nest

    def record(data: Any) -> Any:
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: not an object")
        if not data.keys() <= names:
            raise ValueError(f"{kind.__name__}: unknown fields")
        if not fields:
            fields.update((name, _reader(hint)) for name, hint in _hints(kind).items())
        return kind(**{name: fields[name](value) for name, value in data.items()})

    return record


def _moment(data: Any) -> datetime:
    match data:
        case [str(moment), None]:
            return datetime.fromisoformat(moment)
        case [str(moment), str(zone)]:
            return datetime.fromisoformat(moment).astimezone(ZoneInfo(zone))
    raise ValueError("not a date")


def _plain(data: Any) -> Any:
    """JSON data as such (a field typed ``object``: Material's page options)."""
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
