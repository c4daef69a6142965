"""The installer metadata the three platforms read: macOS plists, Windows version and uninstaller,
the Linux menu entry and per-user install script."""

import configparser
import os
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from voicerecorder import __version__
from voicerecorder.paths import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
STRINGS = re.compile(r'^"(?P<key>\w+)"\s*=\s*"(?P<value>[^"]+)";$', re.MULTILINE)


def test_entitlements_allow_the_microphone_under_the_hardened_runtime():
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as file:
        entitlements = plistlib.load(file)
    assert entitlements["com.apple.security.device.audio-input"] is True
    assert entitlements["com.apple.security.cs.allow-unsigned-executable-memory"] is True
    assert entitlements["com.apple.security.cs.disable-library-validation"] is True


@pytest.mark.parametrize(("language", "script"), [("en", r"[A-Za-z]"), ("zh-Hans", r"[\u4e00-\u9fff]")])
def test_microphone_reason_is_given_in_each_language(language, script):
    text = (PACKAGING / "macos" / f"{language}.lproj" / "InfoPlist.strings").read_text("utf-8")
    entries = {match["key"]: match["value"] for match in STRINGS.finditer(text)}
    assert re.search(script, entries["NSMicrophoneUsageDescription"])


def load_version_info():
    sys.path.insert(0, str(PACKAGING / "windows"))
    try:
        import version_info
    finally:
        sys.path.remove(str(PACKAGING / "windows"))
    return version_info


def evaluate_version_file(text: str) -> dict:
    """Evaluate the version file the way PyInstaller does, with each structure recorded as a dict."""

    def recorder(kind):
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    return eval(text, {name: recorder(name) for name in names.split()})


def test_windows_version_file_carries_the_app_version():
    info = evaluate_version_file(load_version_info().render("2.3.4"))
    assert info["ffi"]["filevers"] == (2, 3, 4, 0)
    strings = dict(item["args"] for item in info["kids"][0]["args"][0][0]["args"][1])
    assert strings["FileVersion"] == strings["ProductVersion"] == "2.3.4"
    assert strings["OriginalFilename"] == "voicerecorder.exe"


@pytest.mark.parametrize(
    ("version", "numbers"), [(__version__, None), ("1.2", (1, 2, 0, 0)), ("1.2.3rc4", (1, 2, 3, 4))]
)
def test_windows_version_numbers(version, numbers):
    parsed = load_version_info().numeric_version(version)
    assert len(parsed) == 4
    if numbers:
        assert parsed == numbers


def test_a_version_without_numbers_is_refused():
    with pytest.raises(ValueError, match="no numbers"):
        load_version_info().numeric_version("dev")


def test_inno_setup_installs_per_user_and_asks_about_the_real_data_folder():
    script = (PACKAGING / "windows" / "voicerecorder.iss").read_text("utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest\r?$", script, re.MULTILINE)
    assert f"ExpandConstant('{{localappdata}}\\{APP_NAME}')" in script
    for language in ("english", "chinesesimplified"):
        assert re.search(rf"^{language}\.KeepRecordings=.+%1", script, re.MULTILINE)


def test_inno_setup_installs_into_the_per_user_programs_folder():
    script = (PACKAGING / "windows" / "voicerecorder.iss").read_text("utf-8-sig")
    assert re.search(r"^DefaultDirName=\{localappdata\}\\Programs\\\{#AppName\}\r?$", script, re.MULTILINE)


def test_inno_setup_code_has_no_brace_comment_holding_a_brace():
    """Pascal brace comments do not nest: one that mentions {app} ends there and the compile fails."""
    script = (PACKAGING / "windows" / "voicerecorder.iss").read_text("utf-8-sig")
    code = re.sub(r"'[^']*'", "''", script.split("[Code]", 1)[1])
    comments = re.findall(r"\{[^}]*\}", code)
    assert comments == [comment for comment in comments if "{" not in comment[1:]]


def test_desktop_entry_starts_the_app_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / "voicerecorder.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"], desktop["Terminal"]) == (
        "Application",
        "voicerecorder",
        "voicerecorder",
        "false",
    )
    assert "Name[zh_CN]" in desktop
    assert desktop["StartupWMClass"] == APP_NAME


def test_the_app_names_its_desktop_file_as_the_menu_entry_expects(qapp):
    from voicerecorder.ui.app import application

    assert application().desktopFileName() == APP_NAME


@pytest.fixture
def unpacked_archive(tmp_path):
    """The layout of the Linux archive, with a stand-in program in place of the bundle."""
    archive = tmp_path / "archive"
    (archive / "voicerecorder" / "_internal").mkdir(parents=True)
    program = archive / "voicerecorder" / "voicerecorder"
    program.write_text("#!/bin/sh\necho voicerecorder-stand-in\n")
    program.chmod(0o755)
    (archive / "icons").mkdir()
    for size in (16, 256):
        (archive / "icons" / f"voicerecorder-{size}.png").write_bytes(
            (ROOT / "resources" / "icons" / f"voicerecorder-{size}.png").read_bytes()
        )
    for name in ("voicerecorder.desktop", "install.sh"):
        (archive / name).write_bytes((PACKAGING / "linux" / name).read_bytes())
    return archive


def run_install(
    archive: Path, home: Path, *args: str, path: str | None = None
) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": path or os.environ["PATH"]}
    return subprocess.run(
        ["bash", str(archive / "install.sh"), *args], env=env, capture_output=True, text=True, check=True
    )


def test_install_script_installs_for_the_user_and_uninstalls_keeping_recordings(unpacked_archive, tmp_path):
    home = tmp_path / "home"
    recordings = home / ".local" / "share" / "voicerecorder" / "sessions"
    recordings.mkdir(parents=True)
    run_install(unpacked_archive, home)
    program = home / ".local" / "lib" / "voicerecorder" / "voicerecorder"
    command = home / ".local" / "bin" / "voicerecorder"
    assert subprocess.run([str(command)], capture_output=True, text=True).stdout == "voicerecorder-stand-in\n"
    menu = (home / ".local" / "share" / "applications" / "voicerecorder.desktop").read_text()
    assert f'Exec="{program}"\n' in menu
    assert (home / ".local/share/icons/hicolor/256x256/apps/voicerecorder.png").is_file()

    run_install(unpacked_archive, home, "--uninstall")
    assert not program.exists()
    assert not command.exists()
    assert not (home / ".local/share/icons/hicolor/256x256/apps/voicerecorder.png").exists()
    assert recordings.is_dir()


_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def exec_arguments(value: str) -> list[str]:
    """An Exec= value read as the Desktop Entry Specification says: string escapes first, then
    double-quoted arguments (backslash escapes ``"`` ` $ \\), then ``%%`` for a percent sign."""
    text, n = "", 0
    while n < len(value):
        if value[n] == "\\" and n + 1 < len(value):
            text += _STRING_ESCAPES.get(value[n + 1], "\\" + value[n + 1])
            n += 2
        else:
            text, n = text + value[n], n + 1
    arguments, current, quoted, n = [], "", False, 0
    while n < len(text):
        char = text[n]
        if quoted and char == "\\" and text[n + 1] in '"`$\\':
            current, n = current + text[n + 1], n + 2
            continue
        if char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            arguments.append(current)
            current = ""
        else:
            current += char
        n += 1
    assert not quoted, value
    return [argument.replace("%%", "%") for argument in [*arguments, current] if argument]


def test_the_menu_entry_starts_the_app_from_a_home_folder_with_spaces_and_quotes(unpacked_archive, tmp_path):
    home = tmp_path / 'Ada Lovelace "the" $HOME `x` 100% \\ folder'
    home.mkdir()
    run_install(unpacked_archive, home)
    menu = (home / ".local" / "share" / "applications" / "voicerecorder.desktop").read_text()
    [line] = [line for line in menu.splitlines() if line.startswith("Exec=")]
    [program] = exec_arguments(line.removeprefix("Exec="))
    assert program == str(home / ".local" / "lib" / "voicerecorder" / "voicerecorder")
    assert subprocess.run([program], capture_output=True, text=True).stdout == "voicerecorder-stand-in\n"


def test_install_says_how_to_start_the_app_when_local_bin_is_not_on_path(unpacked_archive, tmp_path):
    home = tmp_path / "home"
    bin_dir = home / ".local" / "bin"
    elsewhere = run_install(unpacked_archive, home, path="/usr/bin:/bin").stdout
    assert f"{bin_dir} is not on your PATH" in elsewhere
    assert 'export PATH="$HOME/.local/bin:$PATH"' in elsewhere
    on_path = run_install(unpacked_archive, home, path=f"/usr/bin:{bin_dir}:/bin").stdout
    assert "not on your PATH" not in on_path
    assert f"run: {bin_dir}/voicerecorder" in on_path


@pytest.mark.parametrize(
    "script",
    [
        "build.sh",
        "linux/install.sh",
        "linux/selftest-without-system-portaudio.sh",
        "macos/build-dmg.sh",
    ],
)
def test_shell_scripts_parse(script):
    subprocess.run(["bash", "-n", str(PACKAGING / script)], check=True)
