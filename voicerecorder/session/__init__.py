"""The session folder, its manifest, scripts and the MetaStudio export (no Qt)."""
