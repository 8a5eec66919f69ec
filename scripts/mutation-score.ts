/**
 * The last line of `npm run mutation`: the share of src/core's mutants that some test
 * kills, read from StrykerJS's JSON report, and the survivors to look at. Stryker's own
 * score counts the same way: killed and timed-out mutants over all but the ignored and the
 * ones that fail to compile or run.
 */
import { readFileSync } from "node:fs";

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number } };
}

const REPORT = "test-artifacts/mutation/mutation.json";
const report = JSON.parse(readFileSync(REPORT, "utf8")) as { files: Record<string, { mutants: Mutant[] }> };
const mutants = Object.entries(report.files).flatMap(([file, { mutants }]) => mutants.map((m) => ({ file, ...m })));
const count = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
const detected = count("Killed", "Timeout");
const valid = detected + count("Survived", "NoCoverage");
for (const m of mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage")) {
  console.log(`${m.status.toLowerCase()}: ${m.file}:${m.location.start.line} ${m.mutatorName}${m.replacement === undefined ? "" : ` → ${m.replacement.split("\n")[0]}`}`);
}
console.log(`${detected} of ${valid} mutants killed (report: ${REPORT}, and mutation.html beside it)`);
console.log(`mutation score: ${((100 * detected) / valid).toFixed(1)}%`);
