"""The client against the project's sandbox: every auth mode, a job's life and its upload."""

from urllib.parse import parse_qsl, urlencode

import pytest

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, PasswordAuth, build_config
from voicerecorder.cloud.errors import AuthError, NotFoundError, ObsError, UrlExpiredError
from voicerecorder.cloud.models import CreateShortJobReq, CreateTrainingJobReq, ListJobsQuery
from voicerecorder.cloud.obs import upload_file
from voicerecorder.cloud.transport import RetryPolicy
from voicerecorder.sandbox import credentials
from voicerecorder.sandbox.server import in_process

FAST = RetryPolicy(attempts=2, base_delay=0.001)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    with in_process(tmp_path_factory.mktemp("sandbox")) as server:
        yield server


def _client(sandbox, auth, project_id=None):
    config = build_config(region=None, endpoint=sandbox.base_url, project_id=project_id, auth=auth)
    return MetaStudioClient(config, retry=FAST, sleep=lambda s: None)


def test_project_lookup_with_aksk(sandbox):
    client = _client(sandbox, AkSkAuth(credentials.DEFAULT_AK, credentials.DEFAULT_SK))
    assert client.project_id == credentials.project_id_for("cn-north-4")
    created = client.create_training_job(
        "BASIC",
        CreateTrainingJobReq(voice_name="project lookup", sex="FEMALE", language="CN", create_type="PACKAGE"),
    )
    listed = client.list_voice_training_jobs(ListJobsQuery(job_id=created.job_id, limit=5))
    assert (listed.count, [job.job_id for job in listed.jobs]) == (1, [created.job_id])
    client.delete_voice_training_job(created.job_id)


def test_password_token(sandbox):
    auth = PasswordAuth(credentials.DEMO_USER, credentials.DEMO_PASSWORD, credentials.DEMO_DOMAIN)
    client = _client(sandbox, auth)
    assert client.show_tenant_duration_cfg().basic_min is not None
    with pytest.raises(AuthError):
        _client(sandbox, PasswordAuth(credentials.DEMO_USER, "wrong", credentials.DEMO_DOMAIN)).project_id  # noqa: B018


def test_temporary_credentials(sandbox):
    auth = AkSkAuth(credentials.TEMPORARY_AK, credentials.TEMPORARY_SK, credentials.SECURITY_TOKEN)
    assert _client(sandbox, auth, sandbox.project_id).show_voice_training_quotas().resource_available_nums


def test_wrong_secret_is_refused(sandbox):
    client = _client(sandbox, AkSkAuth(credentials.DEFAULT_AK, "not-the-secret"), sandbox.project_id)
    with pytest.raises(AuthError):
        client.show_tenant_duration_cfg()


def test_training_job_create_upload_show_delete(sandbox, tmp_path):
    client = _client(sandbox, AkSkAuth(credentials.DEFAULT_AK, credentials.DEFAULT_SK), sandbox.project_id)
    created = client.create_training_job(
        "BASIC",
        CreateTrainingJobReq(voice_name="sandbox voice", sex="MALE", language="CN", create_type="PACKAGE"),
    )
    package = tmp_path / "data.zip"
    package.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    result = upload_file(created.training_data_uploading_url, package, "application/zip", retry=FAST)
    assert result.md5_ok
    assert client.show_voice_training_job(created.job_id).state == "CREATING"
    fresh = client.show_job_uploading_address(created.job_id)
    assert fresh.package_url.training_data_uploading_url
    client.delete_voice_training_job(created.job_id)
    with pytest.raises(NotFoundError):
        client.show_voice_training_job(created.job_id)


def test_short_job_url_rejects_another_content_type(sandbox, tmp_path):
    client = _client(sandbox, AkSkAuth(credentials.DEFAULT_AK, credentials.DEFAULT_SK), sandbox.project_id)
    created = client.create_short_job(CreateShortJobReq(language="CN"))
    path = tmp_path / "a.zip"
    path.write_bytes(b"zip")
    with pytest.raises(ObsError) as caught:
        upload_file(created.data_uploading_url, path, "application/octet-stream", retry=FAST)
    assert caught.value.code == "SignatureDoesNotMatch"
    base, _, query = created.data_uploading_url.partition("?")
    pairs = [(k, "1" if k == "Expires" else v) for k, v in parse_qsl(query)]
    with pytest.raises(UrlExpiredError):
        upload_file(f"{base}?{urlencode(pairs)}", path, "application/zip", retry=FAST)
