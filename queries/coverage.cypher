// description: Implementation coverage: for a higher-level document, every region within its jurisdiction (all regions the graph knows for a central document) with the documents there that implement it directly or through others (根据/落实/参照), their level and how many days after it; covered = false marks a region with none.
// param: doc str 文号 of the higher-level document, or part of its title when no document has that 文号
// A document's region: the region it applies to, the region of a park it applies to, or the
// region of its issuing organ. Regions are those in the graph (named in some document).
// The 文号 is looked up through its index; titles are searched only when no 文号 matches.
OPTIONAL MATCH (n:Document {doc_number: $doc})
WITH count(n) > 0 AS numbered
CALL {
  WITH numbered
  MATCH (d:Document {doc_number: $doc})
  WHERE numbered
  RETURN d
  UNION
  WITH numbered
  MATCH (d:Document)
  WHERE NOT numbered AND d.title CONTAINS $doc
  RETURN d
}
WITH d
OPTIONAL MATCH (d)-[:APPLIES_TO|ISSUED_BY]->()-[:BELONGS_TO|LOCATED_IN*0..1]->(home:Region)
WITH d, collect(DISTINCT home) AS homes
// The implementing documents once, backwards from d, with their regions and days after d;
// then every region of the jurisdiction picks its own (not a path search per region).
OPTIONAL MATCH p = (x:Document)-[:CITES*1..6]->(d)
WHERE all(c IN relationships(p) WHERE c.relation IN ['basis', 'implements', 'applies'])
  AND x <> d
WITH d, homes, collect(DISTINCT x) AS implementing
UNWIND CASE WHEN size(implementing) = 0 THEN [null] ELSE implementing END AS x
OPTIONAL MATCH (x)-[:APPLIES_TO|ISSUED_BY]->()-[:BELONGS_TO|LOCATED_IN*0..1]->(xr:Region)
WITH d, homes, x, collect(DISTINCT xr) AS x_regions,
     toInteger(substring(d.date, 0, 4)) - (14 - toInteger(substring(d.date, 5, 2))) / 12 AS dy,
     toInteger(substring(d.date, 5, 2)) AS dm,
     toInteger(substring(d.date, 8, 2)) AS dd,
     toInteger(substring(x.date, 0, 4)) - (14 - toInteger(substring(x.date, 5, 2))) / 12 AS xy,
     toInteger(substring(x.date, 5, 2)) AS xm,
     toInteger(substring(x.date, 8, 2)) AS xd
WITH d, homes,
     collect({regions: x_regions, title: x.title, level: x.level, date: x.date,
              days: (365 * xy + xy / 4 - xy / 100 + xy / 400 + (153 * ((xm + 9) % 12) + 2) / 5 + xd)
                    - (365 * dy + dy / 4 - dy / 100 + dy / 400 + (153 * ((dm + 9) % 12) + 2) / 5 + dd)}) AS hits
MATCH (r:Region)-[:PART_OF*0..3]->(top:Region)
WHERE (size(homes) = 0 OR top IN homes) AND NOT r IN homes
WITH DISTINCT d, r, hits
WITH d, r, [h IN hits WHERE h.title IS NOT NULL AND r IN h.regions] AS here
WITH d, r,
     reduce(s = [], h IN here | CASE WHEN h.title IN s THEN s ELSE s + h.title END) AS documents,
     reduce(s = [], h IN here | CASE WHEN h.level IS NULL OR h.level IN s THEN s ELSE s + h.level END) AS document_levels,
     reduce(m = null, h IN here | CASE WHEN m IS NULL OR h.date < m THEN h.date ELSE m END) AS first_date,
     reduce(m = null, h IN here | CASE WHEN m IS NULL OR h.days < m THEN h.days ELSE m END) AS days_after
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
