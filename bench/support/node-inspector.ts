import { WebSocket } from 'ws';

export interface NodeHeap {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/**
 * A Chrome DevTools Protocol session with a Node process started with `--inspect=127.0.0.1:0`,
 * used to read its V8 heap (ps sees only the RSS, which rarely shrinks after a peak).
 */
export interface NodeInspector {
  heap(): Promise<NodeHeap>;
  /** CPU time the process has used, user + system, in ms. */
  cpuMs(): Promise<number>;
  collectGarbage(): Promise<void>;
  close(): void;
}

/** The inspector address Node prints on stderr when it starts with --inspect. */
export function findInspectorUrl(logs: readonly string[]): string | undefined {
  for (const entry of logs) {
    const match = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(entry);
    if (match) return match[1];
  }
  return undefined;
}

export async function connectNodeInspector(url: string): Promise<NodeInspector> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`inspector at ${url} did not answer in 5 s`)), 5_000);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id === undefined) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiter?.reject(new Error(reply.error.message));
    else waiter?.resolve(reply.result);
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the inspector closed'));
    pending.clear();
  });

  function send(method: string, params: object = {}): Promise<unknown> {
    const id = nextId;
    nextId += 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`inspector ${method} timed out`));
      }, 10_000);
      pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  }

  return {
    async heap() {
      const result = (await send('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: string } };
      return JSON.parse(result.result.value) as NodeHeap;
    },
    async cpuMs() {
      const result = (await send('Runtime.evaluate', {
        expression: 'JSON.stringify(process.cpuUsage())',
        returnByValue: true,
      })) as { result: { value: string } };
      const usage = JSON.parse(result.result.value) as { user: number; system: number };
      return (usage.user + usage.system) / 1000;
    },
    async collectGarbage() {
      await send('HeapProfiler.collectGarbage');
    },
    close() {
      socket.close();
    },
  };
}

/**
 * Runs `start` with `--inspect=127.0.0.1:0` added to NODE_OPTIONS, so only the processes it spawns
 * inherit it, then puts NODE_OPTIONS back.
 */
export async function withInspectableChildren<T>(start: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = [previous, '--inspect=127.0.0.1:0'].filter(Boolean).join(' ');
  try {
    return await start();
  } finally {
    if (previous === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = previous;
  }
}
