import { Prng } from './prng';

const upperAlnum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const hex = '0123456789abcdef';

const customerNames = [
  'Olivia Park',
  'Ethan Brooks',
  'Chloe Martin',
  'Lucas Novak',
  'Grace Adeyemi',
  'Mateo Silva',
  'Isla Murphy',
  'Aarav Shah',
  'Zoe Fischer',
  'Owen Clarke',
  'Leila Rahman',
  'Henry Dubois',
  'Nora Jensen',
  'Samuel Costa',
  'Maya Goldberg',
  'Felix Weber',
  'Amara Nwosu',
  'Ruby Walsh',
];

export interface Customer {
  readonly name: string;
  /** E.164, from the 555-01xx range reserved for fiction. */
  readonly phoneNumber: string;
}

/**
 * Genesys-style identifiers. Interaction Server ids are 16 characters ("0001Da9PFC93000S"), T-Server
 * CallUUIDs 32 ("011DJV5JI898NB2L04000VTAES00000I") and ConnIDs 16 hex ("007102385535e00e").
 * A separate stream from the floor's decisions, so ids asked for by the control API do not change
 * what the floor does next.
 */
export class InteractionIds {
  private readonly prng: Prng;
  private readonly used = new Set<string>();

  constructor(seed: number) {
    this.prng = new Prng((seed ^ 0x5eed1d5) >>> 0);
  }

  interactionId(): string {
    return this.unique(
      () =>
        `000${this.prng.string(upperAlnum, 1)}a${this.prng.string(upperAlnum, 7)}00${this.prng.string(upperAlnum, 2)}`,
    );
  }

  callUuid(): string {
    return this.unique(() => this.prng.string(upperAlnum, 32));
  }

  connId(): string {
    return this.unique(() => `00${this.prng.string(hex, 14)}`);
  }

  participantId(): string {
    return this.unique(() => `00${this.prng.string(hex, 14).toUpperCase()}`);
  }

  customer(): Customer {
    return {
      name: this.prng.pick(customerNames),
      phoneNumber: `+1415555${this.prng.int(100, 199).toString().padStart(4, '0')}`,
    };
  }

  private unique(make: () => string): string {
    let id = make();
    while (this.used.has(id)) id = make();
    this.used.add(id);
    return id;
  }
}
