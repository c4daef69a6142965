"""Cloud settings from the environment and from the keyring; the sandbox fallback decision."""

import threading
import time

import keyring
import pytest
from support.memory_keyring import LockedKeyring, MemoryKeyring

from voicerecorder.cloud.config import (
    GLOBAL_IAM_ENDPOINT,
    AkSkAuth,
    PasswordAuth,
    build_config,
    config_from_env,
    delete_settings,
    is_configured,
    load_config,
    load_settings,
    save_settings,
)
from voicerecorder.cloud.errors import CloudConfigError

PID = "0123456789abcdef0123456789abcdef"


def test_defaults_without_environment(memory_keyring):
    config = load_config({})
    assert config.endpoint == "https://metastudio.cn-north-4.myhuaweicloud.com"
    assert config.region == "cn-north-4"
    assert config.iam_endpoint == GLOBAL_IAM_ENDPOINT
    assert not config.is_configured()
    assert not is_configured({})


def test_credentials_in_an_endpoint_are_dropped_and_never_shown():
    config = config_from_env(
        {
            "METASTUDIO_ENDPOINT": "https://owner:EndpointPw1@metastudio.example.com:8443/",
            "IAM_ENDPOINT": "https://iamuser:IamPw22@iam.example.com",
        }
    )
    assert config.endpoint == "https://metastudio.example.com:8443"
    assert config.iam_endpoint == "https://iam.example.com"
    with pytest.raises(CloudConfigError) as caught:
        config_from_env({"METASTUDIO_ENDPOINT": "https://owner:EndpointPw1@metastudio.example.com/?q=1"})
    assert "EndpointPw1" not in str(caught.value)
    assert "https://***@metastudio.example.com" in caught.value.message.en


def test_environment_with_temporary_credentials():
    config = config_from_env(
        {
            "CLOUD_SDK_AK": "AK1",
            "CLOUD_SDK_SK": "SK-secret-1",
            "CLOUD_SDK_SECURITY_TOKEN": "tok-1",
            "METASTUDIO_REGION": "cn-east-3",
            "METASTUDIO_PROJECT_ID": PID,
        }
    )
    assert config.auth == AkSkAuth("AK1", "SK-secret-1", "tok-1")
    assert config.endpoint == "https://metastudio.cn-east-3.myhuaweicloud.com"
    assert config.project_id == PID
    assert config.is_configured()


def test_sandbox_endpoint_also_serves_iam():
    config = config_from_env(
        {"METASTUDIO_ENDPOINT": "http://127.0.0.1:8765/", "CLOUD_SDK_AK": "a", "CLOUD_SDK_SK": "bbbb"}
    )
    assert config.endpoint == "http://127.0.0.1:8765"
    assert config.iam_endpoint == "http://127.0.0.1:8765"
    explicit = config_from_env(
        {"METASTUDIO_ENDPOINT": "http://127.0.0.1:1", "IAM_ENDPOINT": "http://127.0.0.1:2"}
    )
    assert explicit.iam_endpoint == "http://127.0.0.1:2"


def test_password_credentials_from_environment():
    config = config_from_env({"IAM_USER": "u", "IAM_PASSWORD": "p-secret", "IAM_DOMAIN": "acct"})
    assert config.auth == PasswordAuth("u", "p-secret", "acct")


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"CLOUD_SDK_AK": "only-ak"}, "CLOUD_SDK_SK"),
        ({"CLOUD_SDK_SK": "only-sk"}, "CLOUD_SDK_AK"),
        ({"IAM_USER": "u"}, "IAM_PASSWORD"),
        ({"METASTUDIO_REGION": "ap-southeast-1"}, "cn-north-4, cn-east-3"),
        ({"METASTUDIO_ENDPOINT": "metastudio.example"}, "base URL"),
        ({"METASTUDIO_ENDPOINT": "http://h/?q=1"}, "base URL"),
        ({"METASTUDIO_PROJECT_ID": "not-a-project"}, "32 lower-case"),
    ],
)
def test_bad_environment_is_explained(env, words):
    with pytest.raises(CloudConfigError) as caught:
        config_from_env(env)
    assert words in caught.value.message.en
    assert caught.value.message.zh


@pytest.mark.parametrize(
    "auth", [AkSkAuth("AK2", "SK-secret-2", "tok-2"), PasswordAuth("user", "pw-secret", "acct"), None]
)
def test_settings_round_trip_through_the_keyring(memory_keyring, auth, isolated_data_dir):
    config = build_config(region="cn-east-3", endpoint=None, project_id=PID, auth=auth)
    save_settings(config)
    assert load_settings() == config
    assert is_configured({}) == (auth is not None)
    assert list(isolated_data_dir.rglob("*")) == []
    assert list(memory_keyring.items) == [("voicerecorder", "cloud")]
    delete_settings()
    assert load_settings() is None
    delete_settings()


def test_environment_wins_over_saved_settings(memory_keyring):
    save_settings(
        build_config(region=None, endpoint=None, project_id=None, auth=AkSkAuth("SAVED", "saved-sk"))
    )
    assert load_config({"CLOUD_SDK_AK": "ENV", "CLOUD_SDK_SK": "env-sk"}).auth.ak == "ENV"
    assert load_config({}).auth.ak == "SAVED"


def test_corrupt_saved_settings_are_explained(memory_keyring):
    keyring.set_password("voicerecorder", "cloud", "{not json")
    with pytest.raises(CloudConfigError, match="cannot be read"):
        load_settings()


def test_locked_keyring_is_explained():
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        for action in (
            load_settings,
            delete_settings,
            lambda: save_settings(build_config(region=None, endpoint=None, project_id=None, auth=None)),
        ):
            with pytest.raises(CloudConfigError) as caught:
                action()
            assert "CLOUD_SDK_AK" in caught.value.message.en
            assert "KeyringLocked" in caught.value.message.en
        assert not is_configured({})
        assert load_config({"CLOUD_SDK_AK": "a", "CLOUD_SDK_SK": "bbbb"}).is_configured()
    finally:
        keyring.set_keyring(previous)


class _OverlapDetectingKeyring(MemoryKeyring):
    """Records how many calls were inside the backend at once."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.most_inside = 0
        self._count = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._count:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        time.sleep(0.01)
        with self._count:
            self.inside -= 1
        return super().get_password(service, username)


def test_keyring_is_reached_one_call_at_a_time():
    backend = _OverlapDetectingKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        threads = [threading.Thread(target=load_settings) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        keyring.set_keyring(previous)
    assert backend.most_inside == 1
