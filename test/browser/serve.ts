/** Serves a built site on 127.0.0.1, at the root and under a sub-path, for browser tests. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, subPath = "/board"): Promise<StaticSite> {
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === subPath || url.startsWith(`${subPath}/`)) req.url = url.slice(subPath.length) || "/";
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
