import type { ReactNode } from 'react';
import { InfoIcon } from './icons';

/**
 * Calm by design: the messages come written for the supervisor ("wrong password", "server not
 * answering"), so they are shown as they are, without alarm colours for routine problems.
 */
export function NoticeBanner({
  tone = 'warning',
  children,
  testId,
  action,
}: {
  tone?: 'warning' | 'info';
  children: ReactNode;
  testId?: string;
  action?: ReactNode;
}) {
  return (
    <div className={`notice notice--${tone}`} role="alert" data-testid={testId}>
      <InfoIcon className="notice__icon" />
      <div className="notice__text">{children}</div>
      {action}
    </div>
  );
}
