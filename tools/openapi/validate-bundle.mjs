// Checks a JSON document against a JSON Schema (draft 2020-12) with Ajv, formats included; prints each error as
// "<path> <message>" and exits 1 when there is one. Used by Web.Tests/Transfers/BundleSchemaTests:
//   node tools/openapi/validate-bundle.mjs <schema.json> <document.json>
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, documentPath] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
if (validate(JSON.parse(readFileSync(documentPath, "utf8")))) {
  console.log("valid");
} else {
  for (const error of validate.errors.slice(0, 50)) console.log(`${error.instancePath || "/"} ${error.message}`);
  process.exit(1);
}
