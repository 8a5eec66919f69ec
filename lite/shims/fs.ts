/** node:fs for the browser: the pool checks its worker script exists; in the site it is shipped beside the kernel. */
export const existsSync = (_path: string) => true;
