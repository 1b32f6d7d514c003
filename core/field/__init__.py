"""To the field: offline copies of QGIS projects and exports for phone apps."""
