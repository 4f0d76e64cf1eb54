// linkedom's own single-file build for Web Workers (node_modules/linkedom/worker.js), copied here
// by `npm run dev` and `npm run build` (it is not committed) so the memo's chart worker can import
// it: Framework cannot bundle linkedom's main entry, whose optional native "canvas" it cannot
// resolve, nor reach the package's "./worker" export. These are the package's own types.
export { parseHTML } from "linkedom";
