"""Uploads: a stored object that differs from the file is sent again, then refused; cancelling."""

from __future__ import annotations

import threading

import pytest
from support.cloud_fake import FakeCloud, Reply, path_of
from support.workflow_rig import client_of, training_jobs

from voicerecorder.cloud.errors import ObsError
from voicerecorder.errors import EXIT_INTERRUPTED
from voicerecorder.text import Bilingual
from voicerecorder.workflow import records
from voicerecorder.workflow.events import WorkflowCancelled
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.upload import ZIP_CONTENT_TYPE, put_file

WHAT = Bilingual("Uploading", "正在上传")


@pytest.fixture
def zip_file(tmp_path):
    path = tmp_path / "data.zip"
    path.write_bytes(bytes(range(256)) * 1000)
    return path


def test_a_wrong_etag_is_uploaded_again(zip_file):
    with FakeCloud() as fake:
        url = fake.obs_url()
        fake.reply("PUT", path_of(url), Reply(headers={"ETag": '"0123"'}))
        events = []
        result = put_file(url, zip_file, ZIP_CONTENT_TYPE, WHAT, events.append, None)
        assert result.md5_ok
        assert len(fake.calls("PUT")) == 2
        assert events[-1].sent == events[-1].total == zip_file.stat().st_size


def test_a_wrong_etag_twice_is_an_error(zip_file):
    with FakeCloud() as fake:
        url = fake.obs_url()
        wrong = Reply(headers={"ETag": '"0123"'})
        fake.reply("PUT", path_of(url), wrong, wrong)
        with pytest.raises(ObsError, match="checksum mismatch") as caught:
            put_file(url, zip_file, ZIP_CONTENT_TYPE, WHAT, lambda event: None, None)
        assert "校验和" in caught.value.message.zh


def test_cancelling_an_upload_keeps_the_job_for_the_next_run(sandbox, make_session):
    client = client_of(sandbox())
    session = make_session()
    cancel = threading.Event()

    def cancel_when_uploading(event):
        if event.step == "upload":
            cancel.set()

    with pytest.raises(WorkflowCancelled) as cancelled:
        submit(session, client, reporter=cancel_when_uploading, cancel=cancel)
    assert cancelled.value.exit_code == EXIT_INTERRUPTED
    record = records.latest(session, records.TRAINING)
    assert record["step"] == "created"
    outcome = submit(session, client)
    assert (outcome.action, outcome.job_id) == ("resumed", record["job_id"])
    assert len(training_jobs(client)) == 1
