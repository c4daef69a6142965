"""The VOICE_ASSESS short job: six metrics measured on the uploaded zip's recordings.

Every WAV in the zip is measured with the take checker's analysis (``N.txt`` beside
``N.wav``, when present, gives the text for the speaking rate); each metric is the median
over the files. What the numbers are — honestly:

- ``speed``: characters (CN) or syllables (EN) per second of speech, the checker's
  ``units_per_s``. Expected: the language's typical speaking rate ±30 %.
- ``sound``: speech-active RMS level in dBFS (the checker's ``loudness_dbfs``).
- ``snr``: speech power over noise power in dB (the checker's ``snr_db``).
- ``reverb``: an RT60 *estimate* in seconds from the free decay after each end of speech,
  the checker's ``reverb_s`` (``quality/reverb.py``).
- ``dnsmos_bak`` and ``dnsmos_ovrl``: NOT Microsoft's DNSMOS model, but 1–5 scores in its
  spirit derived from the measurements above:
  ``bak = 1 + 4·clip((snr − 10) / 35)``;
  ``ovrl = 1 + 4·mean(clip((snr − 10) / 35), clip((bandwidth − 4 kHz) / 8 kHz), clip((1 − rt60) / 0.8))``
  where clip limits to [0, 1].

``status`` is 0 inside the expected range and 1 outside. The job fails (MSS.20020012
unreadable zip, MSS.20020016 no WAV, MSS.20020011 unreadable WAV, MSS.20020019 total length
outside ShowTenantDurationCfg's short_assess bounds) instead of producing numbers.
"""

from __future__ import annotations

import io
import logging
import statistics
import threading
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import soundfile

from voicerecorder.quality.analysis import analyse_take
from voicerecorder.quality.context import TakeContext
from voicerecorder.quality.rules import limit
from voicerecorder.quality.take_rules import units_per_second
from voicerecorder.quality.textunits import TYPICAL_RATE
from voicerecorder.sandbox.audit import AUDIO_FORMAT, FILE_COUNT, FILE_TYPES
from voicerecorder.sandbox.obs import BUCKET
from voicerecorder.sandbox.quotas import DURATION_LIMITS
from voicerecorder.sandbox.shortjobs import data_key
from voicerecorder.sandbox.store import Job, JobStore, ObjectStore
from voicerecorder.text import Bilingual

log = logging.getLogger(__name__)

DURATION_OUT_OF_BOUNDS = "MSS.20020019"
SPEED_TOLERANCE = 0.3
REVERB_MAX_S = 0.5
DNSMOS_OVRL_MIN = 3.0
DNSMOS_BAK_MIN = 3.5


class AssessmentFailed(Exception):
    """The package cannot be assessed; ``code`` and ``reason`` become job_failed_*."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _clip01(value: float) -> float:
    return min(1.0, max(0.0, value))


@dataclass(frozen=True)
class FileMeasures:
    """What the assessment needs from one WAV."""

    duration_s: float
    loudness_dbfs: float | None
    snr_db: float | None
    units_per_s: float | None
    bandwidth_hz: float | None
    reverb_s: float | None


def measure_file(data: bytes, name: str, text: str | None, language: str) -> FileMeasures:
    """Measure one WAV of the package; AssessmentFailed when it cannot be read."""
    try:
        samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError) as error:
        raise AssessmentFailed(AUDIO_FORMAT, f"{name} cannot be read as audio ({error}).") from None
    measures = analyse_take(samples, int(rate))
    return FileMeasures(
        duration_s=measures.duration_s,
        loudness_dbfs=measures.loudness_dbfs,
        snr_db=measures.snr_db,
        units_per_s=units_per_second(measures, TakeContext(language=language, text=text)),
        bandwidth_hz=measures.bandwidth_hz,
        reverb_s=measures.reverb_s,
    )


def _median(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def _text_of(archive: zipfile.ZipFile, wav_name: str) -> str | None:
    text_name = wav_name[: -len(".wav")] + ".txt"
    try:
        return archive.read(text_name).decode("utf-8-sig")
    except (KeyError, UnicodeDecodeError):
        return None


def measure_package(path: Path, language: str) -> list[FileMeasures]:
    """Measure every WAV in the zip; AssessmentFailed for an unusable package."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise AssessmentFailed(
            FILE_TYPES, f"The uploaded data is not a readable zip file ({error})."
        ) from None
    with archive:
        names = sorted(n for n in archive.namelist() if n.lower().endswith(".wav"))
        if not names:
            raise AssessmentFailed(FILE_COUNT, "The zip holds no WAV recording to assess.")
        files = [measure_file(archive.read(n), n, _text_of(archive, n), language) for n in names]
    total = sum(f.duration_s for f in files)
    low, high = DURATION_LIMITS["short_assess_min"], DURATION_LIMITS["short_assess_max"]
    if not low <= total <= high:
        raise AssessmentFailed(
            DURATION_OUT_OF_BOUNDS,
            f"The recordings last {total:.1f} s in total; an assessment takes {low}–{high} s.",
        )
    return files


@dataclass(frozen=True)
class Metric:
    """One AssessProperty: how to judge the value and what to suggest when it is off."""

    expected: str
    within: Callable[[float], bool]
    fmt: str
    advice: Bilingual


def _metrics(language: str) -> dict[str, Metric]:
    pace = TYPICAL_RATE[language]
    slow, fast = pace * (1 - SPEED_TOLERANCE), pace * (1 + SPEED_TOLERANCE)
    quiet, loud = limit("loudness.warn_below"), limit("loudness.warn_above")
    snr_min = limit("snr.warn_below")
    return {
        "speed": Metric(
            f"{slow:.1f}~{fast:.1f}",
            lambda v: slow <= v <= fast,
            "{:.1f}",
            Bilingual(
                "Read at an even, natural pace: not rushed, not dragged.",
                "请以均匀、自然的语速朗读，不要过快或过慢。",
            ),
        ),
        "sound": Metric(
            f"{quiet:.0f}~{loud:.0f}",
            lambda v: quiet <= v <= loud,
            "{:.1f}",
            Bilingual(
                "Adjust the input gain or the distance to the microphone so speech sits between "
                f"{quiet:.0f} and {loud:.0f} dBFS.",
                f"请调整输入增益或与麦克风的距离，使语音电平在 {quiet:.0f} 到 {loud:.0f} dBFS 之间。",
            ),
        ),
        "snr": Metric(
            f">={snr_min:.0f}",
            lambda v: v >= snr_min,
            "{:.1f}",
            Bilingual(
                "Record in a quieter room: switch off fans and air conditioning, close windows.",
                "请在更安静的环境录音：关闭风扇和空调，关好门窗。",
            ),
        ),
        "reverb": Metric(
            f"<={REVERB_MAX_S}",
            lambda v: v <= REVERB_MAX_S,
            "{:.2f}",
            Bilingual(
                "The room echoes: record in a smaller furnished room or add soft materials around you.",
                "房间有回声：请在较小、有家具的房间录音，或在周围增加软性吸音材料。",
            ),
        ),
        "dnsmos_ovrl": Metric(
            f">={DNSMOS_OVRL_MIN}",
            lambda v: v >= DNSMOS_OVRL_MIN,
            "{:.2f}",
            Bilingual(
                "Overall quality is low: use a better microphone, a quieter and less echoing room.",
                "整体音质偏低：请使用更好的麦克风，并在更安静、回声更少的房间录音。",
            ),
        ),
        "dnsmos_bak": Metric(
            f">={DNSMOS_BAK_MIN}",
            lambda v: v >= DNSMOS_BAK_MIN,
            "{:.2f}",
            Bilingual(
                "Background noise is audible: remove its source or move away from it.",
                "能听到背景噪声：请消除噪声源或远离它。",
            ),
        ),
    }


def _values(files: list[FileMeasures]) -> dict[str, float | None]:
    snr = _median(f.snr_db for f in files)
    bandwidth = _median(f.bandwidth_hz for f in files)
    reverb = _median(f.reverb_s for f in files)
    values: dict[str, float | None] = {
        "speed": _median(f.units_per_s for f in files),
        "sound": _median(f.loudness_dbfs for f in files),
        "snr": snr,
        "reverb": reverb,
        "dnsmos_bak": None,
        "dnsmos_ovrl": None,
    }
    if snr is not None:
        snr_score = _clip01((snr - 10.0) / 35.0)
        bandwidth_score = _clip01(((bandwidth or 0.0) - 4000.0) / 8000.0)
        reverb_score = _clip01((1.0 - reverb) / 0.8) if reverb is not None else 1.0
        values["dnsmos_bak"] = 1.0 + 4.0 * snr_score
        values["dnsmos_ovrl"] = 1.0 + 4.0 * (snr_score + bandwidth_score + reverb_score) / 3.0
    return values


def assess_result(files: list[FileMeasures], language: str) -> dict[str, Any]:
    """The AssessResult body for the measured files."""
    result: dict[str, Any] = {}
    advice: list[Bilingual] = []
    values = _values(files)
    for name, metric in _metrics(language).items():
        value = values[name]
        ok = value is None or metric.within(value)
        if not ok:
            advice.append(metric.advice)
        result[name] = {
            "expected": metric.expected,
            "actual": metric.fmt.format(value) if value is not None else "",
            "suggestion": "" if ok else metric.advice.zh,
            "suggestion_en": "" if ok else metric.advice.en,
            "status": 0 if ok else 1,
        }
    overall = (
        Bilingual(" ".join(a.en for a in advice), "".join(a.zh for a in advice))
        if advice
        else Bilingual(
            "The recording quality is good enough for voice training.", "录音质量良好，可以用于声音训练。"
        )
    )
    result["suggestion"] = overall.pick("zh" if language == "CN" else "en")
    return result


class AssessmentRunner:
    """Runs assessments on background threads and stores the outcome in the job.

    ``start`` is called from a request thread; the work runs on its own thread.
    """

    def __init__(self, store: JobStore, objects: ObjectStore) -> None:
        self._store = store
        self._objects = objects
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def start(self, job_id: str) -> None:
        """Assess the committed job on a new background thread."""
        thread = threading.Thread(target=self._run, args=(job_id,), name=f"assess-{job_id[:8]}", daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def resume(self) -> None:
        """Restart the assessments a stopped sandbox left unfinished."""
        for job in self._store.all():
            if job["kind"] == "short" and job["commits"] and job["result"] is None and job["failure"] is None:
                self.start(job["job_id"])

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for the running assessments (each at most ``timeout`` seconds)."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout)

    def _run(self, job_id: str) -> None:
        job = self._store.get(job_id)
        if job is None:
            return
        outcome: dict[str, Any]
        try:
            files = measure_package(self._objects.path(BUCKET, data_key(job_id)), job["language"])
            outcome = {"result": assess_result(files, job["language"])}
        except AssessmentFailed as failure:
            outcome = {"failure": {"code": failure.code, "reason": failure.reason}}
        except Exception as error:
            log.exception("assessment of %s failed", job_id)
            outcome = {
                "failure": {"code": "MSS.00000005", "reason": f"Internal error: {type(error).__name__}"}
            }

        def record(stored: Job) -> None:
            stored.update(outcome)

        self._store.update(job_id, record)
