/** A training notebook's settings cell: each setting's range in one line, and what the claims cells learn from it. */
import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { MAX_SWEEPS, PAPER_SYMMETRY_SETTINGS, SettingOutOfRange, claimsNote, describedRun, numberRange, settingProblem, settingsDepartures, useSettings, wholeNumberRange } from "../src/index";

describe("settingProblem", () => {
  it("passes the paper's settings and the edges of each range", () => {
    expect(settingProblem(PAPER_SYMMETRY_SETTINGS)).toBeNull();
    expect(settingProblem({ ε: 1, α: 0, seed: 0, sweeps: 1 })).toBeNull();
    expect(settingProblem({ ε: 1e-6, α: 0.999, seed: 2 ** 40, sweeps: MAX_SWEEPS })).toBeNull();
  });

  it("names the first setting out of range and its range, in one line", () => {
    expect(settingProblem({ ε: 0 })).toBe("ε = 0 is out of range: ε is the learning rate, a number above 0 and at most 1.");
    expect(settingProblem({ ε: 1.5 })).toMatch(/^ε = 1\.5 is out of range/);
    expect(settingProblem({ α: 1 })).toBe("α = 1 is out of range: α is the momentum, a number from 0 up to (not including) 1.");
    expect(settingProblem({ α: -0.1 })).toMatch(/^α = -0\.1 is out of range/);
    expect(settingProblem({ seed: 1.5 })).toBe("seed = 1.5 is out of range: seed is a whole number, 0 or more.");
    expect(settingProblem({ seed: -1 })).toMatch(/^seed = -1 /);
    expect(settingProblem({ sweeps: 0 })).toBe("sweeps = 0 is out of range: sweeps is a whole number from 1 to 5,000.");
    expect(settingProblem({ sweeps: MAX_SWEEPS + 1 })).toMatch(/^sweeps = 5001 /);
    expect(settingProblem({ ε: Number.NaN })).toMatch(/^ε = NaN /);
    expect(settingProblem({ ε: 0.1, α: 2, seed: -3 })).toMatch(/^α = 2 /);
  });
});

describe("useSettings", () => {
  it("throws one line, which Node prints without a stack trace, for a setting out of range", () => {
    let thrown: unknown;
    try {
      useSettings({ ...PAPER_SYMMETRY_SETTINGS, sweeps: 10_000 }, PAPER_SYMMETRY_SETTINGS);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SettingOutOfRange);
    expect(inspect(thrown)).toBe("sweeps = 10000 is out of range: sweeps is a whole number from 1 to 5,000.");
  });

  it("remembers how the settings depart from the paper's, and forgets once they are the paper's again", () => {
    useSettings({ ...PAPER_SYMMETRY_SETTINGS, ε: 0.25, seed: 1 }, PAPER_SYMMETRY_SETTINGS);
    expect(settingsDepartures()).toEqual(["ε = 0.25", "seed = 1"]);
    useSettings(PAPER_SYMMETRY_SETTINGS, PAPER_SYMMETRY_SETTINGS);
    expect(settingsDepartures()).toEqual([]);
  });

  it("names the run the prose describes, the paper's unless the settings cell names another, in the claims tables' note", () => {
    useSettings({ ε: 0.1, seed: 3 }, { ε: 0.1, seed: 2 }, {}, "our run from seed 2");
    expect(describedRun()).toBe("our run from seed 2");
    expect(claimsNote([], settingsDepartures())).toBe("With your settings (seed = 3), these are your run's numbers; the prose describes our run from seed 2.");
    useSettings(PAPER_SYMMETRY_SETTINGS, PAPER_SYMMETRY_SETTINGS);
    expect(claimsNote(["E"], [])).toBe("In this run, E is null and the other numbers are this run's; the prose describes the paper's run.");
  });
});

describe("a notebook's own settings", () => {
  const own = { studySeeds: wholeNumberRange(1, 1000), laterε: numberRange(0, 1) };

  it("checks each against the range the notebook gives, in one line, and names a setting with no range", () => {
    expect(settingProblem({ ε: 0.1, studySeeds: 1000, laterε: 1 }, own)).toBeNull();
    expect(settingProblem({ studySeeds: 0 }, own)).toBe("studySeeds = 0 is out of range: studySeeds is a whole number from 1 to 1,000.");
    expect(settingProblem({ studySeeds: 2.5 }, own)).toMatch(/^studySeeds = 2\.5 is out of range/);
    expect(settingProblem({ laterε: 0 }, own)).toBe("laterε = 0 is out of range: laterε is a number above 0 and at most 1.");
    expect(settingProblem({ gridSeeds: 16 }, own)).toBe("gridSeeds has no range to check it against.");
  });

  it("counts them among the departures from the run the prose describes", () => {
    useSettings({ ε: 0.1, studySeeds: 100 }, { ε: 0.1, studySeeds: 1000 }, own);
    expect(settingsDepartures()).toEqual(["studySeeds = 100"]);
    useSettings({ ε: 0.1, studySeeds: 1000 }, { ε: 0.1, studySeeds: 1000 }, own);
    expect(settingsDepartures()).toEqual([]);
  });
});
