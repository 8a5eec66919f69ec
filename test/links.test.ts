/** A page exported without the rest of the series never links to a page that is not there. */
import { describe, expect, it } from "vitest";
import { retargetLinks } from "../src/site/links";
import { renderMarkdown } from "../src/site/markdown";

const prose = renderMarkdown("As [notebook 04](04-gradient.ipynb) derived, and [its end](06-weights.ipynb#the-ratio) shows; [the paper](https://www.nature.com/articles/323533a0).");

describe("links between notebook pages in a partial export", () => {
  it("keep a link to a page the export holds, and the web's links", () => {
    const html = retargetLinks(prose, { pages: new Set(["04-gradient", "06-weights"]) });
    expect(html).toBe(prose);
    expect(html).toContain('<a href="04-gradient.html">notebook 04</a>');
  });

  it("send a link to a missing page to the full site's address, anchor kept", () => {
    const html = retargetLinks(prose, { pages: new Set(["04-gradient"]), baseUrl: "https://example.org/backprop/", repository: "https://github.com/o/r" });
    expect(html).toContain('<a href="https://example.org/backprop/06-weights.html#the-ratio">its end</a>');
    expect(html).toContain('<a href="04-gradient.html">notebook 04</a>');
  });

  it("send it to the notebook in the repository when there is no site address", () => {
    const html = retargetLinks(prose, { pages: new Set(["04-gradient"]), repository: "https://github.com/o/r/" });
    expect(html).toContain('<a href="https://github.com/o/r/blob/main/notebooks/06-weights.ipynb">its end</a>');
  });

  it("leave the words unlinked when there is neither", () => {
    const html = retargetLinks(prose, { pages: new Set(["06-weights"]) });
    expect(html).toContain('<span class="elsewhere" title="04-gradient is not part of this export">notebook 04</span>');
    expect(html).not.toMatch(/href="04-gradient/);
    expect(html).toContain('href="https://www.nature.com/articles/323533a0"');
  });
});
