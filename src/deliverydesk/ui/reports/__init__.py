"""The client's paper in the window: preview, print, export, batch export, brand, intake."""
