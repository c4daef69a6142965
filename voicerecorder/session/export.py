"""The MetaStudio zips: the training package (``pack``) and the VOICE_ASSESS sample (``pack_assessment``).

Both hold ``<n>.wav`` (48 kHz, mono, 16-bit PCM) and ``<n>.txt`` (the sentence's UTF-8 text,
no BOM, no trailing newline) pairs, numbered from 0, in the order 0.wav, 0.txt, 1.wav, …
The bytes are deterministic: fixed entry times (1980-01-01 00:00), fixed attributes and
Deflate level 1 (speech hardly compresses further; level 6 is
three times slower), so the same session always gives the same zip and the same sha256.
Call them from a worker thread: converting 100 takes takes a few seconds.

The ADVANCE package instead holds one long WAV, ``<zip name>.wav`` (48 kHz mono 16-bit,
stored without compression, written take by take), and its sidecar
``<zip name>-sentences.tsv`` beside the zip (number, start_s, end_s, text of every
sentence; kept in the session, not uploaded).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
import soxr

from voicerecorder.audio.wavfile import read_audio
from voicerecorder.errors import UserFacingError, naming_file_errors
from voicerecorder.private import create_private_file, unique_name
from voicerecorder.session import longwav
from voicerecorder.session.atomicfile import atomic_output, remove_stale_temps
from voicerecorder.session.manifest import ExportRecord, utc_now
from voicerecorder.session.problems import Problem, at_sentence
from voicerecorder.session.store import EXPORTS_DIR, Session
from voicerecorder.text import Bilingual

PACKAGE_RATE = 48000
RESAMPLE_QUALITY = "HQ"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_LEVEL = 1
_UNIX = 3
_FILE_MODE = 0o100644 << 16
ZipWriter = Callable[[list[tuple[Path, str]], Path], tuple[str, int]]


@dataclass(frozen=True)
class PackResult:
    """A written zip: its manifest record and the warnings that did not block it."""

    record: ExportRecord
    path: Path
    warnings: tuple[Problem, ...]


def package_samples(path: Path) -> np.ndarray:
    """The take at ``path`` as 48 kHz mono float samples (channels averaged, soxr HQ resampling)."""
    audio = read_audio(path)
    mono = audio.mono().astype(np.float64)
    if audio.samplerate != PACKAGE_RATE:
        mono = soxr.resample(mono, audio.samplerate, PACKAGE_RATE, quality=RESAMPLE_QUALITY)
    return mono


def _pcm16(samples: np.ndarray) -> np.ndarray:
    return np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")


def package_wav(path: Path) -> bytes:
    """The take at ``path`` as a 48 kHz mono 16-bit PCM WAV (see :func:`package_samples`)."""
    buffer = io.BytesIO()
    soundfile.write(buffer, _pcm16(package_samples(path)), PACKAGE_RATE, subtype="PCM_16", format="WAV")
    return buffer.getvalue()


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = _UNIX
    info.external_attr = _FILE_MODE
    return info


def _write_zip(entries: list[tuple[Path, str]], out: Path) -> tuple[str, int]:
    """Write (take, text) pairs, numbered 0, 1, … in the zip, to ``out`` via a temporary file of its own."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    with atomic_output(out) as stream, zipfile.ZipFile(stream, "w") as archive:
        for number, (take_path, text) in enumerate(entries):
            archive.writestr(_zip_entry(f"{number}.wav"), package_wav(take_path), compresslevel=ZIP_LEVEL)
            archive.writestr(_zip_entry(f"{number}.txt"), text.encode("utf-8"), compresslevel=ZIP_LEVEL)
    return _sha256(out), out.stat().st_size


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sentence_starts_path(out: Path) -> Path:
    """The sidecar of a whole-recording zip ``out``: where each sentence starts and ends."""
    return out.with_name(f"{out.stem}-sentences.tsv")


def _write_long_zip(entries: list[tuple[Path, str]], out: Path) -> tuple[str, int]:
    """Write the ADVANCE zip ``out``: one long WAV (:mod:`voicerecorder.session.longwav`),
    streamed take by take, and beside it the sidecar of sentence positions (not in the zip)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    paths = [path for path, _ in entries]
    bed = longwav.room_tone(map(package_samples, paths[: longwav.ROOM_TONE_TAKES]), PACKAGE_RATE)
    wav = out.with_name(unique_name(out, ".wav.partial"))
    try:
        os.close(create_private_file(wav))
        with soundfile.SoundFile(wav, "w", PACKAGE_RATE, 1, "PCM_16", format="WAV") as sink:
            spans = longwav.long_recording(
                map(package_samples, paths), PACKAGE_RATE, bed, lambda part: sink.write(_pcm16(part))
            )
        with atomic_output(out) as stream, zipfile.ZipFile(stream, "w") as archive:
            info = _zip_entry(f"{out.stem}.wav")
            info.compress_type = zipfile.ZIP_STORED
            with open(wav, "rb") as source, archive.open(info, "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, 1 << 20)
    finally:
        wav.unlink(missing_ok=True)
    _write_sidecar([text for _, text in entries], spans, sentence_starts_path(out))
    return _sha256(out), out.stat().st_size


def _write_sidecar(texts: list[str], spans: list[longwav.Span], path: Path) -> None:
    rows = [
        f"{number}\t{span.start_s:.3f}\t{span.end_s:.3f}\t{text}"
        for number, (text, span) in enumerate(zip(texts, spans, strict=True))
    ]
    with atomic_output(path) as stream:
        stream.write(("number\tstart_s\tend_s\ttext\n" + "\n".join(rows) + "\n").encode("utf-8"))


_GONE = Bilingual(
    "its chosen take changed while packing. Pack again.", "打包过程中所选录音发生了变化。请重新打包。"
)


def _refusal(messages: list[Bilingual]) -> UserFacingError:
    return UserFacingError(
        Bilingual(
            "The package was not written. Fix these first:\n" + "\n".join(f"  - {m.en}" for m in messages),
            "未生成数据包。请先解决以下问题：\n" + "\n".join(f"  - {m.zh}" for m in messages),
        )
    )


def _record(
    session: Session, kind: str, out: Path, indices: list[int], write: ZipWriter = _write_zip
) -> ExportRecord:
    entries = []
    for index in indices:
        take = session.chosen_take(index)
        if take is None:
            raise _refusal([at_sentence(index, _GONE)])
        entries.append((session.take_path(index, take), session.sentence(index).text))
    with naming_file_errors(out):
        sha256, size = write(entries, out)
    changed = [index for index in indices if not session.unchanged_since_check(index)]
    if changed:
        out.unlink(missing_ok=True)
        raise _refusal([at_sentence(index, _GONE) for index in changed])
    try:
        shown = out.resolve().relative_to(session.folder.resolve()).as_posix()
    except ValueError:
        shown = str(out.resolve())
    record = ExportRecord(kind, shown, sha256, size, utc_now(), tuple(indices))
    session.add_export(record)
    return record


def pack(session: Session, out: Path | None = None) -> PackResult:
    """Write the training package (all sentences) to ``out`` (default ``exports/<folder>.zip``):
    sentence pairs for BASIC and MIDDLE, one long WAV (and its sidecar) for ADVANCE.

    Unchecked chosen takes are checked first. Refuses, listing every problem, when a sentence
    has no take, its chosen take fails, or the cloud audit asked for it again.
    """
    session.recheck_chosen()
    problems = session.problems()
    if problems:
        raise _refusal([p.message for p in problems])
    out = out or session.folder / EXPORTS_DIR / f"{session.folder.name}.zip"
    write = _write_long_zip if session.edition == "ADVANCE" else _write_zip
    record = _record(session, "package", out, list(range(session.sentence_count)), write)
    return PackResult(record, out, tuple(session.warnings()))


def assessment_indices(session: Session, max_seconds: float) -> list[int]:
    """The sentences of the VOICE_ASSESS sample: chosen, checked, not failing takes in reading
    order, as many as fit into ``max_seconds`` together (stops at the first that does not fit)."""
    blocked = {p.index for p in session.problems()}
    chosen: list[int] = []
    total = 0.0
    for index in range(session.sentence_count):
        take = session.chosen_take(index)
        if take is None or index in blocked:
            continue
        if total + take.duration_s > max_seconds:
            break
        chosen.append(index)
        total += take.duration_s
    return chosen


def pack_assessment(
    session: Session, out: Path | None = None, *, max_seconds: float, min_seconds: float = 0.0
) -> PackResult:
    """Write the VOICE_ASSESS zip: the takes :func:`assessment_indices` picks, numbered from 0.

    ``min_seconds``/``max_seconds`` come from the tenant's ``short_assess_min``/``max``
    (ShowTenantDurationCfg). Refuses when the picked takes last less than ``min_seconds``.
    """
    session.recheck_chosen()
    indices = assessment_indices(session, max_seconds)
    seconds = sum(take.duration_s for take in map(session.chosen_take, indices) if take)
    if not indices or seconds < min_seconds:
        raise UserFacingError(
            Bilingual(
                f"The quality check needs at least {min_seconds:.0f} s of good takes (at most "
                f"{max_seconds:.0f} s); there are {seconds:.1f} s. Record more sentences first.",
                f"质量检测至少需要 {min_seconds:.0f} 秒合格录音（最多 {max_seconds:.0f} 秒），"
                f"目前只有 {seconds:.1f} 秒。请先录制更多句子。",
            )
        )
    out = out or session.folder / EXPORTS_DIR / f"{session.folder.name}-assess.zip"
    record = _record(session, "assessment", out, indices)
    warnings = tuple(w for w in session.warnings() if w.index in set(indices))
    return PackResult(record, out, warnings)
