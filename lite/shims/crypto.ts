/** node:crypto for the browser: the one function the core uses. */
export const randomUUID = () => crypto.randomUUID();
