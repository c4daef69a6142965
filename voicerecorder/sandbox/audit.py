"""The system audit of an uploaded training package, with per-file errors like MetaStudio's.

Rules (spec/metastudio-api.md §7): BASIC/MIDDLE packages hold exactly 20/100 pairs named
``0.wav``…``N-1.wav`` and ``0.txt``…``N-1.txt`` and nothing else; every WAV is readable,
mono, at least 16 kHz (48 kHz recommended, not enforced) and at most 15 s long; every text
is non-empty UTF-8 in the job's language. ADVANCE/THIRD_PARTY packages hold one long WAV.

Error codes: MSS.20020011 audio format, MSS.20020012 file types / names, MSS.20020016
counts (documented); MSS.20020013 text language, MSS.20020014 clip too long, MSS.20020015
text unreadable or empty, MSS.20020017 total length outside the tenant's bounds (ADVANCE: one
48 kHz WAV of ``advance_min``…``advance_max`` seconds), MSS.20020018 audio does not match its
text (sandbox numbers).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import soundfile

from voicerecorder.errors import UserFacingError
from voicerecorder.sandbox.quotas import DURATION_LIMITS
from voicerecorder.session.lint import MAX_SECONDS
from voicerecorder.session.script import EDITION_SIZES, detect_language

MIN_SAMPLERATE = 16000
MAX_ERRORS = 200
_PAIR_NAME = re.compile(r"(0|[1-9][0-9]*)\.(wav|txt)")

AUDIO_FORMAT = "MSS.20020011"
FILE_TYPES = "MSS.20020012"
TEXT_LANGUAGE = "MSS.20020013"
CLIP_TOO_LONG = "MSS.20020014"
TEXT_UNREADABLE = "MSS.20020015"
FILE_COUNT = "MSS.20020016"
DURATION_OUT_OF_RANGE = "MSS.20020017"
ADVANCE_RATE = 48000
AUDIO_TEXT_MISMATCH = "MSS.20020018"


@dataclass
class AuditOutcome:
    """The errors found, and the fingerprints of files the fault plan rejects."""

    errors: list[dict[str, str]] = field(default_factory=list)
    rejected_digests: dict[str, str] = field(default_factory=dict)

    def add(self, audio: str, text: str, code: str, message: str) -> None:
        """Record one error (at most MAX_ERRORS are kept)."""
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(
                {"audio_name": audio, "text_name": text, "error_code": code, "error_message": message}
            )


def check_wav(data: bytes | BinaryIO, name: str, limit_s: float | None) -> tuple[str, str] | None:
    """(code, message) for a WAV (its bytes, or a seekable file) that breaks a rule, or None.
    ``limit_s`` caps the duration."""
    try:
        info = soundfile.info(io.BytesIO(data) if isinstance(data, bytes) else data)
    except (soundfile.LibsndfileError, RuntimeError) as error:
        return AUDIO_FORMAT, f"{name} cannot be read as audio ({error})."
    if info.format != "WAV":
        return AUDIO_FORMAT, f"{name} is {info.format}, not a WAV file."
    if info.channels != 1:
        return AUDIO_FORMAT, f"{name} has {info.channels} channels; upload mono recordings."
    if info.samplerate < MIN_SAMPLERATE:
        return AUDIO_FORMAT, f"{name} is sampled at {info.samplerate} Hz; record at 48 kHz."
    if limit_s is not None and info.duration > limit_s:
        return CLIP_TOO_LONG, f"{name} lasts {info.duration:.1f} s; a clip must not exceed {limit_s:.0f} s."
    return None


def check_text(data: bytes, name: str, language: str) -> tuple[str, str] | None:
    """(code, message) for a transcript that breaks a rule, or None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return TEXT_UNREADABLE, f"{name} is not UTF-8 text."
    if not text.strip():
        return TEXT_UNREADABLE, f"{name} is empty."
    try:
        found = detect_language(text)
    except UserFacingError:
        found = "none"
    if found != language:
        return TEXT_LANGUAGE, f"The language of {name} does not match the job's language {language}."
    return None


def _members(archive: zipfile.ZipFile) -> list[str]:
    return [info.filename for info in archive.infolist() if not info.is_dir()]


def _audit_pairs(archive: zipfile.ZipFile, size: int, language: str, outcome: AuditOutcome) -> list[int]:
    names = _members(archive)
    for name in names:
        match = _PAIR_NAME.fullmatch(name)
        if not match or int(match.group(1)) >= size:
            outcome.add(
                name,
                "",
                FILE_TYPES,
                f"Unexpected file {name}: the package holds only 0.wav…"
                f"{size - 1}.wav and 0.txt…{size - 1}.txt.",
            )
    wavs = sum(1 for name in names if name.endswith(".wav"))
    txts = sum(1 for name in names if name.endswith(".txt"))
    if wavs != size or txts != size:
        outcome.add(
            "",
            "",
            FILE_COUNT,
            f"The package holds {wavs} WAV and {txts} TXT files; this edition needs exactly {size} of each.",
        )
    present = set(names)
    complete = []
    for index in range(size):
        audio, text = f"{index}.wav", f"{index}.txt"
        if audio not in present or text not in present:
            missing = audio if audio not in present else text
            outcome.add(
                audio, text, FILE_TYPES, f"{missing} is missing: every sentence needs a WAV and a TXT."
            )
            continue
        problem = check_wav(archive.read(audio), audio, MAX_SECONDS) or check_text(
            archive.read(text), text, language
        )
        if problem:
            outcome.add(audio, text, *problem)
        else:
            complete.append(index)
    return complete


def _apply_rejections(
    archive: zipfile.ZipFile,
    indices: list[int],
    job: dict[str, Any],
    reject: frozenset[int],
    outcome: AuditOutcome,
) -> None:
    first_audit = not job.get("rejected_digests")
    for index in indices:
        digest = hashlib.sha256(archive.read(f"{index}.wav")).hexdigest()
        if first_audit and index in reject:
            outcome.rejected_digests[str(index)] = digest
        if outcome.rejected_digests.get(str(index)) == digest:
            outcome.add(
                f"{index}.wav",
                f"{index}.txt",
                AUDIO_TEXT_MISMATCH,
                f"The speech in {index}.wav does not match the text of {index}.txt; record it again.",
            )


def _check_advance(data: zipfile.ZipExtFile, name: str) -> tuple[str, str] | None:
    """ADVANCE rules beyond any long WAV's: 48 kHz, and a total length within the tenant's
    ``advance_min``…``advance_max`` (ShowTenantDurationCfg)."""
    info = soundfile.info(data)
    if info.samplerate != ADVANCE_RATE:
        return AUDIO_FORMAT, f"{name} is sampled at {info.samplerate} Hz; the ADVANCE edition takes 48 kHz."
    low, high = DURATION_LIMITS["advance_min"], DURATION_LIMITS["advance_max"]
    if not low <= info.duration <= high:
        return (
            DURATION_OUT_OF_RANGE,
            f"{name} lasts {info.duration:.0f} s; the ADVANCE edition takes {low}–{high} s of audio.",
        )
    return None


def _audit_long_audio(archive: zipfile.ZipFile, outcome: AuditOutcome, job_type: str) -> None:
    names = _members(archive)
    wavs = [name for name in names if name.lower().endswith(".wav")]
    for name in names:
        if name not in wavs:
            outcome.add(
                name, "", FILE_TYPES, f"Unexpected file {name}: this edition takes one long WAV only."
            )
    if len(wavs) != 1:
        outcome.add(
            "", "", FILE_COUNT, f"The package holds {len(wavs)} WAV files; this edition needs exactly one."
        )
        return
    with archive.open(wavs[0]) as data:
        problem = check_wav(data, wavs[0], None)
        if problem is None and job_type == "ADVANCE":
            data.seek(0)
            problem = _check_advance(data, wavs[0])
    if problem:
        outcome.add(wavs[0], "", *problem)


def audit_package(path: Path, job: dict[str, Any], reject: frozenset[int]) -> AuditOutcome:
    """Audit the training zip at ``path`` for ``job`` (its job_type, language, earlier rejections)."""
    outcome = AuditOutcome(rejected_digests=dict(job.get("rejected_digests") or {}))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        outcome.add("", "", FILE_TYPES, f"The uploaded training data is not a readable zip file ({error}).")
        return outcome
    with archive:
        size = EDITION_SIZES.get(job["job_type"])
        if size is None:
            _audit_long_audio(archive, outcome, job["job_type"])
            return outcome
        complete = _audit_pairs(archive, size, job["language"], outcome)
        _apply_rejections(archive, complete, job, reject, outcome)
    return outcome
