// An independent GraphQL engine for the conformance tests: graphql-js executing a schema with
// @graphql-tools/mock's resolvers, over HTTP on loopback. Usage: node graphql-mock.mjs SCHEMA PORT
// SCHEMA is SDL (.graphql) or an introspection result (.json). POST /graphql takes
// {query, variables, operationName} and answers graphql-js's result as JSON.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { buildClientSchema, buildSchema, graphql } from "graphql";
import { addMocksToSchema } from "@graphql-tools/mock";

const [schemaPath, port] = process.argv.slice(2);
const text = readFileSync(schemaPath, "utf8");
const parsed = schemaPath.endsWith(".json") ? JSON.parse(text) : null;
const base = parsed ? buildClientSchema(parsed.data ?? parsed) : buildSchema(text);

// Custom scalars get values of the kind their name says, so a typed client can read them.
const scalar = (name) => {
  if (/date.?time|timestamp|instant/i.test(name)) return () => "2026-11-27T20:15:00Z";
  if (/date/i.test(name)) return () => "2026-11-27";
  if (/uuid/i.test(name)) return () => "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11";
  if (/json|object|map/i.test(name)) return () => ({});
  if (/decimal|money|bigint|long/i.test(name)) return () => "42";
  return () => "mock";
};
const mocks = {};
for (const type of Object.values(base.getTypeMap())) {
  if (type.constructor.name === "GraphQLScalarType" && !["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) {
    mocks[type.name] = scalar(type.name);
  }
}
const schema = addMocksToSchema({ schema: base, mocks });

createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", async () => {
    let status = 200;
    let result;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      result = await graphql({ schema, source: body.query, variableValues: body.variables, operationName: body.operationName });
    } catch (error) {
      status = 400;
      result = { errors: [{ message: String(error) }] };
    }
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(result));
  });
}).listen(Number(port), "127.0.0.1", () => console.log(`listening on ${port}`));
