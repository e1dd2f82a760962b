import type { AgentActivity } from '../../../../electron/common/models/agent';
import { ChatIcon, PhoneIcon, SmsIcon } from '../../components/icons';

function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function ActivityBadges({ activity }: { activity: AgentActivity }) {
  const idle = !activity.onCall && activity.chats === 0 && activity.smsSessions === 0;
  if (idle) {
    return (
      <span className="activity activity--idle" title="No active interactions">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">No active interactions</span>
      </span>
    );
  }
  const chats = countLabel(activity.chats, 'chat', 'chats');
  const sms = countLabel(activity.smsSessions, 'SMS session', 'SMS sessions');
  return (
    <span className="activity">
      {activity.onCall && (
        <span className="badge badge--call" title="On a call">
          <PhoneIcon width={13} height={13} />
          On call
        </span>
      )}
      {activity.chats > 0 && (
        <span className="badge badge--chat" title={chats}>
          <ChatIcon width={13} height={13} />
          <span aria-hidden="true">{activity.chats}</span>
          <span className="visually-hidden">{chats}</span>
        </span>
      )}
      {activity.smsSessions > 0 && (
        <span className="badge badge--sms" title={sms}>
          <SmsIcon width={13} height={13} />
          <span aria-hidden="true">{activity.smsSessions}</span>
          <span className="visually-hidden">{sms}</span>
        </span>
      )}
    </span>
  );
}
