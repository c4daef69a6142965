"""The GUI entry point: the QApplication, translators, excepthook and the wizard with real services."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from voicerecorder import __version__
from voicerecorder.audio.playback import SoundDevicePlayer
from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend
from voicerecorder.cloud.redact import install_log_redaction
from voicerecorder.errors import UserFacingError
from voicerecorder.logfiles import LOG_NAME, capture_crashes, rotating_handler
from voicerecorder.paths import APP_NAME, log_dir, resources_dir
from voicerecorder.private import make_private_dir, make_private_file
from voicerecorder.text import Bilingual
from voicerecorder.ui import i18n
from voicerecorder.ui.cloud_options import apply_data_folder
from voicerecorder.ui.error_message import error_text
from voicerecorder.ui.gui_gc import GuiThreadCollector
from voicerecorder.ui.leaving import SystemExits
from voicerecorder.ui.services import Services
from voicerecorder.ui.settings import UI_LANGUAGE, Settings
from voicerecorder.ui.style import install_focus_ring
from voicerecorder.ui.wizard import RecordingWizard
from voicerecorder.ui.workers import IN_FLIGHT

ORGANIZATION = "voicerecorder"
QUIT_WAIT_S = 15.0
log = logging.getLogger("voicerecorder.ui")


def application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication (created once) with its name, organisation, icon and focus ring."""
    existing = QApplication.instance()
    app = existing or QApplication([APP_NAME, *argv])
    if existing is None:
        GuiThreadCollector(app)
    install_focus_ring(app)
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)  # Wayland app id and menu match: StartupWMClass in voicerecorder.desktop
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "icons" / "voicerecorder.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def start_language(settings: Settings, requested: str | None = None) -> str:
    """Install the UI language: ``requested``, else the saved choice, else the system locale's."""
    return i18n.set_language(requested or settings.get(UI_LANGUAGE) or i18n.system_language())


def show_exception(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: log the traceback (no secrets are in our messages) and show a dialog."""
    log.error("unhandled error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(None, QApplication.translate("app", "Voice Recorder — error"), error_text(error))


def setup_logging() -> None:
    """Log to ``<log dir>/voicerecorder.log`` (rotated by size), with secrets masked, and let a
    native crash leave its stacks in a crash file beside it (see :mod:`voicerecorder.logfiles`)."""
    install_log_redaction()
    folder = log_dir()
    make_private_dir(folder)
    make_private_file(folder / LOG_NAME)
    logging.getLogger("voicerecorder").addHandler(rotating_handler(folder))
    logging.getLogger("voicerecorder").setLevel(logging.INFO)
    capture_crashes(folder)


def real_services(settings: Settings) -> Services:
    """The services of the installed app: PortAudio input and output, the user's sessions folder."""
    return Services(backend=SoundDeviceBackend(), player=SoundDevicePlayer(), settings=settings)


NO_SCREEN = Bilingual(
    "There is no screen to show the wizard on (no DISPLAY or WAYLAND_DISPLAY). Start voicerecorder "
    "from a desktop session, or use the command line: voicerecorder --help.",
    "没有可显示向导的屏幕（未设置 DISPLAY 或 WAYLAND_DISPLAY）。请在桌面会话中启动 voicerecorder，"
    "或使用命令行：voicerecorder --help。",
)


def require_screen(env: os._Environ[str] | dict[str, str] = os.environ, platform: str = sys.platform) -> None:
    """Raise UserFacingError on Linux when Qt would have no display to connect to."""
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        raise UserFacingError(NO_SCREEN, exit_code=2)


def run(argv: Sequence[str] = (), language: str | None = None) -> int:
    """Open the wizard and run until it is closed; returns the exit code."""
    require_screen()
    setup_logging()
    app = application(argv)
    sys.excepthook = show_exception
    settings = Settings()
    apply_data_folder(settings)
    start_language(settings, language)
    wizard = RecordingWizard(real_services(settings))
    SystemExits(wizard, app, wizard)
    wizard.finished.connect(app.quit)
    wizard.place()
    wizard.show()
    code = int(app.exec())
    finish_background_work()
    wizard.holder.close()
    return code


def finish_background_work(timeout_s: float = QUIT_WAIT_S) -> bool:
    """On quit: wait for the tasks still writing (a take, the manifest); False (logged) on timeout."""
    if IN_FLIGHT.wait(timeout_s):
        return True
    log.warning("quitting with %d background tasks still running", IN_FLIGHT.count)
    return False
