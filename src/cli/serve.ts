// `sitrep serve`: the read-only API and the web UI over an archive, on a local address.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { ErrorCode, SitrepError } from "../core/errors.js";
import { startServer } from "../server/index.js";
import { DEFAULT_DB, openArchive } from "../store/sqlite.js";
import type { CliIo } from "./index.js";

interface ServeFlags {
  db: string;
  port: string;
  host: string;
}

export function registerServe(program: Command, io: CliIo, setCode: (code: number) => void): void {
  program
    .command("serve")
    .description("serve the archive's API and web UI (map, timeline, events, article reader)")
    .option("--db <file>", "the archive (SQLite) to serve", DEFAULT_DB)
    .option("--port <n>", "port to listen on (0 picks a free one)", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new SitrepError(ErrorCode.BAD_OPTION, `--port "${flags.port}" is not a port number`);
      }
      if (!existsSync(flags.db)) {
        throw new SitrepError(
          ErrorCode.NOT_FOUND,
          `${flags.db}: no archive here; create it with \`sitrep ingest --db ${flags.db} FILES...\``,
        );
      }
      const store = openArchive(flags.db);
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(store, { port, host: flags.host });
      } catch (e) {
        await store.close();
        const reason = (e as NodeJS.ErrnoException).code === "EADDRINUSE" ? "is in use" : "cannot be opened";
        throw new SitrepError(ErrorCode.BAD_OPTION, `port ${port} on ${flags.host} ${reason} (try --port 0)`);
      }
      const stats = await store.stats();
      io.stderr(`sitrep: serving ${flags.db} (${stats.articles} articles, ${stats.events} events)\n`);
      io.stdout(`${server.url}\n`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      setCode(0);
    });
}
