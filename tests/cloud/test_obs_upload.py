"""Streaming OBS uploads over real HTTP: headers, memory, progress, cancel, retries, errors, ETag."""

import hashlib
import io
import os
import threading
import time
import tracemalloc

import pytest
from support.cloud_fake import Reply, obs_xml

from voicerecorder.cloud.errors import NetworkError, ObsError, UploadCancelled, UrlExpiredError
from voicerecorder.cloud.obs import UploadBody, parse_obs_error, upload_file
from voicerecorder.cloud.transport import RetryPolicy

FAST = RetryPolicy(attempts=3, base_delay=0.001, max_delay=0.01)


@pytest.fixture
def payload(tmp_path):
    path = tmp_path / "data.zip"
    path.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    return path


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest().encode()


def test_put_sends_exact_headers_and_checks_the_etag(fake, payload):
    url = fake.obs_url()
    result = upload_file(url, payload, "application/zip", retry=FAST)
    assert result.md5_ok
    assert result.etag == hashlib.md5(payload.read_bytes()).hexdigest()
    assert result.size == payload.stat().st_size
    (put,) = fake.calls("PUT")
    assert put.headers["Content-Type"] == "application/zip"
    assert put.headers["Content-Length"] == str(payload.stat().st_size)
    assert "Transfer-Encoding" not in put.headers
    for name in (
        "Authorization",
        "X-Sdk-Date",
        "X-Auth-Token",
        "X-Project-Id",
        "X-Security-Token",
        "Content-MD5",
    ):
        assert name not in put.headers
    assert put.raw_query == url.split("?", 1)[1]
    assert put.body == _sha(payload)


def test_session_secrets_are_not_forwarded(fake, payload):
    import requests

    session = requests.Session()
    session.headers["Authorization"] = "SDK-HMAC-SHA256 Access=x, SignedHeaders=host, Signature=y"
    session.headers["X-Auth-Token"] = "token"
    upload_file(fake.obs_url(), payload, "audio/wav", session=session, retry=FAST)
    (put,) = fake.calls("PUT")
    assert "Authorization" not in put.headers
    assert "X-Auth-Token" not in put.headers
    assert put.headers["Content-Type"] == "audio/wav"


def test_empty_file_uploads(fake, tmp_path):
    path = tmp_path / "0.txt"
    path.write_bytes(b"")
    result = upload_file(fake.obs_url("0.txt"), path, "text/plain", retry=FAST)
    assert result.md5_ok
    assert fake.calls("PUT")[0].headers["Content-Length"] == "0"


def test_memory_stays_bounded_while_streaming(fake, tmp_path):
    path = tmp_path / "big.zip"
    with path.open("wb") as out:
        for _ in range(24):
            out.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    try:
        upload_file(fake.obs_url("big.zip"), path, "application/zip", retry=FAST)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024
    assert fake.calls("PUT")[0].body == _sha(path)


def test_progress_is_throttled_monotonic_and_ends_at_100_percent(fake, payload):
    reports = []
    started = time.monotonic()
    upload_file(
        fake.obs_url(), payload, "application/zip", progress=lambda s, t: reports.append((s, t)), retry=FAST
    )
    elapsed = time.monotonic() - started
    total = payload.stat().st_size
    assert reports[-1] == (total, total)
    assert all(t == total for _, t in reports)
    assert [s for s, _ in reports] == sorted(s for s, _ in reports)
    assert len(reports) <= elapsed / 0.1 + 3


def test_upload_body_reports_at_most_every_interval():
    now = [0.0]
    reports = []
    body = UploadBody(
        io.BytesIO(b"x" * 1000), 1000, lambda s, t: reports.append(s), None, 0.1, lambda: now[0]
    )
    for _ in range(10):
        body.read(10)
        now[0] += 0.03
    assert reports == [10, 50, 90]
    body.seek(0)
    body.read(1000)
    assert body.md5_hex() == hashlib.md5(b"x" * 1000).hexdigest()
    assert reports[-1] == 1000


def test_md5_is_recomputed_when_reading_skipped_around():
    data = bytes(range(256)) * 10
    body = UploadBody(io.BytesIO(data), len(data), None, None)
    body.seek(100)
    body.read(50)
    assert body.md5_hex() == hashlib.md5(data).hexdigest()


def test_cancel_stops_the_upload_promptly(fake, tmp_path):
    path = tmp_path / "big.zip"
    path.write_bytes(os.urandom(32 * 1024 * 1024))
    cancel = threading.Event()
    seen = []

    def progress(sent, total):
        seen.append(sent)
        cancel.set()

    started = time.monotonic()
    with pytest.raises(UploadCancelled) as caught:
        upload_file(fake.obs_url("big.zip"), path, "application/zip", progress, cancel, retry=FAST)
    assert time.monotonic() - started < 5
    assert len(seen) == 1
    assert seen[0] <= 64 * 1024
    assert "cancelled" in caught.value.message.en
    assert caught.value.message.zh == "上传已取消。"


def test_cancel_before_start_sends_nothing(fake, payload):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(UploadCancelled):
        upload_file(fake.obs_url(), payload, "application/zip", cancel=cancel, retry=FAST)


def test_cancel_during_backoff(fake, payload):
    cancel = threading.Event()
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(status=503, body=obs_xml("ServiceUnavailable", "busy")))
    slow = RetryPolicy(attempts=3, base_delay=30, max_delay=30)
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(UploadCancelled):
        upload_file(fake.obs_url(), payload, "application/zip", cancel=cancel, retry=slow)
    assert time.monotonic() - started < 5


def test_5xx_is_retried_with_the_full_body_again(fake, payload):
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(status=500, body=obs_xml("InternalError", "try again")))
    sleeps = []
    result = upload_file(fake.obs_url(), payload, "application/zip", retry=FAST, sleep=sleeps.append)
    first, second = fake.calls("PUT")
    assert first.body == second.body == _sha(payload)
    assert result.md5_ok
    assert len(sleeps) == 1


def test_dropped_connection_is_retried_and_the_body_rewound(fake, payload):
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(drop=True))
    reports = []
    result = upload_file(
        fake.obs_url(), payload, "application/zip", lambda s, t: reports.append(s), retry=FAST
    )
    assert result.md5_ok
    assert fake.calls("PUT")[-1].body == _sha(payload)
    assert len(fake.calls("PUT")) == 2


def test_persistent_5xx_gives_up_with_the_obs_error(fake, payload):
    failure = Reply(status=503, body=obs_xml("ServiceUnavailable", "Please reduce your request rate."))
    fake.reply("PUT", "/obs/bucket/data.zip", failure, failure, failure)
    with pytest.raises(ObsError) as caught:
        upload_file(fake.obs_url(), payload, "application/zip", retry=FAST)
    assert caught.value.code == "ServiceUnavailable"
    assert "reduce your request rate" in str(caught.value)
    assert len(fake.calls("PUT")) == 3


def test_signature_mismatch_is_not_retried(fake, payload):
    fake.reply(
        "PUT", "/obs/bucket/data.zip", Reply(status=403, body=obs_xml("SignatureDoesNotMatch", "no match"))
    )
    with pytest.raises(ObsError) as caught:
        upload_file(fake.obs_url(), payload, "application/zip", retry=FAST)
    assert type(caught.value) is ObsError
    assert "signature" in caught.value.message.en
    assert len(fake.calls("PUT")) == 1


def test_expired_url_is_its_own_error(fake, payload):
    fake.reply(
        "PUT", "/obs/bucket/data.zip", Reply(status=403, body=obs_xml("AccessDenied", "Request has expired"))
    )
    with pytest.raises(UrlExpiredError) as caught:
        upload_file(fake.obs_url(), payload, "application/zip", retry=FAST)
    assert caught.value.code == "AccessDenied"
    assert "expired" in caught.value.message.en
    assert "过期" in caught.value.message.zh
    assert len(fake.calls("PUT")) == 1


def test_etag_mismatch_is_reported(fake, payload, caplog):
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(headers={"ETag": '"0123456789abcdef0123456789abcdef"'}))
    result = upload_file(fake.obs_url(), payload, "application/zip", retry=FAST)
    assert not result.md5_ok
    assert result.md5 == hashlib.md5(payload.read_bytes()).hexdigest()
    assert "differs" in caplog.text


def test_unreachable_obs_is_a_network_error(payload):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/obs/bucket/data.zip?Signature=abc"
    with pytest.raises(NetworkError) as caught:
        upload_file(url, payload, "application/zip", retry=FAST, sleep=lambda s: None)
    assert "Signature=abc" not in str(caught.value)


@pytest.mark.parametrize(
    ("status", "body", "code", "words"),
    [
        (400, obs_xml("EntityTooLarge", "too big"), "EntityTooLarge", "5 GB"),
        (403, obs_xml("RequestTimeTooSkewed", "skewed"), "RequestTimeTooSkewed", "clock"),
        (403, b"<html>proxy says no</html>", "HTTP 403", "refused"),
        (502, b"", "HTTP 502", "refused"),
    ],
)
def test_obs_error_bodies_are_parsed(status, body, code, words):
    error = parse_obs_error(status, body)
    assert error.code == code
    assert words in error.message.en
    assert error.status == status


def test_invalid_upload_url_is_not_retried(payload):
    sleeps = []
    with pytest.raises(NetworkError, match="not a valid http") as caught:
        upload_file("my-bucket/data.zip", payload, "application/zip", retry=FAST, sleep=sleeps.append)
    assert caught.value.transient is False
    assert sleeps == []


def test_missing_file_is_explained(fake, tmp_path):
    from voicerecorder.errors import UserFacingError

    with pytest.raises(UserFacingError, match="Cannot read the file to upload") as caught:
        upload_file(fake.obs_url(), tmp_path / "gone.zip", "application/zip", retry=FAST)
    assert "重新打包" in caught.value.message.zh
    assert fake.seen == []


def test_file_over_5_gb_is_refused_before_sending(fake, tmp_path):
    path = tmp_path / "huge.zip"
    with path.open("wb") as out:
        out.truncate(5 * 1024**3 + 1)
    with pytest.raises(ObsError, match="5 GB") as caught:
        upload_file(fake.obs_url(), path, "application/zip", retry=FAST)
    assert caught.value.code == "EntityTooLarge"
    assert fake.seen == []


def test_a_redirected_upload_is_named_a_redirect(fake, payload):
    location = "https://other-bucket.obs.cn-east-3.myhuaweicloud.com/data.zip"
    fake.reply("PUT", "/obs/bucket/data.zip", Reply(status=307, body=b"", headers={"Location": location}))
    with pytest.raises(ObsError) as caught:
        upload_file(fake.obs_url(), payload, "application/zip", retry=FAST, sleep=lambda s: None)
    assert "redirect (HTTP 307) to other-bucket.obs.cn-east-3.myhuaweicloud.com" in caught.value.message.en
    assert "refused" not in caught.value.message.en
    assert len(fake.calls("PUT")) == 1
