"""The content of ``session.json``: typed records, (de)serialisation, schema checks and migration.

Schema version 1 (``SCHEMA_VERSION``) is documented in README ("Session folder").
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from voicerecorder.errors import UserFacingError
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.migrations import MIGRATIONS
from voicerecorder.session.schema import MAX_MANIFEST_BYTES, SchemaError, validate_manifest
from voicerecorder.session.script import Script
from voicerecorder.text import Bilingual

SCHEMA_VERSION = 1
MANIFEST_NAME = "session.json"


class ManifestError(UserFacingError):
    """``session.json`` cannot be used (corrupt or from a newer version); it is left untouched."""


def utc_now() -> str:
    """The current time as an ISO 8601 UTC timestamp with seconds, e.g. ``2026-01-31T08:15:00Z``."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class TakeRecord:
    """One recorded or imported take: ``takes/<sentence folder>/<file>``, its format and reports.

    ``fingerprint`` (``{"size", "mtime_ns", "sha256"}``) describes the file that ``check`` judged;
    a file that no longer matches it is checked again before it is packed or sent.
    """

    file: str
    created: str
    duration_s: float
    samplerate: int
    channels: int
    capture: dict | None = None
    check: dict | None = None
    source: str = "recorded"
    fingerprint: dict | None = None

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "created": self.created,
            "duration_s": self.duration_s,
            "samplerate": self.samplerate,
            "channels": self.channels,
            "capture": self.capture,
            "check": self.check,
            "source": self.source,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_dict(cls, data: dict) -> TakeRecord:
        return cls(
            file=_plain_name(data["file"], "take file"),
            created=str(data["created"]),
            duration_s=float(data["duration_s"]),
            samplerate=int(data["samplerate"]),
            channels=int(data["channels"]),
            capture=_optional_dict(data.get("capture")),
            check=_optional_dict(data.get("check")),
            source=str(data.get("source", "recorded")),
            fingerprint=_optional_dict(data.get("fingerprint")),
        )


@dataclass
class SentenceTakes:
    """The takes of one sentence, which one is chosen, and whether the cloud audit wants it again."""

    id: str
    folder: str
    takes: list[TakeRecord] = field(default_factory=list)
    chosen: str | None = None
    chosen_by_user: bool = False
    marked_for_rerecord: bool = False

    def take(self, file: str) -> TakeRecord | None:
        return next((take for take in self.takes if take.file == file), None)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "folder": self.folder,
            "takes": [take.to_dict() for take in self.takes],
            "chosen": self.chosen,
            "chosen_by_user": self.chosen_by_user,
            "marked_for_rerecord": self.marked_for_rerecord,
        }

    @classmethod
    def from_dict(cls, data: dict) -> SentenceTakes:
        state = cls(
            id=str(data["id"]),
            folder=_plain_name(data["folder"], "sentence folder"),
            takes=[TakeRecord.from_dict(take) for take in data["takes"]],
            chosen=None if data.get("chosen") is None else str(data["chosen"]),
            chosen_by_user=bool(data.get("chosen_by_user", False)),
            marked_for_rerecord=bool(data.get("marked_for_rerecord", False)),
        )
        if state.chosen is not None and state.take(state.chosen) is None:
            raise ValueError(f"chosen take {state.chosen!r} is not among the takes")
        return state


@dataclass(frozen=True)
class ExportRecord:
    """A zip the packer wrote: ``kind`` is "package" (training) or "assessment" (VOICE_ASSESS)."""

    kind: str
    path: str
    sha256: str
    size: int
    created: str
    sentences: tuple[int, ...]

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "path": self.path,
            "sha256": self.sha256,
            "size": self.size,
            "created": self.created,
            "sentences": list(self.sentences),
        }

    @classmethod
    def from_dict(cls, data: dict) -> ExportRecord:
        return cls(
            kind=str(data["kind"]),
            path=str(data["path"]),
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            created=str(data["created"]),
            sentences=tuple(int(index) for index in data["sentences"]),
        )


@dataclass
class Manifest:
    """Everything ``session.json`` holds (see README, "Session folder")."""

    voice: VoiceForm
    edition: str
    script: Script
    sentences: list[SentenceTakes]
    created: str
    updated: str
    device: dict | None = None
    samplerate: int | None = None
    current_index: int = 0
    microphone_check: str | None = None
    exports: list[ExportRecord] = field(default_factory=list)
    jobs: dict[str, list[dict]] = field(default_factory=dict)
    create_type: str = "PACKAGE"

    def to_dict(self) -> dict:
        """The JSON form; it shares nested dicts with the manifest, so treat it as read-only."""
        return {
            "schema_version": SCHEMA_VERSION,
            "created": self.created,
            "updated": self.updated,
            "voice": self.voice.to_dict(),
            "edition": self.edition,
            "create_type": self.create_type,
            "script": self.script.to_dict(),
            "device": self.device,
            "samplerate": self.samplerate,
            "current_index": self.current_index,
            "microphone_check": self.microphone_check,
            "sentences": [state.to_dict() for state in self.sentences],
            "exports": [record.to_dict() for record in self.exports],
            "jobs": self.jobs,
        }

    def to_json(self) -> bytes:
        """The file content: compact UTF-8 JSON (the C encoder; indenting is ten times slower)."""
        return (json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    @classmethod
    def from_dict(cls, data: dict) -> Manifest:
        script = Script.from_dict(data["script"])
        sentences = [SentenceTakes.from_dict(state) for state in data["sentences"]]
        if [state.id for state in sentences] != [sentence.id for sentence in script.sentences]:
            raise ValueError("the sentences do not match the script")
        jobs = data.get("jobs", {})
        if not isinstance(jobs, dict) or not all(isinstance(v, list) for v in jobs.values()):
            raise ValueError("jobs must map names to lists")
        current = int(data.get("current_index", 0))
        return cls(
            voice=VoiceForm.from_dict(_dict(data["voice"])),
            edition=str(data["edition"]),
            script=script,
            sentences=sentences,
            created=str(data["created"]),
            updated=str(data["updated"]),
            device=_optional_dict(data.get("device")),
            samplerate=None if data.get("samplerate") is None else int(data["samplerate"]),
            current_index=min(max(current, 0), max(len(sentences) - 1, 0)),
            microphone_check=data.get("microphone_check"),
            exports=[ExportRecord.from_dict(record) for record in data.get("exports", [])],
            jobs=copy.deepcopy(jobs),
            create_type=str(data.get("create_type", "PACKAGE")),
        )

    def touched(self) -> Manifest:
        """A copy with ``updated`` set to now."""
        return replace(self, updated=utc_now())


def _dict(value: object) -> dict:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _optional_dict(value: object) -> dict | None:
    return None if value is None else copy.deepcopy(_dict(value))


def _plain_name(value: object, what: str) -> str:
    """A file or folder name that stays where it is put: no path, no parent, nothing absolute."""
    name = str(value)
    if not name or name in (".", "..") or any(mark in name for mark in ("/", "\\", ":", "\0")):
        raise ValueError(f"unsafe {what} {name!r} (it must be a plain name inside the session folder)")
    return name


def damaged_manifest(path: Path, reason: str) -> ManifestError:
    """The refusal of a ``session.json`` at ``path`` that cannot be used, saying why."""
    return ManifestError(
        Bilingual(
            f"The session file {path} is damaged ({reason}), so the session cannot be opened. "
            "It has not been changed: restore it from a backup, or start a new session and import "
            "the recordings from its takes folder.",
            f"会话文件 {path} 已损坏（{reason}），无法打开该会话。文件未被修改：请从备份恢复，"
            "或新建会话并导入其 takes 文件夹中的录音。",
        )
    )


def _too_new(path: Path, version: int) -> ManifestError:
    return ManifestError(
        Bilingual(
            f"The session {path} was saved by a newer voicerecorder (format {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Update voicerecorder to open it; the file has not been changed.",
            f"会话 {path} 由更新版本的 voicerecorder 保存（格式 {version}，"
            f"本版本最高支持 {SCHEMA_VERSION}）。请升级 voicerecorder 后再打开；文件未被修改。",
        )
    )


def parse_manifest(raw: bytes, path: Path) -> tuple[Manifest, bool]:
    """Parse ``session.json`` bytes; returns the manifest and whether it was migrated.

    Raises ManifestError for anything that is not a complete manifest of a known schema.
    """
    if len(raw) > MAX_MANIFEST_BYTES:
        raise damaged_manifest(path, f"{len(raw)} bytes, over the {MAX_MANIFEST_BYTES} a session can have")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise damaged_manifest(path, f"not valid JSON: {error}") from error
    except RecursionError as error:
        raise damaged_manifest(path, "not valid JSON: nested too deeply") from error
    if not isinstance(data, dict):
        raise damaged_manifest(path, "not a JSON object")
    version = data.get("schema_version", 0)
    if type(version) is not int or version < 0:
        raise damaged_manifest(path, f"unknown format {version!r}")
    if version > SCHEMA_VERSION:
        raise _too_new(path, version)
    migrated = version < SCHEMA_VERSION
    try:
        for step in range(version, SCHEMA_VERSION):
            data = MIGRATIONS[step](data)
        validate_manifest(data)
        return Manifest.from_dict(data), migrated
    except SchemaError as error:
        raise damaged_manifest(path, str(error)) from error
    except UserFacingError as error:
        raise damaged_manifest(path, error.message.en) from error
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise damaged_manifest(path, f"{type(error).__name__}: {error}") from error
