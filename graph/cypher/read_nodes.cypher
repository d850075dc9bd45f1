// Every node as plain values (no node objects), so both stores answer alike (graph/snapshot.py).
MATCH (n) RETURN labels(n) AS labels, properties(n) AS props
