"""Tile servers: HTTP with deadlines and caps, usage policies, accounts, WMTS capabilities, URL templates."""
