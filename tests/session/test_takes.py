import threading
import time

import numpy as np
import pytest
import soundfile

from voicerecorder.audio.backend import DeviceRef
from voicerecorder.audio.capture import TakeResult
from voicerecorder.errors import UserFacingError
from voicerecorder.session.manifest import TakeRecord
from voicerecorder.session.store import Session

MIC = {"hostapi": "ALSA", "name": "USB mic"}


def capture(**changes) -> dict:
    return {"overflows": 0, "lost_frames": 0, "stalls": 0, "samplerate": 48000, "device": dict(MIC)} | changes


def check_ids(take: TakeRecord) -> dict[str, str]:
    return {check["id"]: check["level"] for check in take.check["checks"]}


def test_new_session_lists_every_sentence_without_a_take(basic_session):
    problems = basic_session.problems()
    assert [p.index for p in problems] == list(range(20))
    assert {p.kind for p in problems} == {"no_take"}
    assert problems[0].message.en.startswith("Sentence 1 (file 0.wav)")
    assert problems[0].message.zh.startswith("第 1 句（文件 0.wav）")


def test_imported_take_is_copied_checked_and_chosen(basic_session, good_wav):
    take = basic_session.add_take(0, good_wav)
    assert take.file == "take-1.wav"
    assert take.source == "imported:good.wav"
    assert take.check["verdict"] in ("pass", "warn")
    assert set(check_ids(take)) >= {"duration", "clipping", "loudness", "speaking_rate", "device"}
    assert basic_session.chosen_take(0) == take
    stored = basic_session.take_path(0, take)
    assert stored == basic_session.folder / "takes" / "001" / "take-1.wav"
    assert stored.read_bytes() == good_wav.read_bytes()
    assert good_wav.exists()
    assert basic_session.problems()[0].index == 1


def test_failing_take_is_a_problem_with_the_checkers_message(basic_session, good_wav, clipped_wav):
    basic_session.add_take(0, good_wav)
    take = basic_session.add_take(0, clipped_wav)
    assert take.check["verdict"] == "fail"
    assert check_ids(take)["clipping"] == "fail"
    assert basic_session.chosen_take(0).file == "take-2.wav"
    failing = [p for p in basic_session.problems() if p.index == 0]
    assert failing
    assert {p.kind for p in failing} == {"failing"}
    assert any("clip" in p.message.en.lower() for p in failing)
    assert len(basic_session.takes(0)) == 2


def test_users_choice_sticks_until_the_audit_asks_again(basic_session, good_wav, clipped_wav):
    basic_session.add_take(3, good_wav)
    basic_session.add_take(3, clipped_wav)
    basic_session.choose_take(3, "take-1.wav")
    basic_session.add_take(3, clipped_wav)
    assert basic_session.chosen_take(3).file == "take-1.wav"
    with pytest.raises(UserFacingError, match="no sentence 21"):
        basic_session.mark_for_rerecord([3, 20])
    assert basic_session.marked_for_rerecord == frozenset()
    basic_session.mark_for_rerecord([3])
    assert basic_session.marked_for_rerecord == {3}
    assert [p.kind for p in basic_session.problems() if p.index == 3] == ["rerecord"]
    basic_session.add_take(3, good_wav)
    assert basic_session.marked_for_rerecord == frozenset()
    assert basic_session.chosen_take(3).file == "take-4.wav"


def test_choosing_an_unknown_take_or_sentence_is_refused(basic_session, good_wav):
    basic_session.add_take(0, good_wav)
    with pytest.raises(UserFacingError, match=r"no take named take-9\.wav"):
        basic_session.choose_take(0, "take-9.wav")
    with pytest.raises(UserFacingError, match="There is no sentence 21"):
        basic_session.add_take(20, good_wav)
    with pytest.raises(UserFacingError, match="There is no sentence 0"):
        basic_session.set_current_index(-1)


def test_missing_or_unreadable_source_is_refused(basic_session, tmp_path):
    with pytest.raises(UserFacingError, match="does not exist"):
        basic_session.add_take(0, tmp_path / "absent.wav")
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not audio at all")
    with pytest.raises(UserFacingError, match="Cannot read the audio file"):
        basic_session.add_take(0, junk)
    assert basic_session.takes(0) == ()
    assert not list((basic_session.folder / "takes" / "001").glob("take-*.wav"))


def test_next_take_path_skips_files_already_on_disk(basic_session, good_wav):
    first = basic_session.next_take_path(1)
    assert first.name == "take-1.wav"
    (first.parent / "take-5.partial.wav").write_bytes(b"")
    assert basic_session.next_take_path(1).name == "take-6.wav"


def test_recorded_take_stays_in_place_and_sets_the_session_device(basic_session, good_take_samples):
    samples, rate = good_take_samples
    path = basic_session.next_take_path(4)
    soundfile.write(path, samples, rate, subtype="PCM_16")
    take = basic_session.add_take(4, path, capture())
    assert basic_session.take_path(4, take) == path
    assert take.source == "recorded"
    assert take.capture == capture()
    assert basic_session.device == MIC
    assert basic_session.samplerate == 48000


def test_capture_engine_result_is_accepted(basic_session, good_take_samples):
    samples, rate = good_take_samples
    path = basic_session.next_take_path(5)
    soundfile.write(path, samples, rate, subtype="PCM_16")
    result = TakeResult(
        path, rate, len(samples), len(samples) / rate, DeviceRef("ALSA", "USB mic"), overflows=2
    )
    take = basic_session.add_take(5, result)
    assert take.capture["overflows"] == 2
    assert check_ids(take)["dropouts"] == "fail"


def test_takes_are_checked_against_the_session(basic_session, good_take_samples):
    samples, rate = good_take_samples
    for index in range(2):
        path = basic_session.next_take_path(index)
        soundfile.write(path, samples, rate, subtype="PCM_16")
        basic_session.add_take(index, path, capture())
    inputs = basic_session.check_context_inputs(2, None)
    assert len(inputs.baseline_checks) == 2
    assert inputs.session_device == MIC
    assert inputs.text == basic_session.sentence(2).text
    assert len(basic_session.check_context_inputs(0, None).baseline_checks) == 1
    path = basic_session.next_take_path(2)
    soundfile.write(path, samples * 0.1, rate, subtype="PCM_16")
    quiet = basic_session.add_take(2, path, capture(device={"hostapi": "ALSA", "name": "Laptop mic"}))
    levels = check_ids(quiet)
    assert levels["device"] == "warn"
    assert levels["loudness"] == "fail"
    consistency = next(check for check in quiet.check["checks"] if check["id"] == "consistency")
    assert (consistency["level"], consistency["suppressed_by"]) == ("pass", "loudness")


def test_warnings_are_listed_separately(basic_session, good_take_samples, tmp_path):
    samples, rate = good_take_samples
    short = tmp_path / "short.wav"
    soundfile.write(short, samples[: int(3.5 * rate)], rate)
    basic_session.add_take(0, short)
    warnings = basic_session.warnings()
    assert warnings
    assert {w.index for w in warnings} == {0}
    assert all(w.kind == "warning" for w in warnings)
    assert 0 not in {p.index for p in basic_session.problems()}


def test_non_wav_import_is_stored_as_wav(basic_session, good_take_samples, tmp_path):
    samples, rate = good_take_samples
    flac = tmp_path / "take.flac"
    soundfile.write(flac, samples, rate)
    take = basic_session.add_take(0, flac)
    info = soundfile.info(str(basic_session.take_path(0, take)))
    assert (info.format, info.samplerate, info.channels) == ("WAV", rate, 1)


def test_partial_take_left_by_a_crash_is_repaired_and_kept(basic_session, good_take_samples):
    samples, rate = good_take_samples
    folder = basic_session.next_take_path(6).parent
    partial = folder / "take-1.partial.wav"
    soundfile.write(partial, samples, rate, subtype="PCM_16")
    raw = bytearray(partial.read_bytes())
    raw[4:8] = raw[40:44] = b"\x00\x00\x00\x00"
    partial.write_bytes(bytes(raw))
    session = Session.open(basic_session.folder, writer="tests")
    assert not partial.exists()
    [take] = session.takes(6)
    assert take.file == "take-1.wav"
    assert take.source == "recovered"
    assert take.duration_s == pytest.approx(len(samples) / rate, abs=1e-3)
    assert session.chosen_take(6) is None


def test_worker_adds_takes_while_the_gui_thread_saves(basic_session, good_wav):
    errors = []

    def worker(indices):
        try:
            for index in indices:
                basic_session.add_take(index, good_wav)
        except Exception as error:  # collected and re-raised in the main thread
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(range(n, 20, 2),)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    step = 0
    while any(thread.is_alive() for thread in threads):
        basic_session.set_current_index(step % 20)
        step += 1
        time.sleep(0.01)
    for thread in threads:
        thread.join()
    assert errors == []
    reopened = Session.open(basic_session.folder)
    assert [len(reopened.takes(i)) for i in range(20)] == [1] * 20
    assert reopened.problems() == []


def test_stereo_low_rate_take_is_accepted(basic_session, good_take_samples, tmp_path):
    samples, _ = good_take_samples
    path = tmp_path / "stereo.wav"
    soundfile.write(path, np.stack([samples, samples], axis=1)[::2], 24000)
    take = basic_session.add_take(7, path)
    assert (take.samplerate, take.channels) == (24000, 2)
    assert take.check["verdict"] != "fail"


def test_a_take_cannot_be_added_twice(basic_session, good_wav):
    take = basic_session.add_take(0, good_wav)
    with pytest.raises(UserFacingError, match="already a take of sentence 1"):
        basic_session.add_take(0, basic_session.take_path(0, take))
    assert len(basic_session.takes(0)) == 1


def test_a_partial_file_in_the_take_folder_gets_a_final_name(basic_session, good_wav):
    folder = basic_session.next_take_path(0).parent
    partial = folder / "take-1.partial.wav"
    partial.write_bytes(good_wav.read_bytes())
    take = basic_session.add_take(0, partial, capture())
    assert take.file == "take-2.wav"
    assert not partial.exists()


def test_take_recorded_by_the_capture_engine(basic_session, good_take_samples):
    from voicerecorder.audio.capture import CaptureEngine
    from voicerecorder.audio.fake_backend import FakeBackend

    samples, rate = good_take_samples

    def play(first: int, frames: int, samplerate: int) -> np.ndarray:
        return np.resize(np.roll(samples, -first), frames).astype(np.float32)

    backend = FakeBackend(source=play, auto=False, blocksize=480)
    engine = CaptureEngine(backend, None, preroll_s=0.0, postroll_s=0.0)
    engine.open()
    stream = backend.last_stream
    path = basic_session.next_take_path(8)
    engine.start_take(path, duration_s=len(samples) / rate)
    while not engine.take_done:
        stream.step()
    result = engine.stop_take()
    engine.close()
    take = basic_session.add_take(8, result)
    assert basic_session.take_path(8, take) == path
    assert take.capture == result.capture_report()
    assert basic_session.device == result.device.to_dict()
    assert basic_session.samplerate == result.samplerate
    assert take.check["verdict"] in ("pass", "warn")
