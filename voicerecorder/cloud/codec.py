"""JSON <-> dataclass conversion for the typed MetaStudio requests and results."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from voicerecorder.cloud.errors import ServerError
from voicerecorder.text import Bilingual

T = TypeVar("T")


def to_json_bytes(data: Mapping[str, Any]) -> bytes:
    """Deterministic compact UTF-8 JSON: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def encode(request: Any) -> dict[str, Any]:
    """A request dataclass as a JSON object, leaving out fields that are None."""
    result: dict[str, Any] = {}
    for item in dataclasses.fields(request):
        value = getattr(request, item.name)
        if value is None:
            continue
        result[item.name] = list(value) if isinstance(value, tuple) else value
    return result


def unexpected_response(what: str) -> ServerError:
    """The error for a response body that does not have the documented shape."""
    return ServerError(
        Bilingual(
            f"MetaStudio answered with an unexpected {what}. Try again later; if it persists, "
            "check that the endpoint really is MetaStudio.",
            f"MetaStudio 返回了意外的{what}。请稍后重试；如仍出现，请确认所配置的地址确实是 MetaStudio。",
        )
    )


def _unwrap_optional(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) == 1:
            return options[0]
    return hint


def _decode_scalar(hint: Any, value: Any) -> Any:
    """Accept the JSON scalar the field expects, or its unambiguous spelling as another type."""
    if hint is str and isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    if hint is bool and isinstance(value, bool):
        return value
    if hint is bool and value in ("true", "false"):
        return value == "true"
    if hint is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if hint is int and isinstance(value, float) and value.is_integer():
        return int(value)
    if hint is int and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise unexpected_response(f"value ({type(value).__name__} where {hint.__name__} belongs)")


def _decode_value(hint: Any, value: Any) -> Any:
    hint = _unwrap_optional(hint)
    if value is None:
        return None
    if hint in (str, int, bool):
        return _decode_scalar(hint, value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return decode(hint, value)
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, list):
            raise unexpected_response("list")
        item_hint = typing.get_args(hint)[0]
        return tuple(_decode_value(item_hint, item) for item in value)
    return value


def decode(cls: type[T], data: Any) -> T:
    """Build the result dataclass ``cls`` from a JSON object; unknown keys are ignored."""
    if not isinstance(data, dict):
        raise unexpected_response("response")
    hints = typing.get_type_hints(cls)
    values = {
        item.name: _decode_value(hints[item.name], data.get(item.name))
        for item in dataclasses.fields(cls)  # type: ignore[arg-type]
        if item.name in data
    }
    try:
        return cls(**values)
    except TypeError:
        raise unexpected_response(f"response (missing fields of {cls.__name__})") from None
