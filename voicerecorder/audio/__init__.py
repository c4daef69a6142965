"""Microphone devices, the crash-safe capture engine and WAV files (no Qt)."""
