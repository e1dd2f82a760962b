/**
 * How the team table lays out at a width. The Name column keeps at least 240 px (a whole name of
 * about 28 characters); below each width here the next layout gives up a lower-value column or
 * folds the row's actions into one menu. The column templates are in team.css, by layout.
 */
export type TeamLayout = 'full' | 'no-group' | 'menu' | 'narrow';

/** The table width each layout needs: 240 px of name plus its other columns (team.css). */
export const teamLayoutWidths: Readonly<Record<TeamLayout, number>> = {
  full: 1384,
  'no-group': 1234,
  menu: 932,
  narrow: 868,
};

/** Below `narrow`'s width the table scrolls sideways rather than squeeze the name. */
export function teamLayoutFor(width: number): TeamLayout {
  if (width >= teamLayoutWidths.full) return 'full';
  if (width >= teamLayoutWidths['no-group']) return 'no-group';
  if (width >= teamLayoutWidths.menu) return 'menu';
  return 'narrow';
}

/** Whether a row's Listen, Coach, Barge in and Chats & SMS fold into one Monitor menu. */
export function foldsRowActions(layout: TeamLayout): boolean {
  return layout === 'menu' || layout === 'narrow';
}
