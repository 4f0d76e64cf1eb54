// The browser build of arquero has the same API as the package entry.
declare module "arquero/dist/arquero.min.js" {
  import * as aq from "arquero";
  export default aq;
}
