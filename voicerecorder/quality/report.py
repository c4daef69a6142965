"""What the checker says about one take: findings with levels and messages, plus the raw metrics."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from voicerecorder.text import Bilingual

TAKE_CHECK_IDS: tuple[str, ...] = (
    "duration",
    "clipping",
    "headroom",
    "loudness",
    "noise_floor",
    "snr",
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


class Level(str, Enum):
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
    """One rule's verdict: its id, level, the measured value and what to do about it."""

    id: str
    level: Level
    value: float | str | None
    message: Bilingual

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level.value,
            "value": self.value,
            "message_en": self.message.en,
            "message_zh": self.message.zh,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            id=str(data["id"]),
            level=Level(data["level"]),
            value=data.get("value"),
            message=Bilingual(str(data["message_en"]), str(data["message_zh"])),
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
