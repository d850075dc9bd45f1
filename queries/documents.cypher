// description: Every document in the graph with its metadata; stubs are documents known only from citations.
MATCH (d:Document)
RETURN d.title AS title,
       d.doc_number AS doc_number,
       d.issuer AS issuer,
       d.date AS date,
       d.kind AS kind,
       d.status AS status,
       d.level AS level,
       d.stub AS stub
ORDER BY stub, date, title
