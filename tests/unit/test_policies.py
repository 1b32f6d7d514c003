"""Usage policies: refused before any request, pace kept within each server's ceilings."""

import pytest

from core.sources import policies
from core.sources.policies import PolicyRefused

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@pytest.mark.parametrize("url", [OSM, "https://a.tile.openstreetmap.org/{z}/{x}/{y}.png"])
def test_openstreetmap_bulk_jobs_are_refused_citing_the_policy(url):
    with pytest.raises(PolicyRefused, match=r"OpenStreetMap tile usage policy.*operations\.osmfoundation\.org"
                                            r"/policies/tiles.*1,000 tiles"):
        policies.check_job(url, 1000, 12)
    with pytest.raises(PolicyRefused, match="zoom 17"):
        policies.check_job(url, 10, 17)
    policies.check_job(url, 40, 10)  # a handful of tiles at low zoom is fine


def test_openstreetmap_gets_two_connections_at_most():
    assert policies.effective_pace(OSM, 8, 20.0)[:2] == (2, 20.0)
    assert "2 parallel requests at most" in policies.effective_pace(OSM, 8, 20.0)[2]


def test_geoplateforme_stays_polite_and_others_keep_the_users_pace():
    assert policies.effective_pace("https://data.geopf.fr/wmts", 8, 0)[:2] == (8, 20.0)
    assert policies.effective_pace("https://data.geopf.fr/wmts", 8, 5.0) == (8, 5.0, None)
    assert policies.effective_pace("http://127.0.0.1:8080/wmts", 16, 0) == (16, 0, None)
    policies.check_job("http://127.0.0.1:8080/wmts", 10 ** 7, 20)


def test_attributions_and_licence_notes():
    assert policies.attribution_for("https://data.geopf.fr/wmts").startswith("© IGN – Licence Ouverte")
    assert "restricted" in policies.attribution_for("https://data.geopf.fr/private/wmts?apikey=x")
    assert policies.attribution_for("https://example.org/wmts", "Example") == "Example"
    assert "particuliers" not in policies.licence_note("https://data.geopf.fr/private/wmts")
    assert "private individuals may not download" in policies.licence_note("https://data.geopf.fr/private/wmts")
    assert policies.licence_note("https://data.geopf.fr/wmts") == ""
