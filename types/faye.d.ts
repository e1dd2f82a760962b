// Ambient types for the parts of faye (1.4.x) the simulator uses: the Node adapter and server extensions.
declare module 'faye' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  namespace faye {
    interface BayeuxAdvice {
      reconnect?: 'retry' | 'handshake' | 'none';
      interval?: number;
      timeout?: number;
    }

    interface BayeuxMessage {
      channel: string;
      clientId?: string;
      id?: string;
      subscription?: string | string[];
      data?: unknown;
      error?: string;
      successful?: boolean;
      advice?: BayeuxAdvice;
      supportedConnectionTypes?: string[];
      [field: string]: unknown;
    }

    type ExtensionCallback = (message: BayeuxMessage) => void;

    /** The protocol server an extension is added to; `process` with a null request acts as the server itself. */
    interface BayeuxServer {
      process(
        messages: BayeuxMessage | BayeuxMessage[],
        request: IncomingMessage | null,
        callback: (replies: BayeuxMessage[]) => void,
      ): void;
    }

    interface ServerExtension {
      added?(server: BayeuxServer): void;
      incoming?(message: BayeuxMessage, request: IncomingMessage | null, callback: ExtensionCallback): void;
      outgoing?(message: BayeuxMessage, request: IncomingMessage | null, callback: ExtensionCallback): void;
    }

    interface NodeAdapterOptions {
      mount: string;
      /** Seconds a long-poll /meta/connect is held. */
      timeout?: number;
      ping?: number;
      extensions?: ServerExtension[];
    }

    class NodeAdapter {
      constructor(options: NodeAdapterOptions);
      addExtension(extension: ServerExtension): void;
      handle(request: IncomingMessage, response: ServerResponse): void;
      close(): void;
      on(event: 'handshake' | 'disconnect', listener: (clientId: string) => void): void;
      on(event: 'subscribe' | 'unsubscribe', listener: (clientId: string, channel: string) => void): void;
    }
  }

  export = faye;
}
