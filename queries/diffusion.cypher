// description: Diffusion timeline: loaded documents on the same topic as a document — citing (not repealing or amending) a document it cites, or of the same kind with a similar title — ordered by date across regions, with days before (negative) or after it, to see who moved first.
// param: doc str 文号 of the document, or part of its title when no document has that 文号
// param: similarity float = 0.5 share of the document's title bigrams (boilerplate words left out) another title must contain
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
WITH d, [i IN range(0, size(d.title) - 2) | substring(d.title, i, 2)] AS grams
WITH d, [g IN grams WHERE NOT g IN ['关于', '于加', '于推', '于进', '实施', '施方', '方案', '意见', '的意', '的通', '通知', '若干', '干意', '工作', '作方', '进一', '一步', '的实', '行动', '动方', '计划', '年）', '（2', '20', '02']] AS grams
// Candidates, one row each, from a subquery so that no aggregation groups by a list (hashing
// a list per row was most of the time): d itself, the documents sharing a cited document with
// d (counted in one walk from d), and the documents of d's kind (the index on Document.kind),
// whose titles are compared.
CALL {
  WITH d
  RETURN d AS x, 0 AS n
  UNION ALL
  WITH d
  MATCH (d)-[c1:CITES]->(shared:Document)<-[c2:CITES]-(y:Document)
  WHERE y <> d AND NOT c1.relation IN ['repeals', 'amends'] AND NOT c2.relation IN ['repeals', 'amends']
  RETURN y AS x, count(DISTINCT shared) AS n
  UNION ALL
  WITH d
  MATCH (k:Document)
  WHERE k.kind = d.kind AND k <> d
  RETURN k AS x, 0 AS n
}
WITH d, grams, x, n, x.title AS title
WITH d, x, n,
     CASE WHEN size(grams) = 0 THEN 0.0
          ELSE toFloat(size([g IN grams WHERE title CONTAINS g])) / size(grams) END AS similar
WITH d, x, max(n) AS shared_citations, max(similar) AS title_similarity
WHERE coalesce(x.stub, false) = false
  AND (x = d OR shared_citations > 0 OR (x.kind = d.kind AND title_similarity >= $similarity))
OPTIONAL MATCH (x)-[:APPLIES_TO|ISSUED_BY]->()-[:BELONGS_TO|LOCATED_IN*0..1]->(r:Region)
WITH d, x, shared_citations, title_similarity, collect(DISTINCT r.name) AS regions,
     toInteger(substring(d.date, 0, 4)) - (14 - toInteger(substring(d.date, 5, 2))) / 12 AS dy,
     toInteger(substring(d.date, 5, 2)) AS dm,
     toInteger(substring(d.date, 8, 2)) AS dd,
     toInteger(substring(x.date, 0, 4)) - (14 - toInteger(substring(x.date, 5, 2))) / 12 AS xy,
     toInteger(substring(x.date, 5, 2)) AS xm,
     toInteger(substring(x.date, 8, 2)) AS xd
RETURN x.date AS date,
       x.title AS document,
       x.doc_number AS doc_number,
       x.kind AS kind,
       x.level AS level,
       regions,
       x = d AS this,
       shared_citations,
       round(title_similarity * 100) / 100 AS title_similarity,
       (365 * xy + xy / 4 - xy / 100 + xy / 400 + (153 * ((xm + 9) % 12) + 2) / 5 + xd)
       - (365 * dy + dy / 4 - dy / 100 + dy / 400 + (153 * ((dm + 9) % 12) + 2) / 5 + dd) AS days_from_doc
ORDER BY date, document
LIMIT 500
