/** node:util for the browser: Node's own inspect (whose `inspect.custom` the core's errors and verdicts use). */
export { format, inspect } from "node-inspect-extracted";
