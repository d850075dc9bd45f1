// description: Documents with their metadata and the places they apply to, for browsing and filtering.
MATCH (d:Document)
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
       collect(DISTINCT p.name) AS places
ORDER BY date, title
