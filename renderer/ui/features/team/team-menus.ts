import { useEffect, type MouseEvent, type RefObject } from 'react';

/** One menu of each kind for every row, so a team of fifty holds two popovers, not a hundred. */
export const AGENT_MENU_ID = 'agent-menu';
export const MESSAGING_MENU_ID = 'messaging-menu';

/**
 * The browser treats every trigger of a popover as its toggle, so with one menu shared by all rows a
 * click on another row's trigger would close the menu rather than show it for that row. The menu
 * moves to the row clicked instead, anchored under its trigger.
 */
export function moveOpenMenuToTrigger(
  event: MouseEvent<HTMLButtonElement>,
  menuId: string,
  openForAnotherRow: boolean,
): void {
  const menu = document.getElementById(menuId);
  if (!openForAnotherRow || menu === null || !menu.matches(':popover-open')) return;
  event.preventDefault();
  menu.hidePopover();
  menu.showPopover({ source: event.currentTarget });
}

/**
 * A choice made in the Chats & SMS menu ends the whole errand: the row's Monitor menu it was opened
 * from closes with it (hiding the outer popover hides the one nested in it).
 */
export function closeTeamMenus(): void {
  for (const id of [AGENT_MENU_ID, MESSAGING_MENU_ID]) {
    const menu = document.getElementById(id);
    if (menu?.matches(':popover-open')) menu.hidePopover();
  }
}

/** A closed menu holds nothing, so its controls never act for a row that scrolled away or was filtered out. */
export function useForgetTargetWhenClosed(menu: RefObject<HTMLElement | null>, forget: () => void): void {
  useEffect(() => {
    const element = menu.current;
    if (element === null) return;
    const onToggle = (event: Event) => {
      if ((event as ToggleEvent).newState === 'closed') forget();
    };
    element.addEventListener('toggle', onToggle);
    return () => element.removeEventListener('toggle', onToggle);
  }, [menu, forget]);
}
