// description: Documents (loaded or known only from citations) issued by an organ of a region, its cities and counties included.
// param: region str name of the region (e.g. 河南省, 亳州市)
MATCH (d:Document)-[:ISSUED_BY]->(u:Unit)-[:BELONGS_TO]->(home:Region)
MATCH (home)-[:PART_OF*0..2]->(r:Region)
WHERE r.name = $region
RETURN DISTINCT d.title AS title,
       d.doc_number AS doc_number,
       u.name AS issuer,
       home.name AS issuer_region,
       d.level AS level,
       d.stub AS stub
ORDER BY stub, doc_number, title
