"""Modules the app never imports and the bundle leaves out, kept in this one place.

SciPy and pyloudnorm are the test-only loudness reference; the others are test tools and the
Huawei SDK reference. packaging/voicerecorder.spec excludes them; tests/test_footprint.py fails
when importing the app loads one, and tests/packaging/test_linux_bundle.py when the bundle holds one.
"""

DENIED_MODULES: tuple[str, ...] = (
    "scipy",
    "pyloudnorm",
    "huaweicloudsdkcore",
    "huaweicloudsdkmetastudio",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "importlinter",
    "tkinter",
    "_tkinter",
    "matplotlib",
    "IPython",
    "PIL",
)
