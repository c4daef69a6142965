"""A local emulator of the MetaStudio voice-training API and of OBS pre-signed uploads (no Qt)."""
