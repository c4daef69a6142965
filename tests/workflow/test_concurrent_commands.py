"""Commands started at once on one session, as real processes: the session lock serialises them."""

from __future__ import annotations

import hashlib

import pytest
from support.session_lock import run_at_once
from support.workflow_rig import client_of, point_environment_at, training_jobs

from voicerecorder.errors import EXIT_BUSY, EXIT_OK
from voicerecorder.session.lock import WAIT_ENV
from voicerecorder.session.store import Session
from voicerecorder.workflow import records


def assert_clean(finished, at_least_one_ok: bool = True) -> None:
    codes = {result.code for result in finished}
    assert codes <= {EXIT_OK, EXIT_BUSY}, [result.stderr for result in finished]
    assert not at_least_one_ok or EXIT_OK in codes
    for result in finished:
        assert "Traceback" not in result.stderr
        if result.code == EXIT_BUSY:
            assert "is in use by voicerecorder" in result.stderr


@pytest.mark.parametrize("wait_s", ["0", "120"])
def test_two_submits_at_once_create_exactly_one_job(sandbox, make_session, monkeypatch, wait_s):
    """Without waiting the second stops with the lock message; waiting, it finds the first one's job."""
    server = sandbox("latency=0.2")
    point_environment_at(monkeypatch, server)
    session = make_session()
    session.close()
    finished = run_at_once([["submit", str(session.folder)]] * 2, env={WAIT_ENV: wait_s})
    assert_clean(finished)
    [job] = training_jobs(client_of(server))
    [record] = Session.open(session.folder).jobs(records.TRAINING)
    assert record["job_id"] == job.job_id


def test_three_packs_at_once_write_one_good_zip(make_session):
    session = make_session()
    session.close()
    finished = run_at_once([["pack", str(session.folder)]] * 3)
    assert_clean(finished)
    exports = session.folder / "exports"
    assert [p.name for p in exports.iterdir()] == [f"{session.folder.name}.zip"]
    stored = Session.open(session.folder).exports
    assert len(stored) == sum(result.code == EXIT_OK for result in finished)
    zipped = (exports / f"{session.folder.name}.zip").read_bytes()
    assert {record.sha256 for record in stored} == {hashlib.sha256(zipped).hexdigest()}
