// The long-polling transport the cometd package exports but its own types leave out: the parts
// Earshot's Node transport (contact-center/cometd-node.ts) overrides.
import 'cometd';

declare module 'cometd' {
  /** One Bayeux POST as the transport hands it to xhrSend. */
  interface LongPollingPacket {
    readonly url: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body: string;
    onSuccess(responseText: string): void;
    onError(reason: string, exception?: unknown): void;
  }

  /** What the transport keeps of a request in flight: it aborts it and reads its HTTP status. */
  interface LongPollingExchange {
    readonly readyState: number;
    readonly status: number;
    abort(): void;
  }

  class LongPollingTransport implements Transport {
    readonly type: string;
    url: string;
    accept(version: string, crossDomain: boolean, url: string): boolean;
    abort(): void;
    xhrSend(packet: LongPollingPacket): LongPollingExchange;
  }
}
