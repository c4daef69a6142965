"""PyInstaller hook for webrtcvad as shipped by the ``webrtcvad-wheels`` distribution.

It replaces the contributed hook, which copies the metadata of a distribution named
``webrtcvad`` and fails the build when only ``webrtcvad-wheels`` is installed; the module
reads its version from the ``webrtcvad-wheels`` metadata.
"""

from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("webrtcvad-wheels")
