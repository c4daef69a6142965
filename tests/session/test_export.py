import hashlib
import io
import os
import stat
import time
import zipfile

import numpy as np
import pytest
import soundfile
from support.session_takes import english_script

from voicerecorder.errors import UserFacingError
from voicerecorder.session import atomicfile
from voicerecorder.session.export import PACKAGE_RATE, pack, pack_assessment, package_wav
from voicerecorder.session.store import Session


@pytest.fixture
def full_session(basic_session, good_wav) -> Session:
    for index in range(20):
        basic_session.add_take(index, good_wav)
    return basic_session


def read_zip(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_package_holds_exactly_the_edition_pairs(full_session, good_take_samples):
    result = pack(full_session)
    assert result.path == full_session.folder / "exports" / "session.zip"
    assert [p.name for p in result.path.parent.iterdir()] == ["session.zip"]
    if os.name == "posix":
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        assert names == [f"{i}.{ext}" for i in range(20) for ext in ("wav", "txt")]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        # Deflated regular files, mode 0644, marked as made on Unix: the same zip on every system.
        entries = {
            (entry.compress_type, entry.create_system, entry.external_attr) for entry in archive.filelist
        }
        assert entries == {(zipfile.ZIP_DEFLATED, 3, 0o100644 << 16)}
        for index in range(20):
            text = archive.read(f"{index}.txt").decode("utf-8")
            assert text == full_session.sentence(index).text
            info = soundfile.info(io.BytesIO(archive.read(f"{index}.wav")))
            assert (info.format, info.subtype, info.samplerate, info.channels) == ("WAV", "PCM_16", 48000, 1)
            samples, rate = good_take_samples
            assert info.duration == pytest.approx(len(samples) / rate, abs=1e-3)


def test_package_sha256_and_size_are_stored(full_session):
    result = pack(full_session)
    digest = hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert result.record.sha256 == digest
    assert result.record.size == result.path.stat().st_size
    assert result.record.path == "exports/session.zip"
    assert result.record.sentences == tuple(range(20))
    [stored] = Session.open(full_session.folder).exports
    assert stored == result.record


def test_package_bytes_are_deterministic(full_session, tmp_path):
    first = pack(full_session, tmp_path / "a.zip")
    second = pack(full_session, tmp_path / "b.zip")
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.record.sha256 == second.record.sha256
    assert first.record.path == str((tmp_path / "a.zip").resolve())
    assert len(full_session.exports) == 2


@pytest.mark.slow
def test_middle_edition_packs_a_hundred_pairs(tmp_path, en_form, good_wav):
    session = Session.create(
        en_form, "MIDDLE", english_script(100), writer="tests", folder=tmp_path / "middle"
    )
    for index in range(100):
        session.add_take(index, good_wav)
    names = read_zip(pack(session).path)
    assert sorted(names) == sorted(f"{i}.{ext}" for i in range(100) for ext in ("wav", "txt"))


def test_refusal_lists_every_problem_and_writes_nothing(basic_session, good_wav, clipped_wav, tmp_path):
    for index in range(20):
        if index != 4:
            basic_session.add_take(index, clipped_wav if index == 9 else good_wav)
    basic_session.mark_for_rerecord([12])
    out = tmp_path / "refused.zip"
    with pytest.raises(UserFacingError) as error:
        pack(basic_session, out)
    message = error.value.message
    assert "Sentence 5 (file 4.wav): has no take yet" in message.en
    assert "Sentence 10 (file 9.wav)" in message.en
    assert "Sentence 13 (file 12.wav): was rejected" in message.en
    assert "第 5 句（文件 4.wav）" in message.zh
    assert "第 10 句（文件 9.wav）" in message.zh
    assert not out.exists()
    assert not list(tmp_path.glob("refused.zip*"))
    assert basic_session.exports == ()


def test_warnings_do_not_block(full_session, good_take_samples, tmp_path):
    samples, rate = good_take_samples
    short = tmp_path / "short.wav"
    soundfile.write(short, samples[: int(3.5 * rate)], rate)
    full_session.add_take(2, short)
    result = pack(full_session, tmp_path / "out.zip")
    assert result.warnings
    assert {w.index for w in result.warnings} == {2}
    assert result.path.exists()


def test_unchecked_takes_are_checked_before_packing(full_session):
    import json

    data = json.loads(full_session.manifest_path.read_text())
    data["sentences"][0]["takes"][0]["check"] = None
    full_session.manifest_path.write_text(json.dumps(data))
    session = Session.open(full_session.folder, writer="tests")
    assert session.problems()[0].kind == "unchecked"
    pack(session)
    assert session.chosen_take(0).check is not None


def test_conversion_downmixes_and_resamples(tmp_path):
    rate = 44100
    t = np.arange(rate * 2) / rate
    tone = 0.5 * np.sin(2 * np.pi * 1000 * t)
    path = tmp_path / "stereo.wav"
    soundfile.write(path, np.stack([tone, 0.5 * tone], axis=1), rate, subtype="PCM_24")
    samples, out_rate = soundfile.read(io.BytesIO(package_wav(path)), dtype="float64")
    assert out_rate == PACKAGE_RATE
    assert samples.ndim == 1
    assert len(samples) == 2 * PACKAGE_RATE
    middle = samples[PACKAGE_RATE // 2 : -PACKAGE_RATE // 2]
    assert np.max(np.abs(middle)) == pytest.approx(0.375, abs=0.002)
    spectrum = np.abs(np.fft.rfft(middle))
    assert np.argmax(spectrum) * PACKAGE_RATE / len(middle) == pytest.approx(1000, abs=2)


def test_conversion_clips_overshoot_instead_of_wrapping(tmp_path):
    rate = 44100
    square = np.sign(np.sin(2 * np.pi * 100 * (np.arange(rate) + 0.5) / rate))
    path = tmp_path / "square.wav"
    soundfile.write(path, square, rate, subtype="FLOAT")
    samples, _ = soundfile.read(io.BytesIO(package_wav(path)), dtype="int16")
    assert samples.max() == 32767
    t = (np.arange(len(samples)) + 0.5) / PACKAGE_RATE
    phase = (t * 100) % 1.0
    inside = (np.abs(phase - 0.25) < 0.2) | (np.abs(phase - 0.75) < 0.2)
    expected = np.where(phase < 0.5, 1, -1)
    assert np.all(np.sign(samples[inside]) == expected[inside])
    assert np.min(np.abs(samples[inside].astype(int))) > 30000


def test_assessment_zip_takes_the_first_takes_within_the_bound(full_session, clipped_wav, good_take_samples):
    samples, rate = good_take_samples
    seconds = len(samples) / rate
    full_session.add_take(1, clipped_wav)
    result = pack_assessment(full_session, max_seconds=seconds * 3.5, min_seconds=seconds)
    assert result.record.kind == "assessment"
    assert result.record.sentences == (0, 2, 3)
    names = read_zip(result.path)
    assert sorted(names) == ["0.txt", "0.wav", "1.txt", "1.wav", "2.txt", "2.wav"]
    assert names["1.txt"].decode() == full_session.sentence(2).text
    assert result.path.name == "session-assess.zip"
    assert full_session.exports[-1] == result.record


def test_assessment_refuses_too_little_audio(basic_session, good_wav, tmp_path):
    basic_session.add_take(0, good_wav)
    with pytest.raises(UserFacingError, match="at least 30 s"):
        pack_assessment(basic_session, tmp_path / "a.zip", max_seconds=60, min_seconds=30)
    with pytest.raises(UserFacingError, match="Record more sentences"):
        pack_assessment(basic_session, tmp_path / "a.zip", max_seconds=1)
    assert not (tmp_path / "a.zip").exists()


def test_a_stale_temporary_zip_goes_and_a_fresh_one_stays(full_session):
    exports = full_session.folder / "exports"
    stale, fresh = exports / ".session.zip.1-00000000.tmp", exports / ".session.zip.2-11111111.tmp"
    stale.write_bytes(b"PK")
    fresh.write_bytes(b"PK")
    old = time.time() - atomicfile.STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    pack(full_session)
    assert sorted(p.name for p in exports.iterdir()) == [fresh.name, "session.zip"]
