import {
  uiInvokeContract,
  type UiInvokeChannel,
  type UiParsedRequest,
  type UiResponse,
} from '../common/contract/ui-contract';
import { err, type Result } from '../common/result';
import type { Logger } from './platform/logger';

export type UiCommandHandlers = {
  readonly [C in UiInvokeChannel]: (request: UiParsedRequest<C>) => Promise<Result<UiResponse<C>>>;
};

export type UiInvoke = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/**
 * The one entry point for UI commands, whatever the transport: rejects unknown channels and payloads
 * that fail the contract's schema, and turns a handler's exception into an error value.
 */
export function createUiInvoke(handlers: UiCommandHandlers, logger: Logger): UiInvoke {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !Object.hasOwn(uiInvokeContract, channel)) {
      logger.warn('Rejected a UI command on an unknown channel', { channel: String(channel).slice(0, 80) });
      return err(
        'invalid-input',
        'Earshot received a command it does not know.',
        `unknown channel ${String(channel).slice(0, 80)}`,
      );
    }
    const typedChannel = channel as UiInvokeChannel;
    const parsed = uiInvokeContract[typedChannel].request.safeParse(payload);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => issue.message).join('; ');
      logger.warn('Rejected a UI command with an invalid payload', { channel, reason: message });
      return err('invalid-input', message, `${channel}: ${parsed.error.message}`);
    }
    const handler = handlers[typedChannel] as (request: unknown) => Promise<Result<unknown>>;
    try {
      return await handler(parsed.data);
    } catch (error) {
      logger.error('A UI command failed unexpectedly', { channel, error });
      return err('internal', 'Something went wrong in Earshot. The details are in the log.', String(error));
    }
  };
}
