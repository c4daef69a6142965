"""A session folder on disk: its manifest, its takes, and every change to them.

Threads: a :class:`Session` may be used from several threads at once (typically the GUI
thread choosing takes and moving between sentences, and a worker thread adding takes and
their check reports). Every read and every change holds one re-entrant lock; each change is
saved to ``session.json`` before the method returns, but the write itself happens after the
lock is released, so a reader never waits for the disk. The slow part of
:meth:`Session.add_take` (reading the audio and checking it) runs outside the lock too.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import soundfile

from voicerecorder.audio.wavfile import AudioData, read_audio
from voicerecorder.errors import EXIT_USAGE, UserFacingError, naming_file_errors
from voicerecorder.paths import data_dir, sessions_dir
from voicerecorder.private import PRIVATE_FILE_MODE, create_private_file, make_private_dir
from voicerecorder.session import takes as take_checks
from voicerecorder.session.atomicfile import atomic_output, atomic_write_bytes, remove_stale_temps
from voicerecorder.session.form import CREATE_TYPES, VoiceForm, validate_voice_form
from voicerecorder.session.lock import LOCK_FILES, SessionLock
from voicerecorder.session.manifest import (
    MANIFEST_NAME,
    SCHEMA_VERSION,
    ExportRecord,
    Manifest,
    SentenceTakes,
    TakeRecord,
    damaged_manifest,
    parse_manifest,
    utc_now,
)
from voicerecorder.session.naming import sentence_folder_names, session_folder_name
from voicerecorder.session.problems import Problem, blocking_problems, take_warnings, verdict_of
from voicerecorder.session.schema import MICROPHONE_CHECKS
from voicerecorder.session.script import Script, Sentence, sentence_bounds
from voicerecorder.text import Bilingual

TAKES_DIR = "takes"
EXPORTS_DIR = "exports"
LOGS_DIR = "logs"
LOG_NAME = "session.log"
_TAKE_FILE = re.compile(r"take-(\d+)(?:\.partial)?\.wav")
_FINISHED_TAKE = re.compile(r"take-\d+\.wav")


class RecordedTake(Protocol):
    """What the capture engine hands over for a finished take."""

    path: Path

    def capture_report(self) -> dict: ...


def _error(en: str, zh: str, exit_code: int | None = None) -> UserFacingError:
    return UserFacingError(Bilingual(en, zh), exit_code=exit_code)


class Session:
    """One recording session folder (see README, "Session folder"). Thread-safe; see the module doc.

    A session opened by a writer holds the session's lock (:mod:`voicerecorder.session.lock`)
    until :meth:`close`; one opened for reading holds nothing, never writes, and refuses changes.
    """

    def __init__(self, folder: Path, manifest: Manifest, lock: SessionLock | None = None) -> None:
        self.folder = folder
        self._manifest = manifest
        self._session_lock = lock
        self._lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._log_lock = threading.Lock()
        self._snapshots = 0
        self._written = 0

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        form: VoiceForm,
        edition: str,
        script: Script,
        *,
        writer: str,
        folder: Path | None = None,
        root: Path | None = None,
        day: dt.date | None = None,
        create_type: str = "PACKAGE",
    ) -> Session:
        """Create a new session in ``folder`` (must be absent or empty), or in a new folder named
        after the voice under ``root`` (default: the data folder's ``sessions/``); ``create_type``
        SEGMENT sends the takes sentence by sentence instead of as one zip.

        The new session holds its lock for ``writer`` (e.g. ``voicerecorder new``) until closed.
        """
        form = replace(form, voice_name=form.voice_name.strip(), phone=form.phone.strip())
        _check_new_session(form, edition, script)
        _check_create_type(create_type, edition)
        if folder is None:
            root = _private_root(root)
            folder = root / session_folder_name(form.voice_name, root, day)
        _refuse_used_folder(folder)
        with naming_file_errors(folder, exit_code=EXIT_USAGE):
            make_private_dir(folder)
        return _locked(
            folder, writer, lambda lock: cls._create_locked(form, edition, script, folder, lock, create_type)
        )

    @classmethod
    def _create_locked(
        cls, form: VoiceForm, edition: str, script: Script, folder: Path, lock: SessionLock, create_type: str
    ) -> Session:
        _refuse_used_folder(folder, ignore=LOCK_FILES)
        with naming_file_errors(folder, exit_code=EXIT_USAGE):
            for sub in (TAKES_DIR, EXPORTS_DIR, LOGS_DIR):
                make_private_dir(folder / sub)
        now = utc_now()
        names = sentence_folder_names([sentence.id for sentence in script.sentences])
        manifest = Manifest(
            voice=form,
            edition=edition,
            script=script,
            sentences=[SentenceTakes(s.id, name) for s, name in zip(script.sentences, names, strict=True)],
            created=now,
            updated=now,
            create_type=create_type,
        )
        session = cls(folder, manifest, lock)
        with naming_file_errors(folder, exit_code=EXIT_USAGE):
            session._write()
            session.log(f"session created: edition {edition}, {len(names)} sentences, script {script.source}")
        return session

    @classmethod
    def open(cls, folder: Path, *, writer: str | None = None) -> Session:
        """Open an existing session: for reading (``writer`` None), or for the command ``writer``
        (e.g. ``voicerecorder import``), which first takes the session's lock.

        A reader never writes anything: an older manifest is migrated in memory only, leftovers
        stay. A writer removes stale temporary files, saves a migrated manifest in the current
        format (the original kept as ``session.before-v<version>.json``) and keeps the takes a
        crashed recording left. Raises SessionBusyError when another process holds the lock, and
        ManifestError (the file untouched) when session.json is damaged or newer.
        """
        path = folder / MANIFEST_NAME
        if writer is None:
            return cls(folder, parse_manifest(_read_manifest(folder), path)[0])
        if not path.is_file():
            raise _not_a_session(folder)
        return _locked(folder, writer, lambda lock: cls._open_locked(folder, lock))

    @classmethod
    def _open_locked(cls, folder: Path, lock: SessionLock) -> Session:
        path = folder / MANIFEST_NAME
        raw = _read_manifest(folder)
        manifest, migrated = parse_manifest(raw, path)
        session = cls(folder, manifest, lock)
        remove_stale_temps(path)
        if migrated:
            with naming_file_errors(path):
                atomic_write_bytes(folder / f"session.before-v{SCHEMA_VERSION}.json", raw)
                session._write()
            session.log(f"session format migrated to {SCHEMA_VERSION}; the old file is kept beside it")
        session._recover_partial_takes()
        return session

    def close(self) -> None:
        """Let the session's lock go once the changes under way are saved; the session is
        read-only afterwards. A no-op for readers and closed sessions. Any thread."""
        with self._lock, self._write_lock:
            lock, self._session_lock = self._session_lock, None
        if lock is not None:
            lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        """Whether this session holds its lock (opened by a writer and not closed)."""
        return self._session_lock is not None

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST_NAME

    @property
    def form(self) -> VoiceForm:
        with self._lock:
            return self._manifest.voice

    @property
    def edition(self) -> str:
        with self._lock:
            return self._manifest.edition

    @property
    def create_type(self) -> str:
        """PACKAGE (one zip) or SEGMENT (sentence by sentence)."""
        with self._lock:
            return self._manifest.create_type

    @property
    def script(self) -> Script:
        with self._lock:
            return self._manifest.script

    @property
    def sentence_count(self) -> int:
        with self._lock:
            return len(self._manifest.sentences)

    def sentence(self, index: int) -> Sentence:
        with self._lock:
            self._state(index)
            return self._manifest.script.sentences[index]

    def takes(self, index: int) -> tuple[TakeRecord, ...]:
        """Every take of sentence ``index``, oldest first."""
        with self._lock:
            return tuple(self._state(index).takes)

    def chosen_take(self, index: int) -> TakeRecord | None:
        with self._lock:
            state = self._state(index)
            return None if state.chosen is None else state.take(state.chosen)

    def take_path(self, index: int, take: TakeRecord) -> Path:
        """Where the WAV file of ``take`` (a take of sentence ``index``) lives.

        Raises ManifestError when that place leads outside the session folder (a symbolic link).
        """
        with self._lock:
            path = self.folder / TAKES_DIR / self._state(index).folder / take.file
        if not path.resolve().is_relative_to(self.folder.resolve()):
            raise damaged_manifest(
                self.manifest_path, f"the take {path} leads outside the session folder, to {path.resolve()}"
            )
        return path

    @property
    def device(self) -> dict | None:
        """The session's input device ``{"hostapi", "name"}``, or None before the first recording."""
        with self._lock:
            return copy.deepcopy(self._manifest.device)

    @property
    def samplerate(self) -> int | None:
        with self._lock:
            return self._manifest.samplerate

    @property
    def current_index(self) -> int:
        """The sentence the talent was on; the wizard resumes there."""
        with self._lock:
            return self._manifest.current_index

    @property
    def microphone_check(self) -> str | None:
        """``done`` once the microphone checks ran, ``skipped`` when the talent skipped them, else None."""
        with self._lock:
            return self._manifest.microphone_check

    @property
    def marked_for_rerecord(self) -> frozenset[int]:
        """Sentences the cloud audit rejected; adding a take to one clears its mark."""
        with self._lock:
            return frozenset(i for i, s in enumerate(self._manifest.sentences) if s.marked_for_rerecord)

    @property
    def exports(self) -> tuple[ExportRecord, ...]:
        with self._lock:
            return tuple(self._manifest.exports)

    def jobs(self, kind: str) -> list[dict]:
        """A copy of the cloud workflow's records of ``kind`` (e.g. "assess", "training")."""
        with self._lock:
            return copy.deepcopy(self._manifest.jobs.get(kind, []))

    def problems(self) -> list[Problem]:
        """Everything that blocks the export, in sentence order (no warnings)."""
        with self._lock:
            states = enumerate(self._manifest.sentences)
            return [problem for i, state in states for problem in blocking_problems(i, state)]

    def warnings(self) -> list[Problem]:
        """The warnings of the chosen takes (they do not block the export)."""
        with self._lock:
            return [p for i, state in enumerate(self._manifest.sentences) for p in take_warnings(i, state)]

    def check_context_inputs(self, index: int, capture: dict | None) -> take_checks.ContextInputs:
        """A snapshot of what checking a take of sentence ``index`` needs from the session."""
        with self._lock:
            return take_checks.context_inputs(self._manifest, index, capture)

    # -- changing ---------------------------------------------------------------------------

    def next_take_path(self, index: int) -> Path:
        """The path for the next take of sentence ``index`` (its folder is created)."""
        with self._lock:
            self._require_writable()
            state = self._state(index)
            folder = self.folder / TAKES_DIR / state.folder
            names = [take.file for take in state.takes]
        with naming_file_errors(folder):
            make_private_dir(folder)
        names += [entry.name for entry in folder.iterdir()]
        numbers = [int(m.group(1)) for m in map(_TAKE_FILE.fullmatch, names) if m]
        return folder / f"take-{max(numbers, default=0) + 1}.wav"

    def add_take(
        self, index: int, source: Path | RecordedTake, capture_report: dict | None = None
    ) -> TakeRecord:
        """Add a take to sentence ``index``, check it, store the report and save.

        ``source`` is a finished WAV in this sentence's take folder (from :meth:`next_take_path`),
        a capture engine result, or any audio file elsewhere, which is copied in as the next take
        (an import). The new take becomes the chosen one unless the user chose another take of
        this sentence and the sentence is not marked for re-recording.
        Called from a worker thread (or the GUI thread for imports).
        """
        path, capture, origin = _source_parts(source, capture_report)
        return self._add_take(index, path, capture, origin, choose=True)

    def _add_take(
        self, index: int, path: Path, capture: dict | None, origin: str, choose: bool
    ) -> TakeRecord:
        audio = read_audio(path)
        path = self._adopt_file(index, path, audio)
        inputs = self.check_context_inputs(index, capture)
        check = take_checks.run_check(audio, inputs)
        fingerprint = take_checks.fingerprint(path)
        take = TakeRecord(
            file=path.name,
            created=utc_now(),
            duration_s=round(audio.duration_s, 4),
            samplerate=audio.samplerate,
            channels=audio.channels,
            capture=copy.deepcopy(capture),
            check=check,
            source=origin,
            fingerprint=fingerprint,
        )
        with self._changing():
            state = self._state(index)
            state.takes.append(take)
            if choose and (state.chosen is None or not state.chosen_by_user or state.marked_for_rerecord):
                state.chosen, state.chosen_by_user = take.file, False
                state.marked_for_rerecord = False
            if self._manifest.device is None and capture and capture.get("device"):
                self._manifest.device = copy.deepcopy(capture["device"])
                self._manifest.samplerate = int(capture.get("samplerate") or audio.samplerate)
        self.log(f"sentence {index + 1}: {take.file} ({origin}) {verdict_of(check)}")
        return take

    def choose_take(self, index: int, file: str) -> None:
        """Make the take named ``file`` the chosen take of sentence ``index`` (the user's choice)."""
        with self._changing():
            state = self._state(index)
            if state.take(file) is None:
                raise _error(
                    f"Sentence {index + 1} has no take named {file}.",
                    f"第 {index + 1} 句没有名为 {file} 的录音。",
                )
            state.chosen, state.chosen_by_user = file, True

    def recheck_chosen(self) -> None:
        """Make every chosen take's report describe the file on disk: a take without a report
        (migrated from older formats), or whose file's size, mtime or content differs from the
        one checked, is checked again and its new report saved; a missing file is an error.

        Called from a worker thread (the packer and the submit preflight run it first).
        """
        for index in range(self.sentence_count):
            take = self.chosen_take(index)
            if take is None:
                continue
            path = self.take_path(index, take)
            current = take_checks.fingerprint(path)
            if take.check is not None and take.fingerprint == current:
                continue
            audio = read_audio(path)
            check = take_checks.run_check(audio, self.check_context_inputs(index, take.capture))
            with self._changing():
                state = self._state(index)
                state.takes = [
                    replace(t, check=check, fingerprint=current) if t.file == take.file else t
                    for t in state.takes
                ]
            if take.check is not None:
                self.log(
                    f"sentence {index + 1}: {take.file} changed on disk; checked again: {verdict_of(check)}"
                )

    def unchanged_since_check(self, index: int) -> bool:
        """Whether the chosen take of sentence ``index`` still has the size and mtime it was checked with."""
        take = self.chosen_take(index)
        if take is None or take.fingerprint is None:
            return False
        try:
            status = self.take_path(index, take).stat()
        except OSError:
            return False
        return (status.st_size, status.st_mtime_ns) == (
            take.fingerprint["size"],
            take.fingerprint["mtime_ns"],
        )

    def set_current_index(self, index: int) -> None:
        """Remember the sentence the talent is on, so the wizard resumes there."""
        with self._changing():
            self._state(index)
            self._manifest.current_index = index

    def set_microphone_check(self, outcome: str) -> None:
        """Remember how the microphone check ended: one of ``MICROPHONE_CHECKS`` (done, skipped)."""
        if outcome not in MICROPHONE_CHECKS:
            raise ValueError(f"unknown microphone check outcome {outcome!r}")
        with self._changing():
            self._manifest.microphone_check = outcome

    def set_device(self, device: dict, samplerate: int) -> None:
        """Record the session's input device (``{"hostapi", "name"}``) and sample rate."""
        with self._changing():
            self._manifest.device = {"hostapi": str(device["hostapi"]), "name": str(device["name"])}
            self._manifest.samplerate = int(samplerate)

    def update_form(self, form: VoiceForm) -> None:
        """Replace the voice form (language stays the script's); invalid fields are refused."""
        form = replace(form, voice_name=form.voice_name.strip(), phone=form.phone.strip())
        with self._changing():
            if form.language != self._manifest.script.language:
                raise _error(
                    "The language must stay the script's language; start a new session to change it.",
                    "语言必须与文稿的语言一致；如需更换语言请新建会话。",
                )
            _raise_form_errors(validate_voice_form(form, self._manifest.edition))
            self._manifest.voice = form

    def mark_for_rerecord(self, indices: Iterable[int]) -> None:
        """Mark sentences the cloud audit rejected; the talent records them again."""
        with self._changing():
            states = [self._state(index) for index in indices]
            for state in states:
                state.marked_for_rerecord = True

    def set_jobs(self, kind: str, records: list[dict]) -> None:
        """Replace the cloud workflow's records of ``kind``; they must be JSON data without secrets."""
        json.dumps(records)
        with self._changing():
            self._manifest.jobs[kind] = copy.deepcopy(records)

    def add_export(self, record: ExportRecord) -> None:
        """Remember a written zip (called by the packer, usually on a worker thread)."""
        with self._changing():
            self._manifest.exports.append(record)
        self.log(f"exported {record.kind} {record.path} sha256 {record.sha256}")

    def save(self) -> None:
        """Write ``session.json`` now (every change already does)."""
        with self._lock:
            self._require_writable()
            snapshot = self._snapshot()
        self._write_snapshot(*snapshot)

    def log(self, line: str) -> None:
        """Append a timestamped line to ``logs/session.log`` (never put secrets here)."""
        self._require_writable()
        logs = self.folder / LOGS_DIR
        with self._log_lock, naming_file_errors(logs / LOG_NAME):
            make_private_dir(logs)
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
            with open(os.open(logs / LOG_NAME, flags, PRIVATE_FILE_MODE), "a", encoding="utf-8") as stream:
                stream.write(f"{utc_now()} {line}\n")

    # -- internals --------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self._session_lock is None:
            raise RuntimeError(
                f"the session {self.folder} is open for reading only (or closed): it cannot change"
            )

    def _state(self, index: int) -> SentenceTakes:
        sentences = self._manifest.sentences
        if not 0 <= index < len(sentences):
            raise _error(
                f"There is no sentence {index + 1}: this session has {len(sentences)} sentences.",
                f"没有第 {index + 1} 句：本会话共有 {len(sentences)} 句。",
                exit_code=2,
            )
        return sentences[index]

    def _recover_partial_takes(self) -> None:
        """Keep the takes a crash interrupted as (unchosen) takes of their sentences."""
        folders = {state.folder: i for i, state in enumerate(self._manifest.sentences)}
        for result in take_checks.repair_partial_takes(self.folder / TAKES_DIR):
            index = folders.get(result.path.parent.name)
            if index is not None:
                self._add_take(index, result.path, None, "recovered", choose=False)

    def _adopt_file(self, index: int, path: Path, audio: AudioData) -> Path:
        with self._lock:
            self._require_writable()
            folder = (self.folder / TAKES_DIR / self._state(index).folder).resolve()
            in_place = path.resolve().parent == folder
            if in_place and self._state(index).take(path.name) is not None:
                raise _error(
                    f"{path.name} is already a take of sentence {index + 1}.",
                    f"{path.name} 已经是第 {index + 1} 句的录音。",
                )
            if in_place and _FINISHED_TAKE.fullmatch(path.name):
                return path
            target = self.next_take_path(index)
            with naming_file_errors(target):
                if in_place:
                    path.replace(target)
                    return target
                # Reserve the name at once so a second import cannot pick it.
                os.close(create_private_file(target))
        try:
            with naming_file_errors(target):
                _copy_in(path, target, audio)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        """Change the manifest under the lock, then save it once the lock is released.

        The snapshot is taken under the lock; the write (with its fsyncs) happens outside it, so
        readers (the GUI thread) never wait for the disk. Writes are serialised, and a snapshot
        older than the one already written is skipped: the newest state always lands last.
        """
        with self._lock:
            self._require_writable()
            yield
            snapshot = self._snapshot()
        self._write_snapshot(*snapshot)

    def _snapshot(self) -> tuple[bytes, int]:
        """The manifest, touched, as the bytes to write and their number in order (lock held)."""
        self._manifest = self._manifest.touched()
        self._snapshots += 1
        return self._manifest.to_json(), self._snapshots

    def _write_snapshot(self, data: bytes, number: int) -> None:
        """Write a snapshot unless a newer one is already on disk (serialised, outside the lock)."""
        with self._write_lock, naming_file_errors(self.manifest_path):
            if number > self._written:
                atomic_write_bytes(self.manifest_path, data)
                self._written = number

    def _write(self) -> None:
        self._require_writable()
        atomic_write_bytes(self.manifest_path, self._manifest.to_json())


def _copy_in(path: Path, target: Path, audio: AudioData) -> None:
    """Copy an imported file to ``target``: a WAV byte for byte, anything else as 24-bit WAV."""
    if soundfile.info(str(path)).format == "WAV":
        with atomic_output(target) as stream, open(path, "rb") as original:
            shutil.copyfileobj(original, stream)
    else:
        with atomic_output(target) as stream:
            soundfile.write(stream, audio.samples, audio.samplerate, subtype="PCM_24", format="WAV")


def _source_parts(source: Path | RecordedTake, capture: dict | None) -> tuple[Path, dict | None, str]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise _error(
                f"The recording {path} does not exist. Check the path.",
                f"录音文件 {path} 不存在。请检查路径。",
                exit_code=2,
            )
        origin = "recorded" if capture is not None else f"imported:{path.name}"
        return path, capture, origin
    return Path(source.path), capture if capture is not None else source.capture_report(), "recorded"


def _raise_form_errors(errors: dict[str, Bilingual]) -> None:
    if errors:
        raise UserFacingError(
            Bilingual(" ".join(m.en for m in errors.values()), " ".join(m.zh for m in errors.values())),
            exit_code=2,
        )


def _check_new_session(form: VoiceForm, edition: str, script: Script) -> None:
    _raise_form_errors(validate_voice_form(form, edition))
    if script.language != form.language:
        raise _error(
            f"The script is in {script.language} but the voice language is {form.language}. "
            "Choose a script in the voice's language.",
            f"文稿语言是 {script.language}，而声音语言是 {form.language}。请选择与声音语言一致的文稿。",
            exit_code=2,
        )
    fewest, most = sentence_bounds(edition)
    if most is None and len(script.sentences) < fewest:
        raise _error(
            f"The {edition} edition reads at least {fewest} sentences but the script has "
            f"{len(script.sentences)}. Use a longer script or another edition.",
            f"{edition} 版本至少需要 {fewest} 句，而文稿只有 {len(script.sentences)} 句。"
            "请使用更长的文稿或其他版本。",
            exit_code=2,
        )
    wanted = most
    if wanted is not None and len(script.sentences) != wanted:
        raise _error(
            f"The {edition} edition reads exactly {wanted} sentences but the script has "
            f"{len(script.sentences)}. Use a script with {wanted} sentences or the other edition.",
            f"{edition} 版本需要正好 {wanted} 句，而文稿有 {len(script.sentences)} 句。"
            f"请使用 {wanted} 句的文稿或另一个版本。",
            exit_code=2,
        )


def _locked(folder: Path, writer: str, build: Callable[[SessionLock], Session]) -> Session:
    """Take ``folder``'s lock for ``writer`` and build the session that keeps it; the lock goes
    again when building fails."""
    lock = SessionLock(folder, writer)
    lock.acquire()
    try:
        return build(lock)
    except BaseException:
        lock.release()
        raise


def _check_create_type(create_type: str, edition: str) -> None:
    if create_type not in CREATE_TYPES:
        raise _error(
            f"Choose how the recordings are sent: one of {', '.join(CREATE_TYPES)}, not {create_type!r}.",
            f"请选择录音的提交方式：{'、'.join(CREATE_TYPES)} 之一，而不是 {create_type!r}。",
            EXIT_USAGE,
        )
    if create_type == "SEGMENT" and edition.upper() == "ADVANCE":
        raise _error(
            "ADVANCE is sent as one whole recording, so it cannot be sent sentence by sentence "
            "(SEGMENT). Choose PACKAGE, or the BASIC or MIDDLE edition.",
            "高级版（ADVANCE）以一整段录音提交，不能逐句提交（SEGMENT）。"
            "请选择 PACKAGE，或改用基础版（BASIC）或进阶版（MIDDLE）。",
            EXIT_USAGE,
        )


def _refuse_used_folder(folder: Path, ignore: frozenset[str] = frozenset()) -> None:
    """Refuse a folder that exists with anything but ``ignore`` in it."""
    if folder.exists() and (not folder.is_dir() or any(e.name not in ignore for e in folder.iterdir())):
        raise _error(
            f"{folder} already exists and is not empty. Choose a new folder for the session.",
            f"{folder} 已存在且不为空。请为会话选择一个新文件夹。",
            exit_code=2,
        )


def _private_root(root: Path | None) -> Path:
    """``root``, or the data folder's ``sessions/``, created private (and so is the data folder)."""
    root = root or sessions_dir()
    if root == sessions_dir():
        make_private_dir(data_dir())
    make_private_dir(root)
    return root


def _not_a_session(folder: Path) -> UserFacingError:
    return _error(
        f"{folder} is not a session folder (it has no {MANIFEST_NAME}). Choose the folder "
        "that 'voicerecorder new' or the wizard created.",
        f"{folder} 不是录音会话文件夹（其中没有 {MANIFEST_NAME}）。请选择由 “voicerecorder new” "
        "或向导创建的文件夹。",
        exit_code=2,
    )


def _read_manifest(folder: Path) -> bytes:
    path = folder / MANIFEST_NAME
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise _not_a_session(folder) from error
    except OSError as error:
        raise _error(
            f"Cannot read {path} ({error.strerror}). Check the folder's permissions.",
            f"无法读取 {path}（{error.strerror}）。请检查文件夹权限。",
        ) from error


def list_sessions(root: Path | None = None) -> list[Path]:
    """Session folders under ``root`` (default: the data folder's ``sessions/``), newest first."""
    root = root or sessions_dir()
    found = [entry for entry in root.iterdir() if (entry / MANIFEST_NAME).is_file()] if root.is_dir() else []
    with contextlib.suppress(OSError):
        found.sort(key=lambda entry: (entry / MANIFEST_NAME).stat().st_mtime, reverse=True)
    return found
