/**
 * How the simulator pages `GET /api/v2/contacts` (gws-api.md §7). [INF] GWS documents paging with
 * `offset`, `limit` and `totalCount` but no page-size ceiling; a real server may cap `limit`, so
 * this one does (default 100, lower than the 500 some clients ask for) and a client that ignores
 * paging sees a short list. `withheld` makes the server claim more contacts than it ever delivers,
 * the "server stops short" case a client must report rather than hide.
 */
export interface ContactsPagingSettings {
  /** The most contacts one page holds, whatever `limit` asks for. */
  readonly maxPageSize: number;
  /** The last this-many matching contacts are counted in `totalCount` but never sent. */
  readonly withheld: number;
}

export const defaultContactsPageSize = 100;

export class ContactsPaging {
  private current: ContactsPagingSettings;

  constructor(settings: Partial<ContactsPagingSettings> = {}) {
    this.current = { maxPageSize: defaultContactsPageSize, withheld: 0 };
    this.change(settings);
  }

  get settings(): ContactsPagingSettings {
    return this.current;
  }

  change(settings: Partial<ContactsPagingSettings>): ContactsPagingSettings {
    const next = {
      maxPageSize: settings.maxPageSize ?? this.current.maxPageSize,
      withheld: settings.withheld ?? this.current.withheld,
    };
    if (!Number.isInteger(next.maxPageSize) || next.maxPageSize < 1) {
      throw new Error(`the contacts page size must be a positive integer, not ${next.maxPageSize}`);
    }
    if (!Number.isInteger(next.withheld) || next.withheld < 0) {
      throw new Error(`withheld contacts must be a non-negative integer, not ${next.withheld}`);
    }
    this.current = next;
    return next;
  }

  /**
   * The slice of `matching` one request gets: `limit` capped at the page size (absent: one full
   * page), nothing from the withheld tail, and the full count as `totalCount`.
   */
  page<T>(matching: readonly T[], offset: number, limit: number | undefined): { items: T[]; totalCount: number } {
    const size = Math.min(limit ?? this.current.maxPageSize, this.current.maxPageSize);
    const deliverable = Math.max(0, matching.length - this.current.withheld);
    return {
      items: matching.slice(Math.min(offset, deliverable), Math.min(offset + size, deliverable)),
      totalCount: matching.length,
    };
  }
}
