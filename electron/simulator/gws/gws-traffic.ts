/**
 * Counts the REST requests each user makes, by method and route (ids replaced by `{id}`), so tests
 * and benchmarks can hold a client to its request budget (`GET /control/traffic`). CometD's long
 * polls are not counted: they are the notification channel, not requests for data.
 */
export interface UserTraffic {
  total: number;
  byRequest: Record<string, number>;
}

export class GwsTraffic {
  private since = Date.now();
  private readonly users = new Map<string, UserTraffic>();

  record(userName: string, method: string, route: string): void {
    let traffic = this.users.get(userName);
    if (traffic === undefined) {
      traffic = { total: 0, byRequest: {} };
      this.users.set(userName, traffic);
    }
    traffic.total += 1;
    const key = `${method} ${route}`;
    traffic.byRequest[key] = (traffic.byRequest[key] ?? 0) + 1;
  }

  snapshot(): { since: number; now: number; users: Record<string, UserTraffic> } {
    const users: Record<string, UserTraffic> = {};
    for (const [userName, traffic] of this.users)
      users[userName] = { total: traffic.total, byRequest: { ...traffic.byRequest } };
    return { since: this.since, now: Date.now(), users };
  }

  reset(): void {
    this.users.clear();
    this.since = Date.now();
  }
}
