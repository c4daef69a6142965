"""The app's preferences: a typed option registry over QSettings (never secrets; those go to the keyring).

Each option is declared once with its key, type and default; pages read and write them through
:class:`Settings` (``settings.get(UI_LANGUAGE)`` / ``settings.set(UI_LANGUAGE, "zh_CN")``).
Tests pass a QSettings backed by an INI file in a temporary folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QRect, QSettings

from voicerecorder.audio.backend import DeviceRef
from voicerecorder.errors import UserFacingError

T = TypeVar("T")

MAX_RECENT_SESSIONS = 10
PROMPT_FONT_RANGE = (14, 72)


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: its QSettings key, its Python type and its default value."""

    key: str
    kind: type
    default: T


UI_LANGUAGE: Option[str] = Option("ui/language", str, "")
"""``en``, ``zh_CN``, or empty for the system language."""
INPUT_DEVICE: Option[str] = Option("audio/input_device", str, "")
"""The default microphone as JSON ``{"hostapi", "name"}`` (see :meth:`Settings.input_device`)."""
RECENT_SESSIONS: Option[list] = Option("sessions/recent", list, [])
PROMPT_FONT_SIZE: Option[int] = Option("record/prompt_font_size", int, 28)
AUTO_ADVANCE: Option[bool] = Option("record/auto_advance", bool, False)
WINDOW_GEOMETRY: Option[list] = Option("window/geometry", list, [])
"""The wizard's last rectangle ``[x, y, width, height]`` (see :meth:`Settings.window_geometry`)."""


class Settings:
    """Typed access to the ``Option`` values above, stored in ``store`` (a QSettings)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def get(self, option: Option[T]) -> T:
        """The stored value converted to the option's type; the default when absent or unreadable."""
        raw = self._store.value(option.key)
        if raw is None:
            return option.default
        try:
            return _convert(raw, option)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        """Store ``value`` (checked against the option's type) and write it out."""
        if not isinstance(value, option.kind):
            raise TypeError(f"{option.key} takes {option.kind.__name__}, not {type(value).__name__}")
        self._store.setValue(option.key, json.dumps(value) if option.kind is list else value)
        self._store.sync()

    def input_device(self) -> DeviceRef | None:
        """The saved default microphone, or None (then the system default is used)."""
        text = self.get(INPUT_DEVICE)
        if not text:
            return None
        try:
            return DeviceRef.from_dict(json.loads(text))
        except (ValueError, AttributeError, UserFacingError):
            return None

    def set_input_device(self, device: DeviceRef | None) -> None:
        """Remember ``device`` as the default microphone (None forgets it)."""
        self.set(INPUT_DEVICE, json.dumps(device.to_dict()) if device else "")

    def window_geometry(self) -> QRect | None:
        """The wizard's rectangle when it was last closed, or None."""
        values = self.get(WINDOW_GEOMETRY)
        if len(values) != 4 or not all(isinstance(value, int) for value in values):
            return None
        return QRect(*values)

    def set_window_geometry(self, rect: QRect) -> None:
        """Remember the wizard's rectangle for the next start."""
        self.set(WINDOW_GEOMETRY, [rect.x(), rect.y(), rect.width(), rect.height()])

    def recent_sessions(self) -> list[str]:
        """Session folders opened recently, most recent first."""
        return [str(item) for item in self.get(RECENT_SESSIONS)]

    def remember_session(self, folder: str) -> None:
        """Put ``folder`` at the top of the recent sessions."""
        recent = [folder] + [item for item in self.recent_sessions() if item != folder]
        self.set(RECENT_SESSIONS, recent[:MAX_RECENT_SESSIONS])


def _convert(raw: object, option: Option[T]) -> T:
    if option.kind is bool:
        return raw.lower() in ("1", "true", "yes") if isinstance(raw, str) else bool(raw)  # type: ignore[return-value]
    if option.kind is int:
        return int(raw)  # type: ignore[return-value,arg-type]
    if option.kind is list:
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, list):
            raise ValueError(option.key)
        return value  # type: ignore[return-value]
    return option.kind(raw)
