/**
 * The page the browser edition shows over the app when another tab controls Earshot. It is the
 * transport's business, not the app's: the Electron app has one window and never shows it.
 */
export type ElsewhereReason = 'waiting' | 'taken-over';

const NOTICE_ID = 'earshot-elsewhere';

const texts: Readonly<Record<ElsewhereReason, { title: string; body: string }>> = {
  waiting: {
    title: 'Earshot is open in another tab',
    body: 'Only one tab at a time can control Earshot, so a tab left open somewhere never acts for you. Use it here instead, and the other tab stops.',
  },
  'taken-over': {
    title: 'Earshot is now open in another tab',
    body: '“Use here” was chosen in another tab or window, so this one stopped: nothing you do here reaches Earshot. Monitoring goes on there.',
  },
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

export function showElsewhereNotice(reason: ElsewhereReason, useHere: () => void): void {
  const show = () => {
    hideElsewhereNotice();
    const { title, body } = texts[reason];
    const notice = element('div', 'earshot-elsewhere');
    notice.id = NOTICE_ID;
    notice.dataset.reason = reason;
    notice.setAttribute('role', 'alertdialog');
    notice.setAttribute('aria-modal', 'true');
    notice.setAttribute('aria-labelledby', `${NOTICE_ID}-title`);
    notice.setAttribute('aria-describedby', `${NOTICE_ID}-body`);
    const card = element('div', 'earshot-elsewhere__card');
    const heading = element('h1', 'earshot-elsewhere__title', title);
    heading.id = `${NOTICE_ID}-title`;
    const text = element('p', 'earshot-elsewhere__body', body);
    text.id = `${NOTICE_ID}-body`;
    const button = element('button', 'earshot-elsewhere__button', 'Use here');
    button.type = 'button';
    button.addEventListener('click', () => {
      button.disabled = true;
      useHere();
    });
    card.append(heading, text, button);
    notice.append(card);
    document.getElementById('root')?.setAttribute('inert', '');
    document.body.append(notice);
    button.focus();
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}

export function hideElsewhereNotice(): void {
  document.getElementById(NOTICE_ID)?.remove();
  document.getElementById('root')?.removeAttribute('inert');
}
