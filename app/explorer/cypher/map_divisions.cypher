// description: The documents that apply to (or also mention) each region, parks counted at their region: the map's choropleth by province and city.
// param: mentions bool = false count documents that only mention a place too
// One walk per place label: a place matched without a label was found by scanning every node.
CALL {
  MATCH (d:Document)-[rel:APPLIES_TO|MENTIONS]->(p:Region)
  WHERE type(rel) = 'APPLIES_TO' OR $mentions
  RETURN p.adcode AS adcode, d
  UNION ALL
  MATCH (d:Document)-[rel:APPLIES_TO|MENTIONS]->(p:Park)
  WHERE type(rel) = 'APPLIES_TO' OR $mentions
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(r:Region)
  RETURN coalesce(r.adcode, p.adcode) AS adcode, d
}
WITH adcode, d
WHERE adcode IS NOT NULL
RETURN adcode, collect(DISTINCT d.id) AS documents
ORDER BY adcode
