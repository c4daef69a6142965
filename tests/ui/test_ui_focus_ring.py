"""The keyboard focus is shown by a ring that stands out from the window (WCAG 2.2 non-text contrast)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from voicerecorder.ui.app import application
from voicerecorder.ui.style import (
    FOCUS_RING_WIDTH,
    MIN_CONTRAST,
    FocusRing,
    FocusRingStyle,
    contrast_ratio,
    focus_color,
    ring_target,
)


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Female", "Male"])
    return combo


def _editable_combo() -> QComboBox:
    combo = _combo()
    combo.setEditable(True)
    return combo


def _list() -> QListWidget:
    view = QListWidget()
    view.addItems(["1. first sentence", "2. second sentence"])
    return view


KINDS = {
    "push button": lambda: QPushButton("Record"),
    "check box": lambda: QCheckBox("Go to the next sentence"),
    "radio button": lambda: QRadioButton("New session"),
    "combo box": _combo,
    "editable combo box": _editable_combo,
    "line edit": lambda: QLineEdit("Emma"),
    "text edit": lambda: QTextEdit("A description"),
    "plain text edit": lambda: QPlainTextEdit("A script"),
    "list view": _list,
    "table view": lambda: QTableWidget(3, 3),
    "slider": lambda: QSlider(Qt.Orientation.Horizontal),
    "spin box": lambda: QSpinBox(),
}


def _settle(qtbot) -> None:
    qtbot.wait(30)


def _edge_points(rect: QRect) -> list[QPoint]:
    """Two points in the ring's band outside each edge's midpoint."""
    middle = rect.center()
    points = []
    for outside in (1, FOCUS_RING_WIDTH - 1):
        points += [
            QPoint(rect.left() - outside, middle.y()),
            QPoint(rect.right() + outside, middle.y()),
            QPoint(middle.x(), rect.top() - outside),
            QPoint(middle.x(), rect.bottom() + outside),
        ]
    return points


def _ring_pixels(image: QImage, rect: QRect, ring: QColor) -> int:
    return sum(image.pixelColor(point).rgb() == ring.rgb() for point in _edge_points(rect))


@pytest.fixture
def app(qapp):
    application()
    return qapp


def test_the_app_style_draws_the_ring(app):
    assert isinstance(app.style(), FocusRingStyle)
    application()  # installing twice keeps one ring
    assert not isinstance(app.style().baseStyle(), FocusRingStyle)
    assert len(app.findChildren(FocusRing)) == 1


def test_the_ring_colour_stands_out_from_the_app_window(app):
    palette = app.palette()
    ring = focus_color(palette)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
        assert contrast_ratio(ring, palette.color(role)) >= MIN_CONTRAST, role


@pytest.mark.parametrize(
    ("window", "highlight"),
    [("#efefef", "#308cc6"), ("#ffffff", "#ffd200"), ("#2d2d2d", "#1d3b5a"), ("#000000", "#000080")],
)
def test_the_ring_colour_stands_out_on_light_and_dark_palettes(window, highlight):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    assert contrast_ratio(focus_color(palette), QColor(window)) >= MIN_CONTRAST


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert contrast_ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_focused_widget_has_a_ring_an_unfocused_one_lacks(app, qtbot, kind):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    widget = KINDS[kind]()
    other = QPushButton("Elsewhere")
    layout.addWidget(widget)
    layout.addWidget(other)
    window.resize(420, 320)
    window.show()
    qtbot.waitExposed(window)
    ring = focus_color(window.palette())

    other.setFocus()
    _settle(qtbot)
    unfocused = window.grab().toImage()
    widget.setFocus()
    _settle(qtbot)
    assert ring_target(app.focusWidget()) is widget
    focused = window.grab().toImage()

    assert _ring_pixels(focused, widget.geometry(), ring) == len(_edge_points(widget.geometry()))
    assert _ring_pixels(unfocused, widget.geometry(), ring) == 0


def test_the_wizard_buttons_get_the_ring(app, qtbot):
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    wizard.show()
    qtbot.waitExposed(wizard)
    ring = focus_color(wizard.palette())
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
        button = wizard.button(which)
        button.setFocus()
        _settle(qtbot)
        image = wizard.grab().toImage()
        assert _ring_pixels(image, button.geometry(), ring) == len(_edge_points(button.geometry()))


def test_the_ring_moves_to_a_new_window_after_the_old_one_is_deleted(app, qtbot):
    for _ in range(2):
        window = QWidget()
        button = QPushButton("OK", window)
        button.move(20, 20)
        window.show()
        qtbot.waitExposed(window)
        button.setFocus()
        _settle(qtbot)
        ring = focus_color(window.palette())
        assert _ring_pixels(window.grab().toImage(), button.geometry(), ring) > 0
        window.close()
        window.deleteLater()
        _settle(qtbot)
