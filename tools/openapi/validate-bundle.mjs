// Checks JSON documents against a JSON Schema (draft 2020-12) with Ajv, formats included. Prints "<file> valid" or
// "<file> <path> <message>" for each error, and exits 1 when any document has one. Used by
// Web.Tests/Transfers/BundleSchemaTests: node tools/openapi/validate-bundle.mjs <schema.json> <document.json>...
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...documents] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = false;
for (const path of documents) {
  if (validate(JSON.parse(readFileSync(path, "utf8")))) {
    console.log(`${basename(path)} valid`);
  } else {
    failed = true;
    for (const error of validate.errors.slice(0, 50)) console.log(`${basename(path)} ${error.instancePath || "/"} ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
