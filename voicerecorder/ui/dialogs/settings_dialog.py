"""Settings: where MetaStudio is and who signs in (secrets go to the OS keyring), and app preferences.

Cloud settings are saved with ``voicerecorder.cloud.config.save_settings`` (one keyring entry);
only non-secret preferences (sandbox switch, microphone, language, data folder) go to QSettings.
Reading and writing the keyring and testing the connection run in workers.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.audio.backend import DeviceInfo
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import (
    APP_USER_ID_ENV,
    DEFAULT_REGION,
    REGIONS,
    AkSkAuth,
    Auth,
    CloudConfig,
    PasswordAuth,
    build_config,
    check_app_user_id,
    default_endpoint,
    delete_settings,
    load_settings,
    save_settings,
)
from voicerecorder.errors import UserFacingError
from voicerecorder.text import Bilingual
from voicerecorder.ui import i18n
from voicerecorder.ui.cloud_options import DATA_FOLDER, USE_SANDBOX
from voicerecorder.ui.error_message import error_text
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.services import Services
from voicerecorder.ui.settings import UI_LANGUAGE
from voicerecorder.ui.widgets.banner import Banner
from voicerecorder.ui.widgets.checked_field import CheckedField
from voicerecorder.ui.workers import TaskRunner
from voicerecorder.workflow.target import open_target

CUSTOM = "custom"
CLOUD_LABELS = ("region", "endpoint", "project", "ak", "sk", "user", "password", "domain", "app_user")
LANGUAGE_CHOICES = ("", "en", "zh_CN")


def _incomplete(en: str, zh: str) -> UserFacingError:
    return UserFacingError(Bilingual(en, zh))


def probe_connection(config: CloudConfig | None, use_sandbox: bool) -> Bilingual:
    """Make one cheap call (ShowVoiceTrainingQuotas) and describe the result. Worker thread."""
    if use_sandbox:
        with open_target(sandbox=True) as target:
            quotas = target.client.show_voice_training_quotas()
        where = target.label or Bilingual("Sandbox", "沙箱")
    else:
        if config is None or not config.is_configured():
            raise _incomplete(
                "Enter an access key and secret key, or an IAM user, password and account first.",
                "请先填写访问密钥和私有访问密钥，或 IAM 用户名、密码和账号名。",
            )
        client = MetaStudioClient(config)
        quotas = client.show_voice_training_quotas()
        where = Bilingual(
            f"{config.endpoint} (project {client.project_id})",
            f"{config.endpoint}（项目 {client.project_id}）",
        )
    return connected_message(where, quotas.count or 0)


def connected_message(where: Bilingual, resources: int) -> Bilingual:
    """What a successful Test connection says."""
    return Bilingual(
        f"Connected to {where.en}. Training resources listed: {resources}.",
        f"已连接到 {where.zh}。列出的训练资源：{resources} 个。",
    )


def store_cloud_settings(config: CloudConfig | None) -> None:
    """Save ``config`` in the keyring, or forget saved settings when it has neither credentials nor an
    app user id. Worker thread."""
    if config is None or not (config.is_configured() or config.app_user_id):
        delete_settings()
    else:
        save_settings(config)


class SettingsDialog(Retranslating, QDialog):
    """The Settings dialog; ``accept()`` validates, saves (keyring in a worker) and closes when saved."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings
        self.runner = TaskRunner(self)
        self.banner, self.test_result = Banner(), Banner()
        self.tabs = QTabWidget()
        self._build_cloud_tab()
        self._build_app_tab()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        self.retranslate()
        self._load()

    # Layout

    def _build_cloud_tab(self) -> None:
        self.sandbox = QCheckBox()
        self.region = QComboBox()
        for region in REGIONS:
            self.region.addItem(region, region)
        self.region.addItem("", CUSTOM)
        self.endpoint = QLineEdit()
        self.project = QLineEdit()
        self.use_keys, self.use_password = QRadioButton(), QRadioButton()
        self.use_keys.setChecked(True)
        self.ak, self.sk = QLineEdit(), QLineEdit()
        self.user, self.password, self.domain = QLineEdit(), QLineEdit(), QLineEdit()
        self.app_user_id = QLineEdit()
        self.app_user_field = CheckedField(self.app_user_id)
        for secret in (self.sk, self.password):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton()
        self.form = QFormLayout()
        self.labels = {name: QLabel() for name in CLOUD_LABELS}
        fields = {
            "region": self.region, "endpoint": self.endpoint, "project": self.project, "ak": self.ak,
            "sk": self.sk, "user": self.user, "password": self.password, "domain": self.domain,
        }  # fmt: skip
        kinds = QHBoxLayout()
        kinds.addWidget(self.use_keys)
        kinds.addWidget(self.use_password)
        kinds.addStretch(1)
        self.form.addRow(self.sandbox)
        for name in ("region", "endpoint", "project"):
            self.form.addRow(self.labels[name], fields[name])
        self.form.addRow(kinds)
        for name in ("ak", "sk", "user", "password", "domain"):
            self.form.addRow(self.labels[name], fields[name])
            self.labels[name].setBuddy(fields[name])
        for name in ("region", "endpoint", "project"):
            self.labels[name].setBuddy(fields[name])
        self.labels["app_user"].setBuddy(self.app_user_id)
        self.form.addRow(self.labels["app_user"], self.app_user_field)
        test_row = QVBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result)
        self.form.addRow(test_row)
        page = QWidget()
        page.setLayout(self.form)
        self.tabs.addTab(page, "")
        self.region.currentIndexChanged.connect(self._update_enabled)
        self.use_keys.toggled.connect(self._update_enabled)
        self.sandbox.toggled.connect(self._update_enabled)
        self.test_button.clicked.connect(self.test_connection)

    def _build_app_tab(self) -> None:
        self.device = QComboBox()
        self.language = QComboBox()
        for _ in LANGUAGE_CHOICES:
            self.language.addItem("")
        self.data_folder = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.app_labels = {name: QLabel() for name in ("device", "language", "data")}
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(self.browse)
        self.data_note = QLabel()
        self.data_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.app_labels["device"], self.device)
        form.addRow(self.app_labels["language"], self.language)
        form.addRow(self.app_labels["data"], folder_row)
        form.addRow(self.data_note)
        self.app_labels["device"].setBuddy(self.device)
        self.app_labels["language"].setBuddy(self.language)
        self.app_labels["data"].setBuddy(self.data_folder)
        page = QWidget()
        page.setLayout(form)
        self.tabs.addTab(page, "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("&Huawei Cloud"))
        self.tabs.setTabText(1, self.tr("A&pp"))
        self.sandbox.setText(self.tr("Use the &sandbox (a local test service; nothing leaves this computer)"))
        self.region.setItemText(len(REGIONS), self.tr("Custom URL…"))
        texts = {
            "region": self.tr("&Region:"), "endpoint": self.tr("Endpoint &URL:"),
            "project": self.tr("&Project ID:"), "ak": self.tr("&Access key (AK):"),
            "sk": self.tr("Se&cret key (SK):"), "user": self.tr("IAM us&er:"),
            "password": self.tr("Pass&word:"), "domain": self.tr("Account (&domain):"),
            "app_user": self.tr("App user ID (third-part&y):"),
        }  # fmt: skip
        for name, text in texts.items():
            self.labels[name].setText(text)
            self.labels[name].buddy().setAccessibleName(text.replace("&", "").rstrip(":："))
        self.project.setPlaceholderText(self.tr("32 characters; empty = look it up"))
        self.endpoint.setPlaceholderText("https://metastudio.cn-north-4.myhuaweicloud.com")
        self.app_user_id.setPlaceholderText(
            self.tr("Optional: the user a reseller's job is for, sent as X-App-UserId (ASCII only)")
        )
        self._show_app_user_from_env()
        self.use_keys.setText(self.tr("Sign in with an access &key"))
        self.use_password.setText(self.tr("Sign in as an &IAM user"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.app_labels["device"].setText(self.tr("Default &microphone:"))
        self.app_labels["language"].setText(self.tr("&Language:"))
        self.app_labels["data"].setText(self.tr("Data &folder:"))
        for index, text in enumerate((self.tr("Same as the system"), "English", "中文（简体）")):
            self.language.setItemText(index, text)
        self.device.setAccessibleName(self.tr("Default microphone"))
        self.language.setAccessibleName(self.tr("Language"))
        self.data_folder.setAccessibleName(self.tr("Data folder"))
        self.data_folder.setPlaceholderText(self.tr("Default folder"))
        self.browse.setText(self.tr("&Browse…"))
        self.data_note.setText(self.tr("A new data folder is used after the app is restarted."))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    # Loading

    def _load(self) -> None:
        self.sandbox.setChecked(self.settings.get(USE_SANDBOX))
        self.language.setCurrentIndex(max(0, LANGUAGE_CHOICES.index(self.settings.get(UI_LANGUAGE) or "")))
        self.data_folder.setText(self.settings.get(DATA_FOLDER))
        self.region.setCurrentIndex(REGIONS.index(DEFAULT_REGION))
        self._update_enabled()
        self.runner.start(self.services.backend.list_input_devices, self._show_devices, self._show_error)
        self.runner.start(load_settings, self._show_cloud, self._show_error)

    def _show_devices(self, devices: list[DeviceInfo]) -> None:
        saved = self.settings.input_device()
        self.device.clear()
        self.device.addItem(self.tr("System default"), None)
        for device in devices:
            self.device.addItem(f"{device.name} ({device.hostapi})", device.ref)
            if saved is not None and device.ref == saved:
                self.device.setCurrentIndex(self.device.count() - 1)

    def _show_cloud(self, config: CloudConfig | None) -> None:
        if config is None:
            return
        custom = config.endpoint != default_endpoint(config.region)
        self.region.setCurrentIndex(len(REGIONS) if custom else REGIONS.index(config.region))
        self.endpoint.setText(config.endpoint if custom else "")
        self.project.setText(config.project_id or "")
        auth = config.auth
        if isinstance(auth, AkSkAuth):
            self.use_keys.setChecked(True)
            self.ak.setText(auth.ak)
            self.sk.setText(auth.sk)
        elif isinstance(auth, PasswordAuth):
            self.use_password.setChecked(True)
            self.user.setText(auth.user)
            self.password.setText(auth.password)
            self.domain.setText(auth.domain)
        self.app_user_id.setText(config.app_user_id or "")
        self._update_enabled()

    def _show_app_user_from_env(self) -> None:
        """Say so when METASTUDIO_APP_USER_ID overrides the saved app user id."""
        value = os.environ.get(APP_USER_ID_ENV, "").strip()
        text = self.tr("%1 is set: “%2” is sent as the app user ID instead of this field's value.")
        self.app_user_field.show_warning(
            text.replace("%1", APP_USER_ID_ENV).replace("%2", value) if value else None
        )

    def _update_enabled(self) -> None:
        cloud = not self.sandbox.isChecked()
        keys = self.use_keys.isChecked()
        for widget in (self.region, self.project, self.use_keys, self.use_password):
            widget.setEnabled(cloud)
        self.endpoint.setEnabled(cloud and self.region.currentData() == CUSTOM)
        for widget in (self.ak, self.sk):
            widget.setEnabled(cloud and keys)
        for widget in (self.user, self.password, self.domain):
            widget.setEnabled(cloud and not keys)

    # Reading the form

    def _auth(self) -> Auth | None:
        if self.use_keys.isChecked():
            ak, sk = self.ak.text().strip(), self.sk.text().strip()
            if not (ak or sk):
                return None
            if not (ak and sk):
                raise _incomplete(
                    "Enter both the access key and its secret key.", "请同时填写访问密钥和私有访问密钥。"
                )
            return AkSkAuth(ak, sk)
        user, password, domain = self.user.text().strip(), self.password.text(), self.domain.text().strip()
        if not (user or password or domain):
            return None
        if not (user and password and domain):
            raise _incomplete(
                "Enter the IAM user name, its password and the account (domain) name.",
                "请填写 IAM 用户名、密码和账号名（domain）。",
            )
        return PasswordAuth(user, password, domain)

    def cloud_config(self) -> CloudConfig:
        """The cloud settings the form describes (``auth`` None when no credentials are entered).

        Raises UserFacingError (bilingual) for an incomplete or invalid entry.
        """
        custom = self.region.currentData() == CUSTOM
        if custom and not self.endpoint.text().strip():
            raise _incomplete(
                "Enter the endpoint URL, or choose a region.", "请填写服务地址，或选择一个区域。"
            )
        return build_config(
            region=None if custom else str(self.region.currentData()),
            endpoint=self.endpoint.text().strip() if custom else None,
            project_id=self.project.text().strip() or None,
            auth=self._auth(),
            app_user_id=self._app_user_id(),
        )

    def _app_user_id(self) -> str | None:
        """The app user id field, checked by the cloud layer's rule; the problem is shown beside it."""
        try:
            value = check_app_user_id(self.app_user_id.text())
        except UserFacingError as error:
            self.app_user_field.show_error(error_text(error))
            raise
        self.app_user_field.show_error(None)
        return value

    # Actions

    def test_connection(self) -> None:
        """Run ShowVoiceTrainingQuotas with what the form says, in a worker; the result shows below."""
        use_sandbox = self.sandbox.isChecked()
        try:
            config = None if use_sandbox else self.cloud_config()
        except UserFacingError as error:
            self._show_test_error(error)
            return
        self.test_button.setEnabled(False)
        self.test_result.show_message(self.tr("Testing the connection…"), "info")
        self.runner.start(
            lambda: probe_connection(config, use_sandbox), self._show_test_result, self._show_test_error
        )

    def _show_test_result(self, message: Bilingual) -> None:
        self.test_button.setEnabled(True)
        self.test_result.show_message("✔ " + i18n.pick(message), "info")
        self.adjustSize()

    def _show_test_error(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.test_result.show_error(error, prefix="✖ ")
        self.adjustSize()

    def accept(self) -> None:
        """Check the form, save the preferences, then the cloud settings in a worker; close when saved."""
        try:
            config = self.cloud_config()
        except UserFacingError as error:
            self._show_error(error)
            return
        self._save_preferences()
        self.buttons.setEnabled(False)
        self.runner.start(lambda: store_cloud_settings(config), self._saved, self._save_failed)

    def _save_preferences(self) -> None:
        self.settings.set(USE_SANDBOX, self.sandbox.isChecked())
        self.settings.set_input_device(self.device.currentData())
        self.settings.set(DATA_FOLDER, self.data_folder.text().strip())
        language = LANGUAGE_CHOICES[self.language.currentIndex()]
        self.settings.set(UI_LANGUAGE, language)
        if i18n.normalise(language or i18n.system_language()) != i18n.current_language():
            i18n.set_language(language or i18n.system_language())

    def _saved(self, _result: object) -> None:
        self.buttons.setEnabled(True)
        super().accept()

    def _save_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self._show_error(error)

    def _show_error(self, error: Exception) -> None:
        self.banner.show_error(error)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), self.data_folder.text()
        )
        if folder:
            self.data_folder.setText(folder)
