"""pyqtgraph charts with values on hover. Imported lazily: pyqtgraph takes ~0.6 s."""
