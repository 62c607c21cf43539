// Checks the Kubernetes manifests of a kustomization folder against the Kubernetes API's own schemas, offline.
// No cluster or Docker engine exists where CI runs, so two checks stand in for the API server's validation:
//   1. schema: kubernetes-models' JSON schemas (generated from the Kubernetes OpenAPI spec, compiled with ajv):
//      types, required fields, enums, formats;
//   2. strict fields: the same package's TypeScript declarations of each kind, through the TypeScript compiler,
//      whose excess-property check refuses a field the API does not have (`livenesProbe`), as the API server's
//      strict field validation does; the JSON schemas alone would let it pass.
// Every resource file must be listed in kustomization.yaml, and every listed file must exist.
// Usage: node validate.mjs DIR. Prints one `PASS`/`FAIL` line per resource; exit code 1 on any failure.
import { readFile, readdir, mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, "..", "kubernetes"));
const failures = [];
const fail = (where, message) => failures.push(`${where}: ${message}`);

/** The manifests kustomization.yaml lists, each document with its file and position. */
async function loadResources() {
  const kustomization = parseAllDocuments(await readFile(path.join(dir, "kustomization.yaml"), "utf8"));
  const listed = kustomization[0]?.toJS()?.resources ?? [];
  const present = (await readdir(dir)).filter(f => /\.ya?ml$/.test(f) && f !== "kustomization.yaml");
  for (const f of present.filter(f => !listed.includes(f))) fail(f, "not listed in kustomization.yaml resources");
  const resources = [];
  for (const file of listed) {
    let text;
    try {
      text = await readFile(path.join(dir, file), "utf8");
    } catch {
      fail("kustomization.yaml", `lists ${file}, which does not exist`);
      continue;
    }
    parseAllDocuments(text).forEach((doc, index) => {
      const where = `${file}#${index + 1}`;
      if (doc.errors.length > 0) return fail(where, doc.errors.map(e => e.message).join("; "));
      const data = doc.toJS();
      if (data === null || data === undefined) return;
      resources.push({ where, data });
    });
  }
  return resources;
}

/** kubernetes-models' module of an apiVersion: the core group's "v1" is "kubernetes-models/v1". */
const modulePath = apiVersion => `kubernetes-models/${apiVersion}`;

async function checkSchema({ where, data }) {
  const { apiVersion, kind } = data;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return fail(where, "apiVersion and kind are required");
  let model;
  try {
    model = (await import(modulePath(apiVersion)))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") return fail(where, `unknown kind ${apiVersion}/${kind}`);
  try {
    new model(data).validate();
    return true;
  } catch (e) {
    const details = (e.errors ?? []).map(x => `${x.instancePath || "/"} ${x.message}`).join("; ");
    fail(where, `schema: ${details || e.message}`);
  }
}

/** One TypeScript program over all resources: each is an object literal typed as its kind's declaration. */
async function checkFields(resources) {
  const scratch = await mkdtemp(path.join(tmpdir(), "hms-deploy-validate-"));
  try {
    const lines = [];
    const owners = []; // line number in the generated file -> resource
    resources.forEach((r, i) => {
      const { apiVersion, kind } = r.data;
      const json = JSON.stringify(r.data, null, 1).split("\n");
      owners.push({ from: lines.length, to: lines.length + json.length, where: r.where });
      json[0] = `export const r${i}: import(${JSON.stringify(`${modulePath(apiVersion)}/${kind}`)}).I${kind} = ${json[0]}`;
      lines.push(...json);
    });
    const file = path.join(scratch, "resources.ts");
    await writeFile(file, lines.join("\n") + "\n");
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, skipLibCheck: true, types: [],
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
      typeRoots: [], baseUrl: here, paths: { "*": [path.join(here, "node_modules", "*")] },
    });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(d.messageText, "; ");
      if (!d.file || d.file.fileName !== file) { fail("typescript", message); continue; }
      const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line;
      const owner = owners.find(o => line >= o.from && line < o.to);
      fail(owner?.where ?? "typescript", `fields: ${message}`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const resources = await loadResources();
for (const r of resources) await checkSchema(r);
await checkFields(resources);
for (const r of resources) {
  const name = `${r.data.kind}/${r.data.metadata?.name ?? "?"}`;
  const mine = failures.filter(f => f.startsWith(`${r.where}:`));
  console.log(`hms deploy: ${mine.length === 0 ? "PASS" : "FAIL"} ${r.where} ${name}`);
}
for (const f of failures) console.log(`hms deploy: error ${f}`);
console.log(`hms deploy: ${resources.length} resources, ${failures.length} problems`);
process.exitCode = failures.length === 0 && resources.length > 0 ? 0 : 1;
