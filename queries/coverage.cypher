// description: Implementation coverage: for a higher-level document, every region within its jurisdiction (all regions the graph knows for a central document) with the documents there that implement it directly or through others (根据/落实/参照), their level and how many days after it; covered = false marks a region with none.
// param: doc str 文号 or part of the title of the higher-level document
// A document's region: the region it applies to, the region of a park it applies to, or the
// region of its issuing organ. Regions are those in the graph (named in some document).
MATCH (d:Document)
WHERE d.doc_number = $doc OR d.title CONTAINS $doc
OPTIONAL MATCH (d)-[:APPLIES_TO|ISSUED_BY]->()-[:BELONGS_TO|LOCATED_IN*0..1]->(home:Region)
WITH d, collect(DISTINCT home) AS homes
MATCH (r:Region)-[:PART_OF*0..3]->(top:Region)
WHERE (size(homes) = 0 OR top IN homes) AND NOT r IN homes
WITH DISTINCT d, r
OPTIONAL MATCH p = (r)<-[:BELONGS_TO|LOCATED_IN*0..1]-()<-[:APPLIES_TO|ISSUED_BY]-(x:Document)-[:CITES*1..6]->(d)
WHERE all(c IN relationships(p) WHERE type(c) <> 'CITES' OR c.relation IN ['basis', 'implements', 'applies'])
  AND x <> d
WITH d, r, x,
     toInteger(substring(d.date, 0, 4)) - (14 - toInteger(substring(d.date, 5, 2))) / 12 AS dy,
     toInteger(substring(d.date, 5, 2)) AS dm,
     toInteger(substring(d.date, 8, 2)) AS dd,
     toInteger(substring(x.date, 0, 4)) - (14 - toInteger(substring(x.date, 5, 2))) / 12 AS xy,
     toInteger(substring(x.date, 5, 2)) AS xm,
     toInteger(substring(x.date, 8, 2)) AS xd
WITH d, r, x,
     (365 * xy + xy / 4 - xy / 100 + xy / 400 + (153 * ((xm + 9) % 12) + 2) / 5 + xd)
     - (365 * dy + dy / 4 - dy / 100 + dy / 400 + (153 * ((dm + 9) % 12) + 2) / 5 + dd) AS days
WITH d, r,
     collect(DISTINCT x.title) AS documents,
     collect(DISTINCT x.level) AS document_levels,
     min(x.date) AS first_date,
     min(days) AS days_after
RETURN d.title AS document,
       r.name AS region,
       r.adcode AS adcode,
       r.level AS level,
       size(documents) > 0 AS covered,
       documents,
       document_levels,
       first_date,
       days_after
ORDER BY CASE level WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END,
         covered DESC, first_date, adcode
LIMIT 1000
