// description: The documents that apply to (or also mention) each region, parks counted at their region: the map's choropleth by province and city.
// param: mentions bool = false count documents that only mention a place too
MATCH (d:Document)-[rel:APPLIES_TO|MENTIONS]->(p)
WHERE (p:Region OR p:Park) AND (type(rel) = 'APPLIES_TO' OR $mentions)
OPTIONAL MATCH (p)-[:LOCATED_IN]->(r:Region)
WITH coalesce(r.adcode, p.adcode) AS adcode, d
WHERE adcode IS NOT NULL
RETURN adcode, collect(DISTINCT d.id) AS documents
ORDER BY adcode
