"""Whole datasets from the Géoplateforme download service (BD TOPO, RGE ALTI, BD ORTHO, Parcellaire Express).

`service` lists what the service offers (its Atom feeds), `transfer` fetches one file by HTTP Range with resume
and an MD5 check, `editions` reads IGN's names, `zones` knows the départements. A library keeps a dataset in
`<library>/datasets/<PRODUCT>/<Dxxx>/` (`archives/` for the downloaded 7z volumes, `data/` for what extraction
writes).
"""
