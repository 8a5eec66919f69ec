/** `npm run bench`: every benchmark, printing its figures (`npm run bench -- lite`: the browser kernel's alone). Run it on a quiet machine. */
import { cpus } from "node:os";
import { benchBatch } from "./batch";
import { benchBuild } from "./build";
import { benchFamilyTreesRun } from "./familyTrees";
import { benchKernel } from "./kernel";
import { benchStudy } from "./study";
import { benchSymmetryRun } from "./symmetry";
import { benchSiteLive } from "./siteLive";
import { benchNotebooks } from "./notebooks";
import { benchLiteNotebook } from "./liteNotebook";
import { benchTfjs } from "./tfjs";

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"})`);
// `npm run bench -- lite`: only notebook 05 in the browser kernel beside tslab.
if (process.argv.includes("lite")) void benchLiteNotebook();
else {
  benchSymmetryRun();
  benchFamilyTreesRun();
  void benchKernel().then(benchBatch).then(benchTfjs).then(benchStudy).then(benchSiteLive).then(benchBuild).then(benchNotebooks).then(benchLiteNotebook);
}
