"""The Settings dialog: secrets only in the keyring, preferences in QSettings, Test connection."""

from __future__ import annotations

import json

import keyring
import pytest
from PySide6.QtCore import QSettings
from support.memory_keyring import LockedKeyring, memory_keyring  # noqa: F401 (fixtures)
from support.ui_cloud import sandbox_server  # noqa: F401 (fixtures)

from voicerecorder.cloud.config import AkSkAuth, build_config, load_settings, save_settings
from voicerecorder.paths import data_dir, sessions_dir
from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, DEMO_DOMAIN, DEMO_PASSWORD, DEMO_USER
from voicerecorder.ui import i18n
from voicerecorder.ui.cloud_options import DATA_FOLDER, USE_SANDBOX, apply_data_folder
from voicerecorder.ui.dialogs.settings_dialog import CUSTOM, SettingsDialog
from voicerecorder.ui.settings import UI_LANGUAGE

SECRET = "MySecretKey-Only-In-The-Keyring-42"


@pytest.fixture(autouse=True)
def clean(memory_keyring):  # noqa: F811
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def dialog(qtbot, services) -> SettingsDialog:
    made = SettingsDialog(services)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: made.device.count() > 0)
    qtbot.waitUntil(lambda: not made.runner.busy)
    return made


def settings_file_text(services) -> str:
    store: QSettings = services.settings._store
    store.sync()
    with open(store.fileName(), encoding="utf-8") as handle:
        return handle.read()


def use_endpoint(dialog: SettingsDialog, url: str, project: str = "") -> None:
    dialog.region.setCurrentIndex(dialog.region.findData(CUSTOM))
    dialog.endpoint.setText(url)
    dialog.project.setText(project)


def test_secrets_go_to_the_keyring_and_never_to_qsettings(qtbot, dialog, services, memory_keyring):  # noqa: F811
    dialog.ak.setText("AKEXAMPLE123")
    dialog.sk.setText(SECRET)
    dialog.project.setText("0123456789abcdef0123456789abcdef")
    dialog.sandbox.setChecked(True)
    dialog.data_folder.setText("/tmp/vr-data")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    stored = json.loads(memory_keyring.items[("voicerecorder", "cloud")])
    assert stored["auth"]["sk"] == SECRET
    text = settings_file_text(services)
    assert SECRET not in text
    assert "AKEXAMPLE123" not in text
    assert services.settings.get(USE_SANDBOX) is True
    assert services.settings.get(DATA_FOLDER) == "/tmp/vr-data"


def test_iam_password_is_saved_in_the_keyring_only(qtbot, dialog, services):
    dialog.use_password.setChecked(True)
    dialog.user.setText("alice")
    dialog.password.setText(SECRET)
    dialog.domain.setText("acme")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    saved = load_settings()
    assert saved is not None
    assert saved.auth.password == SECRET
    assert SECRET not in settings_file_text(services)


def test_saved_settings_fill_the_form(qtbot, services):
    save_settings(
        build_config(region="cn-east-3", endpoint=None, project_id=None, auth=AkSkAuth("AK1", SECRET))
    )
    made = SettingsDialog(services)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: made.sk.text() == SECRET)
    assert made.region.currentData() == "cn-east-3"
    assert made.ak.text() == "AK1"
    assert made.sk.echoMode() == made.sk.EchoMode.Password


def test_clearing_the_credentials_forgets_them(qtbot, dialog, memory_keyring):  # noqa: F811
    save_settings(build_config(region=None, endpoint=None, project_id=None, auth=AkSkAuth("AK1", SECRET)))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    assert memory_keyring.items == {}


def test_half_entered_keys_are_refused_with_a_message(qtbot, dialog, memory_keyring):  # noqa: F811
    dialog.ak.setText("AKONLY")
    dialog.accept()
    assert dialog.isVisible()
    assert "secret key" in dialog.banner.text
    assert memory_keyring.items == {}


def test_a_bad_project_id_is_refused(qtbot, dialog):
    dialog.project.setText("not-a-project")
    dialog.accept()
    assert "32" in dialog.banner.text
    assert dialog.isVisible()


def test_a_locked_keyring_is_reported_and_the_dialog_stays_open(qtbot, dialog):
    keyring.set_keyring(LockedKeyring())
    dialog.ak.setText("AK1")
    dialog.sk.setText(SECRET)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    assert "credential store" in dialog.banner.text
    assert dialog.isVisible()
    assert SECRET not in dialog.banner.text


def test_language_choice_is_saved_and_applied(qtbot, dialog, services):
    dialog.language.setCurrentIndex(2)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    assert services.settings.get(UI_LANGUAGE) == "zh_CN"
    assert i18n.current_language() == "zh_CN"


def test_test_connection_succeeds_against_the_sandbox(qtbot, dialog, sandbox_server):  # noqa: F811
    use_endpoint(dialog, sandbox_server.base_url, sandbox_server.project_id)
    dialog.ak.setText(DEFAULT_AK)
    dialog.sk.setText(DEFAULT_SK)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.text.startswith("✔"), timeout=15000)
    assert sandbox_server.base_url in dialog.test_result.text


def test_test_connection_with_an_iam_user(qtbot, dialog, sandbox_server):  # noqa: F811
    use_endpoint(dialog, sandbox_server.base_url)
    dialog.use_password.setChecked(True)
    dialog.user.setText(DEMO_USER)
    dialog.password.setText(DEMO_PASSWORD)
    dialog.domain.setText(DEMO_DOMAIN)
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text.startswith("✔"), timeout=15000)


def test_test_connection_reports_a_wrong_secret_key(qtbot, dialog, sandbox_server):  # noqa: F811
    use_endpoint(dialog, sandbox_server.base_url, sandbox_server.project_id)
    dialog.ak.setText(DEFAULT_AK)
    dialog.sk.setText("WrongSecretKey0000")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text.startswith("✖"), timeout=15000)
    assert dialog.test_result.kind == "error"
    assert "WrongSecretKey0000" not in dialog.test_result.text
    assert dialog.test_button.isEnabled()


def test_test_connection_in_chinese(qtbot, dialog, sandbox_server):  # noqa: F811
    i18n.set_language("zh_CN")
    use_endpoint(dialog, sandbox_server.base_url, sandbox_server.project_id)
    dialog.ak.setText(DEFAULT_AK)
    dialog.sk.setText(DEFAULT_SK)
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text.startswith("✔"), timeout=15000)
    assert "已连接" in dialog.test_result.text


def test_test_connection_with_the_sandbox_switch(qtbot, dialog):
    dialog.sandbox.setChecked(True)
    assert not dialog.ak.isEnabled()
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text.startswith("✔"), timeout=15000)
    assert "Sandbox" in dialog.test_result.text


def test_test_connection_without_credentials_says_what_to_enter(qtbot, dialog):
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_result.text.startswith("✖"), timeout=5000)
    assert "access key" in dialog.test_result.text


def test_a_chosen_data_folder_becomes_the_data_folder(services, tmp_path, monkeypatch):
    services.settings.set(DATA_FOLDER, str(tmp_path / "elsewhere"))
    apply_data_folder(services.settings)
    assert data_dir() == tmp_path / "elsewhere"
    assert sessions_dir() == tmp_path / "elsewhere" / "sessions"


def test_the_app_user_id_is_saved_with_the_credentials(qtbot, dialog, memory_keyring):  # noqa: F811
    dialog.ak.setText("AK1")
    dialog.sk.setText(SECRET)
    dialog.app_user_id.setText("  reseller-42  ")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    saved = load_settings()
    assert saved is not None
    assert saved.app_user_id == "reseller-42"
    assert saved.auth == AkSkAuth("AK1", SECRET)


def test_the_app_user_id_alone_is_kept_for_the_sandbox(qtbot, dialog, memory_keyring):  # noqa: F811
    dialog.sandbox.setChecked(True)
    dialog.app_user_id.setText("studio-7")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    saved = load_settings()
    assert saved is not None
    assert saved.app_user_id == "studio-7"
    assert not saved.is_configured()


def test_a_saved_app_user_id_fills_its_field(qtbot, services):
    save_settings(
        build_config(
            region=None, endpoint=None, project_id=None, auth=AkSkAuth("AK1", SECRET), app_user_id="u-1"
        )
    )
    made = SettingsDialog(services)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: made.app_user_id.text() == "u-1")


@pytest.mark.parametrize(
    ("value", "rule"), [("用户一", "printable ASCII"), ("x" * 65, "at most 64")], ids=["chinese", "too-long"]
)
def test_a_bad_app_user_id_is_refused_beside_its_field(qtbot, dialog, memory_keyring, value, rule):  # noqa: F811
    dialog.ak.setText("AK1")
    dialog.sk.setText(SECRET)
    dialog.app_user_id.setText(value)
    dialog.accept()
    assert dialog.isVisible()
    error = dialog.app_user_field.error
    assert error.isVisible()
    assert "app_user_id" in error.text()
    assert rule in error.text()
    assert memory_keyring.items == {}
    dialog.app_user_id.setText("ok-user")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    assert not error.isVisible()


def test_a_bad_app_user_id_is_named_in_chinese(qtbot, dialog):
    i18n.set_language("zh_CN")
    dialog.app_user_id.setText("用户一")
    dialog.accept()
    assert "应用用户 ID（app_user_id" in dialog.app_user_field.error.text()
    assert "ASCII" in dialog.app_user_field.error.text()


def test_the_environments_app_user_id_is_shown_as_the_one_in_use(qtbot, services, monkeypatch):
    monkeypatch.setenv("METASTUDIO_APP_USER_ID", "from-env-9")
    made = SettingsDialog(services)
    qtbot.addWidget(made)
    made.show()
    note = made.app_user_field.warning
    assert note.isVisible()
    assert "METASTUDIO_APP_USER_ID" in note.text()
    assert "from-env-9" in note.text()
    assert made.app_user_id.text() == ""


def test_without_the_environment_variable_there_is_no_note(dialog):
    assert not dialog.app_user_field.warning.isVisible()
