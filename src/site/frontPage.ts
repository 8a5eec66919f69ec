/**
 * The site's front page: the findings first, each with its numbers taken from the executed
 * notebooks' claims when the site is built (never typed here), one hero figure, then the
 * series, and where to get the notebooks, the teaching notes and the student edition.
 */
import { PLOTLY_MIME } from "../notebook/display";
import { CLAIMS_MIME } from "../notebook/claims";
import { type Notebook } from "../notebook/nbformat";
import { type Figure } from "../charts/figure";
import { escapeHtml } from "./html";
import { chartHtml } from "./outputs";
import { slug } from "./markdown";
import { joined } from "../notebook/nbformat";
import { exerciseCount } from "../teaching/editions";

type Claims = Record<string, number>;

/** Every claim a notebook's cells showed, by key. */
export function claimsOf(notebook: Notebook): Claims {
  const claims: Claims = {};
  for (const output of notebook.cells.flatMap((c) => c.outputs ?? [])) Object.assign(claims, output.data?.[CLAIMS_MIME] ?? {});
  return claims;
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const share = (x: number) => `${(100 * x).toFixed(1)}%`;
const fixed = (x: number, decimals: number) => x.toFixed(decimals);

interface Finding {
  notebook: string;
  anchor: string;
  keys: string[];
  html: (c: Claims) => string;
  /** It gives away the weights that notebook 05's last exercise asks a student to predict: folded, and said so. */
  spoils?: true;
}

/** The findings, in the order the front page gives them; each names the notebook whose claims back it. */
export const FINDINGS: readonly Finding[] = [
  {
    notebook: "07a-claims-run-lengths",
    anchor: "claim-1-1-425-sweeps",
    keys: ["notBy1425", "median", "runs"],
    html: (c) =>
      `<strong>Two runs in three are not solved by 1,425 sweeps.</strong> The paper's run took 1,425 sweeps. With its ε, α and starting range, and counting a run solved once every output is on the right side of ½, ${share(c["notBy1425"]!)} of ${count(c["runs"]!)} seeds have not solved the task by then, and half need ${count(c["median"]!)} sweeps or more. If the paper drew its starting weights as we do, its run was a quick one; whether its draw favoured quick runs cannot be tested, since the paper gives no starting weights.`,
  },
  {
    notebook: "07b-claims-weights",
    anchor: "claim-5-the-minimum-norm-solution",
    keys: ["leastBinary", "leastBalanced", "solvedRuns", "twoThreeFourShare", "settle"],
    spoils: true,
    html: (c) =>
      `<strong>1 : 2 : 4 is the least-norm pattern, but one solved run in four ends in 2 : 3 : 4.</strong> The paper's pattern spends the least weight per unit of separation (${fixed(c["leastBinary"]!, 2)}, against ${fixed(c["leastBalanced"]!, 2)} for the cheapest pattern in which no magnitude outweighs the other two together), yet of the ${count(c["solvedRuns"]!)} runs that solve at the paper's settings, ${share(c["twoThreeFourShare"]!)} are in ratio 2 : 3 : 4 and still are ${count(c["settle"]!)} sweeps later. They sit at no minimum of E, since a net that answers every case right lowers E by scaling up its output weights; whether longer training moves them to 1 : 2 : 4 was not tested.`,
  },
  {
    notebook: "07a-claims-run-lengths",
    anchor: "claim-3-perhaps-a-higher-learning-rate-could-ve-enabled-slightly-less-sweeps",
    keys: ["gridSeeds", "gridCap", "doubleShare", "paperShare", "halfShare", "lowerMomentumMedian", "doubleLowerMomentumMedian", "soonerAtDouble", "laterAtDouble", "signP"],
    html: (c) =>
      `<strong>A higher learning rate saves sweeps only with less momentum than the paper's.</strong> The blog guessed that a higher ε would save sweeps. On the same ${count(c["gridSeeds"]!)} starts, each given ${count(c["gridCap"]!)} sweeps: at the paper's α 0.9, doubling ε to 0.2 solves ${share(c["doubleShare"]!)} of them, while halving it to 0.05 raises the share solved from ${share(c["paperShare"]!)} to ${share(c["halfShare"]!)}. At α 0.8, doubling ε from 0.1 to 0.2 cuts the median from ${count(c["lowerMomentumMedian"]!)} to ${count(c["doubleLowerMomentumMedian"]!)} sweeps: ${count(c["soonerAtDouble"]!)} starts solve sooner and ${count(c["laterAtDouble"]!)} later, more than chance among the starts would give (sign test p = ${fixed(c["signP"]!, 3)}).`,
  },
  {
    notebook: "08a-family-trees",
    anchor: "the-schedule-as-printed",
    keys: ["E20", "EPrinted", "fittedPrinted", "fittedNoDecay1500", "fittedNoDecay5000", "fittedDecay5000"],
    html: (c) =>
      `<strong>The printed family-trees schedule stalls within its 1,500 sweeps.</strong> Trained with the paper's schedule, from the symmetry task's ±0.3 since the paper gives no range for this task, the network's error is ${fixed(c["E20"]!, 2)} after 20 sweeps and still ${fixed(c["EPrinted"]!, 2)} after 1,500, with ${count(c["fittedPrinted"]!)} of its 100 training questions answered right. Without weight decay it is just as stuck at 1,500 sweeps (${count(c["fittedNoDecay1500"]!)} right) and answers ${count(c["fittedNoDecay5000"]!)} right by sweep 5,000; with decay it still has ${count(c["fittedDecay5000"]!)} right at 5,000. That is one seed; notebook 8b's map finds no run that fits at the printed step from any starting range it tried.`,
  },
];

/** The front page's figure: the share of runs solved within s sweeps (notebook 7a's first chart). */
export const HERO = { notebook: "07a-claims-run-lengths", title: /^Share of runs solved within s sweeps/ };

function heroFigure(notebooks: ReadonlyMap<string, Notebook>): Figure | null {
  const notebook = notebooks.get(HERO.notebook);
  if (!notebook) return null;
  const figures = notebook.cells.flatMap((c) => c.outputs ?? []).map((o) => o.data?.[PLOTLY_MIME] as Figure | undefined);
  const hero = figures.find((f) => f && HERO.title.test(String((f.layout["title"] as { text?: string } | undefined)?.text ?? "")));
  if (!hero) throw new Error(`notebooks/${HERO.notebook}.ipynb has no chart titled ${HERO.title}: the front page's figure`);
  return hero;
}

/** The anchors of a notebook's headings, as its page gives them. */
function headingsOf(notebook: Notebook): string[] {
  return notebook.cells.filter((c) => c.cell_type === "markdown").flatMap((c) => [...joined(c.source).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
}

function findingsHtml(notebooks: ReadonlyMap<string, Notebook>): string {
  const items = FINDINGS.filter((f) => notebooks.has(f.notebook)).map((f) => {
    const claims = claimsOf(notebooks.get(f.notebook)!);
    const missing = f.keys.filter((k) => typeof claims[k] !== "number");
    if (missing.length > 0) throw new Error(`the front page needs the claims ${missing.join(", ")} from notebooks/${f.notebook}.ipynb, which shows none by that name`);
    if (!headingsOf(notebooks.get(f.notebook)!).includes(f.anchor)) throw new Error(`the front page links to #${f.anchor} in notebooks/${f.notebook}.ipynb, which has no such heading`);
    const item = `${f.html(claims)} <a href="${f.notebook}.html#${f.anchor}">The evidence</a>`;
    return `<li>${f.spoils ? `<details class="spoiler"><summary>The weights the network learns (this answers the last exercise of notebook 05: try it first)</summary>${item}</details>` : item}</li>`;
  });
  return items.length === 0 ? "" : `<h2 id="findings">What the runs show</h2>\n<ol class="findings">\n${items.join("\n")}\n</ol>`;
}

export interface FrontPageOptions {
  /** The series, in order; `slides` when the notebook has a lecture deck (slides/NAME.html). */
  pages: { name: string; title: string; slides?: boolean }[];
  notebooks: ReadonlyMap<string, Notebook>;
  /** The repository's web address (`npm run build -- --repo URL`); without it, links go to the copies in the site. */
  repository?: string;
  title: string;
}

/** The notebooks that were run: one built from its committed, output-free file lends the front page nothing. */
function executedOnly(notebooks: ReadonlyMap<string, Notebook>): Map<string, Notebook> {
  return new Map([...notebooks].filter(([, n]) => n.cells.some((c) => (c.outputs ?? []).length > 0)));
}

export function frontPageHtml({ pages, notebooks: given, repository, title }: FrontPageOptions): string {
  const notebooks = executedOnly(given);
  const hero = heroFigure(notebooks);
  const figure = hero
    ? `<figure class="hero">${chartHtml(hero)}<figcaption>A thousand runs with the paper's settings: the share solved within s sweeps. The paper's one run took 1,425.</figcaption></figure>`
    : "";
  const slides = (p: FrontPageOptions["pages"][number]) => (p.slides ? ` <a class="blog" href="slides/${p.name}.html">(slides)</a>` : "");
  const series = pages.map((p) => `<li><a href="${p.name}.html">${escapeHtml(p.title)}</a> <a class="blog" href="blog/${p.name}.html">(without code)</a>${slides(p)}</li>`).join("\n");
  const lecture = pages.some((p) => p.slides)
    ? `\n<li>Lecture slides, marked “slides” in the series above: one offline deck a notebook, with its charts and equations and speaker notes (press S); print one to PDF from the browser for a handout.</li>`
    : "";
  const repo = repository?.replace(/\/+$/, "");
  const notebooksLink = repo ? `${repo}/tree/main/notebooks` : "notebooks/";
  const teaching = repo ? `${repo}#teaching-a-backprop-class` : "teaching.html";
  const exercises = [...notebooks.values()].reduce((sum, notebook) => sum + exerciseCount(notebook), 0);
  return `<h1>${escapeHtml(title)}</h1>
<p class="lede">In 1986 Rumelhart, Hinton and Williams trained a network of six inputs, two hidden units and one output to tell
palindromic bit vectors from the rest, and its weights came out readable: you could see how it does it. These pages
retrace that run in executable TypeScript notebooks, then put the claims made about it to the test over thousands of runs,
and reproduce the paper's second task, family trees.</p>
${findingsHtml(notebooks)}
${figure}
<h2 id="series">The series</h2>
<p>Each page is one notebook, run from top to bottom when this site was built. The pages marked “without code” keep the prose and the figures only.</p>
<ul class="contents">
${series}
</ul>
<h2 id="use">Run it, or teach with it</h2>
<ul class="contents">
<li><a href="${escapeHtml(notebooksLink)}">The notebooks</a>${repo ? ` in <a href="${escapeHtml(repo)}">the repository</a>` : ""}: clone it and run <code>npm start</code> to open them in JupyterLab.</li>
<li><a href="${escapeHtml(teaching)}">Teaching a backprop class</a>: an order and timings for three sessions, and ${exercises} exercises with checkers.</li>${lecture}
<li><a href="student-edition/">The student edition</a>: the notebooks with each exercise's answer replaced by a stub, to hand out.</li>
</ul>`;
}
