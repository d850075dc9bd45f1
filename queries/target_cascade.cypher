// description: Target cascade: for one indicator and year, targets at every level (national → province → city → county → park) with the nearest target above along the park and region hierarchy, the ratio to it, and a flag where a lower level is less ambitious (rates) or exceeds the level above (amounts).
// param: metric str metric_key of the indicator (e.g. 地区生产总值增速), or part of the printed metric for targets without a key
// param: year int target year (e.g. 2025)
// A target without a scope in a national document is the national target, above every
// province. Ratios and flags only compare targets with the same unit.
MATCH (d:Document)-[:SETS_TARGET]->(t:Target)
WHERE t.year = $year
  AND (t.metric_key = $metric OR (t.metric_key IS NULL AND t.metric CONTAINS $metric))
OPTIONAL MATCH (t)-[:FOR]->(s)
OPTIONAL MATCH hp = (s)-[:LOCATED_IN|PART_OF*1..3]->(anc)<-[:FOR]-(up:Target)<-[:SETS_TARGET]-(ud:Document)
WHERE up.year = $year
  AND (up.metric_key = $metric OR (up.metric_key IS NULL AND up.metric CONTAINS $metric))
WITH d, t, s, up, ud, anc, length(hp) AS hops
ORDER BY hops
WITH d, t, s,
     head(collect(CASE WHEN up IS NULL THEN null
                       ELSE {value: up.value, unit: up.unit, scope: anc.name, document: ud.title} END)) AS above
OPTIONAL MATCH (nd:Document)-[:SETS_TARGET]->(nt:Target)
WHERE nd.level = 'national' AND nt.year = $year AND nt <> t AND s IS NOT NULL
  AND (nt.metric_key = $metric OR (nt.metric_key IS NULL AND nt.metric CONTAINS $metric))
  AND NOT (nt)-[:FOR]->()
WITH d, t, s, above,
     head(collect(CASE WHEN nt IS NULL THEN null
                       ELSE {value: nt.value, unit: nt.unit, scope: '全国', document: nd.title} END)) AS national
WITH d, t, s, coalesce(above, national) AS above
WITH d, t, s, above,
     CASE WHEN s IS NULL THEN coalesce(d.level, 'national')
          WHEN 'Park' IN labels(s) THEN 'park'
          ELSE s.level END AS level,
     CASE WHEN above.unit = t.unit AND above.value <> 0 THEN t.value / above.value END AS ratio
RETURN level,
       coalesce(s.name, CASE WHEN d.level = 'national' THEN '全国' END) AS scope,
       t.metric AS metric,
       t.metric_key AS metric_key,
       t.comparator AS comparator,
       t.value AS value,
       t.unit AS unit,
       d.title AS document,
       above.scope AS above_scope,
       above.value AS above_value,
       ratio,
       CASE WHEN ratio IS NULL THEN null
            WHEN t.unit = '%' AND t.comparator IN ['<=', '<'] AND ratio > 1 THEN 'less ambitious'
            WHEN t.unit = '%' AND NOT t.comparator IN ['<=', '<'] AND ratio < 1 THEN 'less ambitious'
            WHEN t.unit <> '%' AND ratio > 1 THEN 'exceeds the level above'
       END AS flag,
       t.text AS evidence
ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'provincial' THEN 1
                    WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END,
         scope, value
LIMIT 1000
