// description: Documents with their metadata, how many citations touch each, and the places they apply to.
MATCH (d:Document)
OPTIONAL MATCH (d)-[c:CITES]-(:Document)
WITH d, count(c) AS citations
OPTIONAL MATCH (d)-[:APPLIES_TO]->(p)
RETURN d.id AS id,
       d.doc_number AS doc_number,
       d.title AS title,
       d.issuer AS issuer,
       d.date AS date,
       d.kind AS kind,
       d.status AS status,
       d.level AS level,
       d.stub AS stub,
       d.source AS source,
       citations,
       collect(DISTINCT p.name) AS places
ORDER BY date, title
