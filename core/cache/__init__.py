"""QGIS's network disk cache: Qt's cache file format, tile addresses, recovery into MBTiles."""
