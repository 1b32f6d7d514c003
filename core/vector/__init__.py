"""Vector tiles: the Géoplateforme TMS service (core.vector.tms) and Mapbox vector tile bodies (core.vector.mvt)."""
