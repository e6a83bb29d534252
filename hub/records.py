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
from collections.abc import Mapping
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
    origin = typing.get_origin(kind)
    if kind is typing.Any or kind is object:
        return _plain(data)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        for option in options:
            if option is not type(None):
                return from_json(option, data)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: not an object")
        hints = _hints(kind)
        names = {f.name for f in dataclasses.fields(kind)}
        if not set(data) <= names:
            raise ValueError(f"{kind.__name__}: unknown fields")
        return kind(**{name: from_json(hints[name], value) for name, value in data.items()})
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(data, list):
            raise ValueError("not a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(args[0], v) for v in data)
        if len(args) != len(data):
            raise ValueError("a list of the wrong length")
        return tuple(from_json(a, v) for a, v in zip(args, data, strict=True))
    if origin in (dict, Mapping) or kind is dict:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        value_kind = typing.get_args(kind)[1] if typing.get_args(kind) else Any
        return {str(k): from_json(value_kind, v) for k, v in data.items()}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(data)
    if kind is datetime:
        match data:
            case [str(moment), None]:
                return datetime.fromisoformat(moment)
            case [str(moment), str(zone)]:
                return datetime.fromisoformat(moment).astimezone(ZoneInfo(zone))
        raise ValueError("not a date")
    if kind in (str, int, float, bool) and type(data) is kind:
        return data
    if kind is float and type(data) is int:
        return float(data)
    raise ValueError(f"{data!r:.40} is not a {kind}")


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
