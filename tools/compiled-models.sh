#!/usr/bin/env bash
# Makes the compiled EF Core model of each engine again (src/Selvstyrt.Data.<engine>/CompiledModel) after a change to the
# data model (the same moment as `dotnet ef migrations add`). Web.Tests/Host/CompiledModelTests fails until this is run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore >/dev/null
for engine in Sqlite Postgres; do
  project="src/Selvstyrt.Data.$engine"
  rm -rf "$project/CompiledModel"
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" -o CompiledModel -n "Selvstyrt.Data.$engine.CompiledModel" >/dev/null
  echo "$project/CompiledModel: $(ls "$project/CompiledModel" | wc -l) files"
done
