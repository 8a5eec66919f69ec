/** reveal.js's notes plugin by its package export, which TypeScript's Node 10 module resolution (tsconfig.json) does not read. */
declare module "reveal.js/plugin/notes" {
  export { default } from "reveal.js/dist/plugin/notes";
}
