"""The download engine (concurrent, rate-capped, checked, resumable) and a whole WMTS/XYZ → MBTiles job."""
