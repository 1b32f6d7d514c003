"""Vector tiles: the Géoplateforme TMS service (tms), Mapbox vector tile bodies (mvt), their styles offline (styles)."""
