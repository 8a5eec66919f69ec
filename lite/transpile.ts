/**
 * A notebook cell's TypeScript as a function the browser kernel can call, keeping tslab's
 * semantics: names a cell declares at its top level live on in later cells (and a cell run
 * again may declare them again), `await` works at the top level, and a cell's last
 * expression is its value. sucrase strips the types (it does not type-check, as no browser
 * transpiler does); acorn finds the top-level declarations in its output, which are then
 * rewritten into assignments to one scope object that every cell sees through `with`.
 * Every edit keeps the cell's line breaks, so a runtime error's line is the cell's own.
 */
import { type Node, type Pattern, parse } from "acorn";
import { transform } from "sucrase";

/** A cell ready to run: `source` evaluates to `(scope, require) => Promise<last value>`. */
export interface CompiledCell {
  source: string;
  /** The names the cell declares at its top level: the kernel puts each on the scope before the cell runs. */
  names: string[];
}

/**
 * A cell that does not parse: the message and the cell's line. Lines only, here and for
 * runtime errors: removing the types keeps every line where it was, but not the columns.
 */
export class CellSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`${reason} (line ${line})`);
    this.name = "SyntaxError";
  }
}

/** The file name the cell's code carries in stack traces, so an error can name its line. */
export const cellFile = (count: number) => `cell-${count}.ts`;

type Edit = { at: number; end: number; text: string };

/** The names a declaration pattern binds. */
function boundNames(pattern: Pattern, into: string[]): void {
  switch (pattern.type) {
    case "Identifier":
      into.push(pattern.name);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) boundNames(p.type === "RestElement" ? p.argument : p.value, into);
      break;
    case "ArrayPattern":
      for (const p of pattern.elements) if (p) boundNames(p, into);
      break;
    case "RestElement":
      boundNames(pattern.argument, into);
      break;
    case "AssignmentPattern":
      boundNames(pattern.left, into);
      break;
    default:
      break;
  }
}

/** Newlines in a slice, so a replacement can keep the lines below where they were. */
const newlines = (text: string) => text.replace(/[^\n]/g, "");

function stripTypes(code: string): string {
  try {
    // keepUnusedImports: an import used only in a later cell must stay.
    return transform(code, { transforms: ["typescript"], keepUnusedImports: true, disableESTransforms: true }).code;
  } catch (err) {
    const { message } = err as Error;
    const at = /^(.*?)\s*\((\d+):\d+\)$/s.exec(message);
    throw at ? new CellSyntaxError(at[1]!, Number(at[2])) : new CellSyntaxError(message, 1);
  }
}

function parseScript(js: string): Node & { body: Node[] } {
  try {
    return parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true }) as unknown as Node & { body: Node[] };
  } catch (err) {
    const { message, loc } = err as Error & { loc?: { line: number } };
    throw new CellSyntaxError(message.replace(/\s*\(\d+:\d+\)$/, ""), loc?.line ?? 1);
  }
}

/** Compiles cell number `count` (its execution count, which names it in stack traces). */
export function compileCell(code: string, count: number): CompiledCell {
  const js = stripTypes(code);
  const program = parseScript(js);
  const names: string[] = [];
  const edits: Edit[] = [];
  const hoisted: string[] = [];
  let modules = 0;
  const body = program.body;
  body.forEach((node, k) => {
    const statement = node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration" ? (node as unknown as { declaration: Node | null }).declaration : node;
    if (statement !== node) edits.push({ at: node.start, end: statement?.start ?? node.end, text: "" });
    if (!statement) return;
    switch (statement.type) {
      case "ImportDeclaration": {
        const decl = statement as unknown as { source: { value: string }; specifiers: { type: string; local: { name: string }; imported?: { type: string; name?: string; value?: string } }[] };
        const module = `__module${modules++}`;
        const bindings = decl.specifiers.map((s) => {
          names.push(s.local.name);
          if (s.type === "ImportNamespaceSpecifier") return `${s.local.name} = ${module};`;
          if (s.type === "ImportDefaultSpecifier") return `${s.local.name} = ${module}.default;`;
          const imported = s.imported!.name ?? s.imported!.value!;
          return `${s.local.name} = ${module}[${JSON.stringify(imported)}];`;
        });
        const text = `const ${module} = __require(${JSON.stringify(decl.source.value)}); ${bindings.join(" ")}`;
        edits.push({ at: statement.start, end: statement.end, text: text + newlines(js.slice(statement.start, statement.end)) });
        break;
      }
      case "VariableDeclaration": {
        const decl = statement as unknown as { kind: string; declarations: { id: Pattern; init: Node | null; end: number }[] };
        // `const a = 1, {b} = c;` becomes `;(a = 1, {b} = c);`: a comma expression of assignments.
        edits.push({ at: statement.start, end: statement.start + decl.kind.length, text: ";(" });
        for (const d of decl.declarations) {
          boundNames(d.id, names);
          // `let x;` starts x afresh, as tslab's redeclaration does; `var x;` keeps its value.
          if (d.init === null && decl.kind !== "var") edits.push({ at: d.end, end: d.end, text: " = undefined" });
        }
        const last = decl.declarations[decl.declarations.length - 1]!;
        edits.push({ at: last.end, end: last.end, text: ")" });
        break;
      }
      case "FunctionDeclaration": {
        // Kept as a declaration, so it is hoisted within the cell as usual, and put on the scope before the cell's first line runs.
        const name = (statement as unknown as { id: { name: string } }).id.name;
        names.push(name);
        hoisted.push(`__scope[${JSON.stringify(name)}] = ${name};`);
        break;
      }
      case "ClassDeclaration": {
        const name = (statement as unknown as { id: { name: string } }).id.name;
        names.push(name);
        edits.push({ at: statement.start, end: statement.start, text: `;${name} = ` }, { at: statement.end, end: statement.end, text: ";" });
        break;
      }
      case "ExpressionStatement":
        if (k === body.length - 1) {
          // The statement's own span: its expression's would leave out enclosing parentheses.
          const end = js[statement.end - 1] === ";" ? statement.end - 1 : statement.end;
          edits.push({ at: statement.start, end: statement.start, text: "return (" }, { at: end, end, text: ")" });
        }
        break;
      default:
        break;
    }
  });
  let out = "";
  let at = 0;
  for (const edit of edits.sort((a, b) => a.at - b.at || a.end - b.end)) {
    out += js.slice(at, edit.at) + edit.text;
    at = edit.end;
  }
  out += js.slice(at);
  // Everything before the cell's first line stays on line 1, so line N of the stack is the cell's line N.
  const source = `(function (__scope, __require) { with (__scope) { return (async () => { ${hoisted.join(" ")}${out}\n})(); } })\n//# sourceURL=${cellFile(count)}`;
  return { source, names: [...new Set(names)] };
}
