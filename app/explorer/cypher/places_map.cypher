// description: Regions and parks with coordinates (parks take their region's) and how many documents apply to or mention each.
MATCH (r:Region)
WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL
OPTIONAL MATCH (d:Document)-[:APPLIES_TO|MENTIONS]->(r)
RETURN 'Region' AS kind, r.id AS id, r.name AS name, r.level AS level, r.lon AS lon, r.lat AS lat,
       count(DISTINCT d) AS documents
UNION ALL
MATCH (p:Park)-[:LOCATED_IN]->(r:Region)
WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL
OPTIONAL MATCH (d:Document)-[:APPLIES_TO|MENTIONS]->(p)
RETURN 'Park' AS kind, p.id AS id, p.name AS name, p.level AS level, r.lon AS lon, r.lat AS lat,
       count(DISTINCT d) AS documents
