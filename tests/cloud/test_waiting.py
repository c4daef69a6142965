"""A slow service is never silent: a call without an answer, a stalled upload and every retry
say what the app waits for, since when, and when it gives up."""

from __future__ import annotations

import dataclasses
import re

from support.cloud_fake import Reply

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.obs import upload_file
from voicerecorder.cloud.transport import RetryPolicy

FAST = RetryPolicy(attempts=4, base_delay=0.001, max_delay=0.001)
JOB = {"job_id": "job-1", "state": "CREATING"}
SINCE = re.compile(r"since \d\d:\d\d:\d\d, \d+ s so far")


def _impatient(client: MetaStudioClient) -> MetaStudioClient:
    config = dataclasses.replace(client.config, first_notice_s=0.2)
    return MetaStudioClient(config, retry=FAST)


def test_a_call_without_an_answer_says_what_it_waits_for_and_since_when(fake, client):
    fake.reply("GET", fake.ms_path("user/jobs/job-1"), Reply(body=JOB, delay=1.0))
    notices = []
    slow = _impatient(client)
    with slow.reporting_waits(notices.append):
        assert slow.show_voice_training_job("job-1").job_id == "job-1"
    assert notices
    host = fake.base_url.removeprefix("http://")
    first = notices[0]
    assert first.en.startswith(f"Still waiting for {host} (GET user/jobs/job-1) since ")
    assert SINCE.search(first.en)
    assert "gives up after 60 s without an answer" in first.en
    assert f"仍在等待 {host}" in first.zh


def test_no_listener_after_the_block(fake, client):
    fake.reply("GET", fake.ms_path("user/jobs/job-1"), Reply(body=JOB, delay=1.0))
    notices = []
    slow = _impatient(client)
    with slow.reporting_waits(notices.append):
        pass
    slow.show_voice_training_job("job-1")
    assert notices == []


def test_every_retry_is_announced(fake, client):
    path = fake.ms_path("user/jobs/job-1")
    busy = {"error_code": "MSS.00000005", "error_msg": "busy"}
    fake.reply("GET", path, Reply(status=503, body=busy), Reply(body=JOB))
    notices = []
    with client.reporting_waits(notices.append):
        client.show_voice_training_job("job-1")
    [notice] = notices
    assert notice.en.startswith(
        fake.base_url.removeprefix("http://") + ": MetaStudio had an internal problem"
    )
    assert "Trying again in 0 s (attempt 2 of 4)." in notice.en
    assert "第 2 次，共 4 次" in notice.zh


def test_a_stalled_upload_says_so(fake, tmp_path):
    payload = tmp_path / "data.zip"
    payload.write_bytes(b"z" * 1000)
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(delay=1.0))
    notices = []
    result = upload_file(
        fake.obs_url(), payload, "application/zip", waiting=notices.append, first_notice_s=0.2
    )
    assert result.md5_ok
    assert notices
    assert "(upload of data.zip) since" in notices[0].en
    assert "gives up after 120 s" in notices[0].en


def test_an_upload_retry_is_announced(fake, tmp_path):
    payload = tmp_path / "data.zip"
    payload.write_bytes(b"z" * 100_000)
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(drop=True))
    notices = []
    result = upload_file(fake.obs_url(), payload, "application/zip", retry=FAST, waiting=notices.append)
    assert result.md5_ok
    [notice] = notices
    assert notice.en.startswith(fake.base_url.removeprefix("http://") + ": Cannot reach")
    assert notice.en.endswith("Trying again in 0 s (attempt 2 of 4).")
