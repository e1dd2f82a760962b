import type {
  CallStats,
  IceRestartOutcome,
  MediaCommandName,
  MicrophoneReport,
} from '../../common/contract/media-host-contract';

/** An INVITE the media host reports, before anything is decided about it. */
export interface OfferedLeg {
  readonly id: string;
  readonly sipCallId: string;
  readonly genesysCallUuid: string | null;
  readonly from: string;
  readonly displayName: string | null;
  readonly at: number;
}

/**
 * What the SIP side reports about legs, the microphone and the media host itself, for the voice
 * core to decide on. The SIP controller only translates; it decides nothing.
 */
export type SipEvent =
  | { readonly type: 'leg-offered'; readonly leg: OfferedLeg }
  | {
      readonly type: 'leg-state';
      readonly legId: string;
      readonly state: 'answering' | 'established' | 'ended';
      readonly reason: string | null;
    }
  | {
      readonly type: 'leg-microphone';
      readonly legId: string;
      readonly report: MicrophoneReport;
      readonly error: string | null;
    }
  | { readonly type: 'leg-first-audio'; readonly legId: string; readonly at: number }
  | {
      readonly type: 'leg-ice-restart';
      readonly legId: string;
      readonly outcome: IceRestartOutcome;
      readonly reason: string | null;
    }
  /** The phone line was registered and is not now (its connection dropped, or a reconnect began). */
  | { readonly type: 'line-lost' }
  /** The phone line registered again after `line-lost`: live calls can be moved to the new network. */
  | { readonly type: 'line-restored' }
  | { readonly type: 'leg-stats'; readonly legId: string; readonly stats: CallStats }
  | {
      readonly type: 'leg-command-failed';
      readonly legId: string;
      readonly command: MediaCommandName;
      readonly reason: string;
    }
  | {
      readonly type: 'media-lost';
      /** The media host confirmed (or its process is gone, so) no microphone is held. */
      readonly microphoneReleased: boolean;
      readonly reason: string;
      /** The desktop app restarts its hidden window by itself. */
      readonly restarting: boolean;
      readonly reopenable: boolean;
    }
  | {
      readonly type: 'media-ready';
      readonly heldLegs: ReadonlyArray<{ readonly legId: string; readonly microphoneLive: boolean }>;
    };
