"""What the checker says about one take: findings with levels and messages, plus the raw metrics."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from voicerecorder.text import Bilingual

TAKE_CHECK_IDS: tuple[str, ...] = (
    "duration",
    "clipping",
    "headroom",
    "loudness",
    "noise_floor",
    "snr",
    "reverb",
    "leading_silence",
    "trailing_silence",
    "cut_off",
    "dropouts",
    "dc_offset",
    "bandwidth",
    "format",
    "speaking_rate",
    "consistency",
    "device",
)


# What to fix first: the setup (microphone, link, interface), then the level, then the room,
# then the reading. A fix early in this list often changes or removes the findings after it.
FIX_ORDER: tuple[str, ...] = (
    "device",
    "format",
    "bandwidth",
    "dropouts",
    "dc_offset",
    "clipping",
    "loudness",
    "headroom",
    "noise_floor",
    "snr",
    "reverb",
    "cut_off",
    "duration",
    "leading_silence",
    "trailing_silence",
    "speaking_rate",
    "consistency",
)


class Level(StrEnum):
    """How bad a finding is: ``fail`` must be re-recorded, ``warn`` is shown with a fix."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.PASS: 0, Level.WARN: 1, Level.FAIL: 2}


@dataclass(frozen=True)
class Finding:
    """One rule's verdict: its id, level, the measured value and what to do about it.

    ``suppressed_by`` names the check whose problem made this measure unreliable (e.g.
    ``"loudness"``); such a finding is not judged: its level is ``pass`` and its message says why.
    """

    id: str
    level: Level
    value: float | str | None
    message: Bilingual
    suppressed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; ``suppressed_by`` is present only on suppressed findings."""
        data: dict[str, Any] = {
            "id": self.id,
            "level": self.level.value,
            "value": self.value,
            "message_en": self.message.en,
            "message_zh": self.message.zh,
        }
        if self.suppressed_by is not None:
            data["suppressed_by"] = self.suppressed_by
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            id=str(data["id"]),
            level=Level(data["level"]),
            value=data.get("value"),
            message=Bilingual(str(data["message_en"]), str(data["message_zh"])),
            suppressed_by=data.get("suppressed_by"),
        )


@dataclass(frozen=True)
class TakeReport:
    """All findings on one take (or room-tone sample) and the metrics they were judged on."""

    findings: tuple[Finding, ...]
    metrics: dict[str, float] = field(default_factory=dict)

    @property
    def verdict(self) -> Level:
        """The worst level among the findings (``pass`` when there are none)."""
        return max((f.level for f in self.findings), key=lambda level: level.rank, default=Level.PASS)

    def to_fix(self) -> list[Finding]:
        """The warnings and failures in the order to fix them (:data:`FIX_ORDER`; unknown ids last)."""
        rank = {check_id: n for n, check_id in enumerate(FIX_ORDER)}
        found = [f for f in self.findings if f.level is not Level.PASS]
        return sorted(found, key=lambda f: rank.get(f.id, len(rank)))

    def suppressed(self) -> list[Finding]:
        """The findings left unjudged because of another check's problem."""
        return [f for f in self.findings if f.suppressed_by is not None]

    def finding(self, check_id: str) -> Finding:
        """The finding with id ``check_id``; KeyError if the report has none."""
        for item in self.findings:
            if item.id == check_id:
                return item
        raise KeyError(check_id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"verdict", "checks": [...], "metrics": {...}}``."""
        return {
            "verdict": self.verdict.value,
            "checks": [f.to_dict() for f in self.findings],
            "metrics": dict(self.metrics),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TakeReport:
        """Rebuild a report from :meth:`to_dict` output (e.g. read back from session.json)."""
        return cls(
            findings=tuple(Finding.from_dict(item) for item in data.get("checks", [])),
            metrics={str(k): float(v) for k, v in data.get("metrics", {}).items()},
        )


def finite_metrics(values: dict[str, float | None]) -> dict[str, float]:
    """Keep only the metrics that were measured and are finite, rounded for stable JSON."""
    return {k: round(float(v), 4) for k, v in values.items() if v is not None and math.isfinite(v)}
