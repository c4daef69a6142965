"""Checking a take in the context of its session, and reading the stored check reports."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from voicerecorder.audio.repair import RepairResult, RepairStatus, repair_partials
from voicerecorder.audio.wavfile import AudioData, missing_audio
from voicerecorder.errors import file_error
from voicerecorder.quality.checker import check_take, session_baseline
from voicerecorder.quality.context import TakeContext
from voicerecorder.quality.report import TakeReport
from voicerecorder.session.manifest import Manifest


@dataclass(frozen=True)
class ContextInputs:
    """What checking one take needs from the session, copied so the check can run unlocked."""

    language: str
    text: str | None
    capture: dict | None
    session_device: dict | None
    session_samplerate: int | None
    baseline_checks: tuple[dict, ...]
    studio: bool = False


def context_inputs(manifest: Manifest, index: int, capture: dict | None) -> ContextInputs:
    """The context of a new take of sentence ``index``: its text, the session's device and rate,
    and the check reports of the chosen takes of every other sentence (the session baseline)."""
    baseline = []
    for other, state in enumerate(manifest.sentences):
        take = None if state.chosen is None else state.take(state.chosen)
        if other != index and take is not None and take.check is not None:
            baseline.append(take.check)
    return ContextInputs(
        language=manifest.script.language,
        text=manifest.script.sentences[index].text,
        capture=capture,
        session_device=manifest.device,
        session_samplerate=manifest.samplerate,
        baseline_checks=tuple(baseline),
        studio=manifest.edition == "ADVANCE",
    )


def run_check(audio: AudioData, inputs: ContextInputs) -> dict:
    """Check ``audio`` with the session context; returns the report as stored in session.json.

    Called from a worker thread (pure computation, no shared state).
    """
    baseline = session_baseline([TakeReport.from_dict(c) for c in inputs.baseline_checks])
    context = TakeContext(
        language=inputs.language,
        text=inputs.text,
        capture=inputs.capture,
        session_device=inputs.session_device,
        session_samplerate=inputs.session_samplerate,
        median_units_per_s=baseline.units_per_s,
        median_loudness_dbfs=baseline.loudness_dbfs,
        rate_takes=baseline.rate_takes,
        per_sentence=True,
        studio=inputs.studio,
    )
    return check_take(audio.samples, audio.samplerate, context).to_dict()


def fingerprint(path: Path) -> dict:
    """``{"size", "mtime_ns", "sha256"}`` of the take file at ``path`` (read in 1 MiB blocks).

    Raises UserFacingError when the file is missing or cannot be read. Called from worker threads.
    """
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            status = os.fstat(stream.fileno())
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError as error:
        raise missing_audio(path) from error
    except OSError as error:
        raise file_error(error, path) from error
    return {"size": status.st_size, "mtime_ns": status.st_mtime_ns, "sha256": digest.hexdigest()}


def repair_partial_takes(takes_dir: Path) -> list[RepairResult]:
    """Repair and rename the ``*.partial.wav`` takes a crash left behind; the usable ones are returned."""
    if not takes_dir.is_dir():
        return []
    return [r for r in repair_partials(takes_dir, finalise=True) if r.status is not RepairStatus.UNREPAIRABLE]


def standalone_inputs() -> ContextInputs:
    """The context for a WAV file checked on its own: no text, no session to compare with."""
    return ContextInputs(
        language="CN",
        text=None,
        capture=None,
        session_device=None,
        session_samplerate=None,
        baseline_checks=(),
    )
