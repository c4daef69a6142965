"""The wizard's dialogs and windows: Settings, Jobs, About/Diagnostics (one module each)."""
