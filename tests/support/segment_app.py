"""The wizard on a SEGMENT session's Record page, sending its takes, until it is killed.

    python tests/support/segment_app.py SESSION_FOLDER SETTINGS_FILE

Run by tests/ui/test_ui_segments.py as a separate process (offscreen, fake microphone, the cloud
settings from the environment), so that the test can kill it in the middle of the queue.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(folder: Path, settings_file: Path) -> int:
    """Open ``folder`` on the Record page, start sending its takes, and run until killed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from voicerecorder.audio.fake_backend import FakeBackend, fake_device
    from voicerecorder.audio.playback import FakePlayer
    from voicerecorder.session.store import Session
    from voicerecorder.ui.demo import speech_source
    from voicerecorder.ui.page_ids import PageId
    from voicerecorder.ui.services import Services
    from voicerecorder.ui.settings import Settings
    from voicerecorder.ui.wizard import RecordingWizard

    app = QApplication([])
    microphone = fake_device(0, "USB Mic", "ALSA", is_default=True)
    services = Services(
        backend=FakeBackend(devices=[microphone], source=speech_source()),
        player=FakePlayer(),
        settings=Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)),
        sessions_root=folder.parent,
    )
    session = Session.open(folder, writer="voicerecorder")
    wizard = RecordingWizard(services)
    wizard.holder.set(session)
    wizard.setStartId(int(PageId.RECORD))
    wizard.show()
    wizard.restart()
    wizard.page_of(PageId.RECORD).uploads.start(session)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
