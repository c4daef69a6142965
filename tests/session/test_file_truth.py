"""The take file on disk is the truth: pack re-checks a take that changed since its check, and a
take path must stay inside the session folder."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
import soundfile

from voicerecorder.cli import main
from voicerecorder.errors import UserFacingError
from voicerecorder.session import export
from voicerecorder.session.manifest import ManifestError
from voicerecorder.session.store import Session


@pytest.fixture
def full_session(basic_session, good_wav) -> Session:
    for index in range(20):
        basic_session.add_take(index, good_wav)
    return basic_session


def chosen_path(session: Session, index: int):
    return session.take_path(index, session.chosen_take(index))


def edit_manifest(session: Session, change) -> None:
    data = json.loads(session.manifest_path.read_text(encoding="utf-8"))
    change(data)
    session.manifest_path.write_text(json.dumps(data), encoding="utf-8")


def test_a_checked_take_stores_the_fingerprint_of_its_file(full_session):
    take = full_session.chosen_take(2)
    status = chosen_path(full_session, 2).stat()
    assert take.fingerprint["size"] == status.st_size
    assert take.fingerprint["mtime_ns"] == status.st_mtime_ns
    assert len(take.fingerprint["sha256"]) == 64
    assert Session.open(full_session.folder).chosen_take(2).fingerprint == take.fingerprint


def test_pack_refuses_a_take_truncated_after_its_check(full_session, capsys):
    path = chosen_path(full_session, 2)
    samples, rate = soundfile.read(path, dtype="int16")
    soundfile.write(path, samples[: rate // 2], rate, subtype="PCM_16")
    assert main(["pack", str(full_session.folder)]) == 1
    error = capsys.readouterr().err
    assert "The package was not written" in error
    assert "Sentence 3" in error
    assert not list((full_session.folder / "exports").glob("*.zip"))
    reopened = Session.open(full_session.folder)
    assert reopened.chosen_take(2).check["verdict"] == "fail"
    assert reopened.chosen_take(2).fingerprint["size"] == path.stat().st_size


def test_pack_catches_new_content_behind_the_old_size_and_mtime(full_session, capsys):
    path = chosen_path(full_session, 5)
    before = path.stat()
    samples, rate = soundfile.read(path, dtype="float32")
    soundfile.write(path, np.clip(samples * 20.0, -1.0, 1.0), rate, subtype="PCM_16")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert main(["pack", str(full_session.folder)]) == 1
    assert "Sentence 6" in capsys.readouterr().err


def test_a_touched_but_unchanged_take_is_checked_again_and_packed(full_session, capsys):
    path = chosen_path(full_session, 0)
    os.utime(path, ns=(0, 10**18))
    assert main(["pack", str(full_session.folder)]) == 0
    assert Session.open(full_session.folder).chosen_take(0).fingerprint["mtime_ns"] == 10**18


def test_pack_names_a_deleted_chosen_take(full_session, capsys):
    path = chosen_path(full_session, 7)
    path.unlink()
    assert main(["pack", str(full_session.folder)]) == 1
    error = capsys.readouterr().err
    assert f"The audio file {path} is missing (moved or deleted)" in error
    assert "System error" not in error


def test_a_take_changed_while_packing_withdraws_the_zip(full_session, monkeypatch):
    victim = chosen_path(full_session, 19)
    real = export.package_wav

    def package_and_touch(path):
        wav = real(path)
        if path == chosen_path(full_session, 0):
            with open(victim, "ab") as stream:
                stream.write(b"\0\0")
        return wav

    monkeypatch.setattr(export, "package_wav", package_and_touch)
    with pytest.raises(UserFacingError, match=r"Sentence 20.*changed while packing"):
        export.pack(full_session)
    assert not list((full_session.folder / "exports").glob("*.zip"))
    assert full_session.exports == ()


@pytest.mark.parametrize(
    "file", ["/etc/hostname", "../../../outside.wav", "..", "a/../../b.wav", "C:take.wav"]
)
def test_a_take_file_outside_the_session_is_a_damaged_manifest(full_session, file, capsys):
    def point_away(data):
        data["sentences"][0]["takes"][0]["file"] = file
        data["sentences"][0]["chosen"] = file

    edit_manifest(full_session, point_away)
    with pytest.raises(ManifestError, match=r"is damaged .*unsafe take file"):
        Session.open(full_session.folder)
    assert main(["pack", str(full_session.folder)]) == 1
    assert "is damaged" in capsys.readouterr().err


def test_a_take_linked_outside_the_session_is_a_damaged_manifest(full_session, tmp_path, capsys):
    outside = tmp_path / "elsewhere.wav"
    path = chosen_path(full_session, 1)
    path.rename(outside)
    path.symlink_to(outside)
    assert main(["pack", str(full_session.folder)]) == 1
    error = capsys.readouterr().err
    assert "is damaged" in error
    assert "leads outside the session folder" in error
    assert not list((full_session.folder / "exports").glob("*.zip"))
