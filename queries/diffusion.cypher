// description: Diffusion timeline: loaded documents on the same topic as a document — citing (not repealing or amending) a document it cites, or of the same kind with a similar title — ordered by date across regions, with days before (negative) or after it, to see who moved first.
// param: doc str 文号 or part of the title of the document
// param: similarity float = 0.5 share of the document's title bigrams (boilerplate words left out) another title must contain
MATCH (d:Document)
WHERE d.doc_number = $doc OR d.title CONTAINS $doc
WITH d, [i IN range(0, size(d.title) - 2) | substring(d.title, i, 2)] AS grams
WITH d, [g IN grams WHERE NOT g IN ['关于', '于加', '于推', '于进', '实施', '施方', '方案', '意见', '的意', '的通', '通知', '若干', '干意', '工作', '作方', '进一', '一步', '的实', '行动', '动方', '计划', '年）', '（2', '20', '02']] AS grams
MATCH (x:Document)
WHERE coalesce(x.stub, false) = false
OPTIONAL MATCH (d)-[c1:CITES]->(shared:Document)<-[c2:CITES]-(x)
WHERE x <> d AND NOT c1.relation IN ['repeals', 'amends'] AND NOT c2.relation IN ['repeals', 'amends']
WITH d, x, grams, count(DISTINCT shared) AS shared_citations
WITH d, x, shared_citations,
     CASE WHEN size(grams) = 0 THEN 0.0
          ELSE toFloat(size([g IN grams WHERE x.title CONTAINS g])) / size(grams) END AS title_similarity
WHERE x = d OR shared_citations > 0 OR (x.kind = d.kind AND title_similarity >= $similarity)
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
