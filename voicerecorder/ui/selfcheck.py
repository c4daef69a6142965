"""Self-test probes of the Qt layer: the platform plugin, the icons and the translations.

Each probe returns a one-line detail, raises ``SkipCheck`` when there is nothing to test, or
raises; ``voicerecorder.cli.selftest`` runs them. Qt is imported inside the probes, so listing
them costs nothing.
"""

from __future__ import annotations

import os
import sys

from voicerecorder.errors import SkipCheck
from voicerecorder.paths import resources_dir


def qt_application():
    """The running QApplication, or a new one (offscreen where Linux has no display)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "voicerecorder"])


def check_qt() -> str:
    """Start Qt's platform plugin and load the application icon."""
    from PySide6.QtGui import QIcon

    app = qt_application()
    icons = sorted((resources_dir() / "icons").glob("voicerecorder-*.png"))
    if not icons:
        raise RuntimeError(f"no application icons in {resources_dir() / 'icons'}")
    icon = QIcon()
    for path in icons:
        icon.addFile(str(path))
    if icon.isNull() or not icon.availableSizes():
        raise RuntimeError(f"Qt could not load the icons in {resources_dir() / 'icons'}")
    return f"platform {app.platformName()}, {len(icon.availableSizes())} icon sizes"


def _qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def check_translations() -> str:
    """Load Qt's own Chinese translation and every compiled translation in resources/i18n."""
    from PySide6.QtCore import QTranslator

    qt_dir = _qt_translations_dir()
    if not QTranslator().load("qtbase_zh_CN", qt_dir):
        raise RuntimeError(f"Qt's Chinese translation qtbase_zh_CN.qm is missing from {qt_dir}")
    folder = resources_dir() / "i18n"
    files = sorted(folder.glob("*.qm"))
    if not files:
        raise SkipCheck(f"qtbase_zh_CN loaded; none of voicerecorder's own yet ({folder} has no .qm files)")
    for path in files:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise RuntimeError(f"{path.name} could not be loaded or is empty")
    return "qtbase_zh_CN, " + ", ".join(path.stem for path in files)
