"""The window: PySide6 widgets over the services (see docs/ARCHITECTURE.md)."""

from deliverydesk.ui.core.pyside_feature import skip_source_scan

skip_source_scan()  # before the rest of the window's modules, and SQLAlchemy, are imported
