// description: Target cascade: for one indicator and year, targets at every level (national → province → city → county → park) with the nearest target above along the park and region hierarchy, the ratio to it, and a flag where a lower level is less ambitious (rates) or exceeds the level above (amounts).
// param: metric str metric_key of the indicator (e.g. 地区生产总值增速), or part of the printed metric when no target has that key
// param: year int target year (e.g. 2025)
// A target without a scope in a national document is the national target, above every
// province. Ratios and flags only compare targets with the same unit.
// The targets are found once, through the indexes on Target.metric_key and Target.year (the
// printed metric is searched only when no target carries $metric as its key); the national
// target is picked from them, not looked up again for every row.
// A Target keeps the offsets of its sentence, not the sentence: `policykg run` and the
// explorer read it from the saved text into evidence and drop the evidence_* columns.
OPTIONAL MATCH (k:Target {metric_key: $metric})
WITH count(k) > 0 AS keyed
CALL {
  WITH keyed
  MATCH (t:Target {metric_key: $metric})
  WHERE keyed AND t.year = $year
  RETURN t
  UNION
  WITH keyed
  MATCH (t:Target {year: $year})
  WHERE NOT keyed AND t.metric CONTAINS $metric
  RETURN t
}
WITH keyed, t
MATCH (d:Document)-[:SETS_TARGET]->(t)
OPTIONAL MATCH (t)-[:FOR]->(s)
// The target above depends on the scope only: it is looked up once per scope, and only among
// the scopes of these targets (a city carries a thousand targets, of every metric and year).
WITH keyed, s, collect({d: d, t: t}) AS here
WITH keyed, collect({s: s, here: here}) AS groups, collect(s) AS scopes
WITH keyed, groups, scopes,
     [g IN groups WHERE g.s IS NULL][0] AS unscoped
WITH keyed, groups, scopes,
     [f IN coalesce(unscoped.here, []) WHERE f.d.level = 'national'
      | {value: f.t.value, unit: f.t.unit, scope: '全国', document: f.d.title}] AS nationals
UNWIND groups AS g
WITH keyed, scopes, g.s AS s, g.here AS here,
     CASE WHEN g.s IS NULL THEN null ELSE nationals[0] END AS national
CALL {
  WITH keyed, scopes, s
  OPTIONAL MATCH hp = (s)-[:LOCATED_IN|PART_OF*1..3]->(anc)
  WHERE anc IN scopes
  OPTIONAL MATCH (anc)<-[:FOR]-(up:Target)<-[:SETS_TARGET]-(ud:Document)
  WHERE up.year = $year
    AND (up.metric_key = $metric OR (NOT keyed AND up.metric CONTAINS $metric))
  WITH up, ud, anc, length(hp) AS hops
  // The nearest level first; among several targets there, the latest document's.
  ORDER BY hops, ud.date DESC, ud.title, up.value
  RETURN head(collect(CASE WHEN up IS NULL THEN null
                           ELSE {value: up.value, unit: up.unit, scope: anc.name, document: ud.title} END)) AS above
}
UNWIND here AS f
WITH f.d AS d, f.t AS t, s, national, above
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
       t.text AS evidence,
       d.id AS evidence_document,
       t.start AS evidence_start,
       t.end AS evidence_end
// The sentence itself is null in a graph loaded since it left the graph: ties of one document
// are ordered by where their sentences stand.
ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'provincial' THEN 1
                    WHEN 'city' THEN 2 WHEN 'county' THEN 3 ELSE 4 END,
         scope, value, document, evidence, evidence_start
LIMIT 1000
