"""Reusable widgets: level meter, waveform, take list, finding list, banner."""
