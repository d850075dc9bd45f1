// description: Regions and parks with coordinates (parks take their region's) and how many documents apply to each (or also mention it).
// param: mentions bool = false count documents that only mention a place too
MATCH (r:Region)
WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL
OPTIONAL MATCH (d:Document)-[rel:APPLIES_TO|MENTIONS]->(r)
WHERE type(rel) = 'APPLIES_TO' OR $mentions
RETURN 'Region' AS kind, r.id AS id, r.name AS name, r.level AS level, r.lon AS lon, r.lat AS lat,
       r.adcode AS adcode, count(DISTINCT d) AS documents
UNION ALL
MATCH (p:Park)-[:LOCATED_IN]->(r:Region)
WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL
OPTIONAL MATCH (d:Document)-[rel:APPLIES_TO|MENTIONS]->(p)
WHERE type(rel) = 'APPLIES_TO' OR $mentions
RETURN 'Park' AS kind, p.id AS id, p.name AS name, p.level AS level, r.lon AS lon, r.lat AS lat,
       r.adcode AS adcode, count(DISTINCT d) AS documents
