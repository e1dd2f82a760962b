import type { ReactNode, SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

/** Decorative line icons drawn on a 16-unit grid; the text beside them carries the meaning. */
function Icon({ children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function HeadsetIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2.5 10V8a5.5 5.5 0 0 1 11 0v2" />
      <rect x="2" y="9" width="3" height="4.5" rx="1" />
      <rect x="11" y="9" width="3" height="4.5" rx="1" />
    </Icon>
  );
}

export function PhoneIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 2h2l1 3-1.5 1a8 8 0 0 0 4.5 4.5L11 9l3 1v2a2 2 0 0 1-2 2A10 10 0 0 1 2 4a2 2 0 0 1 2-2z" />
    </Icon>
  );
}

export function ChatIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    </Icon>
  );
}

export function SmsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="4" y="1.5" width="8" height="13" rx="1.5" />
      <path d="M6.5 5h3M6.5 7.5h3" />
    </Icon>
  );
}

export function SearchIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="7" cy="7" r="4.25" />
      <path d="M10.2 10.2 14 14" />
    </Icon>
  );
}

export function SortIcon({
  sortDirection,
  ...props
}: IconProps & { sortDirection: 'ascending' | 'descending' | null }) {
  return (
    <Icon {...props}>
      {sortDirection !== 'descending' && <path d="M5 6.5 8 3.5l3 3" opacity={sortDirection === null ? 0.35 : 1} />}
      {sortDirection !== 'ascending' && <path d="M5 9.5 8 12.5l3-3" opacity={sortDirection === null ? 0.35 : 1} />}
    </Icon>
  );
}

export function InfoIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="8" cy="8" r="6.25" />
      <path d="M8 7.25v4M8 4.9v.1" />
    </Icon>
  );
}

export function ChevronIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 4l4 4-4 4" />
    </Icon>
  );
}

export function MicOffIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10.25 6.5V3.75a2.25 2.25 0 0 0-4.4-.66M5.75 6v1.25a2.25 2.25 0 0 0 3.6 1.8" />
      <path d="M3.25 7.5a4.75 4.75 0 0 0 7.6 3.8M12.75 7.5a4.7 4.7 0 0 1-.4 1.9M8 12.25v2.25M2 2l12 12" />
    </Icon>
  );
}

/** A speaking head: the supervisor's voice reaching someone (coaching). */
export function SpeakingIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="6" cy="5.25" r="2.5" />
      <path d="M1.75 14a4.25 4.25 0 0 1 8.5 0M11.75 3.75a2.75 2.75 0 0 1 0 3.5M13.5 2.25a5 5 0 0 1 0 6.5" />
    </Icon>
  );
}

/** A loudspeaker with two waves: heard by everyone on the call (barge-in). */
export function LoudIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2 6.25v3.5h2.5L8 12.5v-9L4.5 6.25z" />
      <path d="M10.5 6a2.75 2.75 0 0 1 0 4M12.5 4a5.5 5.5 0 0 1 0 8" />
    </Icon>
  );
}

export function SpeakerIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2.5 6.25v3.5H5L8.5 12.5v-9L5 6.25z" />
      <path d="M11 6a2.75 2.75 0 0 1 0 4" />
    </Icon>
  );
}

export function HangUpIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M1.75 9.75c3.5-3 9-3 12.5 0l-.6 1.9-2.65-.5-.5-1.9a7 7 0 0 0-5 0l-.5 1.9-2.65.5z" />
    </Icon>
  );
}

export function SlidersIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2 4.5h7M12 4.5h2M2 11.5h2M7 11.5h7" />
      <circle cx="10.5" cy="4.5" r="1.5" />
      <circle cx="5.5" cy="11.5" r="1.5" />
    </Icon>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}

/** Seen: the agent sees the supervisor in the chat (coaching). */
export function EyeIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle cx="8" cy="8" r="2" />
    </Icon>
  );
}

/** Unseen: only other supervisors see the supervisor in the chat (monitoring). */
export function EyeOffIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6.2 3.8A6.6 6.6 0 0 1 8 3.5c4.1 0 6.5 4.5 6.5 4.5a11 11 0 0 1-1.9 2.4M10.5 11.9A6.3 6.3 0 0 1 8 12.5C3.9 12.5 1.5 8 1.5 8a11.3 11.3 0 0 1 2.6-3.1" />
      <path d="M6.6 6.6a2 2 0 0 0 2.8 2.8M2 2l12 12" />
    </Icon>
  );
}

/** Several people: everyone in the chat, the customer included, sees the supervisor (barge-in). */
export function PeopleIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="5.5" cy="5.5" r="2.25" />
      <path d="M1.5 13.5a4 4 0 0 1 8 0" />
      <circle cx="11.25" cy="6" r="1.75" />
      <path d="M10.5 10.1a3.25 3.25 0 0 1 4 3.4" />
    </Icon>
  );
}

export function SendIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2 8 14 2.5 10.5 14 8 9.5z" />
      <path d="M8 9.5 14 2.5" />
    </Icon>
  );
}

export function LeaveIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M9.5 2.5h-6v11h6" />
      <path d="M7 8h7M11.5 5.5 14 8l-2.5 2.5" />
    </Icon>
  );
}

export function ArrowDownIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8 3v10M4 9l4 4 4-4" />
    </Icon>
  );
}

export function GearIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12.76 6.45L14.45 6.59V9.41L12.76 9.55L12.46 10.27L13.56 11.56L11.56 13.56L10.27 12.46L9.55 12.76L9.41 14.45H6.59L6.45 12.76L5.73 12.46L4.44 13.56L2.44 11.56L3.54 10.27L3.24 9.55L1.55 9.41V6.59L3.24 6.45L3.54 5.73L2.44 4.44L4.44 2.44L5.73 3.54L6.45 3.24L6.59 1.55H9.41L9.55 3.24L10.27 3.54L11.56 2.44L13.56 4.44L12.46 5.73Z" />
      <circle cx="8" cy="8" r="2" />
    </Icon>
  );
}

/** The audit trail: a list of what was done, one line each. */
export function AuditIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3" y="2" width="10" height="12.5" rx="1.5" />
      <path d="M6 2v-.25h4V2M5.5 6.5h5M5.5 9h5M5.5 11.5h3" />
    </Icon>
  );
}

export function CopyIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="5.5" y="5.5" width="8" height="8.5" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H3.5A1.5 1.5 0 0 0 2 3v6a1.5 1.5 0 0 0 1.5 1.5" />
    </Icon>
  );
}

export function DownloadIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8 2v8M4.75 7 8 10.25 11.25 7M2.5 13.5h11" />
    </Icon>
  );
}
