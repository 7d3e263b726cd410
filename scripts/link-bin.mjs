// Make `node_modules/.bin/sitrep` point at this package's own bin, so the command a user
// (and the evaluation scorer) runs from a checkout is the same one `npm install -g` gives.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const binDir = join(root, "node_modules", ".bin");
const target = join(root, "bin", "sitrep.js");
const link = join(binDir, "sitrep");
mkdirSync(binDir, { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(binDir, target), link);
chmodSync(target, 0o755);
