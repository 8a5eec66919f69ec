import { readFileSync } from "node:fs";
import { buildLite } from "./lite/build";
import { answersShown } from "./src/teaching/editions";
import { launchChromium } from "./test/support/browser";
import { serveFolder } from "./test/support/staticServer";
import { openInLab, runAllCells, labErrors } from "./test/support/lab";
(async () => {
  const name = process.argv[2]!;
  buildLite("/tmp/one-site", [{ name, notebook: answersShown(JSON.parse(readFileSync(`notebooks/${name}.ipynb`, "utf8"))) }]);
  const server = await serveFolder("/tmp/one-site");
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await openInLab(page, server.origin, name);
  const t = performance.now();
  const cells = await runAllCells(page, name);
  console.log(name, ((performance.now() - t) / 1000).toFixed(1), "s; errors", labErrors(cells), "tfjs served", server.served.filter((p) => p.endsWith("tfjs.js")));
  cells.forEach((c, k) => { const s = JSON.stringify(c.outputs ?? []); if (/TF\.js|autograd|tf\.grads/i.test(JSON.stringify(c.source))) console.log(k, s.slice(0, 600)); });
  await browser.close(); await server.close();
})();
