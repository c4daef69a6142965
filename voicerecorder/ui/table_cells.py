"""Writing table cells in place: an existing item is re-used, so re-wording a table (on a language
change, possibly while its window is being deleted) never creates or replaces items."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def cell(table: QTableWidget, row: int, column: int, text: str) -> QTableWidgetItem:
    """The item at (row, column) showing ``text``; created only when the cell is empty."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem(text)
        table.setItem(row, column, item)
    else:
        item.setText(text)
    return item
