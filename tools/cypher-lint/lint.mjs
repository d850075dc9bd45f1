// Lint Cypher statements with Neo4j's own parser (offline).
// stdin: {"statements": [{"id": str, "cypher": str, "params": {...}}], "schema": {...DbSchema}}
// stdout: [{"id": str, "errors": [str], "warnings": [str]}]
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const baseSchema = input.schema ?? {};

const ERROR = 1;
const results = input.statements.map(({ id, cypher, params }) => {
  const schema = { ...baseSchema, parameters: params ?? {} };
  const { diagnostics } = lintCypherQuery(cypher, schema);
  const describe = (d) =>
    `${d.message} (line ${d.range.start.line + 1}, column ${d.range.start.character + 1})`;
  return {
    id,
    errors: diagnostics.filter((d) => d.severity === ERROR).map(describe),
    warnings: diagnostics.filter((d) => d.severity !== ERROR).map(describe),
  };
});
process.stdout.write(JSON.stringify(results));
