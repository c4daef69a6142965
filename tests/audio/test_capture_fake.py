"""CaptureEngine against the deterministic fake backend: takes, meter, faults and the watchdog."""

from __future__ import annotations

import os
import stat
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile
from support.waiting import wait_until

from voicerecorder.audio import capture
from voicerecorder.audio.backend import AudioDeviceError, MicrophoneBlockedError
from voicerecorder.audio.capture import CaptureEngine, EventKind, TakeResult
from voicerecorder.audio.fake_backend import FakeBackend, FakeInputStream, constant, fake_device, sine
from voicerecorder.audio.takewriter import TakeWriteError, final_path_for
from voicerecorder.permissions import microphone_blocked_message
from voicerecorder.text import Bilingual

RATE = 48000
BLOCK = 480


class ManualClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wait_for_event(engine: CaptureEngine, kind: EventKind, timeout: float = 3.0) -> list:
    """Poll events until one of ``kind`` arrives; returns everything polled."""
    seen: list = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += engine.poll_events()
        if any(event.kind is kind for event in seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"no {kind} event within {timeout} s; got {[event.kind for event in seen]}")


def counted_checks(engine: CaptureEngine, monkeypatch) -> Callable[[], int]:
    """Count the watchdog checks the engine's pump thread completes (its own check, counted)."""
    completed = [0]
    check = engine._check_health

    def counted() -> None:
        check()
        completed[0] += 1

    monkeypatch.setattr(engine, "_check_health", counted)
    monkeypatch.setattr(capture, "PUMP_INTERVAL_S", 0.02)
    return lambda: completed[0]


def wait_for_two_checks(checks: Callable[[], int]) -> None:
    """Wait until the pump has run a whole watchdog check that started after this call."""
    target = checks() + 2
    assert wait_until(lambda: checks() >= target)


def stepped_engine(source=None, clock=None, **engine_args) -> tuple[CaptureEngine, FakeInputStream]:
    backend = FakeBackend(source=source, auto=False, blocksize=BLOCK)
    engine = CaptureEngine(backend, None, **({"clock": clock} if clock else {}), **engine_args)
    engine.open()
    return engine, backend.last_stream


def finish(engine: CaptureEngine, stream: FakeInputStream) -> TakeResult:
    engine.request_stop()
    while not engine.take_done:
        stream.step()
    return engine.stop_take()


def test_level_reports_peak_rms_and_clipping():
    engine, stream = stepped_engine(source=sine(1000, 0.5))
    stream.step(20)
    assert engine.wait_for_audio(2)
    level = engine.level()
    assert level.peak_dbfs == pytest.approx(-6.02, abs=0.05)
    assert level.rms_dbfs == pytest.approx(-9.03, abs=0.05)
    assert not level.clipped
    assert engine.level() == level  # nothing new since: the last reading stays
    stream.source = constant(1.0)
    stream.step()
    assert engine.level().clipped
    engine.close()


def test_level_peeks_at_unread_audio_and_meters_every_frame_once(tmp_path, monkeypatch):
    monkeypatch.setattr(capture, "PUMP_INTERVAL_S", 30.0)  # only the test's own calls read
    engine, stream = stepped_engine(source=sine(1000, 0.5))
    stream.step(20)
    assert engine.level().peak_dbfs == pytest.approx(-6.02, abs=0.05)
    assert stream.buffered_frames == 20 * BLOCK  # seen in place, not read
    stream.source = constant(1.0)
    stream.step()
    engine.start_take(tmp_path / "take.wav")  # reads all 21 blocks; the meter saw 20 of them
    assert engine.frames_captured == 21 * BLOCK
    level = engine.level()
    assert level.clipped
    assert level.rms_dbfs == pytest.approx(0.0, abs=0.01)  # the one block the meter never saw, alone
    assert engine.level() == level
    stream.source = constant(0.25)
    stream.step(2)
    level = engine.level()
    assert level.peak_dbfs == level.rms_dbfs == pytest.approx(-12.04, abs=0.01)
    assert not level.clipped
    engine.cancel_take()
    engine.close()


def test_level_between_arrivals_takes_no_lock_and_leaves_the_stream_alone(monkeypatch):
    monkeypatch.setattr(capture, "PUMP_INTERVAL_S", 30.0)  # only the test's own calls read
    engine, stream = stepped_engine(source=sine(1000, 0.5))
    stream.step(3)
    level = engine.level()
    peeks = []
    peek = stream.peek
    monkeypatch.setattr(stream, "peek", lambda skip, visit: peeks.append(skip) or peek(skip, visit))
    polls: list = []
    with engine._read_lock:  # a read in progress on the pump thread
        poller = threading.Thread(target=lambda: polls.extend(engine.level() for _ in range(5)))
        poller.start()
        poller.join(5)
        assert not poller.is_alive(), "a poll with nothing new waited for the read"
    assert all(reading is level for reading in polls)
    assert peeks == []
    stream.source = constant(1.0)
    stream.step()
    assert engine.level().clipped
    assert peeks == [3 * BLOCK]  # the new block only, once
    assert engine.frames_captured == 4 * BLOCK  # a read of what the meter saw: nothing new for it
    assert engine.level().clipped
    assert peeks == [3 * BLOCK]
    engine.close()


def test_the_pumps_sleep_ends_on_a_wake_given_before_or_during_it():
    wakeup = capture._Wakeup()
    wakeup.wake()
    wakeup.wake()  # a second wake before the wait: one pending wake, no error
    sleeper = threading.Thread(target=wakeup.wait, args=(60,))
    sleeper.start()
    sleeper.join(10)
    assert not sleeper.is_alive(), "a wake given before the wait was lost"
    sleeper = threading.Thread(target=wakeup.wait, args=(60,))
    sleeper.start()
    assert not wait_until(lambda: not sleeper.is_alive(), 0.2), "two wakes before a wait counted twice"
    wakeup.wake()
    sleeper.join(10)
    assert not sleeper.is_alive(), "a wake during the wait did not end it"


def test_audio_read_while_nobody_polls_the_meter_counts_in_the_next_level(monkeypatch):
    monkeypatch.setattr(capture, "PUMP_INTERVAL_S", 30.0)  # only the test's own calls read
    engine, stream = stepped_engine(source=constant(1.0))
    stream.step()
    assert engine.frames_captured == BLOCK  # read before the meter saw it
    stream.source = constant(0.25)
    quiet_blocks = 3 * RATE // BLOCK  # read block by block: more than the meter keeps aside
    for block in range(quiet_blocks):
        stream.step()
        assert engine.frames_captured == (block + 2) * BLOCK
    level = engine.level()
    assert level.clipped
    assert level.peak_dbfs == pytest.approx(0.0, abs=0.01)
    mean_square = (1.0 + 0.0625 * quiet_blocks) / (1 + quiet_blocks)
    assert level.rms_dbfs == pytest.approx(10 * np.log10(mean_square), abs=0.01)
    assert engine.level() == level
    engine.close()


def test_take_holds_preroll_then_take_then_postroll(tmp_path):
    def marked(first: int, frames: int, samplerate: int) -> np.ndarray:
        return np.full(frames, 0.25 if first < RATE else 0.5, dtype=np.float32)

    engine, stream = stepped_engine(source=marked, preroll_s=0.3, postroll_s=0.2)
    stream.step(RATE // BLOCK)  # one second of 0.25 before the take
    engine.start_take(tmp_path / "take.wav")
    stream.step(50)  # 0.5 s of 0.5
    engine.request_stop()
    stream.step(30)  # more than the post-roll
    assert wait_until(lambda: engine.take_done)
    result = engine.stop_take()
    samples, rate = soundfile.read(result.path, dtype="float32")
    assert rate == RATE
    assert result.frames == len(samples) == round(0.3 * RATE) + 50 * BLOCK + round(0.2 * RATE)
    np.testing.assert_allclose(samples[: round(0.3 * RATE)], 0.25, atol=1e-4)
    np.testing.assert_allclose(samples[round(0.3 * RATE) :], 0.5, atol=1e-4)
    assert result.capture_report() == {
        "overflows": 0,
        "lost_frames": 0,
        "stalls": 0,
        "samplerate": RATE,
        "device": {"hostapi": "Fake", "name": "Fake Microphone"},
    }
    assert not list(tmp_path.glob("*.partial.wav*"))
    if os.name == "posix":
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    engine.close()


def test_duration_ends_the_take_exactly(tmp_path):
    engine, stream = stepped_engine(preroll_s=0.0)
    stream.step(3)
    engine.start_take(tmp_path / "timed.wav", duration_s=0.25)
    stream.step(40)
    assert wait_until(lambda: engine.take_done)
    result = engine.stop_take()
    assert result.frames == 12000
    assert result.duration_s == pytest.approx(0.25)
    engine.close()


def test_overflow_flag_is_counted_and_reported(tmp_path):
    engine, stream = stepped_engine()
    stream.step(5)
    engine.start_take(tmp_path / "o.wav")
    stream.inject_overflow()
    stream.step(5)
    events = wait_for_event(engine, EventKind.OVERFLOW)
    assert "lost" in next(event for event in events if event.kind is EventKind.OVERFLOW).message.en
    result = finish(engine, stream)
    assert result.capture_report()["overflows"] == 1
    engine.close()


def test_frames_missing_from_the_stream_clock_are_reported_lost(tmp_path):
    engine, stream = stepped_engine()
    stream.step(10)
    engine.start_take(tmp_path / "gap.wav")
    stream.step(20)
    stream.drop(4800)
    stream.step(40)
    result = finish(engine, stream)
    assert result.lost_frames == 4800
    assert result.overflows == 0
    engine.close()


def test_watchdog_reports_stopped_input_and_keeps_the_take(tmp_path, monkeypatch):
    clock = ManualClock()
    engine, stream = stepped_engine(clock=clock)
    checks = counted_checks(engine, monkeypatch)
    stream.step(10)
    engine.start_take(tmp_path / "unplugged.wav")
    stream.step(20)
    assert engine.frames_captured == 30 * BLOCK  # read now; then none comes for a while
    clock.now += 0.9
    wait_for_two_checks(checks)
    assert not [event for event in engine.poll_events() if event.kind is EventKind.INPUT_STOPPED]
    clock.now += 0.3
    events = wait_for_event(engine, EventKind.INPUT_STOPPED)
    assert "unplugged" in next(event for event in events if event.kind is EventKind.INPUT_STOPPED).message.en
    result = engine.stop_take()  # no more audio arrives: returns after the stall grace
    assert result.stalls == 1
    assert result.frames >= 20 * BLOCK
    with wave.open(str(result.path)) as kept:
        assert kept.getnframes() == result.frames
    engine.close()


def test_watchdog_reports_a_stall_that_ended_between_two_checks(tmp_path, monkeypatch):
    monkeypatch.setattr(capture, "PUMP_INTERVAL_S", 30.0)  # the pump checks only when woken
    engine, stream = stepped_engine()
    stream.step(10)
    engine.start_take(tmp_path / "gap.wav")
    stream.drop(round(1.3 * RATE))  # 1.3 s of input never captured ...
    stream.step(10)
    engine.request_stop()  # ... then audio is read again, and the pump woken checks now that it flows
    wait_for_event(engine, EventKind.INPUT_STOPPED)
    assert finish(engine, stream).stalls == 1
    engine.close()


def test_a_busy_reader_is_not_a_stall(tmp_path, monkeypatch):
    monkeypatch.setattr(capture, "PUMP_INTERVAL_S", 30.0)
    clock = ManualClock()
    engine, stream = stepped_engine(clock=clock)
    stream.step(10)
    engine.start_take(tmp_path / "late.wav")
    clock.now += 1.3  # nobody read for 1.3 s, but the stream buffered all of it
    stream.step(round(1.3 * RATE / BLOCK))
    engine.request_stop()
    result = finish(engine, stream)
    assert result.stalls == 0
    assert EventKind.INPUT_STOPPED not in [event.kind for event in engine.poll_events()]
    engine.close()


def test_watchdog_allows_slow_first_audio(monkeypatch):
    clock = ManualClock()
    backend = FakeBackend(auto=False)
    engine = CaptureEngine(backend, None, clock=clock)
    engine.open()
    checks = counted_checks(engine, monkeypatch)
    clock.now += 2.5
    wait_for_two_checks(checks)
    assert engine.poll_events() == []
    clock.now += 1.0
    wait_for_event(engine, EventKind.INPUT_STOPPED)
    engine.close()


def test_all_zero_input_for_a_second_means_the_microphone_is_blocked(monkeypatch):
    engine, stream = stepped_engine(source=constant(0.0))
    checks = counted_checks(engine, monkeypatch)
    stream.step(RATE // BLOCK - 1)
    assert wait_until(lambda: engine.frames_captured == (RATE // BLOCK - 1) * BLOCK)
    wait_for_two_checks(checks)  # the pump routed all of it and checked it
    assert [event.kind for event in engine.poll_events()] == []
    stream.step(2)
    events = wait_for_event(engine, EventKind.MIC_BLOCKED)
    message = next(event for event in events if event.kind is EventKind.MIC_BLOCKED).message
    assert message == microphone_blocked_message(
        Bilingual("the input is exact digital silence", "输入是完全的数字静音")
    )
    assert "麦克风" in message.zh
    engine.close()


def test_a_failing_read_is_survived_and_reported_once_per_episode(monkeypatch):
    engine, stream = stepped_engine()
    checks = counted_checks(engine, monkeypatch)
    stream.step(2)
    stream.fail_reads(OSError("Unanticipated host error"), 3)  # one episode: three reads in a row fail
    events = wait_for_event(engine, EventKind.READ_ERROR)
    assert "driver" in next(event for event in events if event.kind is EventKind.READ_ERROR).message.en
    assert wait_until(lambda: engine.frames_captured == 2 * BLOCK)  # nothing buffered was lost to it
    assert stream.failing_reads == 0
    wait_for_two_checks(checks)
    events += engine.poll_events()
    assert [event.kind for event in events].count(EventKind.READ_ERROR) == 1
    stream.fail_reads(OSError("Unanticipated host error"))
    wait_for_event(engine, EventKind.READ_ERROR)  # a new episode is reported again
    engine.close()


def test_removed_partial_file_fails_the_finish_with_a_clear_error(tmp_path):
    engine, stream = stepped_engine()
    stream.step(5)
    engine.start_take(tmp_path / "gone.wav")
    stream.step(5)
    [partial] = tmp_path.glob("gone.*.partial.wav")
    partial.unlink()
    engine.request_stop()
    stream.step(30)
    with pytest.raises(TakeWriteError) as failure:
        engine.stop_take()
    assert "gone.wav" in failure.value.message.en
    engine.close()


def test_cancel_deletes_the_partial_file(tmp_path):
    engine, stream = stepped_engine()
    stream.step(5)
    engine.start_take(tmp_path / "cancelled.wav")
    stream.step(5)
    engine.cancel_take()
    assert list(tmp_path.iterdir()) == []
    assert not engine.recording
    engine.close()


def test_close_finishes_a_running_take(tmp_path):
    backend = FakeBackend(speed=4.0)
    engine = CaptureEngine(backend, None)
    engine.open()
    assert engine.wait_for_audio(2)
    engine.start_take(tmp_path / "closed.wav")
    time.sleep(0.1)
    result = engine.close()
    assert result is not None
    assert result.path.exists()
    assert result.frames > 0


def test_misuse_is_refused(tmp_path):
    engine, _stream = stepped_engine()
    with pytest.raises(RuntimeError):
        engine.stop_take()
    engine.start_take(tmp_path / "a.wav")
    with pytest.raises(RuntimeError):
        engine.start_take(tmp_path / "b.wav")
    engine.cancel_take()
    engine.close()
    with pytest.raises(RuntimeError):
        CaptureEngine(FakeBackend(), None).start_take(tmp_path / "c.wav")


def test_realtime_feed_records_the_expected_duration(tmp_path):
    backend = FakeBackend(speed=1.0)
    engine = CaptureEngine(backend, None, preroll_s=0.0)
    engine.open()
    assert engine.wait_for_audio(2)
    engine.start_take(tmp_path / "rt.wav", duration_s=0.5)
    deadline = time.monotonic() + 3
    while not engine.take_done and time.monotonic() < deadline:
        time.sleep(0.02)
    result = engine.stop_take()
    assert result.frames == RATE // 2
    assert result.lost_frames == 0
    engine.close()


def test_stall_in_a_running_feed_is_seen_by_the_watchdog(tmp_path):
    backend = FakeBackend(speed=1.0)
    engine = CaptureEngine(backend, None)
    engine.open()
    assert engine.wait_for_audio(2)
    engine.start_take(tmp_path / "stall.wav")
    backend.last_stream.stall(1.3)
    wait_for_event(engine, EventKind.INPUT_STOPPED)
    time.sleep(0.3)
    result = engine.stop_take()
    assert result.stalls == 1
    assert result.lost_frames == pytest.approx(1.3 * RATE, abs=BLOCK)
    engine.close()


def test_blocked_device_raises_the_privacy_message():
    backend = FakeBackend(devices=[fake_device(7, "Internal Mic", is_default=True)], blocked=[7])
    with pytest.raises(MicrophoneBlockedError) as blocked:
        CaptureEngine(backend, None).open()
    assert blocked.value.message == microphone_blocked_message(
        Bilingual("fake host error -9999", "fake host error -9999")
    )


def test_falls_back_to_the_device_rate_when_48k_is_refused(tmp_path):
    backend = FakeBackend(
        devices=[fake_device(0, "USB Mic", default_samplerate=44100, is_default=True)],
        unsupported_rates=[48000],
        auto=False,
    )
    engine = CaptureEngine(backend, None, preroll_s=0.0)
    engine.open()
    assert engine.samplerate == 44100
    engine.start_take(tmp_path / "441.wav", duration_s=0.1)
    backend.last_stream.step(20)
    result = engine.stop_take()
    assert soundfile.info(str(result.path)).samplerate == 44100
    assert result.capture_report()["samplerate"] == 44100
    engine.close()


def test_events_are_safe_to_poll_from_another_thread():
    engine, stream = stepped_engine(source=constant(0.0))
    found = []
    poller = threading.Thread(target=lambda: found.extend(wait_for_event(engine, EventKind.MIC_BLOCKED)))
    poller.start()
    stream.step(2 * RATE // BLOCK)
    poller.join(5)
    assert any(event.kind is EventKind.MIC_BLOCKED for event in found)
    engine.close()


def test_take_path_is_in_the_result(tmp_path: Path):
    engine, stream = stepped_engine()
    stream.step(2)
    engine.start_take(tmp_path / "named.wav")
    stream.step(2)
    [partial] = tmp_path.glob("named.*.partial.wav")
    assert final_path_for(partial) == tmp_path / "named.wav"
    result = finish(engine, stream)
    assert result.path == tmp_path / "named.wav"
    engine.close()


def test_a_stream_that_will_not_start_is_closed_and_reported(tmp_path):
    backend = FakeBackend(start_error=AudioDeviceError("Fake Microphone", "device busy"))
    engine = CaptureEngine(backend, None)
    with pytest.raises(AudioDeviceError) as busy:
        engine.open()
    assert "device busy" in busy.value.message.en
    assert backend.last_stream.closed
    with pytest.raises(RuntimeError):
        engine.start_take(tmp_path / "never.wav")


def test_postroll_also_covers_the_input_latency(tmp_path):
    backend = FakeBackend(auto=False, blocksize=BLOCK, latency=0.1)
    engine = CaptureEngine(backend, None, preroll_s=0.0, postroll_s=0.2)
    engine.open()
    stream = backend.last_stream
    engine.start_take(tmp_path / "late.wav")
    stream.step(10)
    result = finish(engine, stream)
    assert result.frames == 10 * BLOCK + round(0.3 * RATE)
    engine.close()
