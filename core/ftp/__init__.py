"""Open-data FTP: the client, product names and listings, downloads, archives and raster mosaics."""
