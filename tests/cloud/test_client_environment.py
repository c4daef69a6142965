"""The client ignores ~/.netrc and credentials in URLs, and still goes through the proxy the
environment names."""

from __future__ import annotations

import pytest
from support.cloud_fake import AK, PROJECT_ID, SK, Reply

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, build_config
from voicerecorder.cloud.obs import upload_file
from voicerecorder.cloud.transport import RetryPolicy

FAST = RetryPolicy(attempts=2, base_delay=0.001, max_delay=0.001)
NETRC_PASSWORD = "NetrcPassw0rd"


@pytest.fixture
def netrc_for_everything(tmp_path, monkeypatch):
    """A ~/.netrc (and $NETRC) with a login for every host, as a developer's machine may have."""
    path = tmp_path / "home" / ".netrc"
    path.parent.mkdir()
    path.write_text(
        f"machine 127.0.0.1 login netrcuser password {NETRC_PASSWORD}\n"
        f"machine metastudio.invalid login netrcuser password {NETRC_PASSWORD}\n"
        f"default login netrcuser password {NETRC_PASSWORD}\n",
        encoding="utf-8",
    )
    path.chmod(0o600)
    monkeypatch.setenv("HOME", str(path.parent))
    monkeypatch.setenv("NETRC", str(path))


def _client(endpoint: str) -> MetaStudioClient:
    config = build_config(region=None, endpoint=endpoint, project_id=PROJECT_ID, auth=AkSkAuth(AK, SK))
    return MetaStudioClient(config, retry=FAST)


def _no_basic_credentials(fake) -> None:
    assert fake.seen
    for seen in fake.seen:
        assert not seen.headers.get("Authorization", "").startswith("Basic")


def test_netrc_never_replaces_the_signature(fake, netrc_for_everything):
    fake.reply("GET", fake.ms_path("user/jobs"), Reply(body={"count": 0, "jobs": []}))
    assert _client(fake.base_url).list_voice_training_jobs().count == 0
    [seen] = fake.seen
    assert seen.headers["Authorization"].startswith("SDK-HMAC-SHA256")
    _no_basic_credentials(fake)


def test_credentials_in_the_endpoint_are_never_sent(fake):
    fake.reply("GET", fake.ms_path("user/jobs"), Reply(body={"count": 0, "jobs": []}))
    endpoint = fake.base_url.replace("http://", "http://urluser:UrlPassw0rd@")
    assert _client(endpoint).list_voice_training_jobs().count == 0
    _no_basic_credentials(fake)


def test_netrc_never_reaches_the_storage_service(fake, netrc_for_everything, tmp_path):
    payload = tmp_path / "data.zip"
    payload.write_bytes(b"zip" * 1000)
    assert upload_file(fake.obs_url(), payload, "application/zip", retry=FAST).md5_ok
    [seen] = fake.seen
    assert "Authorization" not in seen.headers


def test_the_proxy_from_the_environment_still_carries_the_calls(fake, netrc_for_everything, monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", fake.base_url)
    fake.reply("GET", fake.ms_path("user/jobs"), Reply(body={"count": 0, "jobs": []}))
    assert _client("http://metastudio.invalid").list_voice_training_jobs().count == 0
    [seen] = fake.seen
    assert seen.headers["Host"] == "metastudio.invalid"
    _no_basic_credentials(fake)
