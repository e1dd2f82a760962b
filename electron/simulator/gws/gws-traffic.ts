/**
 * Counts the REST requests each user makes, by method and route (ids replaced by `{id}`), so tests
 * and benchmarks can hold a client to its request budget (`GET /control/traffic`), with the last
 * 500 requests as they came. CometD's long polls are not counted: they are the notification
 * channel, not requests for data.
 */
export interface UserTraffic {
  total: number;
  byRequest: Record<string, number>;
}

/** One request as it came, for tests that check which agents a client asked about. */
export interface RecentRequest {
  readonly at: number;
  readonly userName: string;
  readonly method: string;
  readonly route: string;
  /** The query string, without the leading "?". */
  readonly query: string;
}

const recentKept = 500;

export class GwsTraffic {
  private since = Date.now();
  private readonly users = new Map<string, UserTraffic>();
  private recent: RecentRequest[] = [];

  record(userName: string, method: string, route: string, query = ''): void {
    this.recent.push({ at: Date.now(), userName, method, route, query });
    if (this.recent.length > recentKept * 2) this.recent = this.recent.slice(-recentKept);
    let traffic = this.users.get(userName);
    if (traffic === undefined) {
      traffic = { total: 0, byRequest: {} };
      this.users.set(userName, traffic);
    }
    traffic.total += 1;
    const key = `${method} ${route}`;
    traffic.byRequest[key] = (traffic.byRequest[key] ?? 0) + 1;
  }

  snapshot(): { since: number; now: number; users: Record<string, UserTraffic>; recent: RecentRequest[] } {
    const users: Record<string, UserTraffic> = {};
    for (const [userName, traffic] of this.users) {
      users[userName] = { total: traffic.total, byRequest: { ...traffic.byRequest } };
    }
    return { since: this.since, now: Date.now(), users, recent: this.recent.slice(-recentKept) };
  }

  reset(): void {
    this.users.clear();
    this.recent = [];
    this.since = Date.now();
  }
}
