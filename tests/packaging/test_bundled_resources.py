"""The installers carry resources/ without the README's screenshots: the spec's own data list, in seconds."""

from pathlib import Path, PurePosixPath

from support.packaging_files import load_packaging_script

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "voicerecorder.spec"


def load_bundled_resources():
    return load_packaging_script("bundled_resources.py")


def spec_datas() -> list[tuple[str, str]]:
    """Run the spec up to its Analysis (PyInstaller's build objects are not needed for ``datas``)."""
    source = SPEC.read_text("utf-8")
    head = source[: source.index("a = Analysis(")]
    namespace = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC)}
    exec(compile(head, str(SPEC), "exec"), namespace)  # the project's own build file
    return namespace["datas"]


def bundle_path(source: str, folder: str) -> str:
    return f"{folder}/{Path(source).name}"


def test_the_spec_bundles_resources_without_screenshots():
    bundled = {bundle_path(source, folder) for source, folder in spec_datas()}
    assert not [path for path in bundled if path.startswith("resources/screenshots")]
    resources = ROOT / "resources"
    expected = {
        f"resources/{path.relative_to(resources).as_posix()}"
        for path in resources.rglob("*")
        if path.is_file() and path.relative_to(resources).parts[0] != "screenshots"
    }
    assert expected <= bundled
    assert "resources/i18n/voicerecorder_zh_CN.qm" in bundled
    assert "resources/icons/voicerecorder.svg" in bundled
    assert "resources/scripts/cn/advance/news.txt" in bundled


def test_screenshots_are_left_out_wherever_they_are(tmp_path):
    module = load_bundled_resources()
    for name in ("screenshots/en/01-start.png", "screenshots/zh_CN/02-voice.png", "icons/a.png", "i18n/x.qm"):
        (tmp_path / "resources" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "resources" / name).write_bytes(b"x")
    entries = module.bundled_resources(tmp_path)
    assert sorted(bundle_path(source, folder) for source, folder in entries) == [
        "resources/i18n/x.qm",
        "resources/icons/a.png",
    ]
    assert not module.is_bundled(PurePosixPath("screenshots/en/01-start.png"))
    assert module.is_bundled(PurePosixPath("scripts/screenshots.txt"))
