import type { EarshotHost } from './browser-host-fixture';

/** A customer's chat reaches the agent through the demo's control API, with a first line from the customer. */
export async function startChat(earshot: EarshotHost, agentId: string, customerName: string): Promise<string> {
  const { id } = (await earshot.control('POST', `/agents/${agentId}/interactions`, {
    kind: 'chat',
    customerName,
    script: false,
  })) as { id: string };
  await earshot.control('POST', `/interactions/${id}/messages`, {
    from: 'customer',
    text: `Hello, ${customerName} here.`,
  });
  return id;
}
