"""The take history widget: an imported take names its file, times are local, the chosen take is marked."""

from __future__ import annotations

import numpy as np

from voicerecorder.audio.wavfile import write_wav_atomically
from voicerecorder.ui.widgets.take_history import TakeHistory, local_time


def test_imported_and_recovered_takes_say_where_they_came_from(qtbot, session, tmp_path):
    source = tmp_path / "studio take.wav"
    tone = 0.3 * np.sin(np.linspace(0, 2000 * np.pi, 48000)).astype(np.float32)
    write_wav_atomically(source, tone, 48000, subtype="PCM_24")
    session.add_take(0, source, None)
    history = TakeHistory()
    qtbot.addWidget(history)
    history.set_takes(session, 0)
    row = history.table.topLevelItem(0)
    assert row.text(0) == "1 (chosen)"
    assert row.text(2) == "1.0 s"
    assert row.text(4) == "Imported (studio take.wav)"
    assert history._source_text("recovered") == "Recovered"
    history.set_takes(session, 1)
    assert history.table.topLevelItemCount() == 0
    assert not history.play_button.isEnabled()
    assert not history.use_button.isEnabled()


def test_take_times_are_shown_as_local_wall_clock_time():
    assert local_time("not a time") == "not a time"
    assert len(local_time("2026-03-09T08:15:00Z")) == 5
