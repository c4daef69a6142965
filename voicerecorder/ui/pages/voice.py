"""Page 2, Voice details: the form MetaStudio needs and the script to read; Next creates the session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from voicerecorder.errors import UserFacingError
from voicerecorder.session.form import (
    CREATE_TYPES,
    SEXES,
    VoiceForm,
    validate_voice_form,
    voice_form_warnings,
)
from voicerecorder.session.lint import LintFinding, lint_script
from voicerecorder.session.script import (
    EDITIONS,
    LANGUAGES,
    TAGS,
    Script,
    builtin_script,
    load_script_file,
    sentence_bounds,
)
from voicerecorder.session.store import Session
from voicerecorder.ui.error_message import error_text
from voicerecorder.ui.i18n import fill, pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.pages.base import WizardPage
from voicerecorder.ui.services import WIZARD_WRITER, Services, SessionHolder
from voicerecorder.ui.widgets.checked_field import ERROR_STYLE, CheckedField
from voicerecorder.ui.widgets.status_icons import status_icon
from voicerecorder.ui.widgets.voice_options import VoiceOptions

PACKAGE_ONLY = "ADVANCE"
"""The edition whose recordings go up as one long recording: always PACKAGE (CreateTrainingAdvanceJob)."""


class VoicePage(WizardPage):
    """Collects the VoiceForm, the edition and the script; errors are shown at their fields."""

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.created: Session | None = None
        self.creating = False
        self.reading_script = False
        self._ready: Session | None = None
        self._focus: QWidget | None = None
        self.imported: Script | None = None
        self.imported_path: Path | None = None
        self.lint_findings: list[LintFinding] = []
        self.voice_name = QLineEdit()
        self.sex = QComboBox()
        self.tag = QComboBox()
        self.language = QComboBox()
        self.edition = QComboBox()
        self.edition_note = QLabel()
        self.edition_note.setWordWrap(True)
        self.create_type = QComboBox()
        self.options = VoiceOptions()
        self.phone, self.description = self.options.phone, self.options.description
        edition = QVBoxLayout()
        edition.addWidget(self.edition)
        edition.addWidget(self.edition_note)
        self.fields = {
            "voice_name": CheckedField(self.voice_name), "language": CheckedField(self.language),
            "edition": CheckedField(edition), "create_type": CheckedField(self.create_type),
        }  # fmt: skip
        self.fields.update(self.options.fields)
        self.errors = {name: field.error for name, field in self.fields.items()}
        self.errors["script"] = self._error_label()
        self.builtin_radio = QRadioButton()
        self.import_radio = QRadioButton()
        self.builtin_radio.setChecked(True)
        self.script_status = QLabel()
        self.script_status.setWordWrap(True)
        self.import_button = QPushButton()
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.labels = {
            name: QLabel() for name in ("voice_name", "sex", "tag", "language", "edition", "create_type")
        }
        self._layout()
        for combo, values in (
            (self.sex, SEXES),
            (self.tag, TAGS),
            (self.language, LANGUAGES),
            (self.edition, EDITIONS),
            (self.create_type, CREATE_TYPES),
        ):
            for value in values:
                combo.addItem(value, value)
            combo.currentIndexChanged.connect(self._script_inputs_changed)
        self.builtin_radio.toggled.connect(self._script_inputs_changed)
        self.import_button.clicked.connect(self._choose_script)
        self.voice_name.textChanged.connect(lambda: self._show_field_error("voice_name", None))
        self.options.changed.connect(self._show_warnings)
        self.retranslate()

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _layout(self) -> None:
        form = QFormLayout()
        inputs = {
            "voice_name": self.voice_name, "sex": self.sex, "tag": self.tag, "language": self.language,
            "edition": self.edition, "create_type": self.create_type,
        }  # fmt: skip
        for name, widget in inputs.items():
            self.labels[name].setBuddy(widget)
            form.addRow(self.labels[name], self.fields.get(name, widget))
        form.addRow(self.options)
        self.script_box = QGroupBox()
        script = QVBoxLayout(self.script_box)
        choice = QHBoxLayout()
        choice.addWidget(self.builtin_radio)
        choice.addWidget(self.import_radio)
        choice.addWidget(self.import_button)
        choice.addStretch(1)
        script.addLayout(choice)
        script.addWidget(self.script_status)
        script.addWidget(self.errors["script"])
        script.addWidget(self.findings)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.script_box, 1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Voice details"))
        self.setSubTitle(
            self.tr("These details are sent with the training job. Fields marked * are required.")
        )
        texts = {
            "voice_name": self.tr("Voice na&me *"), "sex": self.tr("&Sex"), "tag": self.tr("Scenario &tag"),
            "language": self.tr("&Language"), "edition": self.tr("Editi&on"),
            "create_type": self.tr("Sendin&g"),
        }  # fmt: skip
        for name, text in texts.items():
            self.labels[name].setText(text)
            self.labels[name].buddy().setAccessibleName(text.replace("&", "").rstrip(" *"))
        self.voice_name.setPlaceholderText(self.tr("e.g. Lin Xiaoyu – warm narrator"))
        names = {
            "FEMALE": self.tr("Female"), "MALE": self.tr("Male"), "CN": self.tr("Chinese (CN)"),
            "EN": self.tr("English (EN)"), "BASIC": self.tr("Basic — 20 sentences"),
            "MIDDLE": self.tr("Middle — 100 sentences"),
            "ADVANCE": self.tr("Advance (premium) — 500 sentences or more"),
            "ECOMMERCE": self.tr("E-commerce"),
            "NEWS": self.tr("News"), "MARKETING": self.tr("Marketing"), "LIVE": self.tr("Live streaming"),
            "EDUCATION": self.tr("Education"),
            "CUSTOMER": self.tr("Customer service"), "STORYTELLING": self.tr("Storytelling"),
            "PACKAGE": self.tr("Record everything, then upload"),
            "SEGMENT": self.tr("MetaStudio confirms each sentence while you record"),
        }  # fmt: skip
        for combo in (self.sex, self.tag, self.language, self.edition, self.create_type):
            for row in range(combo.count()):
                combo.setItemText(row, names.get(combo.itemData(row), combo.itemData(row)))
        self.script_box.setTitle(self.tr("Script"))
        self.builtin_radio.setText(self.tr("Built-in s&cript"))
        self.import_radio.setText(self.tr("&Import a script file"))
        self.import_button.setText(self.tr("Choose &file…"))
        self.findings.setAccessibleName(self.tr("The script, or the problems found in it"))
        self._script_inputs_changed()

    def form(self) -> VoiceForm:
        return self.options.apply(
            VoiceForm(
                voice_name=self.voice_name.text(),
                sex=self.sex.currentData(),
                tag=self.tag.currentData(),
                language=self.language.currentData(),
            )
        )

    def set_form(self, form: VoiceForm, edition: str, create_type: str = "PACKAGE") -> None:
        """Fill the fields (used for demo data and when editing)."""
        self.voice_name.setText(form.voice_name)
        for combo, value in (
            (self.sex, form.sex),
            (self.tag, form.tag),
            (self.language, form.language),
            (self.edition, edition),
            (self.create_type, create_type),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.options.set_form(form)

    def script(self) -> Script | None:
        """The script that Next would use, or None when there is none yet."""
        if self.import_radio.isChecked():
            return self.imported
        return self._builtin()[0]

    def _builtin(self) -> tuple[Script | None, str | None]:
        """The built-in script for the chosen language, tag and edition, or why there is none."""
        language, tag, edition = (
            self.language.currentData(),
            self.tag.currentData(),
            self.edition.currentData(),
        )
        try:
            return builtin_script(language, tag, edition), None
        except UserFacingError as error:
            if edition != PACKAGE_ONLY:
                return None, error_text(error)
        text = self.tr(
            "There is no built-in ADVANCE script for this tag and language yet. Import a script file of "
            "%1 or more sentences."
        )
        return None, fill(text, sentence_bounds(edition)[0])

    def _script_inputs_changed(self) -> None:
        edition = self.edition.currentData()
        if self.imported is not None:
            self.lint_findings = lint_script(self.imported, edition)
        script, reason = self._builtin()
        self._edition_changed(edition, script is not None)
        self.findings.clear()
        if self.import_radio.isChecked():
            self._show_import_state(reason)
        else:
            sentences = script.sentences if script else ()
            template = self.tr("The built-in script for this tag has %1 sentences:")
            self.script_status.setText(reason or fill(template, len(sentences)))
            lines = [f"{number}. {sentence.text}" for number, sentence in enumerate(sentences, 1)]
            self.findings.addItems(lines)  # at once: item by item costs the page's first show ~20 ms
        self._show_field_error("script", None)
        self._show_warnings()

    def _edition_changed(self, edition: str, has_builtin: bool) -> None:
        """ADVANCE: its note, PACKAGE only, and the import when it has no built-in script."""
        advance = edition == PACKAGE_ONLY
        self.edition_note.setText(
            self.tr(
                "Studio quality: 500 or more sentences, recorded one by one and delivered to MetaStudio "
                "as one long recording."
            )
            if advance
            else ""
        )
        self.edition_note.setVisible(advance)
        if advance:
            self.create_type.setCurrentIndex(self.create_type.findData("PACKAGE"))
        self.create_type.setEnabled(not advance)
        self.create_type.setToolTip(
            self.tr(
                "The ADVANCE edition goes up as one long recording, so MetaStudio cannot confirm it "
                "sentence by sentence: it is always sent as one package."
            )
            if advance
            else ""
        )
        self.builtin_radio.setEnabled(has_builtin)
        if not has_builtin and self.builtin_radio.isChecked():
            self.import_radio.setChecked(True)

    def _show_warnings(self) -> None:
        """The form's cautions (English training, on-demand outside MIDDLE) beside their fields."""
        warnings = voice_form_warnings(self.form(), self.edition.currentData())
        self.fields["language"].show_warning(pick(warnings["language"]) if "language" in warnings else None)
        self.options.show_warnings(warnings)

    def _show_import_state(self, no_builtin: str | None) -> None:
        """The imported script's counts and findings; before an import, how to choose one (and why
        when there is no built-in script to use instead)."""
        if self.imported is None:
            choose = self.tr(
                "Choose a script file: one sentence per line (.txt), or id and text (.tsv, .csv)."
            )
            self.script_status.setText(f"{no_builtin}\n{choose}" if no_builtin else choose)
            return
        errors = sum(1 for f in self.lint_findings if f.level == "error")
        warnings = len(self.lint_findings) - errors
        name = self.imported_path.name if self.imported_path else ""
        text = self.tr("%1: %2 sentences, %3 errors, %4 warnings.")
        self.script_status.setText(fill(text, name, len(self.imported.sentences), errors, warnings))
        for finding in self.lint_findings:
            icon = status_icon("fail" if finding.level == "error" else "warn")
            self.findings.addItem(QListWidgetItem(icon, pick(finding.message)))

    def _choose_script(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a script"), str(Path.home()), self.tr("Scripts (*.txt *.tsv *.csv)")
        )
        if chosen:
            self.import_script(Path(chosen))

    def import_script(self, path: Path) -> None:
        """Read ``path`` in a worker; then lint it and show the findings, or why it cannot be read."""
        self.import_radio.setChecked(True)
        language = self.language.currentData()
        self.reading_script = True
        self.script_status.setText(fill(self.tr("Reading %1…"), path.name))
        self.completeChanged.emit()
        self.tasks.start(
            lambda: load_script_file(path, language),
            lambda script: self._script_read(path, script),
            self._script_unreadable,
        )

    def _script_read(self, path: Path, script: Script) -> None:
        self.reading_script = False
        self.imported, self.imported_path = script, path
        self._script_inputs_changed()
        self.completeChanged.emit()

    def _script_unreadable(self, error: Exception) -> None:
        self.reading_script = False
        self.completeChanged.emit()
        if not isinstance(error, UserFacingError):
            self.show_error(error)
            return
        self.imported, self.imported_path, self.lint_findings = None, None, []
        self._script_inputs_changed()
        self._show_field_error("script", error_text(error))

    def _show_field_error(self, name: str, text: str | None) -> None:
        label = self.errors[name]
        label.setText(text or "")
        label.setVisible(bool(text))

    def validatePage(self) -> bool:
        """Check the fields; then create the session in a worker, which presses Next again when done."""
        ready, self._ready = self._ready, None
        if ready is not None:
            self.holder.set(ready)
            self.services.settings.remember_session(str(ready.folder))
            return True
        if self.creating:
            return False
        form, edition = self.form(), self.edition.currentData()
        problems = validate_voice_form(form, edition)
        for name in ("voice_name", "language", "edition"):
            self._show_field_error(name, pick(problems[name]) if name in problems else None)
        first_option = self.options.show_problems(problems)
        script_error = self._script_error()
        self._show_field_error("script", script_error)
        if problems or script_error:
            first = self.voice_name if "voice_name" in problems else first_option
            (first or self.import_button).setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self._create(form, edition, self.create_type.currentData())
        return False

    def _create(self, form: VoiceForm, edition: str, create_type: str) -> None:
        """Create the session (or update the reused one) in a worker; the fields wait disabled."""
        reused, script, root = (
            self._reusable(edition, create_type),
            self.script(),
            self.services.sessions_root,
        )

        def work() -> Session:
            if reused is not None:
                reused.update_form(form)
                return reused
            return Session.create(
                form, edition, script, writer=WIZARD_WRITER, root=root, create_type=create_type
            )

        self.creating = True
        self._focus = self.focusWidget()
        self.setEnabled(False)
        self.banner.show_message(self.tr("Creating the session…"), "info")
        self.completeChanged.emit()
        self.tasks.start(work, self._created, self._create_failed)

    def _created(self, session: Session) -> None:
        self._creating_done()
        self.banner.hide()
        self.created = session
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            self._ready = session
            wizard.next()

    def _create_failed(self, error: Exception) -> None:
        self._creating_done()
        if self._focus is not None:
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_error(error)

    def _creating_done(self) -> None:
        self.creating = False
        self.setEnabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.creating and not self.reading_script and super().isComplete()

    def _reusable(self, edition: str, create_type: str) -> Session | None:
        """The session this page created, when the user came Back without changing the edition, the
        way it is sent or the script (its form is updated instead); None when a new session is needed."""
        session = self.holder.session
        if session is None or session is not self.created:
            return None
        if (session.edition, session.create_type, session.script) != (edition, create_type, self.script()):
            return None
        return session

    def _script_error(self) -> str | None:
        script, (builtin, no_builtin) = self.script(), self._builtin()
        if script is None and builtin is None:
            return no_builtin
        if script is None:
            return self.tr("Choose a script file to import, or use the built-in script.")
        if self.import_radio.isChecked() and any(f.level == "error" for f in self.lint_findings):
            return self.tr("The script has errors (marked red). Fix them in the file and import it again.")
        if script.language != self.language.currentData():
            return self.tr("The script's language does not match the voice language.")
        return None
