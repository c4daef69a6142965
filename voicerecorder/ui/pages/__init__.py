"""One QWizardPage subclass per module; see ``voicerecorder.ui.wizard`` for the page order."""
