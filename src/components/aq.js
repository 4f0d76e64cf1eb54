// arquero for the browser. Its package entry pulls in node:fs, which cannot be bundled for
// pages, so pages import the self-contained browser build instead.
import aq from "arquero/dist/arquero.min.js";
export default aq;
