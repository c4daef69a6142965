"""The capture engine: one open input stream, a live meter, pre-/post-roll and crash-safe takes.

The stream has no Python callback: the backend buffers the input in native code (rtmixer's C
callback fills a ring buffer of a few seconds) and the engine reads whatever is buffered. No
Python runs at audio rate, so a busy interpreter or a garbage collection only delays a read.

Threads:
- pump thread (one per open engine): every PUMP_INTERVAL_S (sooner when a take's end is due)
  reads the stream, keeps the pre-roll ring, writes the current take's part (TakeWriter),
  counts overflows, audits frames against the stream clock and runs the watchdog (input
  stopped, all-zero input, read errors). A killed process loses at most that interval;
- the caller (GUI worker or CLI thread): ``open``, ``start_take``, ``stop_take``,
  ``cancel_take``, ``close``; any thread: ``request_stop``, ``level`` and ``poll_events``,
  which never wait for audio. ``level`` peeks at the audio the stream buffered and no read has
  taken yet, in place, so a meter polled 30 times a second is as fresh as the audio and moves
  nothing: the pump stays the stream's one regular reader. Every frame counts in the meter
  once: ``level`` reduces what it has not seen yet, and a read adds what ``level`` never saw.
  Audio arrives in steps (with PulseAudio about ten a second), so most polls find nothing new:
  they compare the stream's ``written`` count with the one they saw last and return, with no
  lock, no numpy and no call into the stream's ring.
"""

from __future__ import annotations

import contextlib
import enum
import math
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from voicerecorder.audio.backend import (
    AudioBackend,
    DeviceRef,
    InputStreamHandle,
)
from voicerecorder.audio.devices import TARGET_SAMPLERATE, choose_samplerate, resolve_device
from voicerecorder.audio.pcm import FULL_SCALE
from voicerecorder.audio.takewriter import TakeWriteError, TakeWriter
from voicerecorder.permissions import microphone_blocked_message
from voicerecorder.text import Bilingual

SILENCE_DBFS = -120.0
CLIP_LEVEL = 0.999
STALL_AFTER_S = 1.0
ZERO_AFTER_S = 1.0
FIRST_AUDIO_GRACE_S = 3.0
PUMP_INTERVAL_S = 0.5
STOP_POLL_S = 0.05
AUDIT_WINDOW_S = 0.1
AUDIT_TOLERANCE_S = 0.05
LAG_WINDOW_S = STALL_AFTER_S + 4 * PUMP_INTERVAL_S


_Block = tuple[np.ndarray, float, bool, int]
"""(samples, lag in seconds after them, input overflowed, index of the first frame)

The lag is the stream clock at the read minus the audio read so far: it grows only while audio
is lost or not yet readable. The frame audit and the watchdog both measure it.
"""


class EventKind(enum.Enum):
    """What a CaptureEvent reports."""

    INPUT_STOPPED = "input_stopped"
    MIC_BLOCKED = "mic_blocked"
    WRITE_FAILED = "write_failed"
    OVERFLOW = "overflow"
    READ_ERROR = "read_error"


EVENT_MESSAGES = {
    EventKind.INPUT_STOPPED: Bilingual(
        "Input stopped (device unplugged?). The recording so far is kept; check the microphone "
        "cable, then record again.",
        "输入已停止（设备被拔出？）。已录制的部分已保留；请检查麦克风连接后重新录制。",
    ),
    EventKind.MIC_BLOCKED: microphone_blocked_message(
        Bilingual("the input is exact digital silence", "输入是完全的数字静音")
    ),
    EventKind.OVERFLOW: Bilingual(
        "Some audio was lost (the computer was too busy). Close other programs and record this take again.",
        "有音频丢失（电脑过于繁忙）。请关闭其他程序并重新录制这一条。",
    ),
    EventKind.READ_ERROR: Bilingual(
        "The audio driver reported an error while delivering audio; some audio may be lost. "
        "Record this take again; if it repeats, reconnect the microphone or choose another one.",
        "音频驱动在传送音频时报告了错误，可能有音频丢失。请重新录制；如果反复出现，请重新连接麦克风或选择其他麦克风。",
    ),
}


@dataclass(frozen=True)
class CaptureEvent:
    """Something the person should know about, with a bilingual message."""

    kind: EventKind
    message: Bilingual


@dataclass(frozen=True)
class Level:
    """The input level since the previous poll."""

    peak_dbfs: float
    rms_dbfs: float
    clipped: bool


@dataclass(frozen=True)
class TakeResult:
    """A finished take: where it is, what it holds and how cleanly it was captured."""

    path: Path
    samplerate: int
    frames: int
    duration_s: float
    device: DeviceRef
    overflows: int = 0
    lost_frames: int = 0
    stalls: int = 0
    write_error: str | None = None

    def capture_report(self) -> dict[str, object]:
        """The dict the take checker and the session manifest store."""
        return {
            "overflows": self.overflows,
            "lost_frames": self.lost_frames,
            "stalls": self.stalls,
            "samplerate": self.samplerate,
            "device": self.device.to_dict(),
        }


def to_dbfs(amplitude: float) -> float:
    """Amplitude (1.0 = full scale) in dBFS, never below SILENCE_DBFS."""
    if amplitude <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20.0 * math.log10(amplitude))


class _LevelSum:
    """Peak and sum of squares (1.0 = full scale) of the samples metered since the last reading.

    Updated by ``level`` (peeked float samples) and by whichever thread reads the stream (the
    16-bit samples ``level`` never saw), and taken by ``level``, all under the read lock.
    """

    def __init__(self) -> None:
        self.peak = 0.0
        self.sumsq = 0.0
        self.count = 0

    def add(self, samples: np.ndarray, full_scale: float = 1.0) -> None:
        """Add ``samples`` whose full scale is ``full_scale`` (float32: 1.0; int16: FULL_SCALE)."""
        self.peak = max(self.peak, max(float(samples.max()), -float(samples.min())) / full_scale)
        flat = samples.astype(np.float32, copy=False)
        self.sumsq += float(np.dot(flat, flat)) / (full_scale * full_scale)
        self.count += len(samples)

    def take(self) -> Level | None:
        """The level of what was added since the previous call (None: nothing was), and start anew."""
        if not self.count:
            return None
        peak, rms = self.peak, math.sqrt(self.sumsq / self.count)
        self.peak, self.sumsq, self.count = 0.0, 0.0, 0
        return Level(to_dbfs(peak), to_dbfs(rms), peak >= CLIP_LEVEL)


class _Wakeup:
    """The pump's sleep between wakes, which another thread can cut short.

    A lock the sleeper holds: it waits by acquiring it again with a timeout (one call into C, no
    allocation, as cheap as ``time.sleep``; ``threading.Event.wait`` builds a condition waiter
    each time), and ``wake`` releases it. A wake while the pump is busy makes its next wait
    return at once; several wakes before it count as one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lock.acquire()

    def wait(self, timeout: float) -> None:
        """Pump thread: sleep ``timeout`` seconds or until woken."""
        self._lock.acquire(timeout=timeout)

    def wake(self) -> None:
        """Any thread: end the pump's current (or next) wait."""
        with contextlib.suppress(RuntimeError):  # already released: a wake is pending
            self._lock.release()


class _FrameAudit:
    """Compares frames received with the stream clock; a lasting deficit is lost audio.

    Each read's lag (see ``_Block``) only grows through loss or through audio not yet readable
    (at most a buffer period or so). The smallest lag seen is the baseline; the smallest lag
    over the last AUDIT_WINDOW_S of audio, less a tolerance of two periods, is what was lost for
    good.
    """

    def __init__(self, samplerate: int, period: int) -> None:
        self._samplerate = samplerate
        self._tolerance = max(2 * period, AUDIT_TOLERANCE_S * samplerate)
        self._baseline = math.inf
        self._recent: deque[tuple[float, int]] = deque()
        self._recent_frames = 0

    def add(self, lag: float, frames: int) -> None:
        offset = lag * self._samplerate
        self._baseline = min(self._baseline, offset)
        self._recent.append((offset, frames))
        self._recent_frames += frames
        while self._recent_frames - self._recent[0][1] >= AUDIT_WINDOW_S * self._samplerate:
            self._recent_frames -= self._recent.popleft()[1]

    def lost_frames(self) -> int:
        if not self._recent:
            return 0
        deficit = min(offset for offset, _ in self._recent) - self._baseline
        return round(deficit) if deficit > self._tolerance else 0


@dataclass
class _Take:
    writer: TakeWriter
    audit: _FrameAudit
    first: int
    stop_at: int | None
    ended: threading.Event
    requested_stop: int | None = None
    overflows: int = 0
    stalls: int = 0

    def stop_point(self) -> int | None:
        """Where the take ends: its duration's end or the stop asked for, whichever comes first."""
        stops = [at for at in (self.stop_at, self.requested_stop) if at is not None]
        return min(stops) if stops else None


class CaptureEngine:
    """Opens a microphone once, meters it continuously and records takes from it.

    See the module docstring for which thread runs what.
    """

    def __init__(
        self,
        backend: AudioBackend,
        device: DeviceRef | None,
        target_rate: int = TARGET_SAMPLERATE,
        preroll_s: float = 0.3,
        postroll_s: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._backend = backend
        self._device = device
        self._target_rate = target_rate
        self._preroll_s = preroll_s
        self._postroll_s = postroll_s
        self._clock = clock
        self._samplerate = 0
        self._stream: InputStreamHandle | None = None
        self._period = 0
        self._latency = 0.0
        self._arrived: deque[_Block] = deque()
        self._wake = _Wakeup()
        self._closing = threading.Event()
        self._events: queue.SimpleQueue[CaptureEvent] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._ring: deque[tuple[np.ndarray, float, int]] = deque()
        self._ring_frames = 0
        self._routed = 0
        self._take: _Take | None = None
        self._pump: threading.Thread | None = None
        self._audio_arrived = threading.Event()
        # Written by whichever thread reads the stream, under _read_lock:
        self._read_lock = threading.Lock()
        self._frames = 0
        self._metered = 0
        self._level_sum = _LevelSum()
        self._read_errors = 0
        self._last_audio = 0.0
        self._silence = 0.0
        self._lags: deque[tuple[float, float]] = deque()
        # Pump-thread state:
        self._zero_run = 0
        self._stalled = False
        self._blocked_reported = False
        self._errors_seen = 0
        self._failing = False
        # The meter's (level's callers'):
        self._last_level = Level(SILENCE_DBFS, SILENCE_DBFS, False)
        self._written_seen = -1

    @property
    def samplerate(self) -> int:
        """The rate the stream records at (0 before ``open``)."""
        return self._samplerate

    @property
    def device(self) -> DeviceRef | None:
        """The device in use after ``open`` (before it: the one asked for, None = default)."""
        return self._device

    @property
    def frames_captured(self) -> int:
        """Frames read from the input since ``open``, up to now: reads what is buffered first.

        Any thread. (Between the pump's reads, twice a second, nothing else reads the stream.)
        """
        self._read()
        return self._frames

    @property
    def recording(self) -> bool:
        """A take is in progress (started and not yet stopped or cancelled)."""
        return self._take is not None

    @property
    def take_done(self) -> bool:
        """The current take reached its end (``duration_s`` or post-roll); ``stop_take`` returns at once."""
        take = self._take
        return take is not None and take.ended.is_set()

    def open(self) -> None:
        """Resolve the device, choose the sample rate and start the preview stream."""
        if self._stream is not None:
            raise RuntimeError("the engine is already open")
        info = resolve_device(self._backend, self._device)
        self._samplerate = choose_samplerate(self._backend, info, self._target_rate)
        self._device = info.ref
        self._last_audio = self._clock() + FIRST_AUDIO_GRACE_S - STALL_AFTER_S
        stream = self._backend.open_input(info.index, self._samplerate)
        try:
            stream.start()
        except BaseException:
            stream.close()
            raise
        self._stream = stream
        self._period = stream.blocksize
        self._latency = stream.latency
        self._written_seen = -1
        self._closing.clear()
        self._pump = threading.Thread(target=self._run_pump, name="capture-pump", daemon=True)
        self._pump.start()

    def wait_for_audio(self, timeout: float) -> bool:
        """Block until the first audio arrived (True) or ``timeout`` passed (False)."""
        deadline = time.monotonic() + timeout
        while not self._audio_arrived.is_set() and time.monotonic() < deadline:
            self._read()
            self._audio_arrived.wait(min(STOP_POLL_S, max(0.0, deadline - time.monotonic())))
        return self._audio_arrived.is_set()

    def start_take(self, final_path: Path, duration_s: float | None = None) -> None:
        """Start writing ``final_path`` (via its ``.partial.wav``), beginning with the pre-roll.

        With ``duration_s`` the take ends by itself after that much audio (no post-roll).
        """
        if self._stream is None:
            raise RuntimeError("open() the engine before starting a take")
        self._read()
        with self._lock:
            if self._take is not None:
                raise RuntimeError("a take is already being recorded")
            start = self._frames
            writer = TakeWriter(final_path, self._samplerate, self._on_write_error)
            stop_at = None if duration_s is None else start + round(duration_s * self._samplerate)
            first = start - round(self._preroll_s * self._samplerate)
            audit = _FrameAudit(self._samplerate, self._period)
            take = _Take(writer, audit, first, stop_at, threading.Event())
            self._feed(take, list(self._ring))
            self._take = take

    def request_stop(self) -> None:
        """Mark the stop point now; the take ends after the post-roll (then ``take_done`` is True).

        The post-roll is counted from the audio readable now and also covers the input latency
        (audio captured but still on its way). Any thread; never waits for audio (the pump
        applies it): a GUI calls this, waits for ``take_done`` on its timer, then ``stop_take``.
        """
        take = self._take
        if take is None:
            raise RuntimeError("no take is being recorded")
        self._read()
        take.requested_stop = self._frames + round((self._postroll_s + self._latency) * self._samplerate)
        self._wake.wake()

    def stop_take(self) -> TakeResult:
        """Record the post-roll (unless already requested), finish the file and return the result.

        Blocks the caller for the post-roll (longer only if the input has stalled) and the
        file's fsync, so a GUI calls :meth:`request_stop`, waits for ``take_done`` on its timer
        and then calls this on a worker thread. Raises TakeWriteError when the file cannot be
        finalised.
        """
        take = self._take
        if take is None:
            raise RuntimeError("no take is being recorded")
        if take.requested_stop is None:
            self.request_stop()
        take.ended.wait(self._postroll_s + self._latency + STALL_AFTER_S + 0.5)
        with self._lock:
            take.ended.set()
            self._take = None
        path = take.writer.finish()
        frames = soundfile.info(str(path)).frames
        return TakeResult(
            path=path,
            samplerate=self._samplerate,
            frames=frames,
            duration_s=frames / self._samplerate,
            device=self._device or DeviceRef("", ""),
            overflows=take.overflows,
            lost_frames=take.audit.lost_frames(),
            stalls=take.stalls,
            write_error=take.writer.error.detail if take.writer.error else None,
        )

    def cancel_take(self) -> None:
        """Stop the current take and delete its file."""
        with self._lock:
            take, self._take = self._take, None
        if take is not None:
            take.ended.set()
            take.writer.abort()

    def close(self) -> TakeResult | None:
        """Stop the stream; a take still running is finished first (never lost) and returned."""
        result = self.stop_take() if self._take is not None else None
        with self._read_lock:
            stream, self._stream = self._stream, None
        try:
            if stream is not None:
                stream.stop()
                stream.close()
        finally:
            if self._pump is not None:
                self._closing.set()
                self._wake.wake()
                self._pump.join()
                self._pump = None
        return result

    def level(self) -> Level:
        """Peak and RMS since the previous call (any thread, cheap; meant for a ~30 Hz timer).

        Peeks at the stream's unread audio without reading it, so the level covers every frame
        since the previous call: the unread ones it has not seen and those a read took first.
        Without new audio the previous reading stays, and then the call only compares the
        stream's ``written`` count with the one it saw last (a read only takes audio that
        arrived, and so changed the count, after this call's previous look).
        """
        stream = self._stream
        if stream is None:
            return self._last_level
        written = stream.written
        if written == self._written_seen:
            return self._last_level
        with self._read_lock:
            if self._stream is not None:
                self._metered += stream.peek(self._metered - self._frames, self._level_sum.add)
            reading = self._level_sum.take()
        self._written_seen = written
        if reading is not None:
            self._last_level = reading
        return self._last_level

    def poll_events(self) -> list[CaptureEvent]:
        """Every event since the previous call (any thread, never blocks)."""
        events = []
        while True:
            try:
                events.append(self._events.get_nowait())
            except queue.Empty:
                return events

    def _read(self) -> None:
        """Any thread: move the stream's audio to the pump's queue (and to the meter what it never saw)."""
        with self._read_lock:
            stream = self._stream
            if stream is None:
                return
            try:
                samples, overflowed, read_time = stream.read()
            except Exception:
                self._read_errors += 1
                return
            index, self._frames = self._frames, self._frames + len(samples)
            lag = read_time - self._frames / self._samplerate
            if len(samples) or overflowed:
                self._arrived.append((samples, lag, overflowed, index))
            unmetered = self._frames - self._metered
            if unmetered > 0:
                self._level_sum.add(samples[-unmetered:], FULL_SCALE)
                self._metered = self._frames
            if len(samples):
                self._note_audio(read_time, lag)

    def _note_audio(self, read_time: float, lag: float) -> None:
        """Note when audio was last read and how long the input delivered none (read lock held).

        The lag's rise over its smallest value in the last LAG_WINDOW_S is a silence that may
        already have ended.
        """
        self._last_audio = self._clock()
        if not self._audio_arrived.is_set():
            self._audio_arrived.set()
        lags = self._lags  # (time, lag) with rising lags: the window's smallest is first
        while lags and lags[0][0] < read_time - LAG_WINDOW_S:
            lags.popleft()
        rise = lag - lags[0][1] if lags else 0.0
        if rise > STALL_AFTER_S:
            lags.clear()  # measured once: the new lag is the reference from now on
        while lags and lags[-1][1] >= lag:
            lags.pop()
        self._silence = max(self._silence, rise)
        lags.append((read_time, lag))

    def _on_write_error(self, error: TakeWriteError) -> None:
        """Pump thread (or the thread starting a take): report the failure at once."""
        self._events.put(CaptureEvent(EventKind.WRITE_FAILED, error.message))

    def _emit(self, kind: EventKind) -> None:
        self._events.put(CaptureEvent(kind, EVENT_MESSAGES[kind]))

    def _run_pump(self) -> None:
        """Pump thread: route what has arrived and run the watchdog, until ``close``."""
        while not self._closing.is_set():
            self._wake.wait(self._pump_wait())
            self._read()
            arrived = self._take_arrived()
            self._route(arrived)
            self._check_health()

    def _pump_wait(self) -> float:
        """PUMP_INTERVAL_S, or less when the current take's stop point is about to arrive."""
        take = self._take
        if take is None or take.ended.is_set():
            return PUMP_INTERVAL_S
        stop_at = take.stop_point()
        if stop_at is None:
            return PUMP_INTERVAL_S
        due_s = (stop_at - self._frames) / self._samplerate
        return min(PUMP_INTERVAL_S, max(STOP_POLL_S, due_s))

    def _take_arrived(self) -> list[_Block]:
        arrived = []
        while self._arrived:
            arrived.append(self._arrived.popleft())
        return arrived

    def _route(self, arrived: list[_Block]) -> None:
        overflows = 0
        for block, _, overflowed, _ in arrived:
            if overflowed:
                overflows += 1
                self._emit(EventKind.OVERFLOW)
            self._zero_run = 0 if block.any() else self._zero_run + len(block)
        with self._lock:
            for block, lag, _, index in arrived:
                self._keep_preroll(block, lag, index)
                self._routed = index + len(block)
            take = self._take
            if take is None or take.ended.is_set():
                return
            take.stop_at = take.stop_point()
            take.overflows += overflows
            self._feed(take, [(block, lag, index) for block, lag, _, index in arrived])

    def _feed(self, take: _Take, blocks: list[tuple[np.ndarray, float, int]]) -> None:
        """Write the take's part of ``blocks``, then end the take if its stop point was routed (lock held)."""
        pieces = []
        for block, lag, index in blocks:
            start = max(0, take.first - index)
            end = len(block) if take.stop_at is None else min(len(block), take.stop_at - index)
            if end > start:
                take.audit.add(lag, len(block))
                pieces.append(block[start:end])
        if pieces:
            take.writer.write(pieces[0] if len(pieces) == 1 else np.concatenate(pieces))
        if take.stop_at is not None and self._routed >= take.stop_at:
            take.ended.set()

    def _keep_preroll(self, block: np.ndarray, lag: float, index: int) -> None:
        self._ring.append((block, lag, index))
        self._ring_frames += len(block)
        keep = round(self._preroll_s * self._samplerate)
        while self._ring and self._ring_frames - len(self._ring[0][0]) >= keep:
            self._ring_frames -= len(self._ring.popleft()[0])

    def _check_health(self) -> None:
        """A stall is input silent now, or a silence between two reads that ended since the last check."""
        with self._read_lock:
            stalled = self._clock() - self._last_audio > STALL_AFTER_S
            silence, self._silence = self._silence, 0.0
        if (stalled or silence > STALL_AFTER_S) and not self._stalled:
            self._emit(EventKind.INPUT_STOPPED)
            with self._lock:
                if self._take is not None and not self._take.ended.is_set():
                    self._take.stalls += 1
        self._stalled = stalled
        if self._zero_run >= ZERO_AFTER_S * self._samplerate and not self._blocked_reported:
            self._blocked_reported = True
            self._emit(EventKind.MIC_BLOCKED)
        elif self._zero_run == 0:
            self._blocked_reported = False
        errors = self._read_errors
        failing = errors > self._errors_seen
        if failing and not self._failing:
            self._emit(EventKind.READ_ERROR)
        self._failing, self._errors_seen = failing, errors
