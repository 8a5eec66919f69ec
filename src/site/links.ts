/**
 * Links between notebook pages in an export that holds only some of them: a link to a page
 * that is not there goes to the full site (`--base-url`), else to the notebook in the
 * repository (`--repo`), else it stays as plain words; it never points at a missing page.
 */
export interface LinkTargets {
  /** The notebook pages this export holds. */
  pages: ReadonlySet<string>;
  /** The full site's address, where every page is. */
  baseUrl?: string;
  /** The repository's web address. */
  repository?: string;
}

/** `html` with each link to an absent notebook page sent elsewhere, or unlinked. */
export function retargetLinks(html: string, { pages, baseUrl, repository }: LinkTargets): string {
  return html.replace(/<a href="([\w.-]+)\.html(#[^"]*)?">([\s\S]*?)<\/a>/g, (link, name: string, anchor: string | undefined, words: string) => {
    if (pages.has(name)) return link;
    const base = baseUrl?.replace(/\/+$/, "");
    if (base) return `<a href="${base}/${name}.html${anchor ?? ""}">${words}</a>`;
    const repo = repository?.replace(/\/+$/, "");
    if (repo) return `<a href="${repo}/blob/main/notebooks/${name}.ipynb">${words}</a>`;
    return `<span class="elsewhere" title="${name} is not part of this export">${words}</span>`;
  });
}
