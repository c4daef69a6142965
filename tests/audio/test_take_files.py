"""Crash-safe take files: a killed writer leaves a readable WAV, disk-full is reported at once,
and leftover ``*.partial.wav`` files are repaired."""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile
from support.session_lock import start_take_writer
from support.waiting import wait_until
from support.wav_header import frames_on_disk

from voicerecorder.audio.repair import RepairStatus, find_partials, repair_partial, repair_partials
from voicerecorder.audio.takewriter import (
    TakeWriteError,
    TakeWriter,
    final_path_for,
    partial_path_for,
    writer_alive,
)

RATE = 48000


DISK_FULL_SCRIPT = """
import json, resource, signal, sys, time
from pathlib import Path
from voicerecorder.audio.capture import CaptureEngine, EventKind
from voicerecorder.audio.fake_backend import FakeBackend
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, resource.RLIM_INFINITY))
backend = FakeBackend(auto=False)
engine = CaptureEngine(backend, None, preroll_s=0.0, postroll_s=0.0)
engine.open()
engine.start_take(Path(sys.argv[1]))
events = []
for _ in range(200):
    backend.last_stream.step()
    events += [event.kind.name for event in engine.poll_events()]
deadline = time.monotonic() + 3
while "WRITE_FAILED" not in events and time.monotonic() < deadline:
    time.sleep(0.02)
    events += [event.kind.name for event in engine.poll_events()]
result = engine.stop_take()
engine.close()
print(json.dumps({"events": events, "frames": result.frames, "write_error": result.write_error}))
"""


def write_wav(path: Path, seconds: float) -> None:
    samples = 0.3 * np.sin(2 * np.pi * 440 * np.arange(int(seconds * RATE)) / RATE)
    soundfile.write(path, samples.astype(np.float32), RATE, subtype="PCM_16", format="WAV")


def zero_sizes(path: Path) -> None:
    """What a crash without header updates leaves: RIFF and data sizes of zero."""
    data = bytearray(path.read_bytes())
    data_at = data.index(b"data")
    data[4:8] = struct.pack("<I", 0)
    data[data_at + 4 : data_at + 8] = struct.pack("<I", 0)
    path.write_bytes(bytes(data) + b"\x01")  # and half a sample at the end


def test_killed_writer_leaves_a_wav_that_opens(tmp_path):
    final = tmp_path / "take.wav"
    process = start_take_writer(final)
    [partial] = find_partials(tmp_path)
    assert wait_until(lambda: frames_on_disk(partial) >= 40 * 4800, 20)  # killed while it keeps writing
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    process.stdout.close()
    with wave.open(str(partial)) as left:
        assert left.getframerate() == RATE
        assert left.getnframes() >= 40 * 4800
    assert not final.exists()


def test_a_live_take_is_never_recovered_and_a_killed_writers_take_is(tmp_path):
    final = tmp_path / "take.wav"
    process = start_take_writer(final)
    try:
        [partial] = find_partials(tmp_path)
        assert writer_alive(partial)
        assert repair_partials(tmp_path, finalise=True) == []
        assert partial.exists()
        assert not final.exists()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    assert not writer_alive(partial), "the OS let the killed writer's lock go"
    [recovered] = repair_partials(tmp_path, finalise=True)
    assert recovered.path == final
    assert sorted(p.name for p in tmp_path.iterdir()) == ["take.wav"]


def test_each_write_is_on_disk_at_once_under_a_header_that_counts_it(tmp_path):
    samples = (np.arange(3000) - 1500).astype(np.int16)
    writer = TakeWriter(tmp_path / "take.wav", RATE, lambda error: pytest.fail(str(error)))
    for start, end in ((0, 1000), (1000, 1001), (1001, 3000)):  # views into one array
        writer.write(samples[start:end])
        assert frames_on_disk(writer.partial_path) == end == writer.frames_written
        on_disk, _ = soundfile.read(writer.partial_path, dtype="int16")
        np.testing.assert_array_equal(on_disk, samples[:end])
    writer.abort()


@pytest.mark.parametrize(
    "block",
    [np.full(480, 0.5, dtype=np.float32), np.zeros((480, 2), dtype=np.int16)[:, 0]],
    ids=["float32", "strided"],
)
def test_a_block_that_is_not_contiguous_int16_is_refused_not_written_as_bytes(tmp_path, block):
    errors = []
    writer = TakeWriter(tmp_path / "take.wav", RATE, errors.append)
    writer.write(np.zeros(480, dtype=np.int16))
    writer.write(block)
    assert len(errors) == 1
    assert "contiguous int16 blocks" in str(errors[0])
    assert writer.frames_written == 480
    assert frames_on_disk(writer.partial_path) == 480
    writer.abort()


def test_partial_names_are_unique_and_map_back(tmp_path):
    final = tmp_path / "take-3.wav"
    names = {partial_path_for(final).name for _ in range(50)}
    assert len(names) == 50
    assert all(name.startswith(f"take-3.{os.getpid()}-") for name in names)
    assert {final_path_for(tmp_path / name) for name in names} == {final}
    assert final_path_for(tmp_path / "take-3.partial.wav") == final


def test_disk_full_is_reported_while_recording_and_the_start_is_kept(tmp_path):
    final = tmp_path / "full.wav"
    done = subprocess.run(
        [sys.executable, "-c", DISK_FULL_SCRIPT, str(final)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert "WRITE_FAILED" in report["events"]
    assert report["write_error"]
    with wave.open(str(final)) as kept:
        assert 40_000 <= kept.getnframes() <= 50_000  # ~100 kB of 16-bit samples


def test_partial_with_zero_sizes_is_repaired(tmp_path):
    partial = tmp_path / "t1.partial.wav"
    write_wav(partial, 1.0)
    zero_sizes(partial)
    result = repair_partial(partial)
    assert result.status is RepairStatus.REPAIRED
    assert result.frames == RATE
    assert result.duration_s == 1.0
    with wave.open(str(partial)) as fixed:
        assert fixed.getnframes() == RATE


@pytest.mark.parametrize(("channels", "trailing"), [(1, 0), (1, 1), (2, 1), (2, 3)])
def test_repair_writes_exact_sizes_and_drops_a_partial_frame(tmp_path, channels, trailing):
    """RIFF size = file length - 8, data size = whole frames, and a trailing partial frame cut off."""
    partial = tmp_path / "t3.partial.wav"
    frames = 4801
    soundfile.write(partial, np.zeros((frames, channels), np.float32), RATE, subtype="PCM_16", format="WAV")
    data_start = partial.read_bytes().index(b"data") + 8
    data = bytearray(partial.read_bytes())
    data[4:8] = data[data_start - 4 : data_start] = struct.pack("<I", 0)
    partial.write_bytes(bytes(data) + b"\x01" * trailing)
    result = repair_partial(partial)
    fixed = partial.read_bytes()
    data_size = frames * 2 * channels
    assert (result.status, result.frames) == (RepairStatus.REPAIRED, frames)
    assert len(fixed) == data_start + data_size
    assert struct.unpack_from("<I", fixed, 4)[0] == len(fixed) - 8
    assert struct.unpack_from("<I", fixed, data_start - 4)[0] == data_size


def test_intact_partial_is_left_alone_and_finalised_without_overwriting(tmp_path):
    write_wav(tmp_path / "t2.wav", 0.1)
    partial = tmp_path / "t2.partial.wav"
    write_wav(partial, 0.5)
    before = partial.read_bytes()
    result = repair_partial(partial, finalise=True)
    assert result.status is RepairStatus.INTACT
    assert result.path == tmp_path / "t2.recovered-1.wav"
    assert result.path.read_bytes() == before
    assert soundfile.info(str(tmp_path / "t2.wav")).frames == int(0.1 * RATE)


def test_garbage_partial_is_reported_not_touched(tmp_path):
    partial = tmp_path / "junk.partial.wav"
    partial.write_bytes(b"\0" * 100)
    result = repair_partial(partial)
    assert result.status is RepairStatus.UNREPAIRABLE
    assert "no WAV" in result.detail
    assert partial.read_bytes() == b"\0" * 100


def test_partials_are_found_in_subfolders(tmp_path):
    (tmp_path / "takes" / "s1").mkdir(parents=True)
    for path in (tmp_path / "a.partial.wav", tmp_path / "takes" / "s1" / "take-1.partial.wav"):
        write_wav(path, 0.2)
        zero_sizes(path)
    write_wav(tmp_path / "done.wav", 0.2)
    assert [path.name for path in find_partials(tmp_path)] == ["a.partial.wav", "take-1.partial.wav"]
    assert [path.name for path in find_partials(tmp_path, recursive=False)] == ["a.partial.wav"]
    results = repair_partials(tmp_path, finalise=True)
    assert [result.status for result in results] == [RepairStatus.REPAIRED] * 2
    assert sorted(path.name for path in tmp_path.rglob("*.wav")) == ["a.wav", "done.wav", "take-1.wav"]


def test_a_partial_whose_lock_cannot_be_made_is_left_as_it_is(tmp_path):
    partial = tmp_path / "t9.partial.wav"
    write_wav(partial, 0.2)
    zero_sizes(partial)
    before = partial.read_bytes()
    (tmp_path / "t9.partial.wav.lock").mkdir()
    assert not writer_alive(partial)
    assert repair_partials(tmp_path, finalise=True) == []
    assert partial.read_bytes() == before


def test_a_take_that_cannot_start_leaves_nothing_behind(tmp_path):
    with pytest.raises(TakeWriteError):
        TakeWriter(tmp_path / "bad.wav", 0, on_error=print)
    assert list(tmp_path.iterdir()) == []
