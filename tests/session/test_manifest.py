import json
import os
import time

import pytest

from voicerecorder.errors import UserFacingError
from voicerecorder.session import atomicfile
from voicerecorder.session.manifest import SCHEMA_VERSION, ManifestError, parse_manifest
from voicerecorder.session.migrations import v0_to_v1
from voicerecorder.session.store import Session

V0 = {
    "voice_name": "Old Voice",
    "sex": "MALE",
    "tag": "NEWS",
    "language": "EN",
    "edition": "BASIC",
    "created": "2025-01-02T03:04:05Z",
    "device": "USB Microphone",
    "samplerate": 44100,
    "sentences": [
        {
            "id": f"{i:03d}",
            "text": f"Old sentence number {i}.",
            "takes": [{"file": "take-1.wav", "seconds": 6.5, "rate": 44100}] if i == 1 else [],
            "chosen": 0 if i == 1 else None,
        }
        for i in range(1, 21)
    ],
}


def test_round_trip_keeps_everything(basic_session, good_wav):
    basic_session.add_take(2, good_wav)
    basic_session.set_current_index(2)
    basic_session.mark_for_rerecord([5])
    basic_session.set_jobs("training", [{"job_id": "j-1", "state": "WAITING"}])
    basic_session.set_device({"hostapi": "ALSA", "name": "mic"}, 48000)
    reopened = Session.open(basic_session.folder)
    assert reopened._manifest == basic_session._manifest
    assert reopened.current_index == 2
    assert reopened.marked_for_rerecord == {5}
    assert reopened.jobs("training") == [{"job_id": "j-1", "state": "WAITING"}]
    assert reopened.jobs("assess") == []
    assert reopened.device == {"hostapi": "ALSA", "name": "mic"}
    assert reopened.chosen_take(2).check["verdict"] in ("pass", "warn")
    stored = json.loads(basic_session.manifest_path.read_text(encoding="utf-8"))
    assert stored["schema_version"] == SCHEMA_VERSION
    assert stored["voice"]["voice_name"] == "Ada Lovelace"
    assert len(stored["script"]["sentences"]) == 20


def test_folders_and_files_are_created(basic_session):
    for name in ("session.json", "takes", "exports", "logs"):
        assert (basic_session.folder / name).exists()
    assert "session created" in (basic_session.folder / "logs" / "session.log").read_text()


def test_save_leaves_no_temporary_files(basic_session):
    for index in range(5):
        basic_session.set_current_index(index)
    basic_session.save()
    assert sorted(p.name for p in basic_session.folder.iterdir()) == [
        ".session-holder.json",
        ".session.lock",
        "exports",
        "logs",
        "session.json",
        "takes",
    ]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "data.json"
    target.write_bytes(b"old")

    def interrupted_write():
        with atomicfile.atomic_output(target) as stream:
            stream.write(b"half of the new")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        interrupted_write()
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_write_fsyncs_file_and_folder(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.fstat(fd).st_mode) or real_fsync(fd))
    atomicfile.atomic_write_bytes(tmp_path / "x", b"new")
    assert (tmp_path / "x").read_bytes() == b"new"
    kinds = [mode & 0o170000 for mode in synced]
    assert kinds == [0o100000, 0o040000]


def test_stale_temporary_files_are_removed_on_open(basic_session):
    stale = basic_session.folder / ".session.json.dead.tmp"
    stale.write_bytes(b"{")
    old = time.time() - atomicfile.STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    Session.open(basic_session.folder)
    assert stale.exists(), "a reader never changes anything"
    Session.open(basic_session.folder, writer="tests")
    assert not stale.exists()


def test_a_save_in_progress_elsewhere_is_left_alone(basic_session):
    in_flight = basic_session.folder / ".session.json.live.tmp"
    in_flight.write_bytes(b"{")
    Session.open(basic_session.folder, writer="tests")
    assert in_flight.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"schema_version": 1, ', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"schema_version": "one"}', "unknown format"),
        (b'{"schema_version": 1, "voice": {}}', "field created is missing"),
    ],
)
def test_corrupt_manifest_is_refused_and_untouched(basic_session, content, reason):
    basic_session.manifest_path.write_bytes(content)
    before = basic_session.manifest_path.stat()
    with pytest.raises(ManifestError) as error:
        Session.open(basic_session.folder)
    assert reason in error.value.message.en
    assert "damaged" in error.value.message.en
    assert "已损坏" in error.value.message.zh
    assert basic_session.manifest_path.read_bytes() == content
    assert basic_session.manifest_path.stat().st_mtime_ns == before.st_mtime_ns


def test_manifest_with_mismatched_sentences_is_refused(basic_session):
    data = json.loads(basic_session.manifest_path.read_text())
    data["sentences"][3]["id"] = "999"
    basic_session.manifest_path.write_text(json.dumps(data))
    with pytest.raises(ManifestError, match="do not match the script"):
        Session.open(basic_session.folder)


def test_unsafe_sentence_folder_is_refused(basic_session):
    data = json.loads(basic_session.manifest_path.read_text())
    data["sentences"][0]["folder"] = "../../outside"
    basic_session.manifest_path.write_text(json.dumps(data))
    with pytest.raises(ManifestError, match="unsafe sentence folder"):
        Session.open(basic_session.folder)


def test_newer_schema_is_refused_and_untouched(basic_session):
    data = json.loads(basic_session.manifest_path.read_text())
    data["schema_version"] = SCHEMA_VERSION + 1
    raw = json.dumps(data).encode()
    basic_session.manifest_path.write_bytes(raw)
    with pytest.raises(ManifestError) as error:
        Session.open(basic_session.folder)
    assert "newer voicerecorder" in error.value.message.en
    assert "更新版本" in error.value.message.zh
    assert basic_session.manifest_path.read_bytes() == raw


def test_missing_manifest_says_it_is_not_a_session(tmp_path):
    with pytest.raises(UserFacingError, match="not a session folder") as error:
        Session.open(tmp_path)
    assert error.value.exit_code == 2


def test_v0_to_v1_migration_of_the_dict():
    migrated = v0_to_v1(V0)
    assert migrated["schema_version"] == 1
    assert migrated["voice"] == {
        "voice_name": "Old Voice",
        "sex": "MALE",
        "tag": "NEWS",
        "language": "EN",
        "description": "",
        "phone": "",
    }
    assert migrated["script"]["sentences"][0] == {"id": "001", "text": "Old sentence number 1."}
    assert migrated["device"] == {"hostapi": "", "name": "USB Microphone"}
    first = migrated["sentences"][0]
    assert first["chosen"] == "take-1.wav"
    assert first["takes"][0]["duration_s"] == 6.5
    assert first["takes"][0]["check"] is None
    assert migrated["sentences"][1]["takes"] == []


def test_v0_session_is_migrated_on_open_and_saved(tmp_path, good_wav):
    folder = tmp_path / "old"
    (folder / "takes" / "001").mkdir(parents=True)
    (folder / "takes" / "001" / "take-1.wav").write_bytes(good_wav.read_bytes())
    (folder / "session.json").write_text(json.dumps(V0))
    before = sorted((p.relative_to(folder), p.stat().st_mtime_ns) for p in folder.rglob("*"))
    reader = Session.open(folder)
    assert reader.form.voice_name == "Old Voice"
    assert sorted((p.relative_to(folder), p.stat().st_mtime_ns) for p in folder.rglob("*")) == before
    with pytest.raises(RuntimeError, match="reading only"):
        reader.recheck_chosen()
    session = Session.open(folder, writer="tests")
    assert session.form.voice_name == "Old Voice"
    assert session.samplerate == 44100
    assert session.chosen_take(0).file == "take-1.wav"
    assert [p.kind for p in session.problems()][:2] == ["unchecked", "no_take"]
    assert json.loads((folder / "session.json").read_text())["schema_version"] == SCHEMA_VERSION
    assert json.loads((folder / f"session.before-v{SCHEMA_VERSION}.json").read_text()) == V0
    session.recheck_chosen()
    assert session.chosen_take(0).check["verdict"] in ("pass", "warn")
    assert Session.open(folder).problems()[0].kind == "no_take"


def test_parse_reports_migration(basic_session):
    raw = basic_session.manifest_path.read_bytes()
    assert parse_manifest(raw, basic_session.manifest_path)[1] is False
    assert parse_manifest(json.dumps(V0).encode(), basic_session.manifest_path)[1] is True
