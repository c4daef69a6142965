"""The app user id (X-App-UserId): from the settings, METASTUDIO_APP_USER_ID or --app-user-id,
validated with a clear message (printable ASCII only, the service refuses Chinese)."""

import contextlib

import pytest

from voicerecorder.cloud.config import (
    APP_USER_ID_MAX,
    AkSkAuth,
    build_config,
    check_app_user_id,
    load_config,
    load_settings,
    save_settings,
)
from voicerecorder.cloud.errors import CloudConfigError
from voicerecorder.workflow.target import open_target

AKSK = {"CLOUD_SDK_AK": "AK", "CLOUD_SDK_SK": "SK", "METASTUDIO_PROJECT_ID": "0" * 32}


def saved(app_user_id: str | None) -> None:
    save_settings(
        build_config(
            region=None, endpoint=None, project_id=None, auth=AkSkAuth("A", "S"), app_user_id=app_user_id
        )
    )


def test_the_environment_names_the_app_user_id(memory_keyring):
    assert load_config({**AKSK, "METASTUDIO_APP_USER_ID": " reseller-7 "}).app_user_id == "reseller-7"
    assert load_config(AKSK).app_user_id is None
    assert load_config({**AKSK, "METASTUDIO_APP_USER_ID": "  "}).app_user_id is None


def test_saved_settings_keep_it_and_the_environment_overrides_them(memory_keyring):
    saved("saved-user")
    assert load_settings().app_user_id == "saved-user"
    assert load_config({}).app_user_id == "saved-user"
    assert load_config({"METASTUDIO_APP_USER_ID": "env-user"}).app_user_id == "env-user"


@pytest.mark.parametrize(
    ("value", "words_en", "words_zh"),
    [
        ("用户", "printable ASCII", "ASCII"),
        ("tab\there", "printable ASCII", "ASCII"),
        ("é-user", "printable ASCII", "ASCII"),
        ("u" * (APP_USER_ID_MAX + 1), f"at most {APP_USER_ID_MAX} characters", f"最多 {APP_USER_ID_MAX}"),
    ],
)
def test_a_bad_app_user_id_is_refused_naming_the_field_and_the_rule(
    memory_keyring, value, words_en, words_zh
):
    with pytest.raises(CloudConfigError) as refused:
        check_app_user_id(value)
    assert "app_user_id" in refused.value.message.en
    assert words_en in refused.value.message.en
    assert "app_user_id" in refused.value.message.zh
    assert words_zh in refused.value.message.zh
    with pytest.raises(CloudConfigError):
        load_config({**AKSK, "METASTUDIO_APP_USER_ID": value})


def test_the_option_wins_over_the_environment_for_the_sandbox(memory_keyring, isolated_data_dir):
    env = {"METASTUDIO_APP_USER_ID": "env-user"}
    with open_target(sandbox=True, env=env) as target:
        assert target.client.config.app_user_id == "env-user"
    with open_target(sandbox=True, env=env, app_user_id="option-user") as target:
        assert target.client.config.app_user_id == "option-user"
    with pytest.raises(CloudConfigError, match="printable ASCII"), contextlib.ExitStack() as stack:
        stack.enter_context(open_target(sandbox=True, env={}, app_user_id="用户"))


def test_the_option_wins_over_the_saved_settings_for_the_cloud(memory_keyring):
    saved("saved-user")
    with open_target(env={}, app_user_id="option-user") as target:
        assert target.client.config.app_user_id == "option-user"
    with open_target(env={}) as target:
        assert target.client.config.app_user_id == "saved-user"


def test_the_saved_app_user_id_reaches_the_sandbox_too(memory_keyring, isolated_data_dir):
    save_settings(
        build_config(region=None, endpoint=None, project_id=None, auth=None, app_user_id="saved-user")
    )
    with open_target(sandbox=True, env={}) as target:
        assert target.client.config.app_user_id == "saved-user"
    with open_target(sandbox=True, env={"METASTUDIO_APP_USER_ID": "env-user"}) as target:
        assert target.client.config.app_user_id == "env-user"
    with open_target(env={}) as target:
        assert target.is_sandbox
        assert target.client.config.app_user_id == "saved-user"


def test_half_set_credentials_do_not_stop_the_sandbox(memory_keyring, isolated_data_dir):
    with open_target(
        sandbox=True, env={"CLOUD_SDK_AK": "AK-only", "METASTUDIO_APP_USER_ID": "env-user"}
    ) as target:
        assert target.is_sandbox
        assert target.client.config.app_user_id == "env-user"
