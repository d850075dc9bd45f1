// Every relationship as plain values, with its ends' labels and ids (graph/snapshot.py).
MATCH (a)-[r]->(b)
RETURN labels(a) AS start_labels, a.id AS start, type(r) AS type,
       properties(r) AS props, labels(b) AS end_labels, b.id AS end
