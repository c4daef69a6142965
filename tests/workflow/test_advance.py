"""The ADVANCE edition end to end against the sandbox over HTTP: a 500-sentence session, the
whole-recording package, CreateTrainingAdvanceJob, SUCCEED; the official SDK reads the job."""

from __future__ import annotations

import zipfile

import pytest
import soundfile
from huaweicloudsdkmetastudio.v1 import ShowVoiceTrainingJobRequest
from support.metastudio_zip import RATE, sentence_text, speechlike
from support.sandbox_sdk import sdk_client
from support.workflow_rig import point_environment_at

from voicerecorder.cli import main
from voicerecorder.sandbox import quotas
from voicerecorder.session.export import sentence_starts_path
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.script import ADVANCE_MIN_SENTENCES, Script, Sentence
from voicerecorder.session.store import Session

pytestmark = pytest.mark.reference_sdk

TAKE_SECONDS = 2.5
SOURCES = 8


@pytest.fixture(scope="module")
def take_sources(tmp_path_factory) -> list:
    """A few passing speech-like takes, reused round the sentences of a session."""
    sources = tmp_path_factory.mktemp("advance-takes")
    paths = []
    for seed in range(SOURCES):
        path = sources / f"{seed}.wav"
        soundfile.write(path, speechlike(TAKE_SECONDS, seed=seed, noise_dbfs=-66.0), RATE, subtype="PCM_16")
        paths.append(path)
    return paths


def add_every_take(session: Session, sources: list) -> None:
    for index in range(session.sentence_count):
        session.add_take(index, sources[index % SOURCES])


@pytest.fixture(scope="module")
def advance_template(tmp_path_factory, take_sources):
    """An ADVANCE session of 500 sentences, each with a passing take, built once."""
    count = ADVANCE_MIN_SENTENCES
    script = Script(
        "CN", tuple(Sentence(f"{i + 1:03d}", sentence_text(i, "CN", TAKE_SECONDS)) for i in range(count)), "t"
    )
    folder = tmp_path_factory.mktemp("advance") / "session"
    session = Session.create(
        VoiceForm("Ada Advance", "FEMALE", "NEWS", "CN"), "ADVANCE", script, writer="tests", folder=folder
    )
    add_every_take(session, take_sources)
    return folder


def allow_the_length_of(monkeypatch, count: int) -> None:
    """Let the sandbox take ``count`` sentences of short takes (its own limits want half an hour)."""
    total = count * TAKE_SECONDS
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_min", int(total * 0.8))
    monkeypatch.setitem(quotas.DURATION_LIMITS, "advance_max", int(total * 3))


def pack_and_submit(folder, capsys, app_user_id: str) -> str:
    """``pack`` then ``submit --wait`` through the command line; the job id ``submit`` printed."""
    assert main(["pack", str(folder)]) == 0
    assert "-sentences.tsv (kept in the session, not uploaded)" in capsys.readouterr().out
    code = main(["submit", str(folder), "--wait", "--interval", "0.1", "--app-user-id", app_user_id])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out.splitlines()[0]


@pytest.mark.slow
def test_advance_submit_wait_reaches_succeed_with_one_long_wav(
    advance_template, sandbox, monkeypatch, capsys, tmp_path
):
    allow_the_length_of(monkeypatch, ADVANCE_MIN_SENTENCES)
    server = sandbox()
    point_environment_at(monkeypatch, server)
    folder = tmp_path / "session"
    folder.symlink_to(advance_template, target_is_directory=True)
    job_id = pack_and_submit(folder, capsys, "studio-9")
    shown = sdk_client(server).show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=job_id))
    assert (str(shown.state), str(shown.job_type), shown.app_user_id) == ("SUCCEED", "ADVANCE", "studio-9")
    session = Session.open(folder)
    package = session.folder / session.exports[-1].path
    with zipfile.ZipFile(package) as archive:
        [name] = archive.namelist()
        assert name == f"{package.stem}.wav"
        with archive.open(name) as wav:
            info = soundfile.info(wav)
    assert (info.samplerate, info.channels, info.subtype) == (48000, 1, "PCM_16")
    rows = sentence_starts_path(package).read_text("utf-8").splitlines()
    assert rows[0] == "number\tstart_s\tend_s\ttext"
    assert len(rows) == 1 + ADVANCE_MIN_SENTENCES
    assert rows[1].split("\t")[3] == session.sentence(0).text
    last_end = float(rows[-1].split("\t")[2])
    assert last_end < info.duration < last_end + 1.0


@pytest.mark.slow
def test_builtin_news_set_goes_from_new_to_succeed(take_sources, sandbox, monkeypatch, capsys, tmp_path):
    folder = tmp_path / "news"
    assert main(["new", str(folder), "--edition", "advance", "--language", "CN", "--tag", "NEWS"]) == 0
    session = Session.open(folder, writer="tests")
    assert session.script.source == "builtin:cn/advance/news"
    assert session.sentence_count >= ADVANCE_MIN_SENTENCES
    add_every_take(session, take_sources)
    session.close()  # pack and submit take the session's lock
    allow_the_length_of(monkeypatch, session.sentence_count)
    server = sandbox()
    point_environment_at(monkeypatch, server)
    job_id = pack_and_submit(folder, capsys, "news-desk")
    shown = sdk_client(server).show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=job_id))
    assert (str(shown.state), str(shown.job_type), shown.app_user_id) == ("SUCCEED", "ADVANCE", "news-desk")
    session = Session.open(folder)
    rows = sentence_starts_path(session.folder / session.exports[-1].path).read_text("utf-8").splitlines()
    assert len(rows) == 1 + session.sentence_count
    assert [row.split("\t")[3] for row in rows[1:]] == [s.text for s in session.script.sentences]
