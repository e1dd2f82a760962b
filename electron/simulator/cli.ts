import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { defaultAgentCount, maxAgentCount } from './directory/roster';
import { defaultContactsPageSize } from './gws/contacts-paging';
import { startSimulator } from './index';

function fail(message: string): never {
  process.stderr.write(
    `${message}\nusage: simulator [--port <n>] [--seed <n>] [--agents <n>] [--page-size <n>] [--still] [--clips <folder>] [--intrusion on|off] [--quiet]\n`,
  );
  process.exit(2);
}

function integerOption(value: string | undefined, name: string, fallback: number, max: number, min = 0): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    fail(`--${name} must be an integer from ${min} to ${max}`);
  }
  return parsed;
}

/** SIP Server's intrusion-enabled: "on" lets BargeIn join a call in progress (the default). */
function switchOption(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'on' || value === 'off') return value === 'on';
  fail(`--${name} must be on or off`);
}

const cliOptions = {
  port: { type: 'string' },
  seed: { type: 'string' },
  clips: { type: 'string' },
  agents: { type: 'string' },
  'page-size': { type: 'string' },
  /** No live floor: the opening states and nothing else, for benchmarks that make every change themselves. */
  still: { type: 'boolean' },
  intrusion: { type: 'string' },
  quiet: { type: 'boolean' },
} as const;
let args: ReturnType<typeof parseArgs<{ options: typeof cliOptions }>>;
try {
  args = parseArgs({ options: cliOptions });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const quiet = args.values.quiet ?? false;
const intrusionEnabled = switchOption(args.values.intrusion, 'intrusion', true);
// Anyone on this machine can reach 127.0.0.1: the control API obeys only whoever read this token.
const controlToken = randomBytes(32).toString('base64url');
let simulator: Awaited<ReturnType<typeof startSimulator>>;
try {
  simulator = await startSimulator({
    port: integerOption(args.values.port, 'port', 0, 65535),
    seed: integerOption(args.values.seed, 'seed', 1, 2 ** 32 - 1),
    liveFloor: !(args.values.still ?? false),
    controlApi: true,
    controlToken,
    clipsDirectory: args.values.clips,
    agents: integerOption(args.values.agents, 'agents', defaultAgentCount, maxAgentCount, 1),
    contactsPageSize: integerOption(args.values['page-size'], 'page-size', defaultContactsPageSize, 10_000, 1),
    intrusionEnabled,
    log: quiet ? undefined : (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  });
} catch (error) {
  // Most often the conversation clips are missing beside a bundle: say so, without a stack.
  process.stderr.write(
    `the demo contact center could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

process.stdout.write(
  [
    '',
    `Earshot demo contact center (Genesys Web Services simulator)`,
    `  GWS base URL : ${simulator.baseUrl}`,
    `  REST         : ${simulator.baseUrl}/api/v2`,
    `  CometD       : ${simulator.baseUrl}/api/v2/notifications`,
    `  Control API  : ${simulator.baseUrl}/control/state (Authorization: Bearer ${controlToken})`,
    `  SIP (WS)     : ${simulator.sip.webSocketUrl} (domain ${simulator.sip.domain})`,
    `  Intrusion    : ${intrusionEnabled ? 'on: BargeIn joins a call in progress' : 'off: BargeIn waits for the next call'}`,
    `  Supervisor   : ${simulator.demo.userName} / ${simulator.demo.password}; SIP ${simulator.demo.sip.sipUri} / ${simulator.demo.sip.password}`,
    `  Agents       : ${simulator.agentCount}, e.g. avasquez / agent; contacts paged by ${simulator.contactsPageSize}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping the simulator\n`);
  simulator.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`could not stop cleanly: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
