/**
 * Processor time of the processes this one started (Chromium's, for the browser kernel's
 * figure), read from Linux's /proc while they run: on a shared machine it moves less with the
 * others' load than wall time does. Null where there is no /proc.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

/** Seconds of processor time (user and system) of every live descendant of this process. */
export function descendantsCpuSeconds(): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // After the command's closing parenthesis: state, ppid, …; utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = stats.get(pid)?.parent; p !== undefined && p > 1; p = stats.get(p)?.parent) if (p === process.pid) return true;
    return false;
  };
  return [...stats].filter(([pid]) => isDescendant(pid)).reduce((sum, [, { ticks }]) => sum + ticks, 0) / TICKS_PER_SECOND;
}
