/**
 * The core process's entry (built as out/main/core-process.js). In the desktop app Electron starts it as
 * a utilityProcess and talks through `process.parentPort`; in tests it is a Node child talking through
 * `process.send`. Either way main's window never waits for the database.
 */
import { serveCore } from './serve';
import type { FromCore, Port } from './protocol';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;

const port: Port<unknown, FromCore> = parentPort
  ? { post: (m) => parentPort.postMessage(m), onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)) }
  : { post: (m) => process.send?.(m), onMessage: (listener) => process.on('message', listener) };

serveCore(port, (code) => process.exit(code));

// A Node parent that goes away leaves no orphan holding the database open (Electron ends its utility processes itself).
if (!parentPort) process.on('disconnect', () => process.exit(0));
