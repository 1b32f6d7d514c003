"""Vector tiles: the Géoplateforme TMS, Mapbox vector tile bodies, their styles offline."""
