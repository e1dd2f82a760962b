/** Calls the demo contact center's control API; a refusal throws with the status and the reason. */
export async function callControl(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/control${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
