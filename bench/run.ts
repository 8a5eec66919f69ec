/** `npm run bench`: every benchmark, printing its figures. Run it on a quiet machine. */
import { cpus } from "node:os";
import { benchFamilyTreesRun } from "./familyTrees";
import { benchSymmetryRun } from "./symmetry";

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"})`);
benchSymmetryRun();
benchFamilyTreesRun();
