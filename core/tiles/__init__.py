"""The tile grid and areas: Web Mercator tile math, coverage areas (presets, extents), which tiles meet polygons."""
