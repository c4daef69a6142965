"""The shape of ``session.json`` (schema 1), checked before anything in it is used.

A manifest is refused, naming the field, when a value has the wrong type, an enum holds an
unknown value (``edition: "ULTRA"``), a number is not finite or out of range, a text or list
is too long, or the document is nested too deeply. Unknown keys are ignored (a later version
may add optional ones); free-form parts (``capture``, ``check``, job records) are checked only
for the limits every value obeys.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from voicerecorder.session.form import CREATE_TYPES
from voicerecorder.session.script import EDITIONS, LANGUAGES

# Far beyond any real session (a MIDDLE edition with many takes is well under 10 MB).
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32
MAX_TEXT = 1_000_000
MAX_ITEMS = 100_000
# The widest whole numbers a session holds (nanosecond mtimes need 64 bits).
MAX_INTEGER = 2**63 - 1
MICROPHONE_CHECKS = ("done", "skipped")
"""``microphone_check``: the room-tone and loud-line tests ran, or the talent skipped them."""

Check = Callable[[object, str], None]


class SchemaError(ValueError):
    """A value in ``session.json`` that does not fit the schema; the message names the field."""


def _join(where: str, key: object) -> str:
    return f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}" if where else str(key)


def _refuse(where: str, wanted: str, value: object) -> SchemaError:
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return SchemaError(f"field {where} must be {wanted}, not {shown}")


def _text(value: object, where: str) -> None:
    if not isinstance(value, str):
        raise _refuse(where, "text", value)


def _boolean(value: object, where: str) -> None:
    if not isinstance(value, bool):
        raise _refuse(where, "true or false", value)


def _any_object(value: object, where: str) -> None:
    if not isinstance(value, dict):
        raise _refuse(where, "an object", value)


def integer(low: int, high: int) -> Check:
    """A whole number from ``low`` to ``high`` (``true``/``false`` are not numbers)."""

    def check(value: object, where: str) -> None:
        if type(value) is not int or not low <= value <= high:
            raise _refuse(where, f"a whole number from {low} to {high}", value)

    return check


def number(low: float, high: float) -> Check:
    """A finite number from ``low`` to ``high``."""

    def check(value: object, where: str) -> None:
        if type(value) not in (int, float) or not math.isfinite(value) or not low <= value <= high:
            raise _refuse(where, f"a number from {low:g} to {high:g}", value)

    return check


def one_of(*choices: str) -> Check:
    """One of the texts ``choices``."""

    def check(value: object, where: str) -> None:
        if value not in choices:
            raise _refuse(where, "one of " + ", ".join(choices), value)

    return check


def nullable(inner: Check) -> Check:
    """``null`` or what ``inner`` accepts."""

    def check(value: object, where: str) -> None:
        if value is not None:
            inner(value, where)

    return check


def list_of(item: Check) -> Check:
    """A list whose every item ``item`` accepts."""

    def check(value: object, where: str) -> None:
        if not isinstance(value, list):
            raise _refuse(where, "a list", value)
        for index, entry in enumerate(value):
            item(entry, _join(where, index))

    return check


def map_of(item: Check) -> Check:
    """An object whose every value ``item`` accepts."""

    def check(value: object, where: str) -> None:
        _any_object(value, where)
        for key, entry in value.items():
            item(entry, _join(where, key))

    return check


def record(required: dict[str, Check], optional: dict[str, Check] | None = None) -> Check:
    """An object with every ``required`` key and any ``optional`` ones, each value checked."""

    def check(value: object, where: str) -> None:
        _any_object(value, where)
        for key in required:
            if key not in value:
                raise SchemaError(f"field {_join(where, key)} is missing")
        for key, inner in (*required.items(), *(optional or {}).items()):
            if key in value:
                inner(value[key], _join(where, key))

    return check


_WHOLE = integer(-MAX_INTEGER, MAX_INTEGER)
_RATE = integer(1, 10_000_000)
_FINGERPRINT = record({"size": integer(0, MAX_INTEGER), "mtime_ns": _WHOLE, "sha256": _text})
_TAKE = record(
    {
        "file": _text,
        "created": _text,
        "duration_s": number(0, 1e9),
        "samplerate": _RATE,
        "channels": integer(1, 1024),
    },
    {
        "capture": nullable(_any_object),
        "check": nullable(_any_object),
        "source": _text,
        "fingerprint": nullable(_FINGERPRINT),
    },
)
_SENTENCE = record(
    {"id": _text, "folder": _text, "takes": list_of(_TAKE)},
    {"chosen": nullable(_text), "chosen_by_user": _boolean, "marked_for_rerecord": _boolean},
)
_EXPORT = record(
    {
        "kind": _text,
        "path": _text,
        "sha256": _text,
        "size": integer(0, MAX_INTEGER),
        "created": _text,
        "sentences": list_of(integer(0, MAX_ITEMS)),
    }
)
_SCRIPT = record(
    {"language": one_of(*LANGUAGES), "sentences": list_of(record({"id": _text, "text": _text}))},
    {"source": _text},
)
_VOICE = record(
    {},
    {
        **{
            name: _text
            for name in ("voice_name", "sex", "tag", "language", "description", "phone", "output_language")
        },
        "custom_text": _text,
        "supported_service": list_of(_text),
        "is_ondemand_resource": _boolean,
    },
)
MANIFEST = record(
    {
        "created": _text,
        "updated": _text,
        "voice": _VOICE,
        "edition": one_of(*EDITIONS),
        "script": _SCRIPT,
        "sentences": list_of(_SENTENCE),
    },
    {
        "schema_version": _WHOLE,
        "device": nullable(_any_object),
        "samplerate": nullable(_RATE),
        "current_index": _WHOLE,
        "microphone_check": nullable(one_of(*MICROPHONE_CHECKS)),
        "exports": list_of(_EXPORT),
        "jobs": map_of(list_of(_any_object)),
        "create_type": one_of(*CREATE_TYPES),
    },
)


def check_limits(value: object, where: str = "", depth: int = 0) -> None:
    """Raise SchemaError where ``value`` (parsed JSON) is nested deeper than MAX_DEPTH, holds a
    text over MAX_TEXT characters, a list or object over MAX_ITEMS entries, a whole number
    beyond ±MAX_INTEGER, or a number that is not finite."""
    if depth > MAX_DEPTH:
        raise SchemaError(f"field {where} is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise SchemaError(f"field {where} holds more than {MAX_TEXT} characters")
    if type(value) is int and abs(value) > MAX_INTEGER:
        raise SchemaError(f"field {where} holds a number beyond 64 bits")
    if isinstance(value, float) and not math.isfinite(value):
        raise SchemaError(f"field {where} holds {value}, not a number")
    if isinstance(value, (list, dict)) and len(value) > MAX_ITEMS:
        raise SchemaError(f"field {where} holds more than {MAX_ITEMS} entries")
    entries = (
        value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    )
    for key, entry in entries:
        check_limits(entry, _join(where, key), depth + 1)


def validate_manifest(data: dict) -> None:
    """Raise SchemaError, naming the field, unless ``data`` (schema 1) fits the schema."""
    check_limits(data)
    MANIFEST(data, "")
