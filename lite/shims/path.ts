/** node:path for the browser: the pool's worker script is a URL, joined with slashes. */
export const join = (...parts: string[]) => parts.join("/").replace(/([^:/])\/+/g, "$1/");
