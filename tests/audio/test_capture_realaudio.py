"""Capture through the real stack: sounddevice -> PortAudio -> ALSA pulse -> a private PulseAudio
whose default source is a virtual microphone fed with a tone or synthetic speech."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile
from support.pulse import SOURCE_DESCRIPTION
from support.waiting import wait_until
from support.wav_header import frames_on_disk

from voicerecorder.audio import sounddevice_backend
from voicerecorder.audio.capture import CaptureEngine, EventKind, TakeResult
from voicerecorder.audio.devices import default_device, device_label
from voicerecorder.audio.sounddevice_backend import BLOCK_S, SoundDeviceBackend

pytestmark = pytest.mark.realaudio

RATE = 48000
SPEECH = {
    "EN": "Please read each sentence clearly and keep the same distance from the microphone.",
    "CN": "请清楚地朗读每一句话。",
}


def dominant_frequency(samples: np.ndarray, samplerate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / samplerate)[int(np.argmax(spectrum))])


def active_frames(samples: np.ndarray, samplerate: int, threshold_dbfs: float = -40.0) -> int:
    """How many 20 ms frames are louder than ``threshold_dbfs`` RMS."""
    size = samplerate // 50
    frames = samples[: len(samples) // size * size].reshape(-1, size)
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    return int(np.sum(rms > 10 ** (threshold_dbfs / 20)))


def assert_clean(result: TakeResult) -> None:
    report = result.capture_report()
    assert report["overflows"] == 0
    assert report["lost_frames"] == 0
    assert report["stalls"] == 0


@pytest.fixture
def engine(virtual_mic):
    capture = CaptureEngine(SoundDeviceBackend(), None)
    capture.open()
    assert capture.wait_for_audio(10), "no audio from the virtual microphone"
    yield capture
    capture.close()


def test_tone_is_captured_with_preroll_exact_length_and_no_dropouts(virtual_mic, engine, tmp_path):
    playback = virtual_mic.play(virtual_mic.tone(440, 8))
    try:
        assert wait_until(lambda: engine.level().peak_dbfs > -10, 10), "the tone never reached the microphone"
        time.sleep(0.5)  # the pre-roll ring is now full of tone
        engine.start_take(tmp_path / "tone.wav", duration_s=2.0)
        assert wait_until(lambda: engine.take_done, 10)
        result = engine.stop_take()
    finally:
        playback.stop()
    samples, rate = soundfile.read(result.path, dtype="float32")
    assert rate == engine.samplerate == RATE
    assert len(samples) == result.frames == round(2.3 * RATE)
    assert result.duration_s == pytest.approx(2.3, abs=1e-6)
    assert dominant_frequency(samples, rate) == pytest.approx(440, abs=2)
    preroll = samples[: round(0.3 * RATE)]
    assert 20 * np.log10(np.sqrt(np.mean(preroll**2))) == pytest.approx(-9.0, abs=1.5)
    assert_clean(result)
    assert result.capture_report()["device"]["hostapi"] == "ALSA"


@pytest.mark.parametrize("language", ["EN", "CN"])
def test_speech_is_captured_with_its_energy(virtual_mic, engine, tmp_path, language):
    speech_path = virtual_mic.speak(SPEECH[language], language)
    reference, reference_rate = soundfile.read(speech_path, dtype="float32")
    before_start = engine.frames_captured
    engine.start_take(tmp_path / f"speech-{language}.wav")
    after_start = engine.frames_captured
    assert virtual_mic.play(speech_path).wait(30) == 0
    speech_frames = round(len(reference) / reference_rate * RATE)
    assert wait_until(lambda: engine.frames_captured - after_start > speech_frames + round(0.3 * RATE), 10)
    before_stop = engine.frames_captured
    result = engine.stop_take()
    after_stop = engine.frames_captured
    samples, rate = soundfile.read(result.path, dtype="float32")
    assert rate == RATE
    # Frames, not the wall clock: pre-roll + the frames read between start and stop + post-roll,
    # which also covers the input latency (LATENCY as asked; one period of margin for PortAudio's
    # rounding). The frame counter is read just outside each of the engine's own reads.
    preroll, postroll = round(0.3 * RATE), round(0.2 * RATE)
    assert result.frames >= preroll + (before_stop - after_start) + postroll
    latency_tail = round((0.2 + sounddevice_backend.LATENCY + BLOCK_S) * RATE)
    assert result.frames <= preroll + (after_stop - before_start) + latency_tail
    assert result.duration_s > len(reference) / reference_rate
    expected_active = active_frames(reference, reference_rate)
    assert expected_active > 20
    assert active_frames(samples, rate) == pytest.approx(expected_active, rel=0.2)
    assert float(np.max(np.abs(samples))) > 0.1
    assert_clean(result)


def test_a_microphone_that_stops_delivering_is_reported_and_the_take_is_kept(virtual_mic, engine, tmp_path):
    playback = virtual_mic.play(virtual_mic.tone(440, 20))
    try:
        assert wait_until(lambda: engine.level().peak_dbfs > -10, 10), "the tone never reached the microphone"
        engine.start_take(tmp_path / "stopped.wav")
        time.sleep(1.0)
        virtual_mic.suspend_microphone(True)
        try:
            events: list = []
            assert wait_until(lambda: events.extend(engine.poll_events()) or events, 5), "no event"
            result = engine.stop_take()
        finally:
            virtual_mic.suspend_microphone(False)
    finally:
        playback.stop()
    assert [event.kind for event in events] == [EventKind.INPUT_STOPPED]
    assert "unplugged" in events[0].message.en
    assert result.stalls == 1
    samples, rate = soundfile.read(result.path, dtype="float32")
    assert len(samples) == result.frames
    assert 1.0 <= result.duration_s <= 1.3 + 0.3  # the pre-roll, the second before, what was on its way
    assert dominant_frequency(samples, rate) == pytest.approx(440, abs=2)


def test_a_closed_stream_reads_no_audio(virtual_mic):
    backend = SoundDeviceBackend()
    stream = backend.open_input(default_device(backend).index, RATE)
    stream.start()
    read: list[int] = []
    assert wait_until(lambda: read.append(len(stream.read().samples)) or sum(read) > 0, 10)
    stream.stop()
    stream.close()
    assert len(stream.read().samples) == 0  # PortAudio's stream is gone: the wrapper must not touch it


def test_rescan_sees_the_virtual_devices_again(virtual_mic):
    backend = SoundDeviceBackend()
    before = {device.ref for device in backend.list_input_devices()}
    backend.rescan()
    assert {device.ref for device in backend.list_input_devices()} == before
    assert {device.name for device in before} >= {"pulse", "default"}


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "voicerecorder", *args], capture_output=True, text=True, timeout=timeout
    )


def test_devices_command_lists_the_virtual_microphone(virtual_mic):
    listed = json.loads(run_cli("devices", "--json").stdout)
    names = {device["name"]: device for device in listed}
    assert {"pulse", "default"} <= set(names)
    assert names["default"]["is_default"] is True
    assert names["pulse"]["hostapi"] == "ALSA"
    assert names["pulse"]["max_input_channels"] > 0
    assert names["default"]["label"] == names["pulse"]["label"] == SOURCE_DESCRIPTION
    table = run_cli("devices")
    assert table.returncode == 0
    assert f'* {SOURCE_DESCRIPTION}, device "default"  (ALSA, ' in table.stdout


def test_the_default_microphone_is_named_by_its_pulseaudio_description(virtual_mic):
    device = default_device(SoundDeviceBackend())
    assert (device.hostapi, device.name) == ("ALSA", "default")
    assert device_label(device) == SOURCE_DESCRIPTION


def test_unknown_device_lists_the_available_ones(virtual_mic, tmp_path):
    done = run_cli("record", str(tmp_path / "x.wav"), "--device", "Studio Condenser 9000")
    assert done.returncode == 3
    assert "'Studio Condenser 9000' was not found" in done.stderr
    assert "pulse (ALSA)" in done.stderr
    assert not (tmp_path / "x.wav").exists()


def test_record_for_fixed_seconds(virtual_mic, tmp_path):
    out = tmp_path / "fixed.wav"
    done = run_cli("record", str(out), "--seconds", "1.5", "--device", "pulse")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert soundfile.info(str(out)).frames == round(1.5 * RATE)
    assert "Saved" in done.stderr


def test_digital_silence_is_reported_as_a_blocked_microphone(virtual_mic, tmp_path):
    """Nothing plays into the null sink, so the virtual microphone delivers exact zeros."""
    done = run_cli("record", str(tmp_path / "silent.wav"), "--seconds", "2")
    assert done.returncode == 0, done.stderr
    assert (
        "The operating system is blocking the microphone (the input is exact digital silence)" in done.stderr
    )
    assert soundfile.info(str(tmp_path / "silent.wav")).frames == 2 * RATE


class RecordingProcess:
    """``voicerecorder record`` running in the background, with its stderr read on a thread."""

    def __init__(self, out: Path, *options: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "voicerecorder", "record", str(out), *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_until_recording(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.lines.get(timeout=0.2).startswith("Recording from"):
                    return
            except queue.Empty:
                continue
        self.process.kill()
        raise AssertionError("record never started")


@pytest.fixture
def tone_playing(virtual_mic):
    playback = virtual_mic.play(virtual_mic.tone(440, 30))
    yield
    playback.stop()


def partial_of(final: Path) -> Path:
    """The take file ``record`` is writing for ``final`` (its name carries the writer's pid and a
    random part); a path that does not exist before it is made."""
    return next(final.parent.glob(f"{final.stem}.*.partial.wav"), final.with_suffix(".partial.wav"))


def test_sigkill_leaves_a_partial_file_that_opens(virtual_mic, tone_playing, tmp_path):
    out = tmp_path / "killed.wav"
    recording = RecordingProcess(out)
    recording.wait_until_recording()
    assert wait_until(lambda: frames_on_disk(partial_of(out)) >= 2.5 * RATE, 20)
    os.kill(recording.process.pid, signal.SIGKILL)
    recording.process.wait(10)
    partial = partial_of(out)
    with wave.open(str(partial)) as left:
        assert left.getnframes() / left.getframerate() >= 2.5
        samples = np.frombuffer(left.readframes(left.getnframes()), dtype="<i2")
    assert np.max(np.abs(samples)) > 8000  # the tone, not silence
    assert not out.exists()


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "Enter"])
def test_stopping_finalises_and_renames(virtual_mic, tone_playing, tmp_path, how):
    out = tmp_path / "stopped.wav"
    recording = RecordingProcess(out)
    recording.wait_until_recording()
    assert wait_until(lambda: frames_on_disk(partial_of(out)) >= 2 * RATE, 20)
    written = frames_on_disk(partial_of(out))
    if how == "Enter":
        recording.process.stdin.write("\n")
        recording.process.stdin.flush()
    else:
        recording.process.send_signal(getattr(signal, how))
    assert recording.process.wait(15) == 0
    assert recording.process.stdout.read().strip() == str(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stopped.wav"]
    with wave.open(str(out)) as saved:
        assert saved.getnframes() >= written  # everything on disk at the stop, and the post-roll after it


def test_a_second_recording_in_the_same_folder_leaves_the_first_alone(virtual_mic, tone_playing, tmp_path):
    first = RecordingProcess(tmp_path / "a.wav", "--seconds", "6")
    first.wait_until_recording()
    second = run_cli("record", str(tmp_path / "b.wav"), "--seconds", "1.5", "--device", "pulse")
    assert second.returncode == 0, second.stderr
    assert "Recovered" not in second.stderr
    assert first.process.wait(30) == 0
    assert first.process.stdout.read().strip() == str(tmp_path / "a.wav")
    assert soundfile.info(str(tmp_path / "a.wav")).frames == 6 * RATE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wav", "b.wav"]


def test_a_full_ring_buffer_is_reported_and_recording_resumes(virtual_mic, monkeypatch):
    """Nobody reads for longer than the ring holds: rtmixer ends the recording; the read says audio
    was lost and the stream records again."""
    monkeypatch.setattr(sounddevice_backend, "RING_S", 0.5)
    backend = SoundDeviceBackend()
    stream = backend.open_input(default_device(backend).index, RATE)
    stream.start()
    try:
        assert wait_until(lambda: len(stream.read().samples) > 0, 10), "no audio from the virtual microphone"
        time.sleep(4 * sounddevice_backend.RING_S)  # four times what the ring holds: it certainly filled
        full = stream.read()
        assert full.overflowed
        assert len(full.samples) > sounddevice_backend.RING_S * RATE
        resumed = []

        def read_more() -> bool:
            resumed.append(stream.read())
            return sum(len(read.samples) for read in resumed) > 0.2 * RATE

        assert wait_until(read_more, 10)
        assert not [read for read in resumed if read.overflowed]
    finally:
        stream.stop()
        stream.close()
