"""The PySide6 wizard, its pages, dialogs and widgets."""
