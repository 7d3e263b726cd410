// Start the API and UI on a local port.
import { type ServerType, serve } from "@hono/node-server";
import type { ArchiveStore } from "../store/types.js";
import { createApp } from "./app.js";

export { createApp } from "./app.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serve `store` on host:port (port 0 picks a free one); resolves once it listens. */
export function startServer(
  store: ArchiveStore,
  options: { port?: number; host?: string; maxExtractBytes?: number } = {},
): Promise<RunningServer> {
  const app = createApp({ store, maxExtractBytes: options.maxExtractBytes });
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    try {
      server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info) => {
        const shown = host.includes(":") ? `[${host}]` : host;
        resolve({
          url: `http://${shown}:${info.port}/`,
          close: () => new Promise((done) => server!.close(() => done())),
        });
      });
      server.on("error", reject);
    } catch (e) {
      reject(e);
    }
  });
}
