import dataclasses
import datetime as dt
import json

import pytest
from support.session_takes import english_script

from voicerecorder.errors import UserFacingError
from voicerecorder.paths import sessions_dir
from voicerecorder.session.store import Session, list_sessions

DAY = dt.date(2026, 3, 9)


def test_sessions_are_created_under_the_data_folder_with_unique_names(en_form):
    first = Session.create(en_form, "BASIC", english_script(20), writer="tests", day=DAY)
    second = Session.create(en_form, "BASIC", english_script(20), writer="tests", day=DAY)
    assert first.folder == sessions_dir() / "ada-lovelace-20260309"
    assert second.folder == sessions_dir() / "ada-lovelace-20260309-2"
    assert set(list_sessions()) == {first.folder, second.folder}


def test_list_sessions_ignores_other_folders(tmp_path, en_form):
    (tmp_path / "not-a-session").mkdir()
    session = Session.create(en_form, "BASIC", english_script(20), writer="tests", root=tmp_path, day=DAY)
    assert list_sessions(tmp_path) == [session.folder]
    assert list_sessions(tmp_path / "absent") == []


@pytest.mark.parametrize(
    ("changes", "edition", "count", "message"),
    [
        ({"voice_name": ""}, "BASIC", 20, "Enter a voice name"),
        ({"language": "CN"}, "BASIC", 20, "script is in EN"),
        ({}, "BASIC", 19, "exactly 20 sentences"),
        ({}, "MIDDLE", 20, "exactly 100 sentences"),
        ({}, "PREMIUM", 20, "Choose the edition"),
    ],
)
def test_create_refuses_bad_input(tmp_path, en_form, changes, edition, count, message):
    form = dataclasses.replace(en_form, **changes)
    with pytest.raises(UserFacingError, match=message) as error:
        Session.create(form, edition, english_script(count), writer="tests", folder=tmp_path / "s")
    assert error.value.exit_code == 2
    assert not (tmp_path / "s").exists()


def test_create_strips_the_voice_name(tmp_path, en_form):
    form = dataclasses.replace(en_form, voice_name="  Ada  ", phone=" 12345 ")
    session = Session.create(form, "BASIC", english_script(20), writer="tests", folder=tmp_path / "s")
    assert (session.form.voice_name, session.form.phone) == ("Ada", "12345")


def test_update_form(basic_session, en_form):
    basic_session.update_form(dataclasses.replace(en_form, description="Warm voice", tag="MARKETING"))
    assert Session.open(basic_session.folder).form.tag == "MARKETING"
    with pytest.raises(UserFacingError, match="language must stay"):
        basic_session.update_form(dataclasses.replace(en_form, language="CN"))
    with pytest.raises(UserFacingError, match="phone number"):
        basic_session.update_form(dataclasses.replace(en_form, phone="abc"))
    assert Session.open(basic_session.folder).form.description == "Warm voice"


def test_jobs_area_is_free_form_json(basic_session):
    records = [{"job_id": "a", "uploaded": [0, 1], "nested": {"state": "WAITING"}}]
    basic_session.set_jobs("assess", records)
    records[0]["job_id"] = "changed"
    assert basic_session.jobs("assess")[0]["job_id"] == "a"
    basic_session.jobs("assess")[0]["job_id"] = "changed too"
    assert Session.open(basic_session.folder).jobs("assess")[0]["job_id"] == "a"
    with pytest.raises(TypeError):
        basic_session.set_jobs("training", [{"when": dt.date(2026, 1, 1)}])
    assert basic_session.jobs("training") == []


def test_session_log_has_one_line_per_event(basic_session, good_wav):
    basic_session.add_take(0, good_wav)
    lines = (basic_session.folder / "logs" / "session.log").read_text().splitlines()
    assert len(lines) == 2
    assert "session created" in lines[0]
    assert "sentence 1: take-1.wav (imported:good.wav)" in lines[1]


def test_current_index_and_device(basic_session):
    basic_session.set_current_index(7)
    basic_session.set_device({"hostapi": "Windows WASAPI", "name": "Mic", "extra": 1}, 44100)
    reopened = Session.open(basic_session.folder)
    assert reopened.current_index == 7
    assert reopened.device == {"hostapi": "Windows WASAPI", "name": "Mic"}
    assert reopened.samplerate == 44100


def test_the_create_type_is_stored_and_checked(tmp_path, en_form):
    script = english_script(20)
    segment = Session.create(
        en_form, "BASIC", script, writer="tests", folder=tmp_path / "s", create_type="SEGMENT"
    )
    assert Session.open(segment.folder).create_type == "SEGMENT"
    assert (
        Session.create(en_form, "BASIC", script, writer="tests", folder=tmp_path / "p").create_type
        == "PACKAGE"
    )
    with pytest.raises(UserFacingError, match="PACKAGE, SEGMENT"):
        Session.create(en_form, "BASIC", script, writer="tests", folder=tmp_path / "x", create_type="ZIP")
    assert not (tmp_path / "x").exists()


def test_an_advance_session_cannot_be_sent_sentence_by_sentence(tmp_path, en_form):
    script = english_script(500)
    with pytest.raises(UserFacingError) as refused:
        Session.create(
            en_form, "ADVANCE", script, writer="tests", folder=tmp_path / "a", create_type="SEGMENT"
        )
    assert refused.value.exit_code == 2
    assert "one whole recording" in refused.value.message.en
    assert "逐句提交" in refused.value.message.zh
    assert not (tmp_path / "a").exists()
    assert (
        Session.create(en_form, "ADVANCE", script, writer="tests", folder=tmp_path / "p").edition == "ADVANCE"
    )


def test_the_microphone_check_outcome_is_remembered_and_older_sessions_have_none(basic_session):
    data = json.loads(basic_session.manifest_path.read_text(encoding="utf-8"))
    del data["microphone_check"]
    basic_session.close()
    basic_session.manifest_path.write_text(json.dumps(data), encoding="utf-8")
    older = Session.open(basic_session.folder, writer="test")
    assert older.microphone_check is None
    older.set_microphone_check("skipped")
    older.close()
    assert Session.open(basic_session.folder).microphone_check == "skipped"
    with pytest.raises(ValueError, match="unknown microphone check outcome 'later'"):
        older.set_microphone_check("later")
